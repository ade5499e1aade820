"""
Step 1, bytes to text: UTF-8 with or without BOM, the page's declared charset, else GB18030.
"""

import re

from .result import UnreadableError


def decode(data, html_page=False):
    """UTF-8 (with or without BOM), else the page's declared charset, else GB18030 (a superset of GBK)."""
    if not data.strip():
        raise UnreadableError("文件是空的。")
    if b"\x00" in data[:2000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableError("这不是文本文件（含有二进制内容）。")
    candidates = ["utf-8-sig"]
    if html_page and (declared := re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4000], re.I)):
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    candidates += ["gb18030", "utf-16"]
    for encoding in candidates:
        if encoding in ("gb2312", "gbk"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableError("无法识别文件编码（不是 UTF-8 或 GB18030）。")
