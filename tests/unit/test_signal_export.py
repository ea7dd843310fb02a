"""The signal-export importer: chat.md and data.json, media, markers, artifacts."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.domain import EventType, Kind, ParsedConversation
from chatsafe.errors import ChatsafeError, EncodingError, InputError, UnsafeArchiveError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.signal_export import IMPORTER
from chatsafe.sources import open_source

EXPORT = Path(__file__).parent.parent / "fixtures" / "signal_export" / "export"
PHOTO = "2024-03-14T09-05-00.000_00_foto.png"


def parse(path: Path, owner: str | None = None) -> dict[str, ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext(owner=owner)))
        # data.json is streamed from the source: read the messages while it is open.
        for conv in convs:
            conv.messages = list(conv.messages)
    return {c.key: c for c in convs}


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, prefix + file.relative_to(folder).as_posix())
    return target


def test_sniff() -> None:
    with open_source(EXPORT) as source:
        assert IMPORTER.sniff(source) == 85
    with open_source(EXPORT / "Kabinet") as source:
        assert IMPORTER.sniff(source) == 70


def test_one_to_one_chat() -> None:
    jan = parse(EXPORT)["JanJansen"]
    assert jan.title == "JanJansen" and not jan.is_group
    assert jan.participants == ["JanJansen", "Me"]
    assert jan.extra["artifacts"] == 1
    assert jan.extra["artifact_times"] == ["2024-03-14T09:07:00"]
    hello, reply, deleted, photo, pdf, call, quoted = jan.messages
    assert [m.position for m in jan.messages] == list(range(7))
    assert hello.text == "Goedemorgen minister" and hello.from_owner is False
    assert hello.wallclock == "2024-03-14T09:00:00" and hello.instant is None
    assert hello.source_id is None
    assert reply.text == "Dag Jan,\ntweede regel" and reply.from_owner is True
    assert reply.sender == "Me"
    assert reply.extra["reactions"] == [{"by": "JanJansen", "reaction": "\U0001f44d"}]
    assert deleted.deleted and deleted.text == "" and deleted.kind is Kind.MESSAGE
    assert photo.text == "Zie foto"
    (att,) = photo.attachments
    assert att.name == PHOTO and att.mime == "image/png"
    assert att.data == (EXPORT / "JanJansen" / "media" / PHOTO).read_bytes()
    (missing,) = pdf.attachments
    assert missing.name == "2024-03-14T09-06-00.000_00_nota def.pdf"
    assert missing.data is None and missing.mime == "application/pdf"
    assert call.kind is Kind.EVENT and call.event_type is EventType.CALL
    assert quoted.text == "Graag gedaan"
    assert quoted.extra["quote"] == "Goedemorgen minister"


def test_markdown_and_json_give_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "JanJansen"
    shutil.copytree(EXPORT / "JanJansen", copy)
    (copy / "data.json").unlink()
    from_md = parse(copy)["JanJansen"]
    from_json = parse(EXPORT)["JanJansen"]
    assert from_md.messages == from_json.messages
    assert from_md.extra == from_json.extra


def test_group_chat_from_markdown_only() -> None:
    group = parse(EXPORT)["Kabinet"]
    assert group.is_group
    assert group.participants == ["Piet", "Klaas", "Me"]
    assert group.extra["artifacts"] == 2
    agenda, ok, call, sticker = group.messages
    # A line inside a message may look like a list; it stays in the message.
    assert agenda.text == "Agenda voor morgen:\n1. begroting\n2. rondvraag"
    assert ok.sender == "Klaas"
    assert call.kind is Kind.EVENT and call.sender == "Me" and call.from_owner is True
    assert sticker.extra["sticker"] == "\U0001f44d" and sticker.text == ""


def test_owner_name_replaces_me() -> None:
    jan = parse(EXPORT, owner="Minister")["JanJansen"]
    assert jan.messages[1].sender == "Minister" and jan.owner == "Minister"


def test_single_chat_folder_and_zips(tmp_path: Path) -> None:
    whole = parse(EXPORT)
    assert parse(EXPORT / "JanJansen") == {"JanJansen": whole["JanJansen"]}
    assert parse(zip_folder(EXPORT, tmp_path / "signal.zip", "signal-export/")) == whole
    single = zip_folder(EXPORT / "Kabinet", tmp_path / "Kabinet.zip")
    assert parse(single)["Kabinet"].messages == whole["Kabinet"].messages


def test_parsing_twice_gives_the_same() -> None:
    assert parse(EXPORT) == parse(EXPORT)


def test_truncated_data_json_names_the_line(tmp_path: Path) -> None:
    copy = tmp_path / "JanJansen"
    shutil.copytree(EXPORT / "JanJansen", copy)
    data = (copy / "data.json").read_bytes()
    (copy / "data.json").write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        parse(copy)
    assert err.value.file == str(copy / "data.json") and err.value.line == 4


def test_wrong_encoding(tmp_path: Path) -> None:
    chat = tmp_path / "Piet"
    chat.mkdir()
    (chat / "chat.md").write_bytes("[2024-03-15 10:00:00] Piet: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(EncodingError) as err:
        parse(chat)
    assert err.value.line == 1


def test_wrong_schema(tmp_path: Path) -> None:
    chat = tmp_path / "Piet"
    chat.mkdir()
    (chat / "chat.md").write_text("# My notes\n\nnot a chat\n")
    with open_source(chat) as source:
        assert IMPORTER.sniff(source) == 0
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse(chat)
    (chat / "data.json").write_text('{"sender": "Piet", "body": "hoi"}\n')
    with pytest.raises(InputError, match="without a date"):
        parse(chat)
    (chat / "data.json").write_text('{"date": "gisteren", "sender": "Piet"}\n')
    with pytest.raises(InputError, match="date"):
        parse(chat)


def test_media_path_cannot_escape_the_chat_folder(tmp_path: Path) -> None:
    chat = tmp_path / "Piet"
    chat.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    (chat / "chat.md").write_text(
        "[2024-03-15 10:00:00] Piet:   ![x](./media/../../secret.png)  \n", encoding="utf-8"
    )
    (msg,) = parse(chat)["Piet"].messages
    assert [a.data for a in msg.attachments] == [None]


def test_hostile_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(EXPORT / "Kabinet" / "chat.md", "Kabinet/chat.md")
        info = zipfile.ZipInfo("Kabinet/media/link.png")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(UnsafeArchiveError, match="link"):
        parse(path)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for pos, cut, insert in edits:
        pos %= len(buf) + 1
        buf[pos : pos + cut] = insert
    return bytes(buf)


EDITS = st.lists(
    st.tuples(
        st.integers(0, 1 << 12),
        st.integers(0, 6),
        st.sampled_from([b"", b"\n", b"[", b"]", b":", b"{", b'"', b"\\u", b"(", b"\xff", b"..",
                         b"\n[2024-01-01 00:00:00] X: ", b"./media/"])
        | st.binary(max_size=3),
    ),
    min_size=1,
    max_size=6,
)  # fmt: skip


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS, which=st.sampled_from(["chat.md", "data.json"]))
def test_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, edits: list[tuple[int, int, bytes]], which: str
) -> None:
    chat = tmp_path / "fuzz" / "JanJansen"
    if not chat.exists():
        shutil.copytree(EXPORT / "JanJansen", chat)
    original = (EXPORT / "JanJansen" / which).read_bytes()
    (chat / which).write_bytes(_mutate(original, edits))
    try:
        parse(chat)
    except ChatsafeError:
        pass
    finally:
        (chat / which).write_bytes(original)


def test_empty_entries_are_in_the_import_report_with_file_and_line(tmp_path: Path) -> None:
    """signal-export 2.0 writes a call as an empty entry: never a silent drop (issue 12)."""
    from chatsafe.ingest import import_paths
    from chatsafe.store import create_case, queries

    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [EXPORT], ImportContext(owner="Me"))
    stats = queries.case_stats(case.conn)
    case.close()
    jan = next(c for c in stats["conversations"] if c["title"] == "JanJansen")
    assert jan["entries_read"] == 8
    assert jan["entries_not_imported"] == {"count": 1, "reasons": {"empty-entry": 1}}
    assert jan["messages"] + jan["events"] + 1 == 8
    lines = stats["sources"][0]["entries_not_imported"]["entries"]
    assert {"conversation": jan["id"], "position": "JanJansen/data.json line 6"}.items() <= (
        lines[0].items()
    )
    assert "2024-03-14 09:07:00" in lines[0]["detail"]
    assert report.not_imported == 3  # one in JanJansen, two in Kabinet
