"""Chinese quantities as the report writes them, turned into intervals.

The report writes numbers the way Chinese financial journalism does: ``2.7万亿元``,
``8300多亿元``, ``超过5000万元``, ``近7000家``, ``32万余家``, ``80%以上``, ``八大``,
``六个方面``, ``2023年9月``. A number written to a given precision stands for every value
that rounds to it, and a qualifier moves the interval to one side. This module owns those
rules; :func:`parse_quantity` is the only entry point the claim engine uses.

Rules (documented here because the verdicts depend on them):

* **Precision.** A plain number covers half a unit of its last written digit either side:
  ``2.7`` → [2.65, 2.75); ``5000亿元`` → [4999.5, 5000.5). Counts and durations written as
  integers (``3家``, ``2次``, ``1年``) are exact.
* **多 / 余** (after the number): at least the number, below the next step of its last
  non-zero digit: ``8300多`` → [8300, 8400); ``32万余`` → [32万, 33万).
* **超过 / 超 / 以上 / 逾**: more than (``以上``: at least) the number, no upper bound except
  100 for a percentage.
* **近**: approaching from below, within 10 %: ``近7000`` → [6300, 7000].
* **约**: about, within 5 % either side.
* **不到 / 不足**: below the number, down to zero.
* **多个 / 多家** without a number: at least two.
* **Dates** (``2018``, ``今年``, ``2023年9月``, ``2023年底``, ``6月19日``) become an interval of days;
  a date without a year takes the report's year, 2024.
* **Ordinals** (``三是``, the last of 一是…三是) count the items of a list.

Values are converted to base units: yuan for money, firms/items for counts, percent for
rates, years and hours for durations, days since 0001-01-01 (ordinal) for dates.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from .report import REPORT_YEAR

#: unit as written → (dimension, base unit, multiplier to the base unit)
UNITS: dict[str, tuple[str, str, float]] = {
    "万亿元": ("money", "元", 1e12),
    "亿元": ("money", "元", 1e8),
    "万元": ("money", "元", 1e4),
    "元": ("money", "元", 1.0),
    "%": ("share", "%", 1.0),
    "百分点": ("share", "%", 1.0),
    "万家": ("count", "家", 1e4),
    "家": ("count", "家", 1.0),
    "个": ("count", "个", 1.0),
    "项": ("count", "项", 1.0),
    "条": ("count", "条", 1.0),
    "次": ("count", "次", 1.0),
    "大": ("count", "个", 1.0),
    "个方面": ("count", "个", 1.0),
    "大方面": ("count", "个", 1.0),
    "大行动": ("count", "个", 1.0),
    "大领域": ("count", "个", 1.0),
    "方面": ("count", "个", 1.0),
    "要素": ("count", "个", 1.0),
    "篇": ("count", "个", 1.0),
    "种": ("count", "个", 1.0),
    "是": ("count", "个", 1.0),  # 一是…三是: the last ordinal of a list counts its items
    "年": ("duration", "年", 1.0),
    "小时": ("duration", "小时", 1.0),
    "date": ("date", "date", 1.0),
}

#: units a data file may use (the keys above minus the grammatical ones)
_GRAMMATICAL = {"大", "个方面", "大方面", "大行动", "大领域", "方面", "要素", "篇", "种", "是"}
DATA_UNITS = frozenset(u for u in UNITS if u not in _GRAMMATICAL and u != "date") | {"text", "date"}

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


class QuantityError(ValueError):
    """A reported quantity that this module cannot read."""


@dataclass(frozen=True)
class Quantity:
    """A reported quantity as an interval in base units.

    ``low``/``high`` bound the values the written number stands for; ``low_closed`` and
    ``high_closed`` say whether each end belongs to it. ``value`` is the number as written,
    in base units; ``unit`` is the unit as written (``亿元``), ``base_unit`` the unit of
    ``low``/``high``/``value``.
    """

    reported: str
    value: float
    low: float
    high: float
    unit: str
    base_unit: str
    dimension: str
    qualifier: str = ""
    low_closed: bool = True
    high_closed: bool = False

    @property
    def scale(self) -> float:
        """Multiplier from the written unit to the base unit."""
        return UNITS[self.unit][2] if self.unit in UNITS else 1.0

    @property
    def is_exact(self) -> bool:
        """True when the report states the number without a qualifier."""
        return not self.qualifier

    def contains(self, x: float) -> bool:
        """Whether a value in base units lies in the interval."""
        above = x >= self.low if self.low_closed else x > self.low
        below = x <= self.high if self.high_closed else x < self.high
        return above and below

    def in_unit(self, x: float) -> float:
        """Convert a base-unit value to the written unit."""
        return x / self.scale


def chinese_numeral(text: str) -> int:
    """Read a Chinese numeral below 10 000 (``八``, ``十二``, ``二十``, ``两``)."""
    if not text:
        raise QuantityError("empty numeral")
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in "十百千":
            place = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * place
            current = 0
        else:
            raise QuantityError(f"{text!r} is not a Chinese numeral")
    return total + current


def _last_digit_step(number: str) -> Decimal:
    """The place value of the last written digit: ``2.7`` → 0.1, ``5000`` → 1."""
    if "." in number:
        return Decimal(1).scaleb(-len(number.split(".")[1]))
    return Decimal(1)


def _last_nonzero_step(number: str) -> Decimal:
    """The place value of the last non-zero digit of an integer: ``8300`` → 100."""
    if "." in number:
        return _last_digit_step(number)
    stripped = number.rstrip("0")
    return Decimal(10) ** (len(number) - len(stripped)) if stripped else Decimal(1)


_NUMBER = r"(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
_PREFIX = r"(?P<pre>超过|超|逾|近|约|不到|不足|达)?"
_SUFFIX_Q = r"(?P<suf>多|余)?"
_UNIT = r"(?P<unit>万亿元|亿元|万元|元|%|百分点|万家|家|个方面|大方面|大行动|大领域|方面|要素|篇|种|是|个|项|条|次|大|年|小时)"
_TAIL = r"(?P<tail>以上|以下|左右)?"
_PATTERN = re.compile(rf"^{_PREFIX}{_NUMBER}(?P<wan>万)?{_SUFFIX_Q}{_UNIT}{_TAIL}$")

_YEAR = re.compile(r"^(?P<y>(?:19|20)\d{2})年?$")
_SEVERAL = re.compile(r"^多(?P<unit>个|家|种|项)$")
_DATE = re.compile(r"^(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|(?P<part>底|末|初|年初|年底))$")


def _parse_date(text: str) -> Quantity:
    t = text.replace("今年", f"{REPORT_YEAR}年")
    if t in (f"{REPORT_YEAR}年",) or _YEAR.match(t):
        year = int(_YEAR.match(t)["y"])
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        return Quantity(text, start.toordinal(), start.toordinal(), end.toordinal(), "date", "date", "date")
    m = _DATE.match(t)
    if not m:
        raise QuantityError(f"cannot read the date {text!r}")
    year = int(m["y"] or REPORT_YEAR)
    if m["part"]:
        start, end = {
            "底": (dt.date(year, 12, 1), dt.date(year + 1, 1, 1)),
            "末": (dt.date(year, 12, 1), dt.date(year + 1, 1, 1)),
            "年底": (dt.date(year, 12, 1), dt.date(year + 1, 1, 1)),
            "初": (dt.date(year, 1, 1), dt.date(year, 3, 1)),
            "年初": (dt.date(year, 1, 1), dt.date(year, 3, 1)),
        }[m["part"]]
        point = start
    else:
        month = int(m["m"])
        if m["d"]:
            point = dt.date(year, month, int(m["d"]))
            start, end = point, point + dt.timedelta(days=1)
        else:
            start = point = dt.date(year, month, 1)
            end = dt.date(year + (month == 12), month % 12 + 1, 1)
    return Quantity(text, point.toordinal(), start.toordinal(), end.toordinal(), "date", "date", "date")


def parse_quantity(text: str) -> Quantity:
    """Parse a quantity as the report writes it into a :class:`Quantity`.

    >>> q = parse_quantity("8300多亿元")
    >>> (q.low / 1e8, q.high / 1e8)
    (8300.0, 8400.0)
    """
    raw = text
    text = text.strip().replace("％", "%").replace(" ", "")
    if not text:
        raise QuantityError("empty quantity")
    if "月" in text or text.endswith(("年底", "年初", "年末")) or text.startswith("今年") or _YEAR.match(text):
        return _parse_date(text)
    several = _SEVERAL.match(text)
    if several:  # 多个, 多家: "several", at least two
        dimension, base_unit, _ = UNITS[several["unit"]]
        return Quantity(raw, 2.0, 2.0, math.inf, several["unit"], base_unit, dimension, "多", True, True)
    m = _PATTERN.match(text)
    if not m:
        raise QuantityError(f"cannot read the quantity {raw!r}")
    num, unit = m["num"], m["unit"]
    wan = bool(m["wan"])
    if wan and not m["suf"] and "万" + unit in UNITS:  # 2.7万亿元, 21.73万家: keep the compound unit
        unit, wan = "万" + unit, False
    if num[0].isdigit():
        number = Decimal(num)
        step, nonzero_step = _last_digit_step(num), _last_nonzero_step(num)
    else:
        number = Decimal(chinese_numeral(num))
        step = nonzero_step = Decimal(1)
    dimension, base_unit, scale = UNITS[unit]
    if wan:  # 32万余家: the 万 belongs to the number
        number, step, nonzero_step = number * 10000, step * 10000, nonzero_step * 10000
    value = float(number)
    qualifier = (m["pre"] or "") + (m["suf"] or "") + (m["tail"] or "")
    qualifier = qualifier.replace("达", "")
    low_closed, high_closed = True, False
    cap = 100.0 if dimension == "share" else math.inf
    if qualifier in ("多", "余"):
        low, high = value, float(number + nonzero_step)
    elif qualifier in ("超过", "超", "逾"):
        low, high, low_closed, high_closed = value, cap, False, True
    elif qualifier == "以上":
        low, high, high_closed = value, cap, True
    elif qualifier in ("不到", "不足", "以下"):
        low, high = 0.0, value
    elif qualifier == "近":
        low, high, high_closed = value * 0.9, value, True
    elif qualifier in ("约", "左右"):
        low, high, high_closed = value * 0.95, value * 1.05, True
    elif qualifier == "":
        low, high = float(number - step / 2), float(number + step / 2)
        if step == 1 and dimension in ("count", "duration"):  # 3家, 2次, 1年: integers are exact
            low, high, high_closed = value, value, True
    else:
        raise QuantityError(f"{raw!r}: qualifier {qualifier!r} has no rule")
    return Quantity(
        raw,
        value * scale,
        low * scale,
        high * scale if math.isfinite(high) else high,
        unit,
        base_unit,
        dimension,
        qualifier,
        low_closed,
        high_closed,
    )


def to_base(value: float, unit: str) -> float:
    """Convert a value written in ``unit`` (as in a data file) to the base unit."""
    if unit == "date":
        return float(value)
    try:
        return value * UNITS[unit][2]
    except KeyError:
        raise QuantityError(f"unknown unit {unit!r}") from None


def dimension_of(unit: str) -> str:
    """The dimension (money, share, count, duration, date) of a unit as written."""
    try:
        return UNITS[unit][0]
    except KeyError:
        raise QuantityError(f"unknown unit {unit!r}") from None


# --------------------------------------------------------------------------- quantities stated in a sentence
@dataclass(frozen=True)
class Stated:
    """A number a source sentence states: its value as written, its unit (one of :data:`UNITS`), whether the
    words make it a fall (``下降0.5%``, ``decreasing 0.7 percentage points``), and where it stands."""

    number: float
    unit: str
    negative: bool
    start: int

    def base(self) -> float:
        """The stated value in base units, with its sign."""
        return (-1 if self.negative else 1) * self.number * UNITS[self.unit][2]


#: English units as the PBOC's English releases and wire stories write them → (unit, multiplier)
_EN_UNITS = {
    "trillion yuan": ("万亿元", 1.0),
    "trillion": ("万亿元", 1.0),
    "trln yuan": ("万亿元", 1.0),
    "billion yuan": ("亿元", 10.0),
    "billion": ("亿元", 10.0),
    "percentage points": ("百分点", 1.0),
    "percentage point": ("百分点", 1.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "pp": ("百分点", 1.0),
}
_FALL = re.compile(
    r"(下降|减少|降低|回落|低|下滑|decreas\w*|declin\w*|down|fell|falling|drop\w*|lower|-|−)\s*(by\s*)?$", re.IGNORECASE
)
_ZH_STATED = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"(?P<wan>万)?(?:多|余)?(?P<unit>万亿元|亿元|万元|元|%|％|个百分点|百分点|万家|家|个|项|条|次|年|小时)"
)
_EN_STATED = re.compile(
    r"(?:RMB|CNY|¥)?\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>trillion yuan|trillion|trln yuan|billion yuan|"
    r"billion|percentage points?|per cent|percent|pp\b)",
    re.IGNORECASE,
)
_RMB_T = re.compile(r"RMB\s*(?P<num>\d+(?:\.\d+)?)t\b")  # RMB259.58t (trade press)


_TRADITIONAL = str.maketrans(
    {
        "萬": "万",
        "億": "亿",
        "個": "个",
        "項": "项",
        "條": "条",
        "歲": "岁",
        "兩": "两",
        "降": "降",
        "減": "减",
        "點": "点",
    }
)


def stated_quantities(text: str) -> list[Stated]:
    """Every number with a unit that a sentence states, Chinese or English (``5000亿元``, ``32万余家``,
    ``可展期两次``, ``RMB262.18 trillion``, ``decreasing 0.7 percentage points``)."""
    # traditional characters and full-width digits read as the simplified (萬億元 is 万亿元)
    text = str(text).replace("\u3000", " ").translate(_TRADITIONAL)
    out = []
    for m in _ZH_STATED.finditer(text):
        raw, unit = m["num"].replace(",", ""), m["unit"].replace("％", "%").replace("个百分点", "百分点")
        try:
            number = float(raw) if raw[0].isdigit() else float(chinese_numeral(raw))
        except QuantityError:
            continue
        if m["wan"] and "万" + unit in UNITS:
            unit = "万" + unit
        elif m["wan"]:
            number *= 10000
        out.append(Stated(number, unit, bool(_FALL.search(text[max(0, m.start() - 6) : m.start()])), m.start()))
    for m in _EN_STATED.finditer(text):
        unit, factor = _EN_UNITS[m["unit"].lower()]
        number = float(m["num"].replace(",", "")) * factor
        out.append(Stated(number, unit, bool(_FALL.search(text[max(0, m.start() - 24) : m.start()])), m.start()))
    for m in _RMB_T.finditer(text):
        out.append(Stated(float(m["num"]), "万亿元", False, m.start()))
    return sorted(out, key=lambda s: s.start)
