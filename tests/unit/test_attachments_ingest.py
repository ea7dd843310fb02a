"""Attachments never sink an import (issue 12): big photos are kept, bombs refused alone."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe import importers, media
from chatsafe.domain import Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import DecompressionBombError, ImageTooLargeError
from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.sources import Source
from chatsafe.store import create_case, queries


def png_header(width: int, height: int, payload: int) -> bytes:
    """A PNG that declares width x height and carries ``payload`` bytes of image data.

    Only the header is ever read: the size is judged before anything is decoded.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", os.urandom(payload))
        + chunk(b"IEND", b"")
    )


PHOTO_108MP = png_header(12000, 9000, 300_000)  # 360 pixels a byte: a real camera's range
BOMB_144MP = png_header(12000, 12000, 18_000)  # 8,000 pixels a byte
GIGA_BOMB = png_header(50000, 40000, 4_000_000)  # 2 gigapixels: no camera


def test_thumbnail_tells_a_big_photo_from_a_bomb() -> None:
    with pytest.raises(ImageTooLargeError):
        media.thumbnail(PHOTO_108MP)
    for bomb in (BOMB_144MP, GIGA_BOMB):
        with pytest.raises(DecompressionBombError):
            media.thumbnail(bomb)


class PhotoImporter:
    name = "photos"
    label = "Test photos"
    description = "one message per attachment given by the test"

    def __init__(self, photos: list[bytes]) -> None:
        self.photos = photos

    def sniff(self, source: Source) -> int:
        return 100

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        msgs = [
            ParsedMessage(
                n,
                Kind.MESSAGE,
                "Adviseur",
                f"2024-03-01T09:0{n}:00",
                f"foto {n}",
                attachments=[ParsedAttachment(f"IMG_{n}.png", "image/png", data)],
            )
            for n, data in enumerate(self.photos)
        ]
        yield ParsedConversation("photos", "chat", "chat", iter(msgs))


def test_a_108_megapixel_photo_is_kept_without_thumbnail_and_a_bomb_alone_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photos = [PHOTO_108MP, BOMB_144MP, media_png()]
    monkeypatch.setattr(importers, "all_importers", lambda: [PhotoImporter(photos)])
    export = tmp_path / "export.txt"
    export.write_text("x", encoding="utf-8")
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [export], ImportContext())
    assert report.added == 3 and report.not_imported == 0
    c = case.conn
    rows = c.execute(
        "SELECT a.name, a.present, a.size, a.sha256, a.note, t.blob_id IS NOT NULL"
        " FROM attachments a LEFT JOIN thumbnails t ON t.blob_id = a.blob_id ORDER BY a.id"
    ).fetchall()
    big, bomb, small = rows
    assert big[:3] == ("IMG_0.png", 1, len(PHOTO_108MP)) and big[3]
    assert big[4].startswith("no thumbnail: 12000x9000 pixels") and not big[5]
    assert bomb[1:4] == (0, None, None) and "12000x12000" in bomb[4] and not bomb[5]
    assert small[1] == 1 and small[4] is None and small[5]
    (source,) = queries.case_stats(c)["sources"]
    (line,) = source["entries_not_imported"]["entries"]
    assert (line["position"], line["reason"]) == ("entry 1, attachment 1", "attachment-refused")
    conv_id = queries.conversation_ids(c)[0]
    msgs = list(queries.iter_messages(c, conv_id))
    assert [m["attachments"][0]["present"] for m in msgs] == [True, False, True]
    assert msgs[0]["attachments"][0]["note"].startswith("no thumbnail")
    case.close()


def media_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()
