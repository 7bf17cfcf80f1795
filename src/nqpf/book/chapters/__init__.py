"""Each chapter's own facts: one module per chapter, one function per module, listed here explicitly.

A function ``facts(context, card, out)`` adds to ``out`` (a :class:`nqpf.book.facts.Facts`) every number
and generated sentence its chapter's prose cites, computed from the analysis layer; the chapter's first
cell glues them in one call (:func:`nqpf.book.page.setup`).
"""

from __future__ import annotations

from . import concept, conclusions, industries, loans, local, pages, relending, structure

#: notebook stem → the function adding its facts
CHAPTERS = {
    "1-1_concept_and_timeline": concept.facts,
    "1-2_industry_scope": industries.facts,
    "2-1_relending_and_capital_markets": relending.facts,
    "2-2_local_practice_and_pilot_zones": local.facts,
    "3-1_tech_firm_loans": loans.facts,
    "3-2_financing_structure": structure.facts,
    "3-3_recommendations": conclusions.facts,
}

#: the book's own pages (book/*.md): they show the whole register, with the whole-book facts
PAGES = dict.fromkeys(("intro", "scorecard", "data", "bibliography", "reproducibility"), pages.facts)
PAGES["changes"] = pages.change_facts
