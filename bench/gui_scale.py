"""How the review app copes with a large case.

Builds a case of N messages (default 1,000,000) with one conversation of BIG (default
200,000), inserting rows directly through the case's connection for speed, then times:
opening the case and painting the conversation list; showing the big conversation;
Ctrl+A, P and Ctrl+Z on all of its messages (issue 14: each a GUI-thread event);
scrolling to its end; marking the whole conversation; a search over the case; the
summary of what will leave (which runs on the worker); and reports the peak RSS.

Targets (issue 4): each view < 0.5 s, marking < 100 ms, search < 300 ms, RSS < 800 MB.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_scale.py [--n 1000000] [--big 200000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chatsafe.store import create_case, open_case  # noqa: E402
from chatsafe.store.case import now_iso  # noqa: E402

PASSPHRASE = "bench-passphrase"
WORDS = (
    "begroting kamerbrief overleg agenda minister nota woningbouw stikstof debat motie "
    "voorjaarsnota wetsvoorstel provincie gemeente rapport planning afspraak morgen vandaag "
    "graag dank akkoord concept reactie vergadering werkbezoek persbericht"
).split()


def build(path: Path, n: int, big: int, per_conv: int = 1000) -> None:
    rnd = random.Random(7)
    case = create_case(path, passphrase=PASSPHRASE)
    with case.transaction() as c:
        c.execute(
            "INSERT INTO imports(id, format, path_name, started_at, tool_version) VALUES(1, 'bench', 'bench', ?, 'bench')",
            (now_iso(),),
        )
        sizes = [big] + [per_conv] * ((n - big) // per_conv)
        sizes[-1] += n - sum(sizes)
        mid = 0
        for cid, size in enumerate(sizes, start=1):
            other = f"Contact {cid}"
            c.execute(
                "INSERT INTO conversations(id, source_format, key, title, is_group, created_at) VALUES(?, 'whatsapp', ?, ?, 0, ?)",
                (cid, other, other, now_iso()),
            )
            c.executemany(
                "INSERT INTO participants(conversation_id, name, is_owner) VALUES(?, ?, ?)",
                [(cid, other, 0), (cid, "Minister", 1)],
            )
            base = 1_600_000_000_000 + cid * 1000
            rows = []
            for i in range(size):
                mid += 1
                own = i % 3 == 0
                text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 14)))
                instant = base + i * 60_000
                wall = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(instant / 1000))
                ident = hashlib.sha256(f"{cid}:{i}".encode()).hexdigest()
                kind = "event" if i % 500 == 0 else "message"
                rows.append(
                    (
                        mid,
                        cid,
                        ident,
                        i,
                        kind,
                        None if own else other,
                        int(own),
                        wall,
                        instant,
                        text,
                        f"m{i}",
                        # one message in seven replies to one a few back (quoted in its bubble)
                        f"m{i - 3}" if i % 7 == 3 else None,
                    )
                )
            c.executemany(
                "INSERT INTO messages(id, conversation_id, identity, import_id, position, kind, sender,"
                " from_owner, wallclock, instant, text, source_id, reply_to)"
                " VALUES(?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        add_images(c)
        c.execute("INSERT INTO message_fts(rowid, text) SELECT id, text FROM messages")
    case.close()


def add_images(c: Any, every: int = 25, distinct: int = 100) -> None:
    """One message in ``every`` of the big conversation carries a photo with a stored
    thumbnail (``distinct`` different ones), so scrolling decodes thumbnails."""
    import io

    from PIL import Image

    for b in range(1, distinct + 1):
        buf = io.BytesIO()
        Image.new("RGB", (320, 240), (b * 2, 120, 255 - b * 2)).save(buf, "PNG")
        png = buf.getvalue()
        c.execute(
            "INSERT INTO blobs(id, sha256, size, data) VALUES(?, ?, ?, ?)",
            (b, hashlib.sha256(png).hexdigest(), len(png), png),
        )
        c.execute(
            "INSERT INTO thumbnails(blob_id, png, width, height) VALUES(?, ?, 320, 240)", (b, png)
        )
    ids = [r[0] for r in c.execute("SELECT id FROM messages WHERE conversation_id = 1")]
    c.executemany(
        "INSERT INTO attachments(message_id, position, name, mime, blob_id, sha256, size, present)"
        " VALUES(?, 0, 'foto.png', 'image/png', ?, NULL, NULL, 1)",
        [(mid, 1 + n % distinct) for n, mid in enumerate(ids[5::every])],
    )


def timed(label: str, fn: Callable[[], Any], results: dict[str, float]) -> Any:
    t0 = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - t0
    return value


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=200_000)
    parser.add_argument("--case", type=Path, help="reuse (or build) this case file")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from chatsafe.gui.app import make_app
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner
    from chatsafe.review import search
    from chatsafe.review.labels import Role
    from chatsafe.review.summary import summarize

    tmp = None
    path = args.case
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="chatsafe-bench-")
        path = Path(tmp.name) / "bench.chatsafe"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.n, args.big)
        print(
            f"built {args.n:,} messages in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
        )

    _app = make_app("en")  # the QApplication must live while windows do
    r: dict[str, float] = {}
    runner = ImmediateRunner()  # measure the work itself, not the thread hand-off
    window = MainWindow(runner)
    window.resize(1400, 900)
    window.show()
    # The summary behind the status bar runs on the worker thread in the app; with the
    # immediate runner it would block here, so it is timed on its own below.
    window._refresh_status = lambda: None  # type: ignore[method-assign]

    from chatsafe import keys

    # A keyring case (the default) opens without a KDF; a passphrase case adds scrypt,
    # timed on its own here so that both figures are visible.
    timed(
        "  unlocking a passphrase case (scrypt, n = 2^15)",
        lambda: keys.derive_from_passphrase(PASSPHRASE, __import__("uuid").uuid4()),
        r,
    )
    from chatsafe.store.case import read_case_id

    key = keys.derive_from_passphrase(PASSPHRASE, read_case_id(path))

    def open_and_paint() -> None:
        case = open_case(path, _key=key)  # the case as the keyring would open it
        window.set_session(Session(case, Reviewer("Bench", Role.ASSISTANT), runner))
        window.repaint()
        QApplication.processEvents()

    timed("open case (keyring key) + paint conversation list", open_and_paint, r)
    big_id = 1
    window.select_conversation(2)  # start from a small conversation
    QApplication.processEvents()

    def show_big() -> None:
        window.select_conversation(big_id)
        window.transcript.repaint()
        QApplication.processEvents()

    timed("show the big conversation", show_big, r)
    assert window.msg_model is not None and window.msg_model.rowCount() == args.big

    # In the app the id query above runs on the worker; what the GUI thread does is
    # take the ids, reset the model and paint the rows on screen (measured lazily).
    big_ids = list(window.msg_model.ids) if hasattr(window.msg_model, "ids") else None
    if big_ids is not None:
        window.select_conversation(2)
        QApplication.processEvents()

        def show_gui_part() -> None:
            window._loading_cid = big_id
            window._ids_loaded(big_id, big_ids)
            window.transcript.repaint()
            QApplication.processEvents()

        timed("  of which the GUI thread's part (ids in hand)", show_gui_part, r)
        window.select_conversation(big_id)
        QApplication.processEvents()

    def scroll_end() -> None:
        window.transcript.scrollToBottom()
        window.transcript.repaint()
        QApplication.processEvents()

    timed("scroll to its end", scroll_end, r)

    def page_up() -> None:
        # Twenty screens back, one event at a time as a user's Page Up: one row in 25 has
        # a photo; its thumbnail is decoded on the cache's thread, not here.
        bar = window.transcript.verticalScrollBar()
        for _ in range(20):
            bar.setValue(bar.value() - bar.pageStep())
            window.transcript.repaint()
            QApplication.processEvents()

    timed("page up 20 screens (1 row in 25 with a photo)", page_up, r)
    thumbs = window.transcript.thumbs
    if thumbs is not None:
        thumbs.close()
        QApplication.processEvents()

    def resize_window() -> None:
        # Every visible bubble wraps again at the new width (heights cached per width).
        window.resize(1100, 800)
        QApplication.processEvents()
        window.transcript.measure_visible()
        window.transcript.repaint()
        QApplication.processEvents()

    timed("resize the window (visible bubbles wrap again)", resize_window, r)

    # Issue 14, items 3 and 11: Ctrl+A, P, Ctrl+Z and redo on every message of the big
    # conversation, with the write on a worker thread as in the app (bench/gui_bulk.py).
    import gui_bulk  # bench/, the script's own folder

    def immediate_session() -> Session:
        return Session(open_case(path, _key=key), Reviewer("Bench", Role.ASSISTANT), runner)

    bulk, bulk_base = gui_bulk.measure(window, path, key, big_id, args.big, immediate_session)
    window.select_conversation(big_id)
    QApplication.processEvents()

    def mark_all() -> None:
        window._focus = "conversations"
        window.scope_confirmed = True  # the "whole conversation?" question is answered
        window.mark("private")

    timed("mark the whole conversation (write + list/transcript refresh)", mark_all, r)
    case = window.session.service.case  # type: ignore[union-attr]
    from chatsafe.domain import Label
    from chatsafe.review import labels

    def write_only() -> None:
        with case.transaction() as c:
            labels.label_conversation(
                c, big_id, Label.PARTY_POLITICAL, by="Bench", role=Role.ASSISTANT
            )

    timed("  of which the write itself (one transaction, synchronous=FULL)", write_only, r)
    assert window.conv_model.conversation(window.conv_model.row_of(big_id)).label == "private"
    reader = case.connect()  # the bench's own reader: the GUI holds no connection
    hits = timed(
        "search 'woningbouw' (first 500 hits)",
        lambda: search.search(reader, "woningbouw", limit=500),
        r,
    )
    rare = timed(
        "search 'persbericht morgen' (two words)",
        lambda: search.search(reader, "persbericht morgen", limit=500),
        r,
    )
    timed("summary of what will leave (on the worker)", lambda: summarize(reader), r)
    # Baselines in the same run: the bare SQL the views cannot avoid.
    base: dict[str, float] = {}
    timed(
        "ids of the big conversation in time order (SQL only)",
        lambda: reader.execute(
            "SELECT id FROM messages WHERE conversation_id = ? ORDER BY instant, id", (big_id,)
        ).fetchall(),
        base,
    )
    timed(
        "FTS MATCH 'woningbouw', first 500 rowids (SQL only)",
        lambda: reader.execute(
            "SELECT rowid FROM message_fts WHERE message_fts MATCH 'woningbouw' LIMIT 500"
        ).fetchall(),
        base,
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    if sys.platform == "darwin":
        rss_mb /= 1024

    print(
        f"case: {args.n:,} messages, one conversation of {args.big:,}; pages read by the transcript: {window.msg_model.fetches};"
        f" transcript rows measured: {window.transcript.measured};"
        f" thumbnails decoded: {thumbs.decoded if thumbs is not None else 0}"
    )
    for label, seconds in r.items():
        print(f"  {label:<62} {seconds * 1000:9.1f} ms")
    print(f"  search hits: {len(hits)} and {len(rare)}")
    print(f"selecting, marking and undoing {args.big:,} messages (worker thread, as in the app):")
    for label, seconds in bulk.items():
        print(f"  {label:<62} {seconds * 1000:9.1f} ms")
    print("  baseline, same ids, same run (bare SQL, no log, no undo snapshot):")
    for label, seconds in bulk_base.items():
        print(f"    {label:<60} {seconds * 1000:9.1f} ms")
    print("baseline, same case, same run:")
    for label, seconds in base.items():
        print(f"  {label:<62} {seconds * 1000:9.1f} ms")
    show = r["show the big conversation"]
    found = r["search 'woningbouw' (first 500 hits)"]
    (ids_time, fts_time) = base.values()
    print(
        f"  show / bare id query: {show / ids_time:.1f}x;"
        f" search / bare FTS query: {found / fts_time:.1f}x"
    )
    print(f"  peak RSS {rss_mb:,.0f} MB")
    # Two cores shared with other work inflate every figure: say how loaded it was.
    print("  load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    window.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
