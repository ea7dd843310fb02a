"""What people call each export's app, in the app's language: the conversation list's
App column and filter, and the import options' format list. The importers' own labels
("E-mail (mbox, .eml)") are the command line's English; the app never shows them raw."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _names() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "whatsapp": tr("AppNames", "WhatsApp"),
        "whatsapp-android": tr("AppNames", "WhatsApp (Android database)"),
        "whatsapp-ios": tr("AppNames", "WhatsApp (iPhone or Mac database)"),
        "iphone-backup": tr("AppNames", "iPhone backup"),
        "signal-export": tr("AppNames", "Signal"),
        "signal-desktop": tr("AppNames", "Signal Desktop"),
        "sms": tr("AppNames", "SMS (Android)"),
        "imessage": tr("AppNames", "iMessage and SMS (Apple)"),
        "telegram": tr("AppNames", "Telegram"),
        "email": tr("AppNames", "E-mail"),
        "matrix": tr("AppNames", "Matrix / Tchap"),
    }


def app_name(source_format: str) -> str:
    """The app's name for a format; an unknown or removed format still gets one."""
    return _names().get(source_format, source_format)


def known() -> set[str]:
    return set(_names())
