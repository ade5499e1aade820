/* Public page behaviour: 字体【大 中 小】 remembered across pages, and 打印. */
(function () {
  var root = document.documentElement;
  var KEY = "dangjian.font";

  function applyFont(size) {
    if (size === "large" || size === "small") root.setAttribute("data-font", size);
    else root.removeAttribute("data-font");
    var current = root.getAttribute("data-font") || "medium";
    document.querySelectorAll("button[data-font]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-font") === current));
    });
  }

  document.querySelectorAll("button[data-font]").forEach(function (button) {
    button.addEventListener("click", function () {
      var size = button.getAttribute("data-font");
      try { window.localStorage.setItem(KEY, size); } catch (e) { /* not remembered */ }
      applyFont(size);
    });
  });
  applyFont(root.getAttribute("data-font"));

  // 无障碍 / 长者模式: larger text and spacing, high contrast, a reading guide; remembered.
  var A11Y_KEY = "dangjian.a11y";
  var guide = null;
  function moveGuide(event) {
    var y = event.touches ? event.touches[0].clientY : event.clientY;
    if (guide) guide.style.top = (y - guide.offsetHeight / 2) + "px";
  }
  function applyModes(modes) {
    ["elder", "contrast", "guide"].forEach(function (mode) {
      root.classList.toggle("a11y-" + mode, modes.indexOf(mode) >= 0);
    });
    document.querySelectorAll("button[data-a11y]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(modes.indexOf(button.getAttribute("data-a11y")) >= 0));
    });
    if (modes.indexOf("guide") >= 0 && !guide) {
      guide = document.createElement("div");
      guide.className = "reading-guide";
      guide.setAttribute("aria-hidden", "true");
      document.body.appendChild(guide);
      document.addEventListener("mousemove", moveGuide);
      document.addEventListener("touchmove", moveGuide, { passive: true });
    } else if (modes.indexOf("guide") < 0 && guide) {
      guide.remove();
      guide = null;
      document.removeEventListener("mousemove", moveGuide);
      document.removeEventListener("touchmove", moveGuide);
    }
  }
  function savedModes() {
    try { return JSON.parse(window.localStorage.getItem(A11Y_KEY) || "[]"); } catch (e) { return []; }
  }
  document.querySelectorAll("button[data-a11y]").forEach(function (button) {
    button.addEventListener("click", function () {
      var mode = button.getAttribute("data-a11y");
      var modes = savedModes().filter(function (m) { return m !== mode; });
      if (button.getAttribute("aria-pressed") !== "true") modes.push(mode);
      try { window.localStorage.setItem(A11Y_KEY, JSON.stringify(modes)); } catch (e) { /* not remembered */ }
      applyModes(modes);
    });
  });
  document.querySelectorAll("[data-a11y-reset]").forEach(function (button) {
    button.addEventListener("click", function () {
      try { window.localStorage.removeItem(A11Y_KEY); window.localStorage.removeItem(KEY); } catch (e) { /* ignore */ }
      applyModes([]);
      applyFont(null);
    });
  });
  applyModes(savedModes());

  // Pages published as static files report their view here and show the live count.
  document.querySelectorAll("[data-hit-url]").forEach(function (counter) {
    if (!window.fetch) return;
    fetch(counter.getAttribute("data-hit-url"), { method: "POST", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && typeof data.views === "number") counter.textContent = data.views; })
      .catch(function () { /* the count simply stays as published */ });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // 分享: 复制链接 with the Clipboard API, else by selecting the field; the field stays for long-press copying.
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-link"));
    var status = button.parentNode.querySelector("[role=status]");
    function done(ok) {
      if (status) status.textContent = ok ? "已复制链接，可以粘贴到微信发给朋友。" : "请长按上面的链接，选择“复制”。";
    }
    function bySelection() {
      field.focus();
      field.select();
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
    }
    button.addEventListener("click", function () {
      if (!field) return;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, bySelection);
      } else {
        bySelection();
      }
    });
  });
})();
