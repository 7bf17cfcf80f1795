"""The facts of chapter 2-1 on the measures beside the relending tool (report section 二（一）).

:func:`batches` (the innovation-points batches), :func:`nfra` (the NFRA's guidance and the five major
articles) and :func:`csrc` (the CSRC's STAR Market measures, 图表5 and Wu Qing's speech) each add their
facts to a :class:`~nqpf.book.facts.Facts`; :func:`nqpf.book.chapters.relending.facts` calls them last,
in that order, after the facts on the tool itself.
"""

from __future__ import annotations

import pandas as pd

from ...analysis import relending
from ...evidence import Context
from ..facts import Facts, row_ref
from .relending_tables import FIVE_ARTICLES, NFRA_WORDING, STAR, _excerpt, _publisher


def batches(context: Context, out: Facts) -> None:
    """The innovation-points batches: firms, banks and the dates of the first report."""
    firms = context.official_row("sti_2024_first_batch_firms")
    banks = context.official_row("sti_2024_first_batch_banks")
    second = context.official_row("sti_2024_second_batch_firms")
    second_firms = float(second["value"]) * 1e4  # 万家
    out.add(
        "batch1_firms",
        float(firms["value"]),
        "{:,.0f}",
        about="firms in the first batch (近: nearly)",
        claim="relending.first_batch_firms",
    )
    out.add(
        "batch1_banks",
        float(banks["value"]),
        "{:.0f}",
        about="banks the list was pushed to",
        claim="relending.first_batch_banks",
    )
    out.add(
        "batch2_firms",
        second_firms,
        "{:,.0f}",
        about="firms under the second evaluation (余: over)",
        claim="relending.second_batch_firms",
    )
    out.add("batch_ratio", second_firms / float(firms["value"]), "{:.0f}", about="second batch over the first")
    out.add(
        "firms_per_bank", float(firms["value"]) / float(banks["value"]), "{:,.0f}", about="first-batch firms per bank"
    )
    event = context.event("innovation_points_first_batch")
    out.add(
        "batch_date",
        event["date"].isoformat(),
        about="the first report of the batches",
        row=row_ref(event, context),
    )
    out.add(
        "batch_row_date",
        firms["period_end"].isoformat(),
        about="the date data/official/relending.csv gives",
        row=row_ref(firms, context),
    )
    out.add("batch_publisher", _publisher(context, firms["source"]), about="the page the batch figures are read from")


def nfra(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """The NFRA's guidance and the official list of the five major articles."""
    event = context.event("nfra_five_articles_guidance_2024")
    out.add(
        "nfra_publisher",
        _publisher(context, event["source"]),
        about="the only page dating the guidance",
        row=row_ref(event, context),
    )
    articles = context.official_list(FIVE_ARTICLES)
    out.add(
        "n_articles",
        len(articles),
        about="items of the official list of the five major articles",
        claim="nfra.five_articles_count",
    )
    out.add("articles", "、".join(articles["item_zh"]), about="the five major articles as the list gives them")
    out.add("articles_en", ", ".join(articles["item_en"]), about="the same in English")
    first = articles.iloc[0]
    out.add(
        "articles_publisher",
        _publisher(context, first["source"]),
        about="the page the list is read from",
        row=row_ref(first, context),
    )
    out.add("articles_date", str(context.source(first["source"])["page_date"]), about="the date of that page")
    out.add("n_nfra_wording", len(NFRA_WORDING), about="the report's sentences on the NFRA's words")


def csrc(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """The CSRC's STAR Market measures (their headings, 图表5) and Wu Qing's speech at the Lujiazui Forum."""
    report = context.table("star_market_measures")
    outside = context.official_list(STAR)
    compared = relending.headings_compared(report, outside)
    boxes = relending.boxes_found(context.claim("csrc.fig5_boxes")["quote_zh"], list(compared["report"]))
    out.add("n_measures", len(report), about="measures in the report's list", claim="csrc.star_measures_count")
    out.add("n_outside_measures", len(outside), about="measures in the outside list")
    out.add(
        "n_headings_same",
        int(compared["same"].sum()),
        about="headings with the same words in both",
        claim="csrc.measures_wording",
    )
    out.add("n_boxes", sum(boxes), about="headings of the text that are boxes of 图表5", claim="csrc.fig5_boxes")
    out.add(
        "list_publisher",
        _publisher(context, outside.iloc[0]["source"]),
        about="the page the outside list is from",
        row=row_ref(outside.iloc[0], context),
    )
    excerpt = _excerpt(context, STAR, 2)
    out.add(
        "hard_tech_publisher",
        _publisher(context, excerpt["source"]),
        about="the page with measure 1's sentence",
        row=row_ref(excerpt, context),
    )
    out.add(
        "star_date",
        context.event(STAR)["date"].isoformat(),
        about="the CSRC's release",
        row=row_ref(context.event(STAR), context),
    )
    forum = context.event("lujiazui_forum_2024")
    out.add(
        "lujiazui_date",
        forum["date"].isoformat(),
        about="the opening of the 2024 Lujiazui Forum",
        row=row_ref(forum, context),
    )
    priorities = card.set_index("id").loc["csrc.wu_qing_priorities_count", "replicated"]
    out.add(
        "n_priorities",
        int(priorities),
        about="priorities 一是…三是 in the report's text",
        claim="csrc.wu_qing_priorities_count",
    )
    speech = context.excerpts("wu_qing_lujiazui_2024").iloc[0]
    out.add(
        "speech_publisher",
        _publisher(context, speech["source"]),
        about="the report of the speech found",
        row=row_ref(speech, context),
    )
