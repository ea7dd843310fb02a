"""Background work: one worker thread runs every job that touches the case file.

Jobs are plain callables. The worker runs them one after another (so it alone writes to
the case's main connection) and posts the result, or the error, back to the GUI thread
through a queued signal; workers never touch widgets (Picard's ``util/thread.py``).

There is one :class:`Runner`; what differs is the executor. The app uses a worker
thread; tests use :class:`SyncExecutor`, which runs a job at once, so the same delivery
code (logging, busy state, handlers) is what the tests exercise.

Every failure is logged (type and frames, never the message: it can quote chat content)
whether or not the job has its own handler.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal

from chatsafe.errors import ChatsafeError
from chatsafe.logfile import frames

log = logging.getLogger("chatsafe.gui.tasks")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class Job:
    fn: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None


Deliver = Callable[[Job, Any, "BaseException | None"], None]


class Executor(Protocol):
    def start(self, deliver: Deliver) -> None: ...

    def submit(self, job: Job) -> None: ...

    def shutdown(self) -> None: ...


def _call(job: Job) -> tuple[Any, BaseException | None]:
    try:
        return job.fn(), None
    except BaseException as exc:  # handed to the GUI thread, never swallowed
        return None, exc


class _Worker(QThread):
    """Takes jobs from a queue until it receives None."""

    finished_job = Signal(object, object, object)  # job, result, error

    def __init__(self, jobs: queue.Queue[Job | None]) -> None:
        super().__init__()
        self.setObjectName("chatsafe-worker")
        self.jobs = jobs

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            result, error = _call(job)
            self.finished_job.emit(job, result, error)


class ThreadExecutor:
    """The app's executor: one QThread, a FIFO of jobs."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._worker = _Worker(self._jobs)

    def start(self, deliver: Deliver) -> None:
        # The worker emits from its own thread; Qt queues the call onto the GUI thread.
        self._worker.finished_job.connect(deliver)
        self._worker.start()

    def submit(self, job: Job) -> None:
        self._jobs.put(job)

    def shutdown(self) -> None:
        if self._worker.isRunning():
            self._jobs.put(None)
            self._worker.wait()


class SyncExecutor:
    """Runs each job at once on the caller's thread (tests): deterministic outcomes."""

    def __init__(self) -> None:
        self._deliver: Deliver | None = None

    def start(self, deliver: Deliver) -> None:
        self._deliver = deliver

    def submit(self, job: Job) -> None:
        assert self._deliver is not None
        result, error = _call(job)
        self._deliver(job, result, error)

    def shutdown(self) -> None:
        pass


class Runner(QObject):
    """Runs jobs on its executor and delivers results and errors on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, executor: Executor | None = None) -> None:
        super().__init__(parent)
        self.pending = 0
        self.failures = 0  # logged failures, for tests
        self._executor: Executor = executor or ThreadExecutor()
        self._executor.start(self._deliver)

    def run(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self.pending += 1
        if self.pending == 1:
            self.busy_changed.emit(True)
        self._executor.submit(Job(fn, on_done, on_error))

    def shutdown(self) -> None:
        """Finish queued jobs and stop."""
        self._executor.shutdown()

    def _deliver(self, job: Job, result: Any, error: BaseException | None) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            self.failures += 1
            # Type and frames only: an exception's message can quote chat content. A
            # refusal the core explains (a ChatsafeError, with its code) is a warning.
            level = logging.WARNING if isinstance(error, ChatsafeError) else logging.ERROR
            log.log(
                level,
                "background job failed: %s (%s)\n%s",
                type(error).__name__,
                getattr(error, "code", "-"),
                frames(error.__traceback__),
            )
            if job.on_error is not None:
                job.on_error(error)
        elif job.on_done is not None:
            job.on_done(result)


def ThreadRunner(parent: QObject | None = None) -> Runner:  # noqa: N802 - kept name
    """The app's runner: a worker thread."""
    return Runner(parent, ThreadExecutor())


def ImmediateRunner(parent: QObject | None = None) -> Runner:  # noqa: N802 - kept name
    """The same runner on a synchronous executor (tests, and the command line)."""
    return Runner(parent, SyncExecutor())
