"""The words of hotline.core.words in a chosen language, for the exports, the PDFs and the command line.

The screens translate through the application's installed translator (hotline.ui.labels); files and the command
line name their language themselves (an export is Vietnamese whatever the interface speaks), so they read the same
Qt Linguist catalogue through a translator of their own. One catalogue: a file and a screen never disagree.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QTranslator

from hotline import paths
from hotline.core.wording import CONTEXT, CodedError
from hotline.core.words import Words

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")

# QTranslator is reentrant, not thread-safe: exports run on a worker thread, so each thread loads its own.
_per_thread = threading.local()


def _translator(lang: str) -> QTranslator | None:
    loaded = getattr(_per_thread, "translators", None)
    if loaded is None:
        loaded = _per_thread.translators = {}
    if lang not in loaded:
        translator = QTranslator()
        qm = paths.resource_path("i18n", f"hotline_{lang}.qm")
        if not translator.load(str(qm)):
            log.warning("translation not loaded: %s", qm.name)
            translator = None
        loaded[lang] = translator
    return loaded[lang]


def translate(context: str, source: str, lang: str | None = None) -> str:
    """``source`` of ``context`` in ``lang`` ("en" is the source itself; None: the interface's language)."""
    if lang is None:
        return QCoreApplication.translate(context, source)
    if lang == "en":
        return source
    translator = _translator(lang)
    return (translator.translate(context, source) if translator else "") or source


def both_languages(exc: BaseException) -> str:
    """A refusal as a terminal line shows it: "Vietnamese / English" (one language when the two agree)."""
    if not isinstance(exc, CodedError):
        return str(exc)
    english = exc.worded(lambda template: template)
    vietnamese = exc.worded(lambda template: translate(CONTEXT, template, "vi"))
    return english if vietnamese == english else f"{vietnamese} / {english}"


def word(table: Mapping[str, str], code: str | None, lang: str | None = None) -> str:
    """The word for ``code`` in ``lang`` (None: the interface's language); a code the table does not know, as it
    is (a retired code still reads as something)."""
    source = table.get(code) if code is not None else None
    if not source:
        return "" if code is None else str(code)
    context = table.context if isinstance(table, Words) else "Labels"
    return translate(context, source, lang)


def words_of(table: Mapping[str, str], lang: str | None = None) -> dict[str, str]:
    """Every code of ``table`` with its word in ``lang``."""
    return {code: word(table, code, lang) for code in table}
