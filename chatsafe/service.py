"""One open case: the only door the command line and the app use.

:class:`CaseService` owns the case's write connection. Its commands (import, mark,
clear, confirm, rules, lexicon, settings and period, approve, bundle) each run in one
transaction and return a :class:`Changes` saying what they changed, so a screen can
refresh exactly that (Anki's ``OpChanges``). Its queries return typed rows computed once
here, in the core: the effective label of a message and where it came from, whether it
is in the period, the summary of what leaves, the bundle's preflight, ``stats``.

:class:`CaseReader` holds the queries alone, over any connection; the app's GUI thread
reads pages through :meth:`CaseService.reader`, a second connection (WAL lets it read
while the worker writes), and never touches a connection itself.

Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatsafe import settings as case_settings
from chatsafe.domain import Ask, Label
from chatsafe.review import (
    batches,
    browse,
    bubble_parts,
    doubts,
    labels,
    lexicon,
    rules,
    search,
    undo,
)
from chatsafe.review import log as review_log
from chatsafe.review.browse import ConversationRow, MessageDetail, MessageRow
from chatsafe.review.doubts import Doubt
from chatsafe.review.labels import Role
from chatsafe.review.search import Hit, Page
from chatsafe.review.summary import Scope, Summary, leaving_message_ids, scope, summarize
from chatsafe.store import Case, queries

if TYPE_CHECKING:  # imported when used, so that `chatsafe stats` does not load the bundle
    from chatsafe.bundle.builder import BundleResult
    from chatsafe.bundle.payload import LeavingConversation
    from chatsafe.bundle.preflight import Preflight
    from chatsafe.bundle.signing import Signer
    from chatsafe.bundle.timestamp import Tsa
    from chatsafe.export.rsmf import RsmfResult
    from chatsafe.importers.base import ImportContext
    from chatsafe.ingest import ImportReport

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Changes:
    """What a command changed; empty sets and False mean untouched."""

    conversations: frozenset[int] = frozenset()
    messages: frozenset[int] = frozenset()
    labels: bool = False
    settings: bool = False
    approval: bool = False
    rules: bool = False
    lexicon: bool = False
    imported: bool = False
    count: int = 0  # how many decisions or entries the command changed
    doubts: bool = False  # a doubt was raised, resolved or withdrawn

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.conversations | other.conversations,
            self.messages | other.messages,
            self.labels or other.labels,
            self.settings or other.settings,
            self.approval or other.approval,
            self.rules or other.rules,
            self.lexicon or other.lexicon,
            self.imported or other.imported,
            self.count + other.count,
            self.doubts or other.doubts,
        )

    @property
    def leaving_may_differ(self) -> bool:
        """Whether what leaves may have changed (the status bar recounts)."""
        return self.labels or self.settings or self.rules or self.imported or self.doubts


@dataclass(frozen=True)
class ImportResult:
    report: ImportReport
    changes: Changes


class CaseReader:
    """Read-only questions to one case over one connection."""

    def __init__(self, conn: Any) -> None:
        self._c = conn

    def close(self) -> None:
        if self._c is not None:
            self._c.close()
            self._c = None

    # -- settings -----------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._c.execute("SELECT key, value FROM settings")}

    def scope(self) -> Scope:
        return scope(self._c)

    @property
    def owner(self) -> str | None:
        return self.settings().get("owner")

    @property
    def time_zone(self) -> str:
        return self.settings().get("time_zone") or "Europe/Amsterdam"

    # -- what leaves --------------------------------------------------------------
    def summary(self) -> Summary:
        return summarize(self._c)

    def leaving_ids(self, conversation_id: int) -> list[int]:
        return leaving_message_ids(self._c, conversation_id)

    def leaving_conversations(self) -> list[LeavingConversation]:
        from chatsafe.bundle.payload import leaving_conversations

        return leaving_conversations(self._c)

    def stats(self) -> dict[str, Any]:
        """``stats --json``: the store's counts plus what leaves, from the one summary."""
        out = queries.case_stats(self._c)
        summary = self.summary()
        for conv in out["conversations"]:
            counts = summary.conversations.get(int(conv["id"]))
            conv["in_period"] = counts.in_period if counts else 0
            conv["leaving"] = counts.leaving if counts else 0
            conv["leaving_events"] = counts.leaving_events if counts else 0
            conv["doubts"] = counts.doubts if counts else 0
        out["doubts"] = doubts.counts(self._c)
        return out

    def preflight(self) -> Preflight:
        from chatsafe.bundle.preflight import preflight_of

        return preflight_of(self._c)

    # -- the review screen --------------------------------------------------------
    def conversation_rows(self, ids: list[int] | None = None) -> list[ConversationRow]:
        return browse.conversation_rows(self._c, ids)

    def conversation_ids(self) -> list[int]:
        return queries.conversation_ids(self._c)

    def message_ids(
        self, conversation_id: int, date_from: str | None = None, date_to: str | None = None
    ) -> list[int]:
        return browse.message_ids(self._c, conversation_id, date_from, date_to)

    def message_rows(self, ids: list[int]) -> dict[int, MessageRow]:
        return browse.message_rows(self._c, ids)

    def message_detail(self, message_id: int) -> MessageDetail | None:
        return browse.message_detail(self._c, message_id)

    def blob_bytes(self, blob_id: int, limit: int = 64 * 1024 * 1024) -> bytes | None:
        return browse.blob_bytes(self._c, blob_id, limit)

    def thumbnail_png(self, blob_id: int) -> bytes | None:
        """The small PNG made at import (a few kB: cheap to read on the GUI thread)."""
        return bubble_parts.thumbnail_png(self._c, blob_id)

    def search(self, text: str, conversation_id: int) -> set[int]:
        return search.message_ids(self._c, text, conversation_id)

    def matcher(self) -> lexicon.Matcher:
        return lexicon.Matcher.from_case(self._c)

    def lexicon_terms(self) -> list[lexicon.Term]:
        return lexicon.terms(self._c)

    def rules(self) -> list[dict[str, Any]]:
        return rules.list_rules(self._c)

    def contacts(self) -> list[str]:
        """Everyone but the owner, by name (for contact rules)."""
        return [
            str(r[0])
            for r in self._c.execute(
                "SELECT DISTINCT name FROM participants WHERE is_owner = 0 ORDER BY name"
            )
        ]

    def verify_log(self) -> list[str]:
        """Problems in the review log's hash chain (empty when complete and unaltered)."""
        return review_log.verify(self._c)

    def verify_log_piece(self, check: review_log.ChainCheck) -> review_log.ChainCheck:
        """Check the next piece of the review log (see ``ChainCheck``); ``check`` itself."""
        check.step(self._c)
        return check

    def proposals(self) -> list[tuple[int, int | None]]:
        """Proposed, unconfirmed marks in reading order (see ``browse.proposals``)."""
        return browse.proposals(self._c)

    def list_doubts(self, *, open_only: bool = True) -> list[Doubt]:
        """Doubts in reading order (open ones only, unless ``open_only`` is False)."""
        return doubts.listing(self._c, open_only=open_only)

    def doubt_on(self, conversation_id: int, message_id: int | None = None) -> Doubt | None:
        """The open doubt on a conversation (or one of its messages), if any."""
        return doubts.open_on(self._c, conversation_id, message_id)

    def proposals_and_doubts(self) -> list[browse.ReviewStop]:
        """What N / Shift+N walk: proposals and open doubts, in reading order."""
        return browse.review_stops(self._c)

    def search_hits(self, text: str, limit: int = 500) -> list[Hit]:
        return search.search(self._c, text, limit=limit)

    def search_page(self, text: str, after: int | None = None, limit: int = 200) -> Page:
        """A page of hits after message ``after``; the first page (``after`` None) also
        counts every hit, so the app never shows a silent cap."""
        return search.page(self._c, text, after=after, limit=limit)


