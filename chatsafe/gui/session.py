"""An open case in the app: the case, who is reviewing, and how work reaches the worker.

Writes run as jobs on the runner, each in its own transaction on the case's main
connection (which only the worker uses). The GUI thread reads small pages through a
second connection, ``reader``; WAL lets it read while the worker writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from chatsafe.gui.tasks import Done, Failed, Runner
from chatsafe.review import lexicon
from chatsafe.review.labels import Role
from chatsafe.store.case import Case


@dataclass(frozen=True)
class Reviewer:
    name: str
    role: Role

    @property
    def confirms(self) -> bool:
        return self.role is Role.MINISTER


class Session(QObject):
    """Emits ``changed(what)`` after a write lands: labels, conversations, lexicon, settings."""

    changed = Signal(str)
    failed = Signal(object)  # an exception from a job without its own error handler

    def __init__(self, case: Case, reviewer: Reviewer, runner: Runner) -> None:
        super().__init__()
        self.case = case
        self.reviewer = reviewer
        self.runner = runner
        self.reader = case.connect()
        self.matcher = lexicon.Matcher.from_case(self.reader)
        self.period: tuple[str | None, str | None] = (None, None)
        self.reload_settings()

    def reload_settings(self) -> None:
        rows = dict(self.reader.execute("SELECT key, value FROM settings"))
        self.period = (rows.get("period_start"), rows.get("period_end"))

    def reload_lexicon(self) -> None:
        self.matcher = lexicon.Matcher.from_case(self.reader)

    def write(
        self,
        fn: Callable[[Any], Any],
        *,
        changed: str = "labels",
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run ``fn(connection)`` in one transaction on the worker."""
        case = self.case

        def job() -> Any:
            with case.transaction() as c:
                return fn(c)

        def done(result: Any) -> None:
            if changed == "lexicon":
                self.reload_lexicon()
            elif changed == "settings":
                self.reload_settings()
            self.changed.emit(changed)
            if on_done is not None:
                on_done(result)

        self.runner.run(job, done, on_error or self.failed.emit)

    def read(self, fn: Callable[[Any], Any], on_done: Done, on_error: Failed | None = None) -> None:
        """Run ``fn(connection)`` on the worker for reads that may take long (summaries)."""
        case = self.case
        self.runner.run(lambda: fn(case.conn), on_done, on_error or self.failed.emit)

    def close(self) -> None:
        self.reader.close()
        case = self.case
        self.runner.run(case.close)
