"""Store and core refusals carry a code and an English template Qt Linguist collects; none is a "vi / en" join."""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

import hotline.core
import hotline.store
from hotline.core import wording
from hotline.core.cases import CaseRuleError, check_step_forward
from hotline.core.models import Call, Child
from hotline.core.rules import NEED_REQUIRED, CaseFileDecision, FlagOverrideError, effective_flag
from hotline.store.call_values import InvalidCallError, prepare_call
from hotline.store.db import NotFoundError, StoreError

ROOT = Path(__file__).resolve().parents[2]
#: Where a refusal a person reads is raised: the store, the core rules and the settings registry.
SOURCES = [
    *sorted((ROOT / "hotline" / "store").glob("*.py")),
    *sorted((ROOT / "hotline" / "core").glob("*.py")),
    ROOT / "hotline" / "settings.py",
    ROOT / "hotline" / "reports" / "stats_report.py",
]
#: Errors whose own __init__ supplies the code and the template (their callers pass data only).
FIXED = {"PermissionDenied", "ReviewNeedsDecision", "AccountLockedError", "FlagOverrideError"}
#: Keyword arguments a class keeps as attributes, not as words of the message.
NOT_PARAMS = {"current_version", "field"}
#: A call with nothing in it but what every call has.
CALL = Call(line="111", started_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC), operator_id=1)
CODE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def _coded_error_names() -> set[str]:
    for package in (hotline.store, hotline.core):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    importlib.import_module("hotline.settings")
    importlib.import_module("hotline.reports.stats_report")
    names, todo = set(), [wording.CodedError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names - {"CodedError"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_template(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and _called_name(node) == "QT_TRANSLATE_NOOP"
        and [type(a) for a in node.args] == [ast.Constant, ast.Constant]
        and node.args[0].value == wording.CONTEXT
        and isinstance(node.args[1].value, str)
    )


def _constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level NAME = value assignments."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
    return found


def _problems_of(path: Path, errors: set[str], templates: dict[str, str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _constants(tree)
    problems = []
    where = path.relative_to(ROOT)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or _called_name(call) not in errors or _called_name(call) in FIXED:
            continue
        line = f"{where}:{call.lineno} {_called_name(call)}"
        if any(isinstance(a, ast.Starred) for a in call.args) or (
            len(call.args) == 2 and isinstance(call.args[1], ast.Attribute) and call.args[1].attr == "template"
        ):
            continue  # a coded error passed on (a core refusal raised again as a StoreError)
        if len(call.args) != 2 or not isinstance(call.args[0], ast.Constant) or not CODE.match(call.args[0].value):
            problems.append(f"{line}: needs (code, QT_TRANSLATE_NOOP(...), **params)")
            continue
        template_node = call.args[1]
        if isinstance(template_node, ast.Name):
            template_node = constants.get(template_node.id, template_node)
        if not _is_template(template_node):
            problems.append(f"{line}: the template is not QT_TRANSLATE_NOOP({wording.CONTEXT!r}, '...')")
            continue
        code, template = call.args[0].value, template_node.args[1].value
        if templates.setdefault(code, template) != template:
            problems.append(f"{line}: code {code} already has another template")
        named = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        given = {kw.arg for kw in call.keywords if kw.arg}
        fits = given - NOT_PARAMS <= named <= given
        if not fits and not any(kw.arg is None for kw in call.keywords):
            problems.append(f"{line}: template names {sorted(named)}, call gives {sorted(given)}")
    return problems


def test_every_store_error_has_a_code_and_a_marked_english_template():
    """Each StoreError (and core refusal) raised is built from a code, a marked template and its params."""
    errors = _coded_error_names()
    templates: dict[str, str] = {}
    problems = [problem for path in SOURCES for problem in _problems_of(path, errors, templates)]
    assert not problems, "\n".join(problems)
    assert len(templates) > 100


def test_lupdate_collects_every_template_in_the_store_error_context(tmp_path):
    """pyside6-lupdate finds the plain-Python QT_TRANSLATE_NOOP marks: every template lands in the .ts."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from i18n import find_tool
    finally:
        sys.path.remove(str(ROOT / "tools"))
    ts = tmp_path / "errors.ts"
    subprocess.run([find_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts)], check=True, capture_output=True)
    collected = {
        message.findtext("source")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == wording.CONTEXT
        for message in context.iter("message")
    }
    marked = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _is_template(node):
                marked.add(node.args[1].value)
    assert marked and marked <= collected, sorted(marked - collected)


def _literal_texts(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else "{}" for v in node.values]
            yield node.lineno, "".join(parts)


def test_no_message_is_a_vietnamese_slash_english_join():
    """No string left where Vietnamese is joined to its English with " / " (the translation does that now)."""
    joins = []
    for path in SOURCES:
        for lineno, text in _literal_texts(path):
            pairs = itertools.pairwise(text.split(" / "))
            if any(VIETNAMESE.search(left) and not VIETNAMESE.search(right) for left, right in pairs):
                joins.append(f"{path.relative_to(ROOT)}:{lineno}: {text[:70]!r}")
    assert not joins, "\n".join(joins)


@pytest.fixture
def vietnamese_store_words():
    """A translator for two templates, installed as the interface installs Qt's; English again afterwards."""
    words = {
        "Call {call_id} not found": "Không tìm thấy cuộc gọi số {call_id}",
        "Steps are done in order; the next one is {step}": "Phải làm lần lượt từng bước; bước tiếp theo là {step}",
    }
    wording.set_translator(lambda template: words.get(template, ""))
    yield
    wording.set_translator(None)


def test_messages_are_worded_in_the_installed_language_only(vietnamese_store_words):
    """With a Vietnamese translator a refusal reads in Vietnamese only; without one, in English only."""
    refusal = NotFoundError("call.not_found", "Call {call_id} not found", call_id=7)
    assert str(refusal) == "Không tìm thấy cuộc gọi số 7"
    with pytest.raises(CaseRuleError) as raised:
        check_step_forward("received", "plan")
    assert raised.value.code == "case.step_out_of_order" and "bước tiếp theo" in str(raised.value)
    wording.set_translator(None)
    assert str(refusal) == "Call 7 not found" and str(raised.value).startswith("Steps are done in order")


def test_an_untranslated_or_broken_template_falls_back_to_english():
    """A template without a translation, or with a translation that names other params, still reads in English."""
    wording.set_translator(lambda template: "Cuộc gọi {so} không có")
    try:
        refusal = StoreError("call.not_found", "Call {call_id} not found", call_id=3)
        assert str(refusal) == "Call 3 not found"
    finally:
        wording.set_translator(None)


def test_coded_errors_keep_their_code_type_and_field():
    """A refusal keeps what callers act on: its class, its code, its params and (for a call's value) its field."""
    with pytest.raises(FlagOverrideError) as cleared:
        effective_flag(CaseFileDecision(need=NEED_REQUIRED, urgent=False, reasons=()), cleared=True)
    assert cleared.value.code == "call.flag_clear_needs_reason" and isinstance(cleared.value, ValueError)
    with pytest.raises(InvalidCallError) as refused:
        prepare_call(replace(CALL, children=[Child(age=130)]))
    assert refused.value.code == "call.age_out_of_range" and refused.value.params["position"] == 1
    with pytest.raises(InvalidCallError) as refused:
        prepare_call(replace(CALL, summary="half a pair \ud800"))
    assert (refused.value.code, refused.value.field) == ("call.broken_character", "summary")
