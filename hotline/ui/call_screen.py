"""The operator's live-call screen: one key to start, one key for a call with no content, autosaved while typed."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hotline.core import permissions
from hotline.core.models import ONE_KEY_OUTCOMES, SUBSTANTIVE, Call, User
from hotline.core.phones import PhoneInfo
from hotline.core.rules import (
    FlagOverrideError,
)
from hotline.core.timeutil import clock_set_back, format_local, to_ms, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store import categories as category_store
from hotline.store import drafts as draft_store
from hotline.store.db import DamagedDatabaseError, DiskFullError, StoreError
from hotline.store.lines import last_line_of, list_lines
from hotline.store.my_calls import last_channel_of, readable_summaries
from hotline.ui import labels, log_columns
from hotline.ui.call_form import CallForm
from hotline.ui.case_file_bar import CaseFileBar
from hotline.ui.draft_dialogs import DISCARD, OPEN, ask_about_draft
from hotline.ui.models.caller_history_model import ROW_ROLE, SAMPLE_ROLE, CallerHistoryModel
from hotline.ui.widgets import follow_focus

log = logging.getLogger(__name__)

#: How long a one-key outcome can be taken back (issue 3).
UNDO_SECONDS = 10
#: Autosave runs at most this long after a change, even while the operator keeps typing (DESIGN §2: ≤ 2 s).
AUTOSAVE_MS = 1000
#: A clock set back more than this while the program runs is said once (a small correction is not worth a word).
CLOCK_WARNING = timedelta(minutes=2)
#: A call restored after a crash counts the outage up to this long; a draft found later (the PC stayed off overnight)
#: goes on from its time on screen: no call to the hotline lasts that long, it ended during the outage.
OUTAGE_COUNTED = timedelta(hours=1)
OUTCOME_KEYS = {"silent": "F5", "hang_up": "F6", "prank": "F7", "wrong_number": "F8", "abusive": "F9", "test": "F10"}
#: The caller's earlier calls by key. Not Ctrl+H (the queue's hand-off) nor Alt+L / Alt+H (mnemonics of the
#: Vietnamese form and the Help menu): F11 is free on every screen, beside the operator's other F keys.
HISTORY_KEY = "F11"


def app_lang() -> str:
    app = QCoreApplication.instance()
    lang = app.property("hotline_lang") if app is not None else None
    return lang if lang in ("vi", "en") else "vi"


class CallScreen(QWidget):
    """Log a call in seconds by keyboard, and never lose it."""

    status_message = Signal(str, int)  # text, milliseconds to show (0 = until replaced)
    call_saved = Signal(int)  # call id
    database_damaged = Signal(str)  # a save met a damaged database file: the message (the app offers a restore)

    def __init__(self, db, user: User, settings: Settings, workstation: str, parent=None, *, lang: str | None = None):
        super().__init__(parent)
        self.setObjectName("callScreen")
        self.db, self.user, self.settings, self.workstation = db, user, settings, workstation
        self.lang = lang or app_lang()
        # from the database: the administrator's labels, order and retired categories (never offered here)
        self.taxonomy = category_store.load_taxonomy(db)
        self._holidays = settings.holidays()
        # the call being typed
        self._active = False
        self._uuid = ""
        self._started_at: datetime | None = None
        self._elapsed = QElapsedTimer()
        self._elapsed_offset_ms = 0  # for a call restored from a draft or reopened after an undo
        self._set_aside_ms = 0  # time the call was kept aside on purpose (signed out, F2 for the next): not counted
        self._editing: tuple[int, int] | None = None  # (call id, version) when the form holds a stored call
        self._last_quick: int | None = None  # id of the last one-key call, while it can be undone
        self._loading = False
        self._draft_problem: str | None = None  # what the status bar last said about autosave, said once
        self._drafts_to_file = False  # the database is about to be replaced by a backup: keep drafts beside it

        self._build()
        self._build_actions()
        self._clock_warned = False
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self._write_draft)
        self._history_timer = QTimer(self, singleShot=True, interval=150, timeout=self._refresh_history)
        self._clock = QTimer(self, interval=500, timeout=self._tick)
        self._clock.start()
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_SECONDS * 1000, timeout=self._undo_expired)
        self._evaluate()
        self._tick()

    # --- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.new_call_button = QPushButton(self.tr("New call (F2)"), objectName="newCallButton")
        self.line_combo = QComboBox(objectName="lineCombo")
        self.line_combo.setToolTip(self.tr("Line (F3 switches)"))
        lines = list_lines(self.db, active_only=True)
        for line in lines:
            self.line_combo.addItem(line.code, line.code)
            self.line_combo.setItemData(self.line_combo.count() - 1, line.name, Qt.ItemDataRole.ToolTipRole)
        last = last_line_of(self.db, self.user.id)
        if last and self.line_combo.findData(last) >= 0:
            self.line_combo.setCurrentIndex(self.line_combo.findData(last))
        self.channel_combo = QComboBox(objectName="channelCombo")
        self.channel_combo.setToolTip(self.tr("Channel (F4 switches)"))
        for code in labels.CHANNELS:
            self.channel_combo.addItem(labels.label(labels.CHANNELS, code), code)
        # one rule for both: a desk keeps its line and its channel after a save, and starts on the last ones used
        last_channel = last_channel_of(self.db, self.user.id)
        if last_channel and self.channel_combo.findData(last_channel) >= 0:
            self.channel_combo.setCurrentIndex(self.channel_combo.findData(last_channel))
        self.timer_label = QLabel("--:--", objectName="callTimerLabel")
        self.timer_label.setMinimumWidth(70)
        self.timer_label.setStyleSheet("font-size: 20px; font-weight: bold; font-family: monospace;")
        self.timer_label.setToolTip(self.tr("Time since the call started"))

        top = QHBoxLayout()
        top.addWidget(self.new_call_button)
        top.addWidget(QLabel(self.tr("Line")))
        top.addWidget(self.line_combo)
        top.addWidget(QLabel(self.tr("Channel")))
        top.addWidget(self.channel_combo)
        top.addWidget(self.timer_label)
        top.addStretch(1)
        undo_at = top.count()  # "Undo (F12)" goes before "One key:", its room kept while hidden (see below)
        top.addWidget(QLabel(self.tr("One key:")))
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in ONE_KEY_OUTCOMES:
            button = QPushButton(f"{OUTCOME_KEYS[outcome]} {labels.label(labels.OUTCOMES, outcome)}")
            button.setObjectName(f"outcome_{outcome}")
            button.setToolTip(self.tr("Save as '%s' and clear the screen (%s)")
                              % (labels.label(labels.OUTCOMES, outcome), OUTCOME_KEYS[outcome]))  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a key, not a tab stop in the middle of typing
            button.clicked.connect(lambda _=False, o=outcome: self.save_quick(o))
            self.outcome_buttons[outcome] = button
            top.addWidget(button)
        self.undo_button = QPushButton(self.tr("Undo (F12)"), objectName="undoOutcomeButton")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.setToolTip(self.tr("Take back the last one-key outcome and log it as a full call"))
        # showing it must not widen the window (a window never shrinks back): its room is kept while it is hidden
        policy = self.undo_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.undo_button.setSizePolicy(policy)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_quick)
        top.insertWidget(undo_at, self.undo_button)

        self.form = CallForm(self.taxonomy, self.lang, self.settings.get("default_province"))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.form)
        # whatever gets the keyboard focus is scrolled into view: an operator must see what they type
        follow_focus(self.scroll)

        history_layout = self.form.phone_box_layout
        self.history_label = QLabel(objectName="callerHistoryLabel")
        self.history_label.setWordWrap(True)
        self.history_model = CallerHistoryModel(self.taxonomy, self.lang, self)
        self.history_view = QTableView(objectName="callerHistoryView")
        self.history_view.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName(self.tr("Earlier calls from this number"))
        self.history_view.verticalHeader().hide()
        self.history_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # widths from the texts (log_columns): times and case numbers whole, every header whole even in bold (the
        # current row's columns); what the caller reported takes the rest; categories cut short are in the tooltip
        self.history_columns = log_columns.ColumnFitter(
            self.history_view,
            {CallerHistoryModel.COL_CATEGORIES: log_columns.ColumnRule(cap=28, elastic=True),
             CallerHistoryModel.COL_CASE: log_columns.ColumnRule()},
            sample_role=SAMPLE_ROLE, stretch_min=160,
        )  # fmt: skip
        self.history_view.setToolTip(self.tr("Enter or double-click: open the call, read only, in its own window"))
        self.history_view.activated.connect(self._open_history_call)
        # by keyboard: F11, Tab or ↓ from the number into the rows; Esc, ↑ from the first row or Shift+Tab back
        for widget in (self.form.phone_edit, self.history_view, self.form.relation_combo):
            widget.installEventFilter(self)
        self.history_view.verticalHeader().setDefaultSectionSize(22)
        self.history_view.setWordWrap(False)
        self.history_view.setMinimumHeight(110)
        self.history_view.setMaximumHeight(150)
        # the whole of what was reported on the row the cursor is on (↓ through the rows reads each one)
        self.history_detail = QLabel(objectName="callerHistoryDetail")
        self.history_detail.setWordWrap(True)
        self.history_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.history_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_detail.hide()
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history_view)
        history_layout.addWidget(self.history_detail)
        self.history_view.selectionModel().currentRowChanged.connect(self._show_history_detail)
        self.history_model.modelReset.connect(self.history_detail.hide)
        # a new call about a child who already has a case file is linked to it (issue 5)
        self.link_combo = QComboBox(objectName="linkCaseCombo")
        self.link_combo.setToolTip(self.tr("This number has an open case file: link this call to it when saved"))
        self.link_label = QLabel(self.tr("Link to the open case file:"))
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label)
        link_row.addWidget(self.link_combo, 1)
        history_layout.addLayout(link_row)
        self.link_label.hide()
        self.link_combo.hide()

        self.case_file = CaseFileBar(
            self.taxonomy, self.lang, self._holidays, working_days=self.settings.working_saturdays()
        )
        self.banner, self.flag_check = self.case_file.banner, self.case_file.check
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="saveButton")
        self.save_button.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.case_file, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

        self.new_call_button.clicked.connect(self.new_call)
        self.save_button.clicked.connect(self.save)
        self.case_file.changed.connect(self._on_form_changed)
        self.case_file.message.connect(self.status_message)
        self.form.changed.connect(self._on_form_changed)
        self.form.phone_changed.connect(lambda _info: self._history_timer.start())
        self.line_combo.currentIndexChanged.connect(self._on_form_changed)
        self.channel_combo.currentIndexChanged.connect(self._on_form_changed)
        # the case file chosen is part of the draft: a choice made last must be autosaved too (not when the
        # list is refilled for a new number, hence "activated", a person's choice)
        self.link_combo.activated.connect(self._on_form_changed)
        self._refresh_history()

    def _build_actions(self) -> None:
        def action(text: str, keys, slot, name: str) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(f"{text} ({', '.join(keys)})")
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self._actions = [
            action(self.tr("New call"), ["F2", "Ctrl+N"], self.new_call, "newCallAction"),
            action(self.tr("Next line"), ["F3"], lambda: _cycle(self.line_combo), "nextLineAction"),
            action(self.tr("Next channel"), ["F4"], lambda: _cycle(self.channel_combo), "nextChannelAction"),
        ]
        for outcome in ONE_KEY_OUTCOMES:
            self._actions.append(action(
                self.tr("Save as: %s") % labels.label(labels.OUTCOMES, outcome), [OUTCOME_KEYS[outcome]],
                lambda _=False, o=outcome: self.save_quick(o), f"outcomeAction_{outcome}",
            ))  # fmt: skip
        self.undo_action = action(self.tr("Undo the last one-key outcome"), ["F12"], self.undo_quick, "undoAction")
        self._actions += [
            self.undo_action,
            action(self.tr("Save the call"), ["Ctrl+S", "Ctrl+Return", "Ctrl+Enter"], self.save, "saveAction"),
            action(self.tr("Add a child"), ["Ctrl+T"], self._next_child, "addChildAction"),
            action(self.tr("Find a category"), ["Ctrl+K"], self._focus_categories, "findCategoryAction"),
            action(self.tr("Go to the phone number"), ["Ctrl+L"], self._focus_phone, "focusPhoneAction"),
            action(self.tr("Go to the caller's earlier calls"), [HISTORY_KEY], self.focus_history, "historyAction"),
            # Alt+R, Alt+S, Alt+A, Alt+1/2/3 (service level), Alt+P: the form's own keys, listed with the others
            *self.form.key_actions,
            action(
                self.tr("Go to the case-file flag"), ["Alt+N"], lambda: self.flag_check.setFocus(), "focusFlagAction"
            ),
            action(self.tr("Discard this call…"), ["Ctrl+Shift+Delete"], self.discard, "discardAction"),
            action(self.tr("Calls kept as drafts…"), ["Ctrl+Shift+R"], self.offer_drafts, "draftsAction"),
        ]

    # --- the interface the main window uses ----------------------------------------------------------------

    def actions(self) -> list[QAction]:
        return list(self._actions)

    def has_unsaved(self) -> bool:
        return self._active and (self._editing is not None or not self.form.is_blank())

    def keep_as_draft(self, *, set_aside: bool = False) -> None:
        """Write the call on screen as a draft now; raises StoreError when it could not be kept. ``set_aside``: the
        session ends (sign-out, closing, another user): the time away is not counted when it is opened again."""
        if self.has_unsaved():
            self._write_draft(quiet=False, set_aside=set_aside)

    def keep_drafts_in_files(self) -> None:
        """From now on keep drafts in files, not in the database (a restore is about to replace it and would take
        them along), and keep the call on screen now; raises StoreError when it could not be kept."""
        self._drafts_to_file = True
        self.keep_as_draft()

    # --- starting a call -----------------------------------------------------------------------------------

    def _start(self, started_at: datetime | None = None, uuid: str | None = None) -> None:
        from hotline.core.models import new_uuid

        self._active = True
        self._uuid = uuid or new_uuid()
        self._started_at = started_at or utcnow()
        self._elapsed.start()
        self._elapsed_offset_ms = max(0, int((utcnow() - self._started_at).total_seconds() * 1000))
        self._set_aside_ms = 0
        self._tick()

    def new_call(self) -> None:
        """Start the clock on a fresh call; a call already being typed is kept as a draft first."""
        if self.has_unsaved():
            answer = QMessageBox.question(
                self, self.tr("A call is being typed"),
                self.tr("The call on screen is not saved. Keep it as a draft and start a new call?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes or not self._keep_or_warn():
                return
            self.status_message.emit(self.tr("The previous call is kept as a draft (Ctrl+Shift+R)."), 8000)
        self._reset()
        self._start()
        self.form.phone_edit.setFocus()

    def _reset(self) -> None:
        self._loading = True
        self.form.clear()
        self._loading = False
        self._active = False
        self._editing = None
        self._draft_problem = None
        self.case_file.reset()
        self._autosave_timer.stop()
        self._evaluate()
        self._tick()

    def duration_s(self) -> int:
        return self._elapsed_ms() // 1000

    def _elapsed_ms(self) -> int:
        """The call's time so far: by the monotonic clock, on from where a restored or reopened call was."""
        if not self._active:
            return 0
        return max(0, self._elapsed.elapsed() + self._elapsed_offset_ms)

    def _tick(self) -> None:
        if not self._clock_warned and clock_set_back() > CLOCK_WARNING:
            self._clock_warned = True  # once a run: the time stays held until a restart
            self.status_message.emit(
                self.tr(
                    "The PC's clock was set back: Hotline keeps its own time so that calls stay in order. "
                    "Restart Hotline after this call to take the new time."
                ),
                0,
            )
        if not self._active:
            self.timer_label.setText("--:--")
            return
        seconds = self.duration_s()
        self.timer_label.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    # --- changes, the banner and the flag ------------------------------------------------------------------

    def _on_form_changed(self, *_args) -> None:
        if self._loading:
            return
        if not self._active and not self.form.is_blank():
            self._start()  # typing without pressing F2 first still starts the clock
        self._evaluate()
        if self._active and not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def _evaluate(self) -> None:
        form = self.form
        decision = self.case_file.evaluate(
            form.categories.codes(), form.risk(), form.children(), self._started_at or utcnow(),
            handed_off=form.handoff_kinds_done(),
        )  # fmt: skip
        form.show_decision(decision)

    # --- caller history ------------------------------------------------------------------------------------

    def _refresh_history(self) -> None:
        info: PhoneInfo = self.form.phone()
        if not info.usable:
            self.history_model.set_rows([])
            self._offer_case_links("")
            self.history_label.setText(
                self.tr("Number withheld: there is no caller history.") if info.kind == "withheld" and info.raw.strip()
                else self.tr("Type the caller's number to see earlier calls.")
            )  # fmt: skip
            return
        exclude = self._editing[0] if self._editing else None
        try:
            history = call_store.caller_history(self.db, info.raw, viewer_id=self.user.id, exclude_call_id=exclude)
        except StoreError as exc:
            self.history_label.setText(str(exc))
            return
        try:  # what was reported, for the calls this user may open (DESIGN §6)
            summaries = readable_summaries(self.db, [item.call_id for item in history.items], viewer_id=self.user.id)
        except StoreError:
            summaries = {}
        self.history_model.set_rows(history.items, summaries)
        self._offer_case_links(info.raw)
        if history.total == 0:
            self.history_label.setText(self.tr("%s: first call from this number.") % info.display)
        else:
            self.history_label.setText(
                self.tr("%s: %d earlier calls — %d with content, %d flagged for a case file")
                % (info.display, history.total, history.with_content, history.flagged)
                + (f" ({HISTORY_KEY})" if self.history_model.rowCount() else "")  # the key that goes to them
            )

    def _show_history_detail(self, index) -> None:
        summary = index.siblingAtColumn(CallerHistoryModel.COL_SUMMARY).data(Qt.ItemDataRole.ToolTipRole)
        readable = index.isValid() and self.history_model.is_readable(index.row())
        item = self.history_model.data(index, ROW_ROLE) if index.isValid() else None
        self.history_detail.setVisible(bool(readable and summary))
        if readable and summary:
            self.history_detail.setText(f"{format_local(item.started_at)}: {summary}")

    def _open_history_call(self, index) -> None:
        """Enter or a double-click on an earlier call: open it read-only in a window of its own, beside the call
        being typed (never in its place); a call this user may not open is said so in the status bar."""
        if not index.isValid():
            return
        item = self.history_model.data(index, ROW_ROLE)
        if not self.history_model.is_readable(index.row()):
            self.status_message.emit(
                self.tr("You may not open call no. %d: an operator opens only their own calls; a shift lead opens "
                        "every call.") % item.call_id, 10000,
            )  # fmt: skip
            return
        from hotline.ui.call_edit_dialog import CallEditDialog  # loaded when first needed: sign-in stays fast

        dialog = CallEditDialog(self.db, self.user, item.call_id, self.settings, self.lang, self, read_only=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.call is None:  # it could not be read; the dialog has said why
            dialog.deleteLater()
            return
        dialog.show()
        self.history_dialog = dialog  # for tests and for a second look: the newest one opened

    def _offer_case_links(self, phone: str) -> None:
        wanted = self.link_combo.currentData()
        try:
            cases = case_store.open_cases_for_phone(self.db, phone, viewer_id=self.user.id)
        except StoreError:
            cases = []
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("(do not link)"), None)
        for case in cases:
            self.link_combo.addItem(f"{case.number} — {case.child_name or '?'}", case.id)
        self.link_combo.setCurrentIndex(max(0, self.link_combo.findData(wanted)))
        self.link_label.setVisible(bool(cases))
        self.link_combo.setVisible(bool(cases))

    def _link_to_case(self, call_id: int) -> None:
        case_id = self.link_combo.currentData()
        if case_id is None:
            return
        try:
            case_store.link_call(self.db, case_id, call_id, by_user_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(self.tr("Saved, but not linked to the case file: %s") % exc, 10000)

    # --- saving --------------------------------------------------------------------------------------------

    def _build_call(self, outcome: str) -> Call:
        form = self.form
        if not self._active:
            self._start()
        elapsed_ms = self._elapsed_ms()
        duration = elapsed_ms // 1000
        started = self._started_at
        call = Call(
            line=self.line_combo.currentData(), started_at=started, operator_id=self.user.id, outcome=outcome,
            channel=self.channel_combo.currentData(), ended_at=started + timedelta(milliseconds=elapsed_ms),
            duration_s=duration, phone_raw=form.phone_edit.text().strip(), uuid=self._uuid,
        )  # fmt: skip
        if outcome == SUBSTANTIVE:
            form.apply_to(call)
            self.case_file.apply_to(call)
        return call

    def _store(self, call: Call) -> Call | None:
        """Save or update; on failure say why and keep everything on screen (and in the draft)."""
        try:
            if self._editing is not None:
                call.id, call.version = self._editing
                draft = (self.user.id, self.workstation, call.uuid)
                saved = call_store.update_call(self.db, call, user_id=self.user.id, draft=draft)
                draft_store.remove_fallback(self.db, self.user.id, self.workstation, call.uuid)
            else:
                saved = call_store.save_call(self.db, call, draft=(self.user.id, self.workstation, call.uuid))
                draft_store.remove_fallback(self.db, self.user.id, self.workstation, call.uuid)
        except StoreError as exc:
            log.warning("saving a call failed: %s", type(exc).__name__)
            kept = self._write_draft()
            self._warn_not_saved(exc, kept)
            self.status_message.emit(self.tr("Not saved — the call is still on screen."), 0)
            if isinstance(exc, DamagedDatabaseError):
                self.database_damaged.emit(str(exc))
            return None
        return saved

    def _warn_not_saved(self, exc: StoreError, kept) -> None:
        """Say why the call was not saved (the store's message first: Vietnamese), where it is kept, what to do."""
        text = f"{exc}\n\n" + self.tr("The call was NOT saved. Everything you typed is still on screen.")
        if kept is not None and not kept.in_database:
            text += " " + self.tr("It is also kept in a file until the database can take it.")
        title = self.tr("Not saved")
        if isinstance(exc, DiskFullError):
            title = self.tr("Disk full — not saved")
            text += "\n\n" + self.tr("Free some space on the disk (or call the administrator), then save again.")
        QMessageBox.warning(self, title, text)

    def save(self) -> None:
        """Save the call with content (Ctrl+S): required items are named and focused, nothing is cleared."""
        self._evaluate()  # the decision on exactly what is on screen (a report's risk must be chosen)
        missing = self.form.check_required(self.case_file.decision)
        if missing:
            missing[0][0].setFocus()
            # the status bar names what is missing too: the messages in the form may be out of view
            self.status_message.emit(self.tr("Not saved yet — %s") % " ".join(text for _, text in missing), 15000)
            return
        try:
            call = self._build_call(SUBSTANTIVE)
        except FlagOverrideError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        saved = self._store(call)
        if saved is None:
            return
        self._link_to_case(saved.id)
        self._after_save(saved)

    def save_quick(self, outcome: str) -> None:
        """One key: save a call with no content (silent, hang-up, …) with its duration, and clear the screen."""
        if self.form.has_content_beyond_phone():
            answer = QMessageBox.question(
                self, self.tr("Save as '%s'?") % labels.label(labels.OUTCOMES, outcome),
                self.tr("The form holds typed text that a one-key outcome does not keep. Save as '%s' anyway?")
                % labels.label(labels.OUTCOMES, outcome),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        saved = self._store(self._build_call(outcome))
        if saved is None:
            return
        self._after_save(saved)
        if not permissions.may_edit_call(self.user, saved, utcnow()):
            return  # taking it back is an edit of the saved call (a counselor may log calls, not edit them)
        self._last_quick = saved.id
        self.undo_button.show()
        self._undo_timer.start()

    def _after_save(self, saved: Call) -> None:
        minutes, seconds = divmod(saved.duration_s, 60)
        what = labels.label(labels.OUTCOMES, saved.outcome)
        self.status_message.emit(
            self.tr("Saved call no. %d (%s, %s, %02d:%02d).")
            % (saved.id, what, format_local(saved.started_at), minutes, seconds), 10000,
        )  # fmt: skip
        self._undo_expired()
        self._reset()
        self._refresh_history()
        self.call_saved.emit(saved.id)
        self.form.phone_edit.setFocus()

    def undo_quick(self) -> None:
        """Reopen the last one-key call as a full call, its clock still running from the original start."""
        if self._last_quick is None:
            self.status_message.emit(
                self.tr("Nothing to undo: a one-key outcome can be taken back for %d seconds.") % UNDO_SECONDS, 6000
            )
            return
        if self.has_unsaved() and not self._keep_or_warn():
            return
        try:
            call = call_store.get_call(self.db, self._last_quick, viewer_id=self.user.id)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self._undo_expired()
        self._reset()
        self._loading = True
        self.form.set_state({"phone": call.phone_raw})
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(call.line)))
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(call.channel)))
        self._loading = False
        self._start(call.started_at, call.uuid)
        self._editing = (call.id, call.version)
        self._evaluate()
        self._refresh_history()
        self._write_draft()
        self.status_message.emit(self.tr("Call no. %d reopened: log it in full and save (Ctrl+S).") % call.id, 10000)
        self.form.phone_edit.setFocus()

    def _undo_expired(self) -> None:
        self._last_quick = None
        self._undo_timer.stop()
        self.undo_button.hide()

    def discard(self) -> None:
        """Throw away the call on screen (asks first); a stored call reopened by an undo stays stored."""
        if not self.has_unsaved():
            self._reset()
            return
        answer = QMessageBox.question(
            self, self.tr("Discard this call?"),
            self.tr("Everything typed for this call will be lost. Discard it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            draft_store.delete_draft(self.db, self.user.id, self.workstation, self._uuid)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        self._reset()
        self.status_message.emit(self.tr("The call was discarded."), 6000)

    # --- drafts --------------------------------------------------------------------------------------------

    def _draft_state(self) -> dict:
        return {
            "form": self.form.state(),
            "line": self.line_combo.currentData(),
            "channel": self.channel_combo.currentData(),
            **self.case_file.state(),
            "link_case": self.link_combo.currentData(),
            "editing": list(self._editing) if self._editing else None,
            # the call's time on screen, by the monotonic clock: a restore never shows less (see restore_draft)
            "elapsed_ms": self._elapsed_ms(),
            "set_aside_ms": self._set_aside_ms,
        }

    def _write_draft(self, quiet: bool = True, *, set_aside: bool = False):
        """Autosave; returns where the draft is kept (a DraftSaved), or None when there was nothing to keep or it
        could not be kept. A problem is said once in the status bar, never in a dialog: autosave runs every second
        and must not bury the operator in boxes. Not ``quiet``: a draft kept nowhere raises StoreError.
        ``set_aside``: the operator leaves the call on purpose now; the time until it is opened again is no part
        of it (a draft left by a crash has no such mark: the call went on during the outage)."""
        if not self._active or self._started_at is None:
            return None
        state = self._draft_state()
        if set_aside:
            state["set_aside_at_ms"] = to_ms(utcnow())
            self._autosave_timer.stop()  # a later autosave would drop the mark
        try:
            kept = draft_store.save_draft(self.db, self.user.id, self.workstation, self._uuid, state,
                                          self._started_at, to_file=self._drafts_to_file)  # fmt: skip
        except StoreError as exc:
            log.warning("autosave failed: %s", type(exc).__name__)
            self._say_draft_problem(self.tr("Autosave failed, the call is only on screen: %s") % exc)
            if not quiet:
                raise
            return None
        if kept.in_database:
            self._say_draft_problem(None)
        elif kept.database_error is None:
            pass  # asked for: keep_drafts_in_files
        elif isinstance(kept.database_error, DiskFullError):
            self._say_draft_problem(self.tr("The disk is full: the call is kept in a file, not in the database. "
                                            "Free some space, then save (Ctrl+S)."))  # fmt: skip
        else:
            self._say_draft_problem(self.tr("The database cannot take the call, so it is kept in a file: %s")
                                    % kept.database_error)  # fmt: skip
        return kept

    def _say_draft_problem(self, text: str | None) -> None:
        """Show an autosave problem in the status bar once (and once that it is over), not at every autosave."""
        if text == self._draft_problem:
            return
        if text is None:
            self.status_message.emit(self.tr("Autosave works again: the call is kept in the database."), 8000)
        else:
            self.status_message.emit(text, 0)
        self._draft_problem = text

    def restore_draft(self, draft) -> None:
        state = draft.state
        self._reset()
        self._loading = True
        self.form.set_state(state.get("form", {}))
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(state.get("line"))))
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(state.get("channel"))))
        self._loading = False
        self._start(draft.started_at, draft.key)
        self._resume_clock(state)
        self.case_file.set_state(state)
        editing = state.get("editing")
        self._editing = (int(editing[0]), int(editing[1])) if editing else None
        self._evaluate()
        self._refresh_history()
        self.link_combo.setCurrentIndex(max(0, self.link_combo.findData(state.get("link_case"))))

    def _resume_clock(self, state: dict) -> None:
        """A restored call's clock runs from its original start: a crash or power cut does not stop the call on
        the phone, so the outage counts, up to OUTAGE_COUNTED. The time it was set aside on purpose (signed out,
        another user at the lock, F2 for the next call) does not. Never less than the time it had on screen: the
        PC's clock may have been set back since."""
        now_ms = to_ms(utcnow())
        on_screen_ms = _whole_ms(state.get("elapsed_ms"))
        set_aside_ms = _whole_ms(state.get("set_aside_ms"))
        set_aside_at = state.get("set_aside_at_ms")
        if isinstance(set_aside_at, int) and not isinstance(set_aside_at, bool):
            set_aside_ms += max(0, now_ms - set_aside_at)
        since_start_ms = now_ms - to_ms(self._started_at) - set_aside_ms
        outage_ms = since_start_ms - on_screen_ms
        if outage_ms > OUTAGE_COUNTED // timedelta(milliseconds=1):
            set_aside_ms += outage_ms  # the call ended during so long an outage, when is not known
            since_start_ms = on_screen_ms
        self._set_aside_ms = set_aside_ms
        self._elapsed_offset_ms = max(0, on_screen_ms, since_start_ms)
        self._tick()

    def offer_drafts(self) -> None:
        """Offer back the calls kept as drafts (after a crash, a power cut or a sign-out), one by one."""
        try:
            drafts = draft_store.load_drafts(self.db, self.user.id, self.workstation)
        except StoreError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        drafts = [d for d in drafts if d.key != self._uuid]
        if not drafts:
            if self.sender() is not None:
                self.status_message.emit(self.tr("No call is kept as a draft."), 5000)
            return
        for number, draft in enumerate(drafts, start=1):
            answer = ask_about_draft(self, draft, (number, len(drafts)))
            if answer == OPEN:
                if self.has_unsaved() and not self._keep_or_warn():
                    return
                self.restore_draft(draft)
                self.status_message.emit(
                    self.tr("The unsaved call started at %s is back on screen.") % format_local(draft.started_at), 8000
                )
                return
            if answer == DISCARD:
                try:
                    draft_store.delete_draft(self.db, self.user.id, self.workstation, draft.key)
                except StoreError as exc:
                    self.status_message.emit(str(exc), 8000)

    def _keep_or_warn(self) -> bool:
        """Keep the call on screen as a draft before the screen is used for another; False (and a warning,
        with the call still on screen) when it could not be kept."""
        try:
            self._write_draft(quiet=False, set_aside=True)
        except StoreError as exc:
            QMessageBox.warning(
                self, self.tr("Call not kept"),
                self.tr("The call on screen could not be kept as a draft, so it stays on screen: %s") % exc,
            )  # fmt: skip
            return False
        return True

    # --- focus helpers -------------------------------------------------------------------------------------

    def _next_child(self) -> None:
        """Ctrl+T. A child's row added now is laid out only later, so the focus alone would scroll to where the row
        is not yet (it stayed under the banner): lay the form out first, then bring the name field into view."""
        editor = self.form.next_child()
        editor.show()  # the layout would show it later, from the event queue, and lays out only what is shown
        for _ in range(3):  # the form, then the scroll area resizing it
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll.ensureWidgetVisible(editor.name_edit, 20, 20)

    def _focus_categories(self) -> None:
        self.form.categories.filter_edit.setFocus()
        self.form.categories.filter_edit.selectAll()

    def _focus_phone(self) -> None:
        self.form.phone_edit.setFocus()
        self.form.phone_edit.selectAll()

    def focus_history(self) -> None:
        """F11: the cursor on the first earlier call (↓ reads each, Enter opens it, Esc back to the number); with no
        earlier call the status bar says so and the cursor stays."""
        if not self._enter_history():
            self.status_message.emit(self.history_label.text(), 5000)

    def _enter_history(self) -> bool:
        if self.history_model.rowCount() == 0:
            return False
        self.history_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.history_view.setCurrentIndex(self.history_model.index(0, 0))
        return True

    def eventFilter(self, watched, event) -> bool:
        """Keys between the phone number and its history: Tab and ↓ from the number go to the earlier calls when
        there are any (↓ never scrolls the form away from the number); Esc, Shift+Tab and ↑ on the first row come
        back; Tab leaves the history for the caller's relation, and Shift+Tab from there comes back to it."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        shift_tab = key == Qt.Key.Key_Tab and bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Backtab or shift_tab:
            return self._back_tab(watched)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return super().eventFilter(watched, event)
        if watched is self.form.phone_edit and key in (Qt.Key.Key_Tab, Qt.Key.Key_Down):
            return self._enter_history() or key == Qt.Key.Key_Down
        if watched is self.history_view:
            first_row = self.history_view.currentIndex().row() <= 0
            if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and first_row):
                self._focus_phone()
                return True
            if key == Qt.Key.Key_Tab:
                self.form.relation_combo.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _back_tab(self, watched) -> bool:
        if watched is self.history_view:
            self.form.phone_edit.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        if watched is self.form.relation_combo and self.history_model.rowCount():
            self.history_view.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False


def _whole_ms(value) -> int:
    """A number of milliseconds read from a draft (any other value, from an older or damaged draft: 0)."""
    return max(0, value) if isinstance(value, int) and not isinstance(value, bool) else 0


def _cycle(combo: QComboBox) -> None:
    if combo.count():
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
