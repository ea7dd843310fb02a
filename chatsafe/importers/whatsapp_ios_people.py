"""Who is who in WhatsApp's ``ChatStorage.sqlite``: push names, group members and the
LID-to-phone map, turned into the names chatsafe shows. Unlike Android, the phone keeps
these names in the database itself; reading the messages is
:mod:`chatsafe.importers.whatsapp_ios`'s job."""

from __future__ import annotations

import sqlite3

from chatsafe.importers import whatsapp_ios_blobs as blobs
from chatsafe.importers.sqlite_readonly import columns


def phone(jid: str, lids: dict[str, str] | None = None) -> str:
    """A JID as people know it: +number for a phone JID or a LID whose number is known."""
    jid = (lids or {}).get(jid.lower(), jid) if jid.endswith("@lid") else jid
    user, _, server = jid.partition("@")
    return "+" + user if server == "s.whatsapp.net" and user.isdigit() else jid


class People:
    """The names of one database, read once before its messages."""

    def __init__(self, conn: sqlite3.Connection, tables: set[str], lids: dict[str, str]):
        self.lids = lids
        self.push = _push_names(conn, tables)
        self.member_jids: dict[str, str] = {}  # a group member's JID -> the name shown
        self.member_pk_jid: dict[int, str] = {}
        self.members = self._group_members(conn, tables)

    def _group_members(
        self, conn: sqlite3.Connection, tables: set[str]
    ) -> dict[int, tuple[int | None, str]]:
        """ZWAGROUPMEMBER rows: primary key -> (chat session, shown name)."""
        if "ZWAGROUPMEMBER" not in tables:
            return {}
        have = columns(conn, "ZWAGROUPMEMBER")
        names = [c for c in ("ZCONTACTNAME", "ZFIRSTNAME") if c in have]
        pick = ", ".join(names) if names else "NULL"
        session = "ZCHATSESSION" if "ZCHATSESSION" in have else "NULL"
        out: dict[int, tuple[int | None, str]] = {}
        for row in conn.execute(
            f"SELECT Z_PK, {session}, ZMEMBERJID, {pick} FROM ZWAGROUPMEMBER"  # noqa: S608
        ):
            pk, chat, jid = row[0], row[1], str(row[2] or "")
            shown = next((str(n) for n in row[3:] if n), None)
            out[pk] = (chat, shown or self.known(jid) or f"member {pk}")
            if jid:
                self.member_jids.setdefault(jid, out[pk][1])
                self.member_pk_jid[pk] = jid
        return out

    def known(self, jid: str) -> str:
        """A JID's push name, else its number (a LID through the map), else the JID."""
        number = self.lids.get(jid.lower(), jid) if jid.endswith("@lid") else jid
        return self.push.get(jid) or self.push.get(number) or phone(jid, self.lids)

    def reactor(self, jid: str | None, key: str, title: str, owner: str) -> str:
        """The name shown for who reacted in the chat ``key`` called ``title``."""
        if jid is None:
            return owner  # the owner's own reaction carries no JID
        if jid == key:
            return title  # the other person of a one-to-one chat
        return self.member_jids.get(jid) or self.known(jid)


def _push_names(conn: sqlite3.Connection, tables: set[str]) -> dict[str, str]:
    if "ZWAPROFILEPUSHNAME" not in tables:
        return {}
    return {
        str(jid): shown
        for jid, name in conn.execute("SELECT ZJID, ZPUSHNAME FROM ZWAPROFILEPUSHNAME")
        if jid and (shown := blobs.push_name(name))
    }
