"""E-mail addresses: a malformed From/To keeps every address, never a fragment."""

from __future__ import annotations

from email.message import Message
from pathlib import Path

import pytest

from chatsafe.importers.email_headers import Headers
from tests.unit.test_email_mbox import parse


@pytest.mark.parametrize(
    ("value", "pairs"),
    [
        # Two addresses without a comma: the standard parser gave ('', '@powerupdev.com').
        (
            "tim@powerupdev.com concierge@powerupdev.com",
            [("", "tim@powerupdev.com"), ("", "concierge@powerupdev.com")],
        ),
        ('"Jan" jan@gov.example', [("Jan", "jan@gov.example")]),
        ("Jan Jansen", [("Jan Jansen", "")]),
        ("undisclosed-recipients:;", []),
        # Well-formed headers read as before.
        (
            'Tim <tim@x.example>, "Bakker, A." <ab@x.example>',
            [("Tim", "tim@x.example"), ("Bakker, A.", "ab@x.example")],
        ),
        ("a@b.example (Jan)", [("Jan", "a@b.example")]),
    ],
)
def test_addresses(value: str, pairs: list[tuple[str, str]]) -> None:
    msg = Message()
    msg["From"] = value
    assert Headers(msg).addresses("From") == pairs


def test_malformed_from_keeps_the_sender_and_every_participant(tmp_path: Path) -> None:
    path = tmp_path / "odd.eml"
    path.write_bytes(
        b"From: tim@powerupdev.com concierge@powerupdev.com\n"
        b"To: Minister <minister@gov.example>\n"
        b"Subject: Offerte\n"
        b"Date: Sat, 11 Mar 2023 10:00:00 +0100\n"
        b"Message-ID: <odd@powerupdev.com>\n\nTekst.\n"
    )
    (conv,) = parse(path)
    (msg,) = conv.messages
    assert msg.sender == "tim@powerupdev.com"
    assert conv.participants == ["tim@powerupdev.com", "concierge@powerupdev.com", "Minister"]
