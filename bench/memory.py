"""Peak memory of ``chatsafe import`` on large inputs (issue 12's memory target).

    .venv/bin/python bench/memory.py                      # the issue's full sizes
    .venv/bin/python bench/memory.py --telegram-n 200000 --message-mib 64 --line-mb 50

The target: peak RSS <= 2 x the input's size + 300 MB. Scenarios (full sizes by default):

- ``telegram``: a full-account result.json of N messages (2,000,000) in four chats;
- ``message``: a Telegram export whose one message holds M MiB of text (1,024): above
  the per-entry limit (json_stream.MAX_ENTRY_BYTES), so it must be refused, exit 2,
  naming the file and the message, without holding it;
- ``line``: a WhatsApp text export whose one line is L MB long (300): refused by the
  line limit (whatsapp_text.MAX_LINE_BYTES), exit 2;
- ``json-line``: an Element (Matrix) export written as one line of L MB (300), as
  minified JSON is: many events on a line, imported;
- ``mbox``: a mailbox of E small mails (600,000; about 405 MB) in threads, written by
  ``bench/mails.py``'s ``write_mbox``: threading needs every mail's headers
  before the first thread is built (``--pdf-kb K`` attaches a K KB PDF to every mail:
  ``--mails 30000 --pdf-kb 50`` is a 2 GB mbox of ordinary office mail);
- ``eml``: a folder of F ``.eml`` files (100,000), the same kind of mails;
- ``msgstore-zip``: a WhatsApp for Android ``msgstore.db`` of D message rows (2,000,000)
  inside a zip (stored), which is read into memory: an app database held whole;
- ``crypt15``: the same database as an encrypted ``msgstore.db.crypt15`` (compressed,
  so the database is about three times the input), decrypted in memory.

Each runs the real CLI in a child process and reads the child's peak RSS from the
kernel (``wait4``). Beside it, in the same run, two floors: ``start`` (a child that only
imports chatsafe's CLI and importers: what any import costs before reading a byte) and
``reader`` (a child that only streams the same file with the plain parser: ijson
counting the entries for JSON, reading line by line for text, which must hold the
longest line; for a database, the plain SQLite file read whole with ``deserialize``;
for e-mail, reading the mbox whole once, or every .eml file, and counting
the mails: what holding the mailbox once costs). ``json.loads`` (what an importer holding the whole document costs) is
shown too where the file is under 400 MB; above that it would take several GB.

Inputs are written by streaming (one message at a time) to a temporary folder under
/tmp and deleted afterwards; this process stays small, so the children it forks do not
inherit a large peak.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from mails import one_mail, write_mbox  # bench/, the script's own folder

ROOT = Path(__file__).resolve().parent.parent
_WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
_START = (
    "import chatsafe.cli, chatsafe.ingest, chatsafe.importers.telegram, chatsafe.importers.matrix,"
    " chatsafe.importers.email_mbox"
)
_READER = {
    "json": "import ijson,sys; sum(1 for _ in ijson.items(open(sys.argv[1],'rb'), sys.argv[2]))",
    "text": "import sys\nfor line in open(sys.argv[1],'rb'): pass",
    "mbox": "import sys; d=open(sys.argv[1],'rb').read(); print(d.count(b'\\n\\nFrom '))",
    "eml": "import pathlib,sys; sum(len(p.read_bytes()) for p in pathlib.Path(sys.argv[1]).iterdir())",
    "db": "import sqlite3,sys; c=sqlite3.connect(':memory:'); c.deserialize(open(sys.argv[1],'rb').read());"
    " sum(1 for _ in c.execute('SELECT * FROM message'))",
}
# Writes a msgstore.db (and its .crypt15) in a child: the rows and the encryption never
# pass through this process, whose memory every child it starts would inherit.
_WRITE_MSGSTORE = """
import random, sqlite3, sys, zipfile
sys.path.insert(0, sys.argv[4])
from tests.unit import whatsapp_android_db as w
from chatsafe.importers.whatsapp_crypt import encrypt_for_tests
path, n, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
words = "kamerbrief debat begroting minister overleg morgen stuk concept reactie nota".split()
rng = random.Random(3)
conn = sqlite3.connect(path)
conn.executescript(w.SCHEMA)
conn.executemany("INSERT INTO jid(_id, user, server, raw_string) VALUES (?,?,?,?)",
                 [(c, f"3161{c:07d}", "s.whatsapp.net", f"3161{c:07d}@s.whatsapp.net")
                  for c in range(1, 301)])
