"""The case settings IT support configures, and their validation.

chatsafe never guesses the archival ones (organisation, appraisal, retention,
information category): the bundle refuses to be made while they are missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from chatsafe.errors import SettingsError


@dataclass(frozen=True)
class SettingSpec:
    key: str
    description: str
    required_for_bundle: bool = False


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("organisation", "the archive creator (e.g. Ministerie van BZK)", True),
        SettingSpec("appraisal", "MDTO waardering: B (bewaren), V (vernietigen) or N", True),
        SettingSpec("retention", "retention period, e.g. 'permanent' or a number of years", True),
        SettingSpec("information_category", "information category (informatiecategorie)", True),
        SettingSpec("owner", "the owner's name as it appears in the exports"),
        SettingSpec("time_zone", "the time zone of wall-clock times (default Europe/Amsterdam)"),
        SettingSpec("period_start", "first day in scope (YYYY-MM-DD)"),
        SettingSpec("period_end", "last day in scope (YYYY-MM-DD)"),
    )
}


def validate(key: str, value: str) -> str:
    """Check one setting; returns the value to store (normalised)."""
    if key not in SPECS:
        raise SettingsError(f"unknown setting {key!r}; settings are: {', '.join(SPECS)}")
    value = value.strip()
    if key == "appraisal":
        value = value.upper()
        if value not in ("B", "V", "N"):
            raise SettingsError("appraisal must be B (bewaren), V (vernietigen) or N")
    elif key == "time_zone":
        from chatsafe.ingest import zone

        zone(value)
    elif key in ("period_start", "period_end"):
        try:
            value = date.fromisoformat(value).isoformat()
        except ValueError:
            raise SettingsError(f"{key} must be a date as YYYY-MM-DD, not {value!r}") from None
    elif not value:
        raise SettingsError(f"{key} cannot be empty")
    return value


def check_period(settings: dict[str, str]) -> None:
    start, end = settings.get("period_start"), settings.get("period_end")
    if start and end and start > end:
        raise SettingsError("period_start is after period_end")


def apply(
    case: Any, pairs: Mapping[str, str | None], *, by: str | None = None, role: str = "it"
) -> int:
    """Validate and store settings in one transaction (and log who changed what).

    A value of ``None`` removes the setting (an open end of the period). Returns how
    many settings changed.
    """
    from chatsafe.review import log

    clean = {k: None if v is None else validate(k, v) for k, v in pairs.items()}
    merged = {**case.settings(), **clean}
    check_period({k: v for k, v in merged.items() if v is not None})
    changed = 0
    with case.transaction() as c:
        for k, v in clean.items():
            old = case.get_setting(k)
            if old == v:
                continue
            case.put_setting(c, k, v)
            changed += 1
            log.append(
                c,
                actor=by or "unknown",
                role=role,
                action="setting",
                target=f"setting:{k}",
                old=old,
                new=v,
            )
    return changed


def missing_for_bundle(settings: dict[str, str]) -> list[str]:
    return [k for k, s in SPECS.items() if s.required_for_bundle and not settings.get(k)]
