"""Refusals for a person that carry a stable code: English templates, worded in the interface's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

#: The Qt Linguist context of every template (the interface translates them with this context).
CONTEXT = "StoreError"
#: The code of a message raised without one (an old-style single message): the checks in tests refuse it.
UNCODED = "uncoded"

#: A template in English → the same template in the interface language ("" or the template when untranslated).
Translator = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``text`` for Qt Linguist in ``context`` without importing Qt (core and store know nothing of Qt)."""
    return text


def _english(template: str) -> str:
    return template


_translate: Translator = _english


def set_translator(translate: Translator | None) -> None:
    """Word every later message through ``translate`` (None: back to English). The interface installs one that
    asks Qt's translators, the command line one of its own."""
    global _translate
    _translate = translate or _english


def word(template: str, params: dict[str, object] | None = None, translate: Translator | None = None) -> str:
    """``template`` in the interface language (or as ``translate`` words it) with ``params`` filled in; a broken
    translation falls back to English rather than hide the message."""
    translated = (translate or _translate)(template) or template
    if not params:
        return translated
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


class CodedError(Exception):
    """A refusal with a stable ``code`` (for programs and tests), an English ``template`` marked for Qt Linguist
    and the ``params`` it names. ``str()`` words it in the interface language.

    Params are codes, numbers, dates and file paths — never a person's name, phone number or notes.
    """

    def __init__(self, code: str, template: str | None = None, /, **params: object):
        if template is None:  # a single message without a code: still shown, but flagged by the tests
            code, template = UNCODED, code
        super().__init__(code)
        self.code = code
        self.template = template
        self.params = params

    @classmethod
    def from_error(cls, other: CodedError) -> Self:
        """``other``'s refusal raised as this class (a core rule's refusal as a StoreError, say)."""
        return cls(other.code, other.template, **other.params)

    def __str__(self) -> str:
        return word(self.template, self.params)

    def worded(self, translate: Translator) -> str:
        """This refusal worded by ``translate`` rather than the installed translator (a terminal's two languages)."""
        return word(self.template, self.params, translate)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r})"
