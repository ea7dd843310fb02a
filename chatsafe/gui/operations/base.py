"""One command on the worker, with success and failure handlers on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from chatsafe.gui.session import Session
from chatsafe.service import CaseService, Changes

Command = Callable[[CaseService], Changes]


class CaseOp:
    """``CaseOp(session, command).success(cb).run()``; failures go to ``session.failed``
    unless a failure handler is given (the runner logs them either way)."""

    def __init__(self, session: Session, command: Command) -> None:
        self.session = session
        self.command = command
        self._success: Callable[[Changes], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, cb: Callable[[Changes], None]) -> CaseOp:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> CaseOp:
        self._failure = cb
        return self

    def run(self) -> None:
        self.session.command(self.command, self._success, self._failure)
