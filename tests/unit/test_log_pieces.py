"""The review log checked a piece at a time (``log.ChainCheck``, which the app runs on
open so a long log never holds up the user's reads) finds exactly what one check
(``log.verify``) finds, for an intact log and for every kind of change, whatever the
size of the pieces."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import Role
from tests.bundle_support import build_case, message_ids
from tests.unit.test_review_decisions import spec


def _edit(c: Any, seq: int) -> None:
    c.execute(
        "UPDATE review_log SET entry = replace(entry, 'private', 'business') WHERE seq = ?",
        (seq,),
    )


def _edit_and_rehash(c: Any, seq: int) -> None:
    (line,) = c.execute("SELECT entry FROM review_log WHERE seq = ?", (seq,)).fetchone()
    new = line.replace("private", "business")
    c.execute(
        "UPDATE review_log SET entry = ?, hash = ? WHERE seq = ?", (new, log.line_hash(new), seq)
    )


def _delete(c: Any, seq: int) -> None:
    c.execute("DELETE FROM review_log WHERE seq = ?", (seq,))


def _unkeyed(c: Any, seq: int) -> None:
    c.execute("UPDATE review_log SET mac = NULL WHERE seq = ?", (seq,))


def _not_json(c: Any, seq: int) -> None:
    c.execute("UPDATE review_log SET entry = '{oops', hash = ? WHERE seq = ?",
              (log.line_hash("{oops"), seq))  # fmt: skip


def _renumbered(c: Any, seq: int) -> None:
    (line,) = c.execute("SELECT entry FROM review_log WHERE seq = ?", (seq,)).fetchone()
    new = log.canonical({**json.loads(line), "seq": seq + 100})
    c.execute(
        "UPDATE review_log SET entry = ?, hash = ? WHERE seq = ?", (new, log.line_hash(new), seq)
    )


CHANGES: dict[str, Callable[[Any, int], None] | None] = {
    "intact": None,
    "edited": _edit,
    "edited, hash recomputed": _edit_and_rehash,
    "deleted": _delete,
    "mac removed": _unkeyed,
    "not JSON": _not_json,
    "renumbered": _renumbered,
}


@pytest.mark.parametrize("change", CHANGES)
def test_pieces_find_what_one_check_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    case = build_case(tmp_path / "c.chatsafe", spec(), monkeypatch)
    with case.transaction() as c:
        for text in ("PRIVE-TEKST", "ZAKELIJK", "PRIVE-TEKST"):
            labels.label_messages(
                c, message_ids(case, text), Label.PRIVATE, by="M", role=Role.MINISTER
            )
    total = case.conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
    assert total >= 4
    alter = CHANGES[change]
    if alter is not None:
        with case.transaction() as c:
            (seq,) = c.execute(
                "SELECT max(seq) FROM review_log WHERE entry LIKE '%private%'"
            ).fetchone()
            alter(c, int(seq) - 1 if change == "deleted" else int(seq))
    whole = log.verify(case.conn)
    assert (whole == []) == (change == "intact")
    for size in (1, 2, 3, total + 5):
        check = log.ChainCheck()
        steps = 1
        while not check.step(case.conn, size):
            steps += 1
        assert sorted(check.problems) == sorted(whole), size
        rows = case.conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
        assert steps == rows // size + 1  # a piece at a time, and the one that ends it
