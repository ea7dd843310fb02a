"""The error catalogue in Dutch: every error code renders as a Dutch sentence with its
place and what to do, numbers in the Dutch format; the review dialogs have no English
left either."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget

import chatsafe
from chatsafe import messages
from chatsafe.errors import ChatsafeError
from chatsafe.gui import i18n
from chatsafe.gui.messages import error_text

# English words Dutch never uses ("is", "was", "in" are Dutch too): one is a leftover.
ENGLISH = re.compile(
    r"\b(the|and|cannot|this|file|line|with|nothing|ask|check|type|again|does|"
    r"could|not|are|from|into|please|something|went|wrong|what|will|leave|choose)\b",
    re.IGNORECASE,
)
ENGLISH_NUMBER = re.compile(r"\d,\d{3}\b")


def _codes() -> dict[str, type[ChatsafeError]]:
    for mod in pkgutil.walk_packages(chatsafe.__path__, "chatsafe."):
        if not mod.name.startswith("chatsafe.gui") and not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    found: dict[str, type[ChatsafeError]] = {"error": ChatsafeError}

    def walk(cls: type[ChatsafeError]) -> None:
        for sub in cls.__subclasses__():
            found.setdefault(str(sub.code), sub)
            walk(sub)

    walk(ChatsafeError)
    return found


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "nl")
    yield
    i18n.install(qapp, "en")


def test_every_error_code_has_an_entry() -> None:
    missing = sorted(code for code in _codes() if code not in messages.CATALOGUE)
    assert missing == []


def test_every_error_code_renders_in_dutch(dutch: None) -> None:
    assert len(_codes()) >= 15  # the walk found the error family
    cases = [(code, None) for code in _codes()] + [("review", key) for key in messages.KEYED]
    for code, key in cases:
        error = ChatsafeError("an English core message with --a-flag", file="/x/chat.txt", key=key)
        error.code = code
        error.line = 12345
        text = error_text(error)
        assert "chat.txt" in text and "12.345" in text, text
        assert not ENGLISH.search(text.replace("chat.txt", "")), f"{code}: {text}"
        assert not ENGLISH_NUMBER.search(text), text
        assert "--" not in text and "English core message" not in text, text
        # and in English the same code reads as the catalogue's English sentence
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    error = ChatsafeError("x", file="chat.txt", line=12345)
    error.code = "wrong-key"
    assert error_text(error) == (
        "In chat.txt, line 12,345: This passphrase does not unlock the case. "
        "Type the passphrase again."
    )


def test_an_unexpected_error_names_its_type_only(dutch: None) -> None:
    text = error_text(KeyError("chat text that must not show"))
    assert text == "Er ging iets mis (KeyError). Details staan in het logboek."


def _words(w: QWidget) -> list[str]:
    out = [w.windowTitle()]
    out += [label.text() for label in w.findChildren(QLabel)]
    out += [b.text() for b in w.findChildren(QAbstractButton)]
    out += [c.accessibleName() for c in w.findChildren(QWidget)]
    return [re.sub(r"<[^>]+>", "", t).replace("&", "") for t in out if t]


def test_the_review_dialogs_are_dutch(make_window, dutch: None) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui.bundle_dialog import BundleDialog
    from chatsafe.gui.dialogs import PeriodDialog
    from chatsafe.gui.import_dialog import ImportOptionsDialog
    from chatsafe.gui.review_dialogs import LexiconDialog, RulesDialog, SummaryDialog

    w = make_window("Mia", chatsafe.review.labels.Role.MINISTER)
    s = w.session
    dialogs: list[QDialog] = [
        SummaryDialog(w, s.reader.summary(), w.conv_model.titles(), can_confirm=True),
        RulesDialog(w, s.reader.rules(), s.reader.contacts(), lambda *a: None, lambda *a: None),
        LexiconDialog(w, s.reader.lexicon_terms(), lambda *a: None, lambda *a: None),
        PeriodDialog(w, "2024-03-01", None),
        BundleDialog(w, s),
        ImportOptionsDialog(w, owner=None, time_zone="Europe/Amsterdam", country=None),
    ]
    english_left = []
    for dialog in dialogs:
        for text in _words(dialog):
            if ENGLISH.search(text) or ENGLISH_NUMBER.search(text):
                english_left.append(f"{type(dialog).__name__}: {text!r}")
        dialog.close()
    assert english_left == []
    # The same look at an English dialog finds English: the check can fail.
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    english = SummaryDialog(w, s.reader.summary(), w.conv_model.titles(), can_confirm=True)
    assert any(ENGLISH.search(t) for t in _words(english))
    english.close()


def test_every_catalogue_text_has_a_dutch_translation(dutch: None) -> None:
    from PySide6.QtCore import QCoreApplication

    same_in_dutch = {"In {file}: "}
    untranslated = [
        text
        for text in messages.all_texts()
        if QCoreApplication.translate(messages.CONTEXT, text) == text and text not in same_in_dutch
    ]
    assert untranslated == []
