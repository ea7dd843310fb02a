"""signal-export's chat.md is streamed like a WhatsApp text: never read whole, one entry
held at a time, and an endless line or message refused with the file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatsafe.domain import ParsedConversation
from chatsafe.errors import EncodingError
from chatsafe.importers import whatsapp_text
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_export import IMPORTER
from chatsafe.importers.whatsapp_text import MAX_LINE_BYTES, MAX_MESSAGE_CHARS, TooLongError
from chatsafe.sources import DirSource

_PIECE = 64 * 1024


class Streaming(DirSource):
    """A folder whose chat.md refuses a whole read and counts the bytes handed out."""

    taken = 0

    def read(self, name: str) -> bytes:
        assert not name.endswith(".md"), "chat.md was read whole"
        return super().read(name)

    def chunks(self, name: str) -> Iterator[bytes]:
        for block in super().chunks(name):
            for at in range(0, len(block), _PIECE):
                self.taken += len(block[at : at + _PIECE])
                yield block[at : at + _PIECE]


def chat(tmp_path: Path, text: str | bytes) -> Path:
    folder = tmp_path / "signal-export" / "Jan Jansen"
    folder.mkdir(parents=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / "chat.md").write_bytes(data)
    return folder.parent


def conversation(root: Path, encoding: str | None = None) -> tuple[ParsedConversation, Streaming]:
    source = Streaming(root)
    (conv,) = IMPORTER.parse(source, ImportContext(encoding=encoding))
    return conv, source


def test_chat_md_is_read_in_blocks_never_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(whatsapp_text.decode_blocks, "__defaults__", (256 * 1024,))
    lines = [f"[2024-03-14 09:{i % 60:02d}:00] Jan: kamerbrief {i}\nregel twee\n" for i in range(
        60_000)]  # fmt: skip
    root = chat(tmp_path, "".join(lines))
    size = (root / "Jan Jansen" / "chat.md").stat().st_size
    conv, source = conversation(root)
    messages = iter(conv.messages)
    assert next(messages).text == "kamerbrief 0\nregel twee"
    # The first message comes out after one line-aligned block, not the whole file.
    assert size > 3_000_000 and source.taken <= 256 * 1024 + _PIECE, (source.taken, size)
    assert sum(1 for _ in messages) == 59_999
    assert conv.tally is not None and conv.tally.read == 60_000


def test_quotes_reactions_and_media_survive_the_stream(tmp_path: Path) -> None:
    root = chat(
        tmp_path,
        "\ufeff[2024-03-14 09:00:00] Me: Zie bijlage\n![foto.png](./media/foto.png)\n"
        "(- Jan: 👍 -)\n[2024-03-14 09:01:00] Jan: \n\n> Zie bijlage\n\nMooi.\n"
        "[2024-03-14 09:02:00] Jan: (This message was deleted)\n",
    )
    conv, _ = conversation(root)
    first, reply, gone = list(conv.messages)
    assert first.text == "Zie bijlage" and [a.name for a in first.attachments] == ["foto.png"]
    assert first.extra["reactions"] == [{"by": "Jan", "reaction": "👍"}]
    assert reply.text == "Mooi." and reply.extra["quote"] == "Zie bijlage"
    assert gone.deleted and gone.text == ""


def _long_message(root: Path, chars: int) -> Path:
    line = "x" * 99 + "\n"
    body = line * (chars // len(line) + 1)
    return chat(
        root,
        "[2024-03-14 09:00:00] Jan: hoi\n[2024-03-14 09:01:00] Me: begin\n"
        + body
        + "[2024-03-14 09:02:00] Jan: eind\n",
    )


def test_a_message_beyond_the_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    root = _long_message(tmp_path, MAX_MESSAGE_CHARS)
    conv, source = conversation(root)
    with pytest.raises(TooLongError) as err:
        list(conv.messages)
    assert err.value.line == 2
    assert err.value.file == str(root / "Jan Jansen" / "chat.md")
    assert f"{MAX_MESSAGE_CHARS:,} characters" in str(err.value) and "signal-export" in str(
        err.value
    )
    # Refused before the whole message was taken in (blocks are 4 MiB; the message 1 MB).
    assert source.taken <= 4 * 1024 * 1024 + 2 * _PIECE + MAX_LINE_BYTES


def test_a_message_just_below_the_limit_is_kept(tmp_path: Path) -> None:
    root = _long_message(tmp_path, MAX_MESSAGE_CHARS - 200)
    conv, _ = conversation(root)
    messages = list(conv.messages)
    assert [m.sender for m in messages] == ["Jan", "Me", "Jan"]
    assert MAX_MESSAGE_CHARS - 300 < len(messages[1].text) <= MAX_MESSAGE_CHARS


def test_a_line_beyond_the_limit_is_refused_while_reading(tmp_path: Path) -> None:
    root = chat(
        tmp_path,
        b"[2024-03-14 09:00:00] Jan: hoi\n[2024-03-14 09:01:00] Me: " + b"y" * (MAX_LINE_BYTES + 1),
    )
    conv, source = conversation(root)
    with pytest.raises(TooLongError) as err:
        list(conv.messages)
    assert err.value.line == 2 and "bytes" in str(err.value)
    assert "signal-export" in str(err.value)
    assert source.taken < MAX_LINE_BYTES + 4 * 1024 * 1024


def test_another_encoding_is_streamed_too(tmp_path: Path) -> None:
    text = "".join(f"[2024-03-14 09:{i % 60:02d}:00] Jan: café {i}\r\n" for i in range(3000))
    conv, _ = conversation(chat(tmp_path, text.encode("utf-16")), encoding="utf-16")
    messages = list(conv.messages)
    assert len(messages) == 3000 and messages[2999].text == "café 2999"


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    root = chat(tmp_path, b"[2024-03-14 09:00:00] Jan: hoi\n[2024-03-14 09:01:00] Me: \xff\n")
    conv, _ = conversation(root)
    with pytest.raises(EncodingError) as err:
        list(conv.messages)
    assert err.value.line == 2


@pytest.mark.parametrize("ending", ["", "\n", "\n\n", "\r\n"])
def test_the_last_message_is_read_whatever_the_file_ends_with(tmp_path: Path, ending: str) -> None:
    root = chat(tmp_path, "\ufeff\ufeff[2024-03-14 09:00:00] Jan: een\n[2024-03-14 09:01] Me: twee"
                + ending)  # fmt: skip
    conv, _ = conversation(root)
    assert [m.text for m in conv.messages] == ["een", "twee"]
