"""
Shared character classes and label patterns: what every step means by a date, a label, a name.
"""

import re

CJK = "\u4e00-\u9fff"


TERMINAL = "。！？!?；;…”’」』）)"


PINYIN = re.compile(
    rf"(?<=[{CJK}])\s*[（(]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+"
    r"(?:[\s'’-][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)*\s*[)）]"
)


META_LABELS = (
    "发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期|信息来源|稿件来源|文章来源|来源|作者|撰稿人|供稿人|撰稿|"
    "发布人|录入人|录入|审核人|审稿人|"
    "责任编辑|本版责编|责编|编辑|审核|校对|浏览次数|浏览量|预览次数|点击数|点击量|点击次数|阅读数|阅读次数|阅读量|访问量|"
    "字体|字号|打印|关闭|分享|生成日期|(?<![\u4e00-\u9fff])发布"
)


# Labels of 信息公开 metadata tables that say nothing the article keeps (标题 excepted: the headline).
TABLE_LABELS = (
    "索引号|主题分类|信息分类|发文机构|发布机构|发文字号|文号|发文日期|成文日期|生效日期|有效性|内容概述|"
    "公开方式|公开范围|所属主题|标题|名称"
)


# How long a value on the line after its label can be: a category is a word, 内容概述 is never followed by its value
# (what follows it is the headline).
CELL_VALUE_LIMITS = {
    "主题分类": 8,
    "信息分类": 8,
    "有效性": 8,
    "所属主题": 8,
    "公开方式": 8,
    "公开范围": 8,
    "内容概述": 0,
}


CELL_LABEL = re.compile(rf"^(?P<label>{TABLE_LABELS}|{META_LABELS})$")


META_LABEL = re.compile(rf"(?P<label>{META_LABELS})\s*[:：]\s*")


DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*\d{1,2}\s*秒?)?)?"
)


