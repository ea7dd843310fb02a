"""Undo and redo of marks: a QUndoStack over the case service's mark commands.

Each command remembers the marks it replaces, read on the worker just before it runs, so
undo puts exactly those back (as new, logged decisions; see chatsafe/review/undo.py).
Pushing a command only queues the work: the snapshot, the write and the rows read again
afterwards all run on the worker, so P on 200,000 selected messages costs the GUI thread
a copy of their ids (issue 14).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from chatsafe.gui.session import Session
from chatsafe.review.undo import MarkSnapshot
from chatsafe.service import CaseService, Changes

Forward = Callable[[CaseService], Changes]


class MarkCommand(QUndoCommand):
    """One mark (of conversations or messages) that can be undone and redone."""

    def __init__(
        self,
        session: Session,
        text: str,
        forward: Forward,
        conversation_ids: Sequence[int] = (),
        message_ids: Sequence[int] = (),
        on_done: Callable[[Changes], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.on_done = on_done  # after each redo has landed (the status message)
        self.session = session
        self.forward = forward
        self.conversation_ids = list(conversation_ids)
        self.message_ids = list(message_ids)
        self.before: MarkSnapshot | None = None

    def redo(self) -> None:
        def job(s: CaseService) -> Changes:
            # The worker runs jobs in order, so an undo queued after this sees `before`.
            if self.before is None:
                self.before = s.snapshot_marks(self.conversation_ids, self.message_ids)
            return self.forward(s)

        self.session.command(job, self.on_done)

    def undo(self) -> None:
        who = self.session.reviewer

        def job(s: CaseService) -> Changes:
            if self.before is None:  # the mark itself failed: nothing to put back
                return Changes()
            return s.restore_marks(self.before, by=who.name, role=who.role)

        self.session.command(job)


__all__ = ["MarkCommand"]
