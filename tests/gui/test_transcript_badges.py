"""Issue 14, items 1 and 5: marks and markers as readable badges in the bubbles, a
proposal outlined and a decision filled (in words too), and a legend in the transcript
pane that explains them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from chatsafe.gui import badges, roles
from chatsafe.gui import conversation_model as cm
from chatsafe.gui import message_model as mm
from chatsafe.gui.badges import DASHED, FILL, KINDS, OUTLINE, PLAIN, Badge
from chatsafe.gui.bubbles import header_colors
from chatsafe.gui.style import BUSINESS, PARTY, PRIVATE, bubble_colors, label_pixmap
from chatsafe.review.labels import Role

CHECK = Qt.ItemDataRole.CheckStateRole
ROW = 1  # "Goedemorgen, de begroting staat klaar." in Anna's conversation


def _badges(w, row: int = ROW) -> list[Badge]:  # type: ignore[no-untyped-def]
    return w.msg_model.index(row, mm.COL_TEXT).data(roles.BADGE_ITEMS)


def _pill_inside(w, row: int, badge: Badge) -> QColor:  # type: ignore[no-untyped-def]
    """The colour painted just inside the pill's left edge, from the real viewport."""
    t = w.transcript
    index = w.msg_model.index(row, mm.COL_TEXT)
    t.scrollTo(index)
    parts = t.bubbles.parts(index)
    geo = t.bubbles.layout_for(t.font()).geometry(parts, t.visualRect(index))
    rect = next(r for b, r in geo.badges if b == badge)
    image: QImage = t.viewport().grab().toImage()
    return image.pixelColor(QPoint(int(rect.left() + 4), int(rect.center().y())))


