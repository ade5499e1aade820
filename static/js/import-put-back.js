/* Import preview: 「放回正文」 appends a line the importer dropped to the end of the body editor.
   Without JavaScript the buttons stay hidden (.needs-js) and the line can be copied by hand. */
(function () {
  var editor = null;
  // Listen before django-prose-editor's module scripts run: its ready event may fire at once.
  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail.textarea && event.detail.textarea.name === "body") editor = event.detail.editor;
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-put-back]");
    if (!button || !editor) return;
    var text = button.getAttribute("data-put-back");
    var end = editor.state.doc.content.size;
    editor.chain().insertContentAt(end, { type: "paragraph", content: [{ type: "text", text: text }] }).focus("end").run();
    button.disabled = true;
    button.textContent = "已放回正文";
  });
})();
