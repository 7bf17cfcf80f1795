"""The Chinese edition from the same sources and the same executions: glue in translated prose, no English
glosses, a language switch on every page.

Sphinx translates a page by replacing each message with its ``msgstr`` from ``locale/zh_CN/LC_MESSAGES``
(sphinx-intl catalogues), parsed on its own. Three things do not work out of the box:

* **Glued values in a translated message.** myst-nb parses the translated text as a fresh document without
  the notebook's glue data, so every ``{glue}`` role in a ``msgstr`` would vanish silently (multilingual books
  are still open requests upstream: jupyter-book#223, sphinx-book-theme#449). :func:`_patch_glue` makes a key
  resolve in the notebook being read instead, and renders an output's Chinese half (:mod:`nqpf.l10n`). A
  translated message keeps the English keys and still shows Chinese generated text (a verdict's label, a date
  written 2024年3月末, a table with Chinese headers), because every glued value carries both languages: one
  execution, each edition rendering its own half.
* **The English glosses** that follow the report's quotes (an italic paragraph after a Chinese one in a block
  quote) are dropped from the Chinese edition and from the message catalogues: the quote stands alone.
* **A switch to the same page in the other language** on every page, with ``hreflang`` links in the head.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ...l10n import ZH_MIME, needs_translation, zh

logger = logging.getLogger(__name__)

#: the Chinese edition's MIME priority: an output's Chinese HTML before anything else (nb_mime_priority_overrides)
ZH_PRIORITY = [("html", ZH_MIME, 0), ("singlehtml", ZH_MIME, 0)]
#: the editions: language code (Sphinx), the path of its site below the English one, its ``lang`` attribute
EDITIONS = {"en": ("", "en", "English"), "zh_CN": ("zh", "zh-CN", "中文")}
CJK = re.compile(r"[\u4e00-\u9fff]")
_CURRENT: dict[str, object] = {"renderer": None}


def is_chinese(language: str | None) -> bool:
    return bool(language) and str(language).lower().startswith("zh")


def _translated(document) -> bool:
    return str(document.get("source", "") or document.current_source or "").endswith("<translated>")


def _patch_glue(app) -> None:
    """Glue roles and directives resolve against the notebook being read, and render an output's Chinese half
    in the Chinese edition."""
    from myst_nb import sphinx_
    from myst_nb.core.variables import RetrievalError, VariableOutput
    from myst_nb.ext.glue import directives, roles, utils

    if getattr(utils, "_nqpf_patched", False):
        return
    chinese = is_chinese(app.config.language)
    load_renderer = sphinx_.load_renderer

    def recording_renderer(name):
        # myst-nb drops the renderer from the document once the notebook is parsed, before Sphinx translates it:
        # keep the last one made (Sphinx reads one document at a time, and translates it right after parsing)
        base = load_renderer(name)

        class Recording(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                _CURRENT["renderer"] = self

            # an output made in both languages (nqpf.l10n.Bilingual): its Chinese HTML is HTML, shown by the
            # Chinese edition only (which puts the type first, ZH_PRIORITY)
            def render_mime_type(self, data):
                if data.mime_type == ZH_MIME:
                    return super().render_mime_type(replace(data, mime_type="text/html")) if chinese else []
                return super().render_mime_type(data)

            def render_mime_type_inline(self, data):
                if data.mime_type == ZH_MIME:
                    return super().render_mime_type_inline(replace(data, mime_type="text/html")) if chinese else []
                return super().render_mime_type_inline(data)

        return Recording

    def retrieve(document, key):
        renderer = document.get("nb_renderer") if not _translated(document) else None
        renderer = renderer or _CURRENT["renderer"]
        if renderer is None:
            raise RetrievalError(f"No key {key!r} found in glue data for this document.")
        glue = renderer.renderer.nb_client.glue_data
        if key not in glue:
            raise RetrievalError(f"No key {key!r} found in glue data for this document.")
        return VariableOutput(
            data=glue[key]["data"], metadata=glue[key].get("metadata", {}), nb_renderer=renderer, vtype="glue"
        )

    sphinx_.load_renderer = recording_renderer
    for module in (utils, roles, directives):
        module.retrieve_glue_data = retrieve
    utils._nqpf_patched = True


def is_gloss(paragraph: nodes.paragraph) -> bool:
    """An English gloss: a block quote's paragraph that is one italic run, right after a Chinese paragraph."""
    if not isinstance(paragraph.parent, nodes.block_quote):
        return False
    children = [c for c in paragraph.children if not (isinstance(c, nodes.Text) and not c.strip())]
    if len(children) != 1 or not isinstance(children[0], nodes.emphasis):
        return False
    index = paragraph.parent.index(paragraph)
    previous = paragraph.parent[index - 1] if index else None
    return isinstance(previous, nodes.paragraph) and len(CJK.findall(previous.astext())) > 5


