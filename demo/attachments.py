"""The demo notices' 附件: real files, built here and stored through the same check as an upload."""

from django.core.files.uploadedfile import SimpleUploadedFile

from articles import attachments
from articles.models import Attachment

from .attachment_files import docx_bytes, pdf_bytes

TOWNSHIPS = ["城关镇", "远门镇", "石桥镇", "马坊乡", "柳林镇", "河湾乡", "清泉镇"]


def training_schedule():
    days = [
        ("第1天上午", "报到、开班式", "县委党校"),
        ("第1天下午", "学习贯彻党的二十大精神专题辅导", "县委党校"),
        ("第2天", "村级组织建设与基层治理", "县委党校"),
        ("第3天", "发展壮大村级集体经济", "县委党校"),
        ("第4天", "现场教学：远门镇苹果产业党支部", "远门镇"),
        ("第4天下午", "现场教学：石桥镇平安网格", "石桥镇"),
        ("第5天", "分组研讨、结业考试、结业式", "县委党校"),
    ]
    return pdf_bytes(
        "2026年全县村（社区）党组织书记轮训班课程安排表", ("时间", "内容", "地点"), days, widths=(90, 290, 90)
    )


def trainee_form():
    rows = [("序号", "乡镇（街道）", "姓名", "性别", "所任职务", "联系电话")] + [
        (str(n), "", "", "", "", "") for n in range(1, 9)
    ]
    return docx_bytes("参训人员名单汇总表", rows, note="填报单位（盖章）：　　　　　　填报人：　　　　　　联系电话：")


def quota_table():
    rows = [(name, str(2 if i < 3 else 1), str(1 if i % 2 else 0)) for i, name in enumerate(TOWNSHIPS)]
    return pdf_bytes(
        "“五星级”党支部推荐名额分配表", ("单位", "村（社区）党支部", "其他党支部"), rows, widths=(160, 160, 160)
    )


def application_form():
    rows = [
        ("党支部名称", "", "党员人数", ""),
        ("党支部书记", "", "联系电话", ""),
        ("主要事迹（500字以内）", "", "", ""),
        ("所在党（工）委意见", "", "（盖章）", "年　月　日"),
    ]
    return docx_bytes("“五星级”党支部推荐申报表", rows)


# The notice (its demo key) and its files in order: (name, file name, builder).
FILES = {
    "county-notice-2026-training": [
        ("2026年全县村（社区）党组织书记轮训班课程安排表", "课程安排表.pdf", training_schedule),
        ("参训人员名单汇总表", "参训人员名单汇总表.docx", trainee_form),
    ],
    "county-notice-five-star-branch": [
        ("推荐名额分配表", "推荐名额分配表.pdf", quota_table),
        ("“五星级”党支部推荐申报表", "推荐申报表.docx", application_form),
    ],
}


def attach_demo_files(article, key):
    """Store the notice's files as attachments (checked like an upload); returns how many."""
    files = FILES.get(key, [])
    for position, (name, filename, build) in enumerate(files, start=1):
        checked = attachments.check(SimpleUploadedFile(filename, build()))
        Attachment.objects.create(
            article=article,
            position=position,
            name=name,
            file=checked.as_file("attachment"),
            kind=checked.kind,
            content_type=checked.content_type,
            size=len(checked.content),
            sha256=checked.sha256,
        )
    return len(files)
