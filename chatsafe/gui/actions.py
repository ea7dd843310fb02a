"""Every action of the window, with its shortcut shown in menus and tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from chatsafe.gui.style import PARTY, PRIVATE, label_icon


class Actions:
    def __init__(self, w: QWidget) -> None:
        translate = QCoreApplication.translate
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
            "new_case",
            translate("Actions", "&New case…"),
            ["Ctrl+N"],
            icon=style.standardIcon(std.SP_FileIcon),
        )
        self.open_case = make(
            "open_case",
            translate("Actions", "&Open case…"),
            ["Ctrl+O"],
            icon=style.standardIcon(std.SP_DialogOpenButton),
        )
        self.import_ = make(
            "import",
            translate("Actions", "&Import…"),
            ["Ctrl+I"],
            translate(
                "Actions",
                "Import chat exports (files or folders; you can also drop them on the window)",
            ),
            style.standardIcon(std.SP_ArrowDown),
        )
        self.import_folder = make(
            "import_folder",
            translate("Actions", "Import a &folder…"),
            ["Ctrl+Shift+I"],
            translate("Actions", "Import an export that is a folder (Telegram, Signal, iMessage)"),
        )
        self.import_options = make(
            "import_options",
            translate("Actions", "Import with &options…"),
            ["Ctrl+Alt+I"],
            translate(
                "Actions",
                "Import with options for IT support: format, text encoding, key files, "
                "country, year",
            ),
        )
        self.close_case = make("close_case", translate("Actions", "&Close case"), ["Ctrl+W"])
        self.quit = make("quit", translate("Actions", "&Quit"), ["Ctrl+Q"])
        # Quit works from every window of the app, progress dialogs included: closing the
        # main window cancels work in flight (an import rolls back whole).
        self.quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.mark_private = make(
            "mark_private",
            translate("Actions", "Mark &private"),
            ["P"],
            translate("Actions", "Mark the selection private"),
            label_icon(PRIVATE),
        )
        self.mark_party = make(
            "mark_party",
            translate("Actions", "Mark p&arty-political"),
            ["F", "Shift+P"],
            translate("Actions", "Mark the selection party-political"),
            label_icon(PARTY),
        )
        self.clear = make(
            "clear",
            translate("Actions", "C&lear mark"),
            ["C"],
            translate(
                "Actions", "Remove the mark from the selection (back to business, the default)"
            ),
            label_icon(None),
        )
        self.mark_reason = make("mark_reason", translate("Actions", "Mark with a &reason…"), ["R"])
        self.raise_doubt = make(
            "raise_doubt",
            translate("Actions", "&Doubt…"),
            ["D"],
            translate(
                "Actions",
                "Ask the minister or the records officer about the selection (blocks the bundle until answered)",
            ),
        )
        self.answer_doubt = make(
            "answer_doubt",
            translate("Actions", "&Answer doubt…"),
            ["Shift+D"],
            translate("Actions", "Answer the selected doubt: private, party-political or business"),
        )
        self.confirm = make(
            "confirm",
            translate("Actions", "&Confirm"),
            ["Ctrl+Return"],
            translate("Actions", "Confirm this conversation (minister) or record it as reviewed"),
            style.standardIcon(std.SP_DialogApplyButton),
        )
        self.confirm_all = make(
            "confirm_all", translate("Actions", "Summary and confirm &all…"), ["Ctrl+Shift+Return"]
        )
        self.summary = make(
            "summary",
            translate("Actions", "&What will leave"),
            ["Ctrl+Shift+S"],
            translate(
                "Actions",
                "A page with what goes to the archive and what stays behind, per conversation",
            ),
            style.standardIcon(std.SP_FileDialogContentsView),
        )
        self.rules = make("rules", translate("Actions", "Contact &rules…"), ["Ctrl+Shift+R"])
        self.lexicon = make("lexicon", translate("Actions", "&Lexicon…"), ["Ctrl+Shift+L"])
        self.period = make("period", translate("Actions", "In-scope &period…"), ["Ctrl+Shift+D"])
        self.case_settings = make(
            "case_settings",
            translate("Actions", "Case se&ttings…"),
            [],
            translate(
                "Actions", "Organisation, appraisal, retention, information category and more"
            ),
        )
        self.switch_role = make(
            "switch_role",
            translate("Actions", "Switch &role…"),
            [],
            translate("Actions", "Review under another name or role without closing the case"),
        )
        self.bundle = make(
            "bundle",
            translate("Actions", "Create &bundle…"),
            ["Ctrl+B"],
            translate("Actions", "Create the business-only bundle for the archive"),
            style.standardIcon(std.SP_DialogSaveButton),
        )
        self.export_rsmf = make(
            "export_rsmf",
            translate("Actions", "Export for &Woo (RSMF)…"),
            ["Ctrl+Shift+E"],
            translate(
                "Actions", "Write what the bundle carries as RSMF files for review platforms"
            ),
        )
        self.next_message = make("next_message", translate("Actions", "&Next message"), ["J"])
        self.prev_message = make("prev_message", translate("Actions", "P&revious message"), ["K"])
        self.next_proposal = make(
            "next_proposal",
            translate("Actions", "Next &proposal"),
            ["N"],
            translate("Actions", "Go to the next proposed mark or open doubt (Shift+N: previous)"),
        )
        self.prev_proposal = make(
            "prev_proposal", translate("Actions", "Previous proposal"), ["Shift+N"]
        )
        self.next_conversation = make(
            "next_conversation", translate("Actions", "Next con&versation"), ["Ctrl+J", "Alt+Down"]
        )
        self.prev_conversation = make(
            "prev_conversation",
            translate("Actions", "Previous conver&sation"),
            ["Ctrl+K", "Alt+Up"],
        )
        self.search = make(
            "search",
            translate("Actions", "&Search…"),
            ["Ctrl+F"],
            translate("Actions", "Search all messages of the case"),
        )
        self.verify_log = make("verify_log", translate("Actions", "Check the review &log"), [])
        self.about = make("about", translate("Actions", "&About chatsafe"), [])
        self.case_actions = [
            self.import_, self.import_folder, self.import_options, self.close_case, self.mark_private, self.mark_party, self.clear, self.mark_reason,
            self.raise_doubt, self.answer_doubt, self.confirm, self.confirm_all, self.summary, self.rules, self.lexicon, self.period, self.case_settings, self.switch_role,
            self.bundle, self.export_rsmf, self.next_proposal, self.prev_proposal, self.next_message, self.prev_message,
            self.next_conversation, self.prev_conversation,
            self.search, self.verify_log,
        ]  # fmt: skip
