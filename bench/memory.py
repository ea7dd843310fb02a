"""Peak memory of ``chatsafe import`` on large inputs (issue 12's memory target).

    .venv/bin/python bench/memory.py --telegram-n 200000 --message-mb 48 --line-mb 100

Each scenario runs the real CLI in a child process on a generated input and reads the
child's peak RSS from the kernel (``wait4``). Beside it, in the same run, the floor: a
child that only reads the same file with the standard library (``json.loads`` of the
whole file for JSON, the bytes decoded for text), which is what any importer that holds
the whole input costs. The target is peak RSS <= 2 x the input's size + 300 MB.
Inputs are generated in their own child processes: on Linux a forked child starts with
its parent's peak RSS, so this process stays small (about 40 MB, the least any figure
below can show).

Scenarios:
- ``telegram``: a full-account result.json of N messages in four chats;
- ``message``: a Telegram export whose one message holds M MB of text (under the
  per-message limit, so it is imported);
- ``line``: a WhatsApp text export whose one line is L MB long.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import import_telegram  # noqa: E402  (bench/, the script's own folder)

_FLOOR = {
    "json": "import json,sys; json.loads(open(sys.argv[1],'rb').read())",
    "text": "import sys; open(sys.argv[1],'rb').read().decode('utf-8')",
}


def peak_mb(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """(peak RSS in MB, exit code, seconds) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, code, seconds  # ru_maxrss is in KiB on Linux


def telegram_export(folder: Path, n: int) -> Path:
    folder.mkdir()
    return import_telegram.write_export(folder, n, seed=1)


def one_big_message(folder: Path, mb: int) -> Path:
    folder.mkdir()
    text = ("Kamerbrief concept tekst " * (mb * 1024 * 1024 // 25 + 1))[: mb * 1024 * 1024]
    root = {
        "name": "Groot bericht",
        "type": "personal_chat",
        "id": 7000001,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2024-03-01T09:00:00",
                "date_unixtime": "1709280000",
                "from": "Sanne Jansen",
                "from_id": "user7000002",
                "text": text,
                "text_entities": [{"type": "plain", "text": text}],
            }
        ],
    }
    path = folder / "result.json"
    path.write_text(json.dumps(root), encoding="utf-8")
    return path


def one_long_line(folder: Path, mb: int) -> Path:
    folder.mkdir()
    body = ("kamerbrief " * (mb * 1024 * 1024 // 11 + 1))[: mb * 1024 * 1024]
    path = folder / "WhatsApp-chat met Lang.txt"
    path.write_text(
        "01-03-2024 09:00 - Sanne Jansen: kort\n"
        f"01-03-2024 09:01 - Sanne Jansen: {body}\n"
        "01-03-2024 09:02 - Mark de Minister: ontvangen\n",
        encoding="utf-8",
    )
    return path


_MAKERS = {"telegram": telegram_export, "message": one_big_message, "line": one_long_line}


def make(kind: str, folder: Path, size: int, env: dict[str, str]) -> Path:
    """Generate an input in a child process: Linux hands a forked child its parent's peak
    RSS, so the measuring process itself must never grow."""
    out = subprocess.run(
        [sys.executable, __file__, "--make", kind, str(folder), str(size)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--telegram-n", type=int, default=200_000)
    ap.add_argument("--message-mb", type=int, default=48)
    ap.add_argument("--line-mb", type=int, default=100)
    ap.add_argument("--make", nargs=3, metavar=("KIND", "FOLDER", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make:
        kind, folder, size = args.make
        print(_MAKERS[kind](Path(folder), int(size)))
        return
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(
            os.environ,
            CHATSAFE_PASSPHRASE="bench-passphrase",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONPATH=str(root),
            XDG_DATA_HOME=str(work / "xdg"),
            XDG_STATE_HOME=str(work / "xdg"),
            XDG_CONFIG_HOME=str(work / "xdg"),
            XDG_CACHE_HOME=str(work / "xdg"),
        )
        scenarios = [
            ("telegram", make("telegram", work / "tg", args.telegram_n, env), "json",
             f"{args.telegram_n:,} messages"),
            ("message", make("message", work / "big", args.message_mb, env), "json",
             f"one message of {args.message_mb} MB"),
            ("line", make("line", work / "line", args.line_mb, env), "text",
             f"one line of {args.line_mb} MB"),
        ]  # fmt: skip
        print(f"{'scenario':<10} {'input':>9} {'peak RSS':>9} {'target':>8} {'floor':>8}  result")
        for name, path, kind, what in scenarios:
            size = path.stat().st_size / 1e6
            case = work / f"{name}.chatsafe"
            rss, code, seconds = peak_mb(
                [sys.executable, "-m", "chatsafe", "import", str(case), str(path)], env
            )
            floor, _, _ = peak_mb([sys.executable, "-c", _FLOOR[kind], str(path)], env)
            target = 2 * size + 300
            verdict = "meets" if rss <= target else "MISSES"
            print(
                f"{name:<10} {size:>7.0f}MB {rss:>7.0f}MB {target:>6.0f}MB {floor:>6.0f}MB  "
                f"exit {code}, {seconds:.1f} s, {verdict} the target ({what}); "
                f"{rss / size:.1f}x the input, floor {floor / size:.1f}x"
            )


if __name__ == "__main__":
    main()