conn.executemany("INSERT INTO chat(_id, jid_row_id) VALUES (?, ?)", [(c, c) for c in range(1, 301)])
t = 1_600_000_000_000
for start in range(1, n + 1, 50_000):
    rows = []
    for i in range(start, min(n, start + 49_999) + 1):
        t += rng.randint(1, 300_000)
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 30)))
        rows.append((i, rng.randint(1, 300), int(rng.random() < 0.5), f"3EB0{i:012X}", t, 0, text, i))
    conn.executemany("INSERT INTO message(_id, chat_row_id, from_me, key_id, timestamp,"
                     " message_type, text_data, sort_id) VALUES (?,?,?,?,?,?,?,?)", rows)
conn.execute("CREATE INDEX message_chat ON message(chat_row_id, sort_id)")
conn.commit()
conn.close()
if kind == "zip":
    with zipfile.ZipFile(path + ".zip", "w", zipfile.ZIP_STORED) as zf:
        zf.write(path, "Databases/msgstore.db")
else:
    with open(path, "rb") as f:
        plain = f.read()
    with open(path + ".crypt15", "wb") as f:
        f.write(encrypt_for_tests(plain, w.KEY, bytes(16)))
"""
_LOADS = "import json,sys; json.loads(open(sys.argv[1],'rb').read())"


def peak_mb(argv: list[str], env: dict[str, str]) -> tuple[float, int, float, str]:
    """(peak RSS in MB, exit code, seconds, last line of stderr) of one child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, code, seconds, (lines[-1] if lines else "")


def _words(rng: random.Random) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(2, 30)))


def telegram_export(folder: Path, n: int) -> tuple[Path, str]:
    """A full-account export of ``n`` messages in four chats, one message written at a time."""
    rng = random.Random(1)
    path = folder / "result.json"
    people = [("Mark de Minister", 5000001), ("Sanne Jansen", 7000002), ("Piet Pieters", 7000004)]
    with path.open("w", encoding="utf-8") as f:
        f.write('{"about": "bench", "personal_information": {"user_id": 5000001, ')
        f.write('"first_name": "Mark", "last_name": "de Minister"}, "chats": {"list": [')
        per_chat = n // 4
        for c in range(4):
            count = per_chat if c < 3 else n - 3 * per_chat
            head = {"name": f"Chat {c}", "type": "private_group" if c else "personal_chat"}
            f.write(("," if c else "") + json.dumps(head)[:-1] + f', "id": {7000000 + c}, ')
            f.write('"messages": [\n')
            unix = 1_600_000_000
            for i in range(count):
                unix += rng.randint(5, 600)
                name, uid = people[i % 3]
                text = _words(rng)
                msg = {
                    "id": i + 1,
                    "type": "message",
                    "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(unix)),
                    "date_unixtime": str(unix),
                    "from": name,
                    "from_id": f"user{uid}",
                    "text": text,
                    "text_entities": [{"type": "plain", "text": text}],
                }
                f.write(("," if i else "") + json.dumps(msg, ensure_ascii=False) + "\n")
            f.write("]}")
        f.write("]}}\n")
    return path, "chats.list.item.messages.item"


def one_big_message(folder: Path, mib: int) -> tuple[Path, str]:
    """A single-chat export whose one message holds ``mib`` MiB of text, written in pieces."""
    path = folder / "result.json"
    piece = ("Kamerbrief concept tekst " * 43_000)[: 1024 * 1024]
    with path.open("w", encoding="utf-8") as f:
        f.write('{"name": "Groot bericht", "type": "personal_chat", "id": 7000001, "messages": [')
        f.write('{"id": 1, "type": "message", "date": "2024-03-01T09:00:00",')
        f.write(' "date_unixtime": "1709280000", "from": "Sanne Jansen",')
        f.write(' "from_id": "user7000002", "text": "')
        _repeat(f, piece, mib)
        f.write('"}]}\n')
    return path, "messages.item"


