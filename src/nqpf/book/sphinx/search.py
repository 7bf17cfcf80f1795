"""Chinese search that finds the report's terms.

Sphinx's Chinese search (``html_search_language: zh``) cuts every page with jieba's
``cut_for_search`` when it builds the index, but the browser does not run jieba: it keeps a run of
Chinese characters as one query word and looks it up as a whole. A term jieba's own dictionary
does not know as a word, such as 再贷款 (cut 再 + 贷款) or 科技型中小企业, is therefore never in the
index as typed, and searching for it finds nothing.

Sphinx's zh search accepts a jieba user dictionary (``html_search_options = {"dict": path}``).
This module writes one at build time, into the build folder (next to the doctrees, not into the
repository and not into the published HTML), from:

* every Chinese term of the glossary (``data/report/glossary.csv``, ``term_zh``);
* the short quoted terms of the claim register (``data/report/claims.csv``, ``quote_zh``);
* :data:`KEY_TERMS`, the report's key terms that neither file lists as such.

``cut_for_search`` then yields the whole term as well as its parts (科技型中小企业 and 科技型, 中小企业,
企业 …), so the whole and the parts are both found.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from sphinx.util import logging

from ...paths import data_dir

logger = logging.getLogger(__name__)

DICT_NAME = "nqpf-jieba-userdict.txt"
CJK_TERM = re.compile(r"[\u4e00-\u9fff]{2,}")
QUOTED = re.compile(r"[“「\"]([\u4e00-\u9fff]{2,10})[”」\"]")

#: The report's key terms (the words a reader is likely to type), beyond the glossary's.
KEY_TERMS = (
    "新质生产力",
    "再贷款",
    "专项再贷款",
    "科技型中小企业",
    "中小企业",
    "社会融资规模",
    "社会融资规模存量",
    "科创板",
    "试验区",
    "改革试验区",
    "高新技术企业",
    "专精特新",
    "普惠金融",
    "间接融资",
    "直接融资",
    "科创金融",
    "科技金融",
    "绿色金融",
    "数字金融",
    "养老金融",
    "未来产业",
    "新兴产业",
    "战略性新兴产业",
    "耐心资本",
    "全要素生产率",
    "获贷率",
    "首贷",
    "首贷户",
    "信用贷款",
    "中长期贷款",
    "贷款余额",
    "股权融资",
    "股权投资",
    "创业投资",
    "政府投资基金",
    "引导基金",
    "融资担保",
    "创新积分制",
    "数字经济",
    "低空经济",
    "硬科技",
    "现代化产业体系",
    "设备更新",
    "技术改造",
    "产业链",
    "供应链",
    "金融资产投资公司",
    "政府工作报告",
)


def terms(data: Path) -> list[str]:
    """The dictionary's words: glossary, quoted claim terms and :data:`KEY_TERMS`, de-duplicated."""
    found: list[str] = list(KEY_TERMS)
    glossary = data / "report" / "glossary.csv"
    if glossary.is_file():
        with glossary.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                # a term with punctuation (贷款+外部直投, 首台（套）) is searched by its Chinese runs
                found.extend(CJK_TERM.findall(row.get("term_zh") or ""))
    claims = data / "report" / "claims.csv"
    if claims.is_file():
        with claims.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                found.extend(QUOTED.findall(row.get("quote_zh") or ""))
    return list(dict.fromkeys(t for t in found if len(t) >= 2))


def write_dictionary(path: Path, words: list[str]) -> Path:
    """A jieba user dictionary: one word a line (jieba suggests a frequency that keeps it whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{w}\n" for w in words)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _set_dictionary(app, config):
    if not str(config.html_search_language or config.language or "").startswith("zh"):
        return
    options = dict(config.html_search_options or {})
    if options.get("dict"):  # set by hand in _config.yml: keep it
        return
    words = terms(data_dir())
    path = write_dictionary(Path(app.doctreedir).parent / DICT_NAME, words)
    options["dict"] = str(path)
    config.html_search_options = options
    logger.info(f"[nqpf] Chinese search: a jieba user dictionary of {len(words)} terms ({path})")


def setup(app):
    app.connect("config-inited", _set_dictionary)
