"""Phone numbers as conversation keys: one spelling for one number.

Phones write the same number in many ways: ``+31 6 1234 5678``, ``+31612345678``,
``0031612345678``, ``06-12345678``. A conversation must not split in two because of
that, so keys use one normal form:

- spaces, dashes, dots, slashes and brackets are dropped;
- a leading ``00`` becomes ``+`` (the international call prefix);
- a number with a single leading ``0`` (a national number, such as ``06…``) gets the
  default country code in place of that ``0``. chatsafe serves Dutch ministers, so the
  default is ``31``; the import context may name another (``ctx.extra["country_code"]``).
  A national number is only rewritten when it has 9 or more digits after the ``0``:
  short codes (``0900…`` service numbers have fewer digits) and alphanumeric senders
  (``KPN``, ``ING``) are left alone, only lower-cased, so they cannot collide with a
  person's number.
- e-mail addresses (iMessage, RCS) are lower-cased.

This is deliberately not a full numbering-plan library: it makes the spellings that
occur on one phone agree, and leaves everything it does not understand as written.
"""

from __future__ import annotations

import re

DEFAULT_COUNTRY_CODE = "31"
_SEPARATORS = re.compile(r"[\s\-./()\u00a0\u202f\u200e\u200f\u202a-\u202e]")
_DIGITS = re.compile(r"\+?\d+")


def normalise_number(raw: str, country_code: str = DEFAULT_COUNTRY_CODE) -> str:
    """The normal form of a phone number or address (see the module docstring)."""
    text = raw.strip()
    if "@" in text:
        return text.lower()
    compact = _SEPARATORS.sub("", text)
    if not _DIGITS.fullmatch(compact):
        return compact.lower() if compact else text
    if compact.startswith("00"):
        return "+" + compact[2:]
    if compact.startswith("0") and not compact.startswith("00") and len(compact) >= 10:
        return f"+{country_code}{compact[1:]}"
    return compact


def split_addresses(raw: str | None) -> list[str]:
    """The addresses in an SMS ``address`` attribute: ``a~b`` marks a group."""
    if raw is None or raw.strip() in ("", "null"):
        return []
    return [part.strip() for part in raw.split("~") if part.strip() and part.strip() != "null"]
