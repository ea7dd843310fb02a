"""The case settings IT support configures, and their validation.

chatsafe never guesses the archival ones (organisation, appraisal, retention,
information category): the bundle refuses to be made while they are missing.
"""

from __future__ import annotations

import re
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
        SettingSpec(
            "appraisal",
            "MDTO waardering: B (blijvend te bewaren), V (tijdelijk te bewaren) or "
            "N (nader te bepalen)",
            True,
        ),
        SettingSpec(
            "retention",
            "retention: 'permanent' (B, N) or a duration for V, e.g. '10 jaar' or 'P10Y'",
            True,
        ),
        SettingSpec(
            "retention_trigger",
            "V only: the MDTO event that starts the term (e.g. Bevriezing, Overbrenging)",
        ),
        SettingSpec("retention_start", "V only: the date the term starts (YYYY-MM-DD)"),
        SettingSpec("retention_end", "V only: the date the term ends (YYYY-MM-DD)"),
        SettingSpec(
            "information_category",
            "information category (informatiecategorie): its name in the selection list",
            True,
        ),
        SettingSpec(
            "selection_list",
            "the adopted selection list (selectielijst) the information category is from",
        ),
        SettingSpec(
            "information_category_code", "the information category's number in the selection list"
        ),
        SettingSpec(
            "organisation_id",
            "the archive creator's identifier (e.g. its https://organisaties.overheid.nl/ URI)",
        ),
        SettingSpec("language", "the language of the messages (e.g. nl); recorded as MDTO taal"),
        SettingSpec("contact_name", "contact person for the archive (bag-info, pakbon)"),
        SettingSpec("contact_email", "contact e-mail for the archive (bag-info, pakbon)"),
        SettingSpec(
            "target_collection",
            "where the archive places the transfer (pakbon; e.g. the archive's inventory name)",
        ),
        SettingSpec("owner", "the owner's name as it appears in the exports"),
        SettingSpec("time_zone", "the time zone of wall-clock times (default Europe/Amsterdam)"),
        SettingSpec(
            "country",
            "the organisation's country (ISO 3166 code, default NL): national phone numbers"
            " in SMS exports are read as this country's",
        ),
        SettingSpec("period_start", "first day in scope (YYYY-MM-DD)"),
        SettingSpec("period_end", "last day in scope (YYYY-MM-DD)"),
    )
}


# Optional archival settings that may be set to nothing again.
CLEARABLE = frozenset(
    {
        "retention_trigger",
        "retention_start",
        "retention_end",
        "selection_list",
        "information_category_code",
        "organisation_id",
        "language",
        "contact_name",
        "contact_email",
        "target_collection",
    }
)


def validate(key: str, value: str) -> str:
    """Check one setting; returns the value to store (normalised)."""
    if key not in SPECS:
        raise SettingsError(f"unknown setting {key!r}; settings are: {', '.join(SPECS)}")
    value = value.strip()
    if not value and key in CLEARABLE:
        return ""  # an optional archival setting can be cleared (e.g. when V becomes B)
    if key == "appraisal":
        value = value.upper()
        if value not in ("B", "V", "N"):
            raise SettingsError(
                "appraisal must be B (blijvend te bewaren), V (tijdelijk te bewaren) or N (nader te bepalen)"
            )
    elif key == "time_zone":
        from chatsafe.ingest import zone

        zone(value)
    elif key == "retention":
        from chatsafe.bundle.retention import parse_duration

        if not value:
            raise SettingsError("retention cannot be empty")
        parse_duration(value)
    elif key == "retention_trigger":
        from chatsafe.bundle.retention import parse_trigger

        value = parse_trigger(value)
    elif key == "language":
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
            raise SettingsError(f"language must be a language code such as nl or en, not {value!r}")
    elif key == "country":
        from chatsafe.importers.phone_numbers import country_of

        try:
            value = country_of(value)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
    elif key == "contact_email":
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise SettingsError(f"contact_email {value!r} is not an e-mail address")
    elif key in ("period_start", "period_end", "retention_start", "retention_end"):
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
