"""Sidebar toggles that work (pydata-sphinx-theme#2451).

sphinx-book-theme 1.3 draws its own sidebar toggles in the article header, but pydata-sphinx-theme
0.17 (which opens the navigation ``<dialog>`` on a phone) and sphinx-book-theme (which hides the
sidebar on a wide screen) both bind ``document.querySelector(".primary-toggle")`` /
``".secondary-toggle"``: the *first* such button, the one in pydata's own header, which the book
theme never shows. Tapping the visible toggle only showed its tooltip.

The fix forwards a click on every other toggle to the first one, so both themes' handlers run as
designed (the dialog on a phone, the collapsed sidebar on a wide screen), and keeps
``aria-expanded`` on the visible toggles in step with what they show.
"""

from __future__ import annotations

TOGGLE_FORWARD = """
document.addEventListener("DOMContentLoaded", function () {
  function wire(kind, sidebarId) {
    var all = document.querySelectorAll("." + kind + "-toggle");
    var first = all[0], sidebar = document.getElementById(sidebarId);
    var modal = document.getElementById(sidebarId + "-modal");
    if (!first || all.length < 2) { return; }
    function shown() {
      if (modal && modal.open) { return true; }
      return !!sidebar && sidebar.offsetParent !== null && !sidebar.classList.contains("pst-sidebar-hidden");
    }
    function sync() {
      all.forEach(function (b) { b.setAttribute("aria-expanded", shown() ? "true" : "false"); });
    }
    all.forEach(function (button, i) {
      if (sidebar) { button.setAttribute("aria-controls", sidebarId); }
      if (i === 0) { return; }
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        if (window.bootstrap && bootstrap.Tooltip) {
          var tip = bootstrap.Tooltip.getInstance(button);
          if (tip) { tip.hide(); }
        }
        first.click();
        sync();
      });
    });
    if (modal) { modal.addEventListener("close", sync); }
    window.addEventListener("resize", sync);
    sync();
  }
  wire("primary", "pst-primary-sidebar");
  wire("secondary", "pst-secondary-sidebar");
});
"""


def setup(app):
    app.add_js_file(None, body=TOGGLE_FORWARD)
