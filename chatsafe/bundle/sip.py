"""The SIP inside the bag's ``data/``, laid out as the Nationaal Archief's MDTO SIP
specification asks (``NationaalArchief/MDTO-SIP-specificatie``, specificatie.md).

- Every information object is a folder; its sidecar is inside it, named after it:
  ``chats/chats.mdto.xml``.
- Every file has its sidecar beside it: ``x.json`` -> ``x.json.bestand.mdto.xml``.
- Names are unique in the whole SIP, at most 255 characters, and never hold
  ``< > : " / \\ | ? * # &`` or a space; they are neutral numbers, never titles.

The hierarchy: one ``Serie`` (the case: this owner's chats) -> a ``Dossier`` per
conversation -> ``Archiefstuk`` objects (the transcript, each attachment) -> ``Bestand``
files (transcript.json and transcript.pdf are two representations of one transcript).
"""

from __future__ import annotations

import re

SERIES = "chats"
DOCS = "chatsafe-documentatie"
SIDECAR = ".mdto.xml"
FILE_SIDECAR = ".bestand.mdto.xml"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*#& ]')


def check_name(name: str) -> str:
    if not name or len(name) + len(FILE_SIDECAR) > 255 or _FORBIDDEN.search(name):
        raise ValueError(f"not a SIP name: {name!r}")
    return name


def folder_sidecar(folder: str) -> str:
    """``a/b/c`` -> ``a/b/c/c.mdto.xml``: an aggregation's sidecar is inside it."""
    return f"{folder}/{folder.rsplit('/', 1)[-1]}{SIDECAR}"


def file_sidecar(path: str) -> str:
    return f"{path}{FILE_SIDECAR}"


def conversation_folder(conv_folder: str) -> str:
    return f"data/{SERIES}/{conv_folder}"


def transcript_folder(conv_folder: str) -> str:
    return f"{conversation_folder(conv_folder)}/{conv_folder}-transcript"


def transcript_file(conv_folder: str, ext: str) -> str:
    return f"{transcript_folder(conv_folder)}/{conv_folder}-transcript.{ext}"


def attachment_folder(conv_folder: str, number: int) -> str:
    """Relative to the conversation's folder."""
    return f"{conv_folder}-attachment-{number:04d}"


# A title or name that is (or holds) a phone number or an e-mail address: catalogues
# that describe a transfer are often public, so such a title never becomes MDTO naam.
_PHONE = re.compile(r"\+?\d[\d \-().]{5,}\d")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


def names_a_number(text: str) -> bool:
    return bool(_EMAIL.search(text)) or any(
        len(re.sub(r"\D", "", m.group(0))) >= 7 for m in _PHONE.finditer(text)
    )


def public_title(title: str, is_group: bool, number: int) -> str:
    """The conversation's MDTO name: its title, unless that names a number or address."""
    if title.strip() and not names_a_number(title):
        return title
    return f"Groepsgesprek {number}" if is_group else f"Gesprek met contact {number}"


def public_participants(people: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Participants for MDTO betrokkene; a name that is a number becomes 'Contact N'."""
    out: list[tuple[str, bool]] = []
    k = 0
    for name, owner in people:
        if names_a_number(name):
            k += 1
            name = f"Contact {k} (nummer in het transcript)"
        out.append((name, owner))
    return out
