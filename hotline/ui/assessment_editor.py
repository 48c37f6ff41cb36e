"""The assessment part of the call form: risk, 111's service level, summary, help before, action, referrals,
hand-offs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import SERVICE_LEVELS, Handoff
from hotline.core.timeutil import format_local
from hotline.ui import labels
from hotline.ui.handoff_editor import BORDER_GUARD, COMMUNE, POLICE, HandoffRow
from hotline.ui.radio_row import RadioRow
from hotline.ui.widgets import compact

#: 111's service levels by key: the same keys in every language (a translated label's own Alt+letter would differ).
SERVICE_KEYS = {"information": "Alt+1", "counselling": "Alt+2", "intervention": "Alt+3"}
#: The referral ticked that names a victim's referral ("to whom" offered in the victim row).
VICTIM_OFFICES = {"police_113": POLICE, "border_guard": BORDER_GUARD}


def error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setProperty("role", "error")
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


def _text_box(name: str, placeholder: str, accessible: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    edit.setFixedHeight(height)
    return edit


def key_action(parent: QWidget, text: str, keys: str, slot, name: str) -> QAction:
    """A shortcut of the form, active wherever the form is shown (the live-call screen, the edit dialog)."""
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(keys))
    action.setToolTip(f"{text} ({keys})")
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action


class AssessmentEditor(QGroupBox):
    """The operator's judgement and what was done. ``key_actions`` are its keys: Alt+R, Alt+S, Alt+A go to the risk,
    the summary and the action taken; Alt+1/2/3 choose the service level (the window that shows the form lists them
    with its other shortcuts)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Assessment"))
        self.risk_combo = compact(QComboBox(objectName="riskCombo"), 8)
        self.risk_combo.addItem(self.tr("— choose —"), "")
        for code in labels.RISKS:
            self.risk_combo.addItem(labels.label(labels.RISKS, code), code)
        self.risk_combo.setAccessibleName(self.tr("Risk level"))
        self.risk_error = error_label("riskError")
        self.service_row = RadioRow(
            {code: f"{labels.label(labels.SERVICE_LEVELS, code)} ({SERVICE_KEYS[code]})" for code in SERVICE_LEVELS},
            "service",
            vertical=True,
        )
        self.service_radios = self.service_row.radios
        self.service_error = error_label("serviceError")
        self.summary_edit = _text_box("summaryEdit", self.tr("What happened, to whom, where, and how the child is now"),
                                      self.tr("Summary"), 84)  # fmt: skip
        self.summary_error = error_label("summaryError")
        self.help_before_edit = _text_box(
            "helpBeforeEdit",
            self.tr("Help or intervention the child already had before the hotline heard of it"),
            self.tr("Help given before the report"), 44,
        )  # fmt: skip
        self.help_before_edit.setToolTip(self.tr("Mẫu 01: help given to the child before the report — not your own "
                                                 "action, which goes below"))  # fmt: skip
        self.action_edit = _text_box("actionEdit", self.tr("What you did or advised during the call"),
                                     self.tr("Action taken"), 56)  # fmt: skip
        self.referral_checks: dict[str, QCheckBox] = {}
        for code in labels.REFERRALS:
            self.referral_checks[code] = QCheckBox(labels.label(labels.REFERRALS, code), objectName=f"referral_{code}")
        self.handoff_rows = {kind: HandoffRow(kind) for kind in ("commune", "victim")}
        self.handoff_labels = {
            "commune": QLabel(self.tr("Passed to the commune")),
            "victim": QLabel(self.tr("Victim referred")),
        }
        self.recorded_label = QLabel(objectName="recordedHandoffsLabel")
        self.recorded_label.setWordWrap(True)
        self.recorded_label.setTextFormat(Qt.TextFormat.PlainText)
        self._recorded: list[Handoff] = []
        self._wanted = {"commune": False, "victim": False}
        # a form just loaded (a draft, a stored call) shows its rows as they were: nothing is offered into them
        self.loaded = False
        #: set by the call form: the name of the commune of the incident, for "UBND <commune>"
        self.incident_ward_name: Callable[[], str] = lambda: ""
        self._layout()
        # the same keys in every language (a translated label's own Alt+letter would differ)
        keys = [
            (self.tr("Go to the risk level"), "Alt+R", self.risk_combo.setFocus, "focusRiskAction"),
            (self.tr("Go to the summary"), "Alt+S", self.summary_edit.setFocus, "focusSummaryAction"),
            (self.tr("Go to the action taken"), "Alt+A", self.action_edit.setFocus, "focusActionAction"),
        ]
        for code in SERVICE_LEVELS:
            text = self.tr("Service level: %s") % labels.label(labels.SERVICE_LEVELS, code)
            keys.append((text, SERVICE_KEYS[code], partial(self._choose_service, code), f"serviceAction_{code}"))
        self.key_actions = [key_action(self, text, key, slot, name) for text, key, slot, name in keys]
        for signal in (
            self.risk_combo.currentIndexChanged, self.service_row.changed, self.summary_edit.textChanged,
            self.help_before_edit.textChanged, self.action_edit.textChanged,
            *(check.toggled for check in self.referral_checks.values()),
            *(row.changed for row in self.handoff_rows.values()),
        ):  # fmt: skip
            signal.connect(self.changed)
        self.risk_combo.currentIndexChanged.connect(lambda: self.risk_error.hide())
        self.service_row.changed.connect(lambda: self.service_error.hide())
        self.summary_edit.textChanged.connect(lambda: self.summary_error.hide())
        for code, check in self.referral_checks.items():
            check.clicked.connect(lambda checked, c=code: self._referral_ticked(c, checked))
        self.show_handoffs()

    def _layout(self) -> None:
        top = QGridLayout()
        risk_label = QLabel(self.tr("Risk (Alt+R)"))
        risk_label.setBuddy(self.risk_combo)
        top.addWidget(risk_label, 0, 0)
        top.addWidget(self.risk_combo, 1, 0)
        top.addWidget(self.risk_error, 2, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(QLabel(self.tr("Service level")), 0, 1)
        top.addWidget(self.service_row, 1, 1, 3, 1)
        top.addWidget(self.service_error, 4, 0, 1, 2)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        top.setVerticalSpacing(2)

        form = QFormLayout()
        form.setVerticalSpacing(4)
        summary_label = QLabel(self.tr("Summary (Alt+S)"))
        summary_label.setBuddy(self.summary_edit)
        form.addRow(summary_label, self.summary_edit)
        form.addRow("", self.summary_error)
        help_label = QLabel(self.tr("Help before the report"))
        help_label.setWordWrap(True)
        help_label.setBuddy(self.help_before_edit)
        form.addRow(help_label, self.help_before_edit)
        action_label = QLabel(self.tr("Action taken (Alt+A)"))
        action_label.setBuddy(self.action_edit)
        form.addRow(action_label, self.action_edit)
        referrals = QGridLayout()
        referrals.setVerticalSpacing(2)
        for index, check in enumerate(self.referral_checks.values()):
            referrals.addWidget(check, index // 3, index % 3)
        form.addRow(self.tr("Referred to"), referrals)
        for kind, row in self.handoff_rows.items():
            form.addRow(self.handoff_labels[kind], row)
        form.addRow("", self.recorded_label)
        self._form = form

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)

    # --- service level -------------------------------------------------------------------------------------------

    def _choose_service(self, code: str) -> None:
        radio = self.service_radios[code]
        if radio.isEnabled():  # a call opened read-only keeps its level
            radio.setChecked(True)

    def service_level(self) -> str:
        return self.service_row.value()

    def set_service_level(self, code: str) -> None:
        self.service_row.set_value(code)

    # --- hand-offs -----------------------------------------------------------------------------------------------

    def set_recorded(self, handoffs: list[Handoff]) -> None:
        """Hand-offs already stored with the call (opened for editing): shown, never changed."""
        self._recorded = list(handoffs)
        lines = [
            self.tr("%s: %s, %s, %s")
            % (self.handoff_labels[h.kind].text() if h.kind in self.handoff_labels else h.kind, h.to_whom,
               labels.label(labels.HANDOFF_MEANS, h.means), format_local(h.at))
            for h in self._recorded
        ]  # fmt: skip
        self.recorded_label.setText("\n".join(lines))
        self.show_handoffs()

    def recorded_kinds(self) -> set[str]:
        return {h.kind for h in self._recorded}

    def show_handoffs(self, commune: bool | None = None, victim: bool | None = None) -> None:
        """Show a row when the rules ask for it (and none of its kind is stored yet), or when it is filled."""
        if commune is not None:
            self._wanted["commune"] = commune
        if victim is not None:
            self._wanted["victim"] = victim
        recorded = self.recorded_kinds()
        offer = not self.loaded
        if commune is not None or victim is not None:
            self.loaded = False  # the decision on what was loaded is shown: later changes are the operator's
        for kind, row in self.handoff_rows.items():
            was_hidden = row.isHidden()
            visible = (self._wanted[kind] and kind not in recorded) or row.is_filled()
            row.setVisible(visible)
            self._form.setRowVisible(row, visible)
            if visible and was_hidden:
                row.set_now()
                if offer:  # the row appears as the operator types: a referral ticked before names the office
                    self._offer_from_referrals(kind)
        self._form.setRowVisible(self.recorded_label, bool(self._recorded))

    def _referral_ticked(self, code: str, checked: bool) -> None:
        if not checked:
            return
        if code in VICTIM_OFFICES and not self.handoff_rows["victim"].isHidden():
            self.handoff_rows["victim"].offer(VICTIM_OFFICES[code])
        if code == "commune" and not self.handoff_rows["commune"].isHidden():
            self.handoff_rows["commune"].offer(self.commune_office())

    def _offer_from_referrals(self, kind: str) -> None:
        ticked = [code for code, check in self.referral_checks.items() if check.isChecked()]
        if kind == "victim":
            offices = [VICTIM_OFFICES[code] for code in ticked if code in VICTIM_OFFICES]
            self.handoff_rows["victim"].offer(", ".join(offices))
        elif "commune" in ticked:
            self.handoff_rows["commune"].offer(self.commune_office())

    def commune_office(self) -> str:
        ward = self.incident_ward_name()
        return f"{COMMUNE} {ward}" if ward else f"{COMMUNE} xã"

    def new_handoffs(self) -> list[Handoff]:
        return [h for row in self.handoff_rows.values() if (h := row.handoff()) is not None]

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.risk_combo, *self.service_row.tab_chain(), self.summary_edit,
                                self.help_before_edit, self.action_edit, *self.referral_checks.values()]  # fmt: skip
        for row in self.handoff_rows.values():
            chain += row.tab_chain()
        return chain