def _mark(w, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    w.msg_model.setData(w.msg_model.index(row, col), Qt.CheckState.Checked, CHECK)


def test_a_proposal_is_outlined_and_a_decision_filled(make_window, case, qtbot) -> None:  # type: ignore[no-untyped-def]
    ada = make_window("Ada", Role.ASSISTANT)
    ada.resize(1300, 800)
    assert _badges(ada) == []  # business by default: no badge
    _mark(ada, ROW, mm.COL_PRIVATE)
    proposal = Badge("Proposal: Private", PRIVATE, OUTLINE)
    qtbot.waitUntil(lambda: _badges(ada) == [proposal])
    spoken = ada.msg_model.index(ROW, mm.COL_TEXT).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Proposal: Private" in spoken and "Goedemorgen" in spoken, "a screen reader hears it"
    qtbot.waitUntil(lambda: ada.transcript.measure_visible() is False)
    bubble_bg, _ = bubble_colors(ada.transcript.palette(), own=False)
    assert _pill_inside(ada, ROW, proposal) == bubble_bg, "an outline is not filled"
    assert (
        ada.msg_model.index(ROW, mm.COL_LABEL)
        .data(Qt.ItemDataRole.DecorationRole)
        .pixmap(32)
        .toImage()
        == label_pixmap(PRIVATE, False, 32, True).toImage()
    )
    ada.set_session(None)

    from chatsafe.store import open_case

    mia = make_window("Mia", Role.MINISTER, on=open_case(case.path))
    mia.resize(1300, 800)
    assert _badges(mia) == [proposal], "the minister sees what the assistant proposed"
    _mark(mia, ROW, mm.COL_PARTY)  # the minister decides otherwise: confirmed at once
    decision = Badge("Party-political", PARTY, FILL)
    qtbot.waitUntil(lambda: _badges(mia) == [decision])
    qtbot.waitUntil(lambda: mia.transcript.measure_visible() is False)
    assert _pill_inside(mia, ROW, decision) == QColor(KINDS[PARTY].light), "a decision is filled"


def test_a_conversations_mark_shows_on_its_messages_and_in_the_list(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Ada", Role.ASSISTANT)
    w.conv_proxy.setData(w.conv_proxy.index(0, cm.COL_PRIVATE), Qt.CheckState.Checked, CHECK)
    qtbot.waitUntil(
        lambda: _badges(w) == [Badge("Proposal: Private (conversation)", PRIVATE, OUTLINE)]
    )
    icon = w.conv_proxy.index(0, cm.COL_TITLE).data(Qt.ItemDataRole.DecorationRole)
    assert icon.pixmap(32).toImage() == label_pixmap(PRIVATE, False, 32, True).toImage()
    assert icon.pixmap(32).toImage() != label_pixmap(PRIVATE, False, 32, False).toImage()
    # An explicit business mark on one message overrides it, and says so.
    w.msg_model.setData(w.msg_model.index(ROW, mm.COL_PRIVATE), Qt.CheckState.Unchecked, CHECK)
    qtbot.waitUntil(lambda: _badges(w) == [Badge("Proposal: Business", BUSINESS, OUTLINE)])


def test_markers_are_words_and_a_lexicon_suggestion_is_dashed(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Ada", Role.ASSISTANT)
    rows = {w.msg_model.index(r, 0).data(roles.ROW).text: r for r in range(7)}
    deleted = next(r for r in range(7) if w.msg_model.index(r, 0).data(roles.ROW).deleted)
    assert Badge("Deleted", badges.MARKER, PLAIN) in _badges(w, deleted)
    # "ziekenhuis" is in the Dutch lexicon (a private word): a suggestion, not a mark.
    sick = rows["Dank je. Hoe is het met je moeder in het ziekenhuis?"]
    assert _badges(w, sick) == [Badge("Suggestion: Private", PRIVATE, DASHED)]


def test_a_new_badge_gives_its_row_the_room_it_needs(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = make_window("Ada", Role.ASSISTANT)
    t = w.transcript
    qtbot.waitUntil(lambda: t.measured > 0)
    before = t.verticalHeader().sectionSize(ROW)
    _mark(w, ROW, mm.COL_PRIVATE)
    qtbot.waitUntil(lambda: t.verticalHeader().sectionSize(ROW) > before)


def test_every_badge_reads_at_4_5_to_1(qapp) -> None:  # type: ignore[no-untyped-def]
    light = QPalette(QColor("#f3f4f1"))
    light.setColor(QPalette.ColorRole.Window, QColor("#f3f4f1"))
    dark = QPalette(QColor("#2b2d30"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2d30"))
    for palette in (light, dark):
        grounds = [bubble_colors(palette, own)[0] for own in (True, False)]
        for kind in KINDS:
            for style in (FILL, OUTLINE, DASHED, PLAIN):
                text, back, _ = badges.colors(Badge("x", kind, style), palette)
                for ground in [back] if back is not None else grounds:
                    ratio = badges.contrast(text, ground)
                    assert ratio >= 4.5, (kind, style, ground.name(), ratio)
        for color in header_colors(palette):  # times, events and senders
            for ground in grounds:
                assert badges.contrast(color, ground) >= 4.5, (color.name(), ground.name())


def test_the_transcript_has_a_translated_legend_that_wraps(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.transcript_legend import TranscriptLegend

    w = make_window()
    legend = w.findChild(TranscriptLegend)
    assert legend is not None and legend.isVisible()
    # It is in the transcript's pane, under the transcript.
    assert legend.parentWidget() is w.transcript.parentWidget()
    styles = [badge.style for badge, _ in legend.entries]
    assert styles == [FILL, OUTLINE, DASHED, FILL]
    # The doubt state (issue 14, item 4) has its own amber entry.
    assert legend.entries[-1][0].kind == "doubt" and "open doubt" in legend.entries[-1][1]
    meanings = " ".join(m for _, m in legend.entries)
    assert "filled: confirmed" in meanings and "outlined: proposal" in meanings
    # Narrow, it wraps onto more lines rather than widening the pane.
    assert legend.heightForWidth(200) > legend.heightForWidth(2000)
    assert legend.minimumSizeHint().width() < legend.sizeHint().width()
    # The icons' legend beside the details says the same of outlined and dashed icons.
    from PySide6.QtWidgets import QLabel

    words = [label.text() for label in w.legend.findChildren(QLabel)]
    assert "outlined: proposal" in words and "dashed: suggestion" in words


def test_the_legend_speaks_dutch(qapp) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import i18n
    from chatsafe.gui.transcript_legend import entries

    installed = i18n.install(qapp, "nl")
    try:
        texts = [(b.text, m) for b, m in entries()]
    finally:
        i18n.install(qapp, "en")
    assert texts[0] == ("Privé", "gevuld: bevestigd")
    assert texts[1][0] == "Voorstel: Partijpolitiek"
    assert installed is not None
