"""A real Secret Service (org.freedesktop.secrets) that keeps its items in a dict, on a
private D-Bus session bus: the in-memory keyring for code that asks the Secret Service by
attributes, as Chromium files safeStorage passwords. ``secretstorage`` talks to it over a
real socket, exactly as it talks to GNOME Keyring; only the methods a lookup needs exist
(SearchItems, OpenSession with the "plain" algorithm, GetSecret, properties)."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

ROOT = "/org/freedesktop/secrets"
NOT_SUPPORTED = "org.freedesktop.DBus.Error.NotSupported"
UNKNOWN_METHOD = "org.freedesktop.DBus.Error.UnknownMethod"


@dataclass
class StoredItem:
    label: str
    attributes: dict[str, str]
    secret: bytes
    locked: bool = False


@dataclass
class MemorySecretService:
    address: str
    items: dict[str, StoredItem] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def add(
        self, label: str, attributes: dict[str, str], secret: bytes, locked: bool = False
    ) -> None:
        path = f"{ROOT}/collection/login/{len(self.items) + 1}"
        self.items[path] = StoredItem(label, attributes, secret, locked)

    def serve(self) -> None:
        conn = open_dbus_connection(self.address)
        conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.secrets"))
        ready.set()
        while not self.stop.is_set():
            try:
                msg = conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            if msg.header.message_type == MessageType.method_call:
                conn.send(self._answer(msg))
        conn.close()

    def _answer(self, msg: Any) -> Any:
        fields = msg.header.fields
        path, member = fields[HeaderFields.path], fields[HeaderFields.member]
        if member == "SearchItems":
            wanted = msg.body[0]
            hits = [p for p, item in self.items.items()
                    if all(item.attributes.get(k) == v for k, v in wanted.items())]  # fmt: skip
            unlocked = [p for p in hits if not self.items[p].locked]
            return new_method_return(
                msg, "aoao", ([p for p in hits if p not in unlocked], unlocked)
            )
        if member == "OpenSession":
            if msg.body[0] != "plain":
                return new_error(msg, NOT_SUPPORTED, "s", ("only plain",))
            return new_method_return(msg, "vo", (("s", ""), f"{ROOT}/session/1"))
        item = self.items.get(path)
        if item is None:
            return new_error(msg, UNKNOWN_METHOD, "s", (path,))
        if member == "GetSecret":
            return new_method_return(
                msg, "(oayays)", ((msg.body[0], b"", item.secret, "text/plain"),)
            )
        if member == "Get":
            value = {"Label": ("s", item.label), "Locked": ("b", item.locked),
                     "Attributes": ("a{ss}", item.attributes)}[msg.body[1]]  # fmt: skip
            return new_method_return(msg, "v", (value,))
        return new_error(msg, UNKNOWN_METHOD, "s", (member,))


ready = threading.Event()


@pytest.fixture
def secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemorySecretService]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed: no private session bus to run the service on")
    bus = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    service = MemorySecretService(address)
    ready.clear()
    thread = threading.Thread(target=service.serve, daemon=True)
    thread.start()
    assert ready.wait(10), "the in-memory Secret Service did not start"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield service
    service.stop.set()
    thread.join(5)
    bus.terminate()
    bus.wait(5)
