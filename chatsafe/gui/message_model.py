"""The transcript of one conversation: a model over message ids with lazy rows.

Only the ids are held (200,000 ints is a few MB); rows are fetched a page at a time from
the reader connection when the view asks for them, and a small LRU cache keeps the pages
around the visible part. After a mark the cache is dropped and the view repaints only
what it shows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from chatsafe.gui import badges, bubbles, localtext, roles
from chatsafe.gui.style import BUSINESS, PARTY, PRIVATE, label_icon, label_name
from chatsafe.review import search
from chatsafe.review.browse import MessageRow
from chatsafe.service import CaseReader

Index = QModelIndex | QPersistentModelIndex
COL_PRIVATE, COL_PARTY, COL_LABEL, COL_TIME, COL_SENDER, COL_TEXT = range(6)
PAGE = 256
MAX_PAGES = 24
REFRESH_PAGES = 4  # pages read again after a change (the view shows at most about two)
LoadRows = Callable[[list[int], Callable[[dict[int, MessageRow] | None], None]], None]


def _check_header(model: QAbstractTableModel, private: bool, role: int) -> Any:
    """The checkbox columns: the label's icon and a short name; the full name as tooltip."""
    label = PRIVATE if private else PARTY
    if role == Qt.ItemDataRole.DisplayRole:
        translate = QCoreApplication.translate
        return translate("Headers", "Private") if private else translate("Headers", "Party")
    if role == Qt.ItemDataRole.DecorationRole:
        return label_icon(label)
    if role == Qt.ItemDataRole.ToolTipRole:
        return label_name(label)
    return None


