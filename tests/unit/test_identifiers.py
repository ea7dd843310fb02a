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


def test_urns_are_the_uuid_modules_version_5_uuids() -> None:
    # identifiers._urn makes the name-based UUID itself (for speed): it must be exactly
    # uuid.uuid5 of the case's UUID and the parts joined by NUL, for any text.
    import random

    rnd = random.Random(3)
    alphabet = "abcXYZ019 -_:/.é€😀中\u05d0\u0627\x00"
    for _ in range(3000):
        case = uuid.UUID(int=rnd.getrandbits(128))
        parts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
                 for _ in range(rnd.randint(1, 4))]  # fmt: skip
        expected = f"urn:uuid:{uuid.uuid5(case, chr(0).join(parts))}"
        assert identifiers._urn(case, *parts) == expected
    case = uuid.UUID(int=rnd.getrandbits(128))
    identity = bytes(range(16))
    assert identifiers.message_urn(case, identity) == (
        f"urn:uuid:{uuid.uuid5(case, 'message' + chr(0) + identity.hex())}"
    )
