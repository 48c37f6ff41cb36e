"""The Vietnamese translation is complete, up to date with the sources, and loads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n_tool = _load_tool()


def test_every_message_is_translated():
    """Every message of hotline_vi.ts has a finished, non-empty translation."""
    unfinished = [f"{context} | {source}" for context, source, _t, done in i18n_tool.messages(i18n_tool.TS) if not done]
    assert not unfinished, "translate with `python tools/i18n.py missing` / `fill`:\n" + "\n".join(unfinished)


def test_ts_file_is_up_to_date_with_the_sources(tmp_path):
    """lupdate over today's sources finds no string that the committed .ts lacks (run `tools/i18n.py update`)."""
    fresh = tmp_path / "fresh.ts"
    i18n_tool.run_lupdate(fresh)
    committed = {(c, s) for c, s, _t, _d in i18n_tool.messages(i18n_tool.TS)}
    missing = sorted({(c, s) for c, s, _t, _d in i18n_tool.messages(fresh)} - committed)
    listed = "\n".join(f"{context} | {source}" for context, source in missing)
    assert not missing, "run `python tools/i18n.py update`; new strings:\n" + listed


def test_qm_loads_and_translates(qapp):
    """The built .qm loads with QTranslator and turns a known English string into Vietnamese."""
    from PySide6.QtCore import QTranslator

    qm = ROOT / "resources" / "i18n" / "hotline_vi.qm"
    assert qm.is_file(), "run `python tools/i18n.py update`"
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("LoginDialog", "Wrong username or password.") == "Sai tên đăng nhập hoặc mật khẩu."
    assert translator.translate("Roles", "Shift lead") == "Trưởng ca"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_install_translator_switches_the_language(qapp, lang):
    """install_translator makes the chosen language current; English is the source and needs no file."""
    from PySide6.QtCore import QCoreApplication

    from hotline.i18n import install_translator, remove_translators

    try:
        assert install_translator(qapp, lang)
        expected = {"vi": "Quản trị viên", "en": "Administrator"}[lang]
        assert QCoreApplication.translate("Roles", "Administrator") == expected
    finally:
        remove_translators(qapp)


def test_special_circumstances_read_as_the_law_on_screen_and_in_form01(qapp):
    """Luật Trẻ em 2016 Điều 10(1): the screen's Vietnamese words for the 14 groups are the law's, as Mẫu 01 prints
    them (core.law), letter by letter."""
    from PySide6.QtCore import QTranslator

    from hotline.core.law import SPECIAL_CIRCUMSTANCES_VI
    from hotline.core.models import SPECIAL_CIRCUMSTANCES
    from hotline.ui.labels import SPECIAL_CIRCUMSTANCES as SOURCES

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "hotline_vi.qm"))
    assert set(SOURCES) == set(SPECIAL_CIRCUMSTANCES_VI) == set(SPECIAL_CIRCUMSTANCES)
    for code, source in SOURCES.items():
        assert translator.translate("Labels", source) == SPECIAL_CIRCUMSTANCES_VI[code], code


def test_every_marked_string_is_visible_to_lupdate():
    """No string is marked in a way lupdate cannot read: a context held in a variable, or tr() inside an f-string
    (both left words English in the Vietnamese screen)."""
    import re

    hidden = re.compile(
        r"(?<!def )QT_TRANSLATE_NOOP\(\s*[A-Za-z_]"  # a context in a variable
        r"|\{(self\.)?tr\(\s*[\"']|\{QCoreApplication\.translate\("  # a literal translated inside an f-string
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "hotline").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert not found, "write the context as a literal and call tr() outside f-strings:\n" + "\n".join(found)


def test_release_replaces_the_qm_file_rather_than_rewriting_it(tmp_path):
    """Building the .qm makes a new file (a new inode): a running copy that mapped the old one keeps reading it
    instead of turning English and crashing on a file changed under it."""
    qm = tmp_path / "hotline_vi.qm"
    i18n_tool.run_lrelease(i18n_tool.TS, qm)
    first = qm.stat().st_ino
    held = qm.open("rb")  # like a running program's mapping, the old inode stays alive while it is open
    try:
        i18n_tool.run_lrelease(i18n_tool.TS, qm)
        assert qm.stat().st_ino != first
        assert not qm.with_name(qm.name + ".new").exists()
    finally:
        held.close()
