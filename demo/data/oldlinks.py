"""The fictional previous 云溪党建网 (an ASP and DedeCMS site): a few of its addresses and where they lead now.

Written for this project; the addresses follow the shapes such old county sites had, no real site's.
"""

# (old address as the old CMS exported it, new path); "article:<column slug>" is that column's newest article.
REDIRECTS = [
    ("http://www.yxdj.gov.cn/news/show.asp?id=1024", "article:party-news"),
    ("http://www.yxdj.gov.cn/Article/ShowClass.asp?ClassID=3", "/columns/notices/"),
    ("/xzfc/yuanmen.html", "/townships/yuanmen/"),
    ("/plus/list.php?tid=12", "/initiatives/"),
    ("/%D0%C2%CE%C5/index.html", "/columns/news/"),  # /新闻/index.html, sent as GBK bytes
]

# 最近的404: (address, hits, days since first seen, referrer)
NOT_FOUND = [
    ("/html/2018/0612/1533.html", 37, 20, "https://www.baidu.com/link?url=yx2018"),
    ("/dwgk/zzjg.asp", 9, 6, ""),
    ("/plus/view.php?aid=731", 4, 2, "http://www.yxdj.gov.cn/plus/list.php?tid=9"),
]
