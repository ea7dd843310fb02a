"""Issue 14, item 1: quoted replies inside the bubble, inline thumbnails that open a larger
view (by click, Enter or Space), and a clear placeholder for a missing attachment.

The case is made from a Telegram export written here: replies by
``reply_to_message_id``, a real photo made with Pillow, and a photo the export left out.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from chatsafe.gui import bubble_extras as extras
from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.gui.image_viewer import AttachmentViewer
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review.labels import Role
from chatsafe.store import Case, create_case

LONG = "Eerste zin van het voorstel. " * 12


def _message(mid: int, minute: int, sender: str, text: str, **more: object) -> dict[str, object]:
    uid = 5000001 if sender == "Mark de Minister" else 7000002
    return {
        "id": mid,
        "type": "message",
        "date": f"2024-03-04T10:{minute:02d}:00",
        "from": sender,
        "from_id": f"user{uid}",
        "text": text,
        **more,
    }


def _export(folder: Path) -> Path:
    (folder / "photos").mkdir(parents=True)
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(buf, "JPEG")
    (folder / "photos" / "photo_1.jpg").write_bytes(buf.getvalue())
    messages = [
        _message(1, 0, "Sanne Jansen", LONG),
        _message(2, 1, "Mark de Minister", "Akkoord.", reply_to_message_id=1),
        _message(
            3, 2, "Sanne Jansen", "De foto", photo="photos/photo_1.jpg", width=800, height=600
        ),
        _message(
            4,
            3,
            "Sanne Jansen",
            "Nog een",
            photo="(File not included. Change data exporting settings to download.)",
        ),
        _message(5, 4, "Mark de Minister", "Welk bericht?", reply_to_message_id=99),
    ]
    chat = {"name": "Sanne Jansen", "type": "personal_chat", "id": 7000002, "messages": messages}
    (folder / "result.json").write_text(json.dumps(chat), encoding="utf-8")
    return folder


def _case(tmp_path: Path) -> Case:
    case = create_case(tmp_path / "media.chatsafe")
    import_paths(case, [_export(tmp_path / "export")], ImportContext(owner="Mark de Minister"))
    return case


def _row(w, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(
        r
        for r in range(w.msg_model.rowCount())
        if w.msg_model.index(r, 0).data(roles.ROW).text.startswith(text)
    )


def test_a_reply_shows_what_it_answers(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path)
    w = make_window("Ada", Role.ASSISTANT, on=case)
    reply = w.msg_model.index(_row(w, "Akkoord."), 0).data(roles.ROW)
    assert reply.quote is not None and reply.quote.found
    assert reply.quote.sender == "Sanne Jansen"
    t = w.transcript
    layout = t.bubbles.layout_for(t.font())
    lines = extras.quote_lines(layout.small, reply.quote, 300)
    assert len(lines) == 2 and lines[0].startswith("Eerste zin"), "one or two lines, no more"
    assert lines[1].endswith("…")
    # The quote takes room in the bubble: taller than the same bubble without it.
    index = w.msg_model.index(_row(w, "Akkoord."), mm.COL_TEXT)
    parts = t.bubbles.parts(index)
    from dataclasses import replace

    bare = replace(parts, row=replace(parts.row, quote=None))
    assert layout.height(parts, 600) > layout.height(bare, 600)
    # A reply to a message the case does not hold says so, in words.
    lost = w.msg_model.index(_row(w, "Welk bericht?"), 0).data(roles.ROW)
    assert lost.quote is not None and not lost.quote.found
    assert extras.quote_title(lost.quote) == "Reply to a message that is not in the case"
    case.close()


def test_an_image_shows_inline_and_opens_larger(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path)
    w = make_window("Ada", Role.ASSISTANT, on=case)
    w.resize(1300, 800)
    t = w.transcript
    row = _row(w, "De foto")
    files = w.msg_model.index(row, 0).data(roles.ROW).files
    assert len(files) == 1 and extras.is_image(files[0])
    assert (files[0].thumb_width, files[0].thumb_height) == (320, 240)
    # Measured from the stored size, before any image is decoded.
    index = w.msg_model.index(row, mm.COL_TEXT)
    t.scrollTo(index)
    qtbot.waitUntil(lambda: t.thumbs is not None and t.thumbs.decoded == 1)
    layout = t.bubbles.layout_for(t.font())
    geo = layout.geometry(t.bubbles.parts(index), t.visualRect(index))
    (item, rect), *_ = geo.files
    assert (rect.width(), rect.height()) == (240, 180)
    assert rect.height() < t.visualRect(index).height(), "the row makes room for it"
    t.viewport().repaint()
    color = (
        t.viewport()
        .grab()
        .toImage()
        .pixelColor(QPoint(int(rect.center().x()), int(rect.center().y())))
    )
    assert color.red() > 150 and color.green() < 90, "the red photo is painted in the bubble"
    # A click on it opens the larger view; the full image arrives from the worker.
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.waitUntil(lambda: isinstance(w.viewer, AttachmentViewer) and w.viewer.full)
    pixmap = w.viewer.image_label.pixmap()
    assert (pixmap.width(), pixmap.height()) == (800, 600)
    w.viewer.close()
    # Enter on the selected message does the same (Space too).
    w.viewer = None
    w.select_message_row(row)
    t.setFocus()
    qtbot.keyClick(t, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.viewer is not None and w.viewer.full)
    w.viewer.close()
    w.viewer = None
    qtbot.keyClick(t, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.viewer is not None)
    w.viewer.close()
    case.close()


def test_a_missing_attachment_has_a_clear_placeholder(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    case = _case(tmp_path)
    w = make_window("Ada", Role.ASSISTANT, on=case)
    row = _row(w, "Nog een")
    m = w.msg_model.index(row, 0).data(roles.ROW)
    assert len(m.files) == 1 and not m.files[0].present
    assert extras.file_text(m.files[0]).startswith("Attachment missing: ")
    texts = [b.text for b in w.msg_model.index(row, mm.COL_TEXT).data(roles.BADGE_ITEMS)]
    # Named by its placeholder, not twice (the badge is for media the export omitted).
    assert "Media missing" not in texts
    # Enter or Space on a message without an image opens nothing, and Space no longer
    # ticks the Private checkbox of the current cell (a silent mark).
    w.activateWindow()
    w.transcript.setFocus()
    qtbot.waitUntil(w.transcript.hasFocus)
    w.select_message_row(row)
    qtbot.keyClick(w.transcript, Qt.Key.Key_Return)
    qtbot.keyClick(w.transcript, Qt.Key.Key_Space)
    assert w.viewer is None
    assert case.conn.execute("SELECT count(*) FROM message_labels").fetchone()[0] == 0
    case.close()


def test_the_dialog_shows_the_thumbnail_until_the_full_image_comes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    small = QImage(32, 24, QImage.Format.Format_RGB32)
    small.fill(QColor("#336699"))
    viewer = AttachmentViewer("x.jpg", small)
    qtbot.addWidget(viewer)
    assert viewer.image_label.pixmap().width() == 32 and not viewer.full
    viewer.set_full(None)  # e.g. HEIC, which Qt cannot read
    assert not viewer.full and viewer.image_label.pixmap().width() == 32


def test_thumbnails_are_decoded_off_the_gui_thread_and_cached(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from chatsafe.gui import thumbnails

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#00aa00"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    png = bytes(data.data())
    reads: list[int] = []
    threads: list[str] = []

    class Recording(QImage):
        @staticmethod
        def fromData(raw: bytes) -> QImage:  # type: ignore[override]
            threads.append(threading.current_thread().name)
            return QImage.fromData(raw)

    monkeypatch.setattr(thumbnails, "QImage", Recording)
    cache = thumbnails.ThumbnailCache(lambda blob_id: reads.append(blob_id) or png)
    assert cache.image(7) is None  # not decoded yet: the bubble paints a grey box
    assert cache.image(7) is None and reads == [7], "read once while pending"
    with qtbot.waitSignal(cache.ready):
        pass
    got = cache.image(7)
    assert got is not None and (got.width(), got.height()) == (40, 30)
    assert threads and threading.main_thread().name not in threads
    assert cache.image(7) is got and reads == [7], "cached"
    cache.close()


def test_the_fast_height_equals_the_painted_layout(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The view measures with BubbleLayout.height's fast path; paint uses geometry().
    They must agree for every kind of row, or bubbles overlap or leave gaps."""
    from dataclasses import replace

    from PySide6.QtCore import QRect

    from chatsafe.gui.badges import FILL, OUTLINE, PLAIN, Badge

    case = _case(tmp_path)
    w = make_window("Ada", Role.ASSISTANT, on=case)
    t = w.transcript
    layout = t.bubbles.layout_for(t.font())
    many = [
        Badge(f"Badge number {n}", "private", s) for n, s in enumerate((FILL, OUTLINE, PLAIN) * 4)
    ]
    checked = 0
    for r in range(w.msg_model.rowCount()):
        parts = t.bubbles.parts(w.msg_model.index(r, mm.COL_TEXT))
        for variant in (
            parts,
            replace(parts, badges=many),
            replace(parts, new_day=not parts.new_day),
        ):
            for width in (260, 700, 1400):
                fast = layout.height(variant, width)
                full = layout.geometry(variant, QRect(0, 0, width, 0), with_spans=False).height
                assert fast == full, (r, width, variant.row.text[:20])
                checked += 1
    assert checked == w.msg_model.rowCount() * 9
    case.close()
