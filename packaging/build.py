"""Build the frozen app, make the portable zip, and smoke-test what ships.

    python packaging/build.py            build dist/chatsafe/, the zip, then the smoke test
    python packaging/build.py --smoke    the same (the one command CI runs)
    python packaging/build.py --no-smoke build and zip only
    python packaging/build.py --smoke-only   smoke-test an existing dist/ (no build)
    python packaging/build.py --version  the version the build stamps (pyproject.toml)

The smoke test runs on a copy unpacked from the portable zip (with its portable.ini),
so it tests exactly what a user gets, and checks that nothing was written outside the
program's folder. Exit code 0 only when the build and every existing smoke step pass.
Figures (sizes, start time, build and smoke time) are printed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildinfo  # noqa: E402

ROOT = buildinfo.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = DIST / "chatsafe"
SIZE_TARGET_MB = 200
START_TARGET_S = 2.0
PORTABLE_INI = """\
; This file makes chatsafe portable: its settings, logs and caches stay in the folder
; named below, beside the program (nothing is written to the user profile or the
; system). Delete this file to use the usual per-user folders instead.
[portable]
folder = chatsafe-data
"""


def stamped_version() -> str:
    """The version the spec stamps on the frozen app: pyproject.toml's."""
    return buildinfo.package_version()


def check_installed_version() -> None:
    # PyInstaller ships the installed metadata; a stale install would stamp an old version.
    installed = metadata.version("chatsafe")
    if installed != stamped_version():
        sys.exit(
            f"build: installed chatsafe is {installed} but pyproject.toml says "
            f"{stamped_version()}: run `pip install -e .` first"
        )


def check_binding() -> None:
    """Refuse to freeze a Qt binding that corrupts None (PySide6 6.12.0 on Python 3.11):
    the frozen app would crash minutes into a review. See chatsafe/gui/selfcheck.py."""
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        " from chatsafe.gui.selfcheck import check; v = check();"
        " print(f'PySide6 {v.pyside} on Python {v.python}: drift {v.drift}');"
        " sys.exit(0 if v.ok else 1)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"build: the installed Qt binding fails chatsafe's self-check: {proc.stdout}")


