"""chatsafe's own settings file (not a case's settings): ``chatsafe.ini`` in the config
folder (chatsafe.paths), or the file ``CHATSAFE_CONFIG`` names. IT support writes it::

    [trust]
    ; a folder of trusted root certificates (PEM, CRT, CER or DER files), e.g. the
    ; PKIoverheid roots; verify trusts a bundle's signer only through these or --ca
    store = C:\\ProgramData\\chatsafe\\trust

    [timestamp]
    ; an RFC 3161 time-stamping authority; its token lets a bundle verify after the
    ; signer's certificate expired. The password comes from CHATSAFE_TSA_PASSWORD.
    url = https://tsa.example.nl/tsa
    username = chatsafe

Secrets never go into this file.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

from chatsafe.errors import SettingsError

CONFIG_ENV = "CHATSAFE_CONFIG"
TSA_PASSWORD_ENV = "CHATSAFE_TSA_PASSWORD"
FILE_NAME = "chatsafe.ini"


@dataclass(frozen=True)
class AppConfig:
    trust_store: Path | None = None
    tsa_url: str | None = None
    tsa_username: str | None = None

    @property
    def tsa_password(self) -> str | None:
        return os.environ.get(TSA_PASSWORD_ENV)


def config_file() -> Path:
    named = os.environ.get(CONFIG_ENV)
    if named:
        return Path(named)
    from chatsafe import paths

    return paths.config_dir() / FILE_NAME


def load(path: Path | None = None) -> AppConfig:
    """The settings file's values; an absent file means no settings."""
    path = path or config_file()
    if not path.is_file():
        if os.environ.get(CONFIG_ENV):
            raise SettingsError("the settings file does not exist", file=str(path))
        return AppConfig()
    parser = configparser.ConfigParser()
    try:
        parser.read_string(path.read_text(encoding="utf-8-sig"), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise SettingsError(
            f"cannot read the settings file ({type(exc).__name__})", file=str(path)
        ) from None
    store = parser.get("trust", "store", fallback="").strip()
    url = parser.get("timestamp", "url", fallback="").strip()
    user = parser.get("timestamp", "username", fallback="").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise SettingsError("[timestamp] url must be an http or https address", file=str(path))
    store_path = None
    if store:
        store_path = Path(os.path.expandvars(os.path.expanduser(store)))
        if not store_path.is_absolute():
            store_path = path.parent / store_path
    return AppConfig(store_path, url or None, user or None)
