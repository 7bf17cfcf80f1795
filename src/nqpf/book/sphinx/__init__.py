"""The book's Sphinx extension (listed in ``_config.yml`` as ``nqpf.book.sphinx``).

One module per concern, each saying which upstream issue it works around:

* :mod:`~nqpf.book.sphinx.cache` — a jupyter-cache that knows about data;
* :mod:`~nqpf.book.sphinx.assets` — offline MathJax 3 for the widgets, de-duplicated scripts;
* :mod:`~nqpf.book.sphinx.downloads` — the data folder as a zip beside the pages;
* :mod:`~nqpf.book.sphinx.buttons` — header buttons only when a real repository is named;
* :mod:`~nqpf.book.sphinx.i18n` — the Chinese edition: glue in translated prose, a language switch.

It also serves the book's stylesheet (``static/nqpf.css``) and names, in the build log, the data
folder the build reads (a stray ``NQPF_ROOT`` would otherwise swap the data silently).
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.util import logging

from ...paths import BUILD_ENV, describe_root
from . import a11y, assets, buttons, cache, downloads, i18n, phone_nav, search

STATIC = Path(__file__).with_name("static")
logger = logging.getLogger(__name__)


def _announce(app):
    logger.info(f"[nqpf] {describe_root()}")
    app.config.html_static_path.append(str(STATIC))


def setup(app):
    # the kernels this build starts know they run in the book (nqpf.book.page.in_book_build)
    os.environ[BUILD_ENV] = "1"
    buttons.setup(app)
    cache.setup(app)
    assets.setup(app)
    phone_nav.setup(app)
    search.setup(app)
    a11y.setup(app)
    downloads.setup(app)
    i18n.setup(app)
    app.connect("builder-inited", _announce)
    app.add_css_file("nqpf.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
