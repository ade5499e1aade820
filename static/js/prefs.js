/* Runs in <head>, before paint: applies the reader's saved text size so pages do not jump. */
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var size = window.localStorage.getItem("dangjian.font");
    if (size === "large" || size === "small") root.setAttribute("data-font", size);
    var modes = JSON.parse(window.localStorage.getItem("dangjian.a11y") || "[]");
    modes.forEach(function (mode) { if (/^[a-z]+$/.test(mode)) root.classList.add("a11y-" + mode); });
  } catch (e) { /* storage blocked: default size */ }
})();
