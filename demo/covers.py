"""Cover pictures for demo articles, drawn with Pillow: hills, fields and a sun in a theme colour."""

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 960, 540

# Sky, far hills, near fields per 党建+ theme; "default" for county news.
PALETTES = {
    "rural-revitalization": ((250, 214, 165), (122, 160, 90), (214, 170, 60)),
    "industry": ((255, 228, 196), (200, 60, 50), (110, 150, 60)),
    "public-safety": ((190, 215, 240), (70, 100, 150), (150, 170, 190)),
    "ethnic-unity": ((250, 230, 200), (190, 110, 60), (230, 180, 80)),
    "ecology": ((200, 235, 225), (60, 130, 100), (120, 180, 110)),
    "culture": ((245, 220, 220), (160, 60, 80), (220, 150, 110)),
    "default": ((252, 226, 205), (179, 21, 27), (230, 160, 60)),
}
FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
]


def _font(size):
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None


def _hills(draw, rng, base_y, amplitude, colour):
    points = [(0, HEIGHT)]
    x = 0
    while x <= WIDTH:
        points.append((x, base_y - rng.randint(0, amplitude)))
        x += rng.randint(80, 160)
    points += [(WIDTH, base_y), (WIDTH, HEIGHT)]
    draw.polygon(points, fill=colour)


def draw_cover(seed, theme="default", label=""):
    """Return JPEG bytes of a 960×540 landscape; the same seed always draws the same picture."""
    rng = random.Random(seed)  # noqa: S311 - picture layout, not security
    sky, hills, fields = PALETTES.get(theme, PALETTES["default"])
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT // 2):  # a soft vertical gradient
        shade = tuple(min(255, c + y // 6) for c in sky)
        draw.line([(0, y), (WIDTH, y)], fill=shade)
    sun_x, sun_r = rng.randint(120, WIDTH - 120), rng.randint(40, 70)
    draw.ellipse([sun_x - sun_r, 90 - sun_r, sun_x + sun_r, 90 + sun_r], fill=(255, 245, 220))
    image = image.filter(ImageFilter.GaussianBlur(1))
    draw = ImageDraw.Draw(image)
    _hills(draw, rng, 300, 90, tuple(int(c * 0.8) for c in hills))
    _hills(draw, rng, 360, 60, hills)
    draw.rectangle([0, 400, WIDTH, HEIGHT], fill=fields)
    for row in range(8):  # furrows running to the horizon
        y = 410 + row * 17
        draw.line([(0, y), (WIDTH, y + rng.randint(-6, 6))], fill=tuple(int(c * 0.85) for c in fields), width=3)
    if label and (font := _font(44)):
        draw.rounded_rectangle([36, 36, 60 + 46 * len(label), 106], radius=10, fill=(179, 21, 27))
        draw.text((48, 44), label, font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
