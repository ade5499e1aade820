"""
Real files for the demo notices' 附件, written without extra dependencies: a Word form (DOCX, a
few XML parts in a ZIP) and a PDF list (one page, a ruled table). The PDF names the standard
Chinese font STSong-Light (Adobe-GB1) instead of embedding one, as PDF allows: every PDF reader
brings a substitute, and the file stays a few kilobytes.
"""

import io
import zipfile
from xml.sax.saxutils import escape

# ---- DOCX ------------------------------------------------------------------------------------------

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
<Relationship Id="rId2" Target="docProps/core.xml"
 Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>
</Relationships>"""
_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>
</cp:coreProperties>"""
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(text, *, bold=False, size=None, center=False):
    props = "<w:jc w:val='center'/>" if center else ""
    run = ("<w:b/>" if bold else "") + (f"<w:sz w:val='{size}'/>" if size else "")
    return (
        f"<w:p><w:pPr>{props}</w:pPr><w:r><w:rPr>{run}</w:rPr>"
        f"<w:t xml:space='preserve'>{escape(text)}</w:t></w:r></w:p>"
    )


def _table(rows):
    border = "".join(
        f"<w:{side} w:val='single' w:sz='4' w:space='0' w:color='000000'/>"
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    body = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:tcPr><w:tcW w:w='0' w:type='auto'/></w:tcPr>{_paragraph(cell)}</w:tc>" for cell in row)
        + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr><w:tblW w:w='5000' w:type='pct'/><w:tblBorders>{border}</w:tblBorders></w:tblPr>{body}</w:tbl>"


def docx_bytes(title, rows, *, note="", author=""):
    """A one-table Word form; `author` is left in the properties (blank for the demo, set by the tests)."""
    document = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document xmlns:w='{W_NS}'><w:body>"
        + _paragraph(title, bold=True, size=36, center=True)
        + _table(rows)
        + (_paragraph(note) if note else "")
        + "<w:sectPr><w:pgSz w:w='11906' w:h='16838'/></w:sectPr></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", _CORE.format(title=escape(title), author=escape(author)))
    return out.getvalue()


# ---- PDF -------------------------------------------------------------------------------------------


def _text(x, y, size, text):
    encoded = text.encode("utf-16-be").hex().upper()
    return f"BT /F1 {size} Tf {x} {y} Td <{encoded}> Tj ET"


def pdf_bytes(title, header, rows, *, widths):
    """A one-page A4 PDF: a centred title and a ruled table (`widths` in points per column)."""
    top, row_height, left = 760, 24, 60
    ops = [_text(left, 800, 18, title)]
    table = [header, *rows]
    total = sum(widths)
    for index, row in enumerate(table):
        y = top - index * row_height
        x = left
        for width, cell in zip(widths, row, strict=True):
            ops.append(_text(x + 6, y - 17, 11, str(cell)))
            x += width
    bottom = top - len(table) * row_height
    lines = [f"{left} {top - i * row_height} m {left + total} {top - i * row_height} l" for i in range(len(table) + 1)]
    x = left
    for width in [0, *widths]:
        x += width
        lines.append(f"{x} {top} m {x} {bottom} l")
    content = ("\n".join(ops) + "\n0.5 w\n" + "\n".join(lines) + "\nS\n").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
