"""Threads of a mailbox, built from compact keys so a large mailbox is held about once.

Threading needs every mail's headers before the first thread is built. Keeping a record
per mail (ids, references, subject as strings) cost several hundred bytes each: a 405 MB
mbox of 600,000 small mails peaked at 1.23 GB against issue 12's target of 2 x the input
+ 300 MB. Here a mail is a number; what threading needs of it is a few bytes in arrays
(its date, four flags, a digest of its normalised subject), and Message-IDs, References
and In-Reply-To are joined as they are read, by 8-byte digests, in a union-find over
integers. Everything else about a mail is read again from the file when it is built.

The threads are those of a union-find over the strings themselves (a test compares them
on varied mailboxes): two different ids or subjects share a 64-bit digest with a chance
of about n^2 / 2^65, and the worst such a collision does is join two threads; no mail is
ever lost by it.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterator

PREFIX = 1  # the subject starts with Re:/Fwd:/AW:/...
REFS = 2  # the mail has References or In-Reply-To
HAS_ID = 4  # the mail has a Message-ID
DATED = 8  # the mail has a date (its own or the mbox envelope's)


def digest(text: str) -> int:
    """An 8-byte digest of a Message-ID or a normalised subject (never 0)."""
    raw = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(raw, "little") or 1


class ThreadIndex:
    """Mails numbered 0..n-1 in file order, and the threads they form."""

    def __init__(self) -> None:
        self.flags = bytearray()
        self.when = array("d")  # seconds since the epoch (0.0 when not DATED)
        self.subject = array("Q")  # digest of the casefolded normal subject, 0 if none
        self._parent = array("q")  # union-find over mails and the ids they name
        self._node = array("q")  # mail -> its node
        self._ids: dict[int, int] = {}  # id digest -> its node
        self._anchors: dict[int, int] = {}  # subject digest -> first mail that may anchor it

    def __len__(self) -> int:
        return len(self.flags)

    def add(
        self, message_id: str | None, refs: list[str], subject: str, flags: int, when: float
    ) -> int:
        """Add one mail (``subject`` normalised and casefolded); its number."""
        mail = len(self.flags)
        self.flags.append(flags | (HAS_ID if message_id else 0) | (REFS if refs else 0))
        self.when.append(when)
        key = digest(subject) if subject else 0
        self.subject.append(key)
        node = self._new_node()
        self._node.append(node)
        if message_id:
            # The first mail with an id stands for it; a duplicate id joins its thread.
            self._union(node, self._ids.setdefault(digest(message_id), node))
        for ref in refs:
            self._union(node, self._id_node(ref))
        if key and not refs and not flags & PREFIX:
            self._anchors.setdefault(key, node)
        return mail

    def _new_node(self) -> int:
        self._parent.append(len(self._parent))
        return len(self._parent) - 1

    def _id_node(self, text: str) -> int:
        key = digest(text)
        node = self._ids.get(key)
        if node is None:
            node = self._ids[key] = self._new_node()
        return node

    def _find(self, node: int) -> int:
        parent = self._parent
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def sort_key(self, mail: int) -> tuple[int, float, int]:
        """The order of mails in a thread: dated ones by date, then by place in the file."""
        dated = self.flags[mail] & DATED
        return (0 if dated else 1, self.when[mail] if dated else 0.0, mail)

    def threads(self, check_cancel: Callable[[], None] = lambda: None) -> Iterator[array[int]]:
        """Each thread's mails in order; threads in the order of their first mail in the file.

        Replies that lost their references join the first thread with the same subject.
        """
        flags, n = self.flags, len(self.flags)
        for mail in range(n):
            key = self.subject[mail]
            if key and flags[mail] & (PREFIX | REFS) == PREFIX and key in self._anchors:
                self._union(self._node[mail], self._anchors[key])
        self._ids.clear()
        self._anchors.clear()
        # A counting sort of mails by thread: one number per mail, no list per thread.
        number = array("q", [-1]) * len(self._parent)  # root node -> thread number
        of = array("q", bytes(8 * n))
        sizes = array("q")
        for mail in range(n):
            root = self._find(self._node[mail])
            if number[root] < 0:
                number[root] = len(sizes)
                sizes.append(0)
            of[mail] = number[root]
            sizes[number[root]] += 1
            if mail % 50_000 == 0:
                check_cancel()
        del number
        self._parent, self._node = array("q"), array("q")
        starts = array("q", bytes(8 * (len(sizes) + 1)))
        for t, size in enumerate(sizes):
            starts[t + 1] = starts[t] + size
        del sizes
        order = array("q", bytes(8 * n))
        fill = array("q", starts[:-1])
        for mail in range(n):
            t = of[mail]
            order[fill[t]] = mail
            fill[t] += 1
        del of, fill
        for t in range(len(starts) - 1):
            members = sorted(order[starts[t] : starts[t + 1]], key=self.sort_key)
            yield array("q", members)
