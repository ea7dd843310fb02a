"""Keyword lexicons: words that *suggest* a label. A suggestion is never a decision.

Each case keeps its own editable copy in ``lexicon_terms``, seeded once from the
resource files (``resources/lexicons/<lang>.txt``, packaged as ``chatsafe/data/lexicons``).
A term matches whole words, case-insensitively; a trailing ``*`` matches any word that
starts with it. Changes to a case's lexicon go into the review log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatsafe.domain import Label
from chatsafe.review import log
from chatsafe.review.labels import ReviewError, Role

SUGGESTING = (Label.PRIVATE, Label.PARTY_POLITICAL)


def resource_dirs() -> list[Path]:
    """Where lexicon files live: the installed package's data, then a source checkout."""
    here = Path(__file__).resolve().parent.parent
    return [here / "data" / "lexicons", here.parent / "resources" / "lexicons"]


def resource_file(lang: str) -> Path | None:
    for folder in resource_dirs():
        path = folder / f"{lang}.txt"
        if path.is_file():
            return path
    return None


def parse_lexicon(text: str) -> list[tuple[str, Label]]:
    """``[label]`` sections of one term per line; ``#`` starts a comment line."""
    out: list[tuple[str, Label]] = []
    label: Label | None = None
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            label = Label(line[1:-1].strip())
            if label not in SUGGESTING:
                raise ValueError(f"a lexicon cannot suggest {label.value}")
            continue
        if label is None:
            raise ValueError(f"term {line!r} before any [label] section")
        out.append((line, label))
    return out


def seed(c: Any, lang: str = "nl") -> int:
    """Copy the resource lexicon into the case, once. Returns how many terms were added.

    Seeding is remembered in ``meta`` so that a reviewer who removes terms does not see
    them come back.
    """
    key = f"lexicon_seeded:{lang}"
    if c.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone():
        return 0
    path = resource_file(lang)
    added = 0
    if path is not None:
        for term, label in parse_lexicon(path.read_text(encoding="utf-8")):
            added += c.execute(
                "INSERT OR IGNORE INTO lexicon_terms(lexicon, term, label) VALUES(?, ?, ?)",
                (lang, term, label.value),
            ).rowcount
    c.execute("INSERT INTO meta(key, value) VALUES(?, ?)", (key, str(added)))
    return added


@dataclass(frozen=True)
class Term:
    id: int
    lexicon: str
    term: str
    label: Label


def terms(c: Any) -> list[Term]:
    return [
        Term(int(r[0]), str(r[1]), str(r[2]), Label(r[3]))
        for r in c.execute(
            "SELECT id, lexicon, term, label FROM lexicon_terms ORDER BY label, term"
        )
    ]


def add_term(c: Any, lexicon: str, term: str, label: Label, *, by: str, role: Role) -> int:
    term = term.strip()
    if not term:
        raise ReviewError("a lexicon term cannot be empty")
    if label not in SUGGESTING:
        raise ReviewError("a lexicon term suggests private or party-political")
    c.execute(
        "INSERT INTO lexicon_terms(lexicon, term, label) VALUES(?, ?, ?)"
        " ON CONFLICT(lexicon, term) DO UPDATE SET label = excluded.label",
        (lexicon, term, label.value),
    )
    row = c.execute(
        "SELECT id FROM lexicon_terms WHERE lexicon = ? AND term = ?", (lexicon, term)
    ).fetchone()
    log.append(
        c,
        actor=by,
        role=role.value,
        action="lexicon-add",
        target=f"lexicon:{lexicon}",
        new={"term": term, "label": label.value},
    )
    return int(row[0])


def conversations_with(c: Any, term: str) -> frozenset[int]:
    """The conversations whose messages hold ``term`` (a trailing ``*`` matches words
    that start with it), through the full-text index: where a new term now suggests."""
    from chatsafe.review.search import fts_query

    query = fts_query(term.rstrip("*"))
    if query is None:
        return frozenset()
    if not term.endswith("*"):
        query = query.removesuffix("*")  # a whole word, as the matcher reads it
    return frozenset(
        int(r[0])
        for r in c.execute(
            "SELECT DISTINCT m.conversation_id FROM message_fts f"
            " JOIN messages m ON m.id = f.rowid WHERE message_fts MATCH ?",
            (query,),
        )
    )


def remove_term(c: Any, term_id: int, *, by: str, role: Role) -> None:
    row = c.execute("SELECT lexicon, term, label FROM lexicon_terms WHERE id = ?", (term_id,))
    found = row.fetchone()
    if found is None:
        return
    c.execute("DELETE FROM lexicon_terms WHERE id = ?", (term_id,))
    log.append(
        c,
        actor=by,
        role=role.value,
        action="lexicon-remove",
        target=f"lexicon:{found[0]}",
        old={"term": found[1], "label": found[2]},
    )


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: Label


class Matcher:
    """Finds lexicon terms in text. Build once per change of the lexicon."""

    def __init__(self, entries: list[tuple[str, Label]]) -> None:
        self._labels: dict[str, Label] = {}
        parts: list[str] = []
        # Longest first, so "partij voor de dieren" wins over a shorter overlapping term.
        for term, label in sorted(entries, key=lambda e: -len(e[0])):
            prefix = term.endswith("*")
            body = term.rstrip("*").strip().lower()
            if not body:
                continue
            pattern = re.escape(body).replace(r"\ ", r"\s+")
            pattern += r"\w*" if prefix else r"(?!\w)"
            name = f"t{len(parts)}"
            self._labels[name] = label
            parts.append(f"(?P<{name}>{pattern})")
        joined = r"(?<!\w)(?:" + "|".join(parts) + ")"
        self._re = re.compile(joined, re.IGNORECASE) if parts else None

    @classmethod
    def from_case(cls, c: Any) -> Matcher:
        return cls([(t.term, t.label) for t in terms(c)])

    def matches(self, text: str) -> list[Match]:
        if self._re is None or not text:
            return []
        # Match the text itself (IGNORECASE) so offsets stay valid for highlighting.
        return [
            Match(m.start(), m.end(), self._labels[m.lastgroup or ""])
            for m in self._re.finditer(text)
        ]

    def suggestion(self, text: str) -> Label | None:
        """The label most matches point to (private on a tie), or None."""
        found = self.matches(text)
        if not found:
            return None
        n_private = sum(1 for m in found if m.label is Label.PRIVATE)
        return Label.PRIVATE if n_private * 2 >= len(found) else Label.PARTY_POLITICAL
