"""mbox as mail programs write it (issue 12): no message may vanish into its neighbour.

Each test writes a mail folder in one style: Netscape/Thunderbird (``From - <date>``
with no blank line before it), mboxo, mboxrd, mboxcl2 (Content-Length, no quoting), a
leading byte-order mark, CRLF. Python's ``mailbox`` module reads the files from disk as
an independent count where it understands the style.
"""

from __future__ import annotations

import mailbox
from email import message_from_bytes
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chatsafe.importers.base import ImportContext
from chatsafe.importers.email_mbox import IMPORTER
from chatsafe.importers.email_split import looks_like_mbox, split_mbox
from chatsafe.ingest import import_paths
from chatsafe.sources import open_source
from chatsafe.store import create_case, queries

_DATE = "Tue Mar {day:>2} 10:{minute:02d}:00 2024"


def thunderbird_message(n: int) -> bytes:
    day, minute = 1 + n % 28, n % 60
    return (
        f"From - {_DATE.format(day=day, minute=minute)}\n"
        "X-Mozilla-Status: 0001\n"
        "X-Mozilla-Status2: 00000000\n"
        f"Message-ID: <tb{n}@example.org>\n"
        f"Date: Tue, {day:02d} Mar 2024 10:{minute:02d}:00 +0100\n"
        "From: Adviseur <adviseur@example.org>\n"
        "To: Minister <minister@example.org>\n"
        f"Subject: Nota {n}\n"
        "\n"
        f"Tekst van bericht {n}.\n"
        ">From the archive, quoted by Thunderbird.\n"
    ).encode()


def thunderbird_folder(count: int) -> bytes:
    # No blank line between a message and the next "From - " line: what Thunderbird does.
    return b"".join(thunderbird_message(n) for n in range(count))


def bodies(data: bytes) -> list[str]:
    out = []
    for _, raw in split_mbox(data):
        payload = message_from_bytes(raw).get_payload()
        assert isinstance(payload, str)
        out.append(payload)
    return out


def test_thunderbird_folder_keeps_all_29_messages(tmp_path: Path) -> None:
    data = thunderbird_folder(29)
    path = tmp_path / "Inbox"
    path.write_bytes(data)
    assert len(mailbox.mbox(str(path))) == 29  # the independent count
    texts = bodies(data)
    assert len(texts) == 29
    for n, text in enumerate(texts):
        assert text.startswith(f"Tekst van bericht {n}.\n")
        assert "\nFrom the archive, quoted by Thunderbird." in text  # ">From" unquoted


def test_thunderbird_folder_imports_every_message_into_the_case(tmp_path: Path) -> None:
    path = tmp_path / "Inbox.mbox"
    path.write_bytes(thunderbird_folder(29))
    case = create_case(tmp_path / "c.chatsafe")
    report = import_paths(case, [path], ImportContext(owner="minister@example.org"))
    assert report.added == 29 and report.not_imported == 0
    stats = queries.case_stats(case.conn)
    assert sum(c["messages"] for c in stats["conversations"]) == 29
    assert stats["sources"][0]["entries_read"] == 29
    case.close()


def test_three_message_netscape_mbox_loses_nothing() -> None:
    data = b"".join(thunderbird_message(n) for n in (1, 2, 3))
    assert [t.split("\n")[0] for t in bodies(data)] == [
        "Tekst van bericht 1.",
        "Tekst van bericht 2.",
        "Tekst van bericht 3.",
    ]


def test_a_from_line_in_a_body_without_envelope_date_is_not_a_separator() -> None:
    data = (
        b"From - Tue Mar  1 10:00:00 2024\nSubject: a\n\nline\n"
        b"From Amsterdam to The Hague\nSubject: not a header block, a body line\n"
        b"From - Tue Mar  2 10:00:00 2024\nSubject: b\n\nz\n"
    )
    parts = [m for _, m in split_mbox(data)]
    assert len(parts) == 2
    assert b"From Amsterdam to The Hague" in parts[0]


