"""Accessible names and states the themes leave out (found by axe-core, see tests/test_browser.py).

* ``label-content-name-mismatch``: pydata-sphinx-theme's search field is a button labelled
  "Search" that shows "Search Ctrl+K"; its colour-mode button's Font Awesome icons become
  ``<svg role="img"><title>Light</title>`` inside a button labelled "Color mode"; sphinx-togglebutton
  labels a ``<summary>`` showing "Show code cell source" as "Toggle hidden content". Icons inside a
  labelled control are marked ``aria-hidden`` (they are decoration: the label names the control),
  and a label that does not contain the visible words gives way to them (the name is the text).
  The colour-mode button says which mode it is in ("Color mode: dark").
* ipywidgets' toggle buttons mark the chosen one only with a class (``mod-active``); they now
  expose ``aria-pressed``.
* ``aria-input-field-name``: the handle of an ipywidgets slider (noUiSlider) has no name; it takes its
  widget's visible label.
* ``scrollable-region-focusable``: an output that scrolls sideways can be reached by keyboard
  (``tabindex="0"``).

One small script, re-run when the page changes (Font Awesome and the widget manager draw late).
"""

from __future__ import annotations

A11Y_FIXES = """
(function () {
  function words(text) { return (text || "").replace(/\\s+/g, " ").trim().toLowerCase(); }
  function fix() {
    document.querySelectorAll("button[aria-label], a[aria-label], summary[aria-label]").forEach(function (el) {
      el.querySelectorAll("svg, i.fa, i[class*='fa-'], .fa-solid, .fab, .fas").forEach(function (icon) {
        if (icon.getAttribute("aria-hidden") !== "true") { icon.setAttribute("aria-hidden", "true"); }
      });
      var visible = words(el.innerText), label = words(el.getAttribute("aria-label"));
      if (visible && label.indexOf(visible) === -1) { el.removeAttribute("aria-label"); }
    });
    var mode = document.documentElement.dataset.mode;
    document.querySelectorAll(".theme-switch-button").forEach(function (b) {
      var name = "Color mode" + (mode ? ": " + (mode === "auto" ? "system settings" : mode) : "");
      if (b.getAttribute("aria-label") !== name) { b.setAttribute("aria-label", name); }
    });
    document.querySelectorAll(".widget-toggle-buttons button").forEach(function (b) {
      var pressed = b.classList.contains("mod-active") ? "true" : "false";
      if (b.getAttribute("aria-pressed") !== pressed) { b.setAttribute("aria-pressed", pressed); }
    });
    document.querySelectorAll(".widget-hslider").forEach(function (box) {
      var label = box.querySelector(".widget-label"), handle = box.querySelector(".noUi-handle");
      var name = label ? words(label.innerText) : "";
      if (handle && name && handle.getAttribute("aria-label") !== name) { handle.setAttribute("aria-label", name); }
    });
    document.querySelectorAll(".bd-article div.cell_output, .bd-article div.output, .bd-article pre").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        var style = getComputedStyle(el);
        if (/(auto|scroll)/.test(style.overflowX)) { el.setAttribute("tabindex", "0"); }
      }
    });
  }
  var queued = false;
  function later() {
    if (!queued) { queued = true; requestAnimationFrame(function () { queued = false; fix(); }); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    fix();
    new MutationObserver(later).observe(document.documentElement,
      {subtree: true, childList: true, attributes: true, attributeFilter: ["class", "data-mode"]});
    window.addEventListener("load", later);
    window.addEventListener("resize", later);
  });
})();
"""


def setup(app):
    app.add_js_file(None, body=A11Y_FIXES)
