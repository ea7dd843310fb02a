"""Contact rules: "everything with this person is private" (or party-political).

A rule marks every one-to-one conversation with that contact, now and in every later
import. Group conversations are left to the reviewer: one private contact in a working
group does not make the group private. A rule never overrides a conversation mark that
a person made by hand.
"""

from __future__ import annotations

from typing import Any

from chatsafe.domain import Label
from chatsafe.review import labels, log
from chatsafe.review.labels import ReviewError, Role
from chatsafe.store.case import now_iso


def add_contact_rule(
    c: Any, contact: str, label: Label, *, by: str, role: Role, reason: str | None = None
) -> int:
    """Keep a contact rule in the case and apply it to what is there. Returns how many
    conversations it marked."""
    contact = contact.strip()
    if not contact:
        raise ReviewError("a contact rule needs a name or number")
    c.execute(
        "INSERT INTO rules(kind, value, label, reason, by_name, by_role, at)"
        " VALUES('contact', ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, value) DO UPDATE SET"
        " label = excluded.label, reason = excluded.reason, by_name = excluded.by_name,"
        " by_role = excluded.by_role, at = excluded.at",
        (contact, label.value, reason, by, role.value, now_iso()),
    )
    log.append(
        c,
        actor=by,
        role=role.value,
        action="rule",
        target="contact-rule",
        new={"label": label.value},
        reason=reason,
    )
    ids = [int(r[0]) for r in c.execute("SELECT id FROM conversations")]
    return apply_to_conversations(c, ids)


def remove_contact_rule(c: Any, contact: str, *, by: str, role: Role) -> None:
    c.execute("DELETE FROM rules WHERE kind = 'contact' AND value = ?", (contact.strip(),))
    log.append(c, actor=by, role=role.value, action="rule-removed", target="contact-rule")


def list_rules(c: Any) -> list[dict[str, Any]]:
    return [
        {"kind": r[0], "value": r[1], "label": r[2], "reason": r[3], "by": r[4], "role": r[5]}
        for r in c.execute(
            "SELECT kind, value, label, reason, by_name, by_role FROM rules ORDER BY id"
        )
    ]


def _others(c: Any, conversation_id: int) -> list[str]:
    return [
        str(r[0])
        for r in c.execute(
            "SELECT name FROM participants WHERE conversation_id = ? AND is_owner = 0",
            (conversation_id,),
        )
    ]


def apply_to_conversations(c: Any, conversation_ids: list[int]) -> int:
    """Apply every contact rule to these conversations (one-to-one, unmarked ones only)."""
    rules = list(
        c.execute("SELECT value, label, reason, by_name, by_role FROM rules WHERE kind='contact'")
    )
    if not rules:
        return 0
    marked = 0
    for conv_id in conversation_ids:
        group = c.execute("SELECT is_group FROM conversations WHERE id = ?", (conv_id,)).fetchone()
        if group is None or group[0]:
            continue
        others = _others(c, conv_id)
        if len(others) != 1:
            continue
        if c.execute(
            "SELECT 1 FROM conversation_labels WHERE conversation_id = ?", (conv_id,)
        ).fetchone():
            continue
        for value, label, reason, by, role in rules:
            if _matches(value, others[0]):
                labels.label_conversation(
                    c,
                    conv_id,
                    Label(label),
                    by=str(by),
                    role=Role(role),
                    reason=reason or f"contact rule ({label})",
                )
                marked += 1
                break
    return marked


def _matches(rule_value: str, name: str) -> bool:
    def norm(s: str) -> str:
        s = s.strip().casefold()
        digits = "".join(ch for ch in s if ch.isdigit())
        # Phone numbers: compare the last nine digits (+31 6… and 06… are the same number).
        return digits[-9:] if len(digits) >= 9 and len(digits) >= len(s) - 4 else s

    return norm(rule_value) == norm(name)
