"""WhatsApp's markers in every language of the phrase tables: attachments linked,
media left out, deleted, edited and disappearing messages, and file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.domain import EventType, Kind
from chatsafe.importers.whatsapp_markers import is_chat_name, title_from_name
from chatsafe.importers.whatsapp_phrases import PHRASES
from tests.unit.test_whatsapp import FIX, OWNER, kinds, parse
from tests.unit.test_whatsapp_zip import PDF, jpeg, make_zip, parse_all


def test_portuguese_android_attachment_is_linked_and_markers_are_data(tmp_path: Path) -> None:
    name = "Conversa do WhatsApp com Beatriz.txt"
    photo = jpeg()
    path = make_zip(
        tmp_path / "Conversa do WhatsApp com Beatriz.zip",
        {name: (FIX / name).read_bytes(), "IMG-20251028-WA0035.jpg": photo},
    )
    conv, msgs = parse_all(path, owner=OWNER)
    assert conv.title == "Beatriz" and is_chat_name(name)
    assert kinds(msgs) == (4, 3)
    assert msgs[0].event_type is EventType.ENCRYPTION
    (att,) = msgs[1].attachments
    assert (att.name, att.mime, att.data) == ("IMG-20251028-WA0035.jpg", "image/jpeg", photo)
    assert (msgs[1].sender, msgs[1].wallclock, msgs[1].text) == (
        "Beatriz",
        "2025-10-28T09:13:00",
        "Foto da reunião",
    )
    assert msgs[2].media_omitted and msgs[2].text == ""
    assert msgs[3].deleted and msgs[3].from_owner is True
    assert msgs[4].edited and msgs[4].text == "Até amanhã"
    assert msgs[5].event_type is EventType.DISAPPEARING_ON
    assert msgs[5].extra["disappearing"] == "7 dias"
    assert msgs[6].event_type is EventType.DISAPPEARING_OFF


def test_german_ios_sticker_and_gif_are_media_omitted(tmp_path: Path) -> None:
    photo = jpeg()
    path = make_zip(
        tmp_path / "WhatsApp Chat - Lena.zip",
        {
            "_chat.txt": (FIX / "_chat_de_media.txt").read_bytes(),
            "00000007-PHOTO-2024-03-12-09-15-40.jpg": photo,
        },
    )
    _, msgs = parse_all(path, owner=OWNER)
    assert kinds(msgs) == (6, 0)
    assert [m.extra.get("media") for m in msgs[:4]] == ["image", "sticker", "gif", "audio"]
    assert all(m.media_omitted and m.text == "" for m in msgs[:4])
    assert msgs[4].attachments[0].data == photo and msgs[4].text == ""
    assert (msgs[5].sender, msgs[5].wallclock, msgs[5].text) == (
        OWNER,
        "2024-03-12T09:16:00",
        "Danke",
    )
    assert msgs[5].edited


def test_french_italian_turkish_polish_arabic_android() -> None:
    _, msgs = parse(FIX / "WhatsApp Chat with Europe.txt")
    assert kinds(msgs) == (10, 1)
    attached = [(m.sender, m.attachments[0].name) for m in msgs if m.attachments]
    assert attached == [
        ("Claire", "DOC-20240312-WA0001.pdf"),
        ("Marco", "IMG-20240312-WA0002.jpg"),
        ("Emre", "PTT-20240312-WA0003.opus"),
        ("Ola", "VID-20240312-WA0004.mp4"),
        ("سارة", "IMG-20240312-WA0005.jpg"),
    ]
    assert [m.sender for m in msgs if m.deleted] == ["Claire", "Marco", "Ola", "سارة"]
    assert msgs[5].media_omitted and msgs[5].sender == "Emre"
    assert msgs[10].event_type is EventType.DISAPPEARING_ON
    assert msgs[10].wallclock == "2024-03-12T10:10:00"


@pytest.mark.parametrize("marks_in", ["text", "file name"])
def test_attachment_names_match_with_and_without_direction_marks(
    tmp_path: Path, marks_in: str
) -> None:
    plain, marked = "تقرير.pdf", "\u200fتقرير\u200f.pdf"
    text_name, member = (marked, plain) if marks_in == "text" else (plain, marked)
    chat = f"12/03/2024, 10:08 - سارة: {text_name} (الملف مرفق)\n12/03/2024, 10:09 - سارة: ok\n"
    path = make_zip(
        tmp_path / "WhatsApp Chat with Sara.zip",
        {"WhatsApp Chat with Sara.txt": chat.encode(), member: PDF},
    )
    _, msgs = parse_all(path)
    (att,) = msgs[0].attachments
    assert att.data == PDF and att.name == plain


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_every_language_row_is_complete_and_read(tmp_path: Path, lang: str) -> None:
    """Each row's phrases become the same data as the English ones do."""
    row = PHRASES[lang]
    assert set(row) >= {
        "title",
        "attached",
        "attached_ios",
        "media_omitted",
        "omitted",
        "deleted",
        "edited",
        "disappearing_on",
        "disappearing_off",
        "disappearing",
    }
    assert set(row["omitted"].values()) >= {"image", "video", "audio", "sticker", "document"}
    lines = [
        f"A: IMG-20240312-WA0001.jpg ({row['attached'][0]})",
        f"A: {row['media_omitted'][0]}",
        f"A: {row['deleted'][0]}",
        f"A: ok {row['edited'][0]}",
    ]
    text = "".join(f"12/03/2024, 10:0{i} - {line}\n" for i, line in enumerate(lines))
    path = tmp_path / "WhatsApp Chat with A.txt"
    path.write_text(text, encoding="utf-8")
    _, msgs = parse(path)
    assert msgs[0].attachments[0].name == "IMG-20240312-WA0001.jpg" and msgs[0].text == ""
    assert msgs[1].media_omitted and msgs[2].deleted and msgs[3].edited
    assert msgs[3].text == "ok"
    ios = [f"A: \u200e<{row['attached_ios'][0]}: 00000001-PHOTO.jpg>"] + [
        f"A: \u200e{words}" for words in row["omitted"]
    ]
    text = "".join(f"[12/03/2024, 10:0{i}:00] {line}\n" for i, line in enumerate(ios))
    path = tmp_path / "_chat.txt"
    path.write_text(text, encoding="utf-8")
    _, msgs = parse(path)
    assert msgs[0].attachments[0].name == "00000001-PHOTO.jpg"
    assert [m.extra.get("media") for m in msgs[1:]] == list(row["omitted"].values())
    assert all(m.kind is Kind.MESSAGE for m in msgs)


@pytest.mark.parametrize(
    ("filename", "title"),
    [
        ("Conversa do WhatsApp com Beatriz.txt", "Beatriz"),
        ("Discussion WhatsApp avec Claire.txt", "Claire"),
        ("Chat WhatsApp con Marco.txt", "Marco"),
        ("Emre ile WhatsApp Sohbeti.txt", "Emre"),
        ("Czat WhatsApp z Olą.txt", "Olą"),
    ],
)
def test_chat_file_names_in_other_languages(filename: str, title: str) -> None:
    assert is_chat_name(filename)
    assert title_from_name(filename) == title
