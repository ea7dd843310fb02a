"""Phone numbers as conversation keys: one spelling for one number.

Phones write the same number in many ways: ``+31 6 1234 5678``, ``+31612345678``,
``0031612345678``, ``06-12345678``, and abroad ``+1 493 839 4898``, ``1 493 839 4898``,
``4938394898``. A conversation must not split in two (or three) because of that, so keys
are the number in E.164 form, as Google's libphonenumber (the ``phonenumbers`` package)
reads it for the country the phone was used in: a national number (``06…`` in the
Netherlands, ``493…`` in the United States) gets that country's code. The country is
the import's ``--country`` (an ISO 3166 code), else the case's ``country`` setting,
else NL: chatsafe serves Dutch ministers.

What is not a possible phone number is left as written (spaces and separators dropped,
lower-cased): short codes such as ``112`` and alphanumeric senders (``KPN``, ``ING``)
cannot collide with a person's number that way. E-mail addresses (iMessage, RCS) are
lower-cased.
"""

from __future__ import annotations

import re

import phonenumbers

DEFAULT_COUNTRY = "NL"
_SEPARATORS = re.compile(r"[\s\-./()\u00a0\u202f\u200e\u200f\u202a-\u202e]")
_DIGITS = re.compile(r"\+?\d+")


def country_of(value: str | None) -> str:
    """An ISO 3166 region code (``NL``, ``US``) from a code or a calling code (``31``,
    ``+1``); the default when ``value`` is empty. Unknown values raise ValueError."""
    text = (value or "").strip().upper()
    if not text:
        return DEFAULT_COUNTRY
    if text.lstrip("+").isdigit():
        region = phonenumbers.region_code_for_country_code(int(text.lstrip("+")))
        if region == "ZZ":
            raise ValueError(f"no country has the calling code {value!r}")
        return region
    if text not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"{value!r} is not a country code such as NL, BE, DE or US")
    return text


def normalise_number(raw: str, country: str = DEFAULT_COUNTRY) -> str:
    """The normal form of a phone number or address (see the module docstring)."""
    text = raw.strip()
    if "@" in text:
        return text.lower()
    compact = _SEPARATORS.sub("", text)
    if not _DIGITS.fullmatch(compact):
        return compact.lower() if compact else text
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    try:
        number = phonenumbers.parse(compact, country)
    except phonenumbers.NumberParseException:
        return compact
    if not phonenumbers.is_possible_number(number):
        return compact
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def split_addresses(raw: str | None) -> list[str]:
    """The addresses in an SMS ``address`` attribute: ``a~b`` marks a group."""
    if raw is None or raw.strip() in ("", "null"):
        return []
    return [part.strip() for part in raw.split("~") if part.strip() and part.strip() != "null"]
