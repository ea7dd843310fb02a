"""The transcript PDF's line breaking: greedy, at spaces, from prefix sums of the
characters' or the words' widths (used by chatsafe/bundle/transcript_layout.py)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from chatsafe.bundle.pdf_fonts import RTL

Style = tuple[str, float]  # (style, size) of the main font


class LineBreaker:
    """Lines of a text at a width, in a style. ``widths`` holds each style's character
    widths measured so far; ``table(text)`` measures ``text``'s characters in the
    current style and returns that style's table."""

    def __init__(
        self,
        widths: dict[Style, dict[str, float]],
        table: Callable[[str], dict[str, float]],
    ) -> None:
        self._widths = widths
        self._table = table
        # Per style: the widths of the words measured so far, a space after each (_words).
        self._word_widths: dict[Style, dict[str, float]] = {}

    def wrap(self, text: str, width: float, style: Style) -> list[str]:
        """Greedy line breaks at spaces; a word longer than a line is cut.

        Widths are prefix sums and the break is found by bisection (both in C): a long
        message costs a few calls per line, not a few per word. The sums are per word
        (``_words``) where that gives the same lines, else per character.
        """
        lines: list[str] = []
        table = self._widths.setdefault(style, {})
        for para in text.split("\n"):
            if "  " not in para and para[:1] != " " and para[-1:] != " ":
                if self._words(para, width, style, lines):
                    continue
            try:
                cum = list(itertools.accumulate(map(table.__getitem__, para)))
            except KeyError:
                cum = list(itertools.accumulate(map(self._table(para).__getitem__, para)))
            if not cum or cum[-1] <= width:  # most chat messages fit on one line
                lines.append(para)
                continue
            limit = self._limit(para, width)
            start, end = 0, len(para)
            while start < end:
                if start and para[start] == " ":  # a line does not start with the break's spaces
                    start += 1
                    continue
                base = cum[start - 1] if start else 0.0
                fit = bisect.bisect_right(cum, base + limit, start, end)
                if fit >= end:
                    lines.append(para[start:])
                    break
                space = para.rfind(" ", start, fit + 1)
                if space > start:
                    lines.append(para[start:space])
                    start = space + 1
                else:  # no space to break at: cut the word (at least one character)
                    cut = max(fit, start + 1)
                    lines.append(para[start:cut])
                    start = cut
        return lines

    @staticmethod
    def _limit(para: str, width: float) -> float:
        # Shaped Arabic may be a little wider than its letters' isolated forms.
        return width * 0.95 if not para.isascii() and RTL.search(para) else width

    def _words(self, para: str, width: float, style: Style, lines: list[str]) -> bool:
        """``para`` (words between single spaces) broken as the per-character sums
        would break it, from each word's width (kept per style: words repeat); False,
        adding nothing, when a word alone is wider than a line (it must be cut)."""
        words = para.split(" ")
        # Per style: each word's width with a space after it, as the sums below want.
        known = self._word_widths.get(style)
        if known is None:
            known = self._word_widths[style] = {}
        try:
            # cum[j]: the width of the first j words, each with a space after it.
            cum = list(itertools.accumulate(map(known.__getitem__, words), initial=0.0))
        except KeyError:
            if len(known) > 200_000:
                known.clear()
            table = self._table(para + " ")
            space = table[" "]
            for w in words:
                if w not in known:
                    known[w] = sum(map(table.__getitem__, w)) + space
            cum = list(itertools.accumulate(map(known.__getitem__, words), initial=0.0))
        space = self._widths[style][" "]
        if cum[-1] - space <= width:
            lines.append(para)
            return True
        limit = self._limit(para, width)
        out: list[str] = []
        first, count = 0, len(words)
        while first < count:
            # The last word j with cum[j + 1] - cum[first] - space <= limit.
            last = bisect.bisect_right(cum, cum[first] + limit + space, first + 1) - 1
            if last <= first:  # word ``first`` alone is too wide
                return False
            out.append(" ".join(words[first:last]))
            first = last
        lines.extend(out)
        return True
