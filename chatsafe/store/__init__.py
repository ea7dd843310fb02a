"""The encrypted case file."""

from chatsafe.store.case import SUFFIX, Case, create_case, discard_case, open_case, read_case_id

__all__ = ["SUFFIX", "Case", "create_case", "discard_case", "open_case", "read_case_id"]
