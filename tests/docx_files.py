"""Word files built in memory for the import tests: an ordinary one and hostile ones."""

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def document(*paragraphs, prolog=""):
    runs = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{runs}</w:body></w:document>'
    )


def docx(document_xml, extra=()):
    """A real .docx built in memory: the parts Word writes, and any extra members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


GOOD = docx(document("远门镇召开党建工作推进会", "会议总结了全年工作，部署了明年任务。"))

# 7 levels of ten: "&l7;" would expand to 10^7 copies.
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY l0 "哈">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 8))
    + "]>"
)


def hostile():
    """Each hostile file, with the words its message must contain."""
    return {
        # 100 MB of one repeated paragraph in a ~100 KB file
        "bomb-100mb": (docx(document("党建" * 16, "x" * (100 * 1024 * 1024))), "解压后有"),
        # 20 MB: under the member limit, but packed about 1000 to 1
        "ratio": (docx(document(" " * (20 * 1024 * 1024))), "压缩比异常"),
        "members": (docx(document("党建"), [(f"word/media/p{i}.xml", "<a/>") for i in range(1500)]), "部件"),
        "entities": (docx(document("&l7;", prolog=LAUGHS)), "实体声明"),
        "malformed": (docx(document("远门镇").replace("</w:body>", "</w:bod>")), "不是有效的 XML"),
    }


HOSTILE = hostile()
