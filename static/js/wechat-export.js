/* 导出为公众号格式: 复制排版 puts the styled HTML on the clipboard, so the 公众号 editor pastes it as it looks. */
(function () {
  document.querySelectorAll("[data-copy-rich]").forEach(function (button) {
    var preview = document.getElementById(button.getAttribute("data-copy-rich"));
    var status = document.querySelector(".wechat-export__status");
    function done(ok) {
      if (status) status.textContent = ok ? "已复制，请到公众号编辑器的正文处粘贴。" : "复制没有成功：请在预览中全选（Ctrl+A）后复制，或下载 .html 文件。";
    }
    function bySelection() {
      var range = document.createRange();
      range.selectNodeContents(preview);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
      selection.removeAllRanges();
    }
    button.addEventListener("click", function () {
      if (!preview) return;
      var html = preview.innerHTML;
      if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
        var item = new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([preview.innerText], { type: "text/plain" })
        });
        navigator.clipboard.write([item]).then(function () { done(true); }, bySelection);
      } else {
        bySelection();
      }
    });
  });
})();
