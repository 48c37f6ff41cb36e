"""The fields of a call with content: phone, caller, the people it is about, place, categories and assessment."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import Call, Child, Handoff, category_group
from hotline.core.phones import PhoneInfo, holds_prose, normalize_phone
from hotline.core.rules import CaseFileDecision
from hotline.core.taxonomy import Taxonomy
from hotline.ui import labels
from hotline.ui.assessment_editor import AssessmentEditor, error_label
from hotline.ui.category_picker import CategoryPicker
from hotline.ui.child_editor import ChildEditor
from hotline.ui.incident_editor import IncidentEditor
from hotline.ui.widgets import compact

REPORT_GROUPS = ("abuse", "trafficking")
#: The call's own fields that the form holds as they are (CallForm.state() keys, Call attributes).
_INCIDENT_FIELDS = ("incident_province_code", "incident_ward_code", "incident_place", "incident_setting")


def _combo(table: dict[str, str], name: str) -> QComboBox:
    combo = compact(QComboBox(objectName=name), 8)
    for code in table:
        combo.addItem(labels.label(table, code), code)
    return combo


class CallForm(QWidget):
    """Reads and writes the form as plain values; knows which required items are missing."""

    changed = Signal()
    phone_changed = Signal(object)  # PhoneInfo

    def __init__(self, taxonomy: Taxonomy, lang: str, default_province: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._default_province = default_province
        self.phone_edit = QLineEdit(objectName="phoneEdit")
        self.phone_edit.setPlaceholderText(self.tr("caller's number, as heard (or: withheld)"))
        self.phone_edit.setAccessibleName(self.tr("Caller's phone number"))
        self.phone_info_label = QLabel(objectName="phoneInfoLabel")
        self.phone_info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.phone_info_label.setWordWrap(True)
        self.phone_error = error_label("phoneError")

        self.relation_combo = _combo(labels.RELATIONS, "callerRelationCombo")
        self.caller_name_edit = QLineEdit(objectName="callerNameEdit")
        self.caller_name_edit.setPlaceholderText(self.tr("only if the caller gives it"))
        self.caller_sex_combo = _combo(labels.SEXES, "callerSexCombo")
        self.caller_age_combo = _combo(labels.CALLER_AGE_BANDS, "callerAgeCombo")
        self.consent_check = QCheckBox(self.tr("May be called &back"), objectName="callbackConsentCheck")

        self.children_box = QVBoxLayout()
        self.add_child_button = QPushButton(self.tr("+ Add a chil&d"), objectName="addChildButton")
        self.children_error = error_label("childrenError")
        self.editors: list[ChildEditor] = []
        self.incident = IncidentEditor(default_province)

        self.categories = CategoryPicker(taxonomy, lang)
        self.categories.tree.setMinimumHeight(160)
        self.categories_error = error_label("categoriesError")
        self.assessment = AssessmentEditor()
        self.assessment.incident_ward_name = self.incident.ward_name
        # the names the call screen, the edit dialog and the tests reach the assessment's inputs by
        a = self.assessment
        self.risk_combo, self.risk_error, self.service_radios = a.risk_combo, a.risk_error, a.service_radios
        self.service_error, self.summary_edit, self.summary_error = a.service_error, a.summary_edit, a.summary_error
        self.help_before_edit, self.action_edit = a.help_before_edit, a.action_edit
        self.referral_checks = a.referral_checks
        self.handoff_rows = a.handoff_rows
        #: the form's own shortcuts (Alt+R, Alt+S, Alt+A, Alt+1/2/3, Alt+P): they work wherever the form is shown
        self.key_actions = [*a.key_actions, self.incident.key_action]

        self._layout()
        self._connect()
        self.add_child()
        self._on_phone_text("")

    # --- building ------------------------------------------------------------------------------------------

    def _layout(self) -> None:
        phone_box = QGroupBox(self.tr("Phone"))
        #: the call screen puts the caller history here, under the number it belongs to
        self.phone_box_layout = QVBoxLayout(phone_box)
        phone_row = QHBoxLayout()
        phone_label = QLabel(self.tr("N&umber"))
        phone_label.setBuddy(self.phone_edit)
        phone_row.addWidget(phone_label)
        phone_row.addWidget(self.phone_edit, 1)
        phone_row.addWidget(self.phone_info_label, 2)
        self.phone_box_layout.addLayout(phone_row)
        self.phone_box_layout.addWidget(self.phone_error)

        caller_box = QGroupBox(self.tr("Caller"))
        caller = QGridLayout(caller_box)
        relation_label = QLabel(self.tr("R&elation to the child"))
        relation_label.setBuddy(self.relation_combo)
        caller.addWidget(relation_label, 0, 0)
        caller.addWidget(self.relation_combo, 0, 1)
        caller.addWidget(QLabel(self.tr("Name")), 0, 2)
        caller.addWidget(self.caller_name_edit, 0, 3)
        caller.addWidget(QLabel(self.tr("Sex")), 1, 0)
        caller.addWidget(self.caller_sex_combo, 1, 1)
        caller.addWidget(QLabel(self.tr("Age")), 1, 2)
        caller.addWidget(self.caller_age_combo, 1, 3)
        caller.addWidget(self.consent_check, 2, 1, 1, 3)
        caller.setColumnStretch(3, 1)

        children_box = QGroupBox(self.tr("Children and victims the call is about"))
        children = QVBoxLayout(children_box)
        children.addLayout(self.children_box)
        row = QHBoxLayout()
        row.addWidget(self.add_child_button)
        row.addWidget(self.children_error, 1)
        children.addLayout(row)

        categories_box = QGroupBox(self.tr("Categories"))
        categories = QVBoxLayout(categories_box)
        filter_label = QLabel(self.tr("F&ind a category"))
        filter_label.setBuddy(self.categories.filter_edit)
        categories.addWidget(filter_label)
        categories.addWidget(self.categories)
        categories.addWidget(self.categories_error)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(phone_box)
        left.addWidget(caller_box)
        left.addWidget(children_box)
        left.addWidget(self.incident)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(categories_box, 1)
        right.addWidget(self.assessment)
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        self.setLayout(top)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.phone_edit, self.relation_combo, self.caller_name_edit, self.caller_sex_combo, self.caller_age_combo,
            self.consent_check,
        ]  # fmt: skip
        for editor in self.editors:
            chain += editor.tab_chain()
        chain += [self.add_child_button, *self.incident.tab_chain(), self.categories.filter_edit, self.categories.tree,
                  *self.assessment.tab_chain()]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.phone_edit.textChanged.connect(self._on_phone_text)
        self.add_child_button.clicked.connect(lambda: self.add_child(focus=True))
        for signal in (
            self.phone_edit.textChanged, self.relation_combo.currentIndexChanged, self.caller_name_edit.textChanged,
            self.caller_sex_combo.currentIndexChanged, self.caller_age_combo.currentIndexChanged,
            self.consent_check.toggled, self.categories.changed, self.incident.changed, self.assessment.changed,
        ):  # fmt: skip
            signal.connect(self.changed)
        self.categories.changed.connect(lambda: self.categories_error.hide())
        self.categories.changed.connect(self._show_destinations)
        self.changed.connect(lambda: self.incident.set_home(next(iter(self.children()), None)))

    def _trafficking(self) -> bool:
        return any(category_group(code) == "trafficking" for code in self.categories.codes())

    def _show_destinations(self) -> None:
        trafficking = self._trafficking()
        for editor in self.editors:
            editor.set_trafficking(trafficking)

    # --- children ------------------------------------------------------------------------------------------

    def next_child(self) -> ChildEditor:
        """Ctrl+T: go to the first blank child row, or add one when every row holds a child."""
        editor = next((e for e in self.editors if e.is_empty()), None) or self.add_child()
        editor.name_edit.setFocus()
        return editor

    def add_child(self, child: Child | None = None, focus: bool = False) -> ChildEditor:
        editor = ChildEditor(len(self.editors) + 1, self._default_province)
        editor.set_trafficking(self._trafficking())
        if child is not None:
            editor.set_child(child)
        editor.changed.connect(self.changed)
        editor.changed.connect(lambda: self.children_error.hide())
        editor.remove_requested.connect(self._remove_child)
        self.editors.append(editor)
        self.children_box.addWidget(editor)
        self._set_tab_order()
        if focus:
            editor.name_edit.setFocus()
        self.changed.emit()
        return editor

    def _remove_child(self, editor: ChildEditor) -> None:
        self.editors.remove(editor)
        # hidden on purpose first: an editor added moments ago still has the layout's queued "show" pending, and
        # without a parent that would open it as a window of its own (seen after a draft restore), taking the focus
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        for number, other in enumerate(self.editors, start=1):
            other.set_number(number)
        self._set_tab_order()
        self.changed.emit()

    def children(self) -> list[Child]:
        return [editor.child() for editor in self.editors if not editor.is_empty()]

    # --- phone ---------------------------------------------------------------------------------------------

    def phone(self) -> PhoneInfo:
        return normalize_phone(self.phone_edit.text())

    def _on_phone_text(self, text: str) -> None:
        info = normalize_phone(text)
        self.phone_info_label.setText(self.describe_phone(info))
        bad = info.kind == "invalid"
        prose = holds_prose(text)
        if not prose:
            self.phone_error.hide()
        # amber, not red: while the number is being typed it is "invalid" at almost every keystroke; words are red
        colour = "color: #b00020;" if prose else "color: #8a6d00;" if bad else "color: #1b5e20;" if info.usable else ""
        self.phone_info_label.setStyleSheet(colour)
        self.phone_changed.emit(info)

    def describe_phone(self, info: PhoneInfo) -> str:
        """One line beside the number: national format · kind · old number → new · province."""
        if not info.raw.strip():
            return ""
        if holds_prose(info.raw):
            return self.tr("This is not a phone number: it holds words. Correct it or clear it (a hidden number: "
                           "type \"withheld\").")  # fmt: skip
        if info.kind == "withheld":
            return self.tr("Number withheld")
        if info.kind == "invalid":
            return self.tr("not a complete number yet — it is kept as typed")
        parts = [info.display, labels.label(labels.PHONE_KINDS, info.kind)]
        if info.legacy_from:
            old = info.legacy_from
            parts.append(self.tr("old number %s → %s") % (f"{old[:4]} {old[4:7]} {old[7:]}", info.display))
        if info.province:
            parts.append(info.province)
        return " · ".join(parts)

    # --- values --------------------------------------------------------------------------------------------

    def referrals(self) -> list[str]:
        return [code for code, check in self.referral_checks.items() if check.isChecked()]

    def risk(self) -> str:
        """The risk chosen, "" while none is (a report's risk has no default)."""
        return self.risk_combo.currentData()

    def service_level(self) -> str:
        return self.assessment.service_level()

    def new_handoffs(self) -> list[Handoff]:
        """The hand-offs typed in the form (stored with the call when it is saved)."""
        return self.assessment.new_handoffs()

    def handoff_kinds_done(self) -> set[str]:
        """The kinds of hand-off recorded: typed in the form now, or stored with the call before."""
        return self.assessment.recorded_kinds() | {h.kind for h in self.new_handoffs()}

    def set_recorded_handoffs(self, handoffs: list[Handoff]) -> None:
        self.assessment.set_recorded(handoffs)

    def show_decision(self, decision: CaseFileDecision | None) -> None:
        """The rules' decision on the call as typed: the hand-off rows it asks for are shown."""
        self.assessment.show_handoffs(
            commune=bool(decision and decision.handoff), victim=bool(decision and decision.victim_referral)
        )

    def is_blank(self) -> bool:
        """Nothing typed beyond the defaults (an empty child row counts as nothing)."""
        return not (
            self.phone_edit.text().strip() or self.caller_name_edit.text().strip() or self.categories.codes()
            or self.summary_edit.toPlainText().strip() or self.action_edit.toPlainText().strip() or self.children()
            or self.referrals() or self.risk() or self.relation_combo.currentIndex() > 0 or self.service_level()
            or self.help_before_edit.toPlainText().strip() or not self.incident.is_blank() or self.new_handoffs()
        )  # fmt: skip

    def has_content_beyond_phone(self) -> bool:
        return not self.is_blank() and bool(
            self.caller_name_edit.text().strip() or self.categories.codes() or self.summary_edit.toPlainText().strip()
            or self.action_edit.toPlainText().strip() or self.children()
            or self.help_before_edit.toPlainText().strip() or not self.incident.is_blank() or self.new_handoffs()
        )  # fmt: skip

    def state(self) -> dict:
        """Everything typed, as JSON-ready values (the draft)."""
        return {
            "phone": self.phone_edit.text(),
            "caller_relation": self.relation_combo.currentData(),
            "caller_name": self.caller_name_edit.text(),
            "caller_sex": self.caller_sex_combo.currentData(),
            "caller_age_band": self.caller_age_combo.currentData(),
            "callback_consent": self.consent_check.isChecked(),
            "children": [
                {**editor.child().__dict__, "id": editor.child_id} for editor in self.editors if not editor.is_empty()
            ],
            "categories": self.categories.codes(),
            "risk": self.risk(),
            "service_level": self.service_level(),
            "summary": self.summary_edit.toPlainText(),
            "help_before": self.help_before_edit.toPlainText(),
            "action_taken": self.action_edit.toPlainText(),
            "referrals": self.referrals(),
            **self.incident.values(),
            "handoffs": [s for row in self.handoff_rows.values() if (s := row.state()) is not None],
        }

    def set_state(self, state: dict) -> None:
        """Show a draft or a stored call; a draft written before a field existed simply lacks its key."""
        self.blockSignals(True)
        try:
            self.phone_edit.setText(state.get("phone", ""))
            _select(self.relation_combo, state.get("caller_relation"))
            self.caller_name_edit.setText(state.get("caller_name", ""))
            _select(self.caller_sex_combo, state.get("caller_sex"))
            _select(self.caller_age_combo, state.get("caller_age_band"))
            self.consent_check.setChecked(bool(state.get("callback_consent")))
            for editor in list(self.editors):
                self._remove_child(editor)
            self.categories.set_codes(state.get("categories", []))
            for data in state.get("children") or [None]:  # an empty form has one blank child, in An Giang
                fields = {k: v for k, v in (data or {}).items() if k in Child.__dataclass_fields__}
                self.add_child(Child(**fields) if data else None)
            _select(self.risk_combo, state.get("risk"))
            self.assessment.set_service_level(state.get("service_level") or "")
            self.summary_edit.setPlainText(state.get("summary", ""))
            self.help_before_edit.setPlainText(state.get("help_before") or "")
            self.action_edit.setPlainText(state.get("action_taken", ""))
            wanted = set(state.get("referrals", []))
            for code, check in self.referral_checks.items():
                check.setChecked(code in wanted)
            self.incident.set_values(state)
            rows = {h.get("kind"): h for h in state.get("handoffs") or [] if isinstance(h, dict)}
            for kind, row in self.handoff_rows.items():
                row.set_state(rows.get(kind))
            self.assessment.loaded = bool(state)  # a draft or a stored call: shown as it was, nothing offered
            self.assessment.set_recorded([])
        finally:
            self.blockSignals(False)
        self._on_phone_text(self.phone_edit.text())
        self.hide_errors()
        self.changed.emit()

    def clear(self) -> None:
        self.set_state({})
        self.categories.filter_edit.clear()

    def apply_to(self, call: Call) -> None:
        """Write the form's values into a call with content (its hand-offs: those it had, then the new ones)."""
        state = self.state()
        call.caller_relation, call.caller_name = state["caller_relation"], state["caller_name"].strip()
        call.caller_sex, call.caller_age_band = state["caller_sex"], state["caller_age_band"]
        call.callback_consent = state["callback_consent"]
        call.children, call.categories = self.children(), state["categories"]
        call.risk, call.service_level = state["risk"], state["service_level"]
        call.summary, call.action_taken = state["summary"].strip(), state["action_taken"].strip()
        call.help_before, call.referrals = state["help_before"].strip(), state["referrals"]
        for name in _INCIDENT_FIELDS:
            setattr(call, name, state[name].strip() if isinstance(state[name], str) else state[name])
        call.handoffs = [*(h for h in call.handoffs if h.id is not None), *self.new_handoffs()]

    # --- required items ------------------------------------------------------------------------------------

    def _errors(self) -> tuple[QLabel, ...]:
        return (self.phone_error, self.children_error, self.categories_error, self.risk_error, self.service_error,
                self.summary_error)  # fmt: skip

    def check_phone(self) -> list[tuple[QWidget, str]]:
        """Words typed as the number (a sentence meant for the summary) are refused at the field, never saved as
        the phone; digits alone, even an incomplete number, are kept as typed."""
        if not holds_prose(self.phone_edit.text()):
            self.phone_error.hide()
            return []
        text = self.tr("The phone number holds words, not a number: correct it or clear it.")
        self.phone_error.setText(text)
        self.phone_error.show()
        return [(self.phone_edit, text)]

    def hide_errors(self) -> None:
        for label in self._errors():
            label.hide()

    def check_required(self, decision: CaseFileDecision | None = None) -> list[tuple[QWidget, str]]:
        """Show a message next to every missing required item; returns (field to fix, message), first first.
        ``decision`` is the rules' decision on the call as typed: a report's risk must be chosen."""
        self.hide_errors()
        missing: list[tuple[QLabel, QWidget, str]] = [(self.phone_error, w, t) for w, t in self.check_phone()]
        codes = self.categories.codes()
        reports = [c for c in codes if category_group(c) in REPORT_GROUPS and c != "trafficking.recruitment_info"]
        if reports and not self.children():
            text = self.tr("An abuse or trafficking report needs at least one child: a name or alias, a sex, "
                           "an age or a commune.")  # fmt: skip
            target = self.editors[0].name_edit if self.editors else self.add_child_button
            missing.append((self.children_error, target, text))
        if not codes:
            missing.append((self.categories_error, self.categories.filter_edit,
                            self.tr("Choose at least one category.")))  # fmt: skip
        if decision is not None and decision.risk_missing:
            missing.append((self.risk_error, self.risk_combo,
                            self.tr("Choose the risk level: a report has no risk by default (Alt+R).")))  # fmt: skip
        if not self.service_level():
            missing.append((self.service_error, next(iter(self.service_radios.values())),
                            self.tr("Choose the service level: information, counselling or intervention "
                                    "(Alt+1, Alt+2, Alt+3).")))  # fmt: skip
        if not self.summary_edit.toPlainText().strip():
            missing.append((self.summary_error, self.summary_edit, self.tr("Write a short summary of the call.")))
        for label, _target, text in missing:
            label.setText(text)
            label.show()
        return [(target, text) for _label, target, text in missing]


def _select(combo: QComboBox, code) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)
