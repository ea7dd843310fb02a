"""Realistic WhatsApp exports for benchmarks: ``generate_export(n, seed) -> str``.

A Dutch minister's group chat by default (Android, ``dd-mm-jjjj HH:MM - ``): message
lengths from short replies to long paragraphs, about 2 % multi-line, some emoji, media
placeholders, attachments, deleted and edited messages, and now and then a system
line. Deterministic for a seed. ``iter_export`` yields the lines, so a benchmark can
write a million messages to disk without holding them in memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

SENDERS = (
    "Minister J. de Vries",
    "Sanne Bakker",
    "Pieter van Dijk",
    "Fatima el Amrani",
    "Joost Mulder",
    "+31 6 12345678",
)
WORDS = (
    "de het een en van in is dat op te voor met niet zijn aan er ook als maar om bij "
    "nog wel dan we ik je kamerbrief debat begroting persbericht Woo-verzoek minister "
    "overleg morgen vandaag vanmiddag stuk concept reactie fractie commissie vragen "
    "antwoord planning agenda graag dank prima akkoord even bellen later nota advies "
    "staatssecretaris departement ministerie Tweede Kamer motie amendement stemming "
    "woningbouw stikstof gemeenten provincie uitvoering bezwaar wetsvoorstel planning"
).split()
EMOJI = ("👍", "🙏", "😊", "✅", "👌", "📎", "🇳🇱")
STYLES = ("android_nl", "android_gb", "android_us", "ios_gb", "ios_nl")


def _stamp(style: str, t: datetime) -> str:
    if style == "android_nl":
        return f"{t:%d-%m-%Y %H:%M} - "
    if style == "android_gb":
        return f"{t:%d/%m/%Y, %H:%M} - "
    if style == "android_us":
        hour = t.hour % 12 or 12
        return f"{t.month}/{t.day}/{t:%y}, {hour}:{t:%M}\u202f{'PM' if t.hour >= 12 else 'AM'} - "
    if style == "ios_gb":
        return f"[{t:%d/%m/%Y, %H:%M:%S}] "
    if style == "ios_nl":
        return f"[{t:%d-%m-%Y %H:%M:%S}] "
    raise ValueError(style)


def _sentence(rng: random.Random) -> str:
    # Mostly short chat lines, a long tail of paragraphs (lengths roughly log-normal).
    count = max(1, min(120, int(rng.lognormvariate(1.9, 0.8))))
    words = rng.choices(WORDS, k=count)
    words[0] = words[0].capitalize()
    text = " ".join(words)
    roll = rng.random()
    if roll < 0.08:
        text += " " + rng.choice(EMOJI)
    elif roll < 0.5:
        text += rng.choice(".?!")
    return text


def iter_export(n: int, seed: int = 1, style: str = "android_nl") -> Iterator[str]:
    """The lines (with newline) of an export holding ``n`` entries."""
    rng = random.Random(seed)
    t = datetime(2022, 1, 3, 8, 0)
    dutch = style.endswith("nl")
    ios = style.startswith("ios")
    yield _stamp(style, t) + (
        "Berichten en oproepen worden end-to-end versleuteld. Tik voor meer info.\n"
        if dutch
        else "Messages and calls are end-to-end encrypted. Tap to learn more.\n"
    )
    omitted = "afbeelding weggelaten" if dutch else "image omitted"
    if not ios:
        omitted = "<Media weggelaten>" if dutch else "<Media omitted>"
    deleted = "Dit bericht is verwijderd" if dutch else "This message was deleted"
    edited = " <Dit bericht is bewerkt>" if dutch else " <This message was edited>"
    attached = "(bestand bijgevoegd)" if dutch else "(file attached)"
    for i in range(1, n):
        t += timedelta(seconds=int(rng.expovariate(1 / 900)) + 1)
        stamp = _stamp(style, t)
        roll = rng.random()
        if roll < 0.002:
            yield stamp + f"{rng.choice(SENDERS)} heeft {rng.choice(SENDERS)} toegevoegd\n"
            continue
        head = stamp + rng.choice(SENDERS) + ": "
        if roll < 0.03:
            yield head + omitted + "\n"
        elif roll < 0.035:
            yield head + deleted + "\n"
        elif roll < 0.04:
            yield head + _sentence(rng) + edited + "\n"
        elif roll < 0.045 and not ios:
            yield head + f"IMG-{t:%Y%m%d}-WA{i % 10000:04d}.jpg {attached}\n"
            yield _sentence(rng) + "\n"
        elif roll < 0.065:
            lines = [_sentence(rng) for _ in range(rng.randint(2, 5))]
            yield head + "\n".join(lines) + "\n"
        else:
            yield head + _sentence(rng) + "\n"


def generate_export(n: int, seed: int = 1, style: str = "android_nl") -> str:
    """A whole export of ``n`` entries as one string."""
    return "".join(iter_export(n, seed, style))


if __name__ == "__main__":
    import sys

    sys.stdout.write(generate_export(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
