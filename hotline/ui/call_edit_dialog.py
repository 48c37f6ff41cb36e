"""A stored call opened in the call form: read-only or editable by role, saved with optimistic locking and history."""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import asdict, replace
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from hotline.core import permissions, places
from hotline.core.models import SUBSTANTIVE, Call, CallChange, User, category_group
from hotline.core.rules import REPORT_GROUPS, FlagOverrideError, Reason
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local, utcnow
from hotline.settings import Settings
from hotline.store import calls as call_store
from hotline.store import cases as case_store
from hotline.store import categories as category_store
from hotline.store import users as user_store
from hotline.store.db import ConflictError, StoreError
from hotline.store.lines import list_lines
from hotline.ui import labels
from hotline.ui.call_form import CallForm
from hotline.ui.case_file_bar import CaseFileBar
from hotline.ui.screen_fit import fit_to_screen
from hotline.ui.widgets import follow_focus

log = logging.getLogger(__name__)

#: How long an operator may edit their own call: the rule lives in core.permissions (the store checks it too).
OWN_CALL_EDIT_HOURS = permissions.OWN_CALL_EDIT_HOURS

_CTX = "CallEditDialog"
#: The words for the fields of call_changes (store.calls.EDITABLE_FIELDS) in the history and the conflict table.
FIELD_NAMES = {
    "line": QT_TRANSLATE_NOOP("CallEditDialog", "Line"),
    "channel": QT_TRANSLATE_NOOP("CallEditDialog", "Channel"),
    "outcome": QT_TRANSLATE_NOOP("CallEditDialog", "Outcome"),
    "phone_raw": QT_TRANSLATE_NOOP("CallEditDialog", "Phone number"),
    "caller_relation": QT_TRANSLATE_NOOP("CallEditDialog", "Caller's relation to the child"),
    "caller_name": QT_TRANSLATE_NOOP("CallEditDialog", "Caller's name"),
    "caller_sex": QT_TRANSLATE_NOOP("CallEditDialog", "Caller's sex"),
    "caller_age_band": QT_TRANSLATE_NOOP("CallEditDialog", "Caller's age"),
    "callback_consent": QT_TRANSLATE_NOOP("CallEditDialog", "May be called back"),
    "risk": QT_TRANSLATE_NOOP("CallEditDialog", "Risk"),
    "service_level": QT_TRANSLATE_NOOP("CallEditDialog", "Service level"),
    "summary": QT_TRANSLATE_NOOP("CallEditDialog", "Summary"),
    "action_taken": QT_TRANSLATE_NOOP("CallEditDialog", "Action taken"),
    "help_before": QT_TRANSLATE_NOOP("CallEditDialog", "Help before the report"),
    "incident_province_code": QT_TRANSLATE_NOOP("CallEditDialog", "Province of the incident"),
    "incident_ward_code": QT_TRANSLATE_NOOP("CallEditDialog", "Commune of the incident"),
    "incident_place": QT_TRANSLATE_NOOP("CallEditDialog", "Place of the incident"),
    "incident_setting": QT_TRANSLATE_NOOP("CallEditDialog", "Setting of the incident"),
    "referrals": QT_TRANSLATE_NOOP("CallEditDialog", "Referred to"),
    "categories": QT_TRANSLATE_NOOP("CallEditDialog", "Categories"),
    "case_need": QT_TRANSLATE_NOOP("CallEditDialog", "Case file per the rules"),
    "urgent": QT_TRANSLATE_NOOP("CallEditDialog", "Urgent"),
    "flagged": QT_TRANSLATE_NOOP("CallEditDialog", "Flagged for a case file"),
    "flag_source": QT_TRANSLATE_NOOP("CallEditDialog", "Flagged by"),
    "flag_reasons": QT_TRANSLATE_NOOP("CallEditDialog", "Reasons for the flag"),
    "flag_override_reason": QT_TRANSLATE_NOOP("CallEditDialog", "Why the flag was cleared"),
    "safety_due": QT_TRANSLATE_NOOP("CallEditDialog", "Emergency measures / separation due (12 hours)"),
    "plan_due": QT_TRANSLATE_NOOP("CallEditDialog", "Support plan due"),
    "handoff_due": QT_TRANSLATE_NOOP("CallEditDialog", "Pass to the commune: due from"),
    "victim_referral": QT_TRANSLATE_NOOP("CallEditDialog", "Adult victim to refer"),
}
CHILD_FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("CallEditDialog", "name"),
    "sex": QT_TRANSLATE_NOOP("CallEditDialog", "sex"),
    "age": QT_TRANSLATE_NOOP("CallEditDialog", "age"),
    "age_band": QT_TRANSLATE_NOOP("CallEditDialog", "age band"),
    "province_code": QT_TRANSLATE_NOOP("CallEditDialog", "province"),
    "ward_code": QT_TRANSLATE_NOOP("CallEditDialog", "commune / ward"),
    "address": QT_TRANSLATE_NOOP("CallEditDialog", "address"),
    "special_circumstances": QT_TRANSLATE_NOOP("CallEditDialog", "special circumstances"),
    "carer": QT_TRANSLATE_NOOP("CallEditDialog", "carer"),
    "status": QT_TRANSLATE_NOOP("CallEditDialog", "status"),
    "destination": QT_TRANSLATE_NOOP("CallEditDialog", "taken to"),
}
_NEEDS = {
    "required": QT_TRANSLATE_NOOP("CallEditDialog", "required"),
    "suggested": QT_TRANSLATE_NOOP("CallEditDialog", "suggested"),
    "not_needed": QT_TRANSLATE_NOOP("CallEditDialog", "not needed"),
}
_SOURCES = {
    "rule": QT_TRANSLATE_NOOP("CallEditDialog", "the rules"),
    "manual": QT_TRANSLATE_NOOP("CallEditDialog", "a person, by hand"),
}
_WORDS = {
    "empty": QT_TRANSLATE_NOOP("CallEditDialog", "(empty)"),
    "yes": QT_TRANSLATE_NOOP("CallEditDialog", "yes"),
    "no": QT_TRANSLATE_NOOP("CallEditDialog", "no"),
    "child_removed": QT_TRANSLATE_NOOP("CallEditDialog", "Child removed"),
    "child_field": QT_TRANSLATE_NOOP("CallEditDialog", "Child %s: %s"),
}
_CODE_TABLES = {
    "outcome": labels.OUTCOMES, "channel": labels.CHANNELS, "caller_relation": labels.RELATIONS,
    "caller_sex": labels.SEXES, "sex": labels.SEXES, "caller_age_band": labels.CALLER_AGE_BANDS,
    "age_band": labels.CHILD_AGE_BANDS, "risk": labels.RISKS, "service_level": labels.SERVICE_LEVELS,
    "incident_setting": labels.INCIDENT_SETTINGS, "status": labels.CHILD_STATUSES, "destination": labels.DESTINATIONS,
}  # fmt: skip
_CODE_LISTS = {"referrals": labels.REFERRALS, "special_circumstances": labels.SPECIAL_CIRCUMSTANCES}
#: What a call with a one-key outcome (silent, hang-up…) does not keep: the call screen saves them without.
_CONTENT_FIELDS = (
    "caller_relation", "caller_name", "caller_sex", "caller_age_band", "callback_consent", "risk", "service_level",
    "summary", "action_taken", "help_before", "incident_province_code", "incident_ward_code", "incident_place",
    "incident_setting", "referrals", "categories", "children", "case_need", "urgent", "flagged", "flag_source",
    "flag_reasons", "flag_override_reason", "safety_due", "plan_due", "handoff_due", "victim_referral",
)  # fmt: skip


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# --- the words of the history ------------------------------------------------------------------------------------


