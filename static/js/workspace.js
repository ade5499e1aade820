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
    panel.querySelector("[data-upload-button]").addEventListener("click", function () {
      if (!fileInput.files.length) { status.textContent = "请先选择图片。"; return; }
      if (!altInput.value.trim()) { status.textContent = "请填写图片说明。"; altInput.focus(); return; }
      if (!editor) { status.textContent = "编辑器尚未加载完成，请稍后再试。"; return; }
      var data = new FormData();
      data.append("file", fileInput.files[0]);
      data.append("alt_text", altInput.value.trim());
      status.textContent = "正在上传……";
      fetch(panel.getAttribute("data-upload-url"), {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (!result.ok) { status.textContent = "上传失败：" + (result.body.error || "未知错误"); return; }
        insertFigure(result.body);
        status.textContent = "已插入图片：" + result.body.alt;
        fileInput.value = "";
        altInput.value = "";
      }).catch(function () { status.textContent = "上传失败：网络错误，请重试。"; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".image-upload").forEach(wire);
  });
})();
