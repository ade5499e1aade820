"""
Validate and clean an uploaded picture before it is stored.

Only real JPEG/PNG/GIF/WebP images are accepted; pixel bombs are refused before decoding; the
picture is turned upright, stripped of EXIF (GPS positions, camera serials) by re-encoding and
scaled down to a size a news page needs.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000; anything larger is a decompression bomb or a scan
MAX_EDGE = 1600
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def clean_image(upload):
    """Return (ContentFile, extension) of the cleaned image, or raise ValidationError in Chinese."""
    if upload.size > MAX_BYTES:
        raise ValidationError(f"图片文件过大（{upload.size / 1024 / 1024:.1f} MB），请小于 10 MB。")
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning fires at 89 MP; the stricter MAX_PIXELS check below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
        with probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError("只能上传 JPG、PNG、GIF 或 WebP 格式的图片。")
            if width * height > MAX_PIXELS:
                raise ValidationError(f"图片像素过大（{width}×{height}），请先缩小后再上传。")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            keep_alpha = image_format in ("PNG", "GIF", "WEBP") and image.mode in ("RGBA", "LA", "P")
            image = image.convert("RGBA" if keep_alpha else "RGB")
            image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if keep_alpha:
                image.save(out, "PNG", optimize=True)
                extension = "png"
            else:
                image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
                extension = "jpg"
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError("这不是有效的图片文件，或者文件已经损坏。") from error
    return ContentFile(out.getvalue()), extension
