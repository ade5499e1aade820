"""
Check an uploaded Word (.docx) archive before anything unpacks or parses it.

A .docx is a ZIP of XML parts. A 100 KB file can unpack to gigabytes (a zip bomb) and an XML part
can declare entities that expand exponentially (billion laughs); either ties a worker up or answers
500. `check_docx` refuses such a file with a Chinese message before mammoth sees it:

- the member count, each member's size, the total size and each large member's compression ratio,
  first as the archive declares them (Python's zipfile never reads past a member's declared size),
  then as really unpacked, with a time bound on the whole check;
- every XML part is scanned by defusedxml's parser (no tree is built): a DTD, an entity declaration
  or malformed XML is refused, so the parser that reads the document afterwards only meets plain XML.

`convert_docx` then runs mammoth in a child process that is stopped after a time bound: mammoth's
DOM parser needs seconds per megabyte of XML, and no size limit alone keeps a worker under
gunicorn's 30 s timeout on a busy machine.

No app (or Django) imports, so every .docx reader can use it (and it runs on its own as the child).
"""

import base64
import io
import json
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

CHUNK = 1 << 16
XML_SUFFIXES = (".xml", ".rels")
BROKEN = 3  # the child's exit status for a file mammoth cannot read
# Word's heading styles, under their English and Chinese names (Word stores the name of the UI language).
STYLE_MAP = "\n".join(
    f"p[style-name='{name} {level}'] => h{min(level + 1, 4)}:fresh"
    for name in ("Heading", "heading", "标题")
    for level in (1, 2, 3, 4, 5, 6)
)
IMAGE_SRC = "docx-image:"  # the src of the n-th picture in the converted HTML, replaced once it is stored


@dataclass(frozen=True)
class Limits:
    members: int = 1000
    member_bytes: int = 32 * 1024 * 1024
    total_bytes: int = 64 * 1024 * 1024
    # Word's XML packs 5-30 to 1; deflate's ceiling is about 1030 to 1. Small parts are not judged.
    ratio: int = 100
    ratio_from_bytes: int = 1024 * 1024
    seconds: float = 5.0
    convert_seconds: float = 15.0


DEFAULT_LIMITS = Limits()


class UnsafeArchive(Exception):
    """The file is refused; str() is the Chinese message for the person who uploaded it."""


def megabytes(size):
    return f"{size / (1024 * 1024):.0f} MB"


def check_docx(data, limits=DEFAULT_LIMITS):
    """Raise UnsafeArchive unless `data` is a .docx that is safe to unpack and parse."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise UnsafeArchive("Word 文件已损坏或不是 .docx 格式。") from error
    with archive:
        check_declared(members, limits)
        deadline = time.monotonic() + limits.seconds
        total = 0
        for member in members:
            total += unpack(archive, member, limits, deadline, total)


def check_declared(members, limits):
    if len(members) > limits.members:
        raise UnsafeArchive(
            f"Word 文件内含 {len(members)} 个部件，超过上限 {limits.members} 个，疑似恶意构造，未导入。"
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise UnsafeArchive("Word 文件已加密，请先在 Word 中取消密码保护再导入。")
        if member.file_size > limits.member_bytes:
            raise UnsafeArchive(
                f"Word 文件中的“{member.filename}”解压后有 {megabytes(member.file_size)}，"
                f"超过单个部件上限 {megabytes(limits.member_bytes)}，未导入。"
            )
        if member.file_size > limits.ratio_from_bytes and member.file_size > limits.ratio * max(
            member.compress_size, 1
        ):
            raise UnsafeArchive(
                f"Word 文件中的“{member.filename}”压缩比异常（约 {member.file_size // max(member.compress_size, 1)} 倍），"
                "疑似压缩炸弹，未导入。"
            )
    total = sum(member.file_size for member in members)
    if total > limits.total_bytes:
        raise UnsafeArchive(
            f"Word 文件解压后共 {megabytes(total)}，超过上限 {megabytes(limits.total_bytes)}，未导入。"
            "请压缩图片后再试。"
        )


class _NoTree:
    """A parser target without element callbacks: expat checks the XML at C speed and builds nothing."""

    def close(self):
        return None


def unpack(archive, member, limits, deadline, total_so_far):
    """Unpack one member for real, counting bytes against the limits; scan XML parts with defusedxml."""
    parser = None
    if member.filename.lower().endswith(XML_SUFFIXES):
        parser = DefusedXMLParser(target=_NoTree(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    size = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limits.member_bytes or total_so_far + size > limits.total_bytes:
                    raise UnsafeArchive("Word 文件解压后超过大小上限，疑似压缩炸弹，未导入。")
                if time.monotonic() > deadline:
                    raise UnsafeArchive(f"Word 文件在 {limits.seconds:g} 秒内未能解开，文件过大或构造异常，未导入。")
                if parser is not None:
                    parser.feed(chunk)
        if parser is not None:
            parser.close()
    except DefusedXmlException as error:
        raise UnsafeArchive(
            f"Word 文件中的“{member.filename}”含有 DTD 或实体声明（Word 从不写入），疑似恶意构造，未导入。"
        ) from error
    except ParseError as error:
        raise UnsafeArchive(f"Word 文件中的“{member.filename}”不是有效的 XML，文件已损坏，未导入。") from error
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise UnsafeArchive("Word 文件已损坏或使用了不支持的压缩方式，未导入。") from error
    return size


@dataclass(frozen=True)
class Converted:
    html: str
    images: list  # bytes of each picture, in order; <img src="docx-image:N"> marks where it stood


def convert_docx(data, limits=DEFAULT_LIMITS):
    """Checked .docx bytes -> mammoth's HTML and pictures, converted by a child process stopped after the time
    bound."""
    check_docx(data, limits)
    try:
        # This very file run as a script in a fresh, isolated interpreter: nothing of the server is copied.
        done = subprocess.run(  # noqa: S603 - our own interpreter and file, no shell, bytes on stdin
            [sys.executable, "-I", __file__], input=data, capture_output=True, timeout=limits.convert_seconds
        )
    except subprocess.TimeoutExpired as error:  # run() has killed the child
        raise UnsafeArchive(
            f"Word 文件在 {limits.convert_seconds:g} 秒内未能转换完成，文件过大或构造异常，未导入。"
        ) from error
    if done.returncode == BROKEN:
        raise UnsafeArchive("Word 文件已损坏或不是 .docx 格式。")
    if done.returncode != 0:
        raise UnsafeArchive("Word 文件无法转换（处理进程意外退出），未导入。")
    output = json.loads(done.stdout)
    return Converted(output["html"], [base64.b64decode(image) for image in output["images"]])


def _convert():
    from xml.parsers.expat import ExpatError

    import mammoth

    images = []

    def keep_image(image):
        # Bytes go back to the server, which checks them like any upload; the HTML only marks the place.
        with image.open() as stream:
            images.append(base64.b64encode(stream.read()).decode("ascii"))
        return {"src": f"{IMAGE_SRC}{len(images) - 1}", "alt": ""}

    try:
        html = mammoth.convert_to_html(
            io.BytesIO(sys.stdin.buffer.read()),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(keep_image),
        ).value
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError):
        return BROKEN
    sys.stdout.buffer.write(json.dumps({"html": html, "images": images}).encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(_convert())
