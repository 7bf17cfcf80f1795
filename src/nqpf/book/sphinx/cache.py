"""A cache that knows about data.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code only
(jupyter-book#1010, jupyter-cache#45): edit a data file and a cached build shows the old numbers.
Before Sphinx decides what to re-read, this module opens the cache, reads each cached notebook's
provenance record (:mod:`nqpf.provenance`: the hashes of the data files it read and the ``nqpf``
modules it imported), and for every notebook whose inputs changed removes its cache record and
marks the page outdated. Exactly those notebooks execute again.

It also marks outdated every page whose cache record is newer than Sphinx's last reading of it: the
pages that :mod:`nqpf.book.execute` executed in parallel before this build started. And it brings the
shared register (:mod:`nqpf.book.register`) up to date first, so that a plain ``jupyter-book build``
judges staleness on the same inputs as ``make book``.
"""

from __future__ import annotations

import datetime as dt
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


def executed_since_read(cache_dir: Path, env) -> list[str]:
    """The documents whose cache record was written after Sphinx last read them (executed ahead of the build)."""
    from jupyter_cache import get_cache

    if not cache_dir.exists():
        return []
    docnames = []
    for record in get_cache(str(cache_dir)).list_cache_records():
        docname = env.path2doc(record.uri)
        created = record.created if record.created.tzinfo else record.created.replace(tzinfo=dt.UTC)
        read = env.all_docs.get(docname) if docname else None  # microseconds since the epoch
        if read is not None and created.timestamp() * 1e6 > read:
            docnames.append(docname)
    return docnames


def _outdated_by_inputs(app, env, added, changed, removed):
    if app.config.nb_execution_mode != "cache":
        return []
    from .. import register

    register.refresh()
    stale = stale_notebooks(_cache_path(app), Path(app.srcdir))
    docnames = []
    for uri, changes in stale.items():
        docname = env.path2doc(uri)
        logger.info(f"[nqpf] inputs changed for {uri}: {', '.join(changes[:5])}; it will execute again")
        if docname:
            docnames.append(docname)
    fresh = [d for d in executed_since_read(_cache_path(app), env) if d not in docnames]
    if fresh:
        logger.info(f"[nqpf] executed ahead of this build, read again: {', '.join(fresh)}")
    return docnames + fresh


def setup(app):
    app.connect("env-get-outdated", _outdated_by_inputs)
