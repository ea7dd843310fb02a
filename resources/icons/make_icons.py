"""Draw chatsafe's app icon with Pillow: a speech bubble on a shield with a check mark.

Run once after changing the drawing; the outputs are committed so a build needs no
Pillow step:  .venv/bin/python resources/icons/make_icons.py
Outputs beside this script: chatsafe-<N>.png (16..512), chatsafe.ico (Windows),
chatsafe.icns (macOS).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Calm, colour-blind-safe pair: deep blue shield, white bubble, green check.
SHIELD = (31, 78, 121, 255)
SHIELD_EDGE = (18, 50, 82, 255)
BUBBLE = (255, 255, 255, 255)
CHECK = (46, 139, 87, 255)


def draw(size: int = 1024) -> Image.Image:
    """The master drawing on a transparent square of ``size`` pixels."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 100  # draw in a 100-unit coordinate system

    def pts(*xy: float) -> list[tuple[float, float]]:
        return [(xy[i] * s, xy[i + 1] * s) for i in range(0, len(xy), 2)]

    # Shield: flat top with rounded shoulders, pointed bottom.
    shield = pts(50, 4, 88, 14, 88, 48, 80, 68, 66, 84, 50, 96, 34, 84, 20, 68, 12, 48, 12, 14)
    d.polygon(shield, fill=SHIELD, outline=SHIELD_EDGE, width=max(1, round(2 * s)))
    # Speech bubble: rounded rectangle with a tail bottom-left.
    d.rounded_rectangle([(24 * s, 24 * s), (76 * s, 62 * s)], radius=10 * s, fill=BUBBLE)
    d.polygon(pts(32, 58, 30, 74, 46, 60), fill=BUBBLE)
    # Check mark inside the bubble.
    d.line(pts(36, 43, 46, 53, 65, 33), fill=CHECK, width=max(2, round(7 * s)), joint="curve")
    return img


def main() -> None:
    master = draw()
    pngs: dict[int, Image.Image] = {}
    for n in SIZES:
        pngs[n] = master.resize((n, n), Image.Resampling.LANCZOS)
        pngs[n].save(HERE / f"chatsafe-{n}.png", optimize=True)
    pngs[256].save(HERE / "chatsafe.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    master.resize((1024, 1024)).save(HERE / "chatsafe.icns")
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("chatsafe*.*"))))


if __name__ == "__main__":
    main()