def check_json_parser() -> None:
    """The JSON importers stream through ijson; freeze its C parser (yajl), not only the
    pure Python fallback that ijson would pick silently when the C one is missing."""
    code = "import ijson, sys; sys.exit(ijson.backend_name != 'yajl2_c')"
    if subprocess.run([sys.executable, "-c", code], check=False).returncode != 0:
        raise SystemExit(
            "build: ijson with its C parser (yajl2_c) is not installed; pip install ijson"
        )


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        extra = buildinfo.pyproject()["project"]["optional-dependencies"]["build"]  # type: ignore[index]
        print(f"build: installing the build tools: {' '.join(extra)}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *extra], check=True)


def build() -> float:
    ensure_pyinstaller()
    check_installed_version()
    check_binding()
    check_json_parser()
    start = time.perf_counter()
    compile_translations()
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(HERE / "chatsafe.spec"),
    ]
    print("build:", " ".join(cmd[2:]), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    strip_debug_info()
    took = time.perf_counter() - start
    print(f"build: dist/chatsafe/ built in {took:.0f} s", flush=True)
    return took


def compile_translations() -> None:
    """resources/i18n/*.ts -> build/i18n/*.qm (shipped as chatsafe/data/i18n)."""
    if not list((ROOT / "resources" / "i18n").glob("*.ts")):
        return
    code = (
        "import sys; from pathlib import Path; from chatsafe.gui import i18n; "
        "i18n.build_qm(Path(sys.argv[1]))"
    )
    out = ROOT / buildinfo.QM_BUILD_DIR
    proc = subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        # The app falls back to reading the .ts sources, which are shipped too.
        print(f"build: WARNING: could not compile translations: {proc.stderr[-500:]}", flush=True)


def strip_debug_info() -> None:
    """Drop debug sections from libraries that carry them (libpython, sqlcipher3, pkcs11,
    fontTools: ~40 MB). Only those: the others are stripped already, and rewriting a
    library auditwheel patched is a risk for nothing. The smoke test imports them all."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or not strip:
        return
    for lib in (APP / "_internal").rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        with lib.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        if b".debug_info" in lib.read_bytes():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def make_zip(app: Path = APP) -> Path:
    """dist/chatsafe-<version>-<platform>.zip: the folder plus portable.ini and menu files."""
    out = DIST / buildinfo.zip_name(stamped_version())
    extras = {
        "chatsafe/portable.ini": PORTABLE_INI.encode(),
    }
    if sys.platform.startswith("linux"):
        extras["chatsafe/linux/chatsafe.desktop"] = (
            HERE / "linux" / "chatsafe.desktop"
        ).read_bytes()
        extras["chatsafe/linux/install-menu-entry.sh"] = (
            HERE / "linux" / "install-menu-entry.sh"
        ).read_bytes()
        extras["chatsafe/linux/chatsafe.png"] = (
            ROOT / "resources" / "icons" / "chatsafe-256.png"
        ).read_bytes()
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(app.rglob("*")):
            name = f"chatsafe/{path.relative_to(app).as_posix()}"
            if path.is_symlink():
                # Kept as links (unzip and file managers restore them), not as copies.
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
        for name, data in extras.items():
            info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            info.create_system = 3
            mode = 0o755 if name.endswith(".sh") else 0o644
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    tmp.replace(out)
    return out


def unpack(zip_path: Path, into: Path) -> Path:
    """Unpack our own zip, restoring symlinks and executable bits (zipfile does neither)."""
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            target = into / info.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                os.symlink(zf.read(info).decode(), target)
            else:
                target.write_bytes(zf.read(info))
                if mode & 0o111:
                    target.chmod(0o755)
    return into / "chatsafe"


def smoke(zip_path: Path | None) -> tuple[bool, dict[str, float]]:
    import smoke as smoke_mod

    with tempfile.TemporaryDirectory(prefix="chatsafe-smoke-") as tmp:
        tmpdir = Path(tmp)
        if zip_path is not None:
            app = unpack(zip_path, tmpdir / "unpacked")
            print(f"smoke: testing the app unpacked from {zip_path.name}", flush=True)
        else:
            app = APP
            print(f"smoke: testing {app}", flush=True)
        work = tmpdir / "work"
        work.mkdir()
        s = smoke_mod.Smoke(app, work, stamped_version())
        ok = s.all(portable=(app / "portable.ini").exists())
        return ok, s.figures


def report(figures: dict[str, float]) -> None:
    print("\nfigures:")
    for key, label, unit, target in (
        ("build_s", "build (PyInstaller + strip)", "s", None),
        ("zip_s", "zip", "s", None),
        ("folder_mb", "frozen folder", "MB", SIZE_TARGET_MB),
        ("zip_mb", "portable zip", "MB", None),
        ("paint_first_s", "GUI start to first paint, first run", "s", START_TARGET_S),
        ("paint_best_s", "GUI start to first paint, best of 3", "s", START_TARGET_S),
        ("exit_after_timer_s", "GUI start to exit, less --quit-after", "s", None),
        ("smoke_s", "smoke test", "s", None),
        ("total_s", "total", "s", None),
    ):
        if key in figures:
            value = figures[key]
            verdict = ""
            if target is not None:
                verdict = f"  (target < {target} {unit}: {'ok' if value < target else 'OVER'})"
            print(f"  {label:<38} {value:8.2f} {unit}{verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--smoke", action="store_true", help="build, zip and smoke-test (default)")
    mode.add_argument("--no-smoke", action="store_true", help="build and zip only")
    mode.add_argument("--smoke-only", action="store_true", help="smoke-test the existing build")
    mode.add_argument("--version", action="store_true", help="print the version the build stamps")
    args = parser.parse_args(argv)
    if args.version:
        print(stamped_version())
        return 0
    started = time.perf_counter()
    figures: dict[str, float] = {}
    if not args.smoke_only:
        figures["build_s"] = build()
    if not (APP / f"chatsafe{'.exe' if sys.platform == 'win32' else ''}").exists():
        print("build: dist/chatsafe/ does not exist: build first", file=sys.stderr)
        return 1
    t = time.perf_counter()
    zip_path = make_zip()
    figures["zip_s"] = time.perf_counter() - t
    figures["folder_mb"] = folder_size(APP) / 1e6
    figures["zip_mb"] = zip_path.stat().st_size / 1e6
    print(f"build: {zip_path.relative_to(ROOT)} ({figures['zip_mb']:.0f} MB)", flush=True)
    ok = True
    if not args.no_smoke:
        ok, smoke_figures = smoke(zip_path)
        figures.update(smoke_figures)
    figures["total_s"] = time.perf_counter() - started
    report(figures)
    if not ok:
        print("build: SMOKE TEST FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
