"""The outline of a Telegram ``result.json``: its chats, their ids and sizes, no messages.

The first of the two passes of :mod:`chatsafe.importers.json_stream`. It holds nothing
of a message; it finds where chats are, what each is called, how many entries its
``messages`` list has, and whose account it is (``personal_information`` may come after
the chats in a re-serialised file, so this must be known before any message is read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatsafe.importers.json_stream import C_PARSER, JsonBytes, events

SECTIONS = ("chats", "left_chats")
_CONTAINER = object()  # a chat field that is an object or list where a value belongs
_META = ("name", "type", "id")
_PERSONAL = ("user_id", "first_name", "last_name")


class Bad(Exception):
    """A schema problem at a path inside result.json (turned into InputError)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


@dataclass
class ChatOutline:
    """One chat object: ``section`` is "" for a single-chat export's root."""

    section: str
    index: int
    meta: dict[str, Any] = field(default_factory=dict)
    count: int = 0
    lists: int = 0  # how many "messages" keys the chat has
    first: int = 0  # how many entries under the same prefix come before this chat's

    @property
    def path(self) -> str:
        return f"{self.section}.list[{self.index}]" if self.section else ""

    @property
    def entries(self) -> str:
        """The ijson prefix of this chat's messages."""
        return f"{self.section}.list.item.messages.item" if self.section else "messages.item"

    def value(self, key: str) -> Any:
        got = self.meta.get(key)
        return None if got is _CONTAINER else got


@dataclass
class Outline:
    keys: set[str] = field(default_factory=set)
    personal: dict[str, Any] | None = None
    chats: list[ChatOutline] = field(default_factory=list)
    is_object: bool = False

    @property
    def single(self) -> bool:
        return "messages" in self.keys and "chats" not in self.keys


def _handlers() -> dict[str, tuple[str, str, str]]:
    """prefix -> (role, section, key) for every prefix the outline looks at."""
    table: dict[str, tuple[str, str, str]] = {"": ("root", "", "")}
    for key in _PERSONAL:
        table[f"personal_information.{key}"] = ("personal", "", key)
    table["personal_information"] = ("personal-object", "", "")
    for section in ("", *SECTIONS):
        base = f"{section}.list.item" if section else ""
        dot = f"{base}." if base else ""
        if section:
            table[section] = ("section", section, "")
            table[f"{section}.list"] = ("list", section, "")
            table[base] = ("chat", section, "")
        for key in _META:
            table[f"{dot}{key}"] = ("meta", section, key)
        table[f"{dot}messages"] = ("messages", section, "")
        table[f"{dot}messages.item"] = ("entry", section, "")
    return table


_TABLE = _handlers()
_ENTRY_PREFIXES = tuple(f"{s}.list.item.messages.item." for s in SECTIONS) + ("messages.item.",)
_OPENS = ("start_map", "start_array")
_VALUES = ("string", "number", "boolean", "null")


def read_outline(stream: JsonBytes, parser: Any = C_PARSER) -> Outline:
    """One pass over the stream; raises Bad (schema) or InputError (JSON, size)."""
    out = Outline()
    current: dict[str, ChatOutline] = {}  # section -> the chat being read
    counts = dict.fromkeys(SECTIONS, -1)
    in_list = dict.fromkeys(SECTIONS, False)
    root = ChatOutline("", 0)
    current[""] = root
    depth = 0  # of the root object's own keys (for the root role only)
    inner: set[str] = set()  # prefixes met inside messages: most events, skipped first
    for prefix, event, value in events(stream, parser):
        if prefix in inner:
            continue
        role = _TABLE.get(prefix)
        if role is None:
            if prefix.startswith(_ENTRY_PREFIXES):
                inner.add(prefix)
            else:
                stream.mark = stream.pos  # outside a message every value is bounded alone
            continue
        kind, section, key = role
        if kind != "entry":
            stream.mark = stream.pos
        if kind == "root":
            if event == "start_map":
                depth += 1
                out.is_object = depth == 1
            elif event == "map_key" and depth == 1:
                out.keys.add(value)
            continue
        if kind == "entry":
            if event in _OPENS or event in _VALUES:
                chat = current[section]
                chat.count += 1
                stream.mark = stream.pos
                stream.entry = f"{chat.path}.messages[{chat.count - 1}]".lstrip(".")
            continue
        if kind == "messages":
            chat = current[section]
            if event == "start_array":
                chat.lists += 1
            elif event != "end_array":
                if event in _OPENS or event in _VALUES:
                    raise Bad(f"{chat.path}.messages".lstrip("."), "messages is not a list")
            continue
        if kind == "meta":
            chat = current[section]
            if event in _VALUES:
                chat.meta[key] = value
            elif event in _OPENS:
                chat.meta[key] = _CONTAINER
            continue
        if kind == "personal":
            if event in _VALUES and out.personal is not None:
                out.personal[key] = value
            continue
        if kind == "personal-object":
            if event == "start_map":
                out.personal = {}
            continue
        if kind == "section":
            if event in _VALUES or event == "start_array":
                raise Bad(section, f"{section} is not an object")
            if event == "start_map":
                in_list[section] = False
            elif event == "end_map" and not in_list[section]:
                raise Bad(f"{section}.list", f"{section}.list is not a list")
            continue
        if kind == "list":
            if event == "start_array":
                in_list[section] = True
            elif event in _VALUES or event == "start_map":
                raise Bad(f"{section}.list", f"{section}.list is not a list")
            continue
        # kind == "chat": one entry of chats.list
        if event == "start_map":
            counts[section] += 1
            current[section] = ChatOutline(section, counts[section])
            stream.entry = current[section].path
        elif event in _VALUES or event == "start_array":
            counts[section] += 1
            raise Bad(f"{section}.list[{counts[section]}]", "the chat is not an object")
        elif event == "end_map":
            chat = current[section]
            if not chat.lists:
                raise Bad(f"{chat.path}.messages", "messages is not a list")
            out.chats.append(chat)
    if out.single:
        if not root.lists:
            raise Bad("messages", "messages is not a list")
        out.chats = [root]
    return out
