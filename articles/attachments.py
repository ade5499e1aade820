"""
附件: what may be attached to an article, decided by the file's content, never by its name.

Accepted: PDF, OFD, DOCX, XLSX, DOC, XLS, WPS, ET and ZIP, up to settings.ATTACHMENT_MAX_BYTES.
Office files are part of the 保密自查: a DOCX/XLSX loses its author, last-modified-by, company and
comments on upload; one with tracked changes (修订) is refused, since accepting them silently could
publish text its writer meant to reject. A legacy DOC/XLS/WPS/ET whose summary still names an author
is refused with a request to save it as DOCX/XLSX (we cannot rewrite those files safely).
"""

import hashlib
import io
import re
import struct
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from lxml import etree

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A ZIP-based file may not unpack to more than this (zip bombs), nor hold more members.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBERS = 5000

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "ofd": "application/ofd",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "wps": "application/vnd.ms-works",
    "et": "application/vnd.ms-excel",
    "zip": "application/zip",
}
ALLOWED_TEXT = "PDF、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）、WPS（WPS/ET）或 ZIP"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
REVISIONS_MESSAGE = "文件含修订痕迹，请接受或拒绝全部修订后再上传。"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# Elements of word/document.xml that are tracked changes (修订).
TRACKED = [f"{{{W}}}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange")]
COMMENT_MARKS = [f"{{{W}}}{tag}" for tag in ("commentRangeStart", "commentRangeEnd", "commentReference")]
# Parts that hold comments (批注) in a DOCX.
EXECUTABLE = re.compile(r"\.(exe|com|bat|cmd|scr|msi|dll|js|jse|vbs|vbe|wsf|ps1|sh|jar|lnk|hta|html?)$", re.I)
COMMENT_PART = re.compile(r"^word/(comments\w*|people)\.xml$")


@dataclass
class Checked:
    """An accepted upload: the (possibly cleaned) bytes and what they are."""

    content: bytes
    kind: str
    cleaned: list  # what was removed, for the editor's message

    @property
    def content_type(self):
        return CONTENT_TYPES[self.kind]

    @property
    def sha256(self):
        return hashlib.sha256(self.content).hexdigest()

    def as_file(self, name):
        return ContentFile(self.content, name=f"{name}.{self.kind}")


