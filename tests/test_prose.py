"""The prose of every page: verdicts and numbers are glued, never typed; quotations are the report's words.

A verdict written by hand goes stale the day the data change, and so does a number. These tests read the
markdown of every page (through jupytext), remove what is glued or quoted or code, and look for what is left.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, read_notebook
from nqpf import data

PAGES = sorted([*ROOT.glob("notebooks/*.md"), *ROOT.glob("book/*.md")])

#: the verdict labels, as a reader would type them
VERDICT_WORDS = re.compile(
    r"\b(reproduced|within precision|depends on (?:the )?definition|differs|consistent \(report only\)|"
    r"inconsistent|not checkable|does not hold)\b",
    re.IGNORECASE,
)

GLUE = re.compile(r"\{glue(?::\w+)?\}`[^`]+`")
ROLE = re.compile(r"\{(?:numref|ref|doc|download|term|eq)\}`[^`]+`")
CODE_SPAN = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)
# Chinese runs are the report's (or an official text's) own words, quoted inline, digits and all
CHINESE_RUN = re.compile(
    r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》（）\d.%]*[\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》（）\d.%]*"
)
# numbers that are names, not data: years, chapter and report section numbers, figure numbers
ALLOWED_NUMBER = re.compile(r"^(?:(?:19|20)\d\d(?:s|–\d\d)?|\d-\d|[1-9])$")


def _without_quotations(text: str) -> str:
    """Drop block quotations (the report's words and their glosses): a ``>`` line and its lazy continuations."""
    out, quoting = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            quoting = True
        elif not line.strip():
            quoting = False
        if not quoting:
            out.append(line)
    return "\n".join(out)


def prose(path, quotations: bool = True) -> str:
    """The page's markdown cells without fenced blocks, glue, roles, code, math, link targets and comments
    (and without block quotations unless ``quotations``)."""
    notebook = read_notebook(path)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    if not quotations:
        text = _without_quotations(text)
    text = re.sub(r"^(```|:::).*?^\1\s*$", "", text, flags=re.MULTILINE | re.DOTALL)
    for pattern in (HTML_COMMENT, MATH, GLUE, ROLE, CODE_SPAN, LINK_TARGET):
        text = pattern.sub(" ", text)
    return text


def quotation_lines(path) -> list[str]:
    """The lines of the page that quote the report (``> `` lines), without the English glosses."""
    notebook = read_notebook(path)
    lines = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            body = line.removeprefix(">").strip().split(" — ")[0].strip()
            chinese, latin = len(re.findall(r"[\u4e00-\u9fff]", body)), len(re.findall(r"[A-Za-z]", body))
            if line.startswith(">") and chinese > latin and not body.startswith("*"):  # not an English gloss
                lines.append(body)
    return lines


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_no_page_types_a_verdict(path):
    text = prose(path)
    found = [m.group(0) for m in VERDICT_WORDS.finditer(text)]
    assert found == [], f"{path.name} types the verdict word(s) {found}; glue v_<claim> or why_<claim> instead"


@pytest.mark.parametrize("path", [p for p in PAGES if p.parent.name == "notebooks"], ids=lambda p: p.stem)
def test_no_chapter_types_a_number_about_the_data(path):
    text = CHINESE_RUN.sub(" ", prose(path, quotations=False))
    numbers = [n for n in re.findall(r"\d[\d,.]*%?", text) if not ALLOWED_NUMBER.match(n.rstrip(".,"))]
    assert numbers == [], f"{path.name} types the number(s) {numbers[:12]}; glue them as facts"


@pytest.mark.parametrize("path", [p for p in PAGES if p.parent.name == "notebooks"], ids=lambda p: p.stem)
def test_every_quotation_of_the_report_is_its_exact_words(path):
    quotes = quotation_lines(path)
    assert quotes, f"{path.name} quotes nothing of the report"
    wrong = [q for q in quotes if not data.in_report(re.sub(r"[*_]", "", q))]
    assert wrong == [], f"{path.name}: not the report's words: {wrong}"


def test_the_scan_catches_a_typed_verdict_and_a_typed_number(tmp_path):
    page = tmp_path / "x.md"
    page.write_text(
        "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n---\n\n"
        "# 9-9 A page\n\nThe quota is reproduced at 5000 yuan, as in {glue}`v_quota` and `8300多亿元`.\n",
        encoding="utf-8",
    )
    assert VERDICT_WORDS.findall(prose(page)) == ["reproduced"]
    text = CHINESE_RUN.sub(" ", prose(page))
    assert [n for n in re.findall(r"\d[\d,.]*%?", text) if not ALLOWED_NUMBER.match(n.rstrip(".,"))] == ["5000"]
