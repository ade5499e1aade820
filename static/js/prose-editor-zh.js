/* Chinese labels for django-prose-editor's dialogs: the editor calls window.gettext when it exists. */
(function () {
  var zh = {
    "Add caption": "添加图注", "Alternative Text": "图片说明", "Browse...": "浏览……", "Bullets": "圆点",
    "Cancel": "取消", "Caption": "图注", "Columns": "列数", "Decimal numbers": "阿拉伯数字",
    "Edit Figure": "编辑图片", "Edit HTML": "编辑 HTML", "Edit Image": "编辑图片", "Edit Link": "编辑链接",
    "Image URL": "图片地址", "Include header row": "包含表头行", "Insert Figure": "插入图片",
    "Insert Table": "插入表格", "Insert": "插入", "List properties": "列表属性", "List type": "列表类型",
    "Lowercase Roman numerals": "小写罗马数字", "Lowercase letters": "小写字母", "Open in new window": "在新窗口打开",
    "Prettify": "整理格式", "Remove caption": "删除图注", "Rows": "行数", "Start at": "起始编号",
    "Table Properties": "表格属性", "Title": "标题", "Toggle fullscreen": "全屏", "URL": "网址", "Update": "更新",
    "Uppercase Roman numerals": "大写罗马数字", "Uppercase letters": "大写字母"
  };
  if (!window.gettext) window.gettext = function (text) { return zh[text] || text; };
})();
