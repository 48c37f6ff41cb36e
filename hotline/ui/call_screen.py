"""The operator's live-call screen: one key to start, one key for a call with no content, autosaved while typed."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import ONE_KEY_OUTCOMES, SUBSTANTIVE, Call, User
from hotline.core.phones import PhoneInfo
from hotline.core.rules import (
    CaseFileDecision,
    FlagOverrideError,
    effective_flag,
    evaluate_case_file_need,
    flag_reasons,
)
from hotline.core.taxonomy import load_taxonomy
from hotline.core.timeutil import format_local, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import drafts as draft_store
from hotline.store.db import StoreError
from hotline.store.lines import last_line_of, list_lines
from hotline.ui import labels
from hotline.ui.call_form import CallForm
from hotline.ui.models.caller_history_model import CallerHistoryModel

log = logging.getLogger(__name__)

#: How long a one-key outcome can be taken back (issue 3).
UNDO_SECONDS = 10
#: Autosave runs at most this long after a change, even while the operator keeps typing (DESIGN §2: ≤ 2 s).
AUTOSAVE_MS = 1000
OUTCOME_KEYS = {"silent": "F5", "hang_up": "F6", "prank": "F7", "wrong_number": "F8", "abusive": "F9", "test": "F10"}


def app_lang() -> str:
    app = QCoreApplication.instance()
    lang = app.property("hotline_lang") if app is not None else None
    return lang if lang in ("vi", "en") else "vi"


class CallScreen(QWidget):
    """Log a call in seconds by keyboard, and never lose it."""

    status_message = Signal(str, int)  # text, milliseconds to show (0 = until replaced)
    call_saved = Signal(int)  # call id

    def __init__(self, db, user: User, settings: Settings, workstation: str, parent=None, *, lang: str | None = None):
        super().__init__(parent)
        self.setObjectName("callScreen")
        self.db, self.user, self.settings, self.workstation = db, user, settings, workstation
        self.lang = lang or app_lang()
        self.taxonomy = load_taxonomy()
        self._holidays = settings.holidays()
        # the call being typed
        self._active = False
        self._uuid = ""
        self._started_at: datetime | None = None
        self._elapsed = QElapsedTimer()
        self._elapsed_offset_ms = 0  # for a call restored from a draft or reopened after an undo
        self._editing: tuple[int, int] | None = None  # (call id, version) when the form holds a stored call
        self._manual_flag = False
        self._cleared_flag = False
        self._override_reason = ""
        self._decision: CaseFileDecision | None = None
        self._last_quick: int | None = None  # id of the last one-key call, while it can be undone
        self._loading = False

        self._build()
        self._build_actions()
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
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_quick)
        top.addWidget(self.undo_button)

        self.form = CallForm(self.taxonomy, self.lang, self.settings.get("default_province"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)

        history_layout = self.form.phone_box_layout
        self.history_label = QLabel(objectName="callerHistoryLabel")
        self.history_label.setWordWrap(True)
        self.history_model = CallerHistoryModel(self.taxonomy, self.lang, self)
        self.history_view = QTableView(objectName="callerHistoryView")
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName(self.tr("Earlier calls from this number"))
        self.history_view.verticalHeader().hide()
        self.history_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CallerHistoryModel.COL_CATEGORIES, QHeaderView.ResizeMode.Stretch)
        self.history_view.verticalHeader().setDefaultSectionSize(22)
        self.history_view.setWordWrap(False)
        self.history_view.setMinimumHeight(110)
        self.history_view.setMaximumHeight(150)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history_view)

        self.banner = QLabel(objectName="caseFileBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.flag_check = QCheckBox(self.tr("Case file needed (Alt+N)"), objectName="manualFlagCheck")
        self.flag_check.setToolTip(
            self.tr("Flag this call for a case file. Clearing a flag the rules set needs a reason.")
        )
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="saveButton")
        self.save_button.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.banner, 1)
        bottom.addWidget(self.flag_check)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self.new_call_button.clicked.connect(self.new_call)
        self.save_button.clicked.connect(self.save)
        self.flag_check.clicked.connect(self._on_flag_clicked)
        self.form.changed.connect(self._on_form_changed)
        self.form.phone_changed.connect(lambda _info: self._history_timer.start())
        self.line_combo.currentIndexChanged.connect(self._on_form_changed)
        self.channel_combo.currentIndexChanged.connect(self._on_form_changed)
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
        self.undo_action.setEnabled(False)
        self._actions += [
            self.undo_action,
            action(self.tr("Save the call"), ["Ctrl+S", "Ctrl+Return", "Ctrl+Enter"], self.save, "saveAction"),
            action(self.tr("Add a child"), ["Ctrl+T"], lambda: self.form.add_child(focus=True), "addChildAction"),
            action(self.tr("Find a category"), ["Ctrl+K"], self._focus_categories, "findCategoryAction"),
            action(self.tr("Go to the phone number"), ["Ctrl+L"], self._focus_phone, "focusPhoneAction"),
            # the same keys in every language (a translated label's own Alt+letter would differ)
            action(
                self.tr("Go to the risk level"), ["Alt+R"], lambda: self.form.risk_combo.setFocus(), "focusRiskAction"
            ),
            action(
                self.tr("Go to the summary"), ["Alt+S"], lambda: self.form.summary_edit.setFocus(), "focusSummaryAction"
            ),
            action(
                self.tr("Go to the action taken"),
                ["Alt+A"],
                lambda: self.form.action_edit.setFocus(),
                "focusActionAction",
            ),
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

    def keep_as_draft(self) -> None:
        """Write the call on screen as a draft now; raises StoreError when it could not be kept."""
        if self.has_unsaved():
            self._write_draft(quiet=False)

    # --- starting a call -----------------------------------------------------------------------------------

    def _start(self, started_at: datetime | None = None, uuid: str | None = None) -> None:
        from hotline.core.models import new_uuid

        self._active = True
        self._uuid = uuid or new_uuid()
        self._started_at = started_at or utcnow()
        self._elapsed.start()
        self._elapsed_offset_ms = max(0, int((utcnow() - self._started_at).total_seconds() * 1000))
        self._tick()

    def new_call(self) -> None:
        """Start the clock on a fresh call; a call already being typed is kept as a draft first."""
        if self.has_unsaved():
            answer = QMessageBox.question(
                self, self.tr("A call is being typed"),
                self.tr("The call on screen is not saved. Keep it as a draft and start a new call?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._write_draft()
            self.status_message.emit(self.tr("The previous call is kept as a draft (Ctrl+Shift+R)."), 8000)
        self._reset()
        self._start()
        self.form.phone_edit.setFocus()

    def _reset(self) -> None:
        self._loading = True
        self.form.clear()
        self.channel_combo.setCurrentIndex(0)
        self._loading = False
        self._active = False
        self._editing = None
        self._manual_flag = self._cleared_flag = False
        self._override_reason = ""
        self._autosave_timer.stop()
        self._evaluate()
        self._tick()

    def duration_s(self) -> int:
        if not self._active:
            return 0
        return max(0, (self._elapsed.elapsed() + self._elapsed_offset_ms) // 1000)

    def _tick(self) -> None:
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
        self._decision = evaluate_case_file_need(
            outcome=SUBSTANTIVE, categories=form.categories.codes(), risk=form.risk_combo.currentData(),
            children=form.children(), started_at=self._started_at or utcnow(), holidays=self._holidays,
        )  # fmt: skip
        self._sync_flag_check()
        self._show_banner()

    def _required(self) -> bool:
        return self._decision is not None and self._decision.need == "required"

    def _sync_flag_check(self) -> None:
        checked = (not self._cleared_flag) if self._required() else self._manual_flag
        self.flag_check.blockSignals(True)
        self.flag_check.setChecked(checked)
        self.flag_check.blockSignals(False)

    def _on_flag_clicked(self, checked: bool) -> None:
        if not self._required():
            self._manual_flag = checked
        elif checked:
            self._cleared_flag, self._override_reason = False, ""
        else:
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("Clear the case-file flag"),
                self.tr("The rules require a case file for this call. Why does it not need one?\n"
                        "(The reason is kept and the shift lead reviews it.)"),
            )  # fmt: skip
            if ok and reason.strip():
                self._cleared_flag, self._override_reason = True, reason.strip()
            else:
                self.status_message.emit(self.tr("The flag stays: clearing it needs a reason."), 6000)
        self._sync_flag_check()
        self._show_banner()
        self._on_form_changed()

    def _show_banner(self) -> None:
        decision = self._decision
        need = decision.need if decision else "not_needed"
        text = decision.summary(self.lang, self.taxonomy) if decision else ""
        if need == "required" and self._cleared_flag:
            text += " — " + self.tr("flag cleared by the operator: %s") % self._override_reason
        elif need != "required" and self._manual_flag:
            text += " — " + self.tr("flagged by hand for a case file")
        icon = {"required": "⚠", "suggested": "ℹ"}.get(need, "✓")
        self.banner.setText(f"{icon} {text}")
        colours = {"required": ("#fde2e1", "#b00020"), "suggested": ("#fff4ce", "#8a6d00")}
        background, border = colours.get(need, ("#eef3ee", "#9e9e9e"))
        self.banner.setStyleSheet(
            f"background: {background}; border: 2px solid {border}; padding: 6px; font-weight: bold;"
        )
        self.banner.setProperty("need", need)

    # --- caller history ------------------------------------------------------------------------------------

    def _refresh_history(self) -> None:
        info: PhoneInfo = self.form.phone()
        if not info.usable:
            self.history_model.set_rows([])
            self.history_label.setText(
                self.tr("Number withheld: there is no caller history.") if info.kind == "withheld" and info.raw.strip()
                else self.tr("Type the caller's number to see earlier calls.")
            )  # fmt: skip
            return
        exclude = self._editing[0] if self._editing else None
        try:
            history = call_store.caller_history(self.db, info.raw, exclude_call_id=exclude)
        except StoreError as exc:
            self.history_label.setText(str(exc))
            return
        self.history_model.set_rows(history.items)
        if history.total == 0:
            self.history_label.setText(self.tr("%s: first call from this number.") % info.display)
        else:
            self.history_label.setText(self.tr("%s: %d earlier calls") % (info.display, history.total))

    # --- saving --------------------------------------------------------------------------------------------

    def _build_call(self, outcome: str) -> Call:
        form = self.form
        if not self._active:
            self._start()
        duration = self.duration_s()
        started = self._started_at
        call = Call(
            line=self.line_combo.currentData(), started_at=started, operator_id=self.user.id, outcome=outcome,
            channel=self.channel_combo.currentData(), ended_at=started + timedelta(seconds=duration),
            duration_s=duration, phone_raw=form.phone_edit.text().strip(), uuid=self._uuid,
        )  # fmt: skip
        if outcome == SUBSTANTIVE:
            state = form.state()
            call.caller_relation, call.caller_name = state["caller_relation"], state["caller_name"].strip()
            call.caller_sex, call.caller_age_band = state["caller_sex"], state["caller_age_band"]
            call.callback_consent = state["callback_consent"]
            call.children, call.categories = form.children(), state["categories"]
            call.risk, call.summary = state["risk"], state["summary"].strip()
            call.action_taken, call.referrals = state["action_taken"].strip(), state["referrals"]
            decision = self._decision
            flag = effective_flag(decision, self._manual_flag and not self._required(),
                                  self._cleared_flag and self._required(), self._override_reason)  # fmt: skip
            call.case_need, call.urgent = decision.need, decision.urgent
            call.flagged, call.flag_source = flag.flagged, flag.source
            call.flag_reasons = [reason.to_dict() for reason in flag_reasons(decision, flag)]
            call.flag_override_reason = self._override_reason if self._cleared_flag else ""
            call.safety_due, call.plan_due = decision.safety_due, decision.plan_due
        return call

    def _store(self, call: Call) -> Call | None:
        """Save or update; on failure say why and keep everything on screen (and in the draft)."""
        try:
            if self._editing is not None:
                call.id, call.version = self._editing
                saved = call_store.update_call(self.db, call, user_id=self.user.id)
                draft_store.delete_draft(self.db, self.user.id, self.workstation, call.uuid)
            else:
                saved = call_store.save_call(self.db, call, draft=(self.user.id, self.workstation, call.uuid))
        except StoreError as exc:
            log.warning("saving a call failed: %s", type(exc).__name__)
            self._write_draft()
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("The call was NOT saved: %s\n\n"
                                "Everything you typed is still on screen.") % exc)  # fmt: skip
            self.status_message.emit(self.tr("Not saved — the call is still on screen."), 0)
            return None
        return saved

    def save(self) -> None:
        """Save the call with content (Ctrl+S): required items are named and focused, nothing is cleared."""
        missing = self.form.check_required()
        if missing:
            missing[0].setFocus()
            self.status_message.emit(self.tr("Not saved yet: %d required item(s) missing.") % len(missing), 6000)
            return
        try:
            call = self._build_call(SUBSTANTIVE)
        except FlagOverrideError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        saved = self._store(call)
        if saved is None:
            return
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
        self._last_quick = saved.id
        self.undo_action.setEnabled(True)
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
            return
        if self.has_unsaved():
            self._write_draft()
        call = call_store.get_call(self.db, self._last_quick)
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
        self.undo_action.setEnabled(False)
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
            "manual_flag": self._manual_flag,
            "cleared_flag": self._cleared_flag,
            "override_reason": self._override_reason,
            "editing": list(self._editing) if self._editing else None,
        }

    def _write_draft(self, quiet: bool = True) -> None:
        """Autosave. A failure is shown in the status bar (and raised when not ``quiet``); the form keeps all."""
        if not self._active or self._started_at is None:
            return
        try:
            draft_store.save_draft(self.db, self.user.id, self.workstation, self._uuid, self._draft_state(),
                                   self._started_at)  # fmt: skip
        except StoreError as exc:
            log.warning("autosave failed: %s", type(exc).__name__)
            self.status_message.emit(self.tr("Autosave failed: %s") % exc, 0)
            if not quiet:
                raise

    def restore_draft(self, draft) -> None:
        state = draft.state
        self._reset()
        self._loading = True
        self.form.set_state(state.get("form", {}))
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(state.get("line"))))
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(state.get("channel"))))
        self._loading = False
        self._start(draft.started_at, draft.key)
        self._manual_flag = bool(state.get("manual_flag"))
        self._cleared_flag = bool(state.get("cleared_flag"))
        self._override_reason = state.get("override_reason") or ""
        editing = state.get("editing")
        self._editing = (int(editing[0]), int(editing[1])) if editing else None
        self._evaluate()
        self._refresh_history()

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
        for draft in drafts:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Unsaved call found"))
            summary = draft.state.get("form", {}).get("summary", "")[:120]
            box.setText(self.tr("A call started at %s was not saved. Open it again to finish it?")
                        % format_local(draft.started_at))  # fmt: skip
            box.setInformativeText(summary)
            restore = box.addButton(self.tr("Open it"), QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(self.tr("Discard it…"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
            box.exec()
            if box.clickedButton() is restore:
                if self.has_unsaved():
                    self._write_draft()
                self.restore_draft(draft)
                self.status_message.emit(self.tr("The unsaved call is back on screen."), 8000)
                return
            if box.clickedButton() is discard:
                sure = QMessageBox.question(
                    self, self.tr("Discard the unsaved call?"),
                    self.tr("The call started at %s will be lost. Discard it?") % format_local(draft.started_at),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
                )  # fmt: skip
                if sure == QMessageBox.StandardButton.Yes:
                    draft_store.delete_draft(self.db, self.user.id, self.workstation, draft.key)

    # --- focus helpers -------------------------------------------------------------------------------------

    def _focus_categories(self) -> None:
        self.form.categories.filter_edit.setFocus()
        self.form.categories.filter_edit.selectAll()

    def _focus_phone(self) -> None:
        self.form.phone_edit.setFocus()
        self.form.phone_edit.selectAll()


def _cycle(combo: QComboBox) -> None:
    if combo.count():
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
