"""The report's own facts: its dates, its sections and the chapter of the book for each.

One place for what would otherwise be typed in several modules: the year the report was written
in (its "今年"), the day it speaks from ("截至目前"), the quarter of its loan figures, the book's
data cut-off, and the map between the report's sections and the book's chapters, which is read
from ``_toc.yml`` so that the table of contents stays the single list of chapters.

Imports only :mod:`nqpf.paths`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from . import paths

#: the year the report was written in: its 今年 ("this year")
REPORT_YEAR = 2024
#: the day the report speaks from: it cites events of 19 June 2024, so 截至目前 is end of June 2024
REPORT_AS_OF = dt.date(2024, 6, 30)
#: the quarter end of the report's loan and relending balances (截至2024年一季度末)
REPORT_QUARTER = dt.date(2024, 3, 31)
#: the last day this book's data may describe; a later date in data/ is an error
DATA_CUTOFF = dt.date(2026, 11, 30)

#: the report's parts, by the first character of a claim's ``section``
PARTS: dict[str, str] = {
    "导": "Opening 导语",
    "一": "一 Concept and industries 概念和内涵",
    "二": "二 Progress 实践进展",
    "三": "三 What remains 四方面推动",
}


def part_order(section: str) -> tuple[int, str]:
    """Sort key that puts sections in the report's order (导语, 一, 二, 三)."""
    return ("导一二三".find(section[:1]), section)


@dataclass(frozen=True)
class Chapter:
    """A page of the book's table of contents: its path without suffix, its part caption, and its
    stem (``3-2_financing_structure``), which is what ``claims.csv``'s ``notebook`` column names."""

    file: str
    part: str

    @property
    def stem(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    @property
    def is_notebook(self) -> bool:
        return self.file.startswith("notebooks/")


@functools.lru_cache(maxsize=4)
def _toc(path: str) -> tuple[Chapter, ...]:
    import yaml

    with open(path, encoding="utf-8") as fh:
        toc = yaml.safe_load(fh)
    chapters = [Chapter(toc["root"], "")]
    for part in toc.get("parts", []):
        chapters += [Chapter(entry["file"], part.get("caption", "")) for entry in part.get("chapters", [])]
    return tuple(chapters)


def chapters() -> tuple[Chapter, ...]:
    """Every page of ``_toc.yml``, in order. A scratch project folder without a ``_toc.yml`` (a
    copy of ``data/`` alone) uses the book's own: the chapters belong to the book, not to the data."""
    toc = paths.root() / "_toc.yml"
    if not toc.is_file():
        toc = paths.checkout() / "_toc.yml"
    return _toc(str(toc))


def notebooks() -> tuple[str, ...]:
    """The stems of the chapter notebooks (the values ``claims.csv``'s ``notebook`` column may take)."""
    return tuple(c.stem for c in chapters() if c.is_notebook)


def chapter(stem: str) -> Chapter:
    """The chapter of a notebook stem; ``KeyError`` names the known ones."""
    for c in chapters():
        if c.stem == stem:
            return c
    raise KeyError(f"{stem!r} is not a chapter of _toc.yml; chapters: {', '.join(notebooks())}")
