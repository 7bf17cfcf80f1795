"""A small Sphinx extension for the book (listed in ``_config.yml``).

* **A cache that knows about data.** Jupyter Book's execution cache keys a notebook on its code
  only. Before Sphinx decides what to re-read, this extension opens the cache, reads each cached
  notebook's provenance record (:mod:`nqpf.provenance`: the hashes of the data files it read
  and the ``nqpf`` modules it imported), and for every notebook whose inputs changed removes
  its cache record and marks the page outdated. Exactly those notebooks execute again.
* ipywidgets' HTML manager typesets widget text with the MathJax 2 API (``MathJax.Hub.Queue``);
  the book serves MathJax 3, which has no ``Hub``, so on a page with both math and widgets every
  widget threw. A two-line bridge maps ``Hub.Queue`` to MathJax 3's ``typesetPromise``.
* Jupyter Book 1 loads sphinx-thebe, which can register its inline configuration script twice;
  the second copy throws "Identifier 'THEBE_JS_URL' has already been declared" in the browser.
  Scripts are de-duplicated on every page.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _cache_path(app) -> Path:
    configured = getattr(app.config, "nb_execution_cache_path", "") or ""
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def stale_notebooks(cache_dir: Path, root: Path) -> dict[str, list[str]]:
    """Remove the cache records whose recorded inputs changed; return {notebook path: changes}."""
    from jupyter_cache import get_cache

    from .provenance import find_record, stale_inputs

    if not cache_dir.exists():
        return {}
    cache = get_cache(str(cache_dir))
    stale: dict[str, list[str]] = {}
    for record in cache.list_cache_records():
        try:
            notebook = cache.get_cache_bundle(record.pk).nb
        except Exception:  # an unreadable record is as good as stale
            cache.remove_cache(record.pk)
            stale[record.uri] = ["unreadable cache record"]
            continue
        recorded = find_record(notebook)
        changes = ["no provenance record"] if recorded is None else stale_inputs(recorded, root)
        if changes:
            cache.remove_cache(record.pk)
            stale[record.uri] = changes
    return stale


def _outdated_by_inputs(app, env, added, changed, removed):
    if app.config.nb_execution_mode != "cache":
        return []
    stale = stale_notebooks(_cache_path(app), Path(app.srcdir))
    docnames = []
    for uri, changes in stale.items():
        docname = env.path2doc(uri)
        logger.info(f"[nqpf] inputs changed for {uri}: {', '.join(changes[:5])}; it will execute again")
        if docname:
            docnames.append(docname)
    return docnames


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # an inline script is registered once with filename None and once with "": same script
        key = (str(script.filename or ""), tuple(sorted((k, str(v)) for k, v in script.attributes.items())))
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
    app.connect("env-get-outdated", _outdated_by_inputs)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
