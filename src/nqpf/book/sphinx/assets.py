"""Front-end fixes for the static, offline book.

* ipywidgets' HTML manager typesets widget text with the MathJax 2 API (``MathJax.Hub.Queue``,
  ipywidgets#2253); the book serves MathJax 3, which has no ``Hub``, so on a page with both math
  and widgets every widget threw. A two-line bridge maps ``Hub.Queue`` to ``typesetPromise``.
* Jupyter Book 1 loads MathJax and the widget manager on every page; each is dropped from pages that do not
  use it.
* Jupyter Book 1 loads sphinx-thebe, which can register its inline configuration script twice;
  the second copy throws "Identifier 'THEBE_JS_URL' has already been declared" in the browser.
  Scripts are de-duplicated on every page.
"""

from __future__ import annotations


def _has_math(doctree) -> bool:
    from docutils import nodes

    return doctree is not None and any(
        True for _ in doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))
    )


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    # MathJax and the widget manager (large downloads) only on pages that use them: Jupyter Book loads both
    # on every page
    keep_math = _has_math(doctree)
    keep_widgets = "application/vnd.jupyter.widget" in str(context.get("body", ""))
    for script in context.get("script_files", []):
        # an inline script is registered once with filename None and once with "": same script
        key = (str(script.filename or ""), tuple(sorted((k, str(v)) for k, v in script.attributes.items())))
        if not keep_math and "mathjax" in key[0].lower():
            continue
        if not keep_widgets and ("html-manager" in key[0] or "require.js" in key[0] or "requirejs" in key[0]):
            continue
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


MATHJAX2_BRIDGE = """
window.MathJax = window.MathJax || {};
(function (config) {
  function queue(job) {
    var mj = window.MathJax, element = job && job[2];
    if (mj && mj.typesetPromise) { mj.typesetPromise(element ? [element] : undefined).catch(function () {}); }
  }
  config.Hub = {Queue: queue};
  config.startup = Object.assign({}, config.startup, {ready: function () {
    window.MathJax.startup.defaultReady();
    window.MathJax.Hub = {Queue: queue};
  }});
})(window.MathJax);
"""


def _bridge_mathjax2_api(app, pagename, templatename, context, doctree):
    if any("mathjax" in str(script.filename or "") for script in context.get("script_files", [])):
        app.add_js_file(None, body=MATHJAX2_BRIDGE, priority=501)  # after Sphinx's window.MathJax config


def setup(app):
    app.connect("html-page-context", _bridge_mathjax2_api, priority=800)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
