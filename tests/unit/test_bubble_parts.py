"""What a bubble shows besides its text, read with a page of rows (issue 14): the quoted
message of a reply (found by its native id in the same conversation, or the quoted text
the source carried), and attachments with their stored thumbnail size."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.review import browse, bubble_parts
from chatsafe.store import create_case


def _msg(mid: int, text: str, **more: object) -> dict[str, object]:
    return {
        "id": mid,
        "type": "message",
        "date": f"2024-03-04T10:{mid:02d}:00",
        "from": "Sanne Jansen",
        "from_id": "user7000002",
        "text": text,
        **more,
    }


def test_quotes_and_files_come_with_the_rows(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "photos").mkdir(parents=True)
    buf = io.BytesIO()
    Image.new("RGB", (640, 160), (0, 90, 200)).save(buf, "PNG")
    (folder / "photos" / "p.png").write_bytes(buf.getvalue())
    messages = [
        _msg(1, "Het origineel\nmet een tweede regel"),
        _msg(2, "Antwoord", reply_to_message_id=1),
        _msg(3, "Antwoord op iets dat er niet is", reply_to_message_id=77),
        _msg(4, "Foto", photo="photos/p.png"),
        _msg(5, "Kwijt", photo="(File not included. Change data exporting settings to download.)"),
    ]
    chat = {"name": "Sanne Jansen", "type": "personal_chat", "id": 7000002, "messages": messages}
    (folder / "result.json").write_text(json.dumps(chat), encoding="utf-8")
    case = create_case(tmp_path / "q.chatsafe")
    import_paths(case, [folder], ImportContext(owner="Mark"))
    cid = case.conn.execute("SELECT id FROM conversations").fetchone()[0]
    ids = browse.message_ids(case.conn, cid)
    rows = browse.message_rows(case.conn, ids)
    by_text = {r.text: r for r in rows.values()}
    quote = by_text["Antwoord"].quote
    assert quote == bubble_parts.Quote("Sanne Jansen", False, "Het origineel\nmet een tweede regel", True)
    lost = by_text["Antwoord op iets dat er niet is"].quote
    assert lost is not None and not lost.found and lost.text == ""
    assert by_text["Het origineel\nmet een tweede regel"].quote is None
    (photo,) = by_text["Foto"].files
    assert photo.present and (photo.thumb_width, photo.thumb_height) == (320, 80)
    assert photo.blob_id is not None
    png = bubble_parts.thumbnail_png(case.conn, photo.blob_id)
    assert png is not None and png.startswith(b"\x89PNG")
    (missing,) = by_text["Kwijt"].files
    assert not missing.present and missing.thumb_width == 0
    case.close()


def test_the_quoted_text_the_source_carried_stands_in(tmp_path: Path) -> None:
    case = create_case(tmp_path / "q.chatsafe")
    with case.transaction() as c:
        found = bubble_parts.quotes(c, [(1, 1, "nope", {"quote": "x" * 1000})])
    assert found[1] == bubble_parts.Quote(None, False, "x" * bubble_parts.EXCERPT, False)
    case.close()


def test_a_signal_quote_is_found_by_its_sent_time(tmp_path: Path) -> None:
    """Signal Desktop's quote.id is the sent_at of the quoted message (its instant)."""
    case = create_case(tmp_path / "s.chatsafe")
    with case.transaction() as c:
        c.execute(
            "INSERT INTO imports(id, format, path_name, started_at, tool_version)"
            " VALUES(1, 'signal-desktop', 'x', '2024', 't')"
        )
        c.execute(
            "INSERT INTO conversations(id, source_format, key, title, is_group, created_at)"
            " VALUES(1, 'signal-desktop', 'k', 'Sanne', 0, '2024')"
        )
        for mid, instant, text, reply in (
            (1, 1709546400123, "Het origineel", None),
            (2, 1709546460000, "Antwoord", "1709546400123"),
        ):
            c.execute(
                "INSERT INTO messages(id, conversation_id, identity, import_id, position, kind,"
                " sender, wallclock, instant, text, source_id, reply_to)"
                " VALUES(?, 1, ?, 1, ?, 'message', 'Sanne', '2024-03-04T10:00:00', ?, ?, ?, ?)",
                (mid, f"id{mid}", mid, instant, text, f"uuid-{mid}", reply),
            )
    rows = browse.message_rows(case.conn, [1, 2])
    assert rows[2].quote == bubble_parts.Quote("Sanne", False, "Het origineel", True)
    case.close()
