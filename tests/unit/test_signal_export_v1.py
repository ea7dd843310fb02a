"""signal-export 1.x: index.md with times to the minute, media/, and no data.json."""

from __future__ import annotations

from pathlib import Path

from chatsafe.importers import detect
from chatsafe.importers.signal_export import IMPORTER
from chatsafe.sources import open_source
from tests.unit.test_signal_export import parse, zip_folder

V1 = Path(__file__).parent.parent / "fixtures" / "signal_export" / "v1"


def test_index_md_is_read() -> None:
    with open_source(V1) as source:
        assert IMPORTER.sniff(source) == 85
        assert detect(source) is IMPORTER
    (conv,) = parse(V1, owner="Minister").values()
    assert conv.title == "PietBakker"
    msgs = list(conv.messages)
    assert len(msgs) == 4
    first, second, photo, deleted = msgs
    assert (first.sender, first.wallclock, first.text) == (
        "Minister",
        "2019-05-29T15:04:00",
        "Hoe staat het met de nota?",
    )
    assert (second.sender, second.wallclock, second.text) == (
        "Piet Bakker",
        "2019-05-29T15:06:00",
        "Bijna klaar\ntweede regel",
    )
    (att,) = photo.attachments
    assert att.name == "2019-05-29_00_whiteboard.png" and att.mime == "image/png"
    assert att.data is not None and photo.text == "Het whiteboard"
    assert deleted.deleted and deleted.wallclock == "2019-05-30T09:00:00"
    assert conv.extra["notes"] == ["signal-export 1.x (index.md): times are to the minute"]


def test_index_md_in_a_zip(tmp_path: Path) -> None:
    zipped = zip_folder(V1, tmp_path / "signal.zip")
    (conv,) = parse(zipped, owner="Minister").values()
    assert len(list(conv.messages)) == 4
