"""WhatsApp text is streamed with bounded memory; an endless line or message is refused
with the file and line, never read into memory whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.importers import whatsapp_text
from chatsafe.importers.whatsapp_text import MAX_LINE_BYTES, MAX_MESSAGE_CHARS, TooLongError
from chatsafe.sources import FileSource
from tests.unit.test_whatsapp import FIX, parse


def test_the_text_is_read_in_chunks_never_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    def whole(self: FileSource, name: str) -> bytes:
        raise AssertionError("the chat text was read whole")

    monkeypatch.setattr(FileSource, "read", whole)
    _, msgs = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    assert len(msgs) == 28


def _long_message(path: Path, chars: int) -> Path:
    line = "x" * 99 + "\n"
    body = line * (chars // len(line) + 1)
    path.write_text(
        "01/03/2024, 10:00 - A: hi\n01/03/2024, 10:01 - B: start\n"
        + body
        + "01/03/2024, 10:02 - A: end\n",
        encoding="utf-8",
    )
    return path


def test_a_message_beyond_the_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _long_message(tmp_path / "WhatsApp Chat with A.txt", MAX_MESSAGE_CHARS)
    with pytest.raises(TooLongError) as err:
        parse(path)
    assert err.value.line == 2 and err.value.file == str(path)
    assert f"{MAX_MESSAGE_CHARS:,} characters" in str(err.value)


def test_a_message_over_many_blocks_is_refused_before_it_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(whatsapp_text.decode_blocks, "__defaults__", (64 * 1024,))
    path = _long_message(tmp_path / "WhatsApp Chat with A.txt", MAX_MESSAGE_CHARS)
    with pytest.raises(TooLongError) as err:
        parse(path)
    assert err.value.line == 2


def test_a_message_just_below_the_limit_is_kept(tmp_path: Path) -> None:
    path = _long_message(tmp_path / "WhatsApp Chat with A.txt", MAX_MESSAGE_CHARS - 200)
    _, msgs = parse(path)
    assert [m.sender for m in msgs] == ["A", "B", "A"]
    assert MAX_MESSAGE_CHARS - 200 < len(msgs[1].text) <= MAX_MESSAGE_CHARS


def test_a_line_beyond_the_limit_is_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with A.txt"
    with path.open("wb") as f:
        f.write(b"01/03/2024, 10:00 - A: hi\n01/03/2024, 10:01 - B: ")
        f.write(b"y" * (MAX_LINE_BYTES + 1))
    with pytest.raises(TooLongError) as err:
        parse(path)
    assert err.value.line == 2 and "bytes" in str(err.value)


def test_another_encoding_is_streamed_too(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Old.txt"
    text = "".join(f"01/02/2024, 10:{i % 60:02d} - A: café {i}\r\n" for i in range(3000))
    path.write_bytes(text.encode("utf-16"))
    _, msgs = parse(path, encoding="utf-16")
    assert len(msgs) == 3000 and msgs[2999].text == "café 2999"
    path.write_bytes(text.encode("cp1252"))
    _, msgs = parse(path, encoding="cp1252")
    assert msgs[0].text == "café 0"
