"""What every executable page of the book calls: its first cell's set-up and its last cell's record.

* :func:`setup` (first cell) applies the figure theme, evaluates the page's claims, computes the
  page's facts (:mod:`nqpf.book.facts`) and glues them all in one call. Opened in JupyterLab rather than
  built by the book, it also shows the facts as a compact table, so a researcher sees every number the
  prose cites (the prose's ``{glue:text}`` roles only render in the built book).
* :func:`record` (last cell) emits the page's inputs (the data files it read and the ``nqpf`` modules it
  imported, with their hashes) as a hidden output, so that the data-aware cache
  (:mod:`nqpf.book.sphinx.cache`) re-executes the page exactly when one changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd

from .. import engine, l10n, provenance
from ..evidence import Context
from ..paths import BUILD_ENV
from . import cards, chapters, facts, labels, register


def in_book_build() -> bool:
    """Whether the page runs inside the book's build (not in JupyterLab or a plain kernel)."""
    return os.environ.get(BUILD_ENV) == "1"


@dataclass
class Page:
    """A page's context, verdicts and facts, as :func:`setup` made them."""

    stem: str
    context: Context
    card: pd.DataFrame
    facts: facts.Facts

    def verdicts(self) -> l10n.Bilingual:
        """The page's claims as claim cards (an output in both languages)."""
        caption = {"en": "The verdict on every claim of this chapter", "zh": "本章每条论断的核查结论"}
        ordered = engine.by_importance(self.card)
        return l10n.Bilingual.of(lambda lang: cards.claim_table(ordered, lang, caption=caption[lang]))

    def claims(self, card: pd.DataFrame | None = None, compact: bool = False, caption: str = "") -> l10n.Bilingual:
        """Some claims (default: all of the page's) as claim cards, or as a compact list of links (both languages;
        ``caption`` in English, translated through :mod:`nqpf.l10n`)."""
        shown = self.card if card is None else card

        def make(lang: str) -> str:
            if compact:
                return cards.claim_list(shown, lang)
            return cards.claim_table(shown, lang, caption=l10n.text(caption, lang))

        return l10n.Bilingual.of(make)

    def sources(self) -> l10n.Bilingual:
        """The pages this page's verdicts rest on, most authoritative first (both languages)."""
        return l10n.Bilingual.of(lambda lang: cards.source_list(self.card, lang))

    def summary(self) -> l10n.Bilingual:
        """The page's verdicts as one stacked bar (both languages)."""
        if self.stem in chapters.CHAPTERS:
            caption = {"en": "Verdicts of this chapter", "zh": "本章核查结论"}
        else:
            caption = {"en": "Verdicts on every claim of the report", "zh": "报告全部论断的核查结论"}
        counts = engine.verdict_counts(self.card)
        return l10n.Bilingual.of(lambda lang: cards.summary_bar(counts, lang, caption[lang]))


def setup(stem: str, theme: bool | None = None) -> Page:
    """The first cell of a page: theme, the page's verdicts, its facts glued in one call.

    A chapter evaluates the claims of its own section (so only the data its checks read become its inputs) and
    applies the figure theme (``theme``: default for chapters only, which draw); the book's own pages take the
    whole register from the build's shared artifact (:mod:`nqpf.book.register`)."""
    if chapters.CHAPTERS.get(stem) if theme is None else theme:
        from ..figures.theme import set_theme

        set_theme()
    own_files = chapters.CHAPTERS[stem].statistics if stem in chapters.CHAPTERS else None
    context = Context(statistics=own_files)
    if stem in chapters.CHAPTERS:
        card, own = facts.chapter_card(stem, context), chapters.CHAPTERS[stem]
    else:
        card, own = register.load(), chapters.PAGES.get(stem)
    found = facts.compute(context, card, own)
    found.glue()
    if not in_book_build():
        found.show()
    return Page(stem, context, card, found)


def record():
    """Emit the page's inputs as a hidden output (the last cell of every executable page), with the generated texts
    the Chinese catalogue lacks (``untranslated``: ``tools/i18n.py`` collects them, and its strict check in the
    tests fails on them) and every template the page used (``translated``)."""
    from IPython.display import display

    inputs = provenance.inputs() | {"untranslated": list(l10n.MISSING), "translated": list(l10n.USED)}
    display({provenance.MIME: inputs, "text/plain": "nqpf provenance record"}, raw=True)


__all__ = ["BUILD_ENV", "Page", "in_book_build", "labels", "record", "setup"]
