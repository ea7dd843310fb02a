"""A bundle reads the case with a larger page cache (chatsafe/bundle/builder.py,
BUNDLE_PAGE_CACHE_MIB), still keeping temporary data in memory, and sets the cache
back afterwards, also when the bundle fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chatsafe.bundle import builder, payload, signing
from chatsafe.errors import CancelledError
from tests.bundle_support import SIGNING_PASSPHRASE, build_case, make_certs

SPEC: list[dict[str, Any]] = [
    {
        "key": f"k{k}",
        "title": f"Overleg {k}",
        "participants": ["Minister", "Jan"],
        "messages": [
            {"sender": "Jan", "wallclock": f"2024-03-01T09:0{i}:00", "text": f"nota {k}.{i}"}
            for i in range(3)
        ],
    }
    for k in range(2)
]


def _pragmas(c: Any) -> tuple[int, int]:
    return (
        int(c.execute("PRAGMA cache_size").fetchone()[0]),
        int(c.execute("PRAGMA temp_store").fetchone()[0]),
    )


def test_a_bundle_reads_with_a_larger_page_cache_and_sets_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = build_case(tmp_path / "c.chatsafe", SPEC, monkeypatch)
    signer = signing.load_p12(make_certs(tmp_path / "certs").p12, SIGNING_PASSPHRASE)
    before = _pragmas(case.conn)
    assert before == (-65536, 2)
    seen: list[tuple[int, int]] = []
    real = payload.iter_print_rows

    def reading(c: Any, conv: payload.LeavingConversation) -> Any:
        seen.append(_pragmas(c))
        return real(c, conv)

    monkeypatch.setattr(payload, "iter_print_rows", reading)
    builder.make_bundle(case, tmp_path / "b.zip", signer, by="Minister", role="minister")
    assert seen == [(-builder.BUNDLE_PAGE_CACHE_MIB * 1024, 2)] * 2
    assert _pragmas(case.conn) == before
    # A bundle that stops half way sets it back too.
    with pytest.raises(CancelledError):
        builder.make_bundle(
            case, tmp_path / "c.zip", signer, by="Minister", role="minister",
            progress=lambda *a: seen.append(_pragmas(case.conn)),
            cancelled=lambda: len(seen) > 3,
        )  # fmt: skip
    assert seen[-1][0] == -builder.BUNDLE_PAGE_CACHE_MIB * 1024
    assert _pragmas(case.conn) == before
    assert not (tmp_path / "c.zip").exists()
    case.close()
