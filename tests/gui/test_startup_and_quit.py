"""Starting and stopping the app: the binding self-check, crash traces, a clean quit."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chatsafe.gui import app as gui_app
from chatsafe.gui import selfcheck

PASSPHRASE = "correct horse battery"


def test_the_installed_binding_passes_the_self_check() -> None:
    verdict = selfcheck.check()
    assert verdict.ok, f"PySide6 {verdict.pyside} lost {-verdict.drift} references to None"


def _bad_binding() -> selfcheck.Probe:
    """A probe that behaves like PySide6 6.12.0 on Python 3.11: references to None vanish
    while it paints. Here they are references this test made, so nothing is corrupted."""
    held = [None] * selfcheck.CALLS

    def probe() -> None:
        held.clear()

    return probe


def test_a_binding_that_loses_none_is_refused_with_a_sentence(qapp, notices, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    verdict = selfcheck.check(_bad_binding())
    assert not verdict.ok and verdict.drift <= -selfcheck.CALLS
    monkeypatch.setattr(selfcheck, "paint_probe", _bad_binding())
    opened: list[object] = []
    monkeypatch.setattr("chatsafe.gui.main_window.MainWindow.show", lambda w: opened.append(w))
    assert gui_app.run(None, lang="en") == 2
    assert opened == [], "no window opens on a bad binding"
    (text,) = notices["error"]
    assert verdict.pyside in text and verdict.python in text and "6.12" in text


def test_the_refusal_is_in_dutch(qapp, notices, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selfcheck, "paint_probe", _bad_binding())
    try:
        assert gui_app.run(None, lang="nl") == 2
    finally:
        from chatsafe.gui import i18n

        i18n.install(qapp, "en")
    (text,) = notices["error"]
    assert "kan" in text and "PySide6" in text and "cannot" not in text


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CHATSAFE_"))}
    env.update(
        HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        CHATSAFE_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
        CHATSAFE_LANG="en",
    )
    return env


def test_a_native_crash_leaves_a_trace_without_content(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import faulthandler
        from chatsafe import logfile, paths
        logfile.install()
        print(paths.log_dir(), flush=True)
        def read_message(text="geheim-kanarie-bericht"):
            faulthandler._sigsegv()
        read_message()
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    trace = (Path(run.stdout.strip()) / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in trace and "read_message" in trace
    assert "kanarie" not in trace


@pytest.mark.slow
def test_ctrl_q_with_an_import_in_flight_quits_cleanly(tmp_path: Path) -> None:
    from chatsafe.store import create_case, open_case

    case_path = tmp_path / "quit.chatsafe"
    create_case(case_path, passphrase=PASSPHRASE).close()
    export = tmp_path / "WhatsApp-chat met Werkgroep.txt"
    lines = (
        f"{1 + i // 5000 % 28:02d}-03-2024 {i // 60 % 24:02d}:{i % 60:02d} - Anna: bericht {i}"
        for i in range(150_000)
    )
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest
        from chatsafe.gui.app import make_app
        from chatsafe.gui.main_window import MainWindow
        from chatsafe.gui.session import Reviewer, Session
        from chatsafe.gui.tasks import ThreadRunner
        from chatsafe.review.labels import Role
        from chatsafe.store import open_case

        app = make_app("en")
        runner = ThreadRunner()
        w = MainWindow(runner)
        w.show()
        w.activateWindow()
        case = open_case(Path({str(case_path)!r}), passphrase={PASSPHRASE!r})
        w.set_session(Session(case, Reviewer("Ada", Role.MINISTER), runner))
        w.start_import([Path({str(export)!r})], owner="Minister")
        from PySide6.QtWidgets import QApplication

        def press_ctrl_q():
            # The key goes where the user's keyboard is: the active window (the progress
            # dialog once it shows). Until a window is active, keys go nowhere: wait.
            target = QApplication.activeWindow()
            if target is None:
                QTimer.singleShot(50, press_ctrl_q)
                return
            QTest.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

        QTimer.singleShot(150, press_ctrl_q)
        sys.exit(app.exec())
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "Fatal" not in run.stderr
    # The next start opens the case normally, whole: the cancelled import left nothing.
    with open_case(case_path, passphrase=PASSPHRASE) as case:
        assert case.check_integrity() == []
        count = case.conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    assert count in (0, 150_000)