class CaseService(CaseReader):
    """One open case, owning its write connection. Use from one thread at a time."""

    def __init__(self, case: Case) -> None:
        super().__init__(case.conn)
        self.case = case

    @property
    def path(self) -> Path:
        return self.case.path

    def reader(self) -> CaseReader:
        """A second connection for another thread's reads (the GUI's pages)."""
        return CaseReader(self.case.connect())

    def close(self) -> None:
        self.case.close()
        self._c = None

    # -- marks ----------------------------------------------------------------------
    def snapshot_marks(
        self, conversation_ids: Sequence[int] = (), message_ids: Sequence[int] = ()
    ) -> undo.MarkSnapshot:
        """The marks these would lose, for undo (read on the write connection)."""
        return undo.snapshot(self.case.conn, conversation_ids, message_ids)

    def restore_marks(self, snap: undo.MarkSnapshot, *, by: str, role: Role) -> Changes:
        """Undo: put earlier marks back, as new logged decisions by ``by``."""
        with self.case.transaction() as c:
            n = undo.restore(c, snap, by=by, role=role)
            convs = frozenset(snap.conversations) | _conversations_of(c, list(snap.messages))
        return Changes(
            conversations=convs,
            messages=frozenset(snap.messages),
            labels=True,
            doubts=bool(snap.doubts),
            count=n,
        )

    def mark_conversations(
        self,
        conversation_ids: Sequence[int],
        label: Label | None,
        *,
        by: str,
        role: Role,
        reason: str | None = None,
    ) -> Changes:
        """Mark (or with None, clear) whole conversations."""
        with self.case.transaction() as c:
            n = sum(
                labels.label_conversation(c, cid, label, by=by, role=role, reason=reason)
                for cid in conversation_ids
            )
        return Changes(conversations=frozenset(conversation_ids), labels=True, count=n)

    def mark_messages(
        self,
        message_ids: Sequence[int],
        label: Label | None,
        *,
        by: str,
        role: Role,
        reason: str | None = None,
    ) -> Changes:
        """Mark (or with None, clear) single messages."""
        with self.case.transaction() as c:
            n = labels.label_messages(c, list(message_ids), label, by=by, role=role, reason=reason)
            convs = _conversations_of(c, message_ids)
        return Changes(conversations=convs, messages=frozenset(message_ids), labels=True, count=n)

    def raise_doubt(
        self,
        question: str,
        *,
        by: str,
        role: Role,
        ask: Ask = Ask.MINISTER,
        conversation_id: int | None = None,
        message_ids: Sequence[int] = (),
    ) -> Changes:
        """Put a conversation, or each of ``message_ids``, in doubt with ``question``."""
        with self.case.transaction() as c:
            if message_ids:
                for mid in message_ids:
                    doubts.raise_doubt(
                        c, question=question, by=by, role=role, ask=ask, message_id=mid
                    )
                convs = _conversations_of(c, message_ids)
            else:
                d = doubts.raise_doubt(
                    c, question=question, by=by, role=role, ask=ask, conversation_id=conversation_id
                )
                convs = frozenset({d.conversation_id})
        n = len(message_ids) or 1
        return Changes(conversations=convs, messages=frozenset(message_ids), doubts=True, count=n)

    def resolve_doubt(
        self, doubt_id: int, answer: Label | None, *, by: str, role: Role, note: str | None = None
    ) -> Changes:
        """Answer a doubt with a mark (or with None, withdraw it)."""
        with self.case.transaction() as c:
            d = doubts.resolve(c, doubt_id, answer, by=by, role=role, note=note)
        msgs = frozenset() if d.message_id is None else frozenset({d.message_id})
        return Changes(
            conversations=frozenset({d.conversation_id}),
            messages=msgs,
            labels=answer is not None,
            doubts=True,
            count=1,
        )

    def answer_doubt(
        self,
        conversation_id: int,
        message_id: int | None,
        answer: Label | None,
        *,
        by: str,
        role: Role,
        note: str | None = None,
    ) -> Changes:
        """Resolve whichever doubt is open on this conversation or message (what the app's
        redo needs: an undone answer reopens the doubt under a new number)."""
        with self.case.transaction() as c:
            found = doubts.open_on(c, conversation_id, message_id)
        if found is None:
            where = f"conversation {conversation_id}" + (
                "" if message_id is None else f", message {message_id}"
            )
            raise labels.ReviewError(f"{where} has no open doubt")
        return self.resolve_doubt(found.id, answer, by=by, role=role, note=note)

    def mark_reviewed(self, conversation_id: int, *, by: str, role: Role) -> Changes:
        with self.case.transaction() as c:
            labels.mark_reviewed(c, conversation_id, by=by, role=role)
        return Changes(conversations=frozenset({conversation_id}), labels=True)

    def confirm(self, conversation_ids: Sequence[int], *, by: str, role: Role) -> Changes:
        """The minister confirms conversations (every proposal in them)."""
        with self.case.transaction() as c:
            n = sum(
                labels.confirm_conversation(c, cid, by=by, role=role) for cid in conversation_ids
            )
        return Changes(conversations=frozenset(conversation_ids), labels=True, count=n)

    def confirm_all(self, *, by: str, role: Role) -> Changes:
        return self.confirm(self.conversation_ids(), by=by, role=role)

    # -- rules and lexicons -------------------------------------------------------
    def add_contact_rule(
        self, contact: str, label: Label, *, by: str, role: Role, reason: str | None = None
    ) -> Changes:
        with self.case.transaction() as c:
            n = rules.add_contact_rule(c, contact, label, by=by, role=role, reason=reason)
        return Changes(rules=True, labels=n > 0, count=n)

    def remove_contact_rule(self, contact: str, *, by: str, role: Role) -> Changes:
        with self.case.transaction() as c:
            rules.remove_contact_rule(c, contact, by=by, role=role)
        return Changes(rules=True)

    def add_lexicon_term(
        self, name: str, term: str, label: Label, *, by: str, role: Role
    ) -> Changes:
        with self.case.transaction() as c:
            lexicon.add_term(c, name, term, label, by=by, role=role)
            where = lexicon.conversations_with(c, term)
        # ``conversations``: where the new term now suggests (the app says how many).
        return Changes(conversations=where, lexicon=True, count=1)

    def remove_lexicon_term(self, term_id: int, *, by: str, role: Role) -> Changes:
        with self.case.transaction() as c:
            lexicon.remove_term(c, term_id, by=by, role=role)
        return Changes(lexicon=True, count=1)

    def seed_lexicon(self, lang: str = "nl") -> Changes:
        with self.case.transaction() as c:
            n = lexicon.seed(c, lang)
        return Changes(lexicon=n > 0, count=n)

    # -- settings -------------------------------------------------------------------
    def set_settings(
        self, pairs: Mapping[str, str | None], *, by: str | None = None, role: str = "it"
    ) -> Changes:
        """Validate and store settings in one transaction, each change logged; a value
        of None removes a setting."""
        n = case_settings.apply(self.case, pairs, by=by, role=role)
        return Changes(settings=n > 0, count=n)

    def set_period(self, start: str | None, end: str | None, *, by: str, role: Role) -> Changes:
        """Set the in-scope period; ``None`` (or empty) leaves that end open."""
        return self.set_settings(
            {"period_start": start or None, "period_end": end or None}, by=by, role=role.value
        )

    # -- import, approval, bundle --------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        ctx: ImportContext | None = None,
        *,
        format_name: str | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        from chatsafe.ingest import import_paths

        report = import_paths(self.case, paths, ctx, format_name=format_name, progress=progress)
        convs = frozenset(r.id for r in report.conversations)
        changes = Changes(
            conversations=convs, imported=True, settings=True, labels=True, count=report.added
        )
        return ImportResult(report, changes)

    def approve(self, *, by: str) -> tuple[str, Changes]:
        from chatsafe.bundle import builder

        return builder.approve(self.case, by=by), Changes(approval=True)

    def make_bundle(
        self,
        out: Path,
        signer: Signer,
        *,
        by: str,
        role: str | Role,
        include_reasons: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        supersedes: Path | None = None,
        tsa: Tsa | None = None,
    ) -> tuple[BundleResult, Changes]:
        from chatsafe.bundle import builder

        result = builder.make_bundle(
            self.case,
            out,
            signer,
            by=by,
            role=role,
            include_reasons=include_reasons,
            progress=progress,
            cancelled=cancelled,
            supersedes=supersedes,
            tsa=tsa,
        )
        return result, Changes(approval=True)

    def export_rsmf(
        self,
        out: Path,
        *,
        by: str,
        role: str | Role,
        slicing: str = "day",
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[RsmfResult, Changes]:
        """What a bundle carries, as RSMF files in the new folder ``out`` (docs/rsmf.md)."""
        from chatsafe.export.rsmf import export_rsmf

        result = export_rsmf(
            self.case,
            out,
            by=by,
            role=role,
            slicing=slicing,
            progress=progress,
            cancelled=cancelled,
        )
        # Only the review log gained an entry, which does not void an approval.
        return result, Changes()


def _conversations_of(c: Any, message_ids: Sequence[int]) -> frozenset[int]:
    out: set[int] = set()
    for piece in batches.pieces(list(message_ids)):
        out.update(
            int(r[0])
            for r in c.execute(
                "SELECT DISTINCT conversation_id FROM messages"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (batches.id_list(piece),),
            )
        )
    return frozenset(out)


__all__ = ["CaseReader", "CaseService", "Changes", "ImportResult"]
