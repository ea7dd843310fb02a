"""WhatsApp's export limit: a possibly cut export is flagged, in stats and the bundle's
completeness, never passed over in silence."""

from __future__ import annotations

from pathlib import Path

from chatsafe.bundle.preflight import preflight_of
from chatsafe.importers.base import ImportContext
from chatsafe.importers.whatsapp_start import TRUNCATION_ADVICE
from chatsafe.ingest import import_paths
from chatsafe.store import create_case, queries
from tests.unit.test_whatsapp import FIX, parse

NOTICE = (
    "01/03/2024, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this"
    " chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
)


def export(path: Path, messages: int, notice: bool = True) -> Path:
    lines = [f"01/03/2024, 10:{i % 60:02d} - {'AB'[i % 2]}: m{i}\n" for i in range(messages)]
    path.write_text((NOTICE if notice else "") + "".join(lines), encoding="utf-8")
    return path


def test_exactly_the_export_limit_is_flagged(tmp_path: Path) -> None:
    for messages, notice in ((10_000, True), (9_999, True), (40_000, False)):
        conv, msgs = parse(export(tmp_path / "WhatsApp Chat with A.txt", messages, notice))
        assert len(msgs) == messages + notice
        cut = conv.extra["possibly_truncated"]
        assert "export_limit" in cut["reasons"] and cut["advice"] == TRUNCATION_ADVICE
    assert conv.extra["possibly_truncated"]["reasons"] == [
        "export_limit",
        "starts_mid_conversation",
    ]


def test_a_whole_chat_below_the_limit_is_not_flagged(tmp_path: Path) -> None:
    conv, msgs = parse(export(tmp_path / "WhatsApp Chat with A.txt", 9_998))
    assert len(msgs) == 9_999
    assert conv.extra["possibly_truncated"] is None


def test_an_export_that_starts_mid_conversation_is_flagged() -> None:
    conv, msgs = parse(FIX / "WhatsApp-chat met Oma.txt")
    assert msgs[0].kind.value == "message"
    assert conv.extra["possibly_truncated"] == {
        "reasons": ["starts_mid_conversation"],
        "entries": len(msgs),
        "advice": TRUNCATION_ADVICE,
    }
    # A group's export begins with its creation or the encryption notice.
    conv, _ = parse(FIX / "WhatsApp-chat met Kabinetsoverleg.txt")
    assert conv.extra["possibly_truncated"] is None


def test_stats_and_preflight_count_it_and_a_later_whole_export_clears_it(
    tmp_path: Path,
) -> None:
    case = create_case(tmp_path / "c.chatsafe", passphrase="a test passphrase")
    try:
        capped = export(tmp_path / "WhatsApp Chat with A.txt", 10_000, notice=False)
        import_paths(case, [capped], ImportContext(owner="A"))
        (conv,) = queries.case_stats(case.conn)["conversations"]
        assert conv["possibly_truncated"] is True
        assert conv["truncation"]["reasons"] == ["export_limit", "starts_mid_conversation"]
        assert conv["truncation"]["entries"] == 10_000
        assert preflight_of(case.conn).completeness.possibly_truncated == 1
        whole = tmp_path / "again" / "WhatsApp Chat with A.txt"
        whole.parent.mkdir()
        import_paths(case, [export(whole, 12_000)], ImportContext(owner="A"))
        (conv,) = queries.case_stats(case.conn)["conversations"]
        assert conv["possibly_truncated"] is False and conv["truncation"] is None
        assert preflight_of(case.conn).completeness.possibly_truncated == 0
    finally:
        case.close()
