"""The main window: conversations, transcript, details; a toolbar with the actions that
matter and a status bar that always says what will leave and what is still open."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chatsafe.errors import InputError
from chatsafe.gui import import_dialog, localtext, notify, recent, roles
from chatsafe.gui.actions import Actions
from chatsafe.gui.collect_wizard import collect_action
from chatsafe.gui.conversation_model import ConversationFilter, ConversationModel
from chatsafe.gui.details import DetailsPane
from chatsafe.gui.doubts import DoubtController
from chatsafe.gui.empty_case import EmptyCaseHint
from chatsafe.gui.fit import FRAME
from chatsafe.gui.image_viewer import AttachmentViewer, open_attachment
from chatsafe.gui.import_dialog import given_secrets
from chatsafe.gui.message_model import MessageModel
from chatsafe.gui.messages import error_text
from chatsafe.gui.operations import review
from chatsafe.gui.operations.editors import LexiconOp, PeriodOp, RulesOp, SummaryOp
from chatsafe.gui.operations.importing import ImportFlow, describe_error, local_paths
from chatsafe.gui.operations.logcheck import LogCheck
from chatsafe.gui.operations.opening import CaseOpener
from chatsafe.gui.operations.settings import SettingsOp
from chatsafe.gui.panes import ConversationFilterBar, DateFilterBar, Legend, WelcomePage
from chatsafe.gui.search_model import SearchModel
from chatsafe.gui.search_pane import SearchPane
from chatsafe.gui.secrets import Prompt, ask_secrets, dialog_prompt
from chatsafe.gui.session import Reviewer, Session
from chatsafe.gui.style import label_name
from chatsafe.gui.summary_nav import SummaryNav
from chatsafe.gui.tasks import Runner, ThreadRunner
from chatsafe.gui.transcript_legend import TranscriptLegend
from chatsafe.gui.undo import MarkCommand
from chatsafe.gui.views import ConversationView, TranscriptView
from chatsafe.import_options import ImportOptions
from chatsafe.review import browse, search
from chatsafe.review.bubble_parts import FileBrief
from chatsafe.review.labels import Role
from chatsafe.review.summary import Summary
from chatsafe.service import Changes


def initial_geometry(available: QRect) -> QRect:
    """The first window: at most 1280x800, inside ``available`` with its frame, centred."""
    width = min(1280, available.width() - FRAME.width())
    height = min(800, available.height() - FRAME.height())
    x = available.x() + (available.width() - width) // 2
    y = available.y() + FRAME.height() - 8 + (available.height() - FRAME.height() - height) // 2
    return QRect(x, max(available.y() + FRAME.height() - 8, y), width, height)


class MainWindow(QMainWindow):
    """Composes the panes and the operations; holds no case logic of its own."""

    #: How the secrets of an encrypted input are asked for (tests give their own).
    secret_prompt: Prompt | None = None

    def __init__(self, runner: Runner | None = None) -> None:
        super().__init__()
        self.setObjectName("main")
        self.runner = runner or ThreadRunner(self)
        self.session: Session | None = None
        self.msg_model: MessageModel | None = None
        self.summary: Summary | None = None
        self.closing = False  # set on close: late callbacks must not open dialogs
        self.import_flow: ImportFlow | None = None
        self.operation: object | None = None  # the dialog operation last shown (tests)
        self.viewer: AttachmentViewer | None = None  # the image opened from the transcript
        # Marking a whole conversation by key or button is confirmed once per open case.
        self.scope_confirmed = False
        self._split_sized = False
        self._focus = "conversations"
        self._pending_message: int | None = None
        self._loading_cid: int | None = None
        self.opener = CaseOpener(self, self.runner, self.set_session, lambda: self.closing)
        self.act = Actions(self)
        # Every mark can be undone and redone (Ctrl+Z / Ctrl+Shift+Z); undo is logged.
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act in (self.undo_action, self.redo_action):
            self.addAction(act)
        self._build()
        self._connect()
        self.doubts = DoubtController(self)  # D and Shift+D (gui/doubts.py)
        self.setAcceptDrops(True)
        self._place()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(150)
        self._status_timer.timeout.connect(self._refresh_status)
        self.set_session(None)

    # -- building -----------------------------------------------------------------
    def _build(self) -> None:
        a = self.act
        menus = self.menuBar()
        m = menus.addMenu(self.tr("&Case"))
        collect = collect_action(self)  # the guided collection (issue 17)
        a.case_actions.append(collect)
        for act in (a.new_case, a.open_case, a.import_, a.import_folder, a.import_options,
                    collect, a.close_case):  # fmt: skip
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.period)
        m.addAction(a.case_settings)
        m.addAction(a.switch_role)
        m.addAction(a.bundle)
        m.addAction(a.export_rsmf)
        m.addSeparator()
        m.addAction(a.quit)
        m = menus.addMenu(self.tr("&Review"))
        m.addAction(self.undo_action)
        m.addAction(self.redo_action)
        m.addSeparator()
        for act in (a.mark_private, a.mark_party, a.clear, a.mark_reason):
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.raise_doubt)
        m.addAction(a.answer_doubt)
        m.addSeparator()
        for act in (a.confirm, a.confirm_all, a.summary):
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.rules)
        m.addAction(a.lexicon)
        m.addAction(a.verify_log)
        m = menus.addMenu(self.tr("&Go"))
        for act in (
            a.next_proposal,
            a.prev_proposal,
            a.next_message,
            a.prev_message,
            a.next_conversation,
            a.prev_conversation,
            a.search,
        ):
            m.addAction(act)
        m = menus.addMenu(self.tr("&Help"))
        m.addAction(a.about)

        tb = self.addToolBar(self.tr("Review"))
        tb.setObjectName("toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (a.import_, a.mark_private, a.mark_party, a.clear, a.confirm, a.bundle):
            tb.addAction(act)
        tb.addSeparator()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search the case (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search the case"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        tb.addWidget(self.search_edit)

        self.welcome = WelcomePage(self)
        review = QWidget(self)
        self.banner = QLabel("", review)
        self.banner.setObjectName("logBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#b00020;color:white;padding:6px;font-weight:bold")
        self.banner.hide()
        self.log_check = LogCheck(self, self.banner)

        self.conv_model = ConversationModel(self)
        self.conv_proxy = ConversationFilter(self)
        self.conv_proxy.setSourceModel(self.conv_model)
        self.conv_view = ConversationView(review)
        self.conv_view.setModel(self.conv_proxy)
        self.conv_view.setAccessibleName(self.tr("Conversations"))
        self.conv_view.setup_columns()
        self.conv_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.filter_bar = ConversationFilterBar(self.conv_proxy, review)
        conv_page = QWidget(review)
        lay = QVBoxLayout(conv_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_bar)
        lay.addWidget(self.conv_view, 1)

        self.search_model = SearchModel(self)
        self.search_model.fetcher = self._more_hits
        self.search_pane = SearchPane(self.search_model, review)
        self.search_view = self.search_pane.view
        self.left_tabs = QTabWidget(review)
        self.left_tabs.setAccessibleName(self.tr("Conversations and search results"))
        self.left_tabs.addTab(conv_page, self.tr("Conversations"))
        self.left_tabs.addTab(self.search_pane, self.tr("Search results"))

        self.transcript = TranscriptView(review)
        self.transcript.setAccessibleName(self.tr("Transcript"))
        self.date_bar = DateFilterBar(review)
        middle = QWidget(review)
        lay = QVBoxLayout(middle)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.date_bar)
        lay.addWidget(self.transcript, 1)
        lay.addWidget(TranscriptLegend(middle))
        self.transcript.file_activated.connect(self._open_attachment)

        self.details = DetailsPane(review)
        right = QWidget(review)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.details, 1)
        self.legend = Legend(right)
        lay.addWidget(self.legend)

        split = self.split = QSplitter(Qt.Orientation.Horizontal, review)
        split.addWidget(self.left_tabs)
        split.addWidget(middle)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([340, 820, 280])
        lay = QVBoxLayout(review)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        self.empty_hint = EmptyCaseHint(review, self.act.import_, self.act.import_folder)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.review_page = review
        self.stack.addWidget(review)
        self.setCentralWidget(self.stack)

        self.status_label = QLabel("", self)
        self.status_label.setObjectName("leaving")
        self.status_label.setMinimumWidth(1)  # a narrow window clips it, never widens for it
        self.status_label.setAccessibleName(self.tr("What will leave"))
        self.busy_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self.leaving = SummaryNav(self)  # the "what will leave" page, its button beside
        self.bundle_available = importlib.util.find_spec("chatsafe.gui.bundle_dialog") is not None

    def _connect(self) -> None:
        a = self.act
        a.new_case.triggered.connect(self.opener.new)
        a.open_case.triggered.connect(self.opener.choose)
        a.import_.triggered.connect(self.choose_import)
        a.import_folder.triggered.connect(self.choose_import_folder)
        a.import_options.triggered.connect(lambda: import_dialog.choose_with_options(self, self))
        a.close_case.triggered.connect(self.close_case)
        a.quit.triggered.connect(self.close)
        a.mark_private.triggered.connect(lambda: self.mark("private"))
        a.mark_party.triggered.connect(lambda: self.mark("party_political"))
        a.clear.triggered.connect(lambda: self.mark(None))
        a.mark_reason.triggered.connect(self.mark_with_reason)
        a.confirm.triggered.connect(self.confirm)
        a.confirm_all.triggered.connect(lambda: self.show_summary(offer_confirm=True))
        a.rules.triggered.connect(self.edit_rules)
        a.lexicon.triggered.connect(self.edit_lexicon)
        a.period.triggered.connect(self.edit_period)
        a.case_settings.triggered.connect(lambda: self.edit_settings())
        a.switch_role.triggered.connect(self.switch_role)
        a.bundle.triggered.connect(self.open_bundle)
        a.export_rsmf.triggered.connect(self.open_rsmf)
        a.next_message.triggered.connect(lambda: self.step_message(1))
        a.prev_message.triggered.connect(lambda: self.step_message(-1))
        a.next_proposal.triggered.connect(lambda: self.step_proposal(1))
        a.prev_proposal.triggered.connect(lambda: self.step_proposal(-1))
        a.next_conversation.triggered.connect(lambda: self.step_conversation(1))
        a.prev_conversation.triggered.connect(lambda: self.step_conversation(-1))
        a.search.triggered.connect(self.focus_search)
        a.verify_log.triggered.connect(lambda: self.check_log(report_ok=True))
        a.about.triggered.connect(self.about)
        self.search_edit.returnPressed.connect(lambda: self.run_search(self.search_edit.text()))
        self.search_view.activated.connect(self._hit_activated)
        self.search_view.clicked.connect(self._hit_activated)
        self.conv_view.selectionModel().currentRowChanged.connect(self._conversation_changed)
        self.conv_view.focused.connect(lambda: self._set_focus("conversations"))
        self.transcript.focused.connect(lambda: self._set_focus("messages"))
        self.conv_model.mark_requested.connect(self.mark_conversation)
        self.date_bar.changed.connect(self._dates_changed)
        self.welcome.open_button.clicked.connect(self.opener.choose)
        self.welcome.new_button.clicked.connect(self.opener.new)
        self.welcome.demo_button.clicked.connect(self.opener.open_demo)
        self.welcome.open_requested.connect(self.open_path)
        self.runner.busy_changed.connect(
            lambda b: self.busy_label.setText(self.tr("Working…") if b else "")
        )

    def _set_focus(self, which: str) -> None:
        self._focus = which

    # -- the session --------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        if self.session is not None:
            self.session.close()
        self.session = session
        self.summary = None
        self.scope_confirmed = False
        self.undo_stack.clear()  # undo belongs to the case it was done in
        has = session is not None
        for act in self.act.case_actions:
            act.setEnabled(has)
        self.act.bundle.setEnabled(has and self.bundle_available)
        if not self.bundle_available:
            self.act.bundle.setToolTip(
                self.tr("Creating a bundle is not available in this version")
            )
        self.search_edit.setEnabled(has)
        self.banner.hide()
        self.conv_model.set_rows([])
        self.empty_hint.hide()  # until the case's conversations are read
        self.search_model.set_hits("", [])
        if session is None:
            self.msg_model = None
            self.transcript.setModel(None)
            self.details.clear()
            self.status_label.setText("")
            self.welcome.set_recent(recent.recent_cases())
            self.stack.setCurrentWidget(self.welcome)
            self.setWindowTitle("chatsafe")
            return
        self.msg_model = MessageModel(session.reader, self)
        self.msg_model.matcher = session.matcher
        self.msg_model.load_hits = lambda q, cid, done: session.read(
            lambda r: r.search(q, cid), done
        )
        self.msg_model.load_rows = lambda ids, done: session.read(
            lambda r: r.message_rows(ids), done, lambda _error: done(None)
        )
        self.msg_model.refreshed.connect(self._show_details)
        self.msg_model.mark_requested.connect(self.mark_messages)
        self.transcript.setModel(self.msg_model)
        self.transcript.setup_columns()
        self.transcript.selectionModel().currentRowChanged.connect(self._message_changed)
        self.details.reader = session.reader
        self.details.matcher = session.matcher
        self.details.clear()
        self.date_bar.set_period(*session.period)
        session.changed.connect(self._on_changed)
        session.failed.connect(self._on_failed)
        self.stack.setCurrentWidget(self.review_page)
        self._show_reviewer()
        recent.add_recent(session.path)
        review.seed_lexicon(session).run()
        self.reload_conversations()
        self.check_log(report_ok=False)

    def _show_reviewer(self) -> None:
        """The title names who reviews; IT support is not offered marking (issue 14)."""
        session = self.session
        if session is None:
            return
        role = {
            "assistant": self.tr("assistant"),
            "minister": self.tr("minister"),
            "it": self.tr("IT support"),
        }
        self.setWindowTitle(
            f"{session.path.name} — {session.reviewer.name} ({role[session.reviewer.role.value]}) — chatsafe"
        )
        a = self.act
        for act in (a.mark_private, a.mark_party, a.clear, a.mark_reason, a.confirm, a.confirm_all):
            act.setEnabled(self.may_mark)
        a.raise_doubt.setEnabled(self.may_mark)
        a.answer_doubt.setEnabled(self.may_mark)

    @property
    def may_mark(self) -> bool:
        """IT support sets up the case and makes the bundle; it does not judge messages."""
        return self.session is not None and self.session.reviewer.role is not Role.IT

    def switch_role(self) -> None:
        """Change who reviews without closing the case: the minister approves, then IT
        support makes the bundle, in the same window."""
        if self.session is None:
            return
        from chatsafe.gui.dialogs import IdentityDialog

        who = IdentityDialog.ask(self, self.session.reviewer.name, self.session.reviewer.role.value)
        if who is not None:
            self.set_reviewer(Reviewer(who[0], who[1]))

    def set_reviewer(self, reviewer: Reviewer) -> None:
        if self.session is None:
            return
        self.session.reviewer = reviewer
        recent.remember_reviewer(reviewer.name, reviewer.role.value)
        # An undo would act under the new name: undo belongs to who did it.
        self.undo_stack.clear()
        self.scope_confirmed = False
        self._show_reviewer()
        self.statusBar().showMessage(
            self.tr("You now review as {name}.").format(name=reviewer.name), 5000
        )

    def reload_conversations(self) -> None:
        if self.session is None:
            return
        self.session.read(lambda r: r.conversation_rows(), self._conversations_loaded)

    def _conversations_loaded(self, rows: list[browse.ConversationRow]) -> None:
        current = self.current_conversation_id()
        self.conv_model.set_rows(rows)
        self.empty_hint.show_for(len(rows))
        self.filter_bar.set_apps(self.conv_model.apps())
        firsts = [r.first for r in rows if r.first]
        lasts = [r.last for r in rows if r.last]
        self.date_bar.set_span(min(firsts, default=None), max(lasts, default=None))
        if rows:
            self.select_conversation(current if current is not None else rows[0].id)
        self.schedule_status()

    def schedule_status(self) -> None:
        self._status_timer.start()

    def _refresh_status(self) -> None:
        if self.session is not None:
            self.session.read(lambda r: r.summary(), self._status_loaded)

    def _status_loaded(self, summary: Summary) -> None:
        self.summary = summary
        t = summary.total
        text = self.tr("%Ln message(s) will leave · %1 unreviewed · %2 unconfirmed", "", t.leaving)
        for k, v in enumerate((t.unreviewed, t.unconfirmed), start=1):
            text = text.replace(f"%{k}", localtext.number(v))
        if t.doubts:  # open doubts block the bundle: always in sight while there are any
            text += " · " + self.tr("%Ln open doubt(s)", "", t.doubts)
        self.status_label.setText(text)
        self.leaving.update(summary)

    def _on_changed(self, changes: Changes) -> None:
        s = self.session
        if s is None or self.msg_model is None:
            return
        if changes.imported or changes.rules or len(changes.conversations) > 1:
            self.reload_conversations()
            return
        if changes.lexicon:
            self.msg_model.matcher = s.matcher
            self.details.matcher = s.matcher
        if changes.settings:
            self.date_bar.set_period(*s.period)
        cid = self.current_conversation_id()
        if cid is not None:
            s.read(lambda r: r.conversation_rows([cid]), self._rows_reloaded)
        else:
            self.msg_model.refresh()
        self.schedule_status()

    def _rows_reloaded(self, rows: list[browse.ConversationRow]) -> None:
        self.conv_model.update_rows(rows)
        if self.msg_model is not None:
            for r in rows:
                if r.id == self.msg_model.conversation_id:
                    self.msg_model.refresh(r.label, keep_label=False)
        self._show_details()

    def _on_failed(self, error: BaseException) -> None:
        notify.error(self, self.tr("Something went wrong"), error_text(error))

    # -- selection ----------------------------------------------------------------
    def current_conversation_id(self) -> int | None:
        index = self.conv_view.currentIndex()
        return index.data(roles.ID) if index.isValid() else None

    def select_conversation(self, cid: int) -> None:
        row = self.conv_model.row_of(cid)
        if row < 0:
            return
        proxy_index = self.conv_proxy.mapFromSource(self.conv_model.index(row, 0))
        if not proxy_index.isValid():  # filtered out: show everything again
            self.filter_bar.text.clear()
            self.conv_proxy.set_filters(text="", app=None, label=0, review=0)
            proxy_index = self.conv_proxy.mapFromSource(self.conv_model.index(row, 0))
        self.conv_view.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.conv_view.scrollTo(proxy_index)

    def _conversation_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.session is None or self.msg_model is None or not current.isValid():
            return
        cid = current.data(roles.ID)
        if (
            cid == self.msg_model.conversation_id
            and cid != self._loading_cid
            and self._pending_message is None
        ):
            return
        self._load_messages(cid)

    def _load_messages(self, cid: int) -> None:
        assert self.session is not None
        self._loading_cid = cid
        date_from, date_to = self.date_bar.range()
        self.session.read(
            lambda r: r.message_ids(cid, date_from, date_to),
            lambda ids: self._ids_loaded(cid, ids),
        )

    def _ids_loaded(self, cid: int, ids: list[int]) -> None:
        if self.msg_model is None or cid != self._loading_cid:
            return  # the reviewer has moved on
        self._loading_cid = None
        row = self.conv_model.row_of(cid)
        label = self.conv_model.conversation(row).label if row >= 0 else None
        self.msg_model.set_conversation(cid, ids, label)
        if self._pending_message is not None:
            mrow = self.msg_model.row_of(self._pending_message)
            self._pending_message = None
            if mrow >= 0:
                self.select_message_row(mrow)
                return
        self._show_details()

    def _dates_changed(self) -> None:
        a, b = self.date_bar.range()
        self.conv_proxy.set_filters(date_from=a, date_to=b)
        cid = self.current_conversation_id()
        if cid is not None:
            self._load_messages(cid)

    def select_message_row(self, row: int) -> None:
        assert self.msg_model is not None
        index = self.msg_model.index(row, 0)
        self.transcript.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.transcript.scrollTo(index)

    def _open_attachment(self, f: FileBrief) -> None:
        thumbs = self.transcript.thumbs
        preview = thumbs.image(f.blob_id) if thumbs is not None and f.blob_id else None
        self.viewer = open_attachment(self, self.session, f, preview)

    def _message_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()

    def _show_details(self) -> None:
        if self.session is None or self.msg_model is None:
            return
        index = self.transcript.currentIndex()
        # Highlight only in a hit of the active query, as the transcript does.
        hit = index.isValid() and index.data(roles.ID) in self.msg_model.hit_ids
        self.details.query = self.msg_model.query if hit else ""
        if index.isValid() and self._focus == "messages":
            detail = self.session.reader.message_detail(index.data(roles.ID))
            if detail is not None:
                self.details.show_message(
                    detail, index.data(roles.EFFECTIVE), index.data(roles.BADGES) or []
                )
                return
        cindex = self.conv_view.currentIndex()
        if cindex.isValid():
            r = cindex.data(roles.ROW)
            self.details.show_conversation(r, self.conv_model.review_text(r))

    def selected_message_ids(self) -> list[int]:
        """The selected messages and system events (both can be marked)."""
        if self.msg_model is None:
            return []
        # From the model's id list: no row is fetched, no index visited (issue 14).
        ids = self.msg_model.ids
        if self.transcript.all_selected.active:
            return list(ids)
        return [ids[row] for row in self.transcript.selected_rows() if 0 <= row < len(ids)]

    def step_message(self, delta: int) -> None:
        if self.msg_model is None or not self.msg_model.rowCount():
            return
        row = self.transcript.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.msg_model.rowCount() - 1, row + delta))
        self.transcript.setFocus()
        self._focus = "messages"
        self.select_message_row(row)

    def step_conversation(self, delta: int) -> None:
        n = self.conv_proxy.rowCount()
        if not n:
            return
        row = self.conv_view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(n - 1, row + delta))
        index = self.conv_proxy.index(row, 0)
        self.conv_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.conv_view.scrollTo(index)

    def step_proposal(self, delta: int) -> None:
        """Jump to the next (or previous) proposed mark, across conversations (N, Shift+N)."""
        if self.session is not None:
            self.session.read(
                lambda r: r.proposals_and_doubts(), lambda p: self._go_to_proposal(p, delta)
            )

    def _go_to_proposal(self, stops: list[browse.ReviewStop], delta: int) -> None:
        """Open doubts are stops too (issue 14): N walks what still needs a decision."""
        found = [(s.conversation_id, s.message_id) for s in stops]
        if not found:
            self.statusBar().showMessage(self.tr("No proposals left to confirm."), 6000)
            return
        model = self.msg_model
        current = self.current_conversation_id()
        order = {c: n for n, c in enumerate(self.conv_model.conversation_ids())}

        def key(i: int) -> tuple[int, int, int]:
            c, m = found[i]
            if m is None:
                pos = -1  # a conversation's own mark comes before its messages
            elif c == current and model is not None:
                pos = model.row_of(m)
            else:
                pos = i  # the query gives each conversation's marks in reading order
            return order.get(c, len(order)), pos, i

        row = self.transcript.currentIndex().row() if model is not None else -1
        big = len(found) + 1
        here = (
            order.get(current, -1) if current is not None else -1,
            row,
            big if delta > 0 else -big,
        )
        ranked = sorted(range(len(found)), key=key)
        if delta > 0:
            after = [i for i in ranked if key(i) > here] or ranked  # wraps to the first
        else:
            after = [i for i in reversed(ranked) if key(i) < here] or list(reversed(ranked))
        target = after[0]
        c, m = found[target]
        doubt = stops[target].kind == "doubt"
        self.statusBar().showMessage(
            (self.tr("Doubt %1 of %2") if doubt else self.tr("Proposal %1 of %2"))
            .replace("%1", QLocale().toString(ranked.index(target) + 1))
            .replace("%2", QLocale().toString(len(found))),
            6000,
        )
        if m is None:
            self.select_conversation(c)
            self._focus = "conversations"
            return
        self._focus = "messages"
        if model is not None and c == model.conversation_id and self._loading_cid is None:
            target_row = model.row_of(m)
            if target_row >= 0:
                self.select_message_row(target_row)
                return
        self._pending_message = m
        self.select_conversation(c)

    # -- search -------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self, text: str) -> None:
        if self.session is None or self.msg_model is None:
            return
        text = text.strip()
        self.msg_model.set_query(text)
        self.details.query = text
        if not text:
            self.search_model.set_hits("", [])
            return
        self.session.read(lambda r: r.search_page(text), lambda page: self._hits(text, page))

    def _hits(self, text: str, page: search.Page) -> None:
        self.search_model.set_page(text, page)
        self.left_tabs.setCurrentWidget(self.search_pane)
        self.statusBar().showMessage(self.search_pane.count.text(), 5000)

    def _more_hits(self, text: str, after: int, done: Callable[[search.Page], None]) -> None:
        if self.session is not None:
            self.session.read(lambda r: r.search_page(text, after), done)

    def _hit_activated(self, index: QModelIndex) -> None:
        hit = index.data(roles.ROW)
        if hit is None or self.msg_model is None:
            return
        self._focus = "messages"
        if hit.conversation_id == self.msg_model.conversation_id and self._loading_cid is None:
            row = self.msg_model.row_of(hit.message_id)
            if row >= 0:
                self.select_message_row(row)
            return
        self._pending_message = hit.message_id
        self.select_conversation(hit.conversation_id)

    # -- importing and drag-and-drop ------------------------------------------------
    def choose_import(self) -> None:
        if self.session is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import chat exports"),
            "",
            self.tr(
                "Chat exports (*.txt *.zip *.json *.xml *.db *.mbox *.eml *.md);;All files (*)"
            ),
        )
        if files:
            self.start_import([Path(f) for f in files])

    def choose_import_folder(self) -> None:
        if self.session is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.start_import([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.session is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if paths and self.session is not None:
            event.acceptProposedAction()
            self.start_import(paths)

    def ask_owner(self) -> str | None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Owner"),
            self.tr(
                "Your name as it appears in the exports (optional; it tells your messages apart):"
            ),
        )
        return name.strip() or None if ok else None

    def start_import(
        self, paths: list[Path], owner: str | None = None, options: ImportOptions | None = None
    ) -> ImportFlow | None:
        if self.session is None:
            return None
        if owner is None and not self.session.owner:
            owner = self.ask_owner()
        # Secrets an encrypted backup needs are asked for now, not mid-import.
        try:
            extra = ask_secrets(
                paths, self.secret_prompt or dialog_prompt(self), given_secrets(options)
            )
        except InputError as exc:
            notify.error(self, self.tr("Import"), describe_error(exc))
            return None
        if extra is None:
            return None
        flow = ImportFlow(self.session, paths, self, owner, extra, options)
        flow.dialog.addAction(self.act.quit)  # Ctrl+Q also from the (modal) progress dialog
        flow.finished.connect(self._import_finished)
        self.import_flow = flow
        flow.start()
        return flow

    def _import_finished(self, report: Any, error: BaseException | None) -> None:
        if self.closing:
            return  # cancelled by closing the window: nobody is left to tell
        if error is not None:
            notify.error(self, self.tr("Import"), describe_error(error))
            return
        locale = QLocale()
        text = self.tr("Imported %Ln new message(s) (%1 already in the case).", "", report.added)
        text = text.replace("%1", locale.toString(report.skipped))
        missing = int(getattr(report, "not_imported", 0))
        if missing:
            # Never silent (issue 12): the import report in the case lists each one.
            more = self.tr("%1 of %2 entries read were not imported; the import report lists them.")
            text += " " + more.replace("%1", locale.toString(missing)).replace(
                "%2", locale.toString(int(getattr(report, "entries_read", 0)))
            )
        self.statusBar().showMessage(text, 8000 if not missing else 30000)

    # -- cases: opening and closing -----------------------------------------------
    def open_path(self, path: Path, passphrase: str | None = None) -> None:
        self.opener.open(path, passphrase)

    def create_path(self, path: Path, passphrase: str | None, owner: str | None) -> None:
        self.opener.create(path, passphrase, owner)

    def close_case(self) -> None:
        self.set_session(None)

    # -- review: each action is an operation over the case service ------------------
    def mark(self, label: str | None, reason: str | None = None) -> None:
        """Mark the selection: the selected messages when the transcript has the focus,
        else the current conversation."""
        if self.session is None or not self.may_mark:
            return
        if self._focus == "messages":
            ids = self.selected_message_ids()
            if ids:
                self.mark_messages(ids, label, reason)
                return
        cid = self.current_conversation_id()
        if cid is not None and self.confirm_whole_conversation(cid, label):
            self.mark_conversation(cid, label, reason)

    def confirm_whole_conversation(self, cid: int, label: str | None) -> bool:
        """A key or toolbar button that acts on a whole conversation says so first: the
        same P marks one message or 100,000 (issue 14). Asked once per open case; after
        that the status bar names the scope."""
        row = self.conv_model.conversation(self.conv_model.row_of(cid))
        count = localtext.messages(row.entries if row is not None else 0)
        title = row.title if row is not None else ""
        what = self._label_word(label)
        scope = (
            self.tr('the whole conversation "%1" (%2)').replace("%2", count).replace("%1", title)
        )
        if not self.scope_confirmed:
            question = self.tr("Mark %1 as %2?").replace("%1", scope).replace("%2", what)
            if not notify.ask(self, self.tr("Mark the whole conversation"), question):
                return False
            self.scope_confirmed = True
        self.statusBar().showMessage(
            self.tr("Marked %1 as %2.").replace("%1", scope).replace("%2", what), 8000
        )
        return True

    def mark_conversation(self, cid: int, label: str | None, reason: str | None = None) -> None:
        if self.session is not None and self.may_mark:
            op = review.mark_conversations(self.session, [cid], label, reason)
            text = self.tr("mark a conversation as %1").replace("%1", self._label_word(label))
            self.undo_stack.push(
                MarkCommand(self.session, text, op.command, conversation_ids=[cid])
            )

    def mark_messages(self, ids: list[int], label: str | None, reason: str | None = None) -> None:
        if self.session is not None and self.may_mark:
            op = review.mark_messages(self.session, ids, label, reason)
            text = self.tr("mark %Ln message(s) as %1", "", len(ids)).replace(
                "%1", self._label_word(label)
            )
            # Feedback for P and F: say what happened, with the way back (issue 14), once
            # it has: 200,000 marks take seconds on the worker ("Working…" meanwhile).
            done = self.tr("Marked %Ln message(s) as %1. Ctrl+Z undoes it.", "", len(ids))
            done = done.replace("%1", self._label_word(label))
            self.undo_stack.push(
                MarkCommand(
                    self.session,
                    text,
                    op.command,
                    message_ids=ids,
                    on_done=lambda _changes: self.statusBar().showMessage(done, 6000),
                )
            )

    def _label_word(self, label: str | None) -> str:
        return label_name(label) if label else self.tr("business (no mark)")

    def mark_with_reason(self) -> None:
        from chatsafe.gui.dialogs import ReasonDialog

        answer = ReasonDialog.ask(self)
        if answer is not None:
            self.mark(answer[0], answer[1])

    def confirm(self) -> None:
        cid = self.current_conversation_id()
        if self.session is not None and cid is not None and self.may_mark:
            review.confirm(self.session, cid).run()

    def show_summary(self, offer_confirm: bool = False) -> None:
        if self.session is not None:
            self._run_op(SummaryOp(self.session, self, self.conv_model.titles, offer_confirm))

    def edit_rules(self) -> None:
        if self.session is not None:
            self._run_op(RulesOp(self.session, self))

    def edit_lexicon(self) -> None:
        if self.session is not None:
            self._run_op(LexiconOp(self.session, self))

    def edit_period(self) -> None:
        if self.session is not None:
            self._run_op(PeriodOp(self.session, self))

    def set_period(self, values: dict[str, str]) -> None:
        if self.session is not None:
            start, end = values.get("period_start") or None, values.get("period_end") or None
            review.set_period(self.session, start, end).run()

    def edit_settings(self, on_saved: Callable[[Changes], None] | None = None) -> None:
        """The case settings dialog (IT support); ``on_saved`` runs after they are stored."""
        if self.session is not None:
            self._run_op(SettingsOp(self.session, self, on_saved))

    def _run_op(self, op: SummaryOp | RulesOp | LexiconOp | PeriodOp | SettingsOp) -> None:
        self.operation = op
        op.run()

    def check_log(self, report_ok: bool = False) -> None:
        if self.session is not None:
            self.log_check.run(self.session, report_ok)

    def open_bundle(self) -> None:
        if not self.bundle_available or self.session is None:
            return
        from chatsafe.gui import bundle_dialog

        bundle_dialog.open_bundle_dialog(self)

    def open_rsmf(self) -> None:
        if self.session is None:
            return
        from chatsafe.gui import rsmf_dialog

        rsmf_dialog.open_rsmf_dialog(self)

    def about(self) -> None:
        from chatsafe import __version__

        notify.info(
            self,
            self.tr("About chatsafe"),
            self.tr(
                "chatsafe %1: separate business messages from private and party-political ones, and hand the business record to the archive."
            ).replace("%1", __version__),
        )

    # -- window events ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_sized:
            # The transcript gets half the width: it is what people read.
            self._split_sized = True
            w = max(self.split.width(), self.width())
            self.split.setSizes([int(w * 0.3), int(w * 0.47), int(w * 0.23)])

    def available_geometry(self) -> QRect:
        """The screen's space without taskbars and docks."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)

    def _place(self) -> None:
        """The first window fits the screen it opens on (a 1366x768 laptop with a
        taskbar included); after that it opens as the user left it, kept on screen."""
        available = self.available_geometry()
        saved = recent.saved_geometry()
        if saved and self.restoreGeometry(QByteArray(saved)):
            if available.contains(self.frameGeometry()):
                return
        self.setGeometry(initial_geometry(available))

    def closeEvent(self, event: QCloseEvent) -> None:
        recent.save_geometry(bytes(self.saveGeometry().data()))
        # A case that finishes opening after this must not start a dialog on a closed window.
        self.closing = True
        # Work in flight is cancelled, not waited for: an import rolls back as one
        # transaction, and confirmed decisions are already committed.
        if self.import_flow is not None:
            self.import_flow.cancel()
        self.set_session(None)
        self.runner.shutdown()
        super().closeEvent(event)
