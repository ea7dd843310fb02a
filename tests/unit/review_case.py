"""A small case for the review rules' unit tests, built through the case service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chatsafe import importers
from chatsafe.importers.base import ImportContext
from chatsafe.service import CaseService
from chatsafe.store import create_case
from tests.bundle_support import SpecImporter


def msg(sender: str, day: str, text: str, minute: int = 0) -> dict[str, Any]:
    return {"sender": sender, "wallclock": f"{day}T10:{minute:02d}:00", "text": text}


def event(day: str, text: str, minute: int = 0) -> dict[str, Any]:
    return {
        "kind": "event",
        "event_type": "other",
        "wallclock": f"{day}T10:{minute:02d}:00",
        "text": text,
    }


def conv(
    key: str, messages: list[dict[str, Any]], participants: list[str], group: bool = False
) -> dict[str, Any]:
    return {
        "key": key,
        "title": key,
        "participants": participants,
        "is_group": group,
        "messages": messages,
    }


def import_spec(
    service: CaseService, folder: Path, spec: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importers, "all_importers", lambda: [SpecImporter()])
    src = folder / f"spec-{len(list(folder.glob('spec-*.json')))}.json"
    src.write_text(json.dumps(spec), encoding="utf-8")
    service.import_paths([src], ImportContext(owner="Minister"), format_name="spec")


def new_service(folder: Path) -> CaseService:
    return CaseService(create_case(folder / "review.chatsafe"))


def ids_by_text(service: CaseService, conversation_id: int) -> dict[str, int]:
    rows = service.message_rows(service.message_ids(conversation_id))
    return {r.text: mid for mid, r in rows.items()}


def conversation_id(service: CaseService, title: str) -> int:
    return next(r.id for r in service.conversation_rows() if r.title == title)
