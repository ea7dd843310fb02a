"""Every action of the window, with its shortcut shown in menus and tooltips."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from chatsafe.gui.style import PARTY, PRIVATE, label_icon


class Actions:
    def __init__(self, w: QWidget) -> None:
        tr = w.tr
        style = w.style()
        std = QStyle.StandardPixmap

        def make(
            name: str,
            text: str,
            keys: list[str] | None = None,
            tip: str = "",
            icon: QIcon | None = None,
        ) -> QAction:
            act = QAction(text, w)
            act.setObjectName(name)
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            shortcut = " / ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys or []
            )
            act.setToolTip(
                f"{tip or text.replace('&', '').rstrip('…')} ({shortcut})"
                if shortcut
                else (tip or text.replace("&", ""))
            )
            act.setStatusTip(act.toolTip())
            if icon is not None:
                act.setIcon(icon)
            w.addAction(act)
            return act

        self.new_case = make(
            "new_case", tr("&New case…"), ["Ctrl+N"], icon=style.standardIcon(std.SP_FileIcon)
        )
        self.open_case = make(
            "open_case",
            tr("&Open case…"),
            ["Ctrl+O"],
            icon=style.standardIcon(std.SP_DialogOpenButton),
        )
        self.import_ = make(
            "import",
            tr("&Import…"),
            ["Ctrl+I"],
            tr("Import chat exports (files or folders; you can also drop them on the window)"),
            style.standardIcon(std.SP_ArrowDown),
        )
        self.close_case = make("close_case", tr("&Close case"), ["Ctrl+W"])
        self.quit = make("quit", tr("&Quit"), ["Ctrl+Q"])
        self.mark_private = make(
            "mark_private",
            tr("Mark &private"),
            ["P"],
            tr("Mark the selection private"),
            label_icon(PRIVATE),
        )
        self.mark_party = make(
            "mark_party",
            tr("Mark p&arty-political"),
            ["F", "Shift+P"],
            tr("Mark the selection party-political"),
            label_icon(PARTY),
        )
        self.clear = make(
            "clear",
            tr("C&lear mark"),
            ["C"],
            tr("Remove the mark from the selection (back to business, the default)"),
            label_icon(None),
        )
        self.mark_reason = make("mark_reason", tr("Mark with a &reason…"), ["R"])
        self.confirm = make(
            "confirm",
            tr("&Confirm"),
            ["Ctrl+Return"],
            tr("Confirm this conversation (minister) or record it as reviewed"),
            style.standardIcon(std.SP_DialogApplyButton),
        )
        self.confirm_all = make(
            "confirm_all", tr("Summary and confirm &all…"), ["Ctrl+Shift+Return"]
        )
        self.summary = make("summary", tr("&Summary of what will leave…"), ["Ctrl+Shift+S"])
        self.rules = make("rules", tr("Contact &rules…"), ["Ctrl+Shift+R"])
        self.lexicon = make("lexicon", tr("&Lexicon…"), ["Ctrl+Shift+L"])
        self.period = make("period", tr("In-scope &period…"), ["Ctrl+Shift+D"])
        self.bundle = make(
            "bundle",
            tr("Create &bundle…"),
            ["Ctrl+B"],
            tr("Create the business-only bundle for the archive"),
            style.standardIcon(std.SP_DialogSaveButton),
        )
        self.next_message = make("next_message", tr("&Next message"), ["J"])
        self.prev_message = make("prev_message", tr("P&revious message"), ["K"])
        self.next_conversation = make(
            "next_conversation", tr("Next con&versation"), ["Ctrl+J", "Alt+Down"]
        )
        self.prev_conversation = make(
            "prev_conversation", tr("Previous conver&sation"), ["Ctrl+K", "Alt+Up"]
        )
        self.search = make(
            "search", tr("&Search…"), ["Ctrl+F"], tr("Search all messages of the case")
        )
        self.verify_log = make("verify_log", tr("Check the review &log"), [])
        self.about = make("about", tr("&About chatsafe"), [])
        self.case_actions = [
            self.import_, self.close_case, self.mark_private, self.mark_party, self.clear, self.mark_reason,
            self.confirm, self.confirm_all, self.summary, self.rules, self.lexicon, self.period,
            self.bundle, self.next_message, self.prev_message, self.next_conversation, self.prev_conversation,
            self.search, self.verify_log,
        ]  # fmt: skip
