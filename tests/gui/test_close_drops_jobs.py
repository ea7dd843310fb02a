"""Closing a case cancels its pending reads and drops work submitted afterwards, quietly:
a summary asked for after the close used to run on the closed connection and log
"background job failed: ProgrammingError"."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from chatsafe.domain import Label
from chatsafe.gui.session import Reviewer, Session
from chatsafe.gui.tasks import Deliver, ImmediateRunner, Job, Runner
from chatsafe.review.labels import Role
from chatsafe.service import CaseService
from chatsafe.store import Case, open_case


class HeldExecutor:
    """Queues jobs until the test lets the worker run them (in order, like the app's)."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.deliver: Deliver | None = None

    def start(self, deliver: Deliver) -> None:
        self.deliver = deliver

    def submit(self, job: Job) -> None:
        self.jobs.append(job)

    def shutdown(self) -> None:
        pass

    def drain(self) -> None:
        assert self.deliver is not None
        while self.jobs:
            job = self.jobs.pop(0)
            try:
                result, error = job.fn(), None
            except BaseException as exc:
                result, error = None, exc
            self.deliver(job, result, error)


def test_work_after_the_close_is_dropped_quietly(
    case: Case, caplog: pytest.LogCaptureFixture
) -> None:
    runner = ImmediateRunner()
    session = Session(case, Reviewer("Ada", Role.ASSISTANT), runner)
    got: list[Any] = []
    failed: list[BaseException] = []
    session.read(lambda r: r.summary(), got.append, failed.append)
    assert len(got) == 1  # the case works while it is open
    session.close()
    with caplog.at_level(logging.WARNING, logger="chatsafe.gui.tasks"):
        session.read(lambda r: r.summary(), got.append, failed.append)
        session.command(
            lambda s: s.mark_conversations([1], Label.PRIVATE, by="Ada", role=Role.ASSISTANT),
            got.append,
        )
    assert runner.failures == 0 and failed == [] and len(got) == 1
    assert "background job failed" not in caplog.text
    session.close()  # twice is harmless


def test_closing_cancels_pending_reads_but_finishes_commands(
    case: Case, caplog: pytest.LogCaptureFixture
) -> None:
    held = HeldExecutor()
    runner = Runner(None, held)
    session = Session(case, Reviewer("Ada", Role.ASSISTANT), runner)
    cid = session.reader.conversation_rows()[0].id
    ran: list[str] = []
    delivered: list[Any] = []

    def query(reader: Any) -> Any:
        ran.append("query")
        return reader.summary()

    def mark(service: Any) -> Any:
        ran.append("mark")
        return service.mark_conversations([cid], Label.PRIVATE, by="Ada", role=Role.ASSISTANT)

    session.read(query, delivered.append)
    session.command(mark, delivered.append)
    session.close()
    with caplog.at_level(logging.WARNING, logger="chatsafe.gui.tasks"):
        held.drain()
    # The read was cancelled; the mark the user asked for was written, then the case
    # closed; no result reached a window that has moved on.
    assert ran == ["mark"]
    assert delivered == []
    assert runner.failures == 0 and "background job failed" not in caplog.text
    assert runner.pending == 0
    again = CaseService(open_case(case.path))
    try:
        rows = {r.id: r for r in again.reader().conversation_rows()}
        assert rows[cid].label == Label.PRIVATE  # the mark was written before the close
    finally:
        again.close()


def test_a_case_closed_underneath_drops_work_too(
    case: Case, caplog: pytest.LogCaptureFixture
) -> None:
    """GUI tests closed the case file (their fixture) while a window's session lived on:
    its status recount then failed on the closed connection."""
    held = HeldExecutor()
    runner = Runner(None, held)
    session = Session(case, Reviewer("Ada", Role.ASSISTANT), runner)
    got: list[Any] = []
    session.read(lambda r: r.summary(), got.append)  # queued before the file closes
    case.close()
    session.read(lambda r: r.summary(), got.append)  # asked for after
    with caplog.at_level(logging.WARNING, logger="chatsafe.gui.tasks"):
        held.drain()
    assert got == [] and runner.failures == 0
    assert "background job failed" not in caplog.text
