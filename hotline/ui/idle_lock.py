"""The idle lock of a shared PC: a watcher of keyboard and mouse, and the lock screen that hides a session."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hotline.core.models import User
from hotline.core.timeutil import format_local
from hotline.store import users
from hotline.store.db import StoreError

#: Events that mean a person is at the PC.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.HoverMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once nobody has used the keyboard or the mouse for ``timeout_ms`` (anywhere in the program).

    It checks a few times per timeout instead of restarting a timer on every mouse move, and it is paused
    (``set_active(False)``) while the window is locked.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._since_input = QElapsedTimer()
        self._since_input.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self.timeout_ms = timeout_ms
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._since_input.restart()
        return False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @timeout_ms.setter
    def timeout_ms(self, value: int) -> None:
        """A new delay (the administrator changed the setting) takes effect at once."""
        self._timeout_ms = max(1, int(value))
        self._timer.setInterval(max(50, min(self._timeout_ms // 4, 5000)))

    def idle_ms(self) -> int:
        return self._since_input.elapsed()

    def set_active(self, active: bool) -> None:
        self._since_input.restart()
        if active:
            self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _check(self) -> None:
        if self._since_input.elapsed() >= self.timeout_ms:
            self.idle.emit()


class LockScreen(QWidget):
    """Hides the session: the same user unlocks with their password, or another user signs in instead."""

    unlocked = Signal()
    other_user = Signal(object)  # the User who signed in instead

    def __init__(self, db, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("Locked"))

        title = QLabel(self.tr("Hotline is locked"), self)
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("lockReason")
        self.reason_label.setWordWrap(True)
        who = QLabel(
            self.tr("Signed in: %1 (%2). A call being typed is kept, and its clock keeps running.")
            .replace("%1", user.display_name)
            .replace("%2", user.username),
            self,
        )
        who.setObjectName("lockUser")
        who.setWordWrap(True)

        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("lockPasswordEdit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.try_unlock)
        own = QFormLayout()
        own.addRow(self.tr("&Password:"), self.password_edit)
        own.labelForField(self.password_edit).setBuddy(self.password_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("lockError")
        self.error_label.setAccessibleName(self.tr("Error message"))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        # after a wrong password of one's own: how many tries are left before the lock-out (the store's rule)
        self.tries_label = QLabel(self)
        self.tries_label.setObjectName("lockTriesLeft")
        self.tries_label.setAccessibleName(self.tr("Tries left"))
        self.tries_label.setWordWrap(True)
        self.tries_label.hide()

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        self.other_button = QPushButton(self.tr("Sign in as &another user…"), self)
        self.other_button.setObjectName("otherUserButton")
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.show_other_user)
        self.other_username = QLineEdit(self)
        self.other_username.setObjectName("otherUsernameEdit")
        self.other_username.setAccessibleName(self.tr("Username of the other user"))
        self.other_password = QLineEdit(self)
        self.other_password.setObjectName("otherPasswordEdit")
        self.other_password.setAccessibleName(self.tr("Password of the other user"))
        self.other_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.other_password.returnPressed.connect(self.try_other_user)
        self.other_sign_in = QPushButton(self.tr("Sign &in"), self)
        self.other_sign_in.setObjectName("otherSignInButton")
        self.other_sign_in.clicked.connect(self.try_other_user)
        self.other_box = QWidget(self)
        other_form = QFormLayout(self.other_box)
        other_form.setContentsMargins(0, 0, 0, 0)
        other_form.addRow(self.tr("User&name:"), self.other_username)
        other_form.addRow(self.tr("Pass&word:"), self.other_password)
        other_form.addRow("", self.other_sign_in)
        note = QLabel(
            self.tr("%1's call being typed is kept as a draft and offered back at their next sign-in.").replace(
                "%1", user.display_name
            ),
            self.other_box,
        )
        note.setWordWrap(True)
        other_form.addRow(note)
        self.other_box.hide()

        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(520)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(title)
        inner.addWidget(self.reason_label)
        inner.addWidget(who)
        inner.addSpacing(8)
        inner.addLayout(own)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        inner.addWidget(self.error_label)
        inner.addWidget(self.tries_label)
        inner.addSpacing(8)
        inner.addWidget(line)
        inner.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.other_box)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def prepare(self, minutes: int | None) -> None:
        """Clear the fields and say why the window is locked (``minutes`` idle, or None when locked by hand)."""
        if minutes is None:
            self.reason_label.setText(self.tr("Locked by the user."))
        else:
            self.reason_label.setText(
                self.tr("Locked after %1 minutes without use: this PC is shared.").replace("%1", str(minutes))
            )
        for edit in (self.password_edit, self.other_username, self.other_password):
            edit.clear()
        self.other_box.hide()
        self._error("")
        self.password_edit.setFocus()

    def show_other_user(self) -> None:
        self.other_box.show()
        self.other_username.setFocus()

    def try_unlock(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._error(self.tr("Type your password."))
            self.password_edit.setFocus()
            return
        result = self._sign_in(self.user.username, password, self.password_edit, own=True)
        if result is None:
            return
        self.password_edit.clear()
        self._error("")
        self.unlocked.emit()

    def try_other_user(self) -> None:
        username = self.other_username.text().strip()
        password = self.other_password.text()
        if not username:
            self._error(self.tr("Type the username."))
            self.other_username.setFocus()
            return
        if not password:
            self._error(self.tr("Type the password."))
            self.other_password.setFocus()
            return
        result = self._sign_in(username, password, self.other_password)
        if result is None:
            return
        self.other_password.clear()
        self._error("")
        if result.id == self.user.id:  # the same person, through the other fields
            self.unlocked.emit()
        else:
            self.other_user.emit(result)

    def _sign_in(self, username: str, password: str, password_edit: QLineEdit, *, own: bool = False) -> User | None:
        """The user when the password is right (a wrong one counts towards the lock-out, as at sign-in). ``own``:
        the locked user's own password, the only thing asked, so a refusal names the password alone."""
        try:
            result = users.sign_in(self.db, username, password)
        except StoreError as exc:
            self._error(str(exc))
            return None
        if result.ok and result.user is not None:
            return result.user
        if result.reason == "disabled":
            message = self.tr("This account is disabled. Please ask an administrator.")
        elif result.reason == "locked" and result.locked_until is not None:
            until = format_local(result.locked_until, with_date=False)
            message = self.tr("Too many wrong passwords: this account is locked until %1.").replace("%1", until)
        elif own:
            message = self.tr("Wrong password.")
        else:  # another user's fields: like the sign-in, never tell which usernames exist
            message = self.tr("Wrong username or password.")
        self._error(message)
        self._show_tries(result if own else None)  # another user's tries would tell that the username exists
        password_edit.clear()
        password_edit.setFocus()
        return None

    def _show_tries(self, result: users.SignIn | None) -> None:
        """Under "Wrong password.": the tries left before the lock-out; once locked, what can still be done."""
        minutes = str(users.LOCK_MINUTES)
        if result is None:
            text = ""
        elif result.reason == "locked" and result.locked_until is not None:
            until = format_local(result.locked_until, with_date=False)
            text = self.tr("Type your password again after %1, or sign in as another user below.").replace("%1", until)
        elif result.tries_left == 1:
            text = self.tr("Last try: one more wrong password locks this account for %1 minutes.").replace(
                "%1", minutes
            )
        elif result.tries_left:
            text = (
                self.tr("%1 tries left: after %1 more wrong passwords this account is locked for %2 minutes.")
                .replace("%1", str(result.tries_left))
                .replace("%2", minutes)
            )
        else:
            text = ""
        self.tries_label.setText(text)
        self.tries_label.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if not text:
            self.tries_label.clear()
            self.tries_label.hide()

    _error = show_error


class LockDialog(QDialog):
    """The lock as a window of its own, for when a modal dialog of the session holds the input: a newer modal
    window takes it, so the lock screen can be typed into while the dialog waits, moved off the screen."""

    def __init__(self, db, user: User, idle_minutes: int | None, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lockDialog")
        self.setModal(True)
        self.lock_screen = LockScreen(db, user, self)
        self.lock_screen.prepare(idle_minutes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lock_screen)

    def reject(self) -> None:  # Esc must not open the session
        pass
