"""A row of the call form for a report passed on: to whom, how, when (ND 56 Điều 26(1); a victim's referral)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QLineEdit, QWidget

from hotline.core.models import Handoff
from hotline.core.timeutil import VN_TZ, utcnow
from hotline.ui import labels
from hotline.ui.widgets import compact

#: The offices a victim is referred to, as they are named (data, the same in every language of the screen).
POLICE = "Công an"
BORDER_GUARD = "Bộ đội Biên phòng"
#: The commune's People's Committee, before the name of the commune.
COMMUNE = "UBND"


class HandoffRow(QWidget):
    """``kind`` "commune" or "victim". A row with "to whom" filled becomes a Handoff when the call is saved; the
    time starts as now (when the row first shows, and again when "to whom" is first typed) and can be changed."""

    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"handoffRow_{kind}")
        self.to_whom_edit = QLineEdit(objectName=f"handoffToWhom_{kind}")
        if kind == "commune":
            self.to_whom_edit.setPlaceholderText(self.tr("to whom: UBND xã …, the officer's name"))
            self.to_whom_edit.setAccessibleName(self.tr("Report passed to the commune: to whom"))
        else:
            self.to_whom_edit.setPlaceholderText(self.tr("to whom: Công an / Bộ đội Biên phòng …"))
            self.to_whom_edit.setAccessibleName(self.tr("Victim referred: to whom"))
        self.means_combo = compact(QComboBox(objectName=f"handoffMeans_{kind}"), 11)
        for code in labels.HANDOFF_MEANS:
            self.means_combo.addItem(labels.label(labels.HANDOFF_MEANS, code), code)
        self.means_combo.setAccessibleName(self.tr("How it was passed on"))
        self.at_edit = QDateTimeEdit(objectName=f"handoffAt_{kind}")
        self.at_edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.at_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.at_edit.setAccessibleName(self.tr("When it was passed on"))
        self.at_edit.setToolTip(self.tr("When it was passed on (Vietnam time)"))
        self._time_chosen = False  # the operator set the time: it is no longer moved to "now"
        self._filled = False
        self.set_now()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.to_whom_edit, 3)
        layout.addWidget(self.means_combo, 1)
        layout.addWidget(self.at_edit)
        self.to_whom_edit.textChanged.connect(self._on_text)
        self.at_edit.dateTimeChanged.connect(self._on_time_changed)
        for signal in (self.to_whom_edit.textChanged, self.means_combo.currentIndexChanged,
                       self.at_edit.dateTimeChanged):  # fmt: skip
            signal.connect(self.changed)

    def set_now(self) -> None:
        """Put the time to now, unless the operator chose one."""
        if self._time_chosen:
            return
        self.at_edit.blockSignals(True)
        self.at_edit.setDateTime(_to_qt(utcnow()))
        self.at_edit.blockSignals(False)

    def _on_text(self, text: str) -> None:
        filled = bool(text.strip())
        if filled and not self._filled:
            self.set_now()  # the hand-off is being written down now: its time is now, unless chosen
        self._filled = filled

    def _on_time_changed(self, _value) -> None:
        self._time_chosen = True

    def is_filled(self) -> bool:
        return bool(self.to_whom_edit.text().strip())

    def offer(self, to_whom: str) -> None:
        """A sensible "to whom" from a referral ticked, shown as the empty row's hint: a hand-off is recorded only
        when the operator types who it went to (ticking a referral is not passing the report on)."""
        if to_whom:
            self.to_whom_edit.setPlaceholderText(to_whom + " …")

    def at(self) -> datetime:
        return _from_qt(self.at_edit.dateTime())

    def set_at(self, moment: datetime) -> None:
        """Show ``moment`` (to the minute) as the time of the hand-off, as if the operator had chosen it."""
        self.at_edit.setDateTime(_to_qt(moment))

    def handoff(self) -> Handoff | None:
        if not self.is_filled():
            return None
        return Handoff(kind=self.kind, to_whom=self.to_whom_edit.text().strip(),
                       means=self.means_combo.currentData(), at=self.at())  # fmt: skip

    def state(self) -> dict | None:
        """The row as JSON-ready values, None when nothing is filled (the draft)."""
        if not self.is_filled():
            return None
        return {"kind": self.kind, "to_whom": self.to_whom_edit.text(), "means": self.means_combo.currentData(),
                "at": self.at().isoformat()}  # fmt: skip

    def set_state(self, state: dict | None) -> None:
        state = state or {}
        self.to_whom_edit.setText(state.get("to_whom", ""))
        index = self.means_combo.findData(state.get("means"))
        self.means_combo.setCurrentIndex(max(0, index))
        self._time_chosen = False
        at = _parse_time(state.get("at"))
        self.at_edit.blockSignals(True)
        self.at_edit.setDateTime(_to_qt(at or utcnow()))
        self.at_edit.blockSignals(False)
        self._time_chosen = at is not None

    def tab_chain(self) -> list[QWidget]:
        return [self.to_whom_edit, self.means_combo, self.at_edit]


def _to_qt(moment: datetime) -> QDateTime:
    # the Vietnamese wall clock, held as a zone-free time: the PC's own zone (and its summer time) plays no part
    shown = moment.astimezone(VN_TZ)
    day, clock = QDate(shown.year, shown.month, shown.day), QTime(shown.hour, shown.minute)
    return QDateTime(day, clock, QTimeZone(QTimeZone.Initialization.UTC))


def _from_qt(value: QDateTime) -> datetime:
    day, clock = value.date(), value.time()
    local = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=VN_TZ)
    return local.astimezone(UTC)


def _parse_time(text) -> datetime | None:
    """A time as a draft keeps it (ISO, UTC); None for anything else (a damaged or older draft)."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
