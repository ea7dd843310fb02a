"""Review commands: marks, the two passes (review, confirm), the period."""

from __future__ import annotations

from chatsafe.domain import Label
from chatsafe.gui.operations.base import CaseOp
from chatsafe.gui.session import Session


def _label(value: str | None) -> Label | None:
    return None if value is None else Label(value)


def mark_conversations(
    session: Session, ids: list[int], label: str | None, reason: str | None = None
) -> CaseOp:
    who = session.reviewer
    return CaseOp(
        session,
        lambda s: s.mark_conversations(
            ids, _label(label), by=who.name, role=who.role, reason=reason
        ),
    )


def mark_messages(
    session: Session, ids: list[int], label: str | None, reason: str | None = None
) -> CaseOp:
    who = session.reviewer
    return CaseOp(
        session,
        lambda s: s.mark_messages(ids, _label(label), by=who.name, role=who.role, reason=reason),
    )


def confirm(session: Session, conversation_id: int) -> CaseOp:
    """The minister confirms the conversation; anyone else records a first pass."""
    who = session.reviewer
    if who.confirms:
        return CaseOp(session, lambda s: s.confirm([conversation_id], by=who.name, role=who.role))
    return CaseOp(session, lambda s: s.mark_reviewed(conversation_id, by=who.name, role=who.role))


def confirm_all(session: Session) -> CaseOp:
    who = session.reviewer
    return CaseOp(session, lambda s: s.confirm_all(by=who.name, role=who.role))


def set_period(session: Session, start: str | None, end: str | None) -> CaseOp:
    who = session.reviewer
    return CaseOp(session, lambda s: s.set_period(start, end, by=who.name, role=who.role))


def seed_lexicon(session: Session, lang: str = "nl") -> CaseOp:
    return CaseOp(session, lambda s: s.seed_lexicon(lang))
