"""Signal Desktop's safeStorage password from the Linux Secret Service.

Electron's safeStorage is Chromium's OSCrypt. With the ``gnome_libsecret`` backend it
keeps one random password per application as a Secret Service item of the schema
``chrome_libsecret_os_crypt_password_v2`` (``components/os_crypt/sync/
key_storage_libsecret.cc``), labelled "Chromium Safe Storage", whose only searchable
attribute is ``application`` = the app's name. Electron sets that name to the app's
(``config->application_name = app_name``), which for Signal Desktop is "Signal": on real
installs ``secret-tool search application Signal`` lists that item (Signal-Desktop issue
#6970). The search ignores the schema name (``SECRET_SCHEMA_DONT_MATCH_NAME``), so this
does too; a wrong item is harmless because a password is accepted only when it opens
the key.

The ``keyring`` library can only look up (service, username) pairs, which is not how
Chromium files the item, so this asks the Secret Service through ``secretstorage``
(BSD-3-Clause), the library ``keyring`` itself uses on Linux. Items in a locked keyring
are not unlocked: that would pop up a desktop prompt in the middle of an import (and
hang a script); the reason says to unlock it or type the password.

KWallet (``kwallet``, ``kwallet5``, ``kwallet6`` in Signal's ``safeStorageBackend``) is
not the Secret Service: Chromium keeps the password there in the folder "Signal Keys",
entry "Signal Safe Storage", which IT support can copy from KWallet Manager and type.
"""

from __future__ import annotations

import contextlib
from typing import Any

APPLICATION = "Signal"
SCHEMA = "chrome_libsecret_os_crypt_password_v2"


def _open_bus() -> Any:
    """A connection to the session bus, or None when this is not a Linux desktop."""
    try:
        import secretstorage  # only on Linux (a dependency of keyring there)
    except ImportError:
        return None
    try:
        return secretstorage.dbus_init()
    except (secretstorage.exceptions.SecretStorageException, OSError):
        return None


def passwords(application: str = APPLICATION) -> tuple[list[bytes], str]:
    """(the safeStorage passwords the Secret Service holds for ``application``, why none).

    The reason is empty when a password was found; otherwise it says what IT support
    can do. Items of Chromium's schema come first."""
    conn = _open_bus()
    if conn is None:
        return [], "no Secret Service (desktop keyring) is reachable on this computer"
    import secretstorage

    found: list[tuple[bool, bytes]] = []
    locked = 0
    try:
        for item in secretstorage.search_items(conn, {"application": application}):
            if item.is_locked():
                locked += 1
                continue
            ours = item.get_attributes().get("xdg:schema") == SCHEMA
            found.append((not ours, item.get_secret()))
    except (secretstorage.exceptions.SecretStorageException, OSError):
        return [], "the Secret Service (desktop keyring) did not answer"
    finally:
        with contextlib.suppress(OSError):
            conn.close()
    if found:
        return [secret for _, secret in sorted(found, key=lambda pair: pair[0])], ""
    if locked:
        return [], "the desktop keyring holding Signal's password is locked: unlock it"
    return [], f"the desktop keyring holds no item for the application {application!r}"
