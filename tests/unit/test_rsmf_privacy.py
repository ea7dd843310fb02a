"""The bundle's privacy property, for RSMF: for random markings of the canary case, the
RSMF files (raw bytes, decoded headers and body, every file in rsmf.zip, the file names)
hold no canary of anything withheld and every canary of what leaves. The expectation is
the bundle privacy test's own, computed from the markings by the rule as the law states
it."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from chatsafe.export.rsmf import export_rsmf
from chatsafe.store import Case
from tests.bundle_support import build_case
from tests.rsmf_support import all_text, read_rsmf, validate
from tests.unit.test_bundle_privacy import apply_marks, expected_presence, markings, spec

_counter = itertools.count()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Case, Path]:
    tmp = tmp_path_factory.mktemp("rsmf-privacy")
    mp = pytest.MonkeyPatch()
    try:
        case = build_case(tmp / "c.chatsafe", spec(), mp)
    finally:
        mp.undo()
    return case, tmp


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(marks=markings)
def test_nothing_withheld_is_in_any_rsmf_byte(
    world: tuple[Case, Path], marks: dict[str, Any]
) -> None:
    case, tmp = world
    apply_marks(case, marks)
    out = tmp / f"r{next(_counter)}"
    export_rsmf(case, out, by="Minister", role="minister")
    texts = ["\n".join(p.name for p in out.iterdir())]
    for f in out.iterdir():
        r = read_rsmf(f)
        validate(r)
        texts.append(all_text(r))
    shutil.rmtree(out)
    blob = "\n".join(texts)
    present = expected_presence(marks)
    wrong = {k: v for k, v in present.items() if (k in blob) != v}
    assert not wrong, f"expected presence differs: {wrong}"
