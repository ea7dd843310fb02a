"""Bundle benchmark: time and throughput of `make_bundle` on a generated case, against a
baseline measured in the same run (SHA-512 over the same payload bytes plus writing them
into a zip, stored as the bundle stores them), and PDF rendering in messages/s.

    .venv/bin/python bench/bundle.py                       # 1,000,000 messages, 1 GB media
    .venv/bin/python bench/bundle.py --messages 100000 --media-mb 100   # a quick run

The case is written straight into the store (no importer), 10 % of messages are marked
private, and media are incompressible 1 MB blobs attached to business messages;
``--mixed`` of the messages (5 % by default) carry emoji, Chinese, Japanese, Hebrew or
Arabic, so the PDF's fallback fonts and right-to-left shaping are in the figures.
The PDF stage is split into the bundle's font subsets (made once, before the first
conversation), reading the rows from the case, laying out, and writing (fonts,
compression), in wall-clock and this thread's CPU seconds: on a shared
machine the wall clock says more about the neighbours than about the code.
Target: bundle throughput at least 50 % of the baseline's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import overload

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fpdf import FPDF  # noqa: E402

from chatsafe import settings  # noqa: E402
from chatsafe.bundle import (  # noqa: E402
    builder,
    conversation,
    payload,
    pdf_fonts,
    transcript_pdf,
)
from chatsafe.bundle.signing import SoftwareSigner  # noqa: E402
from chatsafe.store import create_case  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()


def signer() -> SoftwareSigner:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench Signer")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return SoftwareSigner(key, cert)


# Mixed-script phrases, varied as real chats are, so a cache of shaped right-to-left
# runs cannot hit every time and flatter the figure: each is built from ~30 words per
# script, with emoji, digits and punctuation, deterministically from its index.
HEBREW = (
    "שלום תודה פגישה מחר היום השר ממשלה דוח תקציב הצעה חוק ועדה כנסת מסמך טיוטה אישור "
    "דיון שאלה תשובה בבקשה כן לא אולי עכשיו אחרי בוקר ערב משרד הודעה עדכון"
).split()
ARABIC = (
    "مرحبا شكرا اجتماع غدا اليوم الوزير حكومة تقرير ميزانية اقتراح قانون لجنة البرلمان "
    "وثيقة مسودة موافقة نقاش سؤال جواب فضلك نعم لا ربما الآن بعد صباح مساء مكتب رسالة تحديث"
).split()
CHINESE = (
    "会议 明天 今天 部长 政府 报告 预算 提案 法律 委员会 议会 文件 草案 批准 讨论 问题 "
    "回答 请 是 不 也许 现在 以后 上午 晚上 办公室 消息 更新 谢谢 你好"
).split()
JAPANESE = (
    "会議 明日 今日 大臣 政府 報告 予算 提案 法律 委員会 国会 書類 草案 承認 議論 質問 "
    "回答 お願いします はい いいえ たぶん 今 後で 午前 夜 事務所 メッセージ 更新 ありがとう こんにちは"
).split()
EMOJI = ["👍", "👍🏽", "✓", "🙏", "😀", "❤️", "🎉", "✅", "📅", "☕", "👨‍💻", "😂"]
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _number(rng: random.Random) -> str:
    return rng.choice(
        [str(rng.randint(1, 999)), f"{rng.randint(8, 18)}:{rng.choice(['00', '15', '30'])}",
         f"{rng.randint(1, 99)},{rng.randint(0, 9)}", f"{rng.randint(2, 40)}%",
         f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"+31 {rng.randint(10, 99)}"]
    )  # fmt: skip


def _rtl(rng: random.Random, words: list[str], arabic: bool) -> str:
    out = [rng.choice(words) for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.4:
        number = _number(rng)
        out.insert(
            rng.randint(0, len(out)),
            number.translate(ARABIC_DIGITS) if arabic and rng.random() < 0.5 else number,
        )
    text = " ".join(out)
    return text + rng.choice(
        ["", "", "،" if arabic else ",", ".", "?", "!", " (" + rng.choice(words) + ")"]
    )


def mixed_phrase(rng: random.Random) -> str:
    """One mixed-script phrase; the six kinds the bench always had, equally often."""
    kind = rng.randrange(6)
    if kind == 0:  # a short answer with an emoji
        return f"{rng.choice(['Prima', 'Akkoord', 'Dank', 'Top', 'Goed'])} {rng.choice(EMOJI)}"
    if kind == 1:  # emoji and signs
        return " ".join(
            rng.choice(EMOJI + ["akkoord", "ok", "✓"]) for _ in range(rng.randint(2, 4))
        )
    if kind == 2:  # Chinese or Japanese, words written without spaces
        words = rng.choice([CHINESE, JAPANESE])
        return "".join(rng.choice(words) for _ in range(rng.randint(2, 6))) + rng.choice(
            ["", "。", " 👍"]
        )
    if kind == 3:  # Hebrew, then the Dutch text
        return _rtl(rng, HEBREW, False)
    if kind == 4:  # Arabic, then the Dutch text
        return _rtl(rng, ARABIC, True)
    # Left to right with embedded Hebrew or Arabic and numbers
    return (
        f"{rng.choice(['Afspraak met', 'Vraag van', 'Zie', 'Bericht aan'])} {_rtl(rng, HEBREW, False)} "
        f"{_number(rng)} en {_rtl(rng, ARABIC, True)} {rng.choice(['ok', 'graag', rng.choice(EMOJI)])}"
    )


class _Phrases(Sequence[str]):
    """As many phrases as a bench draws without repeating many: ``rng.choice(MIXED)``
    picks an index, and the phrase at an index is always the same."""

    def __len__(self) -> int:
        return 1_000_000

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not 0 <= i < len(self):
            raise IndexError(i)
        return mixed_phrase(random.Random(i))


MIXED = _Phrases()


def build_case(path: Path, n: int, media_mb: int, conversations: int, mixed: float = 0.0) -> None:
    rng = random.Random(1)
    case = create_case(path, passphrase="bench-passphrase")
    start = dt.datetime(2024, 1, 1, 8, 0)
    with case.transaction() as c:
        c.execute(
            "INSERT INTO imports(id, format, path_name, started_at, tool_version)"
            " VALUES(1, 'bench', 'bench', '2024', 'bench')"
        )
        for k in range(conversations):
            c.execute(
                "INSERT INTO conversations(id, source_format, key, title, is_group, created_at)"
                " VALUES(?, 'bench', ?, ?, 1, '2024')",
                (k + 1, f"k{k}", f"Werkgroep {k}"),
            )
        rows = []
        for i in range(n):
            when = start + dt.timedelta(seconds=i * 30)
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))
            if rng.random() < mixed:
                text = f"{rng.choice(MIXED)} {text}"
            rows.append(
                (
                    i + 1,
                    i % conversations + 1,
                    hashlib.blake2b(str(i).encode(), digest_size=16).digest(),
                    i,
                    rng.choice(["Minister", "Adviseur", "Woordvoerder"]),
                    when.strftime("%Y-%m-%dT%H:%M:%S"),
                    int(when.replace(tzinfo=dt.UTC).timestamp() * 1000),
                    text,
                )
            )
            if len(rows) == 50_000:
                _insert(c, rows)
                rows = []
        _insert(c, rows)
        c.execute(
            "INSERT INTO message_labels SELECT id, 'private', 'confirmed', NULL, 'M',"
            " 'minister', '2024' FROM messages WHERE id % 10 = 0"
        )
        step = max(1, n // max(media_mb, 1))
        for j in range(media_mb):
            data = os.urandom(1024 * 1024)
            sha = hashlib.sha256(data).hexdigest()
            cur = c.execute(
                "INSERT INTO blobs(sha256, size, data) VALUES(?, ?, ?)", (sha, len(data), data)
            )
            mid = (j * step) % n + 1
            if mid % 10 == 0:
                mid += 1
            c.execute(
                "INSERT INTO attachments(message_id, position, name, mime, blob_id, sha256,"
                " size, present) VALUES(?, 0, ?, 'image/jpeg', ?, ?, ?, 1)",
                (mid, f"IMG-{j:05d}.jpg", cur.lastrowid, sha, len(data)),
            )
    settings.apply(
        case,
        {
            "organisation": "Ministerie van Bench",
            "appraisal": "B",
            "retention": "permanent",
            "information_category": "Berichten",
        },
        by="bench",
    )
    case.close()


def _insert(c: object, rows: list[tuple[object, ...]]) -> None:
    c.executemany(  # type: ignore[attr-defined]
        "INSERT INTO messages(id, conversation_id, identity, import_id, position, kind, sender,"
        " wallclock, instant, text) VALUES(?, ?, ?, 1, ?, 'message', ?, ?, ?, ?)",
        rows,
    )


def baseline(bundle: Path, folder: Path) -> tuple[float, int]:
    """SHA-512 over the same payload bytes plus writing them into a zip."""
    with zipfile.ZipFile(bundle) as z:
        members = [(i.filename, z.read(i)) for i in z.infolist() if "/data/" in i.filename]
    total = sum(len(d) for _, d in members)
    target = folder / "baseline.zip"
    t0 = time.perf_counter()
    with open(target, "wb") as f:
        with zipfile.ZipFile(f, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
            for name, data in members:  # stored, as the bundle's writer stores them
                hashlib.sha512(data).digest()
                out.writestr(name, data)
        f.flush()
        os.fsync(f.fileno())
    elapsed = time.perf_counter() - t0
    target.unlink()
    return elapsed, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--media-mb", type=int, default=1024)
    ap.add_argument("--conversations", type=int, default=20)
    ap.add_argument("--mixed", type=float, default=0.05, help="share of mixed-script messages")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp one)")
    ap.add_argument(
        "--pdf-runs",
        type=int,
        default=0,
        help="then make the transcripts alone this many times more and show the best run",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        build_case(
            folder / "bench.chatsafe", args.messages, args.media_mb, args.conversations, args.mixed
        )
        print(
            f"case: {args.messages:,} messages ({args.mixed:.0%} mixed scripts), "
            f"{args.media_mb} MB media "
            f"({time.perf_counter() - t0:.1f} s to generate)"
        )

        pdf_time = pdf_cpu = rows_time = rows_cpu = out_time = out_cpu = 0.0
        fonts_time = fonts_cpu = load_time = load_cpu = 0.0
        real_fonts = builder._transcript_fonts

        def timed_fonts(*a, **kw):  # type: ignore[no-untyped-def]
            nonlocal fonts_time, fonts_cpu, load_time, load_cpu
            # Parsing the main font happens once per process (each CLI run): shown apart.
            start, cpu = time.perf_counter(), time.thread_time()
            pdf_fonts.fonts()
            load_time, load_cpu = time.perf_counter() - start, time.thread_time() - cpu
            start, cpu = time.perf_counter(), time.thread_time()
            out = real_fonts(*a, **kw)
            fonts_time += time.perf_counter() - start
            fonts_cpu += time.thread_time() - cpu
            return out

        builder._transcript_fonts = timed_fonts
        pdf_messages = 0
        real_render = transcript_pdf.render_pdf
        real_output = FPDF.output

        def timed_output(self, *a, **kw):  # type: ignore[no-untyped-def]
            nonlocal out_time, out_cpu
            start, cpu = time.perf_counter(), time.thread_time()
            out = real_output(self, *a, **kw)
            out_time += time.perf_counter() - start
            out_cpu += time.thread_time() - cpu
            return out

        def timed_render(conv, header, rows, **kw):  # type: ignore[no-untyped-def]
            nonlocal pdf_time, pdf_cpu, pdf_messages
            start, cpu = time.perf_counter(), time.thread_time()
            out = real_render(conv, header, rows, **kw)
            pdf_time += time.perf_counter() - start
            pdf_cpu += time.thread_time() - cpu
            pdf_messages += conv.business_count
            return out

        FPDF.output = timed_output  # type: ignore[method-assign]
        conversation.render_pdf = timed_render  # type: ignore[assignment]
        from chatsafe.store import open_case

        case = open_case(folder / "bench.chatsafe", passphrase="bench-passphrase")
        out = folder / "bundle.zip"
        t0, c0 = time.perf_counter(), time.thread_time()
        result = builder.make_bundle(case, out, signer(), by="Bench", role="minister")
        bundle_time, bundle_cpu = time.perf_counter() - t0, time.thread_time() - c0
        # Reading the rows, timed apart in a second pass: a timer around every row
        # would cost more than reading it.
        c = case.conn
        for conv in payload.leaving_conversations(c):
            start, cpu = time.perf_counter(), time.thread_time()
            for _ in payload.iter_print_rows(c, conv):
                pass
            rows_time += time.perf_counter() - start
            rows_cpu += time.thread_time() - cpu
        builder._transcript_fonts, FPDF.output = real_fonts, real_output  # untimed from here
        alone = [transcripts_alone(case) for _ in range(args.pdf_runs)]
        case.close()
        base_time, size = baseline(out, folder)
        mb = size / 1e6
        print(
            f"bundle:   {bundle_time:8.1f} s  {mb / bundle_time:8.1f} MB/s  "
            f"({result.entries:,} entries, {result.attachments} attachments, "
            f"{out.stat().st_size / 1e6:.0f} MB zip; {bundle_cpu:.1f} s CPU in this thread)"
        )
        print(
            f"baseline: {base_time:8.1f} s  {mb / base_time:8.1f} MB/s  "
            "(sha512 + zip of the same payload bytes)"
        )
        with zipfile.ZipFile(out) as z:
            sidecars = sum(1 for n in z.namelist() if n.endswith(".mdto.xml"))
        print(f"MDTO sidecars: {sidecars:,} (the SIP's information objects and files)")
        ratio = base_time / bundle_time
        print(f"bundle throughput = {ratio:.0%} of the baseline (target >= 50%)")
        layout, layout_cpu = (
            pdf_time - rows_time - out_time,
            pdf_cpu - rows_cpu - out_cpu,
        )
        all_time = pdf_time + fonts_time + load_time
        all_cpu = pdf_cpu + fonts_cpu + load_cpu
        print(
            f"PDF transcripts: {pdf_messages / all_time:,.0f} messages/s wall, "
            f"{pdf_messages / all_cpu:,.0f} per CPU second ({all_time:.1f} s of the bundle "
            f"time; the baseline's whole payload took {base_time:.1f} s)"
        )
        for name, wall, cpu in (
            ("main font parsed", load_time, load_cpu),
            ("font subsets (once)", fonts_time, fonts_cpu),
            ("reading rows (apart)", rows_time, rows_cpu),
            ("layout", layout, layout_cpu),
            ("writing (fonts, zlib)", out_time, out_cpu),
        ):
            print(f"  {name:22} {wall:7.1f} s wall {cpu:7.1f} s CPU")
        print(
            f"  subsets, layout and writing: "
            f"{pdf_messages / (fonts_cpu + layout_cpu + out_cpu):,.0f} messages"
            " per CPU second (target >= 20,000 messages/s); with the main font's parsing "
            f"{pdf_messages / (load_cpu + fonts_cpu + layout_cpu + out_cpu):,.0f}"
        )

        for n, (wall, cpu, count) in enumerate(alone, start=1):
            print(
                f"transcripts alone, run {n}: {wall:.1f} s wall, {cpu:.1f} s CPU of this process"
                f" (subsets, rows, layout, writing): {count / wall:,.0f} messages/s"
            )
        if alone:
            wall, cpu, count = min(alone)
            print(
                f"transcripts alone, best of {len(alone)}: {count / wall:,.0f} messages/s wall,"
                f" {count / cpu:,.0f} per CPU second of this process (target >= 20,000)"
            )


def transcripts_alone(case: object) -> tuple[float, float, int]:
    """The bundle's transcript PDFs made again on their own, as make_bundle makes them
    (the bundle's subsets, then each conversation from its rows), nothing written:
    (wall seconds, CPU seconds of this process: its page compression runs on a
    worker thread, messages)."""
    from datetime import UTC, datetime

    c = case.conn  # type: ignore[attr-defined]
    leaving = payload.leaving_conversations(c)
    headers = [
        {
            "title": conv.title,
            "source_format": conv.source_format,
            "is_group": conv.is_group,
            "participants": [
                {"name": n, "owner": o} for n, o in payload.conversation_participants(c, conv)
            ],
            "time_zone": "Europe/Amsterdam",
            "first": None,
            "last": None,
        }
        for conv in leaving
    ]
    when = datetime.now(UTC)
    start, cpu = time.perf_counter(), time.process_time()
    fonts = builder._transcript_fonts(c, leaving, "Europe/Amsterdam", lambda: None)
    for conv, header in zip(leaving, headers, strict=True):
        rows = payload.iter_print_rows(c, conv)
        transcript_pdf.render_pdf(conv, header, rows, created=when, shared=fonts)
    count = sum(conv.business_count for conv in leaving)
    return time.perf_counter() - start, time.process_time() - cpu, count


if __name__ == "__main__":
    main()
