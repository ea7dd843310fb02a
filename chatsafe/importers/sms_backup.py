"""Android SMS and MMS from the "SMS Backup & Restore" app (XML).

``<smses>`` holds ``<sms>`` and ``<mms>`` elements, SMS first and MMS after them, so
file order is not time order (the store orders by time; ``position`` keeps file order).
Every SMS and MMS is a message, drafts and failed ones too (their state is in
``extra["status"]``). Conversations are keyed by the sorted set of the *other*
parties' numbers in normal form (see :mod:`chatsafe.importers.phone_numbers`), so
"+31 6 1234 5678" and "06-12345678" land in one conversation. The owner's number,
given as ``ctx.extra["owner_number"]`` or read from the sender of sent MMS, is never
a participant.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import Element
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chatsafe.domain import Kind, ParsedAttachment, ParsedConversation, ParsedMessage
from chatsafe.errors import InputError
from chatsafe.importers.base import ImportContext
from chatsafe.importers.phone_numbers import country_of, normalise_number, split_addresses
from chatsafe.importers.xml_stream import iter_records
from chatsafe.media import sniff_mime
from chatsafe.sources import Source

NAME = "sms"
_SMS_STATUS = {3: "draft", 4: "outbox", 5: "failed", 6: "queued"}
_MMS_STATUS = {3: "draft", 4: "outbox", 5: "failed"}
_ADDR_FROM, _ADDR_TO, _ADDR_CC = "137", "151", "130"
_OWNER_NAME = "Me"


def _attr(elem: Element, name: str) -> str | None:
    """An attribute, with the literal string "null" read as absent."""
    value = elem.get(name)
    return None if value is None or value == "null" else value


def _int(elem: Element, name: str, where: str, entry: str, default: int | None = None) -> int:
    value = _attr(elem, name)
    if value is None:
        if default is not None:
            return default
        raise InputError(f"the {name!r} attribute is missing", file=where, entry=entry)
    try:
        return int(value)
    except ValueError:
        raise InputError(
            f"the {name!r} attribute is not a number", file=where, entry=entry
        ) from None


def _instant(ms: int, where: str, entry: str) -> datetime:
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise InputError("the date is out of range", file=where, entry=entry) from None


@dataclass
class _Record:
    """One SMS or MMS before it is assigned to its conversation."""

    others: list[str]  # numbers as written
    names: dict[str, str]  # number as written -> contact name
    sent: bool
    sender: str | None  # number as written (received) or None (owner)
    message: ParsedMessage
    owner_from: str | None = None  # sender number of a sent MMS: the owner's
    all_addresses: list[str] = field(default_factory=list)


def _contact_names(numbers: list[str], contact_name: str | None) -> dict[str, str]:
    """Pair contact names with numbers only when the pairing is unambiguous."""
    if not contact_name or contact_name in ("(Unknown)", "Unknown"):
        return {}
    if len(numbers) == 1:
        return {numbers[0]: contact_name}
    names = [n.strip() for n in contact_name.split(",")]
    if len(names) == len(numbers):
        return dict(zip(numbers, names, strict=True))
    return {}


class SmsBackupImporter:
    name = NAME
    label = "SMS/MMS (SMS Backup & Restore XML)"
    description = "Android SMS and MMS backed up by SMS Backup & Restore (sms-*.xml)"

    def _files(self, source: Source) -> list[str]:
        found = []
        for name in source.names():
            if not name.lower().endswith(".xml"):
                continue
            head = next(iter(source.chunks(name)), b"")[:4096]
            if b"<smses" in head:
                found.append(name)
        return found

    def sniff(self, source: Source) -> int:
        try:
            return 95 if self._files(source) else 0
        except InputError:
            return 0

    def parse(self, source: Source, ctx: ImportContext) -> Iterator[ParsedConversation]:
        files = self._files(source)
        if not files:
            raise InputError("no SMS Backup & Restore XML (<smses>) found", file=source.display)
        try:
            # National numbers are read as the phone's country's (--country, else the
            # case's country setting, else NL); "country_code" is the older spelling.
            country = country_of(ctx.extra.get("country") or ctx.extra.get("country_code"))
        except ValueError as exc:
            raise InputError(str(exc), file=source.display) from None
        try:
            zone = ZoneInfo(ctx.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"unknown time zone {ctx.time_zone!r}") from None
        records: list[_Record] = []
        for name in files:
            records.extend(self._read_file(source, name, ctx, zone))
        yield from self._group(records, ctx, country)

    def _read_file(
        self, source: Source, name: str, ctx: ImportContext, zone: ZoneInfo
    ) -> Iterator[_Record]:
        where = source.where(name)
        index = 0
        for root, elem in iter_records(source.chunks(name), where):
            if root.tag != "smses":
                raise InputError(f"the root element is <{root.tag}>, not <smses>", file=where)
            entry = f"{elem.tag} #{index + 1}"
            if elem.tag == "sms":
                yield self._sms(elem, where, entry, zone)
            elif elem.tag == "mms":
                yield self._mms(elem, where, entry, zone)
            else:
                # Not a message this format defines: reported, never dropped silently.
                ctx.tally.read += 1
                tag = str(elem.tag)[:40]
                ctx.tally.skip(
                    f"{name}: <{tag}> after message {index}",
                    "unknown-element",
                    f"an element <{tag}> that SMS Backup & Restore does not write",
                )
                continue
            index += 1
            if index % 1000 == 0:
                ctx.check_cancel()
                ctx.progress(index, 0)

    def _message(self, elem: Element, where: str, entry: str, zone: ZoneInfo) -> ParsedMessage:
        instant = _instant(_int(elem, "date", where, entry), where, entry)
        return ParsedMessage(
            position=0,
            kind=Kind.MESSAGE,
            sender=None,
            wallclock=instant.astimezone(zone).strftime("%Y-%m-%dT%H:%M:%S"),
            text="",
            instant=instant,
        )

    def _sms(self, elem: Element, where: str, entry: str, zone: ZoneInfo) -> _Record:
        numbers = split_addresses(_attr(elem, "address"))
        kind = _int(elem, "type", where, entry, default=1)
        msg = self._message(elem, where, entry, zone)
        msg.text = (_attr(elem, "body") or "").replace("\r\n", "\n").replace("\r", "\n")
        sent = kind != 1
        msg.from_owner = sent
        if kind in _SMS_STATUS:
            msg.extra["status"] = _SMS_STATUS[kind]
        subject = _attr(elem, "subject")
        if subject:
            msg.extra["subject"] = subject
        names = _contact_names(numbers, _attr(elem, "contact_name"))
        sender = None if sent else (numbers[0] if numbers else None)
        return _Record(numbers, names, sent, sender, msg, all_addresses=list(numbers))

    def _mms(self, elem: Element, where: str, entry: str, zone: ZoneInfo) -> _Record:
        box = _int(elem, "msg_box", where, entry, default=1)
        msg = self._message(elem, where, entry, zone)
        sent_s = _int(elem, "date_sent", where, entry, default=0)
        if sent_s > 0:  # date_sent is in seconds, unlike date
            msg.extra["date_sent"] = _instant(sent_s * 1000, where, entry).isoformat()
        sent = box != 1
        msg.from_owner = sent
        if box in _MMS_STATUS:
            msg.extra["status"] = _MMS_STATUS[box]
        texts: list[str] = []
        for seq, part in enumerate(elem.iterfind("parts/part")):
            self._part(part, seq, texts, msg, where, entry)
        msg.text = "\n".join(texts).replace("\r\n", "\n").replace("\r", "\n")
        subject = _attr(elem, "sub")
        if subject:
            msg.extra["subject"] = subject
        sender_addr: str | None = None
        addresses: list[str] = []
        for addr in elem.iterfind("addrs/addr"):
            number = _attr(addr, "address")
            if not number or number == "insert-address-token":
                continue
            kind = addr.get("type")
            if kind == _ADDR_FROM:
                sender_addr = number
            if kind in (_ADDR_FROM, _ADDR_TO, _ADDR_CC) and number not in addresses:
                addresses.append(number)
        others = split_addresses(_attr(elem, "address"))
        names = _contact_names(others, _attr(elem, "contact_name"))
        return _Record(
            others,
            names,
            sent,
            None if sent else sender_addr,
            msg,
            owner_from=sender_addr if box == 2 else None,
            all_addresses=addresses,
        )

    def _part(
        self,
        part: Element,
        number: int,
        texts: list[str],
        msg: ParsedMessage,
        where: str,
        entry: str,
    ) -> None:
        ct = (_attr(part, "ct") or "application/octet-stream").lower()
        if ct == "application/smil":
            return  # layout only
        data_b64 = _attr(part, "data")
        data: bytes | None = None
        if data_b64 is not None:
            try:
                data = base64.b64decode(data_b64, validate=False)
            except (binascii.Error, ValueError):
                raise InputError(
                    f"part {number + 1} holds damaged base64 data", file=where, entry=entry
                ) from None
        if ct == "text/plain":
            text = _attr(part, "text")
            if text is None and data is not None:
                text = data.decode("utf-8", errors="replace")
            if text:
                texts.append(text)
            return
        name = _attr(part, "cl") or _attr(part, "name") or f"part-{number + 1}"
        mime = ct if "/" in ct else (sniff_mime(data, name) if data else None)
        msg.attachments.append(ParsedAttachment(name=name, mime=mime, data=data))

    def _group(
        self, records: list[_Record], ctx: ImportContext, country: str
    ) -> Iterator[ParsedConversation]:
        seen: dict[str, str] = {}

        def norm(n: str) -> str:  # the same few hundred numbers, over and over
            found = seen.get(n)
            if found is None:
                found = seen[n] = normalise_number(n, country)
            return found

        owner_number = ctx.extra.get("owner_number")
        owner_key = norm(owner_number) if owner_number else None
        if owner_key is None:
            for rec in records:
                if rec.owner_from:
                    owner_key = norm(rec.owner_from)
                    break
        convs: dict[tuple[str, ...], list[_Record]] = {}
        for rec in records:
            others = rec.others or [a for a in rec.all_addresses if norm(a) != owner_key]
            keys = tuple(sorted({norm(n) for n in others} - {owner_key}))
            convs.setdefault(keys, []).append(rec)
        owner_label = ctx.owner or _OWNER_NAME
        for keys, recs in convs.items():
            names: dict[str, str] = {}
            written: dict[str, str] = {}
            for rec in recs:
                for number in rec.others or rec.all_addresses:
                    written.setdefault(norm(number), number)
                for number, contact in rec.names.items():
                    names[norm(number)] = contact
            display = [names.get(k) or written.get(k, k) for k in keys]
            messages: list[ParsedMessage] = []
            for position, rec in enumerate(recs):
                msg = rec.message
                msg.position = position
                if rec.sent:
                    msg.sender = owner_label
                elif rec.sender:
                    msg.sender = names.get(norm(rec.sender)) or rec.sender
                elif len(keys) == 1:
                    msg.sender = display[0]
                messages.append(msg)
            yield ParsedConversation(
                source_format=NAME,
                key="~".join(keys) if keys else "(no address)",
                title=", ".join(display) if display else "(no address)",
                messages=messages,
                participants=display,
                is_group=len(keys) > 1,
                # The owner is the name sent messages carry; the number stays out of
                # the participants and is kept apart.
                owner=owner_label,
                extra={"numbers": list(keys), "owner_number": owner_key},
            )


IMPORTER = SmsBackupImporter()
