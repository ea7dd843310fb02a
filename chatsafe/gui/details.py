"""The details pane: everything about the selected message (or conversation), with the
full text, the marks and who made them, and thumbnails that open a viewer.

Images are decoded from the case's bytes with ``QImage.fromData``: nothing goes to disk.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatsafe.gui import localtext
from chatsafe.gui.fit import resize_within
from chatsafe.gui.style import COLORS, DOUBT_COLOR, label_name
from chatsafe.review import browse, search
from chatsafe.review.browse import ConversationRow, MessageDetail, SourceHeld
from chatsafe.service import CaseReader


class ImageViewer(QDialog):
    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Image viewer"))
        area = QScrollArea(self)
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        label.setAccessibleName(title)
        area.setWidget(label)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        resize_within(self, min(image.width() + 40, 1200), min(image.height() + 40, 900))


class DetailsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self.reader: CaseReader | None = None
        self.matcher: Any = None
        self.query = ""
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Details of the selection"))
        self.text.setOpenLinks(False)
        self.thumbs = QWidget(self)
        self.thumbs.setAccessibleName(self.tr("Attachments"))
        self._thumb_layout = QHBoxLayout(self.thumbs)
        self._thumb_layout.setContentsMargins(0, 0, 0, 0)
        self._thumb_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.thumbs)
        self.viewer: ImageViewer | None = None

    def clear(self) -> None:
        self.text.setHtml(f"<p>{html.escape(self.tr('Select a conversation or a message.'))}</p>")
        self._set_thumbs([])

    def _set_thumbs(self, items: list[browse.AttachmentInfo]) -> None:
        while self._thumb_layout.count() > 1:
            item = self._thumb_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for att in items:
            if not att.thumbnail:
                continue
            button = QToolButton(self.thumbs)
            image = QImage.fromData(att.thumbnail)
            button.setIcon(QIcon(QPixmap.fromImage(image)))
            button.setIconSize(QSize(96, 96))
            button.setToolTip(self.tr("Open %1").replace("%1", att.name))
            button.setAccessibleName(self.tr("Open %1").replace("%1", att.name))
            button.clicked.connect(lambda _=False, a=att: self.open_image(a))
            self._thumb_layout.insertWidget(self._thumb_layout.count() - 1, button)

    def open_image(self, att: browse.AttachmentInfo) -> None:
        data = (
            self.reader.blob_bytes(att.blob_id) if att.blob_id and self.reader is not None else None
        )
        image = QImage.fromData(data) if data else QImage()
        if image.isNull() and att.thumbnail:  # e.g. HEIC, which Qt cannot read
            image = QImage.fromData(att.thumbnail)
        self.viewer = ImageViewer(image, att.name, self)
        self.viewer.show()

    def _marked(self, text: str) -> str:
        """The text as HTML with lexicon matches underlined and search hits filled."""
        spans: list[tuple[int, int, str]] = []
        if self.matcher is not None:
            spans += [(m.start, m.end, str(m.label.value)) for m in self.matcher.matches(text)]
        if self.query:
            spans += [(a, b, "hit") for a, b in search.highlight_spans(text, self.query)]
        spans.sort()
        out, pos = [], 0
        for a, b, kind in spans:
            if a < pos:
                continue
            out.append(html.escape(text[pos:a]))
            word = html.escape(text[a:b])
            if kind == "hit":
                out.append(f'<span style="background:#ffe27a">{word}</span>')
            else:
                color = COLORS[kind].name()
                out.append(
                    f'<span style="border-bottom:2px dashed {color};text-decoration:underline;color:{color}">{word}</span>'
                )
            pos = b
        out.append(html.escape(text[pos:]))
        return "".join(out).replace("\n", "<br>")

    def show_message(
        self, d: MessageDetail, effective: tuple[str, str] | None, badges: list[str]
    ) -> None:
        r = d.row
        esc = html.escape
        parts = [f"<h3>{esc(r.sender or self.tr('System event'))}</h3>"]
        parts.append(f"<p>{esc(localtext.datetime_text(r.wallclock))}</p>")
        if effective is not None:
            label, source = effective
            line = esc(label_name(label))
            if source == "conversation":
                line += " " + esc(self.tr("(from the conversation's mark)"))
            elif source == "default":
                line += " " + esc(self.tr("(the default)"))
            elif r.status == "proposed":
                line += " " + esc(self.tr("(proposed by %1)").replace("%1", d.label_by or "?"))
            else:
                line += " " + esc(self.tr("(confirmed by %1)").replace("%1", d.label_by or "?"))
            parts.append(f"<p><b>{esc(self.tr('Label'))}:</b> {line}</p>")
            if r.reason:
                parts.append(f"<p><b>{esc(self.tr('Reason'))}:</b> {esc(r.reason)}</p>")
        if d.doubt is not None:
            parts.append(self._doubt_html(d.doubt.raised_by, d.doubt.ask, d.doubt.question))
        if badges:
            parts.append("<p>" + " ".join(f"[{esc(b)}]" for b in badges) + "</p>")
        parts.append(f"<p>{self._marked(r.text)}</p>")
        for att in d.attachments:
            state = self.tr("present") if att.present else self.tr("missing from the export")
            parts.append(
                f"<p>{esc(self.tr('Attachment'))}: {esc(att.name)} ({esc(att.mime or '?')}, {esc(state)})</p>"
            )
        self.text.setHtml("".join(parts))
        self._set_thumbs(d.attachments)

    def show_conversation(self, r: ConversationRow, review_text: str) -> None:
        esc = html.escape
        parts = [f"<h3>{esc(r.title)}</h3>"]
        parts.append(
            f"<p><b>{esc(self.tr('Participants'))}:</b> {esc(', '.join(r.participants))}</p>"
        )
        if r.first:
            parts.append(
                f"<p><b>{esc(self.tr('Period'))}:</b> {esc(localtext.period_text(r.first, r.last))}</p>"
            )
        line = esc(label_name(r.label))
        if r.label and r.status == "proposed":
            line += " " + esc(self.tr("(proposed)"))
        parts.append(f"<p><b>{esc(self.tr('Label'))}:</b> {line}</p>")
        if r.reason:
            parts.append(f"<p><b>{esc(self.tr('Reason'))}:</b> {esc(r.reason)}</p>")
        parts.append(f"<p><b>{esc(self.tr('Review'))}:</b> {esc(review_text)}</p>")
        if r.doubt_question is not None:
            parts.append(self._doubt_html(None, None, r.doubt_question))
        if len(r.sources) > 1:  # which source held what: an export may be cut
            held = [self._source_line(src) for src in r.sources]
            parts.append(f"<p><b>{esc(self.tr('Sources'))}:</b> {esc('; '.join(held))}</p>")
        self.text.setHtml("".join(parts))
        self._set_thumbs([])

    def _doubt_html(self, by: str | None, ask: str | None, question: str) -> str:
        """The open doubt's question, framed so it cannot be missed (issue 14)."""
        esc = html.escape
        head = self.tr("In doubt")
        if by and ask:
            whom = (
                self.tr("the records officer")
                if ask == "records_officer"
                else self.tr("the minister")
            )
            head = self.tr("In doubt: %1 asks %2").replace("%1", by).replace("%2", whom)
        return (
            f'<p style="border:1px solid {DOUBT_COLOR};padding:4px"><b style="color:{DOUBT_COLOR}">'
            f"{esc(head)}</b><br>{esc(question).replace(chr(10), '<br>')}<br>"
            f"<i>{esc(self.tr('Answer it with Shift+D; the bundle waits until then.'))}</i></p>"
        )

    def _source_line(self, src: SourceHeld) -> str:
        names = {
            "whatsapp": self.tr("WhatsApp export"),
            "whatsapp-android": self.tr("WhatsApp database (Android)"),
            "whatsapp-ios": self.tr("WhatsApp database (iPhone/Mac)"),
        }
        text = self.tr("%1: %2, %3")
        return (
            text.replace("%3", localtext.period_text(src.first, src.last))
            .replace("%2", localtext.messages(src.held))
            .replace("%1", names.get(src.source_format, src.source_format))
        )
