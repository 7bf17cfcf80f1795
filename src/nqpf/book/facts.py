"""A chapter's facts: every number and every generated sentence its prose cites, from one function.

Each chapter has one function (in :mod:`nqpf.book.chapters`) that adds its facts (name → :class:`Fact`);
the page's first cell (:func:`nqpf.book.page.setup`) glues them all in one call. On top of the chapter's
own facts, every claim of the chapter contributes its verdict label and its reason in both languages
(``v_<claim>``, glued in both languages, and ``why_<claim>``), so no page ever types a verdict.

A fact that restates a claim links to the claim's card on the scorecard; one that restates a data
row links to the page the row was read from, with a tooltip naming the file and line. Opened in
JupyterLab, :meth:`Facts.show` lists the facts as a table.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import engine, l10n
from ..evidence import Context
from . import cards, labels


@dataclass(frozen=True)
class Fact:
    """One number or sentence a page cites: its value, how it is written (``fmt``), what it is, and where it
    comes from (``claim``: a claim id; ``row``: a data row as ``(file, line, url, publisher)``)."""

    value: Any
    fmt: str = "{}"
    about: str = ""
    claim: str = ""
    row: tuple | None = None
    zh: str = ""  # its Chinese text when the book's labels give it (a verdict's name); else from nqpf.l10n

    @property
    def text(self) -> str:
        if isinstance(self.value, float) and math.isnan(self.value):
            return "n/a"
        return self.fmt.format(self.value)

    def html(self, lang: str = "en") -> str:
        """The fact as the prose shows it in ``lang``: linked to its claim or its data row, with a tooltip."""
        shown = self.zh if lang == "zh" and self.zh else l10n.text(self.text, lang)
        text, about = html.escape(shown), l10n.text(self.about, lang)
        if self.claim:
            tip = html.escape(f"{about} — {labels.word('fact_claim', lang)} {self.claim}".strip(" —"))
            return f'<a class="nqpf-fact" href="{cards.SCORECARD}#claim-{html.escape(self.claim)}" title="{tip}">{text}</a>'
        if self.row:
            file, line, url, publisher = self.row
            where = labels.word("row_read_from", lang).format(
                file=file, line=line, publisher=l10n.text(publisher, lang)
            )
            tip = html.escape(f"{about} — {where}".strip(" —"))
            return f'<a class="nqpf-fact" href="{html.escape(url)}" title="{tip}" rel="noopener">{text}</a>'
        return f'<span class="nqpf-fact" title="{html.escape(about)}">{text}</span>' if self.about else text


@dataclass
class Facts:
    """A chapter's facts, by name (a valid glue key)."""

    items: dict[str, Fact] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Fact:
        return self.items[name]

    def add(
        self,
        name: str,
        value: Any,
        fmt: str = "{}",
        about: str = "",
        claim: str = "",
        row: tuple | None = None,
        zh: str = "",
    ):
        if not name.replace("_", "a").isalnum() or name[0].isdigit():
            raise ValueError(f"fact name {name!r} is not a valid glue key")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = float(value) if isinstance(value, float) else int(value)  # NumPy scalars glue badly
        self.items[name] = Fact(value, fmt, about, claim, row, zh)

    def glue(self) -> None:
        """Glue every fact in both languages (for ``{glue}`name``` in the prose of either edition), in one call."""
        for name, fact in self.items.items():
            glue_value(name, l10n.Bilingual(fact.html("en"), fact.html("zh"), plain=fact.text))

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "name": n,
                    "value": f.text,
                    "about": f.about,
                    "from": f.claim or (f"{f.row[0]}, line {f.row[1]}" if f.row else ""),
                }
                for n, f in self.items.items()
            ]
        )

    def show(self) -> None:
        """In JupyterLab: the facts the prose cites, as a table (the prose's glue roles render only in the book)."""
        from IPython.display import display

        with pd.option_context("display.max_rows", None, "display.max_colwidth", 80):
            display(self.table())


GLUE_PREFIX = "application/papermill.record/"


def glue_value(name: str, value: Any, display: bool = False) -> None:
    """Store ``value``'s display data under ``name`` for the prose's ``{glue}`name``` roles.

    This speaks myst-nb's glue protocol (a display output whose MIME types carry the ``papermill.record`` prefix
    and whose metadata names the key) without importing :mod:`myst_nb`, whose import pulls in nbformat and
    jsonschema's format checkers: about two seconds in every kernel the build starts."""
    from IPython.core.formatters import format_display_data
    from IPython.display import display as show

    bundle, metadata = format_display_data(value)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    show({prefix + mime: data for mime, data in bundle.items()}, raw=True, metadata=metadata)


def key(claim_id: str) -> str:
    """The glue key of a claim: ``relending.credit_leverage`` → ``relending_credit_leverage``."""
    return claim_id.replace(".", "_")


def row_ref(row: pd.Series, context: Context, file: str = "") -> tuple:
    """A data row as (file, line, url, publisher) for a fact's link (the file from the row itself when loaded
    through :mod:`nqpf.data`, which gives every row its ``_file``)."""
    source = context.source(row["source"])
    where = file or row.get("_file") or row.get("file", "")
    return (where, int(row["_line"]), source["url"], source["publisher"])


def chapter_card(stem: str, context: Context) -> pd.DataFrame:
    """The verdicts on the claims of one chapter (only the data those checks read are read)."""
    return engine.scorecard(context, notebook=stem)


def verdict_facts(out: Facts, card: pd.DataFrame) -> None:
    """For every claim: its verdict label (in both languages, from :mod:`nqpf.book.labels`) and its reason."""
    for row in card.to_dict("records"):
        k, verdict = key(row["id"]), str(row["verdict"])
        out.add(
            f"v_{k}",
            labels.verdict(verdict),
            about=row["statement_en"],
            claim=row["id"],
            zh=labels.verdict(verdict, "zh"),
        )
        out.add(f"why_{k}", row["reason"], about="the reason for the verdict")
    counts = engine.verdict_counts(card)
    out.add("n_claims", len(card), about="claims on this page")
    for verdict, n in counts.items():
        out.add(f"n_{verdict}", n, about=f"claims on this page with the verdict {labels.verdict(verdict)}")


ChapterFacts = Callable[[Context, pd.DataFrame, Facts], None]


def compute(context: Context, card: pd.DataFrame, chapter: ChapterFacts | None = None) -> Facts:
    """All the facts of one page: the verdicts of its claims and, if given, the chapter's own facts."""
    out = Facts()
    verdict_facts(out, card)
    if chapter is not None:
        chapter(context, card, out)
    return out
