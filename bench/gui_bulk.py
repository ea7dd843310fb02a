"""Issue 14, item 11 and item 3 at scale: Ctrl+A, P and Ctrl+Z on every message of a big
conversation, as the app runs them (the write on the worker thread), measured from
``bench/gui_scale.py``.

For each key it reports the key event itself, the longest time the GUI thread did not
return to its event loop until the worker and every refresh after it were done (a 1 ms
timer on the GUI thread: the largest gap between its ticks, minus the interval), and the
worker's parts: the undo snapshot, the mark (or the restore) and the reads that follow.
The same-run baselines: the bare SQL a mark cannot avoid (the same ids written to
``message_labels`` with one ``INSERT … SELECT`` and removed with one ``DELETE``, one
transaction each, no log), and the longest gap of the same timer over two idle seconds
(what a loaded machine alone does to the GUI thread).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from chatsafe.gui.main_window import MainWindow
from chatsafe.gui.session import Reviewer, Session
from chatsafe.gui.tasks import Runner, ThreadRunner
from chatsafe.review.labels import Role
from chatsafe.service import CaseService
from chatsafe.store import open_case


class Stalls:
    """The longest stretch the GUI thread spent away from its event loop: in wall time,
    and in the GUI thread's own CPU time (what a loaded machine does not inflate)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.last = 0
        self.longest = 0
        self.last_cpu = 0.0
        self.longest_cpu = 0.0

    def _tick(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time()
        self.longest = max(self.longest, now - self.last - 1)
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    @contextmanager
    def watch(self) -> Iterator[None]:
        self.longest = 0
        self.longest_cpu = 0.0
        self.clock.start()
        self.last = 0
        self.last_cpu = time.thread_time()
        self.timer.start()
        try:
            yield
        finally:
            self.timer.stop()


def settle(runner: Runner, quiet_ms: int = 300) -> None:
    """Run the event loop until the worker has had nothing to do for ``quiet_ms``
    (a finished job may queue a read, whose answer may queue a repaint)."""
    loop = QEventLoop()
    idle = {"since": time.perf_counter()}

    def check() -> None:
        if runner.pending:
            idle["since"] = time.perf_counter()
        elif time.perf_counter() - idle["since"] > quiet_ms / 1000:
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(20)
    loop.exec()
    poll.stop()


@contextmanager
def timing(cls: type, name: str, into: dict[str, float]) -> Iterator[None]:
    """Time every call of ``cls.name`` (on whichever thread), summed under ``name``."""
    real = getattr(cls, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0, cpu0 = time.perf_counter(), time.thread_time()
        try:
            return real(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - t0
            cpu = f"{name} (CPU)"
            into[cpu] = into.get(cpu, 0.0) + time.thread_time() - cpu0

    setattr(cls, name, timed)
    try:
        yield
    finally:
        setattr(cls, name, real)


def measure(
    window: MainWindow, path: Path, key: Any, big_id: int, big: int, session: Callable[[], Session]
) -> tuple[dict[str, float], dict[str, float]]:
    """(figures, baseline) in seconds. Leaves ``window`` on a new session from
    ``session()`` with the big conversation shown, as it found it."""
    r: dict[str, float] = {}
    runner = ThreadRunner()
    window.set_session(
        Session(open_case(path, _key=key), Reviewer("Bench", Role.ASSISTANT), runner)
    )
    settle(runner)
    window.select_conversation(big_id)
    settle(runner)
    assert window.msg_model is not None and window.msg_model.rowCount() == big
    window.transcript.setFocus()
    window._focus = "messages"
    stalls = Stalls()
    with stalls.watch():  # the machine's own noise: the same timer with nothing to do
        idle = QEventLoop()
        QTimer.singleShot(2000, idle.quit)
        idle.exec()
    r["idle 2 s: longest GUI-thread gap (baseline, noise)"] = stalls.longest / 1000
    r["idle 2 s: longest GUI-thread gap, its CPU"] = stalls.longest_cpu

    def key_event(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> float:
        t0 = time.perf_counter()
        QTest.keyClick(window.transcript, k, mods)
        return time.perf_counter() - t0

    with stalls.watch():
        r["Ctrl+A: the key event"] = key_event(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        settle(runner)
    r["Ctrl+A: longest GUI-thread block"] = stalls.longest / 1000
    r["Ctrl+A: longest GUI-thread block, its CPU"] = stalls.longest_cpu
    t0 = time.perf_counter()
    ids = window.selected_message_ids()
    r["collect the selected ids (GUI thread)"] = time.perf_counter() - t0
    assert len(ids) == big, len(ids)

    worker: dict[str, float] = {}
    with (
        timing(CaseService, "snapshot_marks", worker),
        timing(CaseService, "mark_messages", worker),
        timing(CaseService, "restore_marks", worker),
    ):
        with stalls.watch():
            t0 = time.perf_counter()
            r["P: the key event"] = key_event(Qt.Key.Key_P)
            settle(runner)
            r["P: until written and shown"] = time.perf_counter() - t0
        r["P: longest GUI-thread block"] = stalls.longest / 1000
        r["P: longest GUI-thread block, its CPU"] = stalls.longest_cpu
        r["P: worker, undo snapshot"] = worker.pop("snapshot_marks")
        r["P: worker, undo snapshot (its thread's CPU)"] = worker.pop("snapshot_marks (CPU)")
        r["P: worker, the mark"] = worker.pop("mark_messages")
        r["P: worker, the mark (its thread's CPU)"] = worker.pop("mark_messages (CPU)")
        assert window.undo_stack.count() == 1, window.undo_stack.count()
        with stalls.watch():
            t0 = time.perf_counter()
            r["Ctrl+Z: the key event"] = key_event(
                Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
            )
            settle(runner)
            r["Ctrl+Z: until written and shown"] = time.perf_counter() - t0
        r["Ctrl+Z: longest GUI-thread block"] = stalls.longest / 1000
        r["Ctrl+Z: longest GUI-thread block, its CPU"] = stalls.longest_cpu
        r["Ctrl+Z: worker, the restore"] = worker.pop("restore_marks")
        r["Ctrl+Z: worker, the restore (its thread's CPU)"] = worker.pop("restore_marks (CPU)")
        with stalls.watch():
            t0 = time.perf_counter()
            r["Ctrl+Shift+Z (redo): the key event"] = key_event(
                Qt.Key.Key_Z,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
            settle(runner)
            r["Ctrl+Shift+Z: until written and shown"] = time.perf_counter() - t0
        r["Ctrl+Shift+Z: longest GUI-thread block"] = stalls.longest / 1000
        r["Ctrl+Shift+Z: longest GUI-thread block, its CPU"] = stalls.longest_cpu
        r["Ctrl+Shift+Z: worker, the mark again"] = worker.pop("mark_messages")
    assert window.msg_model.message(0) is not None
    window.transcript.clearSelection()
    window.set_session(session())
    runner.shutdown()
    return r, baseline(path, key, big_id)


def baseline(path: Path, key: Any, big_id: int) -> dict[str, float]:
    """The bare SQL of a bulk mark and its undo, on the same ids."""
    case = open_case(path, _key=key)
    base: dict[str, float] = {}
    try:
        ids = [
            int(r[0])
            for r in case.conn.execute(
                "SELECT id FROM messages WHERE conversation_id = ? ORDER BY instant, id", (big_id,)
            )
        ]
        saved = case.conn.execute("SELECT * FROM message_labels").fetchall()
        t0 = time.perf_counter()
        with case.transaction() as c:
            c.execute("DELETE FROM message_labels")
            c.execute(
                "INSERT INTO message_labels(message_id, label, status, reason, by_name, by_role,"
                " at) SELECT value, 'private', 'proposed', NULL, 'Bench', 'assistant', 'now'"
                " FROM json_each(?)",
                (json.dumps(ids),),
            )
        base["mark: one INSERT … SELECT, one transaction"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with case.transaction() as c:
            c.execute(
                "DELETE FROM message_labels WHERE message_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        base["undo: one DELETE, one transaction"] = time.perf_counter() - t0
        with case.transaction() as c:  # as it was: the bench goes on from here
            c.execute("DELETE FROM message_labels")
            if saved:
                marks = ",".join("?" * len(saved[0]))
                c.executemany(f"INSERT INTO message_labels VALUES({marks})", saved)
    finally:
        case.close()
    return base
