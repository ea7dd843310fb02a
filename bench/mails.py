"""Generated mail for the e-mail benchmarks (import_email.py, memory.py).

Small mails (plain text, about 1 in 10 multipart/alternative with an HTML part, 1 in 50
with a small attachment), in threads of one to eight messages with In-Reply-To and
References, some replies without references (subject fallback), and ``>From `` quoting.
It imports nothing of chatsafe, so memory.py's parent process stays small.
"""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
PEOPLE = [
    ("Mark de Minister", "mark@minister.example"),
    ("Sanne Jansen", "sanne@gov.example"),
    ("Piet Pieters", "piet@gov.example"),
    ("Renée de Vries", "renee@gov.example"),
]


def one_mail(
    rng: random.Random, i: int, when: datetime, subject: str, refs: list[str], pdf_kb: int = 0
) -> bytes:
    """One mail; with ``pdf_kb``, each has a PDF attachment of that size, as ordinary
    office mail does (a mailbox of them reaches gigabytes with tens of thousands)."""
    (fname, faddr), (tname, taddr) = rng.sample(PEOPLE, 2)
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 80)))
    if rng.random() < 0.05:
        body += "\n>From the office: quoted line"
    headers = [
        f"From {faddr} {when.strftime('%a %b %d %H:%M:%S +0000 %Y')}",
        f"From: {fname} <{faddr}>",
        f"To: {tname} <{taddr}>",
        f"Subject: {('Re: ' if refs else '') + subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: <m{i}@bench.example>",
    ]
    if refs and rng.random() > 0.05:
        headers += [f"In-Reply-To: {refs[-1]}", f"References: {' '.join(refs)}"]
    roll = rng.random()
    if roll < 0.1:
        headers += ["MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="b"']
        text = (
            f"--b\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            f"--b\nContent-Type: text/html; charset=utf-8\n\n<p>{body}</p>\n--b--"
        )
    elif roll < 0.12 or pdf_kb:
        pdf = "JVBERi0xLjQgdGVzdA==\n"  # the small PDF of earlier runs, unchanged
        if pdf_kb:
            pdf = base64.encodebytes(b"%PDF-1.4 " + rng.randbytes(pdf_kb * 1024)).decode()
        headers += ["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"']
        text = (
            f"--b\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            "--b\nContent-Type: application/pdf\nContent-Disposition: attachment; "
            'filename="nota.pdf"\nContent-Transfer-Encoding: base64\n\n'
            f"{pdf}--b--"
        )
    else:
        headers.append("Content-Type: text/plain; charset=utf-8")
        text = body
    return ("\n".join(headers) + "\n\n" + text + "\n\n").encode()


def write_mbox(path: Path, n: int, seed: int, pdf_kb: int = 0) -> None:
    rng = random.Random(seed)
    when = datetime(2022, 1, 1, tzinfo=UTC)
    i = 0
    with path.open("wb") as f:
        while i < n:
            subject = " ".join(rng.choice(WORDS) for _ in range(4)).capitalize() + f" {i}"
            refs: list[str] = []
            for _ in range(min(rng.randint(1, 8), n - i)):
                when += timedelta(seconds=rng.randint(30, 7200))
                f.write(one_mail(rng, i, when, subject, refs, pdf_kb))
                refs.append(f"<m{i}@bench.example>")
                i += 1
