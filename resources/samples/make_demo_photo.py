"""Rebuild the demo sample: the whiteboard photo, and the "with media" zip around it.

    .venv/bin/python resources/samples/make_demo_photo.py

Everything in the sample is invented. The photo is drawn, not taken: a whiteboard
with a bar chart from a planning meeting. The zip is written with fixed timestamps,
so rebuilding it gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
DEMO = HERE / "whatsapp-demo"
CHAT = "WhatsApp-chat met Kabinet BZK overleg.txt"
PHOTO = "IMG-20240312-WA0001.jpg"
ZIP = HERE / "WhatsApp-chat met Kabinet BZK overleg.zip"


def draw_photo() -> bytes:
    img = Image.new("RGB", (640, 480), (236, 238, 232))
    d = ImageDraw.Draw(img)
    d.rectangle((20, 20, 620, 460), outline=(120, 120, 120), width=6)  # whiteboard frame
    d.text((50, 40), "Woningbouw 2024 - planning (concept)", fill=(20, 40, 140))
    d.line((80, 400, 580, 400), fill=(30, 30, 30), width=3)
    d.line((80, 400, 80, 90), fill=(30, 30, 30), width=3)
    bars = [
        ("Q1", 120, (200, 60, 60)),
        ("Q2", 190, (60, 140, 60)),
        ("Q3", 240, (60, 90, 190)),
        ("Q4", 280, (220, 150, 30)),
    ]
    for i, (label, height, colour) in enumerate(bars):
        x = 120 + i * 110
        d.rectangle((x, 400 - height, x + 60, 400), fill=colour)
        d.text((x + 20, 410), label, fill=(30, 30, 30))
    d.text((420, 110), "doel: 100.000", fill=(180, 20, 20))
    d.line((90, 140, 590, 140), fill=(180, 20, 20), width=2)
    d.text((50, 440), "actie: Kamerbrief voor 15/3", fill=(20, 40, 140))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=60, optimize=True)
    return out.getvalue()


def build_zip() -> None:
    members = [(CHAT, (DEMO / CHAT).read_bytes()), (PHOTO, (DEMO / PHOTO).read_bytes())]
    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 28, 18, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def main() -> None:
    (DEMO / PHOTO).write_bytes(draw_photo())
    build_zip()
    print(
        f"{DEMO / PHOTO}: {(DEMO / PHOTO).stat().st_size} bytes; {ZIP}: {ZIP.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
