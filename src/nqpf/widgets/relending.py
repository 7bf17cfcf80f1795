"""The widget of chapter 2-1: the relending calculator (defaults: the report's terms)."""

from __future__ import annotations

from .. import data
from ..analysis.relending import calculate, describe, relending_rate_2024
from .core import Control, Result, WidgetSpec


def _calculator(quota: float, funding_share: float, take_up: float, spread: float, market_rate: float) -> Result:
    # read at call time: a reader who edits data/ sees fresh numbers
    calc = calculate(
        quota, funding_share, take_up, spread, market_rate, relending_rate_2024(data.official("relending"))
    )
    return Result(describe(calc), float(round(calc.credit, 6)))


#: quotas of the 2024 tool in data/official/relending.csv (2024, 2025, 2026), in 亿元
QUOTA_OPTIONS = (("5000亿元 (Apr 2024)", 5000.0), ("8000亿元 (May 2025)", 8000.0), ("1.2万亿元 (Jan 2026)", 12000.0))


#: funding shares in data/official/relending.csv: 60% (2022 tech tool, 2024 tool), 100% (2022 equipment tool)
SHARE_OPTIONS = (("60%", 60.0), ("100%", 100.0))


TAKE_UP_OPTIONS = (("50%", 50.0), ("100%", 100.0))


#: 1.45 pp = the 2022 equipment tool's cap on the lending rate (3.2%) minus its relending rate (1.75%);
#: 0.75 pp is illustrative
SPREAD_OPTIONS = (("+0.75 pp", 0.75), ("+1.45 pp", 1.45))


#: illustrative funding rates, not sourced: a reader should put in their own
MARKET_RATE_OPTIONS = (("2.0%", 2.0), ("2.5%", 2.5))


def spec() -> WidgetSpec:
    """The relending calculator."""
    return WidgetSpec(
        id="relending-calculator",
        title="Relending calculator 再贷款计算器 (defaults: the report's terms)",
        controls=[
            Control("quota", "Quota 额度", QUOTA_OPTIONS, 5000.0),
            Control(
                "funding_share",
                "PBOC funds 按本金比例 (60%: 2022 tech & 2024 tools; 100%: 2022 equipment tool)",
                SHARE_OPTIONS,
                60.0,
                kind="toggle",
            ),
            Control("take_up", "Quota used 使用率", TAKE_UP_OPTIONS, 100.0, kind="toggle"),
            Control(
                "spread",
                "Lending rate − relending rate 利差 (+1.45 pp: 2022 equipment-tool cap)",
                SPREAD_OPTIONS,
                1.45,
                kind="toggle",
            ),
            Control(
                "market_rate",
                "Comparison funding rate 对比资金利率 (illustrative 示例, not sourced)",
                MARKET_RATE_OPTIONS,
                2.5,
                kind="toggle",
            ),
        ],
        compute=_calculator,
    )
