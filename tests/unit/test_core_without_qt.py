"""The core never imports Qt: import every core module with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys

CODE = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"the core imported {name}")
        return None

sys.meta_path.insert(0, Block())
import chatsafe
for mod in pkgutil.walk_packages(chatsafe.__path__, "chatsafe."):
    if mod.name.startswith("chatsafe.gui") or mod.name.endswith("__main__"):
        continue
    importlib.import_module(mod.name)
from chatsafe import importers
importers.all_importers()
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_core_imports_with_pyside6_blocked() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
