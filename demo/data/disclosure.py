"""Demo data: 信息公开 metadata on the policy files, and one column of each kind (单页, 外链, 专题).

All text is original demo content written for the fictional 云溪县.
"""

INDEX_RULE = "11610422MB0000000X-{year}-{seq:04d}"

# Settings for demo columns (applied when the demo creates the column; an admin's edits are kept).
COLUMN_SETTINGS = {
    "policies": {"disclosure": True, "index_rule": INDEX_RULE},
    "notices": {"disclosure": True, "index_rule": INDEX_RULE},
}

# (slug, name, kind, update class, parent slug, show on home, description, extra fields)
COLUMNS = [
    (
        "policy-readings",
        "政策解读",
        "list",
        "policy",
        "news",
        False,
        "县级党建政策文件的解读。",
        {"disclosure": True, "index_rule": INDEX_RULE},
    ),
    ("functions", "机构职能", "page", "static", None, False, "中共云溪县委组织部的主要职能。", {}),
    (
        "study",
        "学习教育专题",
        "topic",
        "topic",
        None,
        False,
        "全县党员学习教育专题。",
        {
            "intro": "为推动学习教育走深走实，县委组织部开设本专题，集中发布全县学习教育动态和学习资料。\n"
            "各基层党组织可结合“三会一课”和主题党日组织党员学习。"
        },
    ),
    ("study-news", "学习动态", "list", "topic", "study", False, "各级党组织开展学习教育的动态。", {}),
    ("study-materials", "学习资料", "list", "topic", "study", False, "供党员自学的资料。", {}),
    ("study-readings", "原文选读", "list", "topic", "study-materials", False, "党章党规原文选读。", {}),
    (
        "party-portal",
        "共产党员网",
        "link",
        "static",
        "study",
        False,
        "党员教育学习资源。",
        {"external_url": "https://www.12371.cn/"},
    ),
]


def _article(key, title, column, paragraphs, days_ago, source="中共云溪县委组织部", summary=""):
    return {
        "key": key,
        "title": title,
        "subtitle": "",
        "column": column,
        "township": None,
        "initiatives": [],
        "source": source,
        "authors": "",
        "editor": "王建国",
        "summary": summary,
        "paragraphs": paragraphs,
        "days_ago": days_ago,
        "time": "10:00",
        "status": "published",
        "pinned": False,
        "headline": False,
        "cover": False,
    }


ARTICLES = [
    _article(
        "policy-party-member-points-old",
        "云溪县农村党员量化管理暂行办法",
        "policies",
        [
            "第一条 为加强农村党员日常管理，结合我县实际，制定本暂行办法。",
            "第二条 农村党员按季度进行量化评分，评分结果在党支部范围内通报。",
            "第三条 本办法自印发之日起施行，由县委组织部负责解释。",
        ],
        days_ago=900,
        summary="本办法已被《云溪县农村党员积分制管理办法（试行）》取代。",
    ),
    _article(
        "policy-reading-party-member-points",
        "《云溪县农村党员积分制管理办法（试行）》解读",
        "policy-readings",
        [
            "## 一、为什么要实行积分制管理",
            "原量化管理暂行办法按季度评分，评分项目较粗，党员日常表现难以及时体现。新办法改为按月记分、季度公示、年度评定，让党员表现看得见、比得出。",
            "## 二、积分由哪几部分组成",
            "积分实行“基础分+奖励分-扣减分”模式：基础分考核参加组织生活等基本要求，奖励分鼓励党员带头发展产业、参与志愿服务，扣减分针对违反纪律规定的情形。",
            "## 三、积分结果怎么用",
            "年度积分结果作为民主评议党员的重要参考，积分靠前的优先推荐评先评优，连续两个季度靠后的由党支部书记谈心谈话。",
        ],
        days_ago=138,
    ),
    _article(
        "functions-organisation-department",
        "中共云溪县委组织部主要职能",
        "functions",
        [
            "## 主要职能",
            "一、贯彻落实党中央和省委、市委关于组织工作的方针政策和决策部署，研究提出全县组织工作的意见建议。",
            "二、负责全县基层党组织建设的指导工作，指导村（社区）党组织和机关、企事业单位党组织建设。",
            "三、负责全县党员队伍建设的宏观指导，做好党员发展、教育、管理和服务工作。",
            "四、按照干部管理权限，负责县管干部的考察、任免、监督等工作，指导全县干部队伍建设。",
            "五、负责全县人才工作的统筹协调，组织实施人才引进、培养和服务工作。",
            "六、承办县委交办的其他事项。",
        ],
        days_ago=200,
    ),
    _article(
        "study-news-branch-reading",
        "远门镇各村党支部开展“周三学习日”活动",
        "study-news",
        [
            "远门镇各村党支部把每周三定为学习日，组织党员集中学习党章党规和党的创新理论。",
            "学习采取领学、讨论和“党员讲党课”相结合的方式，年纪大的党员由网格员送学上门。",
        ],
        days_ago=6,
        source="远门镇党委",
    ),
    _article(
        "study-news-county-test",
        "县直机关工委组织党员开展应知应会知识测试",
        "study-news",
        [
            "近日，县直机关工委组织各机关党组织党员开展党内法规应知应会知识测试，共有四百余名党员参加。",
            "测试结束后，各党支部针对错误较多的题目开展专题辅导。",
        ],
        days_ago=20,
        source="县直机关工委",
    ),
    _article(
        "study-readings-branch-work",
        "原文选读：党支部的基本任务",
        "study-readings",
        [
            "本期选读党支部工作相关规定中关于党支部基本任务的内容，供各党支部组织学习时参考。",
            "学习时可结合本支部实际，对照检查“三会一课”、组织生活会等制度落实情况。",
        ],
        days_ago=35,
    ),
]

# 信息公开要素 of demo items, by article key: (发文机关, 发文字号, days written before publication, topic,
# validity, replaced by (key), interprets (key)).
DISCLOSURES = {
    "county-policy-village-collective-economy": (
        "中共云溪县委组织部 云溪县农业农村局",
        "云组发〔2026〕5号",
        3,
        "grassroots",
        "valid",
        None,
        None,
    ),
    "county-policy-grid-governance": (
        "中共云溪县委组织部 中共云溪县委政法委员会",
        "云组发〔2026〕9号",
        2,
        "grassroots",
        "valid",
        None,
        None,
    ),
    "county-policy-party-member-points": ("中共云溪县委组织部", "云组发〔2026〕2号", 5, "members", "valid", None, None),
    "policy-party-member-points-old": (
        "中共云溪县委组织部",
        "云组发〔2024〕11号",
        4,
        "members",
        "repealed",
        "county-policy-party-member-points",
        None,
    ),
    "policy-reading-party-member-points": (
        "中共云溪县委组织部",
        "",
        0,
        "members",
        "valid",
        None,
        "county-policy-party-member-points",
    ),
}
