"""The industry scope of 新质生产力 (report section 一（二）): three lists and a crosswalk.

The report names three lists of industries without saying how they relate:

* the 17 "new industries" (8 emerging + 9 future) of the 2023 new-industry standards programme
  (图表2; ``data/report/new_industries.csv``);
* the 9 domains of the NBS Strategic Emerging Industries Classification (2018)
  (``data/report/sei_domains_2018.csv``);
* the sectors the 2024 Government Work Report names under its first task
  (图表3; ``data/report/gwr2024_named_sectors.csv``).

Which item of one list is the same industry as an item of another is this book's judgement,
recorded row by row with a rationale in ``data/report/industry_crosswalk.csv``. This module
checks that file against the three lists (:func:`check_crosswalk`), measures how far the lists
overlap (:func:`coverage`), and lays the crosswalk out for a heatmap (:func:`presence`,
:func:`nqpf.figures.industries.crosswalk_figure`).

It also sets the report's copies of three official lists (``data/official/lists.csv``) next to the
lists themselves (:func:`report_copies`, :func:`against_official`), and says what the report's wording
adds to or leaves out of the sentence it quotes (:func:`wording_changes`, :func:`wording_table`).
Everything but the figure is a pure function of the tables.
"""

from __future__ import annotations

import difflib
import unicodedata

import pandas as pd
from opencc import OpenCC

from ..data import DataFileError, Problem, squeeze

CROSSWALK_FILE = "data/report/industry_crosswalk.csv"


#: the three lists: key → (bilingual label, crosswalk column, the list's id column, its Chinese name column)
LISTS: dict[str, tuple[str, str, str, str]] = {
    "new_industries": ("new industries 新产业 (2023)", "new_industry_id", "id", "name_zh"),
    "sei_2018": ("SEI domains 战略性新兴产业 (2018)", "sei_domain_id", "id", "name_zh"),
    "gwr_2024": ("sectors named in the GWR 政府工作报告 (2024)", "gwr_sector_zh", "sector_zh", "sector_zh"),
}


def group_counts(new_industries: pd.DataFrame) -> dict[str, int]:
    """How many new industries each group has (``emerging``, ``future``) and in all (``total``)."""
    counts = new_industries["group"].value_counts()
    return {
        "emerging": int(counts.get("emerging", 0)),
        "future": int(counts.get("future", 0)),
        "total": len(new_industries),
    }


def _lists(new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_sectors: pd.DataFrame) -> dict:
    return {"new_industries": new_industries, "sei_2018": sei_domains, "gwr_2024": gwr_sectors}


def check_crosswalk(
    crosswalk: pd.DataFrame, new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_sectors: pd.DataFrame
) -> None:
    """Raise :class:`~nqpf.data.DataFileError` if the crosswalk names an item that is not on its
    list, leaves an item of a list out, or links a row to nothing; each problem names the line."""
    problems: list[Problem] = []
    tables = _lists(new_industries, sei_domains, gwr_sectors)
    for key, (label, column, id_column, _) in LISTS.items():
        known = set(tables[key][id_column])
        for line, value in zip(
            crosswalk["_line"] if "_line" in crosswalk else range(2, len(crosswalk) + 2), crosswalk[column]
        ):
            if isinstance(value, str) and value not in known:
                problems.append(
                    Problem(CROSSWALK_FILE, int(line), column, f"{value!r} is not an item of the list {label}")
                )
        used = set(crosswalk[column].dropna())
        for item in sorted(known - used):
            problems.append(
                Problem(
                    CROSSWALK_FILE, None, column, f"{item!r} of the list {label} appears in no row; add a row for it"
                )
            )
    columns = [c for _, c, _, _ in LISTS.values()]
    empty = crosswalk[columns].isna().all(axis=1)
    for line in crosswalk.loc[empty, "_line"] if "_line" in crosswalk else []:
        problems.append(Problem(CROSSWALK_FILE, int(line), None, "links to no item of any list"))
    if problems:
        raise DataFileError(problems)


def coverage(
    crosswalk: pd.DataFrame, new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_sectors: pd.DataFrame
) -> pd.DataFrame:
    """For every ordered pair of lists: how many items of the first the crosswalk links to some
    item of the second. Tidy: one row per (list, other list) with ``items``, ``linked``, ``percent``."""
    tables = _lists(new_industries, sei_domains, gwr_sectors)
    rows = []
    for key, (_, column, id_column, _) in LISTS.items():
        items = set(tables[key][id_column])
        for other, (_, other_column, _, _) in LISTS.items():
            if other == key:
                continue
            linked = set(crosswalk.loc[crosswalk[column].notna() & crosswalk[other_column].notna(), column])
            n = len(linked & items)
            rows.append(
                {
                    "list": key,
                    "other": other,
                    "items": len(items),
                    "linked": n,
                    "percent": 100.0 * n / len(items) if items else float("nan"),
                }
            )
    return pd.DataFrame(rows)


