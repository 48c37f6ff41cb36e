"""Translations (developer tool, not shipped): `python tools/i18n.py update | missing | fill FILE.json | release`.

update   collect the strings of hotline/**/*.py into resources/i18n/hotline_vi.ts (existing translations kept,
         strings no longer in the code dropped), then build hotline_vi.qm
missing  list the strings without a finished translation ("context | source")
fill     apply {context: {source: translation}} from a JSON file, mark those finished, then build the .qm
release  build hotline_vi.qm and qtbase_vi.qm (Qt's own dialogs and buttons, kept by hand) from their .ts
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "hotline"
I18N = ROOT / "resources" / "i18n"
LANG = "vi"
TS = I18N / f"hotline_{LANG}.ts"
QM = I18N / f"hotline_{LANG}.qm"
#: Qt's own words (file dialog, standard buttons, edit menus): PySide6 and Qt ship no Vietnamese, so we do. Written
#: by hand (lupdate cannot collect them from our sources); the contexts and source texts are Qt's own.
QT_TS = I18N / f"qtbase_{LANG}.ts"
QT_QM = I18N / f"qtbase_{LANG}.qm"


def find_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (a venv need not be activated), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"i18n: {name} not found (install PySide6-Essentials)")


def source_files() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def run_lupdate(ts: Path, sources: list[Path] | None = None) -> None:
    """Merge the source strings into ``ts`` (created if missing); strings gone from the code are dropped."""
    files = [str(p.relative_to(ROOT)) for p in (sources or source_files())]
    ts = ts.resolve()
    command = [find_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
    command += ["-source-language", "en", "-target-language", LANG, *files, "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def run_lrelease(ts: Path = TS, qm: Path = QM) -> None:
    """Build ``qm`` beside itself and move it into place: a running Hotline maps its .qm into memory, and a file
    rewritten under it turns the interface English and then crashes it (seen while a copy ran from this folder)."""
    fresh = qm.with_name(qm.name + ".new")
    done = subprocess.run(
        [find_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], capture_output=True, text=True, check=True
    )
    fresh.replace(qm)  # a new file, not new bytes in the mapped one: the running copy keeps its own
    print(done.stdout.strip())


def messages(ts: Path):
    """(context, source, translation, finished) of every message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            text = (forms[0].text if forms else translation.text if translation is not None else "") or ""
            finished = translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            yield name, message.findtext("source", ""), text, finished and bool(text.strip())


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """Apply translations and mark them finished; returns the (context, source) pairs not found in ``ts``."""
    tree = ET.parse(ts)
    wanted = {(c, s): t for c, entries in translations.items() for s, t in entries.items()}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            if key not in wanted:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            forms = translation.findall("numerusform")
            if forms:  # Vietnamese has a single plural form
                for form in forms:
                    form.text = wanted[key]
            else:
                translation.text = wanted[key]
            translation.attrib.pop("type", None)
            del wanted[key]
    _write_ts(tree, ts)
    return list(wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/i18n.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    sub.add_parser("missing")
    sub.add_parser("release")
    fill_parser = sub.add_parser("fill")
    fill_parser.add_argument("json_file", type=Path)
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if args.command == "update":
        run_lupdate(TS)
        run_lrelease()
        missing = [m for m in messages(TS) if not m[3]]
        print(f"{TS.relative_to(ROOT)}: {sum(1 for _ in messages(TS))} strings, {len(missing)} to translate")
    elif args.command == "missing":
        missing = [m for m in messages(TS) if not m[3]]
        for context, source, _text, _finished in missing:
            print(f"{context} | {source}".replace("\n", "\\n"))
        return 1 if missing else 0
    elif args.command == "fill":
        unknown = fill(TS, json.loads(args.json_file.read_text(encoding="utf-8")))
        for context, source in unknown:
            print(f"not in the .ts: {context} | {source}", file=sys.stderr)
        run_lrelease()
        return 1 if unknown else 0
    else:
        run_lrelease()
        run_lrelease(QT_TS, QT_QM)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
