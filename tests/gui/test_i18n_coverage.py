"""Every string the GUI passes to tr() or translate() has a finished Dutch translation.

The window test only sees what is on screen in one state; this reads the source, so a
string shown only in a dialog or in the details pane cannot be missed.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chatsafe.gui import i18n

GUI = Path(__file__).resolve().parents[2] / "chatsafe" / "gui"


def _calls() -> list[tuple[str, str, str]]:
    """(file:line, context, source) for each literal tr()/translate() call."""
    found: list[tuple[str, str, str]] = []

    def visit(node: ast.AST, context: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, path)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute | ast.Name):
                name = child.func.attr if isinstance(child.func, ast.Attribute) else child.func.id
                args = child.args
                where = f"{path.name}:{child.lineno}"
                if (
                    name == "tr"
                    and context
                    and args
                    and isinstance(args[0], ast.Constant)
                    and isinstance(args[0].value, str)
                ):
                    found.append((where, context, args[0].value))
                elif (
                    name == "translate"
                    and len(args) >= 2
                    and all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]
                    )
                ):
                    found.append((where, str(args[0].value), str(args[1].value)))  # type: ignore[attr-defined]
            visit(child, context, path)

    for path in sorted(GUI.rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), None, path)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_gui_string_is_translated(lang: str) -> None:
    root = ET.parse(i18n.TS_DIR / f"chatsafe_{lang}.ts").getroot()
    done: set[tuple[str, str]] = set()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if (
                tr is not None
                and tr.get("type") != "unfinished"
                and ((tr.text or "") or tr.findall("numerusform"))
            ):
                done.add((name, m.findtext("source") or ""))
    calls = _calls()
    assert len(calls) > 100  # the reader found the GUI's strings
    missing = sorted(
        {f"{where} [{ctx}] {src!r}" for where, ctx, src in calls if (ctx, src) not in done}
    )
    assert missing == []


def _literals() -> set[str]:
    """Every string literal in chatsafe's code (the core's catalogues too: errors, the
    collection guide and app names are translated through markers, not tr() calls)."""
    code = GUI.parent
    found: set[str] = set()
    for path in code.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_translated_string_is_still_used(lang: str) -> None:
    """A text the code no longer has is dead weight a translator keeps updating (the
    summary page's old "in doubt" texts were): a source must be a literal in the code."""
    root = ET.parse(i18n.TS_DIR / f"chatsafe_{lang}.ts").getroot()
    literals = _literals()
    sources = [
        (ctx.findtext("name") or "", m.findtext("source") or "")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]
    assert len(sources) > 500  # the reader found the file's messages
    unused = sorted(f"[{ctx}] {src!r}" for ctx, src in sources if src not in literals)
    assert unused == []
