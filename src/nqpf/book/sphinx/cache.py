"""A cache that knows about data.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code only
(jupyter-book#1010, jupyter-cache#45): edit a data file and a cached build shows the old numbers.
Before Sphinx decides what to re-read, this module opens the cache, reads each cached notebook's
provenance record (:mod:`nqpf.provenance`: the hashes of the data files it read and the ``nqpf``
modules it imported), and for every notebook whose inputs changed removes its cache record and
marks the page outdated. Exactly those notebooks execute again.
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

    from ...provenance import find_record, stale_inputs

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


def setup(app):
    app.connect("env-get-outdated", _outdated_by_inputs)
