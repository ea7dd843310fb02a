"""The collection guide: what IT support brings from a minister's devices, and a check
of the inputs before the long import starts (``chatsafe formats --guide / --check``).

"Export chat" is cut (WhatsApp exports at most 10,000-40,000 messages) and loses ids,
reactions and edits; the apps' own databases hold everything. The guide says, per
platform, which database to bring and which secret opens it; the check looks at each
input the way the import will and says what is missing, in one line each, without
decrypting anything.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from chatsafe import importers
from chatsafe.errors import ChatsafeError
from chatsafe.sources import open_source

BACKUP_PASSWORD_ENV = "CHATSAFE_BACKUP_PASSWORD"
WHATSAPP_KEY_ENV = "CHATSAFE_WHATSAPP_KEY"
SIGNAL_SAFE_STORAGE_ENV = "CHATSAFE_SIGNAL_SAFE_STORAGE"
SIGNAL_LOCKED = (
    "Signal Desktop's key is locked by the minister's keychain: give the password of its "
    "'Signal Safe Storage' item (CHATSAFE_SIGNAL_SAFE_STORAGE) or the raw key (--signal-key)"
)

#: (platform, what to bring, how) in the order IT support meets them.
GUIDE: list[tuple[str, str, list[str]]] = [
    ("iPhone", "an encrypted Finder/iTunes backup and its backup password", [
        "Connect the iPhone to a Mac (Finder) or Windows PC (Apple Devices / iTunes).",
        "Choose 'Encrypt local backup' and set a password; an encrypted backup also "
        "holds data an unencrypted one leaves out. Write the password down for the import.",
        "Back up now. Import the backup folder (MobileSync/Backup/<device id>) as it is.",
        "The password is asked for at import (or CHATSAFE_BACKUP_PASSWORD); never put it "
        "on the command line.",
        "WhatsApp and Messages (iMessage, SMS) come from the backup. Signal keeps its "
        "messages out of iPhone backups: bring Signal Desktop (below).",
    ]),
    ("Android WhatsApp", "the WhatsApp folder and the 64-digit end-to-end backup key", [
        "In WhatsApp: Settings > Chats > Chat backup > End-to-end encrypted backup: turn "
        "it on with a 64-digit key (not a password: a password needs WhatsApp's servers "
        "and cannot be used offline). Write the 64 digits down.",
        "Back up to the phone. Copy Android/media/com.whatsapp/WhatsApp/ (Databases/ and "
        "Media/) from the phone to the laptop.",
        "Give the key at import: CHATSAFE_WHATSAPP_KEY, or --whatsapp-key FILE, or the "
        "key file (encrypted_backup.key) in the folder. Older crypt14 backups need the "
        "phone's 'key' file.",
    ]),
    ("WhatsApp Desktop (Mac)", "the app group folder", [
        "Quit WhatsApp. Copy ~/Library/Group Containers/"
        "group.net.whatsapp.WhatsApp.shared/ whole: ChatStorage.sqlite, its -wal file "
        "(the newest messages are there) and Message/Media.",
    ]),
    ("Signal Desktop", "the Signal folder, with Signal closed", [
        "Quit Signal Desktop first (its newest messages are in db.sqlite-wal until then).",
        "Copy the whole folder: ~/Library/Application Support/Signal (Mac), "
        "%APPDATA%\\Signal (Windows), ~/.config/Signal (Linux): config.json, 'Local "
        "State', sql/ and attachments.noindex/.",
        "Run chatsafe on the minister's own laptop and account to open the key: the Mac "
        "keychain item 'Signal Safe Storage', the Linux desktop keyring, or Windows "
        "(DPAPI) unlock it there. Elsewhere give the safeStorage password "
        "(CHATSAFE_SIGNAL_SAFE_STORAGE; from KWallet: folder 'Signal Keys') or the raw "
        "key (--signal-key FILE).",
    ]),
    ("Exports", "'Export chat' files, as a complement", [
        "WhatsApp 'Export chat' (with media), Signal exports, SMS Backup & Restore, "
        "Telegram Desktop, e-mail (mbox): import them too. chatsafe merges a WhatsApp "
        "export with the database of the same chat and reports what each source held.",
    ]),
]  # fmt: skip


@dataclass
class Finding:
    path: str
    format: str | None
    ok: bool
    message: str


def guide_text() -> str:
    out = ["What to bring, per platform (the apps' databases hold every message; "
           "exports are cut):", ""]  # fmt: skip
    for platform, what, steps in GUIDE:
        out.append(f"{platform}: {what}")
        out += [f"  {n}. {step}" for n, step in enumerate(steps, 1)]
        out.append("")
    return "\n".join(out)


def guide_json() -> list[dict[str, object]]:
    return [{"platform": p, "bring": w, "steps": s} for p, w, s in GUIDE]


def _needs(path: Path, fmt: str) -> tuple[bool, str] | None:
    """(blocking, sentence): what the import of ``path`` as ``fmt`` lacks, if anything."""
    from chatsafe.importers import iphone_backup

    if fmt == "iphone-backup" and iphone_backup.is_encrypted(path):
        if not os.environ.get(BACKUP_PASSWORD_ENV):
            return False, "an encrypted iPhone backup: the import will ask for its password"
    if fmt == "whatsapp-android":
        files = [path] if path.is_file() else list(path.rglob("*"))
        encrypted = any(f.name.endswith((".crypt14", ".crypt15")) for f in files)
        has_key = any(f.name in ("encrypted_backup.key", "key") for f in files)
        if encrypted and not has_key and not os.environ.get(WHATSAPP_KEY_ENV):
            return True, "an encrypted WhatsApp backup: give the 64-digit key (--whatsapp-key)"
        if path.is_dir() and not any(f.is_dir() and f.name == "Media" for f in files):
            return False, "no Media folder next to the database: photos and files will be missing"
    if fmt in ("signal-desktop", "whatsapp-ios") and path.is_dir():
        for wal in path.rglob("db.sqlite-wal"):
            if wal.stat().st_size > 0:
                return True, "the app was still running: quit it and copy the folder again"
    if fmt == "signal-desktop" and path.is_dir():
        if _signal_needs_password(path):
            return True, SIGNAL_LOCKED
        return _signal_from_windows(path)
    return None


def _signal_from_windows(folder: Path) -> tuple[bool, str] | None:
    """A Signal folder from Windows opens only with 'Local State' beside config.json."""
    from chatsafe.importers import safe_storage_windows

    for config in folder.rglob("config.json"):
        try:
            value = json.loads(config.read_text(encoding="utf-8")).get("encryptedKey")
            blob = bytes.fromhex(value) if isinstance(value, str) else b""
        except (OSError, ValueError, AttributeError):
            continue  # the import names what is wrong with it
        if (
            safe_storage_windows.is_windows_value(blob)
            and not (config.parent / "Local State").is_file()
        ):
            return False, (
                "a Signal folder from Windows without its 'Local State' file: copy that "
                "file too (and import on the minister's laptop), or give the raw key"
            )
    return None


def secrets_needed(path: Path) -> list[str]:
    """The secrets the import of ``path`` will ask for that are not next to it:
    "backup_password" (an encrypted iPhone backup), "whatsapp_key" (a crypt14/crypt15
    backup without its key file), "signal_password" (a Signal Desktop folder whose key
    neither this computer's keychain nor Linux's fixed secret opens). The GUI asks for
    them before the import starts."""
    from chatsafe.importers import iphone_backup

    if path.is_dir() and (path / "Manifest.plist").is_file():
        return ["backup_password"] if iphone_backup.is_encrypted(path) else []
    if _signal_needs_password(path):
        return ["signal_password"]
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    encrypted = any(f.name.startswith("msgstore") and f.name.endswith((".crypt14", ".crypt15"))
                    for f in files)  # fmt: skip
    if encrypted and not any(f.name in ("encrypted_backup.key", "key") for f in files):
        return ["whatsapp_key"]
    return []


def _signal_needs_password(path: Path) -> bool:
    """A Signal Desktop folder whose ``encryptedKey`` only a typed safeStorage password
    can open (not a Windows one: DPAPI needs no password, only the right account)."""
    from chatsafe.importers import safe_storage_windows, signal_desktop_crypto

    config = path / "config.json"
    if not (config.is_file() and (path / "sql" / "db.sqlite").is_file()):
        return False
    if os.environ.get(SIGNAL_SAFE_STORAGE_ENV):
        return False
    try:
        parsed = json.loads(config.read_text(encoding="utf-8"))
        blob = bytes.fromhex(parsed.get("encryptedKey") or "")
    except (OSError, ValueError, AttributeError, TypeError):
        return False  # the import names what is wrong with config.json
    if not blob or safe_storage_windows.is_windows_value(blob):
        return False
    key, _why = signal_desktop_crypto.key_from_config(parsed, None)
    return key is None


READY = "ready to import"


def check_one(path: Path) -> tuple[Finding, ChatsafeError | None]:
    """One input's finding, with the error that refused it (the app renders its code)."""
    try:
        with open_source(path) as source:
            fmt = importers.detect(source).name
    except ChatsafeError as exc:
        return Finding(str(path), None, False, exc.message), exc
    need = _needs(path, fmt)
    if need is None:
        return Finding(str(path), fmt, True, READY), None
    blocking, sentence = need
    message = sentence if blocking else f"{READY}; {sentence}"
    return Finding(str(path), fmt, not blocking, message), None


def check(paths: list[Path]) -> list[Finding]:
    """One finding per input: its format and whether the import can go ahead."""
    return [check_one(path)[0] for path in paths]


def findings_json(found: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in found], ensure_ascii=False, indent=2)
