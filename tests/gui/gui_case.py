"""A small case for GUI tests, built from WhatsApp exports written here."""

from __future__ import annotations

from pathlib import Path

from chatsafe.importers.base import ImportContext
from chatsafe.ingest import import_paths
from chatsafe.store import Case, create_case

ANNA = """12-03-2023 09:15 - Berichten en oproepen worden end-to-end versleuteld.
12-03-2023 09:16 - Anna de Vries: Goedemorgen, de begroting staat klaar.
12-03-2023 09:17 - Minister: Dank je. Hoe is het met je moeder in het ziekenhuis?
12-03-2023 09:18 - Anna de Vries: Beter, dank je.
12-03-2023 09:20 - Minister: Morgen is de fractievergadering over de begroting.
13-03-2023 10:00 - Anna de Vries: Dit bericht is verwijderd
14-03-2023 11:00 - Minister: Tot morgen
"""

PIET = """01-02-2023 20:00 - Piet: Zin in een etentje zaterdag?
01-02-2023 20:05 - Minister: Ja, gezellig!
"""

BURO = """05-04-2023 08:00 - Secretaris: Agenda voor de ministerraad is rond.
05-04-2023 08:02 - Minister: Prima, ik lees hem vanavond.
"""


def write_export(folder: Path, name: str, text: str) -> Path:
    path = folder / f"WhatsApp-chat met {name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def build_case(tmp_path: Path, passphrase: str | None = None) -> Case:
    exports = tmp_path / "exports"
    exports.mkdir(exist_ok=True)
    paths = [
        write_export(exports, "Anna de Vries", ANNA),
        write_export(exports, "Piet", PIET),
        write_export(exports, "Secretaris", BURO),
    ]
    case = create_case(tmp_path / "test.chatsafe", passphrase=passphrase)
    import_paths(case, paths, ImportContext(owner="Minister"))
    return case
