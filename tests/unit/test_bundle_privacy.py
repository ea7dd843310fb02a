"""The privacy property: for random markings of a generated case in which every message,
title, contact and attachment carries a unique canary, the bundle (every file, PDF
streams inflated, PDF text extracted, the zip's directory) holds no canary of anything
withheld and every canary of what leaves.

The expectation is computed here from the markings by the rule as the law states it, not
by calling chatsafe's own selection.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatsafe.bundle import builder, signing
from chatsafe.bundle.signing import SoftwareSigner
from chatsafe.store import Case
from tests.bundle_support import (
    SIGNING_PASSPHRASE,
    Certs,
    build_case,
    bundle_bytes,
    make_certs,
    pdf_text,
)

N_CONV = 4
PER_CONV = 6
DAYS = ["2024-01-10", "2024-02-10", "2024-03-10", "2024-04-10", "2024-05-10", "2024-06-10"]
LABELS = [None, "business", "private", "party_political"]


def spec() -> list[dict[str, Any]]:
    convs = []
    for c in range(N_CONV):
        msgs: list[dict[str, Any]] = []
        for i in range(PER_CONV):
            m = c * PER_CONV + i
            # Sender: 0 = owner, 1 = shared colleague, 2 = a contact of this conversation only
            who = ["Minister", "Collega", f"Contact CANS{c}{i % 2}X"][i % 3]
            msg: dict[str, Any] = {
                "sender": who,
                "wallclock": f"{DAYS[i]}T1{i}:00:00",
                "text": f"bericht CANM{m:03d}X einde",
            }
            if i % 2 == 1:
                msg["attachments"] = [
                    {"name": f"CANA{m:03d}X.txt", "mime": "text/plain", "data": f"CAND{m:03d}X"}
                ]
            msgs.append(msg)
        msgs.append(
            {
                "kind": "event",
                "event_type": "other",
                "wallclock": f"{DAYS[2]}T08:00:00",
                "text": f"gebeurtenis CANE{c}X",
            }
        )
        convs.append(
            {
                "key": f"k{c}",
                "title": f"Titel CANT{c}X",
                "is_group": True,
                "participants": ["Minister", "Collega", f"Alleen-lijst CANP{c}X"],
                "messages": msgs,
            }
        )
    return convs


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Case, SoftwareSigner, Path]:
    tmp = tmp_path_factory.mktemp("privacy")
    certs: Certs = make_certs(tmp / "certs")
    mp = pytest.MonkeyPatch()
    try:
        case = build_case(tmp / "c.chatsafe", spec(), mp)
    finally:
        mp.undo()
    return case, signing.load_p12(certs.p12, SIGNING_PASSPHRASE), tmp


markings = st.fixed_dictionaries(
    {
        "conv": st.lists(st.sampled_from(LABELS), min_size=N_CONV, max_size=N_CONV),
        "msg": st.lists(
            st.sampled_from(LABELS), min_size=N_CONV * PER_CONV, max_size=N_CONV * PER_CONV
        ),
        "event": st.lists(st.sampled_from(LABELS), min_size=N_CONV, max_size=N_CONV),
        "start": st.sampled_from([None, "2024-02-01", "2024-03-10"]),
        "end": st.sampled_from([None, "2024-04-30", "2024-06-30"]),
    }
)
_counter = itertools.count()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(marks=markings)
def test_nothing_withheld_leaves_and_everything_business_does(
    world: tuple[Case, SoftwareSigner, Path], marks: dict[str, Any]
) -> None:
    case, signer, tmp = world
    apply_marks(case, marks)
    out = tmp / f"b{next(_counter)}.zip"
    builder.make_bundle(case, out, signer, by="Minister", role="minister")
    blob = b"\n".join(bundle_bytes(out).values()).decode("utf-8", "replace")
    blob += "\n" + pdf_text(out)
    out.unlink()

    present = expected_presence(marks)
    wrong = {k: v for k, v in present.items() if (k in blob) != v}
    assert not wrong, f"expected presence differs: {wrong}"


def apply_marks(case: Case, marks: dict[str, Any]) -> None:
    """Set the period and the marks of ``marks`` (replacing earlier ones)."""
    with case.transaction() as t:
        t.execute("DELETE FROM message_labels")
        t.execute("DELETE FROM conversation_labels")
        for key in ("period_start", "period_end"):
            case.put_setting(t, key, marks["start" if key == "period_start" else "end"])
        convs = [int(r[0]) for r in t.execute("SELECT id FROM conversations ORDER BY key")]
        for cid, label in zip(convs, marks["conv"], strict=True):
            if label:
                t.execute(
                    "INSERT INTO conversation_labels VALUES(?, ?, 'confirmed', 'CANR', 'M',"
                    " 'minister', '2024')",
                    (cid, label),
                )
        for m, label in enumerate(marks["msg"]):
            if label:
                (mid,) = t.execute(
                    "SELECT id FROM messages WHERE instr(text, ?)", (f"CANM{m:03d}X",)
                ).fetchone()
                t.execute(
                    "INSERT INTO message_labels VALUES(?, ?, 'confirmed', 'CANR', 'M',"
                    " 'minister', '2024')",
                    (mid, label),
                )
        for conv, label in enumerate(marks["event"]):
            if label:
                (mid,) = t.execute(
                    "SELECT id FROM messages WHERE instr(text, ?)", (f"CANE{conv}X",)
                ).fetchone()
                t.execute(
                    "INSERT INTO message_labels VALUES(?, ?, 'confirmed', 'CANR', 'M',"
                    " 'minister', '2024')",
                    (mid, label),
                )


def expected_presence(marks: dict[str, Any]) -> dict[str, bool]:
    """Canary -> whether it must be in what leaves, by the rule as the law states it."""

    def in_period(day: str) -> bool:
        return (marks["start"] is None or day >= marks["start"]) and (
            marks["end"] is None or day <= marks["end"]
        )

    present: dict[str, bool] = {}
    for conv in range(N_CONV):
        leaving_senders: set[str] = set()
        conv_leaves = False
        for i in range(PER_CONV):
            m = conv * PER_CONV + i
            label = marks["msg"][m] or marks["conv"][conv] or "business"
            leaves = in_period(DAYS[i]) and label == "business"
            conv_leaves |= leaves
            present[f"CANM{m:03d}X"] = leaves
            if i % 2 == 1:
                present[f"CANA{m:03d}X"] = leaves
                present[f"CAND{m:03d}X"] = leaves
            if leaves and i % 3 == 2:
                leaving_senders.add(f"CANS{conv}{i % 2}X")
        present[f"CANT{conv}X"] = conv_leaves
        # An event leaves by its own effective label, like a message, and only with a
        # conversation that leaves: never with a conversation marked private.
        event_label = marks["event"][conv] or marks["conv"][conv] or "business"
        present[f"CANE{conv}X"] = conv_leaves and in_period(DAYS[2]) and event_label == "business"
        present[f"CANP{conv}X"] = False  # listed as participant, never wrote: never named
        for s in (f"CANS{conv}0X", f"CANS{conv}1X"):
            present[s] = s in leaving_senders
    present["CANR"] = False  # written reasons stay in the case
    return present
