"""Text that Python makes, in the Chinese edition: one execution, both languages in every output.

The prose is translated by Sphinx from the pages' gettext catalogues (``locale/zh_CN/LC_MESSAGES``). What the
notebooks generate — a verdict's reason, a table's caption and headers, a glued date, a widget's label — is
translated here, from one more catalogue, ``locale/zh_CN/generated.po``, whose messages are *templates*: the
numbers, dates, file paths, identifiers and Chinese quotes of a text are replaced by ``{0}``, ``{1}`` … (see
:func:`template`), so a data edit that changes a number does not make its translation stale, and a translator
sees one message for every sentence of the same shape.

Every output a page shows carries both languages (:class:`Bilingual`: ``text/html`` for the English edition and
:data:`ZH_MIME` for the Chinese), so the notebooks execute once and each edition picks its own
(:mod:`nqpf.book.sphinx.i18n`). Inside a widget, where each edition cannot choose a MIME type, both are shown
as ``lang``-tagged spans and the book's stylesheet hides the other (:func:`spans`).

A text without a translation is shown in English and remembered (:data:`MISSING`); each page's last cell
reports them (:func:`nqpf.book.page.record`), and the build fails listing them (``tools/i18n.py`` adds them to
the catalogue for translation).
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from . import provenance
from .paths import root

ZH_MIME = "text/vnd.nqpf.zh+html"
CATALOGUE = Path("locale") / "zh_CN" / "generated.po"

_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》…·"
TOKEN = re.compile(
    # a Chinese run (a quote, kept as it is): it may start with figures (1.2万亿元) and end with full-width
    # punctuation or digits (图表3), never with an ASCII comma or stop, which belong to the English sentence
    rf"[{_CJK}\d.,%\-]*[\u3400-\u9fff](?:[{_CJK}\d%（）：；、]*[\u3400-\u9fff{_CJK}\d%）])?"
    r"|\d{4}-\d{2}-\d{2}"  # an ISO date
    r"|https?://\S+"  # a URL
    r"|(?<![\w)\]])/[\w.\-]+(?:/[\w.\-]+)*/?"  # an absolute path: /usr/lib/python3
    r"|(?:[\w\-]+/)+[\w\-]+\.[A-Za-z]{2,5}\b|(?:[\w\-]+/){2,}"  # a path: data/official/x.csv, data/official/
    r"|\b[a-z][a-z0-9_]+(?:\.[a-z][a-z0-9_]{2,})+\b"  # a dotted id: credit.tech_loans, nqpf.engine
    r"|\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b"  # a snake_case id
    r"|(?:(?<![A-Za-z\d])[+\-−])?(?<![\d.,])\d(?:[\d,]*\d)?(?:\.\d+)?%?"  # a number (not end-2024's hyphen, not a trailing comma)
    r"|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])"  # a quoted string (not an apostrophe: the report's, loans')
)
PLACEHOLDER = re.compile(r"\{(\d+)\}")
LETTERS = re.compile(r"[A-Za-z]{2,}")

#: texts asked for in Chinese that the catalogue lacks (their templates), in the order met
MISSING: dict[str, None] = {}
#: every template asked for, translated or not (a catalogue entry no page asks for is obsolete)
USED: dict[str, None] = {}
_cache: dict[str, object] = {"mtime": None, "messages": {}}


def template(text: str) -> tuple[str, list[str]]:
    """A text as its template and the values taken out: ``'3 of 5 headings'`` → ``('{0} of {1} headings', ['3', '5'])``."""
    values: list[str] = []

    def take(match: re.Match) -> str:
        values.append(match.group(0))
        return "{" + str(len(values) - 1) + "}"

    return TOKEN.sub(take, text), values


def needs_translation(text: str) -> bool:
    """Whether a text has English words once its numbers, ids and quotes are taken out."""
    return bool(LETTERS.search(template(text)[0]))


def catalogue_path() -> Path:
    return root() / CATALOGUE


def messages() -> dict[str, str]:
    """The catalogue's translated templates (msgid → msgstr), re-read when the file changes."""
    import polib

    path = catalogue_path()
    if not path.is_file():
        return {}
    mtime = path.stat().st_mtime_ns
    if _cache["mtime"] != mtime:
        po = polib.pofile(str(path))
        _cache["messages"] = {e.msgid: e.msgstr for e in po if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}
        _cache["mtime"] = mtime
    provenance.note_file(path)
    return _cache["messages"]  # type: ignore[return-value]


def zh(text: str) -> str:
    """The Chinese of a generated English text (the text itself when it has no English words, or no translation
    yet: then it is remembered in :data:`MISSING`)."""
    if not text or not needs_translation(text):
        return text
    pattern, values = template(text)
    USED.setdefault(pattern)
    translated = messages().get(pattern)
    if translated is None:
        MISSING.setdefault(pattern)
        return text
    return PLACEHOLDER.sub(
        lambda m: values[int(m.group(1))] if int(m.group(1)) < len(values) else m.group(0), translated
    )


def text(value: str, lang: str) -> str:
    """A generated text in ``lang`` (``en`` or ``zh``)."""
    return zh(value) if lang == "zh" else value


class Bilingual:
    """An output in both languages: ``text/html`` (English) and :data:`ZH_MIME` (Chinese); each edition renders
    its own (:mod:`nqpf.book.sphinx.i18n`), JupyterLab shows the English."""

    def __init__(self, en: str, zh: str, plain: str = ""):
        self.en, self.zh, self.plain = en, zh, plain

    @classmethod
    def of(cls, make) -> Bilingual:
        """``make(lang)`` for both languages."""
        return cls(make("en"), make("zh"))

    def _repr_mimebundle_(self, include=None, exclude=None):
        plain = self.plain or re.sub(r"<[^>]+>", "", self.en)[:500]
        return {"text/html": self.en, ZH_MIME: self.zh, "text/plain": plain}


def spans(en: str, zh_text: str | None = None, escape: bool = True) -> str:
    """Both languages as ``lang``-tagged spans (inside a widget): the stylesheet hides the other edition's."""
    zh_text = zh(en) if zh_text is None else zh_text
    if escape:
        en, zh_text = html_lib.escape(en), html_lib.escape(zh_text)
    if zh_text == en:
        return en
    return f'<span class="nqpf-l10n" lang="en">{en}</span><span class="nqpf-l10n" lang="zh-CN">{zh_text}</span>'


__all__ = ["CATALOGUE", "MISSING", "ZH_MIME", "Bilingual", "spans", "template", "text", "zh"]