def test_mboxrd_unquotes_one_level() -> None:
    data = (
        b"From alice@example.org Tue Mar  1 10:00:00 2024\nSubject: a\n\n"
        b">From here\n>>From there\n\n"
        b"From bob@example.org Tue Mar  2 10:00:00 2024\nSubject: b\n\nz\n"
    )
    parts = [m for _, m in split_mbox(data)]
    assert parts[0] == b"Subject: a\n\nFrom here\n>From there\n"
    assert len(parts) == 2


def _cl2(subject: str, body: bytes) -> bytes:
    return (
        b"From alice@example.org Tue Mar  1 10:00:00 2024\n"
        + f"Subject: {subject}\nContent-Length: {len(body)}\n\n".encode()
        + body
        + b"\n"
    )


def test_mboxcl2_content_length_covers_unquoted_from_lines() -> None:
    forwarded = (
        b"See below.\n\n"
        b"From bob@example.org Mon Jan  1 09:00:00 2024\n"
        b"Subject: the forwarded one\n\n"
        b">From stays quoted in mboxcl2\n"
    )
    data = _cl2("one", forwarded) + _cl2("two", b"second\n")
    parts = [m for _, m in split_mbox(data)]
    assert len(parts) == 2
    assert parts[0].endswith(forwarded)
    assert parts[1].endswith(b"\n\nsecond\n")


def test_inconsistent_content_length_falls_back_to_separators() -> None:
    good = _cl2("one", b"first\n")
    wrong = good.replace(b"Content-Length: 6", b"Content-Length: 3")
    data = wrong + _cl2("two", b"second\n")
    assert len(list(split_mbox(data))) == 2
    too_long = good.replace(b"Content-Length: 6", b"Content-Length: 999")
    assert len(list(split_mbox(too_long + _cl2("two", b"second\n")))) == 2


def test_leading_byte_order_mark_and_crlf() -> None:
    data = b"\xef\xbb\xbf" + thunderbird_folder(3).replace(b"\n", b"\r\n")
    assert looks_like_mbox(data[:64])
    parts = list(split_mbox(data))
    assert len(parts) == 3
    assert parts[0][0] == b"From - Tue Mar  1 10:00:00 2024"


def test_bom_mbox_file_is_detected_and_imported(tmp_path: Path) -> None:
    path = tmp_path / "Sent"
    path.write_bytes(b"\xef\xbb\xbf" + thunderbird_folder(4))
    with open_source(path) as source:
        assert IMPORTER.sniff(source) > 0
        convs = list(IMPORTER.parse(source, ImportContext()))
    assert sum(len(list(c.messages)) for c in convs) == 4


_LINE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=30
).filter(lambda s: not s.startswith(">") and not s.startswith("From"))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(_LINE | st.just("From me to you"), max_size=5), min_size=1, max_size=6),
    st.booleans(),
)
def test_any_bodies_in_either_separator_style_split_back_exactly(
    messages: list[list[str]], blank_line: bool
) -> None:
    """mboxrd writing (quote ``From `` lines), read back: the same messages, none merged."""
    out = b""
    for n, lines in enumerate(messages):
        body = "".join(line + "\n" for line in lines).encode()
        quoted = body.replace(b"\nFrom ", b"\n>From ")
        quoted = b">" + quoted if quoted.startswith(b"From ") else quoted
        out += f"From - {_DATE.format(day=1 + n, minute=n)}\nSubject: {n}\n\n".encode() + quoted
        if blank_line:
            out += b"\n"
    parts = [m for _, m in split_mbox(out)]
    assert len(parts) == len(messages)
    for n, (part, lines) in enumerate(zip(parts, messages, strict=True)):
        body = "".join(line + "\n" for line in lines).encode()
        expected = f"Subject: {n}\n\n".encode() + body
        # The last newline before a separator belongs to the mbox (one is trimmed).
        assert part in (expected, expected[:-1])