# Two-digit years (25-03-02 09:21) only where a line is already known to be metadata.
SHORT_DATE = re.compile(
    r"(?<![\d/-])(?P<y>\d{2})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/-])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)


SITE_NAME = re.compile(rf"^[{CJK}A-Za-z]{{2,12}}(?:网|报|台|融媒|发布|中心|政府|客户端|频道)$")
# A publisher beside a date: a site as above, or an office ('马坊乡党建办', '远门镇党政办').
PUBLISHER_NAME = re.compile(rf"^[{CJK}]{{2,12}}(?:网|报|台|融媒|发布|中心|政府|客户端|频道|办|办公室|委|局|站)$")
# A site's own name standing where a headline would: '云溪县人民政府门户网站', '云溪新闻网'.
SITE_BANNER = re.compile(
    rf"^[{CJK}A-Za-z]{{2,16}}(?:网|网站|门户|门户网站|日报|晚报|报社|融媒|客户端|频道|之窗|在线|电视台)$"
)


UNKNOWN_LABEL = re.compile(rf"\s+[{CJK}]{{2,6}}\s*[:：]")


BREADCRUMB = re.compile(r"^(您现在的位置|您的位置|当前位置|所在位置|现在位置|位置)\s*[:：]")


SEPARATORS = re.compile(r"\s*(?:>|＞|›|»|→|/|&gt;)\s*")


FURNITURE = re.compile(
    r"【\s*(字体|字号|打印|关闭|收藏|大\s*中\s*小)|^\s*[\[【]?\s*(打印本页|关闭窗口|打印|关闭|返回顶部|返回首页)\s*[\]】]?\s*$|"
    r"^[〔\[【]?(分享到|扫一扫|微信扫一扫|手机扫码|上一篇|下一篇|上一条|下一条|相关附件|附件下载|投稿邮箱|投稿热线|"
    r"标签|关键词|关键字|Tags?|打开APP|下载APP|点击查看更多|阅读原文|相关阅读[:：]|推荐阅读[:：]|延伸阅读[:：]|相关链接[:：]|"
    r"点击蓝字|点击上方|关注我们|长按(识别|扫描)?二维码|长按二维码|预览时标签不可点|图片来源|部分图片来源于网络|"
    r"分享\s*收藏|点赞|在看|转发)[:：]?|^[-—\s]*END[-—\s]*$|^[▼▲↓]+$|"
    r"(ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©|技术支持[:：]|(?:^|\s)(?:主办|承办|协办)(?:单位)?\s*[:：]|\S\s+主办$|"
    r"建议使用.{0,20}浏览器|最佳分辨率|网站访问量)",
    re.IGNORECASE,
)


FOOTER_LINK_WORDS = re.compile(
    r"关于我们|联系我们|网站地图|隐私|法律声明|使用帮助|网站声明|版权声明|设为首页|加入收藏|网站纠错"
)


CONTACT = re.compile(
    r"^(服务热线|热线电话|监督电话|举报电话|咨询电话|联系电话|电话|传真|邮箱|电子邮箱|E-?mail|邮编|地址)\s*[:：]", re.I
)


SIGNATURE = re.compile(r"(委员会|人民政府|政府|党委|党工委|党总支|党支部|支部|办公室|办事处|委|局|办|所|站|队|会)$")


DISCLAIMER = re.compile(
    r"免责声明|本文转自|仅供学习交流|本网转载|转载请注明|版权归原作者|版权归原|如有侵权|不代表本网|仅供参考，|联系删除"
)


RELATED_HEADING = re.compile(
    r"^[【\[]?(推荐阅读|相关阅读|相关新闻|相关文章|相关链接|延伸阅读|热点推荐|热门文章|最新文章|精彩推荐|猜你喜欢|往期回顾|"
    r"往期推荐|往期精彩|热点新闻|图片新闻|今日推荐|热门推荐)[】\]]?[:：]?$"
)


HEADLINE_ITEM = re.compile(
    r"^[-·•●▪◆>※\s\d.、]*[^。！？]{4,60}?\s*[\[(（]?(?:\d{2,4}[-/.])?\d{1,2}[-/.]\d{1,2}[\])）]?$"
)


ORIGINAL_URL = re.compile(r"^(原文链接|阅读原文|原文地址|本文链接|原文网址)\s*[:：]?\s*(?P<url>https?://\S+)")


DATELINE = re.compile(
    rf"^(?P<agency>[{CJK}A-Za-z]{{2,12}}?(?:网|社|台|报|频道|客户端|融媒|新闻))?\s*"
    r"(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:电|讯)\s*[（(](?P<credit>[^（）()]{2,40})[）)]\s*"
)


# '云溪新闻网2月5日讯 ' / '湖南日报消息 ': a lead with no credit in brackets, cut before the first sentence.
BARE_DATELINE = re.compile(
    rf"^(?:(?:本报|本台|本网|本刊|本站)讯|[{CJK}A-Za-z]{{2,10}}?(?:网|报|台|社|风|客户端|融媒|新闻)\s*(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|消息|电)"
    rf"|[{CJK}]{{2,10}}?\d{{1,2}}月\d{{1,2}}日(?:讯|电))[\s　:：]+(?=\S)"
)


HOUSE_DATELINE = re.compile(r"^(?:本报|本台|本网|本刊|本站)讯\s*[（(](?P<credit>[^（）()]{2,40})[）)]\s*")


NAME = rf"[{CJK}·]{{2,5}}"


ROLE_WORDS = re.compile(
    r"本报|本台|本网|报道|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|摄影|摄像|撰稿|作者|文\s*/|图\s*/|文：|图："
)


TRAILING_CREDIT = re.compile(
    rf"[（(]\s*(?:文\s*/\s*|记者\s*|作者[:：]\s*)?(?P<names>{NAME}(?:[\s、，,/]+{NAME})*)\s*[）)]\s*$"
)


# '。（陈晓燕）' closing any paragraph: the reporter of that part (county media put one after each).
INLINE_CREDIT = re.compile(rf"(?<=[。！？”])\s*[（(](?P<names>[{CJK}]{{2,3}}(?:[、\s][{CJK}]{{2,3}})*)[）)]\s*$")


NOT_A_CREDIT = {"完", "待续", "未完", "未完待续", "续完", "图文", "原创", "转载", "上", "中", "下", "全文"}


CLOSING_CREDIT = re.compile(
    rf"^(?:(?:本报|本台|本网)?(?:特约|见习|实习|首席)?(?:记者|通讯员)\s*{NAME}(?:[\s、]+{NAME})*\s*)+(?:报道|采写)?$"
)


DOC_NUMBER = re.compile(rf"^[{CJK}]{{1,10}}[〔\[［(（]\d{{4}}[〕\]］)）]\s*\d{{1,4}}\s*号$")


NAME_LIST = re.compile(rf"^[{CJK}]{{2,3}}(?:[、，,][{CJK}]{{2,3}}){{1,7}}$")


# '新华社记者' alone: a credit whose names were left out.
NAMELESS_CREDIT = re.compile(rf"^(?:本报|本台|本网|[{CJK}]{{2,6}}(?:社|台|网|报))?(?:特约|见习)?(?:记者|通讯员)$")


SUPPLIED_BY = re.compile(r"[（(]\s*(?P<source>[^（）()]{2,30}?)\s*供稿\s*[）)]\s*$")


EDITOR_CREDIT = re.compile(r"[（(【\[]\s*(?:责任编辑|编辑)\s*[:：]\s*(?P<editor>[^）)】\]]{2,10})\s*[）)】\]]\s*$")


BYLINE = re.compile(
    rf"^(?:文\s*/\s*|文[:：]\s*|作者[:：]\s*|记者\s+)(?P<names>{NAME}(?:[\s、，,]+{NAME})*)(?:\s+图\s*/\s*{NAME})?$"
)


SUBHEADING = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]|第[一二三四五六七八九十]+[，、])"
)


