"""Nothing under chatsafe/gui/ runs SQL or touches a connection: the GUI reads and writes
through the case service (chatsafe/service.py) only. Checked on the syntax tree, as the
Qt-free core test checks imports."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "chatsafe" / "gui"
SQL_CALLS = {"execute", "executemany", "executescript", "cursor", "transaction", "set_setting"}
DB_MODULES = ("sqlite3", "sqlcipher3")


def offences(source: str, name: str = "<test>") -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"{where} touches .conn")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ):
            found.append(f"{where} calls .{node.func.attr}()")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            if any(n.split(".")[0] in DB_MODULES for n in names):
                found.append(f"{where} imports a database module")
    return found


def test_the_checker_finds_what_it_looks_for() -> None:
    bad = (
        "import sqlite3\n"
        "rows = session.reader.execute('SELECT 1')\n"
        "x = case.conn\n"
        "with case.transaction() as c: pass\n"
    )
    assert len(offences(bad)) == 4
    assert offences("button.clicked.connect(self.start)") == []  # Qt signals are fine


def test_gui_runs_no_sql_and_touches_no_connection() -> None:
    found = []
    files = sorted(GUI.rglob("*.py"))
    assert len(files) > 20  # the walk found the GUI
    for path in files:
        found += offences(path.read_text(encoding="utf-8"), str(path.relative_to(GUI)))
    assert found == []


def test_gui_has_no_mixins() -> None:
    """MainWindow composes operations; no class under gui/ is a mixin of it."""
    for path in sorted(GUI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "self: MainWindow" not in text, path
