"""The report ``chatsafe verify`` prints: checks grouped by what they decide.

Five questions, answered separately (and as separate JSON fields): is every byte as it
was sealed (integrity), does the signature hold (signature), does the signer chain to an
anchor the archive trusts (trust), when was it signed (timestamp), and who approved
what left (approval). "All checks hold" needs all of them; an intact bundle whose
signer nobody vouches for is "not trusted", and verify exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AREAS = ("integrity", "signature", "trust", "timestamp", "approval")


@dataclass
class Check:
    name: str
    area: str = "integrity"
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Report:
    file: str
    checks: list[Check] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    # Per area, what a person or a script needs beside ok/problems (names, times).
    facts: dict[str, dict[str, Any]] = field(default_factory=lambda: {a: {} for a in AREAS})

    def check(self, name: str, area: str = "integrity") -> Check:
        c = Check(name, area)
        self.checks.append(c)
        return c

    def area_ok(self, area: str) -> bool:
        checks = [c for c in self.checks if c.area == area]
        if area in ("signature", "trust") and not checks:
            return False  # never "holds" for lack of looking
        return all(c.ok for c in checks)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(self.area_ok(a) for a in AREAS)

    @property
    def verdict(self) -> str:
        if self.ok:
            return "valid"
        if all(self.area_ok(a) for a in AREAS if a != "trust"):
            return "not trusted"
        return "not valid"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file,
            "ok": self.ok,
            "verdict": self.verdict,
            "info": self.info,
            "checks": [
                {
                    "name": c.name,
                    "area": c.area,
                    "ok": c.ok,
                    "skipped": c.skipped,
                    "problems": c.problems,
                    "notes": c.notes,
                }
                for c in self.checks
            ],
        }
        for area in AREAS:
            out[area] = {
                "ok": self.area_ok(area),
                "problems": [p for c in self.checks if c.area == area for p in c.problems],
                **self.facts[area],
            }
        return out

    def text(self) -> str:
        lines = [f"Bundle {self.file}"]
        for k, v in self.info.items():
            lines.append(f"  {k}: {v}")
        for c in self.checks:
            mark = "SKIP" if c.skipped else ("ok  " if c.ok else "FAIL")
            lines.append(f"[{mark}] {c.name}")
            lines += [f"       - {p}" for p in c.problems]
            lines += [f"         {n}" for n in c.notes]
        verdict = self.verdict
        if verdict == "valid":
            lines.append("Verdict: all checks hold")
        elif verdict == "not trusted":
            lines.append(
                "Verdict: NOT TRUSTED: the bundle is intact, but its signer is not trusted "
                "("
                + "; ".join(p for c in self.checks if c.area == "trust" for p in c.problems)
                + ")"
            )
        else:
            lines.append("Verdict: NOT VALID")
        return "\n".join(lines)