def one_long_line(folder: Path, mb: int) -> tuple[Path, str]:
    path = folder / "WhatsApp-chat met Lang.txt"
    piece = ("kamerbrief " * 100_000)[:1_000_000]
    with path.open("w", encoding="utf-8") as f:
        f.write("01-03-2024 09:00 - Sanne Jansen: kort\n01-03-2024 09:01 - Sanne Jansen: ")
        _repeat(f, piece, mb)
        f.write("\n01-03-2024 09:02 - Mark de Minister: ontvangen\n")
    return path, ""


def json_one_line(folder: Path, mb: int) -> tuple[Path, str]:
    """An Element export as minified JSON: every event on one line of ``mb`` MB."""
    rng = random.Random(2)
    path = folder / "room.json"
    goal = mb * 1_000_000
    people = ["@mark:example.org", "@sanne:example.org", "@piet:example.org"]
    with path.open("w", encoding="utf-8") as f:
        f.write('{"room_name":"Crisisoverleg","room_creator":"@mark:example.org",')
        f.write('"export_date":"2024-03-01","exported_by":"@mark:example.org","messages":[')
        i, size = 0, 0
        while size < goal:
            event = {
                "type": "m.room.message",
                "room_id": "!overleg:example.org",
                "sender": people[i % 3],
                "origin_server_ts": 1_709_280_000_000 + i * 1000,
                "event_id": f"$event{i}",
                "content": {"msgtype": "m.text", "body": _words(rng)},
            }
            line = ("," if i else "") + json.dumps(event, separators=(",", ":"))
            f.write(line)
            size += len(line)
            i += 1
        f.write("]}")
    return path, "messages.item"


def mailbox(folder: Path, n: int, pdf_kb: int = 0) -> tuple[Path, str]:
    """An mbox of ``n`` small mails in threads (bench/mails.py), with ``pdf_kb`` a PDF of
    that size attached to each."""
    path = folder / "All mail Including Spam and Trash.mbox"
    write_mbox(path, n, seed=1, pdf_kb=pdf_kb)
    return path, ""


def eml_folder(folder: Path, n: int) -> tuple[Path, str]:
    """A folder of ``n`` .eml files: the same mails, one file each."""
    rng = random.Random(1)
    mails = folder / "mail"
    mails.mkdir()
    when = datetime(2022, 1, 1, tzinfo=UTC)
    refs: list[str] = []
    for i in range(n):
        if len(refs) >= rng.randint(1, 8):
            refs = []
        when += timedelta(seconds=rng.randint(30, 7200))
        data = one_mail(rng, i, when, f"Onderwerp {i - len(refs)}", refs)
        (mails / f"{i:07d}.eml").write_bytes(data.split(b"\n", 1)[1])  # no envelope line
        refs.append(f"<m{i}@bench.example>")
    return mails, ""


