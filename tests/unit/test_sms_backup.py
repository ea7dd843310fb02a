"""The SMS Backup & Restore importer: sms, mms, groups, owner, repairs, hostile XML."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.domain import ParsedConversation
from chatsafe.errors import ChatsafeError, EncodingError, InputError, UnsafeArchiveError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.phone_numbers import normalise_number, split_addresses
from chatsafe.importers.sms_backup import IMPORTER
from chatsafe.importers.xml_stream import iter_records, repair_surrogates
from chatsafe.sources import open_source

FIXTURE = Path(__file__).parent.parent / "fixtures" / "sms" / "backup.xml"


def parse(path: Path, **extra: str) -> dict[str, ParsedConversation]:
    with open_source(path) as source:
        convs = list(IMPORTER.parse(source, ImportContext(extra=dict(extra))))
    for conv in convs:
        conv.messages = list(conv.messages)
    return {c.key: c for c in convs}


def write(tmp_path: Path, data: bytes, name: str = "sms.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_sniff() -> None:
    with open_source(FIXTURE) as source:
        assert IMPORTER.sniff(source) == 95


def test_conversations_are_keyed_by_the_other_numbers() -> None:
    convs = parse(FIXTURE)
    assert set(convs) == {
        "+31612345678",
        "+31201234567",
        "kpn",
        "+31611111111~+31622222222",
    }
    jan = convs["+31612345678"]
    assert jan.title == "Jan Jansen"
    assert jan.participants == ["Jan Jansen"]
    assert not jan.is_group
    # The owner's number came from the sender of a sent MMS and is nobody's participant.
    assert jan.owner == "Me"
    assert jan.extra["owner_number"] == "+31699999999"
    group = convs["+31611111111~+31622222222"]
    assert group.is_group
    assert group.participants == ["Piet", "Klaas"]
    assert "+31699999999" not in group.extra["numbers"]


def test_sms_fields_and_markers() -> None:
    jan = parse(FIXTURE)["+31612345678"]
    first, reply, draft, mms = jan.messages
    assert [m.position for m in jan.messages] == [0, 1, 2, 3]
    assert first.text == "Goedemorgen minister \U0001f600"  # surrogate pair repaired
    assert first.sender == "Jan Jansen" and first.from_owner is False
    assert first.instant == datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
    assert first.wallclock == "2024-03-14T09:00:00"  # Europe/Amsterdam, winter time
    assert first.source_id is None
    assert reply.text == "Dag Jan, ik bel je om 10 uur.\nGroet"
    assert reply.from_owner is True and reply.sender == "Me"
    assert draft.extra["status"] == "draft" and draft.from_owner is True
    assert mms.text == "Tot straks \U0001f642"  # text part stored as base64 data
    assert [(a.name, a.mime, a.data) for a in mms.attachments] == [
        ("nota.pdf", "application/pdf", None)
    ]


def test_failed_sms_and_lone_surrogate() -> None:
    (msg,) = parse(FIXTURE)["+31201234567"].messages
    assert msg.extra["status"] == "failed"
    assert msg.text == "Kunt u de stukken sturen? \ufffd"


def test_group_mms() -> None:
    group = parse(FIXTURE)["+31611111111~+31622222222"]
    first, second = group.messages
    assert first.sender == "Piet" and first.from_owner is False
    assert first.text == "Overleg verplaatst naar 14:00"  # smil part skipped
    (photo,) = first.attachments
    assert photo.name == "foto.png" and photo.mime == "image/png"
    assert photo.data is not None and photo.data.startswith(b"\x89PNG")
    assert first.extra["date_sent"] == "2024-03-14T09:53:10+00:00"  # seconds, not ms
    assert second.sender == "Klaas" and second.text == "Akkoord \U0001f44d"


def test_owner_number_from_context(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().replace(b'msg_box="2"', b'msg_box="1"')
    convs = parse(write(tmp_path, data), owner_number="06 9999 9999")
    assert convs["+31612345678"].extra["owner_number"] == "+31699999999"
    assert "+31611111111~+31622222222" in convs


def test_parsing_twice_gives_the_same() -> None:
    assert parse(FIXTURE) == parse(FIXTURE)


def test_zip_source(tmp_path: Path) -> None:
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(FIXTURE, "sms-20240314.xml")
    assert parse(path) == parse(FIXTURE)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("+31 6 1234 5678", "+31612345678"),
        ("+31612345678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("06-12345678", "+31612345678"),
        ("(020) 123 4567", "+31201234567"),
        ("KPN", "kpn"),
        ("1200", "1200"),
        ("Jan@Example.org", "jan@example.org"),
    ],
)
def test_normalise_number(raw: str, normal: str) -> None:
    assert normalise_number(raw) == normal


def test_split_addresses() -> None:
    assert split_addresses("a~b") == ["a", "b"]
    assert split_addresses("null") == []
    assert split_addresses(None) == []


def test_repair_surrogates() -> None:
    assert repair_surrogates(b"&#55357;&#56832;") == b"&#128512;"
    assert repair_surrogates(b"&#xD83D;&#xDE00;") == b"&#128512;"
    assert repair_surrogates(b"a&#55357;b") == b"a&#65533;b"
    assert repair_surrogates(b"&#56832;&#55357;") == b"&#65533;&#65533;"
    assert repair_surrogates(b"&#55357;&#55357;&#56832;") == b"&#65533;&#128512;"
    assert repair_surrogates(b"&#233;&#54620;") == b"&#233;&#54620;"  # not surrogates


@pytest.mark.parametrize("size", [1, 3, 7, 17, 4096])
def test_repair_across_chunk_boundaries(size: int) -> None:
    data = FIXTURE.read_bytes()
    chunks = iter([data[i : i + size] for i in range(0, len(data), size)])
    bodies = [e.get("body") for _, e in iter_records(chunks, "x") if e.tag == "sms"]
    assert bodies[0] == "Goedemorgen minister \U0001f600"


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes()
    path = write(tmp_path, data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.file == str(path) and err.value.line is not None


def test_wrong_encoding(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().replace(b"Gemeente", "Gemeënte".encode("latin-1"))
    with pytest.raises(EncodingError) as err:
        parse(write(tmp_path, data))
    assert "UTF-8" in str(err.value) and err.value.line == 8


def test_wrong_schema(tmp_path: Path) -> None:
    path = write(tmp_path, b'<?xml version="1.0"?><calls count="0"><call number="1"/></calls>')
    with open_source(path) as source:
        assert IMPORTER.sniff(source) == 0
        with pytest.raises(InputError):
            list(IMPORTER.parse(source, ImportContext()))
    bad_date = FIXTURE.read_bytes().replace(b'date="1710403200000"', b'date="gisteren"')
    with pytest.raises(InputError, match="date"):
        parse(write(tmp_path, bad_date))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE smses [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<smses count="1"><sms address="1" date="1" type="1" body="&lol3;"/></smses>
"""


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, BILLION_LAUGHS)
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.file == str(path) and "refused" in str(err.value)


