"""Small charts drawn on the server as SVG: no chart library, no CDN, readable without JavaScript."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def bar_chart(rows, *, title, unit="", width=440, bar_height=28, label_width=84):
    """Horizontal bars: rows are (label, value). Every text is escaped; the SVG has a <title> for screen readers."""
    top = max((value for _, value in rows), default=0) or 1
    height = bar_height * len(rows) + 16
    plot = width - label_width - 70
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for index, (label, value) in enumerate(rows):
        y = 8 + index * bar_height
        length = round(plot * value / top) if value else 0
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.65:.1f}" text-anchor="end" '
            f'font-size="15" fill="#1f1f1f">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{bar_height - 8}" fill="#b3151b" rx="2"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6}" y="{y + bar_height * 0.65:.1f}" font-size="15" '
            f'fill="#1f1f1f">{escape(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label and value escaped above
