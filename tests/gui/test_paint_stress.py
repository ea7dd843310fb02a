"""The app must never crash: a long review session paints without hurting Python.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void QPainter call;
a short test never paints long enough to abort, so this one measures ``None``'s
reference count around thousands of repaints driven by the real key bindings. On a bad
binding it fails (cleanly, before the interpreter would abort); keep it that way: it
protects every future upgrade of the binding.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gui_case import write_export
from PySide6.QtCore import Qt

from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import create_case

REPAINTS = 5000
BATCH = 85  # repaints per key press: each press asks the model for every row (slow)
MESSAGES = 3000


def _long_chat(n: int) -> str:
    lines = []
    for i in range(n):
        day, minute = 1 + (i // 1440) % 28, i % 1440
        who = "Minister" if i % 3 == 0 else "Anna de Vries"
        lines.append(
            f"{day:02d}-03-2024 {minute // 60:02d}:{minute % 60:02d} - {who}: bericht {i} over"
            " de begroting, met wat meer tekst zodat de regel breed is"
        )
    return "\n".join(lines) + "\n"


def test_a_long_review_session_paints_without_losing_none(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    exports = tmp_path / "exports"
    exports.mkdir()
    case = create_case(tmp_path / "stress.chatsafe")
    import_paths(
        case,
        [write_export(exports, "Anna de Vries", _long_chat(MESSAGES))],
        ImportContext(owner="Minister"),
    )
    runner = ImmediateRunner()
    w = MainWindow(runner)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.set_session(Session(case, Reviewer("Ada", Role.MINISTER), runner))
    w.show()
    qtbot.waitUntil(lambda: w.msg_model is not None and w.msg_model.rowCount() == MESSAGES)
    w.activateWindow()
    w.transcript.setFocus()
    w.select_message_row(0)
    viewport = w.transcript.viewport()
    start = sys.getrefcount(None)

    # Key presses load rows into the model's cache, which holds references to None of
    # its own; so the count is compared around repaints of a settled view, where a good
    # binding keeps it (6.11 even gains some) and a bad one loses several per row.
    keys = [Qt.Key.Key_J] * 4 + [Qt.Key.Key_P, Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_C]
    repaints = 0
    step = 0
    while repaints < REPAINTS:
        if step % 20 == 10:
            qtbot.keyClick(w.transcript, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        elif step % 20 == 15:
            qtbot.keyClick(w.transcript, Qt.Key.Key_Home)
        else:
            qtbot.keyClick(w.transcript, keys[step % len(keys)])
        viewport.repaint()  # settles the page cache for this position
        before = sys.getrefcount(None)
        for _ in range(BATCH):
            viewport.repaint()
        lost = before - sys.getrefcount(None)
        # Fails long before the count could reach zero and abort the interpreter.
        assert lost <= 0, f"the Qt binding lost {lost} references to None in {BATCH} repaints"
        repaints += BATCH + 1
        step += 1
    assert w.transcript.currentIndex().isValid()
    w.close()
    w.session = None
    case.close()
    # The session as a whole: the process is alive and None holds what it held.
    assert sys.getrefcount(None) >= start - 50
