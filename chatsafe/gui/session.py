"""An open case in the app: the case service, who is reviewing, and how work reaches
the worker.

The service (and so the case's write connection) is used only by jobs on the runner's
worker. The GUI thread reads small pages through ``reader``, a second connection the
core holds (WAL lets it read while the worker writes); it never touches a connection
or runs SQL itself. Settings the GUI shows (owner, time zone, period) are a snapshot
read through ``reader``, refreshed when a command says settings changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from chatsafe.gui.tasks import Done, Failed, Runner
from chatsafe.review import lexicon
from chatsafe.review.labels import Role
from chatsafe.service import CaseReader, CaseService, Changes
from chatsafe.store.case import Case

T = TypeVar("T")
log = logging.getLogger("chatsafe.gui.session")
_CANCELLED = object()  # what a job cancelled by the close returns instead of a result


@dataclass(frozen=True)
class Reviewer:
    name: str
    role: Role

    @property
    def confirms(self) -> bool:
        return self.role is Role.MINISTER


class Session(QObject):
    """Emits ``changed(Changes)`` after a command lands."""

    changed = Signal(object)
    failed = Signal(object)  # an exception from a job without its own error handler

    def __init__(self, case: CaseService | Case, reviewer: Reviewer, runner: Runner) -> None:
        super().__init__()
        self.service = case if isinstance(case, CaseService) else CaseService(case)
        self.reviewer = reviewer
        self.runner = runner
        self.path: Path = self.service.path
        self.reader: CaseReader = self.service.reader()
        self.matcher: lexicon.Matcher = self.reader.matcher()
        self.settings: dict[str, str] = {}
        self.closed = False
        self.reload_settings()

    @property
    def period(self) -> tuple[str | None, str | None]:
        return self.settings.get("period_start"), self.settings.get("period_end")

    @property
    def owner(self) -> str | None:
        return self.settings.get("owner")

    @property
    def time_zone(self) -> str:
        return self.settings.get("time_zone") or "Europe/Amsterdam"

    def reload_settings(self) -> None:
        self.settings = self.reader.settings()

    def reload_lexicon(self) -> None:
        self.matcher = self.reader.matcher()

    # -- work on the worker ---------------------------------------------------------
    # Once the case is closed, nothing more reaches its service: work submitted later
    # is dropped here (it would fail on the closed connection and log an error), reads
    # still queued are skipped when their turn comes, and no result is delivered to a
    # window that has moved on to another case or to the welcome page. Commands queued
    # before the close still run: the user asked for them, and dropping a mark would
    # lose it silently; only their callbacks are dropped.

    def _submit(
        self,
        fn: Callable[[CaseService], Any],
        on_done: Done | None,
        on_error: Failed | None,
        *,
        cancellable: bool,
    ) -> None:
        if self.closed or self.closed_underneath():
            log.debug("job dropped: the case is closed")
            return
        service = self.service

        def job() -> Any:
            if (cancellable and self.closed) or self.closed_underneath():
                return _CANCELLED  # cancelled by the close: the query never runs
            return fn(service)

        def done(result: Any) -> None:
            if result is not _CANCELLED and not self.closed and on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            if not self.closed and on_error is not None:
                on_error(error)  # (the runner has logged it either way)

        self.runner.run(job, done, failed)

    def command(
        self,
        fn: Callable[[CaseService], Changes],
        on_done: Callable[[Changes], None] | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run a command of the service on the worker; ``changed`` follows on success."""

        def done(changes: Changes) -> None:
            if changes.lexicon:
                self.reload_lexicon()
            if changes.settings:
                self.reload_settings()
            self.changed.emit(changes)
            if on_done is not None:
                on_done(changes)

        self._submit(fn, done, on_error or self.failed.emit, cancellable=False)

    def read(
        self,
        fn: Callable[[CaseReader], Any],
        on_done: Done,
        on_error: Failed | None = None,
    ) -> None:
        """Run a query on the worker, for reads that may take long (summaries)."""
        self._submit(fn, on_done, on_error or self.failed.emit, cancellable=True)

    def run(self, fn: Callable[[CaseService], Any], on_done: Done, on_error: Failed) -> None:
        """Run other work with the service on the worker (import, bundle)."""
        self._submit(fn, on_done, on_error, cancellable=False)

    def closed_underneath(self) -> bool:
        """The case file was closed without this session (a test's fixture, the opener
        giving up): nothing can run on it any more."""
        return getattr(self.service.case, "conn", None) is None

    def close(self) -> None:
        """Close the case: pending reads are cancelled, later work is dropped."""
        if self.closed:
            return
        self.closed = True
        self.reader.close()
        self.runner.run(self.service.close)
