"""Every item model passes Qt's model tester; the transcript model stays lazy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chatsafe.domain import Label
from chatsafe.gui import message_model as mm
from chatsafe.gui import roles
from chatsafe.gui.conversation_model import ConversationFilter, ConversationModel
from chatsafe.gui.message_model import MessageModel
from chatsafe.gui.search_model import SearchModel
from chatsafe.review import browse, labels, lexicon, search
from chatsafe.review.labels import Role
from chatsafe.service import CaseReader


def test_conversation_model_and_filter(qtmodeltester, case) -> None:  # type: ignore[no-untyped-def]
    model = ConversationModel()
    model.set_rows(browse.conversation_rows(case.conn))
    qtmodeltester.check(model)
    proxy = ConversationFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3
    proxy.set_filters(text="piet")
    assert proxy.rowCount() == 1
    proxy.set_filters(text="", review=ConversationFilter.REVIEW_CONFIRMED)
    assert proxy.rowCount() == 0
    proxy.set_filters(review=0, date_from="2023-04-01")
    assert [proxy.index(i, 3).data() for i in range(proxy.rowCount())] == ["Secretaris"]


def test_message_model_is_lazy(qtmodeltester, case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(mm, "PAGE", 2)
    model = MessageModel(CaseReader(case.conn))
    cid = browse.conversation_rows(case.conn)[0].id
    ids = browse.message_ids(case.conn, cid)
    model.set_conversation(cid, ids, None)
    assert model.fetches == 0  # nothing read until a row is asked for
    model.index(5, mm.COL_TEXT).data()
    assert model.fetches == 1
    model.matcher = lexicon.Matcher([("ziekenhuis", lexicon.Label.PRIVATE)])
    qtmodeltester.check(model)
    # events have a checkbox like messages (issue 10: "X added Y" can name a contact)
    assert model.message(0).kind == "event"
    assert model.flags(model.index(0, mm.COL_PRIVATE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.flags(model.index(1, mm.COL_PRIVATE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(2, mm.COL_TEXT).data(roles.SPANS)  # "ziekenhuis" underlined


def test_search_model(qtmodeltester, case) -> None:  # type: ignore[no-untyped-def]
    model = SearchModel()
    model.set_hits("begroting", search.search(case.conn, "begroting"))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    text = model.index(0, 0).data()
    (a, b, kind), *_ = model.index(0, 0).data(roles.SPANS)
    assert text[a:b].lower() == "begroting" and kind == "hit"


def test_toggle_respects_the_override_rule(case) -> None:  # type: ignore[no-untyped-def]
    model = MessageModel(CaseReader(case.conn))
    cid = browse.conversation_rows(case.conn)[0].id
    with case.transaction() as c:  # the conversation's own mark, as the core reads it
        labels.label_conversation(c, cid, Label.PRIVATE, by="Ada", role=Role.ASSISTANT)
    model.set_conversation(cid, browse.message_ids(case.conn, cid), "private")
    m = model.message(1)
    assert m is not None and m.label is None
    assert model.effective(m) == ("private", "conversation")
    assert (
        model.index(1, mm.COL_PRIVATE).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.PartiallyChecked
    )
    # unticking an inherited label needs an explicit business mark on the message
    assert model.toggled_label(m, "private") == "business"
    assert model.toggled_label(m, "party_political") == "party_political"
    with case.transaction() as c:
        labels.label_conversation(c, cid, None, by="Ada", role=Role.ASSISTANT)
    model.set_conversation(cid, model.ids, None)
    m = model.message(1)
    assert m is not None and model.effective(m) == ("business", "default")
    assert model.toggled_label(m, "private") == "private"