def max_bytes():
    return getattr(settings, "ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def size_label(size):
    """36 KB, 1.4 MB: as the list on the page shows it."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def download_name(name, kind):
    """The file name a reader saves: the attachment's name (no path, no control characters) and its type."""
    clean = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    clean = re.sub(r'[\\/:*?"<>|]+', "_", clean).strip(" .") or "附件"
    return f"{clean[:80]}.{kind}"


def content_disposition(attachment):
    """attachment; the Chinese name as RFC 5987 filename*, with an ASCII filename for old clients."""
    from urllib.parse import quote

    fallback = f"attachment-{attachment.pk}.{attachment.kind}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(attachment.download_name, safe='')}"


def check(upload):
    """Return Checked for an uploaded file, or raise ValidationError with a message for the editor."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(f"附件过大（{size_label(upload.size)}），单个附件不能超过 {size_label(limit)}。")
    data = upload.read()
    if not data:
        raise ValidationError("附件是空文件，请重新选择。")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in (upload.name or "") else ""
    if data.startswith(b"%PDF-"):
        return Checked(data, "pdf", [])
    if data.startswith(OLE_MAGIC):
        return _check_ole(data, extension)
    if data.startswith(b"PK\x03\x04"):
        return _check_zip(data)
    raise ValidationError(f"不支持这种文件。附件只能是 {ALLOWED_TEXT} 文件（按文件内容判断，与扩展名无关）。")


# ---- ZIP, OFD, OOXML ------------------------------------------------------------------------------


def _open_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ValidationError("压缩文件已损坏，无法打开，请检查后重新上传。") from error
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise ValidationError("压缩文件解压后过大或文件过多，请拆分后再上传。")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ValidationError("不能上传加密的压缩文件或文档，请去掉密码后再上传。")
    return archive


def _check_zip(data):
    archive = _open_zip(data)
    names = set(archive.namelist())
    if "OFD.xml" in names:
        return Checked(data, "ofd", [])
    if "[Content_Types].xml" in names:
        types = _parse(archive.read("[Content_Types].xml"))
        main = {o.get("ContentType", "") for o in types.iter(f"{{{CT}}}Override")}
        if any("wordprocessingml.document.main" in t for t in main):
            return _clean_docx(archive)
        if any("spreadsheetml.sheet.main" in t for t in main):
            return _clean_xlsx(archive)
        raise ValidationError("这种 Office 文件（如 PPT、带宏的文档）不能作为附件，请另存为 PDF 后上传。")
    if any(EXECUTABLE.search(name) for name in names):
        raise ValidationError("压缩文件中含有可执行程序或脚本，不能作为附件上传。")
    return Checked(data, "zip", [])


def _parse(xml):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise ValidationError("文档内部结构已损坏，无法检查，请用 Office 或 WPS 另存后再上传。") from error


def _clean_core(archive, parts, cleaned):
    """Blank 作者 and 最后修改者 in docProps/core.xml; company and manager in docProps/app.xml."""
    if "docProps/core.xml" in parts:
        core = _parse(parts["docProps/core.xml"])
        for tag in (f"{{{DC}}}creator", f"{{{CP}}}lastModifiedBy"):
            for element in core.iter(tag):
                if (element.text or "").strip():
                    cleaned.add("作者信息")
                element.text = ""
        parts["docProps/core.xml"] = etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)
    if "docProps/app.xml" in parts:
        app = _parse(parts["docProps/app.xml"])
        for tag in (f"{{{EP}}}Company", f"{{{EP}}}Manager"):
            for element in app.iter(tag):
                if (element.text or "").strip():
                    cleaned.add("单位信息")
                element.text = ""
        parts["docProps/app.xml"] = etree.tostring(app, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_parts(parts, doomed):
    """Remove parts and every relationship and content-type override that names them."""
    for name in doomed:
        parts.pop(name, None)
    targets = {name.rsplit("/", 1)[-1] for name in doomed}
    for name in [n for n in parts if n.endswith(".rels")]:
        rels = _parse(parts[name])
        for rel in list(rels):
            if rel.get("Target", "").rsplit("/", 1)[-1] in targets:
                rels.remove(rel)
        parts[name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = _parse(parts["[Content_Types].xml"])
    for override in list(types.iter(f"{{{CT}}}Override")):
        if override.get("PartName", "").lstrip("/") in doomed:
            types.remove(override)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rezip(archive, parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            if info.filename in parts:
                target.writestr(info.filename, parts[info.filename])
    return out.getvalue()


def _read_parts(archive):
    return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def _clean_docx(archive):
    parts = _read_parts(archive)
    cleaned = set()
    for name in [n for n in parts if re.match(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", n)]:
        tree = _parse(parts[name])
        if any(True for _ in tree.iter(*TRACKED)):
            raise ValidationError(REVISIONS_MESSAGE)
        marks = list(tree.iter(*COMMENT_MARKS))
        for mark in marks:
            parent = mark.getparent()
            parent.remove(mark)
            # A comment reference sits in a run of its own; leave no empty run behind.
            if parent.tag == f"{{{W}}}r" and not [c for c in parent if c.tag != f"{{{W}}}rPr"]:
                parent.getparent().remove(parent)
        if marks:
            cleaned.add("批注")
            parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    if "word/settings.xml" in parts and b"trackRevisions" in parts["word/settings.xml"]:
        settings_xml = _parse(parts["word/settings.xml"])
        for element in list(settings_xml.iter(f"{{{W}}}trackRevisions")):
            element.getparent().remove(element)
        parts["word/settings.xml"] = etree.tostring(
            settings_xml, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    doomed = {name for name in parts if COMMENT_PART.match(name)}
    if doomed:
        cleaned.add("批注")
        _drop_parts(parts, doomed)
    _clean_core(archive, parts, cleaned)
    return Checked(_rezip(archive, parts), "docx", sorted(cleaned))


def _clean_xlsx(archive):
    parts = _read_parts(archive)
    names = set(parts)
    if any(n.startswith("xl/revisions/") for n in names):
        raise ValidationError(REVISIONS_MESSAGE)
    if any(re.match(r"^xl/(comments[^/]*|comments/.*|threadedComments/.*)\.xml$", n) for n in names):
        raise ValidationError("表格含批注，请删除全部批注后再上传。")
    cleaned = set()
    _clean_core(archive, parts, cleaned)
    return Checked(_rezip(archive, parts), "xlsx", sorted(cleaned))


# ---- legacy Office (OLE2 compound files) ----------------------------------------------------------

OLE_KINDS = {"WordDocument": ("doc", "wps"), "Workbook": ("xls", "et"), "Book": ("xls", "et")}


def _check_ole(data, extension):
    try:
        streams = read_compound(data)
    except (ValueError, struct.error, IndexError) as error:
        raise ValidationError("文档已损坏，无法打开，请用 Office 或 WPS 另存后再上传。") from error
    kind = None
    for stream, (office, wps) in OLE_KINDS.items():
        if stream in streams:
            kind = wps if extension == wps else office
            break
    if kind is None:
        raise ValidationError("这种旧版 Office 文件（如 PPT）不能作为附件，请另存为 PDF 后上传。")
    if "EncryptionInfo" in streams or "encryption" in streams:
        raise ValidationError("不能上传加密的文档，请去掉密码后再上传。")
    summary = streams.get("\x05SummaryInformation")
    if summary and any(summary_properties(summary).get(pid) for pid in (4, 8)):
        raise ValidationError(
            "旧版文档（DOC/XLS/WPS/ET）中记有作者或最后修改者，无法自动清除。"
            "请另存为 DOCX/XLSX 后上传（系统会自动清除作者信息），或在文档属性中删除作者后再上传。"
        )
    return Checked(data, kind, [])


ENDOFCHAIN, FREESECT = 0xFFFFFFFE, 0xFFFFFFFF


def read_compound(data):
    """{stream name: bytes} of a compound file (the OLE2 container of DOC/XLS/WPS/ET); raises ValueError."""
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    (cutoff, first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from("<IIIII", data, 0x38)
    if sector_size not in (512, 4096):
        raise ValueError("sector size")

    def sector(n):
        start = (n + 1) * sector_size
        if start >= len(data):
            raise ValueError("sector outside the file")
        return data[start : start + sector_size]

    difat = [n for n in struct.unpack_from("<109I", data, 0x4C) if n < ENDOFCHAIN]
    next_difat = first_difat
    for _ in range(n_difat):
        if next_difat >= ENDOFCHAIN:
            break
        entries = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        difat += [n for n in entries[:-1] if n < ENDOFCHAIN]
        next_difat = entries[-1]
    fat = []
    for n in difat:
        fat += struct.unpack(f"<{sector_size // 4}I", sector(n))

    def chain(start, table, limit):
        seen = []
        while start < ENDOFCHAIN:
            if start >= len(table) or len(seen) > limit:
                raise ValueError("broken chain")
            seen.append(start)
            start = table[start]
        return seen

    limit = len(data) // sector_size + 1
    directory = b"".join(sector(n) for n in chain(first_dir, fat, limit))
    entries = []
    for offset in range(0, len(directory), 128):
        raw = directory[offset : offset + 128]
        name_length, kind = struct.unpack_from("<HB", raw, 0x40)
        start, size = struct.unpack_from("<IQ", raw, 0x74)
        name = raw[: max(0, name_length - 2)].decode("utf-16-le", "replace")
        entries.append((name, kind, start, size))
    if not entries or entries[0][1] != 5:
        raise ValueError("no root entry")
    root_start, root_size = entries[0][2], entries[0][3]
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat, limit))[:root_size] if root_size else b""
    minifat = []
    if n_minifat:
        for n in chain(first_minifat, fat, limit):
            minifat += struct.unpack(f"<{sector_size // 4}I", sector(n))
    streams = {}
    for name, kind, start, size in entries[1:]:
        if kind != 2:
            continue
        if size < cutoff:
            pieces = chain(start, minifat, len(mini_stream) // mini_size + 1)
            body = b"".join(mini_stream[n * mini_size : (n + 1) * mini_size] for n in pieces)
        else:
            body = b"".join(sector(n) for n in chain(start, fat, limit))
        streams[name] = body[:size]
    return streams


def summary_properties(stream):
    """{property id: text} of the string properties in a SummaryInformation stream (4 作者, 8 最后修改者)."""
    found = {}
    try:
        (offset,) = struct.unpack_from("<I", stream, 44)
        _size, count = struct.unpack_from("<II", stream, offset)
        for index in range(min(count, 200)):
            pid, where = struct.unpack_from("<II", stream, offset + 8 + index * 8)
            (vtype,) = struct.unpack_from("<I", stream, offset + where)
            if vtype == 0x1E:  # VT_LPSTR, in the file's code page (GBK for Chinese Office)
                (length,) = struct.unpack_from("<I", stream, offset + where + 4)
                raw = stream[offset + where + 8 : offset + where + 8 + length]
                found[pid] = raw.split(b"\0", 1)[0].decode("gbk", "replace").strip()
            elif vtype == 0x1F:  # VT_LPWSTR
                (length,) = struct.unpack_from("<I", stream, offset + where + 4)
                raw = stream[offset + where + 8 : offset + where + 8 + 2 * length]
                found[pid] = raw.decode("utf-16-le", "replace").split("\0", 1)[0].strip()
    except struct.error:
        return found
    return found
