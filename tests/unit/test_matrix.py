"""Element JSON room exports (Matrix / Tchap)."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.domain import EventType, Kind, ParsedConversation, ParsedMessage
from chatsafe.errors import (
    ChatsafeError,
    EncodingError,
    InputError,
    NotAChatError,
    UnsafeArchiveError,
)
from chatsafe.importers.base import ImportContext
from chatsafe.importers.matrix import IMPORTER
from chatsafe.sources import open_source
from tests import mutations

ROOM = Path(__file__).parent.parent / "fixtures" / "matrix" / "room.json"
JPEG = b"\xff\xd8\xff\xe0matrix-photo"


def parse(path: Path, tz: str = "Europe/Amsterdam") -> ParsedConversation:
    with open_source(path) as source:
        (conv,) = list(IMPORTER.parse(source, ImportContext(time_zone=tz)))
        # Messages are streamed from the source: read them while it is open.
        conv.messages = list(conv.messages)
    return conv


def by_id(conv: ParsedConversation) -> dict[str | None, ParsedMessage]:
    return {m.source_id: m for m in conv.messages}


def test_room_conversation() -> None:
    conv = parse(ROOM)
    assert conv.source_format == "matrix"
    assert conv.key == "!crisis:gov.example"
    assert conv.title == "Crisisoverleg"
    assert conv.is_group  # three people took part
    assert conv.owner == "Mark de Minister"
    assert conv.participants == ["Mark de Minister", "Piet Pieters", "Sanne Jansen"]
    assert conv.extra["topic"] == "Afstemming"


def test_messages_and_time() -> None:
    msgs = by_id(parse(ROOM))
    hello = msgs["$hello"]
    assert hello.kind is Kind.MESSAGE
    assert hello.sender == "Sanne Jansen" and hello.extra["sender_id"] == "@sanne:gov.example"
    assert hello.text == "Hallo, zie je de stukken?"  # direction mark removed
    assert hello.instant == datetime(2023, 3, 26, 9, 1, 40, tzinfo=UTC)
    assert hello.wallclock == "2023-03-26T11:01:40"  # summer time began that night
    assert hello.from_owner is False
    assert hello.extra["reactions"] == [{"sender": "@mark:gov.example", "key": "\U0001f44d"}]
    assert msgs["$emote"].text == "zucht" and msgs["$emote"].extra["msgtype"] == "m.emote"
    assert msgs["$decrypted"].text == "Versleuteld maar leesbaar"
    assert msgs["$undecryptable"].extra["undecryptable"] is True
    assert msgs["$loc"].extra["location"] == "geo:52.08,4.31"


def test_edits_replace_text_and_are_not_messages() -> None:
    msgs = by_id(parse(ROOM))
    reply = msgs["$reply"]
    assert reply.edited and reply.text == "Ja, overmorgen."  # the other sender's edit ignored
    assert reply.reply_to == "$hello" and reply.from_owner is True
    assert "$edit1" not in msgs and "$badedit" not in msgs and "$react" not in msgs
    orphan = msgs["$older-than-export"]  # edit of a message from before the export
    assert orphan.edited and orphan.text == "nieuwe tekst" and orphan.sender == "Sanne Jansen"


def test_redaction_is_deleted_tombstone() -> None:
    oops = by_id(parse(ROOM))["$oops"]
    assert oops.kind is Kind.MESSAGE and oops.deleted and oops.text == ""


def test_state_events() -> None:
    msgs = by_id(parse(ROOM))
    expect = {
        "$create": EventType.GROUP_CREATED,
        "$join-mark": EventType.MEMBER_ADDED,
        "$enc": EventType.ENCRYPTION,
        "$name": EventType.SUBJECT_CHANGED,
        "$invite-sanne": EventType.MEMBER_ADDED,
        "$join-sanne": EventType.MEMBER_ADDED,
        "$kick-piet": EventType.MEMBER_REMOVED,
        "$leave-sanne": EventType.MEMBER_LEFT,
        "$topic": EventType.DESCRIPTION_CHANGED,
        "$power": EventType.OTHER,
    }
    for event_id, kind in expect.items():
        assert msgs[event_id].kind is Kind.EVENT, event_id
        assert msgs[event_id].event_type is kind, event_id
    assert msgs["$kick-piet"].text == "Mark de Minister removed Piet Pieters"


def test_order_is_by_time_and_positions_are_file_places() -> None:
    msgs = parse(ROOM).messages
    assert isinstance(msgs, list)
    instants = [m.instant for m in msgs]
    assert instants == sorted(instants)  # type: ignore[type-var]
    assert msgs[0].position == 0 and len({m.position for m in msgs}) == len(msgs)


def test_media_without_files_is_missing() -> None:
    msgs = by_id(parse(ROOM))
    image = msgs["$image"].attachments[0]
    assert (image.name, image.mime, image.data) == ("foto.jpg", "image/jpeg", None)
    assert msgs["$image"].text == ""
    nota = msgs["$file"]
    assert nota.text == "Zie de nota"  # body is a caption when filename is given
    assert nota.attachments[0].name == "nota.pdf" and nota.attachments[0].data is None


def _element_zip(tmp_path: Path, extra: dict[str, bytes] | None = None) -> Path:
    archive = tmp_path / "matrix-export-26-3-2023 at 12-00-00.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("images/foto-26-3-2023 at 11-05-07.jpg", JPEG)
        zf.writestr("images/foto-26-3-2023 at 11-05-09.jpg", b"other photo, same name")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        zf.writestr("export.json", ROOM.read_bytes())
    return archive


def test_zip_with_attachments(tmp_path: Path) -> None:
    archive = _element_zip(tmp_path)
    with open_source(archive) as source:
        assert IMPORTER.sniff(source) == 95
    image = by_id(parse(archive))["$image"].attachments[0]
    assert image.data == JPEG and image.mime == "image/jpeg"  # matched by the seconds


def test_folder_with_attachments(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "files").mkdir(parents=True)
    (folder / "export.json").write_bytes(ROOM.read_bytes())
    (folder / "files" / "nota-26-3-2023 at 11-06-40.pdf").write_bytes(b"%PDF-1.7 nota")
    nota = by_id(parse(folder))["$file"].attachments[0]
    assert nota.data == b"%PDF-1.7 nota" and nota.mime == "application/pdf"


def test_parsing_twice_is_identical(tmp_path: Path) -> None:
    archive = _element_zip(tmp_path)
    assert parse(archive).messages == parse(archive).messages
    assert parse(ROOM).messages == parse(ROOM).messages


def test_sniff_plain_json() -> None:
    with open_source(ROOM) as source:
        assert IMPORTER.sniff(source) == 95


def _write(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "room.json"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_truncated_json(tmp_path: Path) -> None:
    text = ROOM.read_text()
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, text[: len(text) * 2 // 3]))
    assert err.value.line is not None and err.value.line > 5


def test_wrong_schema_names_entry(tmp_path: Path) -> None:
    root = json.loads(ROOM.read_text())
    root["messages"][7]["origin_server_ts"] = "yesterday"
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "messages[7]"
    assert str(err.value).endswith("room.json[messages[7]]: origin_server_ts is not a number")
    root["messages"] = {"a": 1}
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "messages"


def test_not_a_room_export(tmp_path: Path) -> None:
    with pytest.raises(NotAChatError):
        parse(_write(tmp_path, '{"name": "x", "messages": []}'))


def test_invalid_utf8(tmp_path: Path) -> None:
    data = ROOM.read_bytes().replace(b"Crisisoverleg", b"Crisis\xc3overleg", 1)
    with pytest.raises(EncodingError) as err:
        parse(_write(tmp_path, data))
    assert err.value.line == 2


def test_hostile_zip_is_refused(tmp_path: Path) -> None:
    archive = _element_zip(tmp_path, {"../images/evil.jpg": b"x"})
    with pytest.raises(UnsafeArchiveError):
        parse(archive)


_SEED = ROOM.read_bytes()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations.edits(_SEED))
def test_byte_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, edits: list[mutations.Edit]
) -> None:
    try:
        parse(_write(tmp_path, mutations.apply(_SEED, edits)))
    except ChatsafeError:
        pass


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["event_id", "body", "rel_type", "m.in_reply_to", "membership", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(0, 23),
    st.sampled_from(
        [
            "type",
            "sender",
            "content",
            "origin_server_ts",
            "event_id",
            "unsigned",
            "state_key",
            "room_id",
            "redacts",
        ]
    ),
    _JSON,
)
def test_schema_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, index: int, field: str, value: object
) -> None:
    root = json.loads(_SEED)
    event = root["messages"][index]
    event = event.get("decrypted", event)
    event[field] = value
    try:
        parse(_write(tmp_path, json.dumps(root)))
    except ChatsafeError:
        pass


@pytest.mark.parametrize("ts", [-62135596800000, 253402300799000, 10**20])
def test_timestamp_out_of_range_is_refused(tmp_path: Path, ts: int) -> None:
    root = json.loads(ROOM.read_text())
    root["messages"][6]["origin_server_ts"] = ts
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "messages[6]"


def test_a_reaction_to_an_event_not_in_the_export_is_reported(tmp_path: Path) -> None:
    root = json.loads(ROOM.read_text(encoding="utf-8"))
    root["messages"].append(
        {
            "type": "m.reaction",
            "event_id": "$late-like",
            "sender": "@piet:gov.example",
            "origin_server_ts": 1679821300000,
            "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$gone",
                                         "key": "+1"}},
        }
    )  # fmt: skip
    path = tmp_path / "room.json"
    path.write_text(json.dumps(root), encoding="utf-8")
    conv = parse(path)
    assert conv.tally is not None
    assert [(n.position, n.reason) for n in conv.tally.not_imported] == [
        ("reaction to $gone", "reaction-without-message")
    ]
    assert conv.tally.read == len(conv.messages) + 1


def test_a_reaction_naming_no_event_is_reported(tmp_path: Path) -> None:
    root = json.loads(ROOM.read_text(encoding="utf-8"))
    root["messages"].append(
        {"type": "m.reaction", "event_id": "$odd", "sender": "@piet:gov.example",
         "origin_server_ts": 1679821300000, "content": {"m.relates_to": {"key": "+1"}}}
    )  # fmt: skip
    path = tmp_path / "room.json"
    path.write_text(json.dumps(root), encoding="utf-8")
    conv = parse(path)
    assert conv.tally is not None
    (line,) = conv.tally.not_imported
    assert line.reason == "reaction-without-message"
    assert line.position == f"messages[{len(root['messages']) - 1}]"
