"""Telegram service messages that carry a photo (a new group photo, a suggested profile
photo) record it as an attachment, present or missing, and stats count it."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from chatsafe.domain import EventType, Kind
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.store import create_case, queries
from tests.unit.test_telegram import parse

NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"


def _export(folder: Path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 120, 200)).save(out, format="JPEG")
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "photo_1@12-03-2024_10-00-00.jpg").write_bytes(out.getvalue())

    def service(i: int, action: str, **more: object) -> dict[str, object]:
        return {
            "id": i,
            "type": "service",
            "date": f"2024-03-12T10:0{i}:00",
            "date_unixtime": str(1710234000 + 60 * i),
            "actor": "Sanne Jansen",
            "actor_id": "user42",
            "action": action,
            "text": "",
            "text_entities": [],
            **more,
        }

    chat = {
        "name": "Werkgroep",
        "type": "private_group",
        "id": 7,
        "messages": [
            service(1, "create_group", title="Werkgroep", members=["Sanne Jansen"]),
            service(2, "edit_group_photo", photo="photos/photo_1@12-03-2024_10-00-00.jpg", width=4),
            service(3, "suggest_profile_photo", photo=NOT_INCLUDED),
            {
                "id": 4,
                "type": "message",
                "date": "2024-03-12T10:04:00",
                "date_unixtime": "1710234240",
                "from": "Sanne Jansen",
                "from_id": "user42",
                "text": "Nieuwe foto!",
                "text_entities": [],
            },
        ],
    }
    (folder / "result.json").write_text(json.dumps(chat), encoding="utf-8")
    return folder


def test_service_photos_are_attachments_present_or_missing(tmp_path: Path) -> None:
    (conv,) = parse(_export(tmp_path / "export"))
    msgs = list(conv.messages)
    assert [m.kind for m in msgs] == [Kind.EVENT, Kind.EVENT, Kind.EVENT, Kind.MESSAGE]
    changed, suggested = msgs[1], msgs[2]
    assert changed.event_type is EventType.ICON_CHANGED
    assert changed.text == "Sanne Jansen changed the group photo"
    (photo,) = changed.attachments
    assert photo.name == "photo_1@12-03-2024_10-00-00.jpg" and photo.mime == "image/jpeg"
    assert photo.data is not None and photo.data[:2] == b"\xff\xd8"
    assert suggested.text == "Sanne Jansen suggested a profile photo"
    (missing,) = suggested.attachments
    assert missing.data is None and not missing.present


def test_stats_count_them(tmp_path: Path) -> None:
    export = _export(tmp_path / "export")
    case = create_case(tmp_path / "c.chatsafe", passphrase="a test passphrase")
    try:
        import_paths(case, [export], ImportContext())
        (conv,) = queries.case_stats(case.conn)["conversations"]
        assert conv["attachments"] == {"referenced": 2, "present": 1, "missing": 1}
    finally:
        case.close()
