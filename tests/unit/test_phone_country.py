"""One foreign contact is one conversation: national and international spellings of a
number agree once the phone's country is known (``--country``, the case's setting)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatsafe.errors import SettingsError
from chatsafe.importers.phone_numbers import country_of, normalise_number
from chatsafe.settings import validate
from tests.unit.test_sms_backup import parse

SPELLINGS = ("+1 493 839 4898", "1 493 839 4898", "4938394898")


def _backup(tmp_path: Path) -> Path:
    rows = "".join(
        f'  <sms protocol="0" address="{a}" date="{1710403200000 + i * 60000}" type="1"'
        f' body="bericht {i}" read="1" status="-1" contact_name="Dana" />\n'
        for i, a in enumerate(SPELLINGS)
    )
    path = tmp_path / "sms.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        f'<smses count="{len(SPELLINGS)}">\n{rows}</smses>\n',
        encoding="utf-8",
    )
    return path


def test_a_foreign_contact_is_one_conversation_with_its_country(tmp_path: Path) -> None:
    convs = parse(_backup(tmp_path), country="US")
    assert list(convs) == ["+14938394898"]
    (conv,) = convs.values()
    assert [m.text for m in conv.messages] == ["bericht 0", "bericht 1", "bericht 2"]


def test_the_dutch_default_reads_national_numbers_as_dutch(tmp_path: Path) -> None:
    convs = parse(_backup(tmp_path))
    assert "+14938394898" in convs  # the international spelling is never misread
    assert normalise_number("06-12345678") == "+31612345678"
    assert normalise_number("4938394898", "US") == "+14938394898"
    assert normalise_number("0031 6 1234 5678", "US") == "+31612345678"
    assert normalise_number("112") == "112"  # not a possible number: left as written


def test_older_calling_code_spelling_still_works(tmp_path: Path) -> None:
    assert list(parse(_backup(tmp_path), country_code="+1")) == ["+14938394898"]


@pytest.mark.parametrize(
    ("value", "region"), [("nl", "NL"), ("31", "NL"), ("+1", "US"), ("", "NL")]
)
def test_country_of(value: str, region: str) -> None:
    assert country_of(value) == region


def test_unknown_country_is_refused() -> None:
    with pytest.raises(ValueError):
        country_of("XX")
    with pytest.raises(SettingsError):
        validate("country", "Nederland")
    assert validate("country", "be") == "BE"


def test_the_case_country_setting_applies_to_every_import(tmp_path: Path) -> None:
    """The app builds its own ImportContext: ingest, not the CLI, applies the setting."""
    from chatsafe.importers.base import ImportContext
    from chatsafe.ingest import import_paths
    from chatsafe.store import create_case, queries

    case = create_case(tmp_path / "c.chatsafe", passphrase="a test passphrase")
    try:
        case.set_setting("country", "US")
        import_paths(case, [_backup(tmp_path)], ImportContext())
        (conv,) = queries.case_stats(case.conn)["conversations"]
        assert conv["messages"] == 3
    finally:
        case.close()