class MessageModel(QAbstractTableModel):
    """``mark_requested([message ids], label or None)`` when a checkbox is clicked;
    ``refreshed`` when rows read again after a change have arrived."""

    mark_requested = Signal(list, object)
    refreshed = Signal()

    def __init__(self, reader: CaseReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.ids: list[int] = []
        self.conversation_id: int | None = None
        self.conversation_label: str | None = None
        self.matcher: Any = None
        self.query = ""
        # Only the active query's hits in this conversation are highlighted: a word of
        # the query in a message that is no hit (another word missing), or a query with
        # no hits at all, highlights nothing (issue 14).
        self.hit_ids: frozenset[int] = frozenset()
        #: runs ``search(query, conversation) -> ids`` and calls back with them; the
        #: window sets one that uses the worker. Without one the reader answers at once.
        self.load_hits: Callable[[str, int, Callable[[set[int]], None]], None] | None = None
        #: reads rows on the worker: ``load_rows(ids, done)`` calls ``done`` with the rows
        #: (or None if the read failed). Without one, a refresh drops the cache and the
        #: view reads again on the GUI thread.
        self.load_rows: LoadRows | None = None
        self._generation = 0  # which refresh (or conversation) an arriving read is for
        self._pages: OrderedDict[int, dict[int, MessageRow]] = OrderedDict()
        self._badges: dict[tuple[int, int], list[badges.Badge]] = {}
        self.fetches = 0  # pages read, for tests and the benchmark

    # -- data in ------------------------------------------------------------------
    def set_conversation(
        self, conversation_id: int | None, ids: list[int], label: str | None
    ) -> None:
        self.beginResetModel()
        self._generation += 1
        self.conversation_id = conversation_id
        self.ids = ids
        self.conversation_label = label
        self._pages.clear()
        self._badges.clear()
        self.hit_ids = frozenset()
        self.endResetModel()
        self._find_hits()

    def refresh(self, conversation_label: str | None = None, keep_label: bool = True) -> None:
        """Marks changed: read the cached rows again and let the view repaint what it shows.

        With ``load_rows`` the pages around the view are read on the worker and swapped
        in when they arrive (until then the view shows them as they were): after a mark
        of 200,000 messages the GUI thread reads no row (issue 14). Older pages are
        dropped and read again if the view comes back to them.
        """
        if not keep_label:
            self.conversation_label = conversation_label
        self._generation += 1
        pages = list(self._pages)[-REFRESH_PAGES:]
        if self.load_rows is None or not pages:
            self._pages.clear()
            self._repaint()
            return
        for stale in list(self._pages)[:-REFRESH_PAGES]:
            del self._pages[stale]
        generation = self._generation
        chunks = {p: self.ids[p * PAGE : (p + 1) * PAGE] for p in pages}

        def arrived(rows: dict[int, MessageRow] | None) -> None:
            if generation != self._generation:
                return  # another refresh or another conversation came after this one
            if rows is None:  # the read failed: read on the GUI thread as before
                self._pages.clear()
            else:
                for p, ids in chunks.items():
                    self._pages[p] = {mid: rows[mid] for mid in ids if mid in rows}
            self._repaint()

        self.load_rows([mid for ids in chunks.values() for mid in ids], arrived)

    def _repaint(self) -> None:
        self._badges.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, COL_TEXT))
        self.refreshed.emit()

    def set_query(self, query: str) -> None:
        self.query = query
        self.hit_ids = frozenset()
        self.refresh()
        self._find_hits()

    def _find_hits(self) -> None:
        query, cid = self.query, self.conversation_id
        if not query or cid is None:
            return

        def found(ids: set[int]) -> None:
            if (query, cid) == (self.query, self.conversation_id):  # not a stale answer
                self.hit_ids = frozenset(ids)
                self.refresh()

        if self.load_hits is not None:
            self.load_hits(query, cid, found)
        else:
            found(self.reader.search(query, cid))

    def message(self, row: int) -> MessageRow | None:
        if not 0 <= row < len(self.ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            chunk = self.ids[page_no * PAGE : (page_no + 1) * PAGE]
            page = self.reader.message_rows(chunk)
            self.fetches += 1
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self.ids[row])

    def row_of(self, message_id: int) -> int:
        try:
            return self.ids.index(message_id)
        except ValueError:
            return -1

    def effective(self, m: MessageRow) -> tuple[str, str]:
        """The effective label and where it came from, as the core computed it."""
        source = {"message": "own"}.get(m.label_source or "", m.label_source or "default")
        return m.effective_label or BUSINESS, source

    def badge_items(self, m: MessageRow) -> list[badges.Badge]:
        """The bubble's badges, kept until the rows are read again: the view asks for
        them on every measure and paint, and a suggestion runs the lexicon over the text."""
        key = (m.id, id(self.matcher))
        found = self._badges.get(key)
        if found is None:
            if len(self._badges) > 4 * PAGE:
                self._badges.clear()
            found = self._badges[key] = badges.for_message(m, self.suggestion(m))
        return found

    def suggestion(self, m: MessageRow) -> str | None:
        """A lexicon's suggestion, shown only while nobody decided on this message."""
        if m.kind != "message" or m.label or self.matcher is None:
            return None
        s = self.matcher.suggestion(m.text)
        return None if s is None else str(s.value)

    def out_of_period(self, m: MessageRow) -> bool:
        return not m.in_period

    def badges(self, m: MessageRow) -> list[str]:
        out = []
        if m.doubt:  # first: it blocks the bundle until someone answers it
            out.append(self.tr("in doubt"))
        if m.deleted:
            out.append(self.tr("deleted"))
        if m.edited:
            out.append(self.tr("edited"))
        if m.view_once:
            out.append(self.tr("view once"))
        if m.forwarded:
            out.append(self.tr("forwarded"))
        if m.media_omitted or m.missing_attachments:
            out.append(self.tr("media missing"))
        elif m.attachments:
            out.append(self.tr("%Ln attachment(s)", "", m.attachments))
        if m.event_type in ("disappearing_on", "disappearing_changed"):
            out.append(self.tr("disappearing messages on"))
        if self.out_of_period(m):
            out.append(self.tr("out of period"))
        return out

    def spans(self, m: MessageRow, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if self.matcher is not None and m.kind == "message":
            found += [(x.start, x.end, str(x.label.value)) for x in self.matcher.matches(text)]
        if self.query and m.id in self.hit_ids:
            found += [(a, b, "hit") for a, b in search.highlight_spans(text, self.query)]
        return found

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section in (COL_PRIVATE, COL_PARTY):
            return _check_header(self, section == COL_PRIVATE, role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            "",
            "",
            self.tr("Label"),
            self.tr("Time"),
            self.tr("Sender"),
            self.tr("Message"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_PRIVATE, COL_PARTY):
            # Events are markable too: "X added Y" can name a private contact. No row is
            # fetched here: Qt asks for flags of every selected row (Ctrl+A on 200,000).
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.message(index.row())
        if m is None:
            return None
        col = index.column()
        if role == roles.ROW:
            return m
        if role == roles.ID:
            return m.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, col)
        if role == Qt.ItemDataRole.CheckStateRole and col in (COL_PRIVATE, COL_PARTY):
            want = PRIVATE if col == COL_PRIVATE else PARTY
            label, source = self.effective(m)
            if label != want:
                return Qt.CheckState.Unchecked
            return Qt.CheckState.Checked if source == "own" else Qt.CheckState.PartiallyChecked
        if role == Qt.ItemDataRole.DecorationRole and col == COL_LABEL:
            suggested = self.suggestion(m)
            label, source = self.effective(m)
            if suggested and label == BUSINESS:
                return label_icon(suggested, suggested=True)
            status = m.status if source == "own" else m.conversation_status
            return label_icon(label, proposed=source != "default" and status == "proposed")
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TEXT:
            # The bubble is painted: a screen reader gets its parts as words, badges too.
            head = [m.sender or "", bubbles.time_label(m.wallclock)]
            head += [b.text for b in self.badge_items(m)]
            return " · ".join(x for x in head if x) + "\n" + m.text[: bubbles.MAX_CHARS]
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_LABEL:
            return self._tooltip(m)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_PRIVATE, COL_PARTY):
            # What a click does comes first; the current state follows (issue 14).
            return (
                self.click_text(m, PRIVATE if col == COL_PRIVATE else PARTY)
                + "\n"
                + (self._tooltip(m))
            )
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_LABEL, COL_TEXT):
            return self._tooltip(m)
        if role == Qt.ItemDataRole.ForegroundRole and (self.out_of_period(m) or m.kind == "event"):
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.FontRole and m.kind == "event":
            font = QFont()
            font.setItalic(True)
            return font
        if role == roles.EFFECTIVE:
            return self.effective(m)
        if role == roles.SUGGESTION:
            return self.suggestion(m)
        if role == roles.OUT_OF_PERIOD:
            return self.out_of_period(m)
        if role == roles.BADGES:
            return self.badges(m)
        if role == roles.BADGE_ITEMS:
            return self.badge_items(m)
        if role == roles.SPANS and col == COL_TEXT:
            return self.spans(m, m.text[: bubbles.MAX_CHARS])
        return None

    @staticmethod
    def _first_line(m: MessageRow) -> str:
        line = m.text.split("\n", 1)[0]
        return line[:500]

    def _display(self, m: MessageRow, col: int) -> str | None:
        if col == COL_TIME:
            return localtext.datetime_text(m.wallclock)
        if col == COL_SENDER:
            return m.sender or ""
        if col == COL_TEXT:
            return self._first_line(m)
        return None

    def _tooltip(self, m: MessageRow) -> str:
        label, source = self.effective(m)
        text = label_name(label)
        if source == "conversation":
            text += " " + self.tr("(from the conversation's mark)")
        elif source == "default":
            text += " " + self.tr("(the default)")
        elif m.status == "proposed":
            text += " " + self.tr("(proposed)")
        if m.reason:
            text += "\n" + self.tr("Reason: %1").replace("%1", m.reason)
        suggested = self.suggestion(m)
        if suggested:
            text += "\n" + self.tr("Suggested by the lexicon: %1 (click to decide)").replace(
                "%1", label_name(suggested)
            )
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (COL_PRIVATE, COL_PARTY):
            return False
        m = self.message(index.row())
        if m is None:
            return False
        want = PRIVATE if index.column() == COL_PRIVATE else PARTY
        self.mark_requested.emit([m.id], self.toggled_label(m, want))
        return True

    def click_text(self, m: MessageRow, want: str) -> str:
        """What clicking the ``want`` checkbox of this message will do, in words."""
        after = self.toggled_label(m, want)
        if after is None:
            return self.tr("Click to take this message's mark away")
        if after == BUSINESS:
            return self.tr("Click to mark this message as business (it leaves for the archive)")
        return self.tr("Click to mark this message as %1").replace("%1", label_name(after))

    def toggled_label(self, m: MessageRow, want: str) -> str | None:
        """What clicking ``want`` on this message means, given the override rule.

        Turning a label off where it comes from the conversation needs an explicit
        *business* mark on the message; turning off its own mark just clears it.
        """
        label, _source = self.effective(m)
        if label != want:
            return want
        if self.conversation_label in (None, BUSINESS):
            return None
        return BUSINESS
