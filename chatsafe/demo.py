"""The demo case: where it lives and the one fixed passphrase it uses.

Only the demo case has a fixed passphrase (it holds invented chats and is meant to be
opened by anyone trying the app); the app and ``chatsafe demo`` say it wherever it is
needed, since on a computer without a keyring nobody could open the demo otherwise.
"""

from __future__ import annotations

from pathlib import Path

from chatsafe import keys, paths
from chatsafe.importers.base import ImportContext
from chatsafe.store import Case, create_case, open_case

_ROOT = Path(__file__).resolve().parent

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


def demo_exports() -> list[Path]:
    """The sample exports (zip and text files at the top of the samples folder) plus the
    small party-political chat of ``resources/demo``, from the package or a checkout."""
    found: list[Path] = []
    for sub in ("samples", "demo"):
        for base in (_ROOT / "data", _ROOT.parent / "resources"):
            folder = base / sub
            if folder.is_dir():
                found += sorted(
                    p
                    for p in folder.iterdir()
                    if p.is_file() and p.suffix.lower() in (".txt", ".zip")
                )
                break
    return found


def demo_passphrase() -> str | None:
    return None if keys.keyring_available() else DEMO_PASSPHRASE


def build_demo(path: Path | None = None) -> Case:
    """Open the demo case, building it first when it does not exist."""
    from chatsafe.ingest import import_paths

    path = path or demo_path()
    if path.exists():
        return open_case(path, passphrase=DEMO_PASSPHRASE)
    exports = demo_exports()
    if not exports:
        from chatsafe.errors import CaseError

        raise CaseError("the demo exports are missing from this installation")
    case = create_case(path, passphrase=demo_passphrase())
    try:
        import_paths(case, exports, ImportContext(owner=DEMO_OWNER))
        case.set_setting("period_start", "2024-03-01")
        case.set_setting("period_end", "2024-03-31")
    except BaseException:
        case.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return case
