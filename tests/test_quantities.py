"""The parser of the report's Chinese quantities: every form that occurs in the report."""

import math

import pytest

from nqpf import data
from nqpf.quantities import QuantityError, chinese_numeral, parse_quantity


def interval(text):
    q = parse_quantity(text)
    return q.in_unit(q.low), (q.in_unit(q.high) if math.isfinite(q.high) else math.inf)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("2.7万亿元", 2.65, 2.75),  # one decimal: half a unit of 0.1 either side
        ("14.84万亿元", 14.835, 14.845),
        ("1.65万亿元", 1.645, 1.655),
        ("5000亿元", 4999.5, 5000.5),
        ("1.75%", 1.745, 1.755),
        ("47.9%", 47.85, 47.95),
        ("21.73万家", 21.725, 21.735),
        ("2.4亿元", 2.35, 2.45),
        ("418万元", 417.5, 418.5),
    ],
)
def test_a_plain_number_covers_half_its_last_digit(text, low, high):
    lo, hi = interval(text)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_duo_means_at_least_and_below_the_next_step():
    q = parse_quantity("8300多亿元")
    assert (q.low / 1e8, q.high / 1e8) == (8300, 8400)
    assert q.contains(5000 / 0.6 * 1e8) and not q.contains(8400e8)


def test_yu_after_wan_counts_in_ten_thousands():
    q = parse_quantity("32万余家")
    assert (q.low, q.high) == (320_000, 330_000) and q.base_unit == "家"


def test_chaoguo_is_strictly_more_and_unbounded():
    q = parse_quantity("超过5000万元")
    assert not q.contains(5000e4) and q.contains(5001e4) and math.isinf(q.high)
    assert parse_quantity("超20项").contains(21) and not parse_quantity("超20项").contains(20)


def test_yishang_includes_the_number_and_caps_a_share_at_100():
    q = parse_quantity("80%以上")
    assert q.contains(80) and q.contains(100) and not q.contains(79.99) and q.high == 100


def test_jin_approaches_from_below_within_ten_percent():
    q = parse_quantity("近7000家")
    assert q.contains(7000) and q.contains(6300) and not q.contains(6299) and not q.contains(7001)
    years = parse_quantity("近三年")
    assert years.contains(2.8) and not years.contains(2.5)


def test_integer_counts_and_durations_are_exact():
    for text, value in [("3家", 3), ("2次", 2), ("1年", 1), ("24小时", 24), ("247个", 247), ("22项", 22)]:
        q = parse_quantity(text)
        assert q.low == q.high == q.value == value


@pytest.mark.parametrize(
    "text, n",
    [
        ("八大", 8),
        ("九大", 9),
        ("六个方面", 6),
        ("三大方面", 3),
        ("四大行动", 4),
        ("四个方面", 4),
        ("四方面", 4),
        ("三要素", 3),
        ("五篇", 5),
        ("三是", 3),
        ("两次", 2),
        ("八条", 8),
    ],
)
def test_chinese_numerals_count(text, n):
    assert parse_quantity(text).value == n


def test_chinese_numerals_beyond_ten():
    assert [chinese_numeral(t) for t in ("十", "十二", "二十", "九十九", "一百零五")] == [10, 12, 20, 99, 105]


def test_several_without_a_number_is_at_least_two():
    q = parse_quantity("多家")
    assert q.contains(2) and not q.contains(1) and math.isinf(q.high)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("2023年9月", "2023-09-01", "2023-09-30"),
        ("2023年底", "2023-12-01", "2023-12-31"),
        ("今年年初", "2024-01-01", "2024-02-29"),  # the report is of 2024: 今年 = 2024
        ("6月19日", "2024-06-19", "2024-06-19"),
        ("2024年4月", "2024-04-01", "2024-04-30"),
        ("2018", "2018-01-01", "2018-12-31"),
    ],
)
def test_dates_are_day_intervals(text, first, last):
    import datetime as dt

    q = parse_quantity(text)
    assert dt.date.fromordinal(int(q.low)).isoformat() == first
    assert dt.date.fromordinal(int(q.high) - 1).isoformat() == last


@pytest.mark.parametrize("text", ["", "很多", "5000", "50", "abc亿元", "8300多多亿元"])
def test_unreadable_quantities_raise(text):
    with pytest.raises(QuantityError):
        parse_quantity(text)


def test_every_quantity_in_the_claim_register_parses():
    claims = data.claims()
    numeric = claims[claims["unit"] != "text"]
    assert len(numeric) > 60
    for reported in numeric["reported"]:
        parse_quantity(reported)
