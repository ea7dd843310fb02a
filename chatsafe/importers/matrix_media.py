"""Finding the files Element put next to its JSON room export.

With "include attachments", Element writes a zip holding ``export.json`` and each file
as ``<folder>/<name>-<date and time>.<ext>``: the folder is ``images``, ``videos``,
``audio``, ``files`` or ``stickers`` by message type, the name and extension come from
the event's ``body``, and the date and time are the exporting browser's locale and zone
with ``/`` and ``:`` replaced by ``-``. That middle part cannot be recomputed here, so a
file is matched by folder, name and extension, and ties are broken by the seconds
(the same in every zone) and then by order.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import PurePosixPath

from chatsafe.sources import Source

_FOLDERS = {"m.image": "images", "m.video": "videos", "m.audio": "audio"}


def _split(name: str) -> tuple[str, str]:
    dot = name.rfind(".")
    return (name, "") if dot <= 0 else (name[:dot], name[dot:])


class MatrixMedia:
    """The attachment files of one export, looked up by event."""

    def __init__(self, source: Source, main: str) -> None:
        self.source = source
        parent = PurePosixPath(main).parent
        base = "" if str(parent) == "." else f"{parent}/"
        self.by_folder: dict[str, list[str]] = defaultdict(list)
        for name in sorted(source.names()):
            if not name.startswith(base) or name == main:
                continue
            rel = PurePosixPath(name[len(base) :])
            if len(rel.parts) == 2:
                self.by_folder[rel.parts[0]].append(name)
        self.used: set[str] = set()

    def folder_for(self, event_type: str, msgtype: str | None) -> str:
        if event_type == "m.sticker":
            return "stickers"
        return _FOLDERS.get(msgtype or "", "files")

    def find(
        self, event_type: str, msgtype: str | None, names: list[str], when: datetime
    ) -> bytes | None:
        """The bytes of the file Element wrote for this event, or None when absent.

        Element names the file after ``body``; newer events with a caption keep the real
        name in ``filename``, so that is tried as well.
        """
        for name in dict.fromkeys(n for n in names if n):
            found = self._find(event_type, msgtype, name, when)
            if found is not None:
                return found
        return None

    def _find(
        self, event_type: str, msgtype: str | None, body: str, when: datetime
    ) -> bytes | None:
        stem, ext = _split(body)
        folder = self.folder_for(event_type, msgtype)
        ext_ok = ".png" if event_type == "m.sticker" else ext
        candidates = [
            n
            for n in self.by_folder.get(folder, [])
            if n not in self.used
            and PurePosixPath(n).name.startswith(f"{stem}-")
            and (PurePosixPath(n).name.endswith(ext_ok) or msgtype == "m.audio")
        ]
        if not candidates:
            return None
        seconds = f"-{when.second:02d}"
        exact = [n for n in candidates if seconds in PurePosixPath(n).name[len(stem) + 1 :]]
        chosen = (exact or candidates)[0]
        self.used.add(chosen)
        return self.source.read(chosen)
