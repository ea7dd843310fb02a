"""The demo case: where it lives and the one fixed passphrase it uses.

Only the demo case has a fixed passphrase (it holds invented chats and is meant to be
opened by anyone trying the app); the app and ``chatsafe demo`` say it wherever it is
needed, since on a computer without a keyring nobody could open the demo otherwise.
"""

from __future__ import annotations

from pathlib import Path

from chatsafe import paths

DEMO_PASSPHRASE = "chatsafe-demo-case"
DEMO_OWNER = "Minister J. de Vries"  # the owner in the sample exports


def demo_path() -> Path:
    return paths.data_dir() / "demo.chatsafe"


def is_demo(path: Path) -> bool:
    """Whether ``path`` is the demo case ``chatsafe demo`` builds."""
    try:
        return path.resolve() == demo_path().resolve()
    except OSError:
        return False
