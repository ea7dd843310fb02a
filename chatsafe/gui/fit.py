"""Windows that fit the screen they open on.

A dialog given a fixed size (640x560) was taller than 1366x768 at 200 % scaling, whose
screen is 683x384 logical pixels: its Save button was off the screen and out of reach.
Every first size goes through :func:`resize_within`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)
"""Room for the window manager's title bar and borders, outside the client area."""


def room(widget: QWidget) -> QSize:
    """The client area a window on ``widget``'s screen can have: the screen without
    taskbars and docks, minus the frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else QSize(1366, 728)
    return available - FRAME


def resize_within(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, but never past its screen (nor below the
    widget's own minimum, which the fit test keeps within 683x344 at 200 %)."""
    r = room(widget)
    widget.resize(min(width, r.width()), min(height, r.height()))
