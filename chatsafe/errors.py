"""One family of errors. Each names the file and the place, and has a stable code.

The message never holds chat content, a key or a passphrase: it is shown to users and
may be written to logs.
"""

from __future__ import annotations


class ChatsafeError(Exception):
    """Base of every error chatsafe raises on purpose."""

    code = "error"
    exit_code = 2
    #: a finer entry of the message catalogue (chatsafe/messages.py) than the code's
    key: str | None = None

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        entry: str | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.entry = entry
        if key is not None:
            self.key = key

    @property
    def where(self) -> str:
        """``file[:line]`` (or ``file[entry]``), empty when the error has no place."""
        if not self.file:
            return ""
        place = self.file
        if self.entry:
            place += f"[{self.entry}]"
        if self.line is not None:
            place += f":{self.line}"
        return place

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


class InputError(ChatsafeError):
    """The input cannot be imported as it is. Nothing of it was kept."""

    code = "bad-input"


class NotAChatError(InputError):
    code = "not-a-chat"


class UnknownFormatError(InputError):
    code = "unknown-format"


class EncodingError(InputError):
    code = "bad-encoding"


class UnsafeArchiveError(InputError):
    """Path traversal, links, bombs, encrypted or duplicate members."""

    code = "unsafe-archive"


class DamagedMemberError(InputError):
    """A member of an archive whose bytes do not match its header (size, checksum)."""

    code = "damaged-member"


class DecompressionBombError(UnsafeArchiveError):
    code = "decompression-bomb"


class ImageTooLargeError(InputError):
    """A real image with more pixels than a thumbnail is made of: kept, not shown."""

    code = "image-too-large"


class CaseError(ChatsafeError):
    """The case file cannot be used."""

    code = "case"


class WrongKeyError(CaseError):
    code = "wrong-key"


class NoKeyError(CaseError):
    """No keyring entry and no passphrase given."""

    code = "no-key"


class CaseTamperedError(CaseError):
    code = "tampered"


class SettingsError(ChatsafeError):
    code = "settings"


class CancelledError(ChatsafeError):
    """The user cancelled long work; everything it did was rolled back."""

    code = "cancelled"
    exit_code = 130

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
