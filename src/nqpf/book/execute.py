"""Execute the book's changed pages in parallel, into the execution cache, before Sphinx reads them.

Jupyter Book executes the notebooks one after another while Sphinx reads them. The build (``make book``, via
``tools/build_book.py``) runs this step first instead:

1. the shared register is brought up to date (:func:`nqpf.book.register.refresh`), so that the pages showing
   every verdict load it rather than evaluate it;
2. the cache records whose recorded inputs changed are dropped (:func:`nqpf.book.sphinx.cache.stale_notebooks`);
3. every page of ``_toc.yml`` that has no cache record for its current code is executed, on as many worker
   processes as the machine has cores, with the very function myst-nb uses
   (:func:`jupyter_cache.executors.utils.single_nb_execution`), and cached under the path myst-nb looks for.

Sphinx then finds every page in the cache and executes nothing; the extension re-reads a page whose cache
record is newer than its last reading (:mod:`nqpf.book.sphinx.cache`). The Chinese edition reads the same
records, so a second language executes nothing either. A notebook's outputs do not depend on which worker ran
it or in what order: each runs in a kernel of its own, from the same inputs.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..paths import BUILD_ENV
from . import register

TIMEOUT = 300


@dataclass
class Report:
    """What :func:`prepare` did: the pages executed (with seconds), the ones taken from the cache, why some
    records were dropped, and the failures (page: message)."""

    executed: dict[str, float] = field(default_factory=dict)
    cached: list[str] = field(default_factory=list)
    dropped: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    register_evaluated: bool = False
    wall: float = 0.0


def toc_pages(project: Path) -> list[Path]:
    """The executable pages of the book, in the order of ``_toc.yml``."""
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries) -> None:  # parts, chapters and sections, however deep the table of contents goes
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            for key in ("parts", "chapters", "sections"):
                walk(entry.get(key))

    walk([toc])
    return [project / f"{name}.md" for name in names if (project / f"{name}.md").is_file()]


def cache_dir(project: Path) -> Path:
    return project / "_build" / ".jupyter_cache"


def _run(path: str) -> tuple[str, str, float, str | None]:
    """Execute one page as myst-nb would (a worker process): its path, the executed notebook, seconds, error."""
    import jupytext
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    notebook = jupytext.read(path)
    result = single_nb_execution(notebook, cwd=str(Path(path).parent), timeout=TIMEOUT, allow_errors=False)
    error = None
    if result.err is not None:
        error = f"{type(result.err).__name__}: {str(result.err).strip().splitlines()[-1][:300]}"
    return path, nbformat.writes(result.nb), result.time, error


def prepare(project: Path, jobs: int | None = None) -> Report:
    """Bring the execution cache up to date for every page, executing the missing ones ``jobs`` at a time."""
    import jupytext
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    from .sphinx.cache import stale_notebooks

    os.environ[BUILD_ENV] = "1"
    report = Report(register_evaluated=register.refresh())
    report.dropped = stale_notebooks(cache_dir(project), project)
    cache = get_cache(str(cache_dir(project)))
    todo = []
    for path in toc_pages(project):
        try:
            cache.match_cache_notebook(jupytext.read(path))
            report.cached.append(str(path.relative_to(project)))
        except KeyError:
            todo.append(str(path))
    timings_file = register.folder() / "execution-seconds.json"
    timings = json.loads(timings_file.read_text()) if timings_file.is_file() else {}
    # the longest first (as the last build measured them), so that no worker is left with a long page at the end
    todo.sort(key=lambda path: -timings.get(str(Path(path).relative_to(project)), 0.0))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for path, text, seconds, error in pool.map(_run, todo):
            name = str(Path(path).relative_to(project))
            if error:
                report.failed[name] = error
                continue
            cache.cache_notebook_bundle(
                CacheBundleIn(nbformat.reads(text, as_version=4), path, data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )
            report.executed[name] = seconds
    report.wall = time.perf_counter() - start
    if report.executed:
        timings_file.parent.mkdir(parents=True, exist_ok=True)
        timings_file.write_text(json.dumps(timings | report.executed, indent=1, sort_keys=True))
    return report


__all__ = ["Report", "cache_dir", "prepare", "toc_pages"]
