"""Telegram Desktop result.json: full and single-chat exports, old and current schema."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.domain import EventType, Kind, ParsedConversation
from chatsafe.errors import (
    ChatsafeError,
    EncodingError,
    InputError,
    NotAChatError,
    UnsafeArchiveError,
)
from chatsafe.importers.base import ImportContext
from chatsafe.importers.telegram import IMPORTER
from chatsafe.sources import DirSource, FileSource, open_source
from tests import mutations

FIX = Path(__file__).parent.parent / "fixtures" / "telegram"
FULL = FIX / "full_current"
OLD = FIX / "single_2020"


def parse(path: Path, tz: str = "Europe/Amsterdam") -> list[ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext(time_zone=tz)))
        # Messages are streamed from the source: read them while it is open.
        for conv in convs:
            conv.messages = list(conv.messages)
    return convs


def by_key(convs: list[ParsedConversation]) -> dict[str, ParsedConversation]:
    return {c.key: c for c in convs}


def test_full_export_conversations() -> None:
    convs = by_key(parse(FULL))
    assert set(convs) == {"7000002", "1800000003", "1800000009"}
    one = convs["7000002"]
    assert one.title == "Sanne Jansen"
    assert not one.is_group
    assert one.owner == "Mark de Minister"
    assert one.participants == ["Mark de Minister", "Sanne Jansen"]
    assert convs["1800000003"].is_group
    assert convs["1800000009"].is_group  # a left chat is still imported
    assert all(c.source_format == "telegram" for c in convs.values())


def test_full_export_messages_order_and_time() -> None:
    msgs = by_key(parse(FULL))["7000002"].messages
    assert isinstance(msgs, list)
    # Ordered by date_unixtime (id 102 comes before 103 though written after it).
    assert [m.source_id for m in msgs][:3] == ["101", "102", "103"]
    assert [m.position for m in msgs][:3] == [0, 2, 1]
    first = msgs[0]
    assert first.instant == datetime(2023, 3, 25, 22, 59, tzinfo=UTC)
    assert first.wallclock == "2023-03-25T23:59:00"
    assert first.wallclock_raw == "2023-03-25T23:59:00"
    # After the DST jump the wall clock follows the case zone, from the instant.
    third = msgs[2]
    assert third.instant == datetime(2023, 3, 26, 1, 5, tzinfo=UTC)
    assert third.wallclock == "2023-03-26T03:05:00"


def test_other_time_zone_changes_wallclock_not_instant() -> None:
    msgs = by_key(parse(FULL, tz="UTC"))["7000002"].messages
    assert msgs[0].wallclock == "2023-03-25T22:59:00"
    assert msgs[0].instant == datetime(2023, 3, 25, 22, 59, tzinfo=UTC)


def test_markers_and_text() -> None:
    msgs = {m.source_id: m for m in by_key(parse(FULL))["7000002"].messages}
    reply = msgs["103"]
    assert reply.text == "Ja, zie de bijlage en morgen overleg."  # entities joined, no LRM
    assert reply.edited and reply.reply_to == "101" and reply.from_owner is True
    assert msgs["101"].from_owner is False and not msgs["101"].edited
    fwd = msgs["102"]
    assert fwd.forwarded and fwd.extra["forwarded_from"] == "Persbureau"
    assert fwd.attachments[0].data == b"\xff\xd8\xff\xe0fakejpegbytes"
    assert fwd.attachments[0].mime == "image/jpeg"
    pdf = msgs["104"].attachments[0]
    assert (pdf.name, pdf.mime, pdf.data) == ("verslag.pdf", "application/pdf", b"%PDF-1.4 fake")
    missing = msgs["105"].attachments[0]
    assert missing.name == "video.mp4" and missing.data is None and not missing.present
    assert msgs["105"].text == "Filmpje van de opening"
    assert msgs["110"].extra["location"] == "geo:52.08,4.313"
    assert all(
        m.kind is Kind.MESSAGE for k, m in msgs.items() if k not in {"106", "107", "108", "109"}
    )


def test_service_messages_are_events() -> None:
    msgs = {m.source_id: m for m in by_key(parse(FULL))["7000002"].messages}
    assert msgs["106"].kind is Kind.EVENT
    assert msgs["106"].event_type is EventType.DISAPPEARING_ON
    assert msgs["106"].extra["disappearing"] == "1 day"
    assert msgs["107"].event_type is EventType.DISAPPEARING_CHANGED
    assert msgs["107"].extra["disappearing"] == "1 week"
    assert msgs["108"].event_type is EventType.DISAPPEARING_OFF
    assert msgs["109"].event_type is EventType.CALL
    assert msgs["109"].sender == "Sanne Jansen"
    assert "called" in msgs["109"].text
    group = [(m.source_id, m.event_type) for m in by_key(parse(FULL))["1800000003"].messages]
    assert group == [
        ("1", EventType.GROUP_CREATED),
        ("2", EventType.SUBJECT_CHANGED),
        ("3", EventType.ICON_CHANGED),
        ("4", EventType.MEMBER_ADDED),
        ("5", None),
        ("6", EventType.MEMBER_REMOVED),
        ("7", EventType.MEMBER_LEFT),
    ]


def test_deleted_account_sender_is_none() -> None:
    msg = by_key(parse(FULL))["1800000009"].messages[0]
    assert msg.sender is None and msg.from_owner is False


def test_old_single_chat_export() -> None:
    (conv,) = parse(OLD)
    assert conv.key == "7000002" and not conv.is_group
    msgs = conv.messages
    assert [m.source_id for m in msgs] == ["11", "12", "13", "14"]
    assert msgs[0].instant is None  # no date_unixtime: local time only, ingest decides
    assert msgs[0].wallclock == "2020-03-29T01:59:00"
    assert not msgs[0].edited  # "1970-01-01T01:00:00" means never edited
    assert msgs[1].edited and msgs[1].text == "Wel bewerkt."
    # integer from_id; the other person's id is the chat id, so the rest is the owner.
    assert msgs[0].from_owner is False and msgs[1].from_owner is True
    assert conv.owner == "Mark de Minister"
    photo = msgs[2].attachments[0]
    assert photo.name.startswith("photo_2@") and photo.data is None  # named, not in folder
    assert msgs[3].kind is Kind.EVENT and msgs[3].event_type is EventType.CALL


def test_result_json_alone_reads_media_beside_it() -> None:
    with FileSource(FULL / "result.json") as source:
        convs = by_key(list(IMPORTER.parse(source, ImportContext())))
    msgs = {m.source_id: m for m in convs["7000002"].messages}
    assert msgs["104"].attachments[0].data == b"%PDF-1.4 fake"


def _zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, prefix + path.relative_to(folder).as_posix())
    return target


def test_zip_of_export_folder(tmp_path: Path) -> None:
    archive = _zip_folder(FULL, tmp_path / "export.zip", "ChatExport_2023-03-27/")
    with open_source(archive) as source:
        assert IMPORTER.sniff(source) >= 90
    zipped = parse(archive)
    assert [[m for m in c.messages] for c in zipped] == [list(c.messages) for c in parse(FULL)]


def test_parsing_twice_is_identical() -> None:
    first, second = parse(FULL), parse(FULL)
    assert [list(c.messages) for c in first] == [list(c.messages) for c in second]
    assert [c.key for c in first] == [c.key for c in second]


def test_sniff() -> None:
    with DirSource(FULL) as s:
        assert IMPORTER.sniff(s) == 95
    with DirSource(OLD) as s:
        assert IMPORTER.sniff(s) == 90
    with FileSource(FIX.parent / "telegram" / "full_current" / "files" / "verslag.pdf") as s:
        assert IMPORTER.sniff(s) == 0


def _write(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "result.json"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_truncated_json_names_line(tmp_path: Path) -> None:
    text = (OLD / "result.json").read_text()
    path = _write(tmp_path, text[: len(text) // 2])
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.line is not None and err.value.line > 10
    assert "result.json" in str(err.value)


def test_wrong_schema_names_entry(tmp_path: Path) -> None:
    root = json.loads((FULL / "result.json").read_text())
    root["chats"]["list"][1]["messages"][3]["date"] = 12
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "chats.list[1].messages[3]"
    assert str(err.value).endswith("result.json[chats.list[1].messages[3]]: date is not a text")
    root["chats"]["list"][1]["messages"] = {"not": "a list"}
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "chats.list[1].messages"


def test_not_a_telegram_export(tmp_path: Path) -> None:
    with pytest.raises(NotAChatError):
        parse(_write(tmp_path, '{"hello": "world"}'))
    with pytest.raises(NotAChatError):
        parse(_write(tmp_path, "[1, 2, 3]"))


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    data = (OLD / "result.json").read_bytes().replace(b"nooit", b"n\xffoit")
    with pytest.raises(EncodingError) as err:
        parse(_write(tmp_path, data))
    assert err.value.line == 13


def test_zip_with_traversal_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("result.json", (OLD / "result.json").read_bytes())
        zf.writestr("../photos/photo.jpg", b"x")
    with pytest.raises(UnsafeArchiveError):
        parse(archive)


def test_media_path_cannot_escape_export(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    export = tmp_path / "export"
    export.mkdir()
    root = json.loads((OLD / "result.json").read_text())
    root["messages"][2]["photo"] = "../secret.txt"
    (export / "result.json").write_text(json.dumps(root))
    for path in (export, export / "result.json"):
        (conv,) = parse(path)
        assert conv.messages[2].attachments[0].data is None


_SEED = (FULL / "result.json").read_bytes()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations.edits(_SEED))
def test_mutations_raise_only_chatsafe_errors(tmp_path: Path, edits: list[mutations.Edit]) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(mutations.apply(_SEED, edits))
    try:
        parse(path)
    except ChatsafeError:
        pass


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(0, 9),
    st.sampled_from(
        [
            "id",
            "type",
            "date",
            "date_unixtime",
            "text",
            "text_entities",
            "from_id",
            "photo",
            "file",
            "action",
            "period",
            "edited",
            "forwarded_from",
            "members",
            "poll",
            "location_information",
            "reply_to_message_id",
        ]
    ),
    _JSON,
)
def test_schema_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, index: int, field: str, value: object
) -> None:
    root = json.loads(_SEED)
    root["chats"]["list"][0]["messages"][index][field] = value
    path = tmp_path / "result.json"
    path.write_text(json.dumps(root))
    try:
        parse(path)
    except ChatsafeError:
        pass


def test_date_out_of_range_is_refused(tmp_path: Path) -> None:
    root = json.loads((OLD / "result.json").read_text())
    root["messages"][1]["date"] = "0001-01-01T00:00:00"
    with pytest.raises(InputError) as err:
        parse(_write(tmp_path, json.dumps(root)))
    assert err.value.entry == "messages[1]" and "out of range" in err.value.message


def test_unknown_action_with_braces_is_kept_as_text(tmp_path: Path) -> None:
    root = json.loads((OLD / "result.json").read_text())
    root["messages"][3]["action"] = "new_{thing}}"
    (conv,) = parse(_write(tmp_path, json.dumps(root)))
    event = conv.messages[3]
    assert event.kind is Kind.EVENT and event.event_type is EventType.OTHER
    assert event.text == "Sanne Jansen: new {thing}}"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 1), st.sampled_from(["type", "id", "name", "messages"]), _JSON)
def test_chat_field_mutations_raise_only_chatsafe_errors(
    tmp_path: Path, index: int, field: str, value: object
) -> None:
    root = json.loads(_SEED)
    root["chats"]["list"][index][field] = value
    path = tmp_path / "result.json"
    path.write_text(json.dumps(root))
    try:
        parse(path)
    except ChatsafeError:
        pass


def _parse_owner(path: Path, owner: str | None) -> list[ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext(owner=owner)))
        for conv in convs:
            conv.messages = list(conv.messages)
    return convs


def test_given_owner_wins_over_inference_and_inference_is_said() -> None:
    (inferred,) = _parse_owner(OLD, None)
    assert inferred.owner == "Mark de Minister" and inferred.extra["owner_inferred"] is True
    (given,) = _parse_owner(OLD, "Sanne Jansen")
    assert given.owner == "Sanne Jansen" and "owner_inferred" not in given.extra
    assert [m.from_owner for m in given.messages[:2]] == [True, False]
    (by_id,) = _parse_owner(OLD, "user7000002")  # a Telegram user id works too
    assert [m.from_owner for m in by_id.messages[:2]] == [True, False]


def test_the_exports_own_account_is_not_overridden_by_a_case_owner() -> None:
    one = by_key(_parse_owner(FULL, "M. de Minister"))["7000002"]
    assert one.owner == "Mark de Minister" and "owner_inferred" not in one.extra
