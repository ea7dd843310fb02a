"""The transcript PDF's right-to-left lines: their runs in visual order, and where a
line's left-to-right tail starts, which the bidirectional algorithm need not see.

Used by chatsafe/bundle/transcript_layout.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any


def runs_in_visual_order(chars: Iterable[Any]) -> list[tuple[bool, list[Any]]]:
    """Bidi characters in visual order, cut into runs of one direction whose characters
    were typed one after the other (a number inside right-to-left text is its own run)."""
    runs: list[tuple[bool, list[Any]]] = []
    for c in chars:
        rtl = c.get_direction_from_level() == "R"
        if runs and runs[-1][0] == rtl:
            last = runs[-1][1][-1].character_index
            if c.character_index == last + (-1 if rtl else 1):
                runs[-1][1].append(c)
                continue
        runs.append((rtl, [c]))
    return runs


def ltr_tail(line: str) -> int:
    """Where the left-to-right tail of ``line`` starts (``len(line)`` when none).

    In a left-to-right paragraph, a tail that starts with a strong left-to-right
    character and holds only letters, European digits and their separators, spaces and
    neutral signs (no brackets or other mirrored signs, no embeddings, no marks) is at
    level 0 and changes nothing before it: the bidirectional algorithm runs on the rest.
    tests/unit/test_pdf_subsets.py checks the order is the same as for the whole line.
    """
    cls = _classes(line)
    if _OTHER in cls and _EXPLICIT.search(line):
        return len(line)
    start = cls.find("L", len(cls.rstrip(_TAIL)))
    return len(line) if start < 0 else start


_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")


# The fast resolver. fpdf2's BidiParagraph (pure Python, a few objects and calls per
# character: ~0.3 ms a line) stays the reference; ``visual_runs`` gives exactly its
# order (tests/unit/test_bidi_fast.py compares them on thousands of generated lines)
# for the lines chat text has: no explicit embeddings, overrides or isolates, no
# paragraph or segment separators. Each character becomes one letter of a class string
# (``str.translate``, in C), and the rules of UAX #9 as fpdf2 applies them work on
# runs of that string with regular expressions, a few Python operations per run.
# fpdf2 keeps boundary-neutral characters (ZWJ...) in place as "b" (it is called with
# preserve_bn_chars), so they separate what they stand between; so do they here.
_LETTER = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "+", "ET": "$", "AN": "N", "CS": ",",
    "NSM": "m", "BN": "b", "WS": "_", "ON": "o",
}  # fmt: skip
_OPEN, _CLOSE, _OTHER = "(", ")", "!"  # paired brackets (ON); anything else: fpdf2
_MIRRORED = "M"  # another mirrored sign (ON), which a left-to-right tail may not hold
# The classes of a left-to-right tail (ltr_tail): after a strong left-to-right
# character they resolve to the paragraph's level (0) whatever comes before them.
_TAIL = "LE+$,_o"


class _Classes(dict[int, str]):
    """Code point -> class letter, filled on first use (``str.translate`` asks)."""

    def __missing__(self, code: int) -> str:
        from fpdf.bidi import BIDI_BRACKETS

        ch = chr(code)
        cls = unicodedata.bidirectional(ch)
        if cls == "ON" and ch in BIDI_BRACKETS:
            letter = _OPEN if BIDI_BRACKETS[ch]["type"] == "o" else _CLOSE
        elif cls == "ON" and unicodedata.mirrored(ch):
            letter = _MIRRORED
        else:
            letter = _LETTER.get(cls, _OTHER)
        self[code] = letter
        return letter


_CLASSES = _Classes()
_MAX_OPEN = 63  # fpdf2 (BD16) pairs no brackets at all in a run with this many open
# After the rules, the class letters are levels: L and boundary neutrals 0, R 1,
# numbers 2, neutrals 0 unless resolved to R ("r", N1).
_LEVEL = str.maketrans("LbRENo_r", "00122001")
# W6, and the brackets and other mirrored signs, which the weak rules treat as any
# other neutral (ON) and N0 finds by place.
_WEAK_SIGNS = str.maketrans("$+,()M", "oooooo")
_R_NEUTRAL = str.maketrans("o_", "rr")
_NSM_START = re.compile("^m+")
_NSM = re.compile("(.)(m+)")
_EN_AFTER_AL = re.compile("A[^LRAE]*E[^LRA]*")  # from the last AL before an EN on
_EN_SEP = re.compile("(?<=E)[+,](?=E)")
_AN_SEP = re.compile("(?<=N),(?=N)")
_ET = re.compile(r"\$+(?=E)|(?<=E)\$+")
_EN_AFTER_L = re.compile("(?:^|(?<=L))[^LRE]*E[^LR]*")  # from sos or an L to an EN on
_SPACE_IN_R = re.compile("(?<=[REN])[o_](?=[REN])")
_NEUTRALS_IN_R = re.compile("(?<=[REN])[o_b]+(?=[REN])")
_SAME_LEVEL = re.compile("0+|1+|2+")
_LEVELS_0_1 = re.compile("0+|1+")
_PAIRABLE = re.compile(r"\(.*\)")


def _strong_before(cls: str, i: int) -> str:
    """The strong direction before ``i`` for the neutral rules (sos is L)."""
    before = cls[:i].rstrip("o_b")
    return "L" if not before or before[-1] == "L" else "R"


def _pairs(line: str, cls: str) -> list[tuple[int, int]]:
    """The bracket pairs as fpdf2 finds them (BD16, with its 63-opener limit)."""
    from fpdf.bidi import BIDI_BRACKETS

    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in re.finditer("[()]", cls):
        i = m.start()
        ch = line[i]
        if m[0] == _OPEN:
            if len(stack) >= _MAX_OPEN:
                return []
            stack.append((ch, i))
            continue
        for depth in range(len(stack), 0, -1):
            opener, at = stack[depth - 1]
            pair = BIDI_BRACKETS[opener]["pair"]
            if pair == ch or (pair in ("〉", "〉") and ch in ("〉", "〉")):
                pairs.append((at, i))
                del stack[depth - 1 :]
                break
    return sorted(pairs)


def _levels(line: str, cls: str) -> str | None:
    """Each character's resolved level ('0', '1' or '2') as fpdf2's BidiParagraph gives
    it for a left-to-right paragraph, or None when the line needs fpdf2 itself.

    There are no explicit levels, so the line is one isolating run at level 0 (sos and
    eos L). The rules run in fpdf2's order, W1 to W7, N0, N1 and N2, I1, L1; each
    regular expression matches only where its rule changes something."""
    if _OTHER in cls:
        return None
    orig = cls
    pairs = _pairs(line, cls) if _PAIRABLE.search(cls) else []
    if "m" in cls:  # W1: a mark takes the class before it (sos, L, at the start)
        cls = _NSM_START.sub(lambda m: "L" * len(m[0]), cls)
        cls = _NSM.sub(lambda m: m[1] * len(m[0]), cls)
    if "A" in cls:  # W2: a European number after Arabic letters is an Arabic one; W3
        if "E" in cls:
            cls = _EN_AFTER_AL.sub(lambda m: m[0].replace("E", "N"), cls)
        cls = cls.replace("A", "R")
    if "+" in cls or "," in cls:  # W4: a separator between two numbers of one kind
        cls = _AN_SEP.sub("N", _EN_SEP.sub("E", cls))
    if "$" in cls:  # W5: terminators next to a European number
        cls = _ET.sub(lambda m: "E" * len(m[0]), cls)
    cls = cls.translate(_WEAK_SIGNS)  # W6
    if "E" in cls:  # W7: a European number after L (or sos) is L
        cls = _EN_AFTER_L.sub(lambda m: m[0].replace("E", "L"), cls)
    for start, end in pairs:  # N0, pair by pair in order of their openers, as fpdf2
        inside = cls[start:end]
        if "L" in inside:
            direction = "L"
        elif "R" in inside or "E" in inside or "N" in inside:
            direction = _strong_before(cls, start)
        else:
            continue
        after = end + 1
        follows = after < len(cls) and orig[after] == "m" and cls[after] == "o"
        cls = (
            cls[:start] + direction + cls[start + 1 : end] + direction
            + (direction if follows else cls[after : after + 1]) + cls[after + 1 :]
        )  # fmt: skip
    # N1, N2: neutrals between two right-to-left sides (numbers count) are R, all others
    # take the embedding's direction, L (sos and eos are L); boundary neutrals stay 0.
    if "o" in cls or "_" in cls:
        cls = _SPACE_IN_R.sub("r", cls)  # most: one space between two words
        cls = _NEUTRALS_IN_R.sub(lambda m: m[0].translate(_R_NEUTRAL), cls)
    levels = cls.translate(_LEVEL)  # I1: R one up, numbers two
    trailing = len(orig) - len(orig.rstrip("_b"))  # L1: trailing spaces at the base level
    return levels[: len(levels) - trailing] + "0" * trailing if trailing else levels


_last: tuple[str, str] = ("", "")


def _classes(line: str) -> str:
    """The class letters of ``line`` (the last line's kept: ltr_tail asks first)."""
    global _last
    if _last[0] != line:
        _last = (line, line.translate(_CLASSES))
    return _last[1]


def visual_runs(line: str) -> list[tuple[bool, int, int]]:
    """``line`` as fpdf2's bidirectional algorithm orders it in a left-to-right
    paragraph: runs (right to left?, start, end) in visual order, each of one direction
    and typed one after the other, as ``runs_in_visual_order`` cuts them."""
    return _visual_runs(line, _classes(line))


def _visual_runs(line: str, cls: str) -> list[tuple[bool, int, int]]:
    levels = _levels(line, cls)
    if levels is None:
        return _fpdf2_runs(line)
    if "2" not in levels:  # no numbers in right-to-left text: nothing moves but letters
        return [(m[0][0] == "1", m.start(), m.end()) for m in _LEVELS_0_1.finditer(levels)]
    runs = [(int(m[0][0]), m.start(), m.end()) for m in _SAME_LEVEL.finditer(levels)]
    for level in (2, 1):  # L2: reverse every sequence at this level or higher
        out: list[tuple[int, int, int]] = []
        high: list[tuple[int, int, int]] = []
        for run in runs:
            if run[0] >= level:
                high.append(run)
                continue
            out.extend(reversed(high))
            high = []
            out.append(run)
        out.extend(reversed(high))
        runs = out
    merged: list[tuple[bool, int, int]] = []
    for level, start, end in runs:
        rtl = bool(level % 2)
        if merged and merged[-1][0] == rtl:
            last = merged[-1]
            if not rtl and last[2] == start:
                merged[-1] = (False, last[1], end)
                continue
            if rtl and end == last[1]:
                merged[-1] = (True, start, last[2])
                continue
        merged.append((rtl, start, end))
    return merged


def _fpdf2_runs(line: str) -> list[tuple[bool, int, int]]:
    """``visual_runs`` by fpdf2's BidiParagraph itself (explicit controls, separators)."""
    from fpdf.bidi import BidiParagraph
    from fpdf.enums import TextDirection

    if not line:
        return []
    para = BidiParagraph(line, TextDirection.LTR, preserve_bn_chars=True)
    out: list[tuple[bool, int, int]] = []
    for rtl, chars in runs_in_visual_order(para.get_reordered_characters()):
        first, last = chars[0].character_index, chars[-1].character_index
        out.append((rtl, last, first + 1) if rtl else (rtl, first, last + 1))
    return out


def line_runs(line: str) -> list[tuple[bool, int, int]]:
    """``visual_runs`` of ``line``, the algorithm run only up to its left-to-right tail
    (``ltr_tail``), which follows as the last run's end or as a run of its own."""
    cut = ltr_tail(line)
    runs = _visual_runs(line[:cut], _classes(line)[:cut])
    if cut < len(line):
        if runs and not runs[-1][0] and runs[-1][2] == cut:
            runs[-1] = (False, runs[-1][1], len(line))
        else:
            runs.append((False, cut, len(line)))
    return runs
