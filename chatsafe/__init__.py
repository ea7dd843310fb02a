"""chatsafe: separate business chats from private and party-political ones."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("chatsafe")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
