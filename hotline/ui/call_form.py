"""The fields of a call with content: phone, caller, children, categories, risk, summary, action, referrals."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import Child, category_group
from hotline.core.phones import PhoneInfo, normalize_phone
from hotline.core.taxonomy import Taxonomy
from hotline.ui import labels
from hotline.ui.category_picker import CategoryPicker
from hotline.ui.child_editor import ChildEditor
from hotline.ui.widgets import compact

REPORT_GROUPS = ("abuse", "trafficking")


def _combo(table: dict[str, str], name: str) -> QComboBox:
    combo = compact(QComboBox(objectName=name), 8)
    for code in table:
        combo.addItem(labels.label(table, code), code)
    return combo


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setProperty("role", "error")
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


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

        self.relation_combo = _combo(labels.RELATIONS, "callerRelationCombo")
        self.caller_name_edit = QLineEdit(objectName="callerNameEdit")
        self.caller_name_edit.setPlaceholderText(self.tr("only if the caller gives it"))
        self.caller_sex_combo = _combo(labels.SEXES, "callerSexCombo")
        self.caller_age_combo = _combo(labels.CALLER_AGE_BANDS, "callerAgeCombo")
        self.consent_check = QCheckBox(self.tr("May be called &back"), objectName="callbackConsentCheck")

        self.children_box = QVBoxLayout()
        self.add_child_button = QPushButton(self.tr("+ Add a chil&d"), objectName="addChildButton")
        self.children_error = _error_label("childrenError")
        self.editors: list[ChildEditor] = []

        self.categories = CategoryPicker(taxonomy, lang)
        self.categories.tree.setMinimumHeight(180)
        self.categories_error = _error_label("categoriesError")
        self.risk_combo = _combo(labels.RISKS, "riskCombo")
        self.summary_edit = QPlainTextEdit(objectName="summaryEdit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText(self.tr("What happened, to whom, where, and how the child is now"))
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setFixedHeight(84)
        self.summary_error = _error_label("summaryError")
        self.action_edit = QPlainTextEdit(objectName="actionEdit")
        self.action_edit.setTabChangesFocus(True)
        self.action_edit.setPlaceholderText(self.tr("What you did or advised during the call"))
        self.action_edit.setAccessibleName(self.tr("Action taken"))
        self.action_edit.setFixedHeight(56)
        self.referral_checks: dict[str, QCheckBox] = {}
        for code in labels.REFERRALS:
            check = QCheckBox(labels.label(labels.REFERRALS, code), objectName=f"referral_{code}")
            self.referral_checks[code] = check

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

        children_box = QGroupBox(self.tr("Children the call is about"))
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

        assessment_box = QGroupBox(self.tr("Assessment"))
        assessment = QFormLayout(assessment_box)
        risk_label = QLabel(self.tr("Risk (Alt+R)"))
        risk_label.setBuddy(self.risk_combo)
        assessment.addRow(risk_label, self.risk_combo)
        summary_label = QLabel(self.tr("Summary (Alt+S)"))
        summary_label.setBuddy(self.summary_edit)
        assessment.addRow(summary_label, self.summary_edit)
        assessment.addRow("", self.summary_error)
        action_label = QLabel(self.tr("Action taken (Alt+A)"))
        action_label.setBuddy(self.action_edit)
        assessment.addRow(action_label, self.action_edit)
        referrals = QGridLayout()
        for index, check in enumerate(self.referral_checks.values()):
            referrals.addWidget(check, index // 2, index % 2)
        assessment.addRow(self.tr("Referred to"), referrals)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(phone_box)
        left.addWidget(caller_box)
        left.addWidget(children_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(categories_box, 1)
        right.addWidget(assessment_box)
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
            chain += [editor.name_edit, editor.sex_combo, editor.age_spin, editor.band_combo, editor.remove_button,
                      editor.province_combo, editor.ward_combo, editor.address_edit, editor.special,
                      editor.carer_edit]  # fmt: skip
        chain += [self.add_child_button, self.categories.filter_edit, self.categories.tree, self.risk_combo,
                  self.summary_edit, self.action_edit, *self.referral_checks.values()]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.phone_edit.textChanged.connect(self._on_phone_text)
        self.add_child_button.clicked.connect(lambda: self.add_child(focus=True))
        for signal in (
            self.phone_edit.textChanged, self.relation_combo.currentIndexChanged, self.caller_name_edit.textChanged,
            self.caller_sex_combo.currentIndexChanged, self.caller_age_combo.currentIndexChanged,
            self.consent_check.toggled, self.categories.changed, self.risk_combo.currentIndexChanged,
            self.summary_edit.textChanged, self.action_edit.textChanged,
            *(check.toggled for check in self.referral_checks.values()),
        ):  # fmt: skip
            signal.connect(self.changed)
        self.categories.changed.connect(lambda: self.categories_error.hide())
        self.summary_edit.textChanged.connect(lambda: self.summary_error.hide())

    # --- children ------------------------------------------------------------------------------------------

    def next_child(self) -> ChildEditor:
        """Ctrl+T: go to the first blank child row, or add one when every row holds a child."""
        editor = next((e for e in self.editors if e.is_empty()), None) or self.add_child()
        editor.name_edit.setFocus()
        return editor

    def add_child(self, child: Child | None = None, focus: bool = False) -> ChildEditor:
        editor = ChildEditor(len(self.editors) + 1, self._default_province)
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
        # amber, not red: while the number is being typed it is "invalid" at almost every keystroke
        self.phone_info_label.setStyleSheet("color: #8a6d00;" if bad else "color: #1b5e20;" if info.usable else "")
        self.phone_changed.emit(info)

    def describe_phone(self, info: PhoneInfo) -> str:
        """One line beside the number: national format · kind · old number → new · province."""
        if not info.raw.strip():
            return ""
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

    def is_blank(self) -> bool:
        """Nothing typed beyond the defaults (an empty child row counts as nothing)."""
        return not (
            self.phone_edit.text().strip() or self.caller_name_edit.text().strip() or self.categories.codes()
            or self.summary_edit.toPlainText().strip() or self.action_edit.toPlainText().strip() or self.children()
            or self.referrals() or self.risk_combo.currentIndex() > 0 or self.relation_combo.currentIndex() > 0
        )  # fmt: skip

    def has_content_beyond_phone(self) -> bool:
        return not self.is_blank() and bool(
            self.caller_name_edit.text().strip() or self.categories.codes() or self.summary_edit.toPlainText().strip()
            or self.action_edit.toPlainText().strip() or self.children()
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
            "risk": self.risk_combo.currentData(),
            "summary": self.summary_edit.toPlainText(),
            "action_taken": self.action_edit.toPlainText(),
            "referrals": self.referrals(),
        }

    def set_state(self, state: dict) -> None:
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
            for data in state.get("children") or [None]:  # an empty form has one blank child, in An Giang
                fields = {k: v for k, v in (data or {}).items() if k in Child.__dataclass_fields__}
                self.add_child(Child(**fields) if data else None)
            self.categories.set_codes(state.get("categories", []))
            _select(self.risk_combo, state.get("risk"))
            self.summary_edit.setPlainText(state.get("summary", ""))
            self.action_edit.setPlainText(state.get("action_taken", ""))
            wanted = set(state.get("referrals", []))
            for code, check in self.referral_checks.items():
                check.setChecked(code in wanted)
        finally:
            self.blockSignals(False)
        self._on_phone_text(self.phone_edit.text())
        self.hide_errors()
        self.changed.emit()

    def clear(self) -> None:
        self.set_state({})
        self.categories.filter_edit.clear()

    # --- required items ------------------------------------------------------------------------------------

    def hide_errors(self) -> None:
        for label in (self.categories_error, self.summary_error, self.children_error):
            label.hide()

    def check_required(self) -> list[tuple[QWidget, str]]:
        """Show a message next to every missing required item; returns (field to fix, message), first first."""
        self.hide_errors()
        missing: list[tuple[QWidget, str]] = []
        codes = self.categories.codes()
        reports = [c for c in codes if category_group(c) in REPORT_GROUPS and c != "trafficking.recruitment_info"]
        if reports and not self.children():
            text = self.tr("An abuse or trafficking report needs at least one child: a name or alias, a sex, "
                           "an age or a commune.")  # fmt: skip
            self.children_error.setText(text)
            missing.append((self.editors[0].name_edit if self.editors else self.add_child_button, text))
        if not codes:
            text = self.tr("Choose at least one category.")
            self.categories_error.setText(text)
            missing.append((self.categories.filter_edit, text))
        if not self.summary_edit.toPlainText().strip():
            text = self.tr("Write a short summary of the call.")
            self.summary_error.setText(text)
            missing.append((self.summary_edit, text))
        for label in (self.children_error, self.categories_error, self.summary_error):
            label.setVisible(any(label.text() == text for _, text in missing))
        return missing


def _select(combo: QComboBox, code) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)
