"""The ``nqpf`` command: ``nqpf validate``, ``nqpf scorecard`` and ``nqpf dictionary``."""

from __future__ import annotations

import argparse
import json
import signal
import sys

import pandas as pd

from . import data, engine, l10n
from .book import labels


def _validate(_: argparse.Namespace) -> int:
    print(data.describe_root(), file=sys.stderr)
    try:
        lines = data.validate_all()
        problems = engine.check_register()
    except data.DataFileError as error:
        print(error, file=sys.stderr)
        return 1
    if problems:
        print(
            "\n".join([f"{len(problems)} problem(s) between the register and the checks:", *problems]), file=sys.stderr
        )
        return 1
    print("\n".join(lines))
    print(f"all {len(lines)} data files are valid, and every claim checked by code has a registered check")
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
    if args.lang != "en":  # the generated texts in the chosen language (nqpf.l10n), the ids and codes unchanged
        card = card.assign(
            verdict_label=[labels.verdict(str(v), args.lang) for v in card["verdict"]],
            reason=[l10n.text(str(r), args.lang) for r in card["reason"]],
            statement=[l10n.text(str(t), args.lang) for t in card["statement_en"]],
        )
    if args.format == "json":
        records = engine.records(card)
        if args.lang != "en":
            for record, (_, row) in zip(records, card.iterrows()):
                record |= {
                    "verdict_label": row["verdict_label"],
                    "reason": row["reason"],
                    "statement": row["statement"],
                }
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
    elif args.format == "csv":
        flat = engine.flat(card)
        if args.lang != "en":
            flat = flat.assign(verdict_label=card["verdict_label"].values, reason=card["reason"].values)
        flat.to_csv(sys.stdout, index=False)
    else:
        shown = card.assign(
            verdict=[labels.verdict(str(v), args.lang) for v in card["verdict"]],
            basis=[labels.BASIS[args.lang].get(b, b) for b in card["basis"]],
        )
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
            columns = ["id", "reported", "low", "high", "unit", "replicated", "verdict", "basis"]
            print(shown[columns + (["reason"] if args.lang != "en" else [])].to_string(index=False))
        counts = engine.verdict_counts(card)
        print("\n" + ", ".join(f"{labels.verdict(k, args.lang)}: {v}" for k, v in counts.items()))
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from .data import dictionary

    try:
        text = dictionary.render()
    except data.DataFileError as error:
        print(error, file=sys.stderr)
        return 1
    if args.check:
        current = (data.data_dir() / "README.md").read_text(encoding="utf-8")
        if current != text:
            print("data/README.md is out of date: run `nqpf dictionary --write` (make dictionary)", file=sys.stderr)
            return 1
        print("data/README.md is up to date")
    elif args.write:
        # the one file nqpf writes under data/: the dictionary generated from data/catalog.yml
        (data.data_dir() / "README.md").write_text(text, encoding="utf-8")
        print("wrote data/README.md")
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nqpf", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every file under data/ and name each bad cell").set_defaults(fn=_validate)
    card = sub.add_parser("scorecard", help="every claim of the report with its verdict")
    card.add_argument("--format", choices=["table", "json", "csv"], default="table")
    card.add_argument("--section", help="only claims whose section starts with this (e.g. 二)")
    card.add_argument("--verdict", choices=list(engine.VERDICTS))
    card.add_argument(
        "--lang",
        choices=list(labels.LANGS),
        default="en",
        help="language of the labels and reasons (zh: Chinese, from the book's catalogue)",
    )
    card.set_defaults(fn=_scorecard)
    dictionary = sub.add_parser("dictionary", help="the data dictionary data/README.md, from data/catalog.yml")
    dictionary.add_argument("--write", action="store_true", help="write data/README.md")
    dictionary.add_argument("--check", action="store_true", help="fail if data/README.md is out of date")
    dictionary.set_defaults(fn=_dictionary)
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `nqpf scorecard | head` ends quietly, as other command-line tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    return args.fn(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
