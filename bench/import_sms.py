"""SMS Backup & Restore import benchmark: parse-only messages/s on a generated XML.

    .venv/bin/python bench/import_sms.py --n 200000

``n`` messages over 300 contacts: 90 % SMS (some with legacy surrogate-pair emoji),
10 % MMS, a quarter of those group MMS with a small base64 picture.
"""

from __future__ import annotations

import argparse
import base64
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import baselines  # noqa: E402  (bench/, the script's own folder)

from chatsafe.importers.base import ImportContext  # noqa: E402
from chatsafe.importers.sms_backup import IMPORTER  # noqa: E402
from chatsafe.sources import open_source  # noqa: E402

WORDS = (
    "de het een en van in is dat op te voor met kamerbrief debat begroting minister overleg "
    "morgen vandaag stuk concept reactie commissie vragen nota akkoord graag dank"
).split()
PICTURE = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8).decode()
OWNER = "+31699999999"


def write_xml(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    numbers = [f"+316{rng.randrange(10**7, 10**8)}" for _ in range(300)]
    t = 1_600_000_000_000
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        out.write(f'<smses count="{n}" backup_set="bench" type="full">\n')
        n_mms = n // 10
        for _ in range(n - n_mms):
            t += rng.randint(1000, 300_000)
            number = rng.choice(numbers)
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 30)))
            body = quoteattr(body)[1:-1] + ("&#55357;&#56832;" if rng.random() < 0.05 else "")
            out.write(
                f'  <sms protocol="0" address="{number}" date="{t}" type="{rng.choice((1, 2))}" '
                f'subject="null" body="{body}" toa="null" sc_toa="null" service_center="null" '
                f'read="1" status="-1" locked="0" date_sent="0" readable_date="x" '
                f'contact_name="Contact {number[-4:]}" />\n'
            )
        for i in range(n_mms):
            t += rng.randint(1000, 300_000)
            group = rng.sample(numbers, 3) if i % 4 == 0 else [rng.choice(numbers)]
            box = rng.choice((1, 2))
            sender = OWNER if box == 2 else group[0]
            text = quoteattr(" ".join(rng.choice(WORDS) for _ in range(8)))
            picture = (
                f'<part seq="0" ct="image/png" cl="img{i}.png" text="null" data="{PICTURE}" />'
                if i % 4 == 0
                else ""
            )
            addrs = "".join(
                f'<addr address="{a}" type="{137 if a == sender else 151}" charset="106" />'
                for a in [*group, OWNER]
            )
            out.write(
                f'  <mms date="{t}" msg_box="{box}" address="{"~".join(group)}" date_sent="0" '
                f'contact_name="null"><parts><part seq="-1" ct="application/smil" text="&lt;smil/&gt;" />'
                f'<part seq="0" ct="text/plain" text={text} />{picture}</parts>'
                f"<addrs>{addrs}</addrs></mms>\n"
            )
        out.write("</smses>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sms-bench.xml"
        write_xml(path, args.n, args.seed)
        size = path.stat().st_size
        start = time.perf_counter()
        count = convs = 0
        with open_source(path) as source:
            for conv in IMPORTER.parse(source, ImportContext()):
                convs += 1
                count += sum(1 for _ in conv.messages)
        elapsed = time.perf_counter() - start
        floor = baselines.xml_floor(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"sms: {count} messages in {convs} conversations from {size / 1e6:.1f} MB XML")
    print(f"sms: {elapsed:.2f} s, {count / elapsed:,.0f} messages/s, peak RSS {peak:.0f} MB")
    baselines.report("sms", elapsed, floor, "C ElementTree iterparse")


if __name__ == "__main__":
    main()
