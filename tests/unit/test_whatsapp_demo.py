"""The demo sample under resources/samples/ parses as the README promises."""

from __future__ import annotations

import zipfile
from pathlib import Path

from chatsafe.domain import EventType, Kind, ParsedMessage
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp import IMPORTER
from chatsafe.sources import open_source

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ZIP = SAMPLES / "WhatsApp-chat met Kabinet BZK overleg.zip"
FOLDER = SAMPLES / "whatsapp-demo"
PRIVATE = SAMPLES / "WhatsApp-chat met Marieke de Vries.txt"
OWNER = "Minister J. de Vries"


def messages(path: Path) -> list[ParsedMessage]:
    with open_source(path) as source:
        (conv,) = IMPORTER.parse(source, ImportContext(owner=OWNER))
        return list(conv.messages)


def test_zip_is_built_from_the_committed_sources() -> None:
    with zipfile.ZipFile(ZIP) as zf:
        assert sorted(zf.namelist()) == sorted(p.name for p in FOLDER.iterdir())
        for name in zf.namelist():
            assert zf.read(name) == (FOLDER / name).read_bytes(), name
    assert (FOLDER / "IMG-20240312-WA0001.jpg").stat().st_size < 30_000


def test_business_chat_holds_every_marker_the_demo_shows() -> None:
    msgs = messages(ZIP)
    assert sum(m.kind is Kind.MESSAGE for m in msgs) == 70
    assert sum(m.kind is Kind.EVENT for m in msgs) == 8
    assert msgs[0].wallclock == "2024-03-04T08:12:00"
    assert msgs[-1].wallclock == "2024-03-28T16:50:00"
    assert sum(m.deleted for m in msgs) == 1
    assert sum(m.edited for m in msgs) == 1
    assert sum(m.media_omitted for m in msgs) == 1
    assert [
        m.event_type
        for m in msgs
        if m.event_type in (EventType.CALL, EventType.DISAPPEARING_ON, EventType.DISAPPEARING_OFF)
    ] == [EventType.CALL, EventType.DISAPPEARING_ON, EventType.DISAPPEARING_OFF]
    assert any("location" in m.extra for m in msgs)
    assert any("poll" in m.extra for m in msgs)
    (photo,) = [a for m in msgs for a in m.attachments]
    assert photo.present and photo.mime == "image/jpeg"
    assert any(m.from_owner for m in msgs) and any(m.from_owner is False for m in msgs)


def test_folder_and_zip_give_the_same_messages() -> None:
    def key(m: ParsedMessage) -> tuple[object, ...]:
        return (m.kind, m.sender, m.wallclock, m.text, [a.data for a in m.attachments])

    assert [key(m) for m in messages(FOLDER)] == [key(m) for m in messages(ZIP)]


def test_private_chat() -> None:
    with open_source(PRIVATE) as source:
        (conv,) = IMPORTER.parse(source, ImportContext(owner=OWNER))
        msgs = list(conv.messages)
    assert conv.title == "Marieke de Vries" and not conv.is_group
    assert sum(m.kind is Kind.MESSAGE for m in msgs) == 13
