"""The interface language: Qt Linguist translators (Vietnamese by default) and the words for fixed codes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hotline import paths

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

#: Strings of Qt itself, translated in our own .ts because PySide6 ships no qtbase_vi.qm: the standard buttons
#: (QPlatformTheme; QGnomeTheme on some Linux desktops) and the right-click menu of text fields. The rest of Qt's
#: words (the file dialog above all) are in resources/i18n/qtbase_vi.ts, kept by hand.
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)

# Kept alive here: a QTranslator that Python collects stops translating.
_installed: list[QTranslator] = []


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Make ``lang`` the interface language (English needs no file: it is the source language).

    Returns False when the Vietnamese translation could not be loaded (the interface then stays English).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language: {lang!r}")
    remove_translators(app)
    # read by widgets that show data labels (categories, places) in the interface language
    app.setProperty("hotline_lang", lang)
    from hotline.core import wording  # the store's and the rules' refusals are worded by the same translators

    wording.set_translator(lambda template: QCoreApplication.translate(wording.CONTEXT, template))
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    _install_qt_translations(app, lang)
    ours = QTranslator(app)
    qm = paths.resource_path("i18n", f"hotline_{lang}.qm")
    if not ours.load(str(qm)):
        log.warning("translation not loaded: %s", qm.name)
        return False
    # installed last, so it is asked first: our wording of Qt's buttons wins over qtbase's
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def _install_qt_translations(app: QCoreApplication, lang: str) -> None:
    """Qt's own words (file dialogs, standard buttons, edit menus): our qtbase_<lang>.qm, then Qt's own file
    where the Qt installation has one (PySide6 and Qt upstream ship none for Vietnamese today), asked first."""
    ours = QTranslator(app)
    qm = paths.resource_path("i18n", f"qtbase_{lang}.qm")
    if ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation not loaded: %s", qm.name)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qtbase_{lang}", f"qt_{lang}"):
        qt_own = QTranslator(app)
        if qt_own.load(name, folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
            return


def remove_translators(app: QCoreApplication) -> None:
    """Back to the English source strings."""
    while _installed:
        app.removeTranslator(_installed.pop())


def role_label(role: str) -> str:
    """A role code in words, in the interface language."""
    labels = {
        "operator": QCoreApplication.translate("Roles", "Operator"),
        "shift_lead": QCoreApplication.translate("Roles", "Shift lead"),
        "counselor": QCoreApplication.translate("Roles", "Counselor"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels.get(role, role)


#: The order roles are named in: the most responsible first.
_ROLE_ORDER = ("admin", "shift_lead", "counselor", "operator")


def roles_label(roles) -> str:
    """Several roles in words, most responsible first: ``Shift lead, Operator``."""
    ordered = sorted(roles, key=lambda r: _ROLE_ORDER.index(r) if r in _ROLE_ORDER else len(_ROLE_ORDER))
    return ", ".join(role_label(r) for r in ordered)
