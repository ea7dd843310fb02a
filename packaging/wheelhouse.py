"""Offline installation for Python users: every wheel chatsafe needs, in one folder.

On a machine with network (the release manager's):

    python packaging/wheelhouse.py                       # this platform and Python
    python packaging/wheelhouse.py --platform win_amd64 --python-version 3.11
    python packaging/wheelhouse.py --platform macosx_11_0_arm64 --python-version 3.12
    python packaging/wheelhouse.py --check               # then install it offline in a fresh venv

Copy the wheelhouse/ folder to the laptop; there, with the network off:

    python -m venv chatsafe-venv
    chatsafe-venv/bin/pip install --no-index --find-links wheelhouse chatsafe
    (Windows: chatsafe-venv\\Scripts\\pip install --no-index --find-links wheelhouse chatsafe)

``--no-index`` makes pip use only the folder: if a wheel were missing the install would
fail rather than reach out. Only binary wheels are taken (no source builds on the
laptop, no compiler needed). ``--check`` proves exactly that, here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import buildinfo  # noqa: E402

DEFAULT_DEST = ROOT / "wheelhouse"
# Dependencies behind a sys_platform marker, per --platform prefix (see make()).
PLATFORM_EXTRAS = {"win": ["pywin32-ctypes>=0.2.0"]}


def pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", *args]
    print("wheelhouse: pip", " ".join(args), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def make(dest: Path, platform: str | None, python_version: str | None) -> Path:
    """Build chatsafe's wheel into ``dest`` and download its dependencies beside it."""
    dest.mkdir(parents=True, exist_ok=True)
    version = buildinfo.package_version()
    for old in dest.glob("chatsafe-*.whl"):
        old.unlink()
    pip("wheel", "--no-deps", "--wheel-dir", str(dest), str(ROOT))
    wheel = next(dest.glob(f"chatsafe-{version}-*.whl"))
    target: list[str] = []
    if platform:
        target += ["--platform", platform, "--implementation", "cp"]
    if python_version:
        target += ["--python-version", python_version]
    # Binary wheels only, even for the build machine: the laptop has no compiler.
    pip("download", "--dest", str(dest), "--only-binary=:all:", *target, str(wheel))
    # pip judges environment markers by the machine it runs on, not by --platform: add
    # what keyring needs on Windows (Credential Manager through pywin32-ctypes).
    extra = PLATFORM_EXTRAS.get((platform or "").split("_")[0], [])
    if extra:
        pip("download", "--dest", str(dest), "--only-binary=:all:", *target, *extra)
    refuse_broken_binding(dest, python_version)
    return wheel


def refuse_broken_binding(dest: Path, python_version: str | None) -> None:
    """PySide6 6.12 on Python 3.11 corrupts None and the GUI aborts (pyproject.toml bounds
    it). pip may judge that marker by this machine's Python, not the target's: check."""
    target = python_version or f"{sys.version_info[0]}{sys.version_info[1]}"
    if target.replace(".", "")[:3] not in ("311",):
        return
    bad = sorted(dest.glob("[Pp]y[Ss]ide6_[Ee]ssentials-6.1[2-9]*.whl"))
    if bad:
        sys.exit(f"wheelhouse: {bad[0].name} crashes on Python 3.11; remove it and use <6.12")


def check(dest: Path) -> None:
    """Install from the wheelhouse alone into a fresh venv and run chatsafe from it."""
    with tempfile.TemporaryDirectory(prefix="chatsafe-offline-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
        py = bindir / ("python.exe" if sys.platform == "win32" else "python")
        start = time.perf_counter()
        subprocess.run(
            [
                str(py),
                "-m",
                "pip",
                "install",
                "-q",
                "--no-index",
                "--find-links",
                str(dest),
                "chatsafe",
            ],
            check=True,
        )
        took = time.perf_counter() - start
        exe = bindir / ("chatsafe.exe" if sys.platform == "win32" else "chatsafe")
        out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
        expected = f"chatsafe {buildinfo.package_version()}"
        if out.stdout.strip() != expected:
            sys.exit(
                f"wheelhouse: installed app says {out.stdout.strip()!r}, expected {expected!r}"
            )
        # Every runtime dependency imports (the GUI's Qt without a display).
        code = (
            "import chatsafe.cli, chatsafe.bundle.verify, sqlcipher3, PIL, keyring, fpdf, "
            "xmlschema, pkcs11, pygfried, phonenumbers, uharfbuzz, ijson.backends.yajl2_c, "
            "isal.isal_zlib; "
            "from PySide6.QtWidgets import QApplication"
        )
        subprocess.run([str(py), "-c", code], check=True)
        print(f"wheelhouse: offline install ok ({took:.0f} s, --no-index): {out.stdout.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST, help="the wheelhouse folder")
    parser.add_argument("--platform", help="pip platform tag, e.g. win_amd64, manylinux2014_x86_64")
    parser.add_argument("--python-version", help="target Python, e.g. 3.11 (default: this one)")
    parser.add_argument("--check", action="store_true", help="then install offline in a fresh venv")
    parser.add_argument("--check-only", action="store_true", help="only the offline install check")
    args = parser.parse_args(argv)
    if not args.check_only:
        make(args.dest, args.platform, args.python_version)
        wheels = sorted(args.dest.glob("*.whl"))
        size = sum(w.stat().st_size for w in wheels) / 1e6
        print(f"wheelhouse: {len(wheels)} wheels, {size:.0f} MB in {args.dest}")
    if args.check or args.check_only:
        if args.platform and not args.check_only:
            print("wheelhouse: --check installs for this machine; skipped for another platform")
        else:
            check(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
