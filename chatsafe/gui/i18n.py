"""Translations: Dutch and English, with Qt Linguist.

The sources are ``resources/i18n/chatsafe_<lang>.ts`` (edit them with Qt Linguist;
refresh them with ``python -m chatsafe.gui.i18n update``). Packaging compiles them into
``chatsafe/data/i18n/chatsafe_<lang>.qm`` with ``python -m chatsafe.gui.i18n build``
(pyside6-lrelease). At run time the app loads that ``.qm``; in a source checkout without
one it reads the ``.ts`` straight into memory (:class:`TsTranslator`), so nothing is ever
compiled into a cache on disk. English is the source language; its file is loaded too,
for its plural forms ("1 conversation", "2 conversations").
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET  # our own .ts files, not untrusted input
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = ("nl", "en")
_PKG = Path(__file__).resolve().parent.parent
QM_DIR = _PKG / "data" / "i18n"
TS_DIR = _PKG.parent / "resources" / "i18n"


class TsTranslator(QTranslator):
    """A translator read from a ``.ts`` file into memory (finished translations only)."""

    def __init__(self, ts: Path) -> None:
        super().__init__()
        self.table: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                tr = message.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
                if any(forms):
                    self.table[(name, source)] = forms

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # %n and %Ln are left for QCoreApplication.translate, which replaces them after
        # asking the translator: %Ln in the app's locale ("100.000 berichten").
        forms = self.table.get((context, source))
        if not forms:
            # A Python override cannot return a null QString ("not found"): "" and None
            # both become an empty translation. The source text is the right fallback.
            return source
        if len(forms) > 1 and n >= 0:
            return forms[0 if n == 1 else 1]  # Dutch and English: one, or other
        return forms[0]

    def isEmpty(self) -> bool:
        return not self.table


def system_language() -> str:
    """Dutch on a Dutch system, else English (``CHATSAFE_LANG`` overrides)."""
    forced = os.environ.get("CHATSAFE_LANG", "").strip().lower()[:2]
    if forced in LANGUAGES:
        return forced
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


def load_translator(lang: str) -> QTranslator | None:
    # English is the source language, but its plural forms ("1 conversation",
    # "2 conversations") come from its own translation file, as Qt recommends.
    qm = QM_DIR / f"chatsafe_{lang}.qm"
    if qm.is_file():
        t = QTranslator()
        if t.load(str(qm)):
            return t
    ts = TS_DIR / f"chatsafe_{lang}.ts"
    if ts.is_file():
        return TsTranslator(ts)
    return None


_installed: list[QTranslator] = []


def install(app: QApplication, lang: str) -> QTranslator | None:
    """Switch the app's language (removes a translator installed before)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    # Dates and numbers follow the app's language, not the system's (a Dutch app on an
    # English Windows writes "4 maart 2024" and "1.234").
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if lang == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    t = load_translator(lang)
    if t is not None:
        app.installTranslator(t)
        _installed.append(t)
        # Qt's own words (scroll buttons, standard dialogs). Installed last, so it is asked
        # first: our in-memory translator answers every lookup, found or not.
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return t


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return f"pyside6-{name}"


def update_ts() -> None:
    """Refresh the .ts sources from the code (keeps existing translations)."""
    sources = sorted(str(p) for p in (_PKG / "gui").glob("*.py"))
    for lang in LANGUAGES:
        subprocess.run(
            [_tool("lupdate"), *sources, "-ts", str(TS_DIR / f"chatsafe_{lang}.ts")], check=True
        )


def build_qm(out: Path = QM_DIR) -> list[Path]:
    """Compile the .ts sources into .qm files for packaging."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for lang in LANGUAGES:
        target = out / f"chatsafe_{lang}.qm"
        subprocess.run(
            [_tool("lrelease"), str(TS_DIR / f"chatsafe_{lang}.ts"), "-qm", str(target)], check=True
        )
        made.append(target)
    return made


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update_ts()
    elif command == "build":
        for path in build_qm():
            sys.stdout.write(f"{path}\n")
    else:
        sys.stderr.write("usage: python -m chatsafe.gui.i18n update|build\n")
        sys.exit(2)