SITE_WORDS = re.compile(r"(政府|门户|网站|网|委|部|局|中心|办|县|区|市|镇|乡|街道|新闻|频道|之窗)$")


DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,62}(?:\.[A-Za-z0-9-]{1,62})*"
    r"\.(?:com|cn|net|org|info|cc|top|xyz|vip|site|tv|me|co|club|wang|ink)(?:\.cn)?(?:/[\w./?=&%-]*)?",
    re.IGNORECASE,
)


WATERMARK = re.compile(
    rf"[（(【\[]?\s*(?:来源[:：]|本文来自|转自|转载自|摘自)?\s*[{CJK}A-Za-z]{{0,12}}(?:网|站|资讯|新闻|在线|之窗|频道|平台|门户)?\s*"
    rf"[（(]?\s*{DOMAIN.pattern}\s*[）)]?\s*[）)】\]]?",
    re.IGNORECASE,
)


ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")


SENTENCE_END = re.compile(r"[。！？!?；;…]")


ATTACHMENTS = re.compile(r"^附\s*件\s*[:：]\s*(?P<rest>.*)$")


NUMBERED_ITEM = re.compile(r"(?:^|\s+)\d{1,2}\s*[.．、]\s*")


# '原标题：…': the headline the text had where it was first published.
ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]\s*(?P<title>.{4,80})$")
# A picture's file name left as text where the picture stood.
IMAGE_FILE = re.compile(r"^[\w.-]{4,}\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)
# Photo captions: '图为…', '（图片说明）' in brackets, '… 张伟 摄'.
CAPTION_START = re.compile(r"^(?:图为|图片为|上图|下图|左图|右图|图\s*[:：]|图片\s*[:：]|▲|△)")
CAPTION_END = re.compile(
    rf"(?:\s+|[（(]\s*)(?:记者\s*|通讯员\s*)?[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*\s*摄(?:影)?[）)]?$"
)
# A rule of dashes (a forum signature follows) or a reply's header: the thread goes on, the article ends.
RULE_LINE = re.compile(r"^[-—_=─━*~]{8,}")
REPLY_HEADER = re.compile(r"^(?:沙发|板凳|地板|\d{1,4}\s*楼|#\d{1,4})\b|(?:发表于|回复于)\s*(?:19|20)\d{2}[-/.年]")
# The roles of a credit line ('记者：周敏 编辑：陈红', '一 审：赵 婷'): who wrote it, who edited it, who checked it.
CREDIT_ROLE = re.compile(
    r"(?P<role>特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|作者|撰稿|文字|文|摄影|摄像|图片|图|"
    r"责任编辑|本版责编|责编|编辑|一审|二审|三审|初审|复审|终审|审核|审校|校对|监制|总监制|出品|统筹|策划|制作)"
)

# '来源：互联网': a 来源 that names no source.
NOT_A_SOURCE = {
    "互联网",
    "网络",
    "网友",
    "网络转载",
    "转载",
    "本站",
    "本网",
    "未知",
    "其他",
    "综合",
    "网络整理",
    "综合整理",
}
# A digest that repeats the start of the text: '导读：…' / '导语：…' / '摘要：…'.
DIGEST_LABEL = re.compile(r"^[【\[〔]?(?:导读|导语|摘要|核心提示|内容提要)[】\]〕]?\s*[:：]?\s*")
# The commonest surnames (they cover most people): where a lone two- or three-character word could be a name or
# a button ('周敏' or '打开'), a name starts with one of them.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
    "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
)
# '二〇二五年五月十六日': how a notice's closing date is often written.
CN_DIGITS = "〇零一二三四五六七八九"
CN_DATE = re.compile(
    rf"(?P<y>[{CN_DIGITS}]{{4}})年(?P<m>[一二三四五六七八九十]{{1,3}})月(?P<d>[一二三四五六七八九十]{{1,3}})日"
)
