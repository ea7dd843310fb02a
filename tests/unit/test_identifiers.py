"""Stable identifiers: the same inputs give the same URN, different inputs never collide."""

import re
import uuid

from chatsafe import identifiers

URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_identifiers_are_stable_valid_urns_and_distinct() -> None:
    case = uuid.UUID("12345678-1234-4234-9234-123456789abc")
    other = uuid.UUID("87654321-1234-4234-9234-123456789abc")
    conv = identifiers.conversation_urn(case, "whatsapp", "Werkgroep")
    msg = identifiers.message_urn(case, bytes(range(16)))
    assert URN.match(conv) and URN.match(msg)
    assert conv == identifiers.conversation_urn(case, "whatsapp", "Werkgroep")
    assert conv != identifiers.conversation_urn(other, "whatsapp", "Werkgroep")
    assert conv != identifiers.conversation_urn(case, "telegram", "Werkgroep")
    # The parts are kept apart: ("a", "bc") and ("ab", "c") are different conversations.
    assert identifiers.conversation_urn(case, "a", "bc") != identifiers.conversation_urn(
        case, "ab", "c"
    )
    assert msg != identifiers.message_urn(case, bytes(16))
    assert identifiers.case_urn(case) == f"urn:uuid:{case}"
    assert identifiers.named_urn(case, "exclusions") != identifiers.named_urn(case, "review-log")


def test_participant_urns_are_stable_and_apart_from_other_objects() -> None:
    case = uuid.UUID("12345678-1234-4234-9234-123456789abc")
    jan = identifiers.participant_urn(case, "Jan de Vries")
    assert URN.match(jan) and jan == identifiers.participant_urn(case, "Jan de Vries")
    assert jan != identifiers.participant_urn(case, "Jan de  Vries")
    assert jan != identifiers.named_urn(case, "Jan de Vries")
