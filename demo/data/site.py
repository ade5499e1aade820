"""Site identity, columns and demo logins of the fictional 云溪县 party-building site."""

SITE_PROFILE = {
    "site_name": "云溪党建网",
    "county": "云溪县",
    "organizer": "中共云溪县委组织部",
    "operator": "云溪县融媒体中心",
    "icp_number": "陕ICP备2026004817号-1",
    "police_record_number": "陕公网安备61042202000317号",
    "police_record_code": "61042202000317",
    "website_code": "6104220017",
    "address": "云溪县人民路18号县委大院2号楼",
    "phone": "0910-6213456",
    "email": "yxdj@yunxi.gov.cn",
    "government_mark_url": "https://bszs.conac.cn/sitename?method=show&id=6104220017",
}

# (slug, name, update class, parent slug, show on home, description)
COLUMNS = [
    ("news", "新闻中心", "news", None, False, "全县基层党建新闻汇总。"),
    ("party-news", "党建要闻", "news", "news", True, "县委组织部和全县基层党建重要工作动态。"),
    ("township-news", "乡镇动态", "news", "news", True, "各乡镇（街道）党建工作动态。"),
    ("notices", "通知公告", "notice", "news", True, "组织工作相关通知、公告和公示。"),
    ("dangjian-plus", "党建+专题", "topic", None, True, "党建引领乡村振兴、平安建设、民族团结等专题报道。"),
    ("policies", "政策文件", "policy", None, True, "县级党建工作实施方案、制度措施。"),
    ("work-reports", "工作报告", "report", None, True, "各乡镇党建工作总结和书记抓基层党建述职报告。"),
]

DEMO_PASSWORD = "Yunxi@2026"  # noqa: S105 - printed by `make run`; demo sites only

# (username, full name, role group or None for the superuser, township slug or None)
USERS = [
    ("admin", "系统管理员", None, None),
    ("yuanmen_editor", "刘晓燕", "通讯员", "yuanmen"),
    ("yuanmen_reviewer", "陈建国", "乡镇审核", "yuanmen"),
    ("county_reviewer", "周文博", "县级终审", None),
]
