"""Item data roles shared by the models, the delegates and the details pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)
ROW = _BASE + 1  # the row's dataclass (ConversationRow, MessageRow, Hit)
ID = _BASE + 2  # conversation or message id
EFFECTIVE = _BASE + 3  # (label, source): source is "own", "conversation" or "default"
SUGGESTION = _BASE + 4  # a lexicon's suggested label, or None
SPANS = _BASE + 5  # [(start, end, kind)] in the display text; kind "hit" or a label
OUT_OF_PERIOD = _BASE + 6  # bool
SORT = _BASE + 7  # a sortable value
BADGES = _BASE + 8  # [str] short marker words (deleted, edited, …)
BADGE_ITEMS = _BASE + 9  # [badges.Badge] the bubble's badges: marks (filled/outlined) and markers
