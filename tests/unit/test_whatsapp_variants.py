"""WhatsApp header variants seen in real exports: every region's date and time forms.

Each fixture is written by hand after a published format fact (issue 16); each test
checks the counts and three spot checks (sender, time, exact text).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from chatsafe.domain import EventType, Kind, ParsedMessage
from chatsafe.errors import InputError, NotAChatError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp import IMPORTER
from chatsafe.importers.whatsapp_dates import CalendarError
from chatsafe.sources import open_source
from tests.unit.test_whatsapp import FIX, OWNER, kinds, parse


def spot(m: ParsedMessage, sender: str | None, wallclock: str, text: str) -> None:
    assert (m.sender, m.wallclock, m.text) == (sender, wallclock, text)


def test_year_first_slashes_south_africa() -> None:
    conv, msgs = parse(FIX / "WhatsApp Chat with Nabeel.txt")
    assert kinds(msgs) == (4, 1)
    assert msgs[0].event_type is EventType.ENCRYPTION
    spot(msgs[1], "Nabeel", "2021-03-28T14:37:00", "Morning, are we still on for the briefing?")
    spot(msgs[2], OWNER, "2021-03-28T14:40:00", "Yes, 16:00 at the ministry")
    spot(msgs[3], "Nabeel", "2021-04-02T09:05:00", "The slides")
    assert [a.name for a in msgs[3].attachments] == ["IMG-20210402-WA0003.jpg"]
    assert msgs[2].wallclock_raw == "2021/03/28, 14:40"


def test_time_before_date_ios_vietnamese_region() -> None:
    conv, msgs = parse(FIX / "_chat_vi_time_first.txt")
    assert kinds(msgs) == (3, 1)
    assert "time-first" in conv.extra["variant"]
    spot(msgs[1], "Linh", "2022-03-18T14:56:01", "Chào anh, the delegation lands at 9")
    spot(msgs[2], OWNER, "2022-03-18T15:02:44", "Understood")
    assert msgs[3].wallclock == "2022-03-19T08:10:00" and msgs[3].media_omitted


def test_time_before_date_with_month_names_android() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Graham.txt")
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "Graham", "2013-08-28T19:23:00", "Have you seen the draft?")
    spot(msgs[1], OWNER, "2013-08-28T19:25:00", "Not yet")
    spot(msgs[2], "Graham", "2013-09-01T09:01:00", "It is on your desk\nand in your inbox")


def test_iso_dates_with_a_m_p_m_canada() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Chloé.txt")
    assert kinds(msgs) == (4, 0)
    spot(msgs[0], "Chloé", "2019-08-06T07:03:00", "Bonjour! Press call moved to 2 p.m.")
    spot(msgs[1], OWNER, "2019-08-06T12:15:00", "Fine")
    spot(msgs[2], "Chloé", "2019-08-06T00:30:00", "Sorry, late message")
    assert msgs[3].media_omitted and msgs[3].wallclock == "2019-08-07T23:59:00"


def test_byte_order_marks_repeated_on_every_line() -> None:
    _, msgs = parse(FIX / "_chat_de_bom.txt")
    assert kinds(msgs) == (3, 1)
    assert msgs[0].event_type is EventType.ENCRYPTION
    spot(msgs[1], "Lena", "2018-01-29T12:24:03", "Hallo Herr Minister")
    spot(msgs[2], OWNER, "2018-01-29T12:25:10", "Guten Tag\nZweite Zeile")
    assert msgs[3].media_omitted and msgs[3].extra["media"] == "image"
    assert all("\ufeff" not in (m.sender or "") + m.text for m in msgs)


def test_twelve_hour_clock_with_hour_zero() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Zero Hour.txt")
    assert kinds(msgs) == (4, 0)
    spot(msgs[1], OWNER, "2018-01-29T12:24:00", "After the vote")
    spot(msgs[2], "Sam", "2018-01-29T00:05:00", "Sorry, wrong order")
    spot(msgs[3], "Sam", "2018-01-30T00:00:00", "Midnight")


def _dated_copy(tmp_path: Path, name: str, stamp: str) -> Path:
    path = tmp_path / name
    shutil.copyfile(FIX / name, path)
    when = time.mktime(time.strptime(stamp, "%Y-%m-%d"))
    os.utime(path, (when, when))
    return path


def test_month_names_without_year_take_the_year_from_the_file_date(tmp_path: Path) -> None:
    conv, msgs = parse(_dated_copy(tmp_path, "WhatsApp Chat with Mona.txt", "2015-03-09"))
    assert kinds(msgs) == (4, 0)
    spot(msgs[0], "Mona", "2014-12-30T20:11:00", "Happy new year in advance")
    spot(msgs[2], "Mona", "2015-01-01T00:01:00", "Happy new year!")
    spot(msgs[3], "Mona", "2015-03-05T20:11:00", "Budget meeting moved")
    assert conv.extra["year_assumed"] == {"first": 2014, "from": "the file's date 2015-03-09"}
    assert any("2014 assumed" in note for note in conv.extra["notes"])


def test_day_month_name_without_year(tmp_path: Path) -> None:
    conv, msgs = parse(_dated_copy(tmp_path, "WhatsApp-chat met Ruud.txt", "2014-04-02"))
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "Ruud", "2014-03-18T12:14:00", "Goedemiddag")
    spot(msgs[1], OWNER, "2014-03-18T12:15:00", "Hallo Ruud")
    spot(msgs[2], "Ruud", "2014-04-02T09:00:00", "Tot straks")
    # A file dated before its last message's day and month: that message is last year's.
    _, msgs = parse(_dated_copy(tmp_path, "WhatsApp-chat met Ruud.txt", "2014-04-01"))
    assert msgs[0].wallclock == "2013-03-18T12:14:00"


def test_year_given_for_the_import_wins(tmp_path: Path) -> None:
    path = _dated_copy(tmp_path, "WhatsApp-chat met Ruud.txt", "2020-01-01")
    with open_source(path) as source:
        ctx = ImportContext(owner=OWNER, extra={"whatsapp_first_year": "2015"})
        (conv,) = IMPORTER.parse(source, ctx)
        msgs = list(conv.messages)
    assert msgs[0].wallclock == "2015-03-18T12:14:00"
    assert conv.extra["year_assumed"]["from"] == "given for this import"


def test_eastern_arabic_digits_marks_and_arabic_am_pm() -> None:
    _, msgs = parse(FIX / "_chat_ar.txt")
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "سارة", "2022-03-18T14:56:00", "مرحبا")
    spot(msgs[1], OWNER, "2022-03-18T14:57:12", "Hello Sara")
    spot(msgs[2], "سارة", "2022-03-19T09:05:00", "صباح الخير\nسطر ثان")
    assert msgs[2].wallclock_raw == "١٩\u200f/٣\u200f/٢٠٢٢، ٩:٠٥:٠٠ ص"


def test_buddhist_era_years() -> None:
    _, msgs = parse(FIX / "_chat_th_buddhist.txt")
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "Somchai", "2022-03-18T14:56:01", "Sawasdee krap")
    spot(msgs[1], OWNER, "2022-03-18T14:58:30", "Hello")
    assert msgs[2].wallclock == "2022-03-20T07:00:00" and msgs[2].extra["media"] == "audio"


def test_japanese_era_years() -> None:
    _, msgs = parse(FIX / "_chat_jp_era.txt")
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "Haruto", "2022-03-18T14:56:01", "Konnichiwa")
    spot(msgs[1], OWNER, "2022-03-18T14:57:00", "Good afternoon")
    spot(msgs[2], "Haruto", "2022-12-31T23:59:59", "Last one of the year")


@pytest.mark.parametrize(
    ("header", "calendar"),
    [
        ("[3/18/1443 AH, 14:56:01]", "Hijri"),
        ("[18/3/1401, 14:56:01]", "Hijri"),
        ("[3/18/5782, 14:56:01]", "Hebrew"),
        ("[3/18/X4, 14:56:01]", "era 'X'"),
    ],
)
def test_other_calendars_are_refused_by_name(tmp_path: Path, header: str, calendar: str) -> None:
    path = tmp_path / "_chat.txt"
    path.write_text(f"{header} Ali: salam\n{header} Minister: hi\n", encoding="utf-8")
    with pytest.raises(CalendarError) as err:
        parse(path)
    assert calendar in str(err.value) and err.value.line == 1 and "Gregorian" in str(err.value)


def test_leading_blank_line_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "_chat.txt"
    path.write_bytes(
        b"\r\n[05/03/2024, 08:30:00] Eva: Goedemorgen\r\n[05/03/2024, 08:31:00] Tom: Hoi\r\n"
    )
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 90
    conv, msgs = parse(path)
    assert kinds(msgs) == (2, 0)
    spot(msgs[0], "Eva", "2024-03-05T08:30:00", "Goedemorgen")
    spot(msgs[1], "Tom", "2024-03-05T08:31:00", "Hoi")
    assert "lead_lines" not in conv.extra


def test_leading_lines_that_are_not_chat_are_reported() -> None:
    conv, msgs = parse(FIX / "WhatsApp Chat with Page.txt")
    assert kinds(msgs) == (3, 0)
    spot(msgs[0], "Page", "2024-03-01T09:00:00", "Good morning")
    spot(msgs[2], "Page", "2024-03-02T10:00:00", "Bye")
    assert conv.extra["lead_lines"] == [
        {"line": 1, "text": "Page 1"},
        {"line": 2, "text": "WhatsApp Chat with Page"},
    ]
    assert conv.extra["notes"] == [
        "2 line(s) before the first message are not chat messages (line 1, 2);"
        " kept in the conversation's details"
    ]


def test_too_many_leading_lines_are_not_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with X.txt"
    path.write_text("".join(f"line {i}\n" for i in range(6)) + "3/1/24, 9:00 AM - A: hi\n")
    with pytest.raises(NotAChatError):
        parse(path)


NOT_CHATS = {
    "poem.txt": (
        "De zee, de zee klotst voort\nin eindelooze deining\n\n"
        "Om 10:00 - toen: het tij\nkeerde, 12-03-2024\n"
    ),
    "export.csv": ("date,time,sender,text\n2024-03-12,10:00,Eva,hallo\n12/03/2024,10:01,Tom,hoi\n"),
    "app.txt": (
        "2024-03-12 10:00:01,123 INFO [main] Started: ok\n"
        "Mar 12 10:00:02 host sshd[1234]: Accepted publickey for eva\n"
        "2024-03-12T10:00:03Z ERROR worker - failed: timeout\n"
        '[12/Mar/2024:10:00:04 +0100] "GET / HTTP/1.1" 200\n'
    ),
    "agenda.txt": ("Agenda\n\n12-03-2024 10:00 - overleg\n12-03-2024 14:00 - commissiedebat\n"),
}


@pytest.mark.parametrize("name", sorted(NOT_CHATS))
def test_text_that_is_not_a_chat_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(NOT_CHATS[name], encoding="utf-8")
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 0
    with pytest.raises(InputError):
        parse(path)


def test_variant_labels_are_distinct() -> None:
    labels = set()
    for name in ("WhatsApp Chat with Nabeel.txt", "WhatsApp Chat with Graham.txt", "_chat_ar.txt"):
        conv, msgs = parse(FIX / name)
        assert all(m.kind in (Kind.MESSAGE, Kind.EVENT) for m in msgs)
        labels.add(conv.extra["variant"])
    assert len(labels) == 3


def test_digits_and_inner_marks_are_part_of_the_variant() -> None:
    from chatsafe.importers.whatsapp_header import detect_variant, header_regex

    arabic = (FIX / "_chat_ar.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    v = detect_variant(arabic)
    assert v is not None and not v.ascii_digits and v.inner_marks
    plain = detect_variant("12-03-2024 10:00 - Eva: hoi")
    assert plain is not None and plain.ascii_digits and not plain.inner_marks
    # The plain pattern matches only ASCII digits, as that phone prints them.
    assert header_regex(plain).match("١٢-٠٣-٢٠٢٤ 10:00 - Eva: hoi") is None
    assert header_regex(v).match(arabic) is not None
