"""WhatsApp text exports: every header variant, markers as data, day/month order."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.domain import EventType, Kind, ParsedConversation, ParsedMessage
from chatsafe.errors import EncodingError, InputError, NotAChatError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp import IMPORTER
from chatsafe.sources import open_source

FIX = Path(__file__).parent.parent / "fixtures" / "whatsapp"
OWNER = "Minister J. de Vries"


def parse(
    path: Path, owner: str | None = OWNER, **kw: str
) -> tuple[ParsedConversation, list[ParsedMessage]]:
    with open_source(path) as source:
        (conv,) = list(IMPORTER.parse(source, ImportContext(owner=owner, **kw)))
        return conv, list(conv.messages)


def kinds(msgs: list[ParsedMessage]) -> tuple[int, int]:
    return sum(m.kind is Kind.MESSAGE for m in msgs), sum(m.kind is Kind.EVENT for m in msgs)


def test_dutch_android_group_counts_and_events() -> None:
    conv, msgs = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    assert conv.title == "Kabinetsoverleg"
    assert conv.key == "kabinetsoverleg"
    assert conv.source_format == "whatsapp"
    assert conv.is_group
    assert conv.participants == ["Sanne Bakker", "Pieter van Dijk", OWNER]
    assert kinds(msgs) == (13, 15)
    assert [m.position for m in msgs] == list(range(28))
    events = [m.event_type for m in msgs if m.kind is Kind.EVENT]
    assert events == [
        EventType.ENCRYPTION,
        EventType.GROUP_CREATED,
        EventType.MEMBER_ADDED,
        EventType.MEMBER_ADDED,
        EventType.SUBJECT_CHANGED,
        EventType.ICON_CHANGED,
        EventType.DESCRIPTION_CHANGED,
        EventType.DISAPPEARING_ON,
        EventType.DISAPPEARING_OFF,
        EventType.DISAPPEARING_CHANGED,
        EventType.DISAPPEARING_ON,
        EventType.SECURITY_CODE,
        EventType.NUMBER_CHANGED,
        EventType.MEMBER_REMOVED,
        EventType.MEMBER_LEFT,
    ]
    assert all(m.sender is None and m.from_owner is None for m in msgs if m.kind is Kind.EVENT)
    timers = [
        m.extra.get("disappearing")
        for m in msgs
        if m.event_type in (EventType.DISAPPEARING_ON, EventType.DISAPPEARING_CHANGED)
    ]
    assert timers == ["7 dagen", "90 dagen", "24 uur"]


def test_wallclock_and_raw() -> None:
    _, msgs = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    assert msgs[4].wallclock == "2024-03-04T09:01:00"
    assert msgs[4].wallclock_raw == "04-03-2024 09:01"
    assert msgs[4].instant is None
    assert msgs[-1].wallclock == "2024-03-13T17:02:00"


def test_continuation_lines_that_begin_with_a_date() -> None:
    _, msgs = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    agenda = msgs[5]
    assert agenda.sender == "Pieter van Dijk"
    assert agenda.text == (
        "Agenda voor morgen:\n05-03-2024 10:00 overleg met de SG\n"
        "05-03-2024 14:00 - 15:00 commissiedebat\nGraag voorbereiden."
    )
    assert msgs[6].wallclock == "2024-03-04T09:05:00"


def test_dutch_markers() -> None:
    _, msgs = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    omitted, deleted1, deleted2, deleted3, edited, once, loc, poll, card, photo = msgs[6:16]
    assert omitted.media_omitted and omitted.text == "" and omitted.extra == {"media": "media"}
    assert omitted.from_owner is True
    for m in (deleted1, deleted2, deleted3):
        assert m.deleted and m.text == "" and m.kind is Kind.MESSAGE
    assert edited.edited and edited.text == "Prima, ik pas de nota aan"
    assert once.view_once and once.text == ""
    assert loc.extra["location"] == "https://maps.google.com/?q=52.0799,4.3113"
    assert poll.extra["poll"] == {
        "question": "Wanneer het vooroverleg?",
        "options": [
            {"option": "dinsdag 10:00", "votes": 2},
            {"option": "woensdag 16:00", "votes": 1},
        ],
    }
    assert card.extra["contact_card"] == "Karin Smit"
    assert [(a.name, a.present) for a in card.attachments] == [("Karin Smit.vcf", False)]
    assert photo.text == "Whiteboard van het overleg\nmet de planning"
    (att,) = photo.attachments
    assert (att.name, att.mime, att.data) == ("IMG-20240304-WA0001.jpg", "image/jpeg", None)
    for m in (omitted, deleted1, edited, once, loc, poll, card, photo):
        assert not m.forwarded and m.source_id is None


def test_english_android_markers_and_disappearing() -> None:
    conv, msgs = parse(FIX / "WhatsApp Chat with Sam Jones.txt", owner="Alex Morgan")
    assert conv.title == "Sam Jones" and not conv.is_group
    assert conv.participants == ["Sam Jones", "Alex Morgan"]
    assert kinds(msgs) == (12, 5)
    assert msgs[3].media_omitted
    assert msgs[4].deleted and msgs[5].deleted and msgs[5].from_owner is True
    assert msgs[6].edited and msgs[6].text == "See you at the station"
    assert msgs[7].view_once
    assert msgs[8].extra["location"] == "https://maps.google.com/?q=51.5033,-0.1195"
    assert msgs[9].extra["poll"]["options"] == [
        {"option": "Thai", "votes": 1},
        {"option": "Pizza", "votes": 0},
    ]
    assert [m.event_type for m in msgs[10:14]] == [
        EventType.DISAPPEARING_ON,
        EventType.DISAPPEARING_CHANGED,
        EventType.DISAPPEARING_OFF,
        EventType.SECURITY_CODE,
    ]
    assert msgs[10].extra == {"disappearing": "7 days"}
    assert msgs[11].extra == {"disappearing": "90 days"}
    assert msgs[15].extra["contact_card"] == "Jo Bloggs"
    assert msgs[16].attachments[0].mime == "application/pdf"
    assert msgs[16].text == "Timetable.pdf"


def test_line_separator_inside_a_message_is_not_a_line_break() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Sam Jones.txt")
    assert msgs[14].text == "Line one\u2028still line one\nsecond line"


def test_us_narrow_no_break_space_and_midnight() -> None:
    conv, msgs = parse(FIX / "WhatsApp Chat with Taylor.txt")
    assert conv.extra["day_first"] is False
    assert [m.wallclock for m in msgs] == [
        "2024-03-12T23:58:00",
        "2024-03-12T23:59:00",
        "2024-03-13T00:00:00",
        "2024-03-13T12:30:00",
        "2024-03-13T13:05:00",
    ]
    assert msgs[2].wallclock_raw == "3/13/24, 12:00\u202fAM"


def test_us_plain_space_two_digit_year() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Robin.txt")
    assert [m.wallclock for m in msgs] == [
        "2023-01-02T09:15:00",
        "2023-01-02T21:16:00",
        "2023-01-03T10:00:00",
    ]


def test_german() -> None:
    conv, msgs = parse(FIX / "WhatsApp Chat mit Lena.txt")
    assert conv.title == "Lena"
    assert msgs[0].event_type is EventType.ENCRYPTION
    assert msgs[1].wallclock == "2024-03-12T09:16:00"
    assert msgs[2].media_omitted and msgs[3].deleted
    assert msgs[4].edited and msgs[4].text == "Bis morgen"
    assert msgs[4].wallclock == "2024-03-12T21:30:00"


def test_spanish_a_m_p_m() -> None:
    conv, msgs = parse(FIX / "Chat de WhatsApp con Lucía.txt")
    assert conv.title == "Lucía"
    assert [m.wallclock for m in msgs] == [
        "2024-03-14T09:15:00",
        "2024-03-14T09:16:00",
        "2024-03-14T12:05:00",
        "2024-03-14T21:40:00",
    ]
    assert msgs[0].event_type is EventType.ENCRYPTION
    assert msgs[2].media_omitted and msgs[3].deleted


def test_ios_group_crlf_marks_author_slot_events_and_calls() -> None:
    conv, msgs = parse(FIX / "ios_group_chat.txt")
    assert conv.is_group
    assert conv.participants == ["Femke Visser", "Ruben de Boer", "+31 6 87654321"]
    assert kinds(msgs) == (15, 7)
    assert [m.event_type for m in msgs[:3]] == [
        EventType.ENCRYPTION,
        EventType.GROUP_CREATED,
        EventType.MEMBER_ADDED,
    ]
    assert all(m.sender is None for m in msgs[:3])
    assert msgs[1].text == "Femke Visser created group \u201cTeam Pers\u201d"
    media = [m.extra["media"] for m in msgs[4:11]]
    assert media == ["image", "video", "audio", "sticker", "gif", "document", "contact_card"]
    assert all(m.media_omitted for m in msgs[4:11])
    assert msgs[9].text == "Persbericht concept • 3 pages"
    assert msgs[11].attachments[0].name == "00000012-PHOTO-2024-03-01-09-05-30.jpg"
    assert msgs[11].attachments[0].data is None and msgs[11].text == ""
    assert msgs[12].deleted and msgs[13].deleted
    assert msgs[14].edited and msgs[14].text == "Klopt, 11:00 uur"
    for call in msgs[15:17]:
        assert call.kind is Kind.EVENT and call.event_type is EventType.CALL
    assert msgs[15].sender == "Ruben de Boer" and msgs[15].from_owner is False
    assert msgs[17].extra["location"] == "https://maps.google.com/?q=52.080000,4.310000"
    assert msgs[18].event_type is EventType.SUBJECT_CHANGED
    assert msgs[19].event_type is EventType.MEMBER_LEFT
    assert msgs[20].text == "Contact +31 6 12345678 graag bellen"
    assert msgs[21].sender == "+31 6 87654321"
    assert msgs[5].wallclock == "2024-03-01T09:02:30"
    assert all("\r" not in m.text and "\u200e" not in m.text for m in msgs)


def test_ios_us_seconds_and_audio() -> None:
    _, msgs = parse(FIX / "ios_us_chat.txt")
    assert [m.wallclock for m in msgs] == [
        "2024-03-14T08:05:12",
        "2024-03-14T12:01:00",
        "2024-03-14T23:59:59",
    ]
    assert msgs[1].attachments[0].mime == "audio/ogg"


def test_ios_dutch_with_and_without_comma() -> None:
    _, msgs = parse(FIX / "ios_nl_chat.txt")
    assert kinds(msgs) == (5, 1)
    assert msgs[2].media_omitted and msgs[2].extra["media"] == "image"
    assert msgs[3].media_omitted and msgs[3].extra["media"] == "contact_card"
    assert msgs[4].extra["contact_card"] == "Jan Jansen"
    assert msgs[5].deleted
    _, msgs = parse(FIX / "ios_nl_comma_chat.txt")
    assert [m.wallclock for m in msgs] == ["2024-03-05T08:30:00", "2024-03-06T17:45:10"]


def test_old_ios_without_brackets() -> None:
    _, msgs = parse(FIX / "ios_old_chat.txt")
    assert [(m.sender, m.wallclock, m.text) for m in msgs] == [
        ("Noor", "2015-11-14T20:01:12", "Hoi"),
        ("Bram", "2015-11-14T20:02:40", "Hallo daar\nhoe gaat het?"),
    ]


def test_bom_and_crlf() -> None:
    conv, msgs = parse(FIX / "WhatsApp-chat met Oma.txt")
    assert conv.title == "Oma"
    assert msgs[0].sender == "Oma" and msgs[0].text == "Gelukkig nieuwjaar!"
    assert msgs[1].text == "Jij ook oma\nTot zondag"
    assert msgs[1].from_owner is True and msgs[0].from_owner is False


def test_from_owner_is_none_without_owner() -> None:
    _, msgs = parse(FIX / "WhatsApp-chat met Oma.txt", owner=None)
    assert [m.from_owner for m in msgs] == [None, None]


@pytest.mark.parametrize(
    ("name", "day_first", "third"),
    [
        ("ambiguous_dayfirst.txt", True, "2024-02-02T09:00:00"),
        ("ambiguous_monthfirst.txt", False, "2024-02-02T09:00:00"),
    ],
)
def test_ambiguous_day_month_decided_by_order(name: str, day_first: bool, third: str) -> None:
    conv, msgs = parse(FIX / name)
    assert conv.extra["day_first"] is day_first
    assert [m.wallclock for m in msgs] == [
        "2024-01-03T09:00:00",
        "2024-01-04T09:00:00",
        third,
    ]


def test_not_a_chat(tmp_path: Path) -> None:
    with open_source(FIX / "notes.txt") as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(NotAChatError) as err:
            list(IMPORTER.parse(source, ImportContext()))
    assert "notes.txt" in str(err.value)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with open_source(empty) as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(NotAChatError):
            list(IMPORTER.parse(source, ImportContext()))


def test_sniff_scores() -> None:
    with open_source(FIX / "WhatsApp-chat met Oma.txt") as source:
        assert IMPORTER.sniff(source) == 90
    with open_source(FIX / "ios_old_chat.txt") as source:
        assert IMPORTER.sniff(source) == 80


def test_invalid_utf8_names_file_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Bad.txt"
    path.write_bytes(b"01/02/2024, 10:00 - A: ok\n01/02/2024, 10:01 - B: caf\xe9\n")
    with open_source(path) as source, pytest.raises(EncodingError) as err:
        (conv,) = IMPORTER.parse(source, ImportContext())
        list(conv.messages)
    assert err.value.file == str(path) and err.value.line == 2
    assert "byte offset 52" in str(err.value)


def test_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Old.txt"
    path.write_bytes(b"01/02/2024, 10:00 - A: caf\xe9\n")
    _, msgs = parse(path, encoding="cp1252")
    assert msgs[0].text == "café"


def test_impossible_first_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with X.txt"
    path.write_text("31/02/2024, 10:00 - A: hi\n01/03/2024, 10:00 - B: ok\n")
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.line == 1


def test_impossible_date_later_is_a_continuation_line(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with X.txt"
    path.write_text(
        "13/02/2024, 10:00 - A: hi\n31/02/2024, 10:00 - B: no\n14/02/2024, 10:00 - B: ok\n"
    )
    _, msgs = parse(path)
    assert [m.text for m in msgs] == ["hi\n31/02/2024, 10:00 - B: no", "ok"]


def test_block_boundaries_do_not_split_messages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from chatsafe.importers import whatsapp_text

    lines = [f"0{1 + i % 9}/03/2024, 10:{i % 60:02d} - A: line {i}\nmore {i}\n" for i in range(200)]
    path = tmp_path / "WhatsApp Chat with Blocks.txt"
    path.write_text("".join(lines))
    _, whole = parse(path)
    monkeypatch.setattr(whatsapp_text, "BLOCK_BYTES", 50)
    monkeypatch.setattr(whatsapp_text.decode_blocks, "__defaults__", (50,))
    _, small = parse(path)
    assert [m.text for m in small] == [m.text for m in whole]
    assert small[199].text == "line 199\nmore 199"
    assert len(small) == 200


def test_progress_and_cancel(tmp_path: Path) -> None:
    from chatsafe.errors import CancelledError

    path = tmp_path / "WhatsApp Chat with Many.txt"
    path.write_text("".join(f"01/03/2024, 10:00 - A: m{i}\n" for i in range(10_000)))
    seen: list[tuple[int, int]] = []
    with open_source(path) as source:
        (conv,) = IMPORTER.parse(source, ImportContext(progress=lambda d, t: seen.append((d, t))))
        assert len(list(conv.messages)) == 10_000
    assert seen and seen[-1][0] == seen[-1][1]
    with open_source(path) as source, pytest.raises(CancelledError):
        (conv,) = IMPORTER.parse(source, ImportContext(cancelled=lambda: True))
        list(conv.messages)


def test_system_line_with_a_colon_in_quotes_is_an_event(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp-chat met Team.txt"
    path.write_text(
        '12-03-2024 10:00 - Eva heeft het onderwerp gewijzigd in "Re: begroting"\n'
        "12-03-2024 10:01 - \u202a+31 6 12345678\u202c: Goedemorgen\n"
        "12-03-2024 10:02 - ~\u202fBas: Hoi\n"
        "12-03-2024 10:03 - Eva: \n",
        encoding="utf-8",
    )
    conv, msgs = parse(path)
    assert msgs[0].kind is Kind.EVENT and msgs[0].event_type is EventType.SUBJECT_CHANGED
    assert msgs[0].text == 'Eva heeft het onderwerp gewijzigd in "Re: begroting"'
    assert msgs[1].sender == "+31 6 12345678"
    assert msgs[2].sender == "~\u202fBas"
    assert msgs[3].sender == "Eva" and msgs[3].text == ""
    assert conv.is_group


def test_messages_are_streamed() -> None:
    import inspect

    with open_source(FIX / "WhatsApp-chat met Oma.txt") as source:
        (conv,) = IMPORTER.parse(source, ImportContext())
        assert inspect.isgenerator(conv.messages)
        assert conv.participants == []  # filled while the messages are read
        list(conv.messages)
        assert conv.participants == ["Oma", OWNER]


def test_wallclocks_always_convert_to_datetimes(tmp_path: Path) -> None:
    from datetime import datetime

    path = tmp_path / "WhatsApp Chat with Y.txt"
    path.write_text(
        "01/03/2024, 10:00 - A: ok\n01/03/0000, 10:00 - A: year zero\n"
        "00/03/2024, 10:00 - A: day zero\n29/02/2023, 10:00 - A: no leap day\n"
        "29/02/2024, 25:00 - A: hour 25\n29/02/2024, 23:59 - B: fine\n"
    )
    _, msgs = parse(path)
    assert len(msgs) == 2
    assert msgs[0].text.count("\n") == 4
    for m in msgs:
        datetime.fromisoformat(m.wallclock)


@pytest.mark.parametrize(
    "name",
    [
        'Jan "Jantje" Jansen',
        "Jan \u201cJantje\u201d Jansen",
        "Piet (BZK: DGOO)",
        "Mia [werk: privé]",
        "Oma \U0001f475\U0001f3fc",
        "\u202a+31 6 12 34 56 78\u202c",
        "\u200fسارة\u200f",
        "Anne-Marie de Vries-van den Berg, Directeur-Generaal Openbaar Bestuur en Democratische Rechtsorde",
        'Karel "de Kapper',
    ],
)
def test_any_participant_like_name_is_a_sender_never_an_event(tmp_path: Path, name: str) -> None:
    # Parsing must never decide privacy: an event cannot be marked, so a sender taken
    # for a system line would leave whatever the reviewers decided.
    path = tmp_path / "WhatsApp-chat met Werkgroep.txt"
    path.write_text(
        "01-03-2024 08:21 - Minister: Agenda ministerraad\n"
        f"01-03-2024 08:22 - {name}: prive ziekenhuis\n"
        "01-03-2024 08:23 - Eline: stukken klaar\n",
        encoding="utf-8",
    )
    conv, msgs = parse(path, owner="Minister")
    assert [m.kind for m in msgs] == [Kind.MESSAGE] * 3
    assert msgs[1].sender == name.replace("\u202a", "").replace("\u202c", "").replace("\u200f", "")
    assert msgs[1].text == "prive ziekenhuis"


@pytest.mark.parametrize(
    ("line", "event_type"),
    [
        ('Eva changed the subject from "A" to "Re: begroting"', EventType.SUBJECT_CHANGED),
        ("Eva heeft groep \u201eOverleg: BZK\u201c aangemaakt", EventType.GROUP_CREATED),
        ("Eva changed the group name to \u201cTeam: Pers\u201d", EventType.SUBJECT_CHANGED),
    ],
)
def test_known_system_phrasings_with_colons_in_quotes_stay_events(
    tmp_path: Path, line: str, event_type: EventType
) -> None:
    path = tmp_path / "WhatsApp-chat met Werkgroep.txt"
    path.write_text(f"01-03-2024 08:21 - {line}\n01-03-2024 08:22 - Eva: hoi\n", encoding="utf-8")
    _, msgs = parse(path)
    assert msgs[0].kind is Kind.EVENT and msgs[0].event_type is event_type
    assert msgs[0].text == line and msgs[0].sender is None
    assert msgs[1].sender == "Eva"
