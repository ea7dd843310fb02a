"""The Dutch app speaks the minister's words: no "sleutelbos" jargon (issue 14)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from chatsafe.gui import i18n

# "vertrekt"/"vertrekken" (messages "departing") was jargon for "gaat naar het archief" (issue 14).
JARGON = ("sleutelbos", "vertrek")


def test_no_jargon_in_dutch_translations() -> None:
    root = ET.parse(i18n.TS_DIR / "chatsafe_nl.ts").getroot()
    texts = ["".join(t.itertext()) for t in root.iter("translation")]
    assert len(texts) > 100
    found = [t for t in texts for word in JARGON if word in t.lower()]
    assert found == []
