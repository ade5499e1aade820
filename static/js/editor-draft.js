/* The article form keeps what was typed: a warning before leaving with unsaved changes, and a copy in this
   browser's localStorage (per person and article, or per new/imported form) offered back after a crash or a
   closed tab. The copy remembers the revision it was typed on: restoring it onto an article someone has
   saved since keeps that old base revision, so the server refuses the save and shows both versions instead
   of overwriting theirs. A successful save (the next page says so) removes the copy. */
(function () {
  var PREFIX = "dangjian.draft.";
  var SUBMITTED = "dangjian.draft.submitted";
  var NOT_CONTENT = ["csrfmiddlewaretoken", "base_revision", "seen_revision", "overwrite", "imported_from"];
  var storage = null;
  try { storage = window.localStorage; storage.getItem(PREFIX); } catch (error) { storage = null; }

  // Listen before django-prose-editor's module scripts run: its ready event may fire before DOMContentLoaded.
  var readyEditors = [], editorListeners = [];
  document.addEventListener("prose-editor:ready", function (event) {
    readyEditors.push(event.detail);
    editorListeners.forEach(function (listener) { listener(event.detail); });
  });

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function when(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // The page after a save: the server's success message means the copy is stored and the local one can go.
  function forgetSavedDraft() {
    var key;
    try { key = sessionStorage.getItem(SUBMITTED); sessionStorage.removeItem(SUBMITTED); } catch (error) { return; }
    if (key && storage && document.querySelector(".message--success") && !document.querySelector("form[data-draft-key]")) {
      storage.removeItem(key);
    }
  }

  function wire(form) {
    var key = PREFIX + form.getAttribute("data-draft-key");
    var revision = form.querySelector("input[name=base_revision]");
    var editor = null, initial = null, submitting = false, timer = null;
    var rejected = !!document.querySelector(".conflict, .form-errors");

    function state() {
      var data = {};
      new FormData(form).forEach(function (value, name) {
        if (typeof value !== "string" || NOT_CONTENT.indexOf(name) >= 0) return;
        (data[name] = data[name] || []).push(value);
      });
      if (editor) data.body = [editor.isEmpty ? "" : editor.getHTML()];
      return JSON.stringify(data);
    }
    function dirty() { return initial !== null && state() !== initial; }
    function store() {
      window.clearTimeout(timer);
      if (!storage || initial === null || loggingOut) return;
      if (!dirty()) { storage.removeItem(key); return; }
      var draft = { savedAt: Date.now(), revision: revision ? revision.value : "", fields: JSON.parse(state()) };
      try { storage.setItem(key, JSON.stringify(draft)); } catch (error) { /* full or private mode: the warning still works */ }
    }

    function restore(draft) {
      var fields = draft.fields;
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || !(field.name in fields) || field.name === "body" || field.type === "file") return;
        var values = fields[field.name];
        if (field.type === "checkbox" || field.type === "radio") field.checked = values.indexOf(field.value) >= 0;
        else if (field.tagName === "SELECT") {
          Array.prototype.forEach.call(field.options, function (option) { option.selected = values.indexOf(option.value) >= 0; });
        } else field.value = values[0];
      });
      // Unticked boxes are absent from the draft: untick them too.
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
        if (!(box.name in fields)) box.checked = false;
      });
      if (editor && fields.body) editor.commands.setContent(fields.body[0], { emitUpdate: true });
      // Typed on an older revision: keep that one as the base, so the server refuses to overwrite the newer.
      if (revision && draft.revision) revision.value = draft.revision;
    }

    function offer(draft) {
      var moved = revision && draft.revision && draft.revision !== revision.value;
      var box = el("section", { "class": "draft-offer", role: "alert", "aria-labelledby": "draft-offer-title" });
      box.appendChild(el("h2", { id: "draft-offer-title" }, "发现未保存的本地草稿，恢复？"));
      var title = draft.fields.title && draft.fields.title[0] ? "（标题：" + draft.fields.title[0] + "）" : "";
      box.appendChild(el("p", {}, "本浏览器在 " + when(draft.savedAt) + " 自动保存了这份稿件未保存的内容" + title + "。"));
      if (moved) {
        box.appendChild(el("p", { "class": "draft-offer__moved" },
          "注意：这份本地草稿基于较早的版本，服务器上的稿件此后已被修改。恢复后点“保存”时，系统会拒绝覆盖并列出双方差异，请合并后再保存。"));
      }
      var yes = el("button", { type: "button", "class": "button" }, "恢复本地草稿");
      var no = el("button", { type: "button", "class": "button button--plain" }, "丢弃本地草稿");
      box.appendChild(yes);
      box.appendChild(document.createTextNode(" "));
      box.appendChild(no);
      yes.addEventListener("click", function () {
        restore(draft);
        box.replaceChildren(el("p", { role: "status" }, "已恢复本地草稿，请核对后保存。"));
        store();
      });
      no.addEventListener("click", function () {
        if (storage) storage.removeItem(key);
        box.remove();
      });
      form.parentNode.insertBefore(box, form);
    }

    function ready() {
      var current = state();
      // A refused save (errors, or a newer version on the server) shows typed text that is still unsaved.
      initial = rejected ? "" : current;
      var saved = null;
      try { saved = storage && JSON.parse(storage.getItem(key) || "null"); } catch (error) { saved = null; }
      if (saved && saved.fields && JSON.stringify(saved.fields) !== current) offer(saved);
      else if (saved && !rejected) storage.removeItem(key);
      else if (rejected) store();
    }

    function onEditor(detail) {
      if (editor || !form.contains(detail.textarea)) return;
      editor = detail.editor;
      ready();
    }
    readyEditors.forEach(onEditor);
    editorListeners.push(onEditor);
    form.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(store, 400); });
    form.addEventListener("change", store);
    form.addEventListener("submit", function () {
      submitting = true;
      store();  // if the save fails on the way, the copy is still here
      try { sessionStorage.setItem(SUBMITTED, key); } catch (error) { /* the copy stays until discarded */ }
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || !dirty()) return;
      store();
      event.preventDefault();
      event.returnValue = "";  // the browser shows its own "leave this page?" question
    });
    window.addEventListener("pagehide", store);
  }

  // Logging out on a shared office computer leaves no unsaved text behind for the next person to read.
  // While the logout goes through nothing is stored; if the person stays after the leave question, it resumes.
  var loggingOut = false;
  function forgetAll() {
    if (!storage) return;
    Object.keys(storage).forEach(function (key) { if (key.indexOf(PREFIX) === 0) storage.removeItem(key); });
  }
  function forgetOnLogout(form) {
    form.addEventListener("submit", function () {
      loggingOut = true;
      forgetAll();
      window.setTimeout(function () { loggingOut = false; }, 5000);
    });
  }
  window.addEventListener("pagehide", function () { if (loggingOut) forgetAll(); });

  document.addEventListener("DOMContentLoaded", function () {
    forgetSavedDraft();
    document.querySelectorAll("form[data-logout]").forEach(forgetOnLogout);
    document.querySelectorAll("form[data-draft-key]").forEach(wire);
  });
})();
