"""A starter 错敏词 list written by the team: common misspellings and misuses of official terms.

Admins extend and correct it in the admin; this migration only adds what is missing.
"""

from django.db import migrations

# (wrong, correct, category, severity, note)
STARTER_TERMS = [
    ("两学一作", "两学一做", "political", "serious", ""),
    ("不忘出心", "不忘初心", "political", "serious", ""),
    ("不忘处心", "不忘初心", "political", "serious", ""),
    ("牢记使名", "牢记使命", "political", "serious", ""),
    ("新时期中国特色社会主义思想", "新时代中国特色社会主义思想", "political", "serious", "“新时代”不能写作“新时期”"),
    ("四个意思", "四个意识", "political", "serious", ""),
    ("全面从严至党", "全面从严治党", "political", "serious", ""),
    ("党风廉正建设", "党风廉政建设", "political", "serious", ""),
    ("主题党曰", "主题党日", "political", "serious", "“日”误作“曰”"),
    ("三会一讲", "三会一课", "political", "serious", ""),
    ("民主生活汇", "民主生活会", "political", "normal", ""),
    ("组织生活汇", "组织生活会", "political", "normal", ""),
    ("中国共产党党章", "中国共产党章程", "political", "normal", "全称为《中国共产党章程》，简称“党章”"),
    ("二十届全国代表大会", "第二十次全国代表大会", "political", "serious", "党的全国代表大会用“次”，中央委员会用“届”"),
    ("二十次中央委员会", "二十届中央委员会", "political", "serious", "中央委员会用“届”"),
    ("十九届全国代表大会", "第十九次全国代表大会", "political", "serious", "党的全国代表大会用“次”"),
    ("总书纪", "总书记", "leader", "serious", ""),
    ("国务院总里", "国务院总理", "leader", "serious", ""),
    ("国家总书记", "国家主席 / 中共中央总书记", "leader", "serious", "职务名称混用"),
    ("支部书纪", "支部书记", "organisation", "normal", ""),
    ("村支部书纪", "村党支部书记", "organisation", "normal", ""),
    ("县委组织布", "县委组织部", "organisation", "serious", ""),
    ("纪律检察委员会", "纪律检查委员会", "organisation", "serious", "纪委是“检查”，检察院是“检察”"),
    ("人力资源与社会保障局", "人力资源和社会保障局", "organisation", "normal", ""),
    ("市场监管管理局", "市场监督管理局", "organisation", "normal", ""),
    ("人民检查院", "人民检察院", "organisation", "serious", ""),
    ("广西省", "广西壮族自治区", "place", "serious", ""),
    ("西藏省", "西藏自治区", "place", "serious", ""),
    ("新疆省", "新疆维吾尔自治区", "place", "serious", ""),
    ("宁夏省", "宁夏回族自治区", "place", "serious", ""),
    ("内蒙自治区", "内蒙古自治区", "place", "serious", ""),
    ("台湾总统", "台湾地区领导人", "political", "serious", ""),
    ("台湾政府", "台湾地区有关方面 / 台湾当局", "political", "serious", ""),
    ("中华民国", "（不得使用，按规定表述）", "political", "serious", "涉台用语"),
    ("大陆和台湾两个国家", "两岸同属一个中国", "political", "serious", "涉台用语"),
    ("少数民族兄弟", "少数民族同胞", "political", "normal", ""),
]


def add_terms(apps, schema_editor):
    SensitiveTerm = apps.get_model("articles", "SensitiveTerm")
    for wrong, correct, category, severity, note in STARTER_TERMS:
        SensitiveTerm.objects.get_or_create(
            wrong=wrong, defaults={"correct": correct, "category": category, "severity": severity, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_content_checks")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