def field_label(field: str) -> str:
    """``categories`` → "Categories"; ``children.1.name`` → "Child 1: name"."""
    if field == "children.removed":
        return _t(_WORDS["child_removed"])
    if field.startswith("children."):
        _, number, attr = field.split(".", 2)
        return _t(_WORDS["child_field"]) % (number, _t(CHILD_FIELD_NAMES.get(attr, attr)))
    return _t(FIELD_NAMES[field]) if field in FIELD_NAMES else field


def value_text(field: str, text: str | None, taxonomy: Taxonomy, lang: str) -> str:
    """A value as the store keeps it in call_changes (codes, JSON lists, ISO times) in words a person reads."""
    key = field.rsplit(".", 1)[-1]
    if text is None or text == "" or text == "[]":
        return _t(_WORDS["empty"])
    try:
        if key in _CODE_TABLES:
            return labels.label(_CODE_TABLES[key], text)
        if key in _CODE_LISTS:
            return ", ".join(labels.label(_CODE_LISTS[key], code) for code in json.loads(text))
        if key == "categories":
            return ", ".join(taxonomy.label(code, lang) for code in json.loads(text))
        if key == "flag_reasons":
            return "; ".join(Reason.from_dict(data).text(lang, taxonomy) for data in json.loads(text))
        if key in ("callback_consent", "urgent", "flagged", "victim_referral"):
            return _t(_WORDS["yes" if text == "1" else "no"])
        if key in ("safety_due", "plan_due", "handoff_due"):
            return format_local(datetime.fromisoformat(text))
        if key == "case_need":
            return _t(_NEEDS[text])
        if key == "flag_source":
            return _t(_SOURCES[text])
        if key in ("province_code", "incident_province_code"):
            return places.province_name(int(text)) or text
        if key in ("ward_code", "incident_ward_code"):
            return places.ward_name(int(text)) or text
    except (ValueError, TypeError, KeyError, AttributeError):
        pass  # a value written by an older version of the program: shown as stored
    return text


