"""With no in-scope period, ticking From or To starts at the case's first or last day,
not at today (which hid every message; issue 14)."""

from __future__ import annotations

from chatsafe.review.labels import Role


def test_date_filter_starts_at_the_cases_days(make_window, case) -> None:  # type: ignore[no-untyped-def]
    assert case.settings().get("period_start") is None
    window = make_window("Ada", Role.ASSISTANT)
    rows = window.conv_model.rowCount()
    assert rows > 0
    firsts = [window.conv_model.conversation(i).first for i in range(rows)]
    lasts = [window.conv_model.conversation(i).last for i in range(rows)]
    bar = window.date_bar
    bar.use_from.setChecked(True)
    bar.use_to.setChecked(True)
    assert bar.range() == (min(f for f in firsts if f)[:10], max(x for x in lasts if x)[:10])
    assert window.msg_model.rowCount() > 0  # nothing hidden
