"""The live case-file banner and its flag: whether the call needs a case file, why, by when, and who decided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import NEED_REQUIRED, SUBSTANTIVE, Call, Child
from hotline.core.rules import CaseFileDecision, effective_flag, evaluate_case_file_need, flag_reasons
from hotline.core.taxonomy import Taxonomy

_COLOURS = {
    "required": ("#fde2e1", "#b00020"),
    "suggested": ("#fff4ce", "#8a6d00"),
    "overridden": ("#fff4ce", "#b00020"),  # the rules said required, a person said no: amber, red edge
    "victim": ("#e3f2fd", "#0d47a1"),  # an adult victim to refer: no case file, but something to do
    "has_case": ("#e6f4ea", "#1e7e34"),  # the case file exists: its clocks are followed there, nothing to ask for
}
_ICONS = {"required": "⚠", "suggested": "ℹ", "victim": "⚠"}


class CaseFileBar(QWidget):
    """Banner + "case file needed" tick. The rules decide; the operator may flag by hand, or clear a rule's
    flag with a written reason (asked for at once; an empty reason is refused)."""

    changed = Signal()
    message = Signal(str, int)

    def __init__(
        self,
        taxonomy: Taxonomy,
        lang: str,
        holidays: Iterable[date],
        parent: QWidget | None = None,
        *,
        working_days: Iterable[date] = (),
    ):
        super().__init__(parent)
        self._taxonomy, self._lang, self._holidays = taxonomy, lang, list(holidays)
        self._working_days = list(working_days)  # the Saturdays declared swapped working days ("làm bù")
        self.decision: CaseFileDecision | None = None
        self._handed_off: set[str] = set()  # the kinds of hand-off recorded for the call on screen
        self._opened: list[str] = []  # the case files opened from a stored call, by number
        self._linked: list[str] = []  # …and those it was linked to later
        self.manual = False  # the operator flagged a call the rules do not require
        self.cleared = False  # the operator cleared a flag the rules set…
        self.reason = ""  # …for this reason
        self.banner = QLabel(objectName="caseFileBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.check = QCheckBox(self.tr("Case file needed (Alt+N)"), objectName="manualFlagCheck")
        self.check.setToolTip(self.tr("Flag this call for a case file. Clearing a flag the rules set needs a reason."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner, 1)
        layout.addWidget(self.check)
        self.check.clicked.connect(self._on_clicked)

    # --- state ---------------------------------------------------------------------------------------------

    def required(self) -> bool:
        return self.decision is not None and self.decision.need == NEED_REQUIRED

    def reset(self) -> None:
        self.manual = self.cleared = False
        self.reason = ""
        self._opened, self._linked = [], []

    def state(self) -> dict:
        return {"manual_flag": self.manual, "cleared_flag": self.cleared, "override_reason": self.reason}

    def set_state(self, state: dict) -> None:
        self.manual = bool(state.get("manual_flag"))
        self.cleared = bool(state.get("cleared_flag"))
        self.reason = state.get("override_reason") or ""

    def set_case_numbers(self, opened: Iterable[str], linked: Iterable[str] = ()) -> None:
        """The case files of a stored call (opened from it, linked to it): the banner then says they exist instead
        of asking for one by a deadline, as if nothing had been done."""
        self._opened, self._linked = list(opened), list(linked)
        if self.decision is not None:
            self._show()

    def evaluate(
        self, categories: list[str], risk: str, children: list[Child], started_at: datetime, handed_off=()
    ) -> CaseFileDecision:
        """Run the rules on what is on screen now and show the result. ``handed_off``: the kinds of hand-off
        recorded ("commune", "victim"): the banner stops asking for them."""
        self.decision = evaluate_case_file_need(
            outcome=SUBSTANTIVE, categories=categories, risk=risk, children=children, started_at=started_at,
            holidays=self._holidays, working_days=self._working_days,
        )  # fmt: skip
        self._handed_off = set(handed_off)
        self._show()
        return self.decision

    def apply_to(self, call: Call) -> None:
        """Write the decision and the operator's choice into a call with content."""
        decision = self.decision
        required = self.required()
        flag = effective_flag(decision, self.manual and not required, self.cleared and required, self.reason)
        call.case_need, call.urgent = decision.need, decision.urgent
        call.flagged, call.flag_source = flag.flagged, flag.source
        call.flag_reasons = [reason.to_dict() for reason in flag_reasons(decision, flag)]
        call.flag_override_reason = self.reason if self.cleared and required else ""
        call.safety_due, call.plan_due = decision.safety_due, decision.plan_due
        call.victim_referral = decision.victim_referral  # the store sets it again, with the hand-off clock

    # --- the tick ------------------------------------------------------------------------------------------

    def _on_clicked(self, checked: bool) -> None:
        if not self.required():
            self.manual = checked
        elif checked:
            self.cleared, self.reason = False, ""
        else:
            dialog = OverrideReasonDialog(self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.cleared, self.reason = True, dialog.reason()
            else:
                self.message.emit(self.tr("The flag stays: clearing it needs a reason."), 6000)
        self._show()
        self.changed.emit()

    def banner_text(self) -> str:
        """The decision in words (core.rules' summary): reasons, "pass to the commune at once" until a hand-off is
        recorded, the 12-hour clock, the plan's clock, a victim referral, a risk not chosen."""
        if self.decision is None:
            return ""
        shown = self.decision
        if "commune" in self._handed_off:
            shown = replace(shown, handoff=False)
        text = shown.summary(self._lang, self._taxonomy)
        if self.decision.handoff and "commune" in self._handed_off:
            text += " — " + self.tr("passed to the commune")
        if self.decision.victim_referral and "victim" in self._handed_off:
            text += " — " + self.tr("victim referred")
        return text

    def _show(self) -> None:
        required = self.required()
        self.check.blockSignals(True)
        self.check.setChecked(not self.cleared if required else self.manual)
        self.check.blockSignals(False)
        need = self.decision.need if self.decision else "not_needed"
        text = self.banner_text()
        if required and self.cleared:
            text += " — " + self.tr("flag cleared by the operator: %s") % self.reason
        elif not required and self.manual:
            text += " — " + self.tr("flagged by hand for a case file")
        look = need
        if required and self.cleared:
            look = "overridden"
        elif need == "not_needed" and self.decision is not None and self.decision.victim_referral:
            look = "victim"
        if self._opened or self._linked:
            text, look = self._case_files_text(), "has_case"
        self.banner.setText(f"{_ICONS.get(look, '✓')} {text}")
        background, border = _COLOURS.get(look, ("#eef3ee", "#9e9e9e"))
        self.banner.setStyleSheet(
            f"background: {background}; border: 2px solid {border}; padding: 6px; font-weight: bold;"
        )
        self.banner.setProperty("need", need)
        self.banner.setProperty("case_files", bool(self._opened or self._linked))

    def _case_files_text(self) -> str:
        """"Case file opened: AG-2026-00001, AG-2026-00002" (numbers as stored), and the files linked later."""
        parts = []
        if self._opened:
            parts.append(self.tr("Case file opened: %1").replace("%1", ", ".join(self._opened)))
        if self._linked:
            parts.append(self.tr("Linked to case file %1").replace("%1", ", ".join(self._linked)))
        return " · ".join(parts) + " — " + self.tr("its deadlines are followed in the case file")


class OverrideReasonDialog(QDialog):
    """Asks why a call the rules flag needs no case file. OK stays disabled until a reason is written;
    Ctrl+Enter confirms, Tab moves to the buttons, Esc cancels."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overrideReasonDialog")
        self.setWindowTitle(self.tr("Clear the case-file flag"))
        question = QLabel(self.tr("The rules require a case file for this call. Why does it not need one?"))
        question.setWordWrap(True)
        self.edit = QPlainTextEdit(objectName="overrideReasonEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("A reason is required. The shift lead reviews it."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Clear the flag (Ctrl+Enter)"))
        ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda: ok.setEnabled(bool(self.reason())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)  # Ctrl+Enter in the text confirms (a plain Enter is a new line)
        self.resize(480, 220)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._confirm()
            return True
        return super().eventFilter(watched, event)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def _confirm(self) -> None:
        if self.reason():
            self.accept()