def change_line(change: CallChange, who: str, taxonomy: Taxonomy, lang: str) -> str:
    """One history row: "dd/MM/yyyy HH:mm — name: field: old → new"."""
    old = value_text(change.field, change.old, taxonomy, lang)
    new = value_text(change.field, change.new, taxonomy, lang)
    return f"{format_local(change.changed_at)} — {who}: {field_label(change.field)}: {old} → {new}"


def _form_state(call: Call) -> dict:
    """A stored call as CallForm.set_state() takes it. The store keeps "none" as the risk of a call that is no
    report (nothing to choose): shown as not chosen, so that a report made of it later asks for its risk."""
    report = call.case_need != "not_needed" or any(category_group(c) in REPORT_GROUPS for c in call.categories)
    risk = "" if call.risk == "none" and not report else call.risk
    return {
        "phone": call.phone_raw, "caller_relation": call.caller_relation, "caller_name": call.caller_name,
        "caller_sex": call.caller_sex, "caller_age_band": call.caller_age_band,
        "callback_consent": call.callback_consent, "children": [asdict(child) for child in call.children],
        "categories": list(call.categories), "risk": risk, "service_level": call.service_level,
        "summary": call.summary, "help_before": call.help_before, "action_taken": call.action_taken,
        "referrals": list(call.referrals), "incident_province_code": call.incident_province_code,
        "incident_ward_code": call.incident_ward_code, "incident_place": call.incident_place,
        "incident_setting": call.incident_setting,
    }  # fmt: skip


def _select(combo: QComboBox, code: str, text: str | None = None) -> None:
    """Select ``code``; a code no longer offered (a retired line) is added so the stored value is shown."""
    if combo.findData(code) < 0:
        combo.addItem(text or code, code)
    combo.setCurrentIndex(combo.findData(code))


# --- the dialog --------------------------------------------------------------------------------------------------


