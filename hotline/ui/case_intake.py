"""What the caller reported, shown first in a case file: the call the case was opened from."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from hotline.core import permissions
from hotline.core.models import Call, User
from hotline.core.taxonomy import Taxonomy
from hotline.core.timeutil import format_local
from hotline.ui import labels

#: Lines of the summary in sight; a longer summary scrolls in its box (the case file must fit a 768-pixel screen).
SUMMARY_LINES = 3


class IntakeCallBox(QGroupBox):
    """The intake call's time, line, operator, risk, categories and summary; "Open the call" (Enter) where the
    viewer's role lets them open it."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("intakeCallBox")
        self.setTitle(self.tr("What the caller reported"))
        self.call_id: int | None = None
        self.meta = QLabel(objectName="intakeCallMeta")
        self.categories = QLabel(objectName="intakeCallCategories")
        for label in (self.meta, self.categories):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QPlainTextEdit(objectName="intakeCallSummary")
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Summary of the call the case was opened from"))
        margins = self.summary.contentsMargins()
        self.summary.setFixedHeight(
            self.summary.fontMetrics().lineSpacing() * SUMMARY_LINES + 2 * self.summary.frameWidth() + 8
            + margins.top() + margins.bottom()
        )  # fmt: skip
        self.open_button = QPushButton(self.tr("&Open the call…"), objectName="openIntakeCallButton")
        self.open_button.setToolTip(self.tr("The call as it was saved, with its children and its history"))
        self.open_button.clicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.meta, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.categories)
        layout.addWidget(self.summary)

    def show_call(self, call: Call, names: dict[int, str], taxonomy: Taxonomy, lang: str, viewer: User) -> None:
        """``names``: the users' names by id; "Open the call" only when the viewer's role opens it (the call window
        asks the store again)."""
        self.call_id = call.id
        operator = names.get(call.operator_id, "")
        categories = [taxonomy.label(code, lang) for code in call.categories]
        may_open = any(permissions.can(viewer, action)
                       for action in permissions.call_view_actions(viewer.id, call.operator_id))  # fmt: skip
        minutes, seconds = divmod(call.duration_s, 60)
        parts = [
            self.tr("Call no. %d") % call.id, format_local(call.started_at),
            self.tr("line %s") % call.line, labels.label(labels.CHANNELS, call.channel),
            self.tr("%d:%02d long") % (minutes, seconds), self.tr("taken by %s") % (operator or "—"),
            self.tr("risk: %s") % labels.label(labels.RISKS, call.risk),
        ]  # fmt: skip
        if call.service_level:
            parts.append(labels.label(labels.SERVICE_LEVELS, call.service_level))
        self.meta.setText(" · ".join(parts))
        self.categories.setText(self.tr("Categories: %s") % ("; ".join(categories) or "—"))
        self.summary.setPlainText(call.summary or self.tr("(no summary was written)"))
        self.open_button.setVisible(may_open)

    def show_error(self, text: str) -> None:
        """The call could not be read (the store's words): nothing of it is shown."""
        self.call_id = None
        self.meta.setText(text)
        self.categories.clear()
        self.summary.clear()
        self.open_button.hide()

    def _open(self) -> None:
        if self.call_id is not None:
            self.open_requested.emit(self.call_id)