class DropGlosses(SphinxTransform):
    """Remove the English glosses of the report's quotes, before translation (Sphinx's Locale is 20)."""

    default_priority = 10

    def apply(self, **kwargs) -> None:
        if not (is_chinese(self.config.language) or self.app.builder.name == "gettext"):
            return
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if is_gloss(paragraph):
                paragraph.parent.remove(paragraph)


class TranslateTocCaptions(SphinxTransform):
    """Translate the captions of the parts in the table of contents, which Sphinx extracts but does not replace
    (they come from ``_toc.yml`` through sphinx-external-toc, into the root page's toctrees)."""

    default_priority = 150  # after sphinx-external-toc inserts the toctrees (100), before they are collected (500)

    def apply(self, **kwargs) -> None:
        if not is_chinese(self.config.language):
            return
        from sphinx import addnodes
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        dirs = [str(Path(self.env.srcdir) / d) for d in self.config.locale_dirs]
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        catalog, found = init_locale(dirs, self.config.language, domain)
        if not found:
            return
        for toctree in self.document.findall(addnodes.toctree):
            caption = toctree.get("caption")
            if caption and catalog.gettext(caption) != caption:
                toctree["caption"] = toctree["rawcaption"] = catalog.gettext(caption)


class TranslateOutputs(SphinxTransform):
    """In the Chinese edition, the captions and alt texts that cells attach to their figures (cell metadata, which
    Sphinx's catalogues never see) come from the catalogue of generated text (:mod:`nqpf.l10n`); one without
    a translation is a warning, so the strict build fails and names it."""

    default_priority = 22

    def apply(self, **kwargs) -> None:
        if not is_chinese(self.config.language):
            return
        for caption in self.document.findall(nodes.caption):
            text = caption.astext()
            if needs_translation(text):
                translated = zh(text)
                if translated == text:
                    logger.warning(
                        f"untranslated figure caption (locale/zh_CN/generated.po): {text[:80]!r}", location=caption
                    )
                caption.clear()
                caption += nodes.Text(translated)
        for image in self.document.findall(nodes.image):
            alt = image.get("alt", "")
            if needs_translation(alt):
                translated = zh(alt)
                if translated == alt:
                    logger.warning(f"untranslated alt text (locale/zh_CN/generated.po): {alt[:80]!r}", location=image)
                image["alt"] = translated


def edition(language: str | None) -> tuple[str, str, str]:
    return EDITIONS["zh_CN"] if is_chinese(language) else EDITIONS["en"]


def twin_href(pagename: str, language: str | None) -> str:
    """The same page in the other edition, relative to this page (the Chinese site is ``zh/`` of the English)."""
    up = "../" * pagename.count("/")
    if is_chinese(language):
        return f"{up}../{pagename}.html"
    return f"{up}{EDITIONS['zh_CN'][0]}/{pagename}.html"


def _switch(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or app.builder.name == "singlehtml" or "body" not in context:
        return
    chinese = is_chinese(app.config.language)
    _, own_lang, _ = edition(app.config.language)
    _, other_lang, other_name = EDITIONS["en" if chinese else "zh_CN"]
    href = twin_href(pagename, app.config.language)
    label = "Read this page in English" if chinese else "阅读本页中文版"
    context["body"] = (
        f'<nav class="nqpf-lang-switch" aria-label="{"语言" if chinese else "Language"}">'
        f'<a href="{href}" hreflang="{other_lang}" lang="{other_lang}" title="{label}">{other_name}</a></nav>'
        + context["body"]
    )
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{other_lang}" href="{href}" />'
        f'\n<link rel="alternate" hreflang="{own_lang}" href="{pagename.rsplit("/", 1)[-1]}.html" />'
    )


def setup(app):
    app.connect("builder-inited", _patch_glue)
    app.add_transform(DropGlosses)
    app.add_transform(TranslateTocCaptions)
    app.add_transform(TranslateOutputs)
    app.connect("html-page-context", _switch)
