"""The Chinese edition: a twin of every page, linked both ways, in Chinese, with the same numbers; nothing
untranslated or stale in its catalogues."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ \-][A-Za-z]{2,}){3,}")  # four English words in a row
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class Article(HTMLParser):
    """The text of a page's article, by block (paragraph, heading, list item, caption, table cell), without code,
    hidden text (the other edition's spans, a widget's hidden parts) or the report's own quotes."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "figcaption", "caption", "th", "td", "summary", "dt", "dd"})
    SKIP = frozenset({"pre", "code", "script", "style", "svg", "math", "mjx-container"})

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside += 1
        hidden = (
            tag in self.SKIP
            or attrs.get("lang") == "en"  # marked English: the other edition's half, a cited title, a name
            or "nqpf-live-only" in (attrs.get("class") or "")
            or (attrs.get("lang", "").startswith("zh") and tag != "html")  # the report's words, marked as Chinese
            or "nqpf-lang-switch" in (attrs.get("class") or "")
        )
        if tag not in ("br", "img", "meta", "link", "input", "hr", "wbr"):
            self.stack.append((tag, hidden))
            if hidden:
                self.skip += 1
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
        while self.stack:
            name, hidden = self.stack.pop()
            if hidden:
                self.skip -= 1
            if name == tag:
                break
        if tag == "article":
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.current.append(data)

    def _flush(self):
        text = " ".join(" ".join(self.current).split())  # pieces from separate elements never run together
        if text:
            self.blocks.append(text)
        self.current = []


def article(path) -> list[str]:
    parser = Article()
    parser.feed(path.read_text(encoding="utf-8"))
    parser._flush()
    return parser.blocks


def english_pages(site):
    skip = {"genindex.html", "search.html", "index.html"}
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in ("zh", "_static", "_sources", "jupyter_execute", "_images")
        and p.name not in skip
    )


def test_the_catalogues_have_nothing_untranslated_or_stale():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check", "--strict"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.build
def test_every_english_page_has_a_chinese_twin_and_they_link_each_other(built_book):
    pages = english_pages(built_book)
    assert len(pages) >= 14
    for name in pages:
        twin = built_book / "zh" / name
        assert twin.is_file(), f"no Chinese twin of {name}"
        english, chinese = (built_book / name).read_text("utf-8"), twin.read_text("utf-8")
        depth = "../" * name.count("/")
        assert f'href="{depth}zh/{name}" hreflang="zh-CN"' in english, name
        assert f'href="{depth}../{name}" hreflang="en"' in chinese, name
        assert re.search(r'<html lang="en"', english) and re.search(r'<html lang="zh-CN"', chinese), name


@pytest.mark.build
def test_the_chinese_pages_prose_is_chinese(built_book):
    english_blocks = []
    for name in english_pages(built_book):
        for block in article(built_book / "zh" / name):
            stripped = re.sub(r"https?://\S+|\S+\.(?:csv|md|py|yml|txt|json|cff|toml)\b|\b\w+(?:[._]\w+)+\b", "", block)
            if ENGLISH_RUN.search(stripped) and not CJK.search(stripped):
                english_blocks.append(f"{name}: {block[:120]}")
    assert english_blocks == [], "\n".join(english_blocks[:40])


@pytest.mark.build
def test_every_number_on_an_english_page_is_on_its_chinese_twin(built_book):
    missing = []
    for name in english_pages(built_book):
        english = set(NUMBER.findall(" ".join(article(built_book / name))))
        chinese_text = (built_book / "zh" / name).read_text("utf-8")
        chinese = set(NUMBER.findall(re.sub(r"<[^>]+>", " ", chinese_text)))
        lost = sorted(english - chinese)
        if lost:
            missing.append(f"{name}: {', '.join(lost[:15])}")
    assert missing == [], "\n".join(missing)


@pytest.mark.build
def test_the_chinese_search_finds_the_reports_terms(built_book):
    import json

    text = (built_book / "zh" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"]
    for term in ("再贷款", "新质生产力", "科技型中小企业", "获贷率"):
        assert term in terms, term


@pytest.mark.build
def test_the_chinese_edition_has_its_own_pdf(built_book):
    pdf = built_book / "zh" / "nqpf-book.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 500_000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "核查结论" in text and "新质生产力" in text and "信贷在我国融资结构中占比" in text


@pytest.mark.build
def test_every_generated_text_of_the_built_book_is_in_the_catalogue(built_book):
    project = built_book.parents[1]
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check", "--strict", str(project)],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert result.returncode == 0, result.stdout[-3000:]