def in_no_other_list(crosswalk: pd.DataFrame, key: str) -> list[str]:
    """The items of list ``key`` that the crosswalk links to no item of either other list."""
    column = LISTS[key][1]
    others = [LISTS[k][1] for k in LISTS if k != key]
    rows = crosswalk[crosswalk[column].notna()]
    linked = set(rows.loc[rows[others].notna().any(axis=1), column])
    return sorted(set(rows[column]) - linked)


def concept_label(row: pd.Series, names: dict[str, str], uses: dict[str, int] | None = None) -> str:
    """A crosswalk row as a bilingual label: the English concept and the Chinese name of its most
    specific item: the one fewest rows share (``uses``), then the shortest (大数据, not 新一代信息技术)."""
    uses = uses or {}
    items = [row[c] for _, c, _, _ in LISTS.values() if isinstance(row[c], str)]
    if not items:
        return row["concept_en"]
    best = min(items, key=lambda i: (uses.get(i, 1), len(names.get(i, i)), items.index(i)))
    return f"{row['concept_en']} {names.get(best, best)}"


def presence(
    crosswalk: pd.DataFrame, new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_sectors: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The crosswalk as a matrix for a heatmap: rows are its concepts (bilingual labels), columns
    the three lists; 1 where the list has the concept, 0 where not. Returns (matrix, annotations)
    where each annotation is the list's own Chinese name for the item. Column labels carry each
    list's length ("17 new industries …")."""
    tables = _lists(new_industries, sei_domains, gwr_sectors)
    names: dict[str, str] = {}
    for key, (_, _, id_column, name_column) in LISTS.items():
        names.update(dict(zip(tables[key][id_column], tables[key][name_column])))
    uses = pd.concat([crosswalk[c].dropna() for _, c, _, _ in LISTS.values()]).value_counts().to_dict()
    index = [concept_label(row, names, uses) for _, row in crosswalk.iterrows()]
    columns = [f"{len(tables[key])} {label}" for key, (label, _, _, _) in LISTS.items()]
    matrix = pd.DataFrame(0, index=index, columns=columns)
    notes = pd.DataFrame("", index=index, columns=columns)
    for label_row, (_, row) in zip(index, crosswalk.iterrows()):
        for label, (_, column, _, _) in zip(columns, LISTS.values()):
            value = row[column]
            if isinstance(value, str):
                matrix.loc[label_row, label] = 1
                notes.loc[label_row, label] = names.get(value, value)
    return matrix, notes


#: the official lists (``data/official/lists.csv``) the report copies, and how this book names each
OFFICIAL_LISTS: dict[str, str] = {
    "new_industries_2023": "new industries 新产业 (图表2)",
    "sei_domains_2018": "SEI domains 战略性新兴产业 (2018)",
    "gwr_2024_task1_areas": "areas of the GWR's first task 政府工作报告 (图表3)",
}


def report_copies(
    new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_items: pd.DataFrame
) -> dict[str, list[str]]:
    """The report's copy of each official list of :data:`OFFICIAL_LISTS`, in the report's order: 图表2's
    industries (emerging first, as in the official list), the nine domains, and the areas of 图表3 in
    the order they first appear (``gwr2024_items.csv`` in file order)."""
    figure2 = new_industries.sort_values(["group", "order"])["name_zh"]
    domains = sei_domains.sort_values("order")["name_zh"]
    items = gwr_items.sort_values("_line") if "_line" in gwr_items else gwr_items
    return {
        "new_industries_2023": list(figure2),
        "sei_domains_2018": list(domains),
        "gwr_2024_task1_areas": list(dict.fromkeys(items["area_zh"])),
    }


def against_official(official_lists: pd.DataFrame, copies: dict[str, list[str]]) -> pd.DataFrame:
    """Each official list next to the report's copy of it, item for item and in order.

    ``official_lists`` is ``data/official/lists.csv`` (:attr:`nqpf.evidence.Context.lists`), ``copies``
    what :func:`report_copies` gives. Tidy: one row per position of each list, with the official item
    (``official_zh``, ``official_en``; ``position`` is its place in its group), the report's item at the
    same place (``report_zh``, empty when the report's copy is shorter), ``same`` (equal once whitespace
    is removed), and the row's ``source`` and ``data_line`` in ``lists.csv``."""
    rows = []
    for name, mine in copies.items():
        items = official_lists[official_lists["list"] == name].sort_values(["group", "order"]).to_dict("records")
        for i in range(max(len(items), len(mine))):
            item = items[i] if i < len(items) else {}
            report = mine[i] if i < len(mine) else None
            official = item.get("item_zh")
            rows.append(
                {
                    "list": name,
                    "group": item.get("group"),
                    "position": int(item.get("order", i + 1)),
                    "official_zh": official,
                    "official_en": item.get("item_en"),
                    "report_zh": report,
                    "same": bool(official and report and squeeze(official) == squeeze(report)),
                    "source": item.get("source"),
                    "data_line": item.get("_line"),
                }
            )
    return pd.DataFrame(rows)


_SIMPLIFIED = OpenCC("t2s")
_PUNCTUATION = str.maketrans({"、": ",", "。": ".", "“": '"', "”": '"', "《": "<", "》": ">", "─": "-", "—": "-"})


def _plain(text: str) -> str:
    """Wording without typography: no whitespace, half-width punctuation, simplified characters."""
    return _SIMPLIFIED.convert(squeeze(unicodedata.normalize("NFKC", text))).translate(_PUNCTUATION)


def wording_changes(report: str, source: str) -> tuple[str, str]:
    """What the report's words add to the source's sentence, and what they leave out of it.

    The longest run the two share fixes where the report's passage sits in the (longer) source
    sentence; the source's words before and after the passage are context, not omissions. Typography
    (whitespace, full- or half-width punctuation, traditional characters) is not a change. Returns
    ``(added, left_out)``, each the changed characters joined by "…" (empty when there are none);
    ``("", "")`` means word for word.

    >>> wording_changes("加大力推进现代化产业体系建设", "今年提出，大力推进现代化产业体系建设。")
    ('加', '')
    """
    a, b = _plain(report), _plain(source)
    if not a:
        return "", ""
    block = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if block.size == 0:
        return a, ""
    lo = max(0, block.b - block.a)
    window = b[lo : block.b + block.size + (len(a) - block.a - block.size)]
    blocks = [m for m in difflib.SequenceMatcher(None, a, window, autojunk=False).get_matching_blocks() if m.size]
    first, last = blocks[0], blocks[-1]
    added = [a[: first.a]] if first.a else []
    left_out = []
    inner = difflib.SequenceMatcher(
        None, a[first.a : last.a + last.size], window[first.b : last.b + last.size], autojunk=False
    )
    for tag, i1, i2, j1, j2 in inner.get_opcodes():
        if tag in ("replace", "delete"):
            added.append(a[first.a + i1 : first.a + i2])
        if tag in ("replace", "insert"):
            left_out.append(window[first.b + j1 : first.b + j2])
    if last.a + last.size < len(a):
        added.append(a[last.a + last.size :])
    return "…".join(added), "…".join(left_out)


#: the columns of :func:`wording_table`
WORDING_COLUMNS = ["id", "statement", "verdict", "report_words", "source_words", "added", "left_out"]


def wording_table(card: pd.DataFrame) -> pd.DataFrame:
    """The wording comparisons of a scorecard (the claims whose verdict carries ``wording``, the pair
    (the report's words, the source's words)): one row per claim with ``id``, ``statement`` (its
    ``statement_en``), ``verdict``, ``report_words``, ``source_words``, and what the report ``added``
    and ``left_out`` (:func:`wording_changes`)."""
    rows = []
    for row in card.to_dict("records"):
        wording = row.get("wording")
        if not isinstance(wording, (list, tuple)) or len(wording) != 2:
            continue
        added, left_out = wording_changes(*wording)
        rows.append(
            {
                "id": row["id"],
                "statement": row.get("statement_en", ""),
                "verdict": row["verdict"],
                "report_words": wording[0],
                "source_words": wording[1],
                "added": added,
                "left_out": left_out,
            }
        )
    return pd.DataFrame(rows, columns=WORDING_COLUMNS)


def crosswalk_table(
    crosswalk: pd.DataFrame, new_industries: pd.DataFrame, sei_domains: pd.DataFrame, gwr_sectors: pd.DataFrame
) -> pd.DataFrame:
    """The crosswalk with each list's item by its Chinese name (for a download): one row per concept."""
    tables = _lists(new_industries, sei_domains, gwr_sectors)
    out = crosswalk[["id", "concept_en"]].copy()
    for key, (_, column, id_column, name_column) in LISTS.items():
        names = dict(zip(tables[key][id_column], tables[key][name_column]))
        out[key] = crosswalk[column].map(lambda v, names=names: names.get(v, v) if isinstance(v, str) else None)
    out["rationale"] = crosswalk["rationale"]
    return out
