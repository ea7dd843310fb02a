"""What WhatsApp prints instead of content, in every language of :mod:`whatsapp_phrases`.

Markers become data: flags on the message (deleted, edited, view once, media omitted),
attachments, ``extra`` entries (location, poll, contact card, media kind, disappearing
timer) or events with an :class:`~chatsafe.domain.EventType`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from chatsafe.domain import EventType, Kind, ParsedAttachment, ParsedMessage
from chatsafe.importers.whatsapp_phrases import every, every_omitted

MARKS_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_DELETED = every("deleted")
# Whole-body placeholders for media left out: Android's, then iOS's by media kind.
_OMITTED = {text: "media" for text in every("media_omitted")} | every_omitted()
_CALLS = (
    "Missed voice call",
    "Missed video call",
    "Missed group voice call",
    "Missed group video call",
    "Voice call",
    "Video call",
    "Gemiste spraakoproep",
    "Gemiste videoproep",
    "Gemiste video-oproep",
    "Gemist spraakgesprek",
    "Gemist videogesprek",
    "Spraakoproep",
    "Video-oproep",
    "Spraakgesprek",
    "Videogesprek",
)
_LIVE_LOCATION = ("live location shared", "Live-locatie gedeeld", "Live-Standort geteilt")
_VIEW_ONCE = ("null",)

# Whole-body markers, after direction marks are removed: one dict lookup per message.
EXACT: dict[str, tuple[str, str]] = {}
for _t in _DELETED:
    EXACT[_t] = EXACT[_t + "."] = ("deleted", "")
for _t, _kind in _OMITTED.items():
    EXACT[_t] = ("omitted", _kind)
for _t in _CALLS:
    EXACT[_t] = ("call", "")
for _t in _LIVE_LOCATION:
    EXACT[_t] = ("live", "")
for _t in _VIEW_ONCE:
    EXACT[_t] = ("view_once", "")

EDITED = every("edited")
_DOC_OMITTED = tuple(text for text, kind in every_omitted().items() if kind == "document")
# A body that starts or ends with one of these, or holds "<", "(" or a maps link,
# goes through the slower path below; plain text does not. Every edited marker holds
# "<", so only the document placeholders need a suffix test (it runs on every message).
assert all("<" in marker for marker in EDITED)
SUFFIXES = _DOC_OMITTED
PREFIXES = ("POLL:", "PEILING:", "UMFRAGE:", "ENCUESTA:") + _CALLS
_ATTACHED_SUFFIXES = tuple(f" ({words})" for words in every("attached"))
_IOS_ATTACHED = re.compile(
    "<(?:" + "|".join(re.escape(w) for w in every("attached_ios")) + r") ?: ([^>\n]+)>"
)
_LOCATION = re.compile(r"(https?://maps\.google\.com/\?q=[^\s]+)")
_OPTION = re.compile(r"^(?:OPTION|OPTIE|OPCIÓN): (.*?)(?: \(([0-9]+) [^()]*\))?$")
_DURATION = re.compile(
    r"([0-9]+)\s?(days?|hours?|weeks?|dagen|dag|uur|weken|Tagen?|Stunden|Wochen|días|horas"
    r"|semanas|dias|jours?|heures?|semaines|giorni|ore|settimane|gün|saat|hafta|dni|godzin"
    r"|tygodni)\b"
)

_EVENT_PATTERNS: list[tuple[EventType, str]] = [
    (
        EventType.ENCRYPTION,
        r"end-to-end|ende-zu-ende|de extremo a extremo|de bout en bout|ponta[ -]a[ -]ponta"
        r"|uçtan uca|بين الطرفين",
    ),
    (EventType.DISAPPEARING_OFF, "|".join(every("disappearing_off"))),
    (EventType.DISAPPEARING_ON, "|".join(every("disappearing_on"))),
    (EventType.DISAPPEARING_CHANGED, "|".join(every("disappearing"))),
    (EventType.SECURITY_CODE, r"security code|beveiligingscode|sicherheitsnummer|de seguridad"),
    (
        EventType.NUMBER_CHANGED,
        r"phone number|changed to \+|changed their number|telefoonnummer|nummer gewijzigd"
        r"|nieuw nummer|telefonnummer|número de teléfono",
    ),
    (EventType.DESCRIPTION_CHANGED, r"description|groepsbeschrijving|beschreibung|descripción"),
    (EventType.ICON_CHANGED, r"icon|groepsafbeelding|groepsicoon|groepsfoto|gruppenbild|ícono"),
    (EventType.SUBJECT_CHANGED, r"subject|group name|groepsnaam|onderwerp|gruppenname|asunto"),
    (EventType.GROUP_CREATED, r"created group|created this group|aangemaakt|erstellt|creó"),
    (EventType.PINNED, r"pinned|vastgezet|angeheftet|fijó"),
    (EventType.MEMBER_REMOVED, r"\bremoved\b|verwijderd|entfernt|eliminó a"),
    (
        EventType.MEMBER_ADDED,
        r"\badded\b|\bjoined\b|toegevoegd|uitnodigingslink|neemt deel|hinzugefügt|añadió|se unió",
    ),
    (EventType.MEMBER_LEFT, r"\bleft\b|verlaten|vertrokken|verlassen|salió"),
]
_EVENT_RULES = [(t, re.compile(p, re.I)) for t, p in _EVENT_PATTERNS]
_CALL_RULE = re.compile(r"\b(?:voice|video|group) call\b|oproep|gesprek\b|anruf", re.I)

GROUP_EVENTS = frozenset(
    {
        EventType.GROUP_CREATED,
        EventType.MEMBER_ADDED,
        EventType.MEMBER_LEFT,
        EventType.MEMBER_REMOVED,
        EventType.SUBJECT_CHANGED,
        EventType.ICON_CHANGED,
        EventType.DESCRIPTION_CHANGED,
    }
)


def clean(text: str) -> str:
    """``text`` without direction marks and embedding controls."""
    return MARKS_RE.sub("", text)


def known_event(text: str) -> EventType | None:
    """The event a system line reports, or None when no rule knows it."""
    for event_type, rule in _EVENT_RULES:
        if rule.search(text):
            return event_type
    if _CALL_RULE.search(text):
        return EventType.CALL
    return None


def event_extra(event_type: EventType, text: str) -> dict[str, Any]:
    if event_type in (EventType.DISAPPEARING_ON, EventType.DISAPPEARING_CHANGED):
        m = _DURATION.search(text)
        if m:
            return {"disappearing": f"{m.group(1)} {m.group(2)}"}
    return {}


def make_event(msg: ParsedMessage, text: str, event_type: EventType) -> None:
    msg.kind = Kind.EVENT
    msg.event_type = event_type
    msg.text = text
    extra = event_extra(event_type, text)
    if extra:
        msg.extra.update(extra)


Resolve = Callable[[str], ParsedAttachment]


def decorate(msg: ParsedMessage, body: str, lrm: bool, resolve: Resolve) -> None:
    """Turn the markers in a message's cleaned ``body`` into data on ``msg``.

    ``lrm`` says the printed body began with U+200E, which iOS uses for its own
    lines (media placeholders, and system lines printed with an author).
    """
    if body.endswith(EDITED):
        for marker in EDITED:
            if body.endswith(marker):
                body = body[: -len(marker)].rstrip()
                break
        msg.edited = True
    hit = EXACT.get(body)
    if hit is not None:
        what, media = hit
        if what == "deleted":
            msg.deleted = True
            body = ""
        elif what == "omitted":
            msg.media_omitted = True
            msg.extra["media"] = media
            body = ""
        elif what == "view_once":
            msg.view_once = True
            body = ""
        elif what == "call":
            make_event(msg, body, EventType.CALL)
            return
        elif what == "live":
            msg.extra["location"] = "live"
        msg.text = body
        return
    if body.startswith(_CALLS) and lrm:
        make_event(msg, body, EventType.CALL)
        return
    if body.endswith(_DOC_OMITTED):
        msg.media_omitted = True
        msg.extra["media"] = "document"
        for marker in _DOC_OMITTED:
            if body.endswith(marker):
                body = body[: -len(marker)].strip()
                break
    eol = body.find("\n")
    first = body if eol < 0 else body[:eol]
    if first.endswith(_ATTACHED_SUFFIXES):
        name = first[: first.rfind(" (")].strip()
        msg.attachments.append(resolve(name))
        _contact_card(msg, name)
        body = "" if eol < 0 else body[eol + 1 :]
    elif "<" in body:
        names = _IOS_ATTACHED.findall(body)
        if names:
            for name in names:
                msg.attachments.append(resolve(name.strip()))
                _contact_card(msg, name.strip())
            body = _IOS_ATTACHED.sub("", body).strip()
    if "maps.google.com/" in body:
        m = _LOCATION.search(body)
        if m:
            msg.extra["location"] = m.group(1)
    if body.startswith(("POLL:", "PEILING:", "UMFRAGE:", "ENCUESTA:")):
        msg.extra["poll"] = _poll(body)
    elif lrm and not msg.attachments and not msg.media_omitted:
        event_type = known_event(body)
        if event_type is not None:
            msg.sender = None
            make_event(msg, body, event_type)
            return
    msg.text = body


def _contact_card(msg: ParsedMessage, name: str) -> None:
    if name.lower().endswith(".vcf"):
        card = name[:-4]
        # iOS prefixes its media counter: 00000015-Jan Jansen.vcf
        if len(card) > 9 and card[:8].isdigit() and card[8] == "-":
            card = card[9:]
        msg.extra["contact_card"] = card


def _poll(body: str) -> dict[str, Any]:
    lines = body.split("\n")
    question = lines[0].split(":", 1)[1].strip()
    options: list[dict[str, Any]] = []
    for line in lines[1:]:
        m = _OPTION.match(line.strip())
        if m:
            votes = int(m.group(2)) if m.group(2) else None
            options.append({"option": m.group(1), "votes": votes})
        elif not question and not options:
            question = line.strip()
    return {"question": question, "options": options}


# The chat's file name per language (Android), then the iOS zip's "WhatsApp Chat - X".
_TITLE_RES = [re.compile(p, re.I) for p in every("title")] + [
    re.compile(r"^WhatsApp[ -]Chat ?[-\u2013] ?(.+)$", re.I)
]
_COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")


def title_from_name(filename: str) -> str | None:
    """The chat's name from an export's file name, or None if the name is generic."""
    stem = filename.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = _COPY_SUFFIX.sub("", stem).strip()
    for rx in _TITLE_RES:
        m = rx.match(stem)
        if m:
            return m.group(1).strip()
    if stem.lower() in ("_chat", "chat", ""):
        return None
    return stem


def is_chat_name(filename: str) -> bool:
    """True for the names WhatsApp gives its chat text files."""
    base = filename.rsplit("/", 1)[-1]
    if not base.lower().endswith(".txt"):
        return False
    if base == "_chat.txt":
        return True
    stem = base[:-4]
    return any(rx.match(stem) for rx in _TITLE_RES[:-1])


def conversation_key(title: str) -> str:
    """The title normalised, so two exports of one chat share a key."""
    text = unicodedata.normalize("NFC", clean(title))
    return " ".join(text.split()).casefold()