class CallEditDialog(QDialog):
    """Opened from the daily log. Save (Ctrl+S) never overwrites someone else's edit without asking."""

    call_changed = Signal(int)  # emitted after a successful save

    def __init__(self, db, user: User, call_id: int, settings: Settings, lang: str, parent: QWidget | None = None,
                 *, read_only: bool = False):  # fmt: skip
        super().__init__(parent)
        self.read_only_asked = read_only  # e.g. opened from the caller history, beside a call being typed
        self.setObjectName("callEditDialog")
        self.db, self.user, self.call_id, self.settings, self.lang = db, user, call_id, settings, lang
        # an old call keeps and shows a category retired since; the picker offers no other retired one
        self.taxonomy = category_store.load_taxonomy(db)
        self.call: Call | None = None  # the stored version the form was loaded from
        self.can_edit = False
        self._names: dict[int, str] = {}
        self._loaded: tuple | None = None  # the form as loaded, to tell unsaved changes
        self._loading = False
        self._build()
        try:
            call = call_store.get_call(db, call_id, viewer_id=user.id)
        except StoreError as exc:
            self._show_load_error(exc)
            return
        self.can_edit = not read_only and permissions.may_edit_call(user, call, utcnow())
        self._load(call)
        (self.form.phone_edit if self.can_edit else self.tabs).setFocus()

    # --- building ------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Call"))
        self.header = QLabel(objectName="callEditHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.read_only_label = QLabel(objectName="readOnlyLabel")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet("background: #fff4ce; border: 1px solid #8a6d00; padding: 4px;")
        self.read_only_label.hide()

        self.line_combo = QComboBox(objectName="editLineCombo")
        for line in list_lines(self.db):
            self.line_combo.addItem(line.code, line.code)
            self.line_combo.setItemData(self.line_combo.count() - 1, line.name, Qt.ItemDataRole.ToolTipRole)
        self.channel_combo = QComboBox(objectName="editChannelCombo")
        for code in labels.CHANNELS:
            self.channel_combo.addItem(labels.label(labels.CHANNELS, code), code)
        self.outcome_combo = QComboBox(objectName="editOutcomeCombo")
        for code in labels.OUTCOMES:
            self.outcome_combo.addItem(labels.label(labels.OUTCOMES, code), code)
        self.started_label = QLabel(objectName="startedLabel")
        self.duration_label = QLabel(objectName="durationLabel")
        top = QHBoxLayout()
        for text, widget in ((self.tr("Line"), self.line_combo), (self.tr("Channel"), self.channel_combo),
                             (self.tr("Outcome"), self.outcome_combo)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        # the start and the length beside the header (which wraps): the row of the combos stays narrow enough for
        # a small screen
        self.header.setWordWrap(True)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.started_label)
        header_row.addSpacing(16)
        header_row.addWidget(self.duration_label)

        self.form = CallForm(self.taxonomy, self.lang, self.settings.get("default_province"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        follow_focus(scroll)  # Alt+S, Alt+A: the field jumped to is shown whole
        self.history_list = QListWidget(objectName="callHistoryList")
        self.history_list.setWordWrap(True)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setAccessibleName(self.tr("History of the edits of this call"))
        self.tabs = QTabWidget(objectName="callEditTabs")
        self.tabs.addTab(scroll, self.tr("Call"))
        self.tabs.addTab(self.history_list, self.tr("History"))

        self.case_file = CaseFileBar(
            self.taxonomy, self.lang, self.settings.holidays(), working_days=self.settings.working_saturdays()
        )
        self.message_label = QLabel(objectName="callEditMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="saveEditButton")
        self.close_button = QPushButton(self.tr("Close (Esc)"), objectName="closeEditButton")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(self.read_only_label)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.case_file)
        layout.addLayout(bottom)

        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        # the key printed on the flag ("Case file needed (Alt+N)"), as on the live-call screen: without it Alt+N
        # typed an "n" into the focused field
        self.flag_shortcut = QShortcut(QKeySequence("Alt+N"), self, activated=self.case_file.check.setFocus)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.form.changed.connect(self._on_changed)
        self.outcome_combo.currentIndexChanged.connect(self._on_changed)
        self.case_file.message.connect(lambda text, _ms: self._say(text))
        # large, but inside a small office screen (1366×768 is common): the form scrolls, Save and Close stay
        fit_to_screen(self, 1260, 860)

    def keyPressEvent(self, event) -> None:
        # Enter in a field must not click a button of the form (QDialog would): Ctrl+S saves, Esc closes
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    # --- loading -------------------------------------------------------------------------------------------------

    def _name(self, user_id: int | None) -> str:
        if user_id is not None and user_id not in self._names:
            with contextlib.suppress(StoreError):  # a name is not worth an error: "#id" is shown
                self._names = {u.id: u.display_name for u in user_store.list_users(self.db)}
        return self._names.get(user_id, f"#{user_id}")

    def _load(self, call: Call) -> None:
        """Show a stored call: the form, the combos, the case-file decision as stored, and its history."""
        self.call = call
        self._loading = True
        try:
            _select(self.line_combo, call.line)
            _select(self.channel_combo, call.channel)
            _select(self.outcome_combo, call.outcome)
            self.form.set_state(_form_state(call))
            self.form.set_recorded_handoffs(call.handoffs)
            required_but_clear = call.case_need == "required" and not call.flagged
            self.case_file.set_state({
                "manual_flag": call.flag_source == "manual", "cleared_flag": required_but_clear,
                "override_reason": call.flag_override_reason if required_but_clear else "",
            })  # fmt: skip
        finally:
            self._loading = False
        self.case_file.set_case_numbers(*self._case_numbers(call.id))
        self._evaluate()
        self.setWindowTitle(self.tr("Call no. %d") % call.id)
        self.header.setText(
            self.tr("Call no. %d · taken by %s · version %d") % (call.id, self._name(call.operator_id), call.version)
        )
        if call.reviewed_at is not None:
            self.header.setText(self.header.text() + " · " + self.tr("reviewed by %s, %s")
                                % (self._name(call.reviewed_by), format_local(call.reviewed_at)))  # fmt: skip
        minutes, seconds = divmod(call.duration_s, 60)
        self.started_label.setText(self.tr("Started %s") % format_local(call.started_at))
        self.duration_label.setText(self.tr("Duration %d:%02d") % (minutes, seconds))
        self._apply_permissions()
        self._no_default_button()
        self._refresh_history()
        self._loaded = self._snapshot()

    def _case_numbers(self, call_id: int) -> tuple[list[str], list[str]]:
        """The case files of the call (opened from it, linked to it), for a reader allowed to see their numbers;
        none for another (the banner then shows the rules' decision as stored)."""
        try:
            return case_store.case_numbers_of_call(self.db, call_id, viewer_id=self.user.id)
        except StoreError:
            return [], []

    def _apply_permissions(self) -> None:
        """Read-only: nothing can be changed and there is no Save. Text stays selectable and scrollable (a long
        summary must be readable), every other input is disabled."""
        self.save_button.setVisible(self.can_edit)
        self.save_shortcut.setEnabled(self.can_edit)
        if self.can_edit:
            return
        if self.read_only_asked:
            text = self.tr("Read only: opened from the caller history. The call being typed stays as it is.")
        elif permissions.can(self.user, permissions.CALL_EDIT_OWN):
            text = self.tr("Read only: you may change only your own calls, during your shift (%d hours from the "
                           "start of the call).") % OWN_CALL_EDIT_HOURS  # fmt: skip
        else:
            text = self.tr("Read only: your role does not change calls.")
        self.read_only_label.setText(text)
        self.read_only_label.show()
        inputs = [self.line_combo, self.channel_combo, self.outcome_combo]
        inputs += self.form.findChildren(QWidget) + self.case_file.findChildren(QWidget)
        for widget in inputs:
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(True)
                palette = widget.palette()  # a grey field says "not editable"; black text stays easy to read
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                widget.setPalette(palette)
                if isinstance(widget, QPlainTextEdit):
                    widget.viewport().setPalette(palette)
            elif isinstance(widget, (QComboBox, QAbstractButton, QAbstractSpinBox, QTreeWidget)):
                widget.setEnabled(False)

    def _no_default_button(self) -> None:
        # QDialog makes the first auto-default button the default one: a child's "Remove" would look like the
        # button Enter presses. Enter presses nothing here (keyPressEvent); Ctrl+S saves.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _show_load_error(self, exc: StoreError) -> None:
        self.header.setText(str(exc))
        self.tabs.setEnabled(False)
        self.case_file.hide()
        self.save_button.hide()
        self.save_shortcut.setEnabled(False)
        QMessageBox.warning(self, self.tr("The call cannot be opened"), str(exc))

    def _refresh_history(self) -> None:
        self.history_list.clear()
        try:
            changes = call_store.call_changes(self.db, self.call.id, viewer_id=self.user.id)
        except StoreError as exc:
            self.history_list.addItem(str(exc))
            return
        for change in changes:
            text = change_line(change, self._name(change.user_id), self.taxonomy, self.lang)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.history_list.addItem(item)
        if not changes:
            self.history_list.addItem(self.tr("No edits since the call was saved."))
        self.tabs.setTabText(1, self.tr("History (%d)") % len(changes))

    # --- changes -------------------------------------------------------------------------------------------------

    def _on_changed(self, *_args) -> None:
        if not self._loading and self.call is not None:
            self._evaluate()
            self._no_default_button()  # "+ Add a child" adds a child's "Remove" button

    def _evaluate(self) -> None:
        substantive = self.outcome_combo.currentData() == SUBSTANTIVE
        self.case_file.setVisible(substantive)
        form = self.form
        decision = self.case_file.evaluate(
            form.categories.codes(), form.risk(), form.children(), self.call.started_at,
            handed_off=form.handoff_kinds_done(),
        )  # fmt: skip
        form.show_decision(decision if substantive else None)

    def _snapshot(self) -> tuple:
        return (
            json.dumps(self.form.state(), sort_keys=True, default=str),
            self.line_combo.currentData(), self.channel_combo.currentData(), self.outcome_combo.currentData(),
            json.dumps(self.case_file.state(), sort_keys=True),
        )  # fmt: skip

    def has_unsaved(self) -> bool:
        return self.can_edit and self.call is not None and self._snapshot() != self._loaded

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message_label.setText(text)

    def reject(self) -> None:
        """Esc, Close or the window's ×: unsaved changes are only dropped when the user says so."""
        if self.has_unsaved():
            answer = QMessageBox.question(
                self, self.tr("Discard your changes?"),
                self.tr("Your changes to this call are not saved. Close and discard them?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    # --- saving --------------------------------------------------------------------------------------------------

    def edited_call(self, base: Call) -> Call:
        """The form's values on top of ``base`` (the stored version: id, uuid, version, times, operator, review)."""
        outcome = self.outcome_combo.currentData()
        call = replace(
            base, line=self.line_combo.currentData(), channel=self.channel_combo.currentData(), outcome=outcome,
            phone_raw=self.form.phone_edit.text().strip(),
        )  # fmt: skip
        if outcome != SUBSTANTIVE:
            blank = Call(line=call.line, started_at=call.started_at, operator_id=call.operator_id)
            return replace(call, **{name: getattr(blank, name) for name in _CONTENT_FIELDS})
        known = {child.id for child in base.children}
        self.form.apply_to(call)
        # a child that ``base`` no longer has (removed in the other version) is written as a new child
        call.children = [c if c.id in known else replace(c, id=None) for c in call.children]
        self.case_file.apply_to(call)
        return call

    def save(self) -> None:
        """Ctrl+S: required items are named and focused; a conflict is shown, never overwritten silently."""
        if not self.can_edit or self.call is None:
            return
        outcome = self.outcome_combo.currentData()
        if outcome == SUBSTANTIVE:
            self._evaluate()
            missing = self.form.check_required(self.case_file.decision)
        else:
            missing = self.form.check_phone()  # a call without content keeps its number: never a sentence
        if missing:
            self.tabs.setCurrentIndex(0)
            missing[0][0].setFocus()
            self._say(self.tr("Not saved yet — %s") % " ".join(text for _, text in missing), error=True)
            return
        if outcome != SUBSTANTIVE and self.form.has_content_beyond_phone():
            what = labels.label(labels.OUTCOMES, outcome)
            answer = QMessageBox.question(
                self, self.tr("Save as '%s'?") % what,
                self.tr("A call saved as '%s' keeps no content: its categories, children and texts are removed "
                        "(the history keeps them). Save anyway?") % what,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            mine = self.edited_call(self.call)
        except FlagOverrideError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self._store(mine)

    def _store(self, mine: Call) -> None:
        try:
            saved = call_store.update_call(self.db, mine, user_id=self.user.id)
        except ConflictError:
            self._resolve_conflict()
            return
        except StoreError as exc:
            log.warning("saving an edit of a call failed: %s", type(exc).__name__)
            QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("The changes were NOT saved: %s\n\nEverything you typed is still in the form.")
                % exc,
            )  # fmt: skip
            self._say(self.tr("Not saved — your changes are still in the form."), error=True)
            return
        handed_off = len(saved.handoffs) > len(self.call.handoffs)
        changed = saved.version != mine.version or handed_off
        self._load(saved)  # new children now carry their ids: a second save must not add them again
        if changed:
            self._say(self.tr("Saved (version %d). The history tab shows what changed.") % saved.version)
            self.call_changed.emit(saved.id)
        else:
            self._say(self.tr("Nothing had changed: nothing was saved."))

    def _resolve_conflict(self) -> None:
        """Someone saved the call since it was read: show both versions and let the user choose."""
        try:
            theirs = call_store.get_call(self.db, self.call.id, viewer_id=self.user.id)
            changes = call_store.call_changes(self.db, self.call.id, viewer_id=self.user.id)
            mine = self.edited_call(theirs)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        newest = [c for c in changes if c.changed_at == changes[-1].changed_at] if changes else []
        who = ", ".join(dict.fromkeys(self._name(c.user_id) for c in newest)) or self.tr("someone else")
        when = newest[0].changed_at if newest else theirs.updated_at
        # the store's own comparison: the table lists exactly what "Save mine over theirs" would write
        rows = [
            (field_label(field), value_text(field, old, self.taxonomy, self.lang),
             value_text(field, new, self.taxonomy, self.lang))
            for field, old, new in call_store.diff_calls(theirs, mine)
        ]  # fmt: skip
        dialog = ConflictDialog(rows, who, when, self)
        choice = dialog.exec()
        if choice == ConflictDialog.KEEP_THEIRS:
            self._load(theirs)
            self._say(self.tr("Your edit was discarded: the form shows the version saved by %s.") % who)
        elif choice == ConflictDialog.SAVE_MINE:
            self._store(mine)
        else:
            self._say(self.tr("Nothing was saved. Saving again shows the other version again."), error=True)


class ConflictDialog(QDialog):
    """Both versions side by side: the field, theirs (stored), yours (the form). Esc goes back to editing."""

    KEEP_THEIRS = 2
    SAVE_MINE = 3

    def __init__(self, rows: list[tuple[str, str, str]], who: str, when: datetime | None, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this call"))
        intro = QLabel(self.tr(
            "%s saved this call at %s, while you were editing it. Nothing has been overwritten. "
            "Where the two versions differ:"
        ) % (who, format_local(when)))  # fmt: skip
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(len(rows), 3, objectName="conflictTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs (saved by %s)") % who, self.tr("Yours (not saved)")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # long summaries wrap in full
        same = QLabel(self.tr("Both versions hold the same values."))
        same.setVisible(not rows)

        self.keep_button = QPushButton(self.tr("&Keep theirs"), objectName="keepTheirsButton")
        self.keep_button.setToolTip(self.tr("Discard your edit and show the saved version"))
        self.mine_button = QPushButton(self.tr("&Save mine over theirs"), objectName="saveMineButton")
        self.mine_button.setToolTip(self.tr("Store your values in place of theirs; their edit stays in the history"))
        self.back_button = QPushButton(self.tr("&Back to editing"), objectName="backToEditingButton")
        self.back_button.setToolTip(self.tr("Nothing is saved and nothing changes (Esc)"))
        for button in (self.keep_button, self.mine_button):
            button.setAutoDefault(False)
        self.back_button.setDefault(True)  # Enter must not decide between two people's work
        self.keep_button.clicked.connect(lambda: self.done(self.KEEP_THEIRS))
        self.mine_button.clicked.connect(lambda: self.done(self.SAVE_MINE))
        self.back_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.mine_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(same)
        layout.addLayout(buttons)
        self.resize(820, 420)
        self.back_button.setFocus()

    def rows(self) -> list[tuple[str, ...]]:
        """The table as text (field, theirs, yours)."""
        return [
            tuple(self.table.item(row, column).text() for column in range(3)) for row in range(self.table.rowCount())
        ]
