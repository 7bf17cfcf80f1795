"""The words the book's generated text uses, in English and Chinese: verdicts, bases, tiers, headers.

Every label a page shows that Python makes comes from here, so the two editions say the same thing.
"""

from __future__ import annotations

LANGS = ("en", "zh")

VERDICT = {
    "en": {
        "reproduced": "reproduced",
        "within_precision": "within precision",
        "definition_dependent": "depends on definition",
        "differs": "differs",
        "consistent_report_only": "consistent (report only)",
        "inconsistent_report_only": "inconsistent (report only)",
        "not_checkable": "not checkable",
    },
    "zh": {
        "reproduced": "复现",
        "within_precision": "精度内一致",
        "definition_dependent": "取决于口径",
        "differs": "不符",
        "consistent_report_only": "自洽（仅报告内）",
        "inconsistent_report_only": "自相矛盾（仅报告内）",
        "not_checkable": "无法核查",
    },
}

#: one sentence per verdict: what it means (the scorecard's legend)
VERDICT_MEANING = {
    "en": {
        "reproduced": "a source outside the report agrees: the same number, the same words, or a statement that holds "
        "under the reading shown",
        "within_precision": "a source outside the report gives a number inside the interval the report's wording allows "
        "(8300多亿元 is any amount from 8300 up to 8400亿元), or a paraphrase with minor edits only",
        "definition_dependent": "under the headline definition the claim fails, but it holds under another definition the "
        "sources allow; the reason names it",
        "differs": "a source outside the report gives a number outside that interval (the gap is shown), a statement "
        "fails, or a document words it differently",
        "consistent_report_only": "the check rests only on the report's own text and tables, which agree with each other: "
        "nothing outside the report confirms it",
        "inconsistent_report_only": "the report's own text and tables disagree with each other",
        "not_checkable": "no public figure or document this book could read settles it; the reason says what was searched",
    },
    "zh": {
        "reproduced": "报告之外的来源与之一致：数字相同、措辞相同，或在所示理解下成立",
        "within_precision": "报告之外的来源给出的数字落在报告措辞允许的区间内（8300多亿元即8300至8400亿元之间），或仅有细微改动的转述",
        "definition_dependent": "按主口径不成立，但在来源允许的另一口径下成立；理由中写明是哪一口径",
        "differs": "报告之外的来源给出的数字落在该区间之外（显示差距）、表述不成立，或文件措辞不同",
        "consistent_report_only": "核查仅依据报告自身的正文和图表，两者一致；报告之外没有来源证实",
        "inconsistent_report_only": "报告自身的正文与图表相互矛盾",
        "not_checkable": "本书能读到的公开数据或文件都无法判定；理由中写明检索了什么",
    },
}

BASIS = {
    "en": {"source": "vs. source", "arithmetic": "arithmetic", "report": "report only"},
    "zh": {"source": "对照来源", "arithmetic": "推算", "report": "仅报告内"},
}

TIER = {
    "en": {
        "official": "official",
        "official_press": "press of record",
        "media": "media",
        "republication": "republication",
        "": "no source",
    },
    "zh": {"official": "官方", "official_press": "权威媒体", "media": "媒体", "republication": "转载", "": "无来源"},
}

WORDS = {
    "en": {
        "claim": "Claim",
        "verdict": "Verdict",
        "numbers": "Numbers",
        "reported": "reported",
        "range": "range",
        "replicated": "replicated",
        "why": "Why",
        "fact_claim": "claim",
        "cited_by": "Cited by",
        "yes": "yes",
        "no": "no",
        "row_read_from": "{file}, line {line}, read from {publisher}",
        "sources": "Sources",
        "chapter": "chapter",
        "report_words": "report",
        "source_words": "source",
        "alternatives": "other definitions",
        "threshold": "reading",
        "gap": "gap",
        "pp": "pp",
        "days": "days",
        "holds": "holds",
        "fails": "does not hold",
        "section": "Section",
        "all": "all",
        "shown": "{shown} of {total} claims shown",
        "scorecard": "scorecard",
        "inputs": "inputs",
        "no_sources": "the report's own text",
    },
    "zh": {
        "claim": "论断",
        "verdict": "结论",
        "numbers": "数字",
        "reported": "报告",
        "range": "区间",
        "replicated": "复算",
        "why": "理由",
        "fact_claim": "论断",
        "cited_by": "引用此页的论断：",
        "yes": "是",
        "no": "否",
        "row_read_from": "{file} 第{line}行，读自{publisher}",
        "sources": "来源",
        "chapter": "章节",
        "report_words": "报告原文",
        "source_words": "来源原文",
        "alternatives": "其他口径",
        "threshold": "判定标准",
        "gap": "差距",
        "pp": "个百分点",
        "days": "天",
        "holds": "成立",
        "fails": "不成立",
        "section": "部分",
        "all": "全部",
        "shown": "显示{shown}条，共{total}条",
        "scorecard": "核查总表",
        "inputs": "所依据的论断",
        "no_sources": "报告原文",
    },
}


def verdict(name: str, lang: str = "en") -> str:
    """The label of a verdict."""
    return VERDICT[lang][name]


def word(key: str, lang: str = "en") -> str:
    """A word of the generated text."""
    return WORDS[lang][key]
