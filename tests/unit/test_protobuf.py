"""The one protobuf wire reader both WhatsApp importers use: every malformed value
(truncated, longer than ten bytes, beyond 64 bits, a bad wire type or length) is a
ValueError, which the importers turn into a refusal (exit 2) or a value kept raw."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatsafe.errors import InputError
from chatsafe.importers import whatsapp_crypt, whatsapp_ios_blobs
from chatsafe.importers.protobuf import MAX_VARINT_BYTES, fields, length_delimited, varint
from tests.unit.test_whatsapp_ios_blobs import varint as encode


@pytest.mark.parametrize("n", [0, 1, 127, 128, 300, 2**32, 2**63, 2**64 - 1])
def test_varints_round_trip(n: int) -> None:
    data = b"\x01" + encode(n) + b"\x02"
    assert varint(data, 1) == (n, len(data) - 1)


def test_the_longest_varint_is_ten_bytes() -> None:
    assert len(encode(2**64 - 1)) == MAX_VARINT_BYTES
    # Padding with zero groups is legal up to ten bytes.
    assert varint(b"\x81\x80\x80\x80\x80\x80\x80\x80\x80\x00", 0) == (1, 10)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "truncated"),
        (b"\x80", "truncated"),
        (b"\xff\xff\xff", "truncated"),
        (b"\x80" * 10 + b"\x00", "longer than ten"),
        (b"\xff" * 300, "longer than ten"),
        (b"\xff" * 9 + b"\x02", "beyond 64 bits"),
        (b"\xff" * 9 + b"\x7f", "beyond 64 bits"),
    ],
)
def test_malformed_varints_are_refused(data: bytes, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        varint(data, 0)


def test_fields_in_order_with_every_wire_type() -> None:
    data = (
        b"\x08\x96\x01"  # 1: varint 150
        + b"\x12\x03abc"  # 2: bytes
        + b"\x19" + bytes(range(8))  # 3: fixed 64
        + b"\x25" + bytes(range(4))  # 4: fixed 32
        + b"\x12\x01z"  # 2 again: the last one wins in length_delimited
    )  # fmt: skip
    assert fields(data) == [
        (1, 0, 150),
        (2, 2, b"abc"),
        (3, 1, bytes(range(8))),
        (4, 5, bytes(range(4))),
        (2, 2, b"z"),
    ]
    assert length_delimited(data) == {2: b"z"}
    assert fields(b"") == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01",  # field number 0
        b"\x0b",  # wire type 3 (start group)
        b"\x0c",  # wire type 4 (end group)
        b"\x0e",  # wire type 6
        b"\x12\x05abc",  # length beyond the data
        b"\x12" + b"\xff" * 9 + b"\x01abc",  # an enormous length
        b"\x19\x00\x00",  # fixed 64 cut short
        b"\x25\x00",  # fixed 32 cut short
        b"\x08",  # a key without its value
        b"\x08\x80",  # a value cut short
        b"\xff" * 11,  # an overlong key
    ],
)
def test_malformed_messages_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        fields(data)
    with pytest.raises(ValueError):
        length_delimited(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_any_bytes_parse_or_raise_value_error_only(data: bytes) -> None:
    try:
        parsed = fields(data)
    except ValueError:
        return
    for number, wire, value in parsed:
        assert number > 0 and wire in (0, 1, 2, 5)
        assert isinstance(value, int if wire == 0 else bytes)
    # The blob readers never raise on anything: a value they cannot read is kept raw.
    whatsapp_ios_blobs.quoted_reply(data)
    whatsapp_ios_blobs.reactions(data)


@pytest.mark.parametrize("header", [b"\xff" * 10 + b"\x01", b"\x80" * 11, b"\x0b"])
def test_the_blob_readers_keep_malformed_values_raw(header: bytes) -> None:
    assert whatsapp_ios_blobs.quoted_reply(header) == (None, {})
    assert whatsapp_ios_blobs.reactions(header) is None
    assert whatsapp_ios_blobs.push_name("/////////////w==") == "/////////////w=="


@pytest.mark.parametrize(
    "proto",
    [
        b"\x1a" + b"\xff" * 9 + b"\x7f",  # field 3's length beyond 64 bits
        b"\x1a" + b"\x80" * 11,  # field 3's length longer than ten bytes
        b"\x1a\x12" + b"\x0a" + b"\xff" * 17,  # the IV message's length overlong
    ],
)
def test_a_backup_header_with_a_malformed_varint_is_refused(proto: bytes) -> None:
    data = bytes([len(proto), 1]) + proto + bytes(64)
    with pytest.raises(InputError, match="its header cannot be read"):
        whatsapp_crypt.read_header(data, "msgstore.db.crypt15")
