"""The Telegram and Matrix readers stream their JSON: never the whole document at once.

Issue 12: json.loads of a large export held it whole, 5-6x its size. These tests use a
source that refuses whole reads and counts what each stream has taken, so a reader that
loads the document fails them whatever the machine's memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chatsafe.domain import ParsedConversation
from chatsafe.errors import InputError
from chatsafe.importers import json_stream, matrix, telegram
from chatsafe.importers.base import ImportContext
from chatsafe.importers.json_stream import EntryTooLarge, JsonBytes
from chatsafe.sources import FileSource

_PIECE = 16 * 1024


class CountingSource(FileSource):
    """A file read only in small pieces; ``taken`` is what each stream has read so far."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.taken: list[int] = []

    def read(self, name: str) -> bytes:
        raise AssertionError("the whole document was read at once")

    def chunks(self, name: str) -> Iterator[bytes]:
        self.taken.append(0)
        me = len(self.taken) - 1
        with self.path.open("rb") as f:
            while piece := f.read(_PIECE):
                self.taken[me] += len(piece)
                yield piece


def _telegram(path: Path, n: int, text: str = "kamerbrief concept") -> Path:
    chats = []
    for c in range(2):
        messages = [
            {
                "id": i + 1,
                "type": "message",
                "date": "2024-03-01T09:00:00",
                "date_unixtime": str(1709280000 + i),
                "from": "Sanne Jansen",
                "from_id": "user7000002",
                "text": f"{text} {i}",
            }
            for i in range(n)
        ]
        chats.append(
            {"name": f"Chat {c}", "type": "private_group", "id": c + 1, "messages": messages}
        )
    path.write_text(json.dumps({"personal_information": {"user_id": 1}, "chats": {"list": chats}}))
    return path


def _matrix(path: Path, n: int) -> Path:
    events = [
        {
            "type": "m.room.message",
            "event_id": f"$e{i}",
            "room_id": "!room:example.org",
            "sender": "@sanne:example.org",
            "origin_server_ts": 1709280000000 + i,
            "content": {"msgtype": "m.text", "body": f"kamerbrief concept {i}"},
        }
        for i in range(n)
    ]
    path.write_text(json.dumps({"room_name": "Overleg", "export_date": "x", "messages": events}))
    return path


def _first_message(importer: Any, source: CountingSource) -> tuple[ParsedConversation, int]:
    """The first conversation, and how much the stream it is read from had taken when its
    first message came out."""
    conv = next(iter(importer.parse(source, ImportContext())))
    messages = iter(conv.messages)
    next(messages)
    return conv, source.taken[-1]


@pytest.mark.parametrize(
    ("importer", "make", "name"),
    [(telegram.IMPORTER, _telegram, "result.json"), (matrix.IMPORTER, _matrix, "room.json")],
)
def test_the_first_message_comes_before_the_document_is_read(
    tmp_path: Path, importer: Any, make: Any, name: str
) -> None:
    path = make(tmp_path / name, 20_000)
    size = path.stat().st_size
    assert size > 2_000_000
    source = CountingSource(path)
    _conv, taken = _first_message(importer, source)
    # The parser's buffer (64 KiB) and the time-order window (SORT_WINDOW messages held
    # to put local disorder right), not the document.
    assert json_stream.SORT_WINDOW <= 1_000
    assert taken < size // 4, (taken, size)


def test_the_messages_all_come_out_in_order(tmp_path: Path) -> None:
    source = CountingSource(_telegram(tmp_path / "result.json", 3_000))
    convs = list(telegram.IMPORTER.parse(source, ImportContext()))
    texts = [[m.text for m in conv.messages] for conv in convs]
    assert [len(t) for t in texts] == [3_000, 3_000]
    assert texts[1][:2] == ["kamerbrief concept 0", "kamerbrief concept 1"]


def test_a_reader_that_asks_for_everything_is_refused(tmp_path: Path) -> None:
    path = _telegram(tmp_path / "result.json", 10)
    stream = JsonBytes(FileSource(path), path.name)
    with pytest.raises(ValueError, match="never whole"):
        stream.read()
    assert stream.read(100)


def test_a_huge_message_is_refused_before_it_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_stream, "MAX_ENTRY_BYTES", 256 * 1024)
    path = tmp_path / "result.json"
    big = "x" * (4 * 1024 * 1024)
    root = {"name": "A", "type": "personal_chat", "id": 7, "messages": [
        {"id": 1, "type": "message", "date": "2024-03-01T09:00:00", "text": "kort"},
        {"id": 2, "type": "message", "date": "2024-03-01T09:01:00", "text": big},
    ]}  # fmt: skip
    path.write_text(json.dumps(root))
    source = CountingSource(path)
    with pytest.raises(EntryTooLarge) as err:
        list(telegram.IMPORTER.parse(source, ImportContext()))
    assert err.value.entry == "messages[1]"
    assert str(err.value).startswith(f"{path}[messages[1]]: an entry of more than")
    # Refused within a parser buffer past the limit: the 4 MiB text was never held.
    assert source.taken[-1] < 256 * 1024 + 3 * 64 * 1024


def test_a_huge_value_outside_messages_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_stream, "MAX_ENTRY_BYTES", 256 * 1024)
    path = _matrix(tmp_path / "room.json", 3)
    root = json.loads(path.read_text())
    root["topic"] = "y" * (2 * 1024 * 1024)
    path.write_text(json.dumps(root))
    with pytest.raises(EntryTooLarge):
        list(matrix.IMPORTER.parse(CountingSource(path), ImportContext()))


