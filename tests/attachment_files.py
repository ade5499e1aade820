"""Office, PDF and compound files for the attachment tests, built in memory (python-docx, openpyxl, by hand)."""

import io
import struct
import zipfile

import docx
import openpyxl
from lxml import etree

from demo.attachment_files import docx_bytes, pdf_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf():
    return pdf_bytes("名单", ("序号", "姓名"), [("1", "张三"), ("2", "李四")], widths=(60, 120))


def word(*, author="张三", modified_by="李四", comment=False, tracked=False):
    document = docx.Document()
    paragraph = document.add_paragraph("报名表")
    document.add_paragraph("姓名：")
    if comment:
        document.add_comment(paragraph.runs, text="这里要改", author="王五", initials="WW")
    if tracked:
        body = document.element.body
        insert = etree.SubElement(body[0], f"{{{W}}}ins", {f"{{{W}}}id": "9", f"{{{W}}}author": "王五"})
        run = etree.SubElement(insert, f"{{{W}}}r")
        etree.SubElement(run, f"{{{W}}}t").text = "新加的字"
    document.core_properties.author = author
    document.core_properties.last_modified_by = modified_by
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel(*, creator="张三", comment=False):
    book = openpyxl.Workbook()
    book.properties.creator = creator
    book.properties.lastModifiedBy = creator
    book.active["A1"] = "姓名"
    if comment:
        book.active["A1"].comment = openpyxl.comments.Comment("核对", "王五")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plain_zip(**members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in (members or {"名单.txt": "张三"}).items():
            archive.writestr(name, text)
    return out.getvalue()


def ofd():
    return plain_zip(**{"OFD.xml": "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>", "Doc_0/Document.xml": "<x/>"})


def summary_stream(author):
    """A SummaryInformation property set with 作者 and 最后修改者 (VT_LPSTR, GBK)."""
    values = []
    for pid in (4, 8):
        raw = author.encode("gbk") + b"\0"
        raw += b"\0" * (-len(raw) % 4)
        values.append((pid, struct.pack("<II", 0x1E, len(raw)) + raw))
    table_size = 8 + 8 * len(values)
    table, data, offset = b"", b"", table_size
    for pid, value in values:
        table += struct.pack("<II", pid, offset)
        data += value
        offset += len(value)
    section = struct.pack("<II", table_size + len(data), len(values)) + table + data
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, b"\0" * 16, 1) + b"\xe0\x85\x9f\xf2" + b"\0" * 12
    return header + struct.pack("<I", 48) + section


def compound(streams, *, mini=False):
    """A version-3 compound file (512-byte sectors). Small streams go to the mini stream (64-byte sectors) when
    `mini`, as Office writes them; otherwise each is padded to 4096 bytes, the size from which streams are regular."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    sectors, entries, fat = [], [], []

    def add_chain(body):
        start = len(sectors)
        body = body + b"\0" * (-len(body) % 512)
        sectors.extend(body[i : i + 512] for i in range(0, len(body), 512))
        fat.extend([*range(start + 1, len(sectors)), end])
        return start

    mini_data, minifat = b"", []
    for name, body in streams.items():
        if mini and len(body) < 4096:
            start = len(mini_data) // 64
            mini_data += body + b"\0" * (-len(body) % 64)
            minifat.extend([*range(start + 1, len(mini_data) // 64), end])
            entries.append((name, start, len(body)))
        else:
            body = body.ljust(4096, b"\0")
            entries.append((name, add_chain(body), len(body)))
    root_start, minifat_start = (
        (add_chain(mini_data), add_chain(struct.pack(f"<{len(minifat)}I", *minifat))) if mini_data else (end, end)
    )

    def entry(name, kind, start, size, child=free, right=free):
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, root_start, len(mini_data), child=1)
    for index, (name, start, size) in enumerate(entries, start=1):
        directory += entry(name, 2, start, size, right=index + 1 if index < len(entries) else free)
    directory_start = add_chain(directory)
    fat_start = len(sectors)
    fat.append(0xFFFFFFFD)  # the FAT sector itself
    fat.extend([free] * (128 - len(fat)))
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, directory_start, 0, 4096, minifat_start, 1 if mini_data else 0, end, 0)
    header += struct.pack("<I", fat_start) + struct.pack("<I", free) * 108
    return header + b"".join(sectors) + struct.pack("<128I", *fat)


def legacy_word(author="", *, mini=False):
    streams = {"WordDocument": b"\xec\xa5" + b"\0" * 100}
    if author:
        streams["\x05SummaryInformation"] = summary_stream(author)
    return compound(streams, mini=mini)


def legacy_excel():
    return compound({"Workbook": b"\x09\x08" + b"\0" * 50})


def docx_form():
    return docx_bytes("报名表", [("姓名", ""), ("单位", "")])
