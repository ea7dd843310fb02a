"""The startup self-check: refuse a Qt binding that corrupts Python's ``None``.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a void
``QPainter`` method. The transcript paints thousands of those a minute, and when
``None``'s count reaches zero the interpreter aborts ("none_dealloc") and the window
vanishes. pyproject.toml excludes that binding, but a user can still install chatsafe into
an environment that has it. So before any window opens the app makes a few hundred void
painter calls on an off-screen image and watches ``None``'s reference count: if it falls,
the app says so in a sentence and does not start. The command line is unaffected (it
paints nothing). Python 3.12+ has an immortal ``None`` and cannot be hurt.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter

Probe = Callable[[], None]

CALLS = 400
"""Painter calls the check makes. A bad binding loses one reference each; a good one keeps
the count or (6.11) gains a few. 400 is far from the thousands that abort."""


@dataclass(frozen=True)
class Verdict:
    ok: bool
    drift: int  # change of sys.getrefcount(None) over the probe
    pyside: str
    python: str

    def message(self) -> str:
        """What the user reads when the check fails (translated)."""
        return QCoreApplication.translate(
            "SelfCheck",
            "chatsafe cannot start its window: the installed Qt for Python (PySide6 {pyside})"
            " has a known defect with Python {python} that makes the app crash after a few"
            " minutes of review.\n\nInstall a PySide6 release below 6.12 (for example with"
            ' pip install "PySide6-Essentials>=6.6,<6.12"), or use Python 3.12 or newer.'
            " The command line (chatsafe import, bundle, verify) keeps working.",
        ).format(pyside=self.pyside, python=self.python)


def paint_probe(calls: int = CALLS) -> None:
    """Make ``calls`` void QPainter calls on an off-screen image."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        pen, brush = QColor("#123456"), QColor("#654321")
        for _ in range(calls // 2):
            painter.setPen(pen)
            painter.setBrush(brush)
    finally:
        painter.end()


def check(probe: Probe = paint_probe) -> Verdict:
    """Run ``probe`` and report whether ``None`` lost references while it ran."""
    before = sys.getrefcount(None)
    probe()
    drift = sys.getrefcount(None) - before
    # A few references may come and go with the interpreter's own bookkeeping; a bad
    # binding loses one per call, so a loss of a quarter of the calls is unmistakable.
    ok = drift > -(CALLS // 4)
    return Verdict(ok, drift, PYSIDE_VERSION, platform.python_version())


__all__ = ["CALLS", "Probe", "Verdict", "check", "paint_probe"]
