"""
The site's default share picture (static/img/share-default.png): what a WeChat card shows for pages
without a picture of their own. Drawn here with Pillow, no copied artwork and no emblem: a red field,
gold rays and bands, 「党建」 and the site name. Redraw with `manage.py draw_share_image` after
renaming the site, then collectstatic.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = 600  # square: WeChat crops the card's picture to a square; ≥ 300 px on each side
RED = (200, 22, 29)
DARK_RED = (160, 12, 20)
GOLD = (246, 196, 67)
WHITE = (255, 255, 255)
FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts"]
FONT_NAMES = ["NotoSansCJK-Bold.ttc", "NotoSerifCJK-Bold.ttc", "NotoSansCJK-Regular.ttc"]


def find_cjk_font():
    for folder in FONT_DIRS:
        for name in FONT_NAMES:
            path = Path(folder) / name
            if path.exists():
                return str(path)
    return None


def _fit(font_path, text, max_width, start):
    size = start
    while size > 12:
        font = ImageFont.truetype(font_path, size, index=2)  # index 2 of the Noto CJK collection: SC (Simplified)
        if font.getlength(text) <= max_width:
            return font
        size -= 2
    return ImageFont.truetype(font_path, size, index=2)


def draw(site_name, font_path=None):
    """The picture as a Pillow image; raises LookupError without a CJK font (Debian: fonts-noto-cjk)."""
    font_path = font_path or find_cjk_font()
    if font_path is None:
        raise LookupError("找不到中文字体（请安装 fonts-noto-cjk）。")
    image = Image.new("RGB", (SIZE, SIZE), RED)
    pen = ImageDraw.Draw(image)
    centre = (SIZE / 2, SIZE * 0.40)
    # Rays from behind the title: alternating wedges, a little darker than the field.
    for i in range(0, 36, 2):
        a, b = math.radians(i * 10), math.radians((i + 1) * 10)
        far = SIZE
        pen.polygon(
            [
                centre,
                (centre[0] + far * math.cos(a), centre[1] + far * math.sin(a)),
                (centre[0] + far * math.cos(b), centre[1] + far * math.sin(b)),
            ],
            fill=DARK_RED,
        )
    radius = SIZE * 0.26
    pen.ellipse([centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius], fill=RED)
    pen.ellipse([centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius], outline=GOLD, width=8)
    title = ImageFont.truetype(font_path, 120, index=2)
    pen.text(centre, "党建", font=title, fill=GOLD, anchor="mm")
    # A gold band with the site name, and a thin one under it.
    band_top = SIZE * 0.74
    pen.rectangle([0, band_top, SIZE, band_top + 92], fill=GOLD)
    name_font = _fit(font_path, site_name, SIZE - 80, 56)
    pen.text((SIZE / 2, band_top + 46), site_name, font=name_font, fill=DARK_RED, anchor="mm")
    pen.rectangle([0, band_top + 108, SIZE, band_top + 114], fill=GOLD)
    return image


def write(path, site_name, font_path=None):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    draw(site_name, font_path).save(path, "PNG", optimize=True)
    return path
