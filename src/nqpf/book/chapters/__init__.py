"""Each chapter's own facts: one module per chapter, one function per module, listed here explicitly.

A function ``facts(context, card, out)`` adds to ``out`` (a :class:`nqpf.book.facts.Facts`) every number
and generated sentence its chapter's prose cites, computed from the analysis layer; the chapter's first
cell glues them in one call (:func:`nqpf.book.page.setup`).

The registry names each function by module and is resolved when a page calls it: a page imports its own
chapter's module only, so it neither pays for nor depends on the other chapters' code (their figures and
widgets), and the data-aware cache re-executes it only when code it imported changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ChapterFacts:
    """The facts function ``module.function`` of this package, imported on first call."""

    module: str
    function: str = "facts"
    #: the statistics files the chapter shows (``data/official/<name>.csv``); None: every one. A chapter reads
    #: only these, so an edit to another file does not re-execute it (tests/test_cache.py).
    statistics: tuple[str, ...] | None = None

    def __call__(self, context, card, out) -> None:
        return getattr(importlib.import_module(f"{__name__}.{self.module}"), self.function)(context, card, out)


#: notebook stem → the function adding its facts
CHAPTERS = {
    "1-1_concept_and_timeline": ChapterFacts("concept", statistics=()),
    "1-2_industry_scope": ChapterFacts("industries", statistics=()),
    "2-1_relending_and_capital_markets": ChapterFacts("relending", statistics=("relending",)),
    "2-2_local_practice_and_pilot_zones": ChapterFacts("local", statistics=()),
    "3-1_tech_firm_loans": ChapterFacts("loans", statistics=("tech_loans",)),
    "3-2_financing_structure": ChapterFacts("structure", statistics=("tsf_stock",)),
    "3-3_recommendations": ChapterFacts("conclusions"),
}

#: the book's own pages (book/*.md): they show the whole register, with the whole-book facts
PAGES = dict.fromkeys(("intro", "scorecard", "data", "bibliography", "reproducibility"), ChapterFacts("pages"))
PAGES["changes"] = ChapterFacts("pages", "change_facts")