def test_a_large_but_legal_export_section_is_not_an_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of contacts (a full export's other sections) are many small values."""
    monkeypatch.setattr(json_stream, "MAX_ENTRY_BYTES", 256 * 1024)
    path = _telegram(tmp_path / "result.json", 50)
    root = json.loads(path.read_text())
    root["contacts"] = {
        "list": [{"first_name": f"Naam {i}", "phone_number": "+31"} for i in range(30_000)]
    }
    path.write_text(json.dumps(root))
    assert path.stat().st_size > 1024 * 1024
    convs = list(telegram.IMPORTER.parse(CountingSource(path), ImportContext()))
    assert sum(len(list(c.messages)) for c in convs) == 100


def test_integers_beyond_64_bits_are_read(tmp_path: Path) -> None:
    """yajl stops at them; the pure Python parser takes over, and the schema check names
    the entry as before."""
    path = _telegram(tmp_path / "result.json", 3)
    root = json.loads(path.read_text())
    root["chats"]["list"][0]["messages"][1]["reply_to_message_id"] = 10**20
    path.write_text(json.dumps(root))
    convs = list(telegram.IMPORTER.parse(CountingSource(path), ImportContext()))
    messages = [m for c in convs for m in c.messages]
    assert len(messages) == 6


def test_a_huge_sms_record_is_refused_before_it_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The XML stream has the same kind of limit per record (an <sms>, an <mms>)."""
    from chatsafe.importers import xml_stream

    monkeypatch.setattr(xml_stream, "MAX_RECORD_BYTES", 256 * 1024)
    head = b"<?xml version='1.0' encoding='UTF-8'?>\n<smses count=\"2\">\n"
    small = b'<sms address="+31612345678" date="1709280000000" type="1" body="kort" />\n'
    taken = 0

    def chunks() -> Iterator[bytes]:
        nonlocal taken
        for block in (head, small * 2000, b'<sms address="+3161" date="1" type="1" body="'):
            taken += len(block)
            yield block
        for _ in range(64):  # 4 MiB of one body, in pieces
            taken += 64 * 1024
            yield b"x" * 64 * 1024
        yield b'" />\n</smses>\n'

    seen = 0
    with pytest.raises(InputError, match="record 2001") as err:
        for _root, _elem in xml_stream.iter_records(chunks(), "sms.xml"):
            seen += 1
    assert seen == 2000  # the records before it were all handed out, small as they are
    assert err.value.file == "sms.xml"
    assert taken < len(small) * 2000 + 256 * 1024 + 512 * 1024


def test_signal_export_data_json_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    from chatsafe.importers import signal_export
    from chatsafe.sources import DirSource

    chat = tmp_path / "signal-export" / "JanJansen"
    chat.mkdir(parents=True)
    (chat / "chat.md").write_text("[2024-03-14 09:00] Me: kort\n", encoding="utf-8")
    line = {"date": "2024-03-14T09:00:00", "sender": "Jan Jansen", "body": "kamerbrief concept"}
    with (chat / "data.json").open("w", encoding="utf-8") as f:
        for i in range(40_000):
            f.write(json.dumps(line | {"body": f"kamerbrief concept {i}"}) + "\n")
    size = (chat / "data.json").stat().st_size
    taken: list[int] = []

    class Counting(DirSource):
        def read(self, name: str) -> bytes:
            assert not name.endswith("data.json"), "data.json was read whole"
            return super().read(name)

        def chunks(self, name: str) -> Iterator[bytes]:
            taken.append(0)
            for block in super().chunks(name):
                for at in range(0, len(block), _PIECE):
                    taken[-1] += len(block[at : at + _PIECE])
                    yield block[at : at + _PIECE]

    (conv,) = signal_export.IMPORTER.parse(Counting(tmp_path / "signal-export"), ImportContext())
    messages = iter(conv.messages)
    assert next(messages).text == "kamerbrief concept 0"
    # One line-aligned block (1 MiB) and a piece, not the file.
    assert size > 3 * 1024 * 1024
    assert taken[-1] < 1024 * 1024 + 2 * _PIECE, (taken[-1], size)
    assert sum(1 for _ in messages) == 39_999
    assert conv.tally is not None and conv.tally.read == 40_000


def test_a_cancel_is_heard_while_the_outline_is_read(tmp_path: Path) -> None:
    """The outline pass builds no message, so it must ask about a cancel per block."""
    from chatsafe.errors import CancelledError

    path = _telegram(tmp_path / "result.json", 20_000)
    source = CountingSource(path)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(CancelledError):
        list(telegram.IMPORTER.parse(source, ImportContext(cancelled=cancelled)))
    assert len(source.taken) == 1 and source.taken[0] < path.stat().st_size // 2


def test_what_a_stream_learns_late_is_stored(tmp_path: Path) -> None:
    """Telegram infers the owner, and signal-export counts its artifacts, only once the
    messages are read: ingest stores them then, in the case."""
    from chatsafe.ingest import import_paths
    from chatsafe.store import create_case

    fixtures = Path(__file__).parent.parent / "fixtures"
    case = create_case(tmp_path / "c.chatsafe")
    import_paths(case, [fixtures / "telegram" / "single_2020"], ImportContext())
    import_paths(case, [fixtures / "signal_export" / "export"], ImportContext())
    rows = case.conn.execute(
        "SELECT source_format, extra, (SELECT name FROM participants p"
        " WHERE p.conversation_id = c.id AND p.is_owner) FROM conversations c"
    ).fetchall()
    case.close()
    telegram_extra, telegram_owner = next((json.loads(e), o) for f, e, o in rows if f == "telegram")
    assert telegram_extra["owner_inferred"] is True
    assert telegram_owner == "Mark de Minister"
    artifacts = sorted(json.loads(e)["artifacts"] for f, e, _ in rows if f == "signal-export")
    assert artifacts == [1, 2]  # as tests/unit/test_signal_export.py reads them
