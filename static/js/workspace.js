/* Workspace: upload a picture from the editor's page and insert it, with its caption, into the editor. */
(function () {
  var editor = null;
  // Listen before django-prose-editor's module scripts run: its ready event may fire at once.
  document.addEventListener("prose-editor:ready", function (event) { editor = event.detail.editor; });

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function insertFigure(image) {
    // Width and height reserve the space before the picture loads, so nothing on the page jumps.
    editor.chain().focus().insertContent({
      type: "figure",
      content: [
        { type: "image", attrs: { src: image.url, alt: image.alt, width: image.width, height: image.height } },
        { type: "caption", content: [{ type: "text", text: image.alt }] }
      ]
    }).run();
  }

  function wire(panel) {
    var fileInput = panel.querySelector("[data-upload-file]");
    var altInput = panel.querySelector("[data-upload-alt]");
    var status = panel.querySelector("[data-upload-status]");
    var error = panel.querySelector("[data-upload-error]");
    // Problems go to the alert line (error colour, announced); progress and success to the status line.
    function fail(message) { status.textContent = ""; error.textContent = message; }
    function report(message) { error.textContent = ""; status.textContent = message; }
    panel.querySelector("[data-upload-button]").addEventListener("click", function () {
      if (!fileInput.files.length) { fail("请先选择图片。"); return; }
      if (!altInput.value.trim()) { fail("请填写图片说明。"); altInput.focus(); return; }
      if (!editor) { fail("编辑器尚未加载完成，请稍后再试。"); return; }
      var data = new FormData();
      data.append("file", fileInput.files[0]);
      data.append("alt_text", altInput.value.trim());
      report("正在上传……");
      fetch(panel.getAttribute("data-upload-url"), {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (!result.ok) { fail("上传失败：" + (result.body.error || "未知错误")); return; }
        insertFigure(result.body);
        report("已插入图片：" + result.body.alt);
        fileInput.value = "";
        altInput.value = "";
      }).catch(function () { fail("上传失败：网络错误，请重试。"); });
    });
  }

  // The title's live count (articles/titles.py holds the numbers and the same words): a hint, never a cut.
  function countTitle(input) {
    var advised = parseInt(input.getAttribute("data-advised"), 10);
    var most = parseInt(input.getAttribute("data-max"), 10);
    var counter = document.createElement("p");
    counter.className = "title-counter";
    counter.id = input.id + "_counter";
    input.insertAdjacentElement("afterend", counter);
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    function update() {
      // Characters as a reader counts them (code points), not UTF-16 units.
      var length = Array.from(input.value).length;
      var text = "已输入 " + length + " 字，建议不超过 " + advised + " 字";
      if (length > most) { text += "（最多 " + most + " 字，请删减）"; }
      counter.textContent = text;
      counter.classList.toggle("title-counter--over", length > advised);
    }
    input.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".image-upload").forEach(wire);
    document.querySelectorAll("input[data-title-counter]").forEach(countTitle);
  });
})();

/* 信息公开要素: shown only while the chosen column needs them (without JavaScript they always show). */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var fields = document.querySelector("[data-disclosure-columns]");
    var column = document.getElementById("id_column");
    if (!fields || !column) return;
    var needing = fields.getAttribute("data-disclosure-columns").split(",");
    function update() { fields.hidden = needing.indexOf(column.value) === -1; }
    column.addEventListener("change", update);
    update();
  });
})();