def test_external_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<smses count="1"><sms address="1" date="1" type="1" body="&x;"/></smses>'
    ).encode()
    path = write(tmp_path, data)
    with pytest.raises(InputError) as err:
        parse(path)
    assert "GEHEIM" not in str(err.value) and err.value.file == str(path)


def test_hostile_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("../sms.xml", FIXTURE.read_bytes())
    with pytest.raises(UnsafeArchiveError, match=r"\.\."):
        parse(path)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for pos, cut, insert in edits:
        pos %= len(buf) + 1
        buf[pos : pos + cut] = insert
    return bytes(buf)


EDITS = st.lists(
    st.tuples(
        st.integers(0, 1 << 16),
        st.integers(0, 8),
        st.sampled_from([b"", b"<", b">", b'"', b"&", b"&#55357;", b"\xff", b"null", b"~", b"0"])
        | st.binary(max_size=4),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_mutations_raise_only_chatsafe_errors(edits: list[tuple[int, int, bytes]]) -> None:
    data = _mutate(FIXTURE.read_bytes(), edits)
    source_bytes = io.BytesIO(data)
    try:
        records = iter_records(iter([source_bytes.getvalue()]), "fuzz.xml")
        for _ in records:
            pass

        class _Mem:
            display = "fuzz.xml"

            def names(self) -> list[str]:
                return ["fuzz.xml"]

            def chunks(self, name: str):  # type: ignore[no-untyped-def]
                yield data

            def where(self, name: str) -> str:
                return "fuzz.xml"

        for conv in IMPORTER.parse(_Mem(), ImportContext()):  # type: ignore[arg-type]
            list(conv.messages)
    except ChatsafeError:
        pass


def test_an_unknown_element_is_reported_on_the_source(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().replace(
        b"</smses>", b'  <call number="+31612345678" duration="12" />\n</smses>'
    )
    ctx = ImportContext()
    with open_source(write(tmp_path, data)) as source:
        convs = list(IMPORTER.parse(source, ctx))
    assert convs
    assert ctx.tally.read == 1
    (line,) = ctx.tally.not_imported
    assert line.reason == "unknown-element" and line.position.startswith("sms.xml: <call> after")
