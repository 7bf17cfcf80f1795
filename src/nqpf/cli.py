"""The ``nqpf`` command: ``nqpf validate`` and ``nqpf scorecard``."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from . import data, engine

SCORECARD_COLUMNS = [
    "id",
    "section",
    "quote_zh",
    "reported",
    "low",
    "high",
    "unit",
    "replicated",
    "verdict",
    "reason",
    "notebook",
]


def _validate(_: argparse.Namespace) -> int:
    print(data.describe_root(), file=sys.stderr)
    try:
        lines = data.validate_all()
    except data.DataFileError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(lines))
    print(f"all {len(lines)} data files are valid")
    return 0


def _scorecard(args: argparse.Namespace) -> int:
    try:
        card = engine.scorecard()
    except data.DataFileError as error:
        print(error, file=sys.stderr)
        return 1
    if args.section:
        card = card[card["section"].str.startswith(args.section)]
    if args.verdict:
        card = card[card["verdict"] == args.verdict]
    card = card[SCORECARD_COLUMNS].astype(object).where(card[SCORECARD_COLUMNS].notna(), None)
    if args.format == "json":
        json.dump(card.to_dict(orient="records"), sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
    elif args.format == "csv":
        card.to_csv(sys.stdout, index=False)
    else:
        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_colwidth",
            48,
            "display.width",
            250,
            "display.unicode.east_asian_width",
            True,
        ):
            print(card[["id", "reported", "low", "high", "unit", "replicated", "verdict"]].to_string(index=False))
        counts = (
            engine.verdict_counts(engine.scorecard())
            if not (args.section or args.verdict)
            else card["verdict"].value_counts().to_dict()
        )
        print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nqpf", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every file under data/ and name each bad cell").set_defaults(fn=_validate)
    card = sub.add_parser("scorecard", help="every claim of the report with its verdict")
    card.add_argument("--format", choices=["table", "json", "csv"], default="table")
    card.add_argument("--section", help="only claims whose section starts with this (e.g. 二)")
    card.add_argument("--verdict", choices=list(engine.VERDICTS))
    card.set_defaults(fn=_scorecard)
    args = parser.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