def _msgstore(folder: Path, n: int, kind: str) -> Path:
    plain = folder / "msgstore.db"
    argv = [sys.executable, "-c", _WRITE_MSGSTORE, str(plain), str(n), kind, str(ROOT)]
    subprocess.run(argv, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return plain


def msgstore_zip(folder: Path, n: int) -> tuple[Path, str]:
    """A zip holding a plain msgstore.db of ``n`` messages (and the plain file, the floor's)."""
    plain = _msgstore(folder, n, "zip")
    return plain.with_name(plain.name + ".zip"), str(plain)


def crypt15(folder: Path, n: int) -> tuple[Path, str]:
    """An encrypted msgstore.db.crypt15 of ``n`` messages (and the plain file, the floor's)."""
    plain = _msgstore(folder, n, "crypt15")
    return plain.with_name(plain.name + ".crypt15"), str(plain)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def _repeat(f: IO[str], piece: str, times: int) -> None:
    for _ in range(times):
        f.write(piece)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--telegram-n", type=int, default=2_000_000)
    ap.add_argument("--message-mib", type=int, default=1024)
    ap.add_argument("--line-mb", type=int, default=300)
    ap.add_argument("--mails", type=int, default=600_000, help="mails in the mbox")
    ap.add_argument("--pdf-kb", type=int, default=0, help="a PDF of this size in every mail")
    ap.add_argument("--eml-files", type=int, default=100_000, help=".eml files in the folder")
    ap.add_argument("--db-rows", type=int, default=2_000_000, help="messages in msgstore.db")
    ap.add_argument("--only", nargs="*", help="run only these scenarios")
    args = ap.parse_args()
    scenarios = [
        ("telegram", telegram_export, args.telegram_n, "json", f"{args.telegram_n:,} messages"),
        ("message", one_big_message, args.message_mib, "json", f"one message of {args.message_mib} MiB"),
        ("line", one_long_line, args.line_mb, "text", f"one WhatsApp line of {args.line_mb} MB"),
        ("json-line", json_one_line, args.line_mb, "json", f"Element JSON on one line of {args.line_mb} MB"),
        ("mbox", lambda f, n: mailbox(f, n, args.pdf_kb), args.mails, "mbox",
         f"an mbox of {args.mails:,} mails" + (f" with a {args.pdf_kb} KB PDF" if args.pdf_kb else "")),
        ("eml", eml_folder, args.eml_files, "eml", f"a folder of {args.eml_files:,} .eml files"),
        ("msgstore-zip", msgstore_zip, args.db_rows, "db", f"msgstore.db of {args.db_rows:,} rows in a zip"),
        ("crypt15", crypt15, args.db_rows, "db", f"msgstore.db.crypt15 of {args.db_rows:,} rows"),
    ]  # fmt: skip
    if args.only:
        scenarios = [s for s in scenarios if s[0] in args.only]
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="chatsafe-bench-memory-") as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            CHATSAFE_PASSPHRASE="bench-passphrase",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONPATH=str(ROOT),
            XDG_DATA_HOME=str(work / "xdg"),
            XDG_STATE_HOME=str(work / "xdg"),
            XDG_CONFIG_HOME=str(work / "xdg"),
            XDG_CACHE_HOME=str(work / "xdg"),
            CHATSAFE_WHATSAPP_KEY="0123456789abcdef" * 4,  # tests/unit/whatsapp_android_db.py's
        )
        start, _, _, _ = peak_mb([sys.executable, "-c", _START], env)
        print(f"floor 'start' (python + chatsafe's CLI and importers imported): {start:.0f} MB")
        print(
            f"{'scenario':<10} {'input':>8} {'peak RSS':>9} {'target':>8} {'reader':>8} "
            f"{'loads':>8}  result"
        )
        for name, maker, size_arg, kind, what in scenarios:
            folder = work / name
            folder.mkdir()
            t0 = time.perf_counter()
            path, prefix = maker(folder, size_arg)
            made = time.perf_counter() - t0
            size = _size(path) / 1e6
            case = work / f"{name}.chatsafe"
            rss, code, seconds, last = peak_mb(
                [sys.executable, "-m", "chatsafe", "import", str(case), str(path)], env
            )
            reader, reader_s = float("nan"), float("nan")
            if name != "message":  # yajl takes minutes over one huge token; not a floor
                # A database's floor reads the plain file (its name is in ``prefix``).
                target_file = prefix if kind == "db" else str(path)
                reader_argv = [sys.executable, "-c", _READER[kind], target_file, prefix]
                reader, _, reader_s, _ = peak_mb(reader_argv, env)
            loads = "skipped"
            if kind == "json" and size < 400:
                loads = f"{peak_mb([sys.executable, '-c', _LOADS, str(path)], env)[0]:.0f}MB"
            target = 2 * size + 300
            verdict = "meets" if rss <= target else "MISSES"
            print(
                f"{name:<10} {size:>6.0f}MB {rss:>7.0f}MB {target:>6.0f}MB {reader:>6.0f}MB "
                f"{loads:>8}  exit {code}, {seconds:.1f} s (reader {reader_s:.1f} s, written in "
                f"{made:.1f} s), {verdict} the target ({what}); {rss / size:.2f}x the input",
                flush=True,
            )
            if code != 0:
                print(f"{'':<10} refusal: {last.replace(str(work), '/tmp/…')}", flush=True)
            _remove(path)
            if kind == "db":
                Path(prefix).unlink()
            case.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
