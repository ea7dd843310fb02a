"""Background work: one worker thread runs every job that touches the case file.

Jobs are plain callables. The worker runs them one after another (so it alone writes to
the case's main connection) and posts the result, or the error, back to the GUI thread
through a queued signal; workers never touch widgets. Tests use :class:`ImmediateRunner`,
which runs a job at once on the calling thread, so their outcome is deterministic.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger("chatsafe.gui.tasks")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None


class _Worker(QThread):
    """Takes jobs from a queue until it receives None."""

    finished_job = Signal(object, object, object)  # job, result, error

    def __init__(self, jobs: queue.Queue[_Job | None]) -> None:
        super().__init__()
        self.setObjectName("chatsafe-worker")
        self.jobs = jobs

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            try:
                result = job.fn()
            except BaseException as exc:  # handed to the GUI thread, never swallowed
                self.finished_job.emit(job, None, exc)
            else:
                self.finished_job.emit(job, result, None)


class Runner(QObject):
    """The interface both runners share."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending = 0

    def run(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Finish queued jobs and stop."""

    def _deliver(self, job: _Job, result: Any, error: BaseException | None) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if job.on_error is not None:
                job.on_error(error)
            else:
                from chatsafe.logfile import frames

                # Type and frames only: an exception's message can quote chat content.
                log.error(
                    "background job failed: %s\n%s",
                    type(error).__name__,
                    frames(error.__traceback__),
                )
        elif job.on_done is not None:
            job.on_done(result)


class ThreadRunner(Runner):
    """The real runner: one QThread, a FIFO of jobs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._worker = _Worker(self._jobs)
        # The worker emits from its own thread; Qt queues the call onto ours.
        self._worker.finished_job.connect(self._deliver)
        self._worker.start()

    def run(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put(_Job(fn, on_done, on_error))

    def shutdown(self) -> None:
        if self._worker.isRunning():
            self._jobs.put(None)
            self._worker.wait()


class ImmediateRunner(Runner):
    """Runs each job at once on the caller's thread (tests, and the command line)."""

    def run(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self.pending += 1
        job = _Job(fn, on_done, on_error)
        try:
            result = fn()
        except BaseException as exc:
            self._deliver(job, None, exc)
        else:
            self._deliver(job, result, None)
