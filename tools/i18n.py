"""The Chinese edition's catalogues: update them, and list what is left to translate.

``python tools/i18n.py update``  (``make i18n``)
    1. extracts the pages' messages with Sphinx's gettext builder and merges them into
       ``locale/zh_CN/LC_MESSAGES/<page>.po`` (sphinx-intl): a changed English message becomes *fuzzy* (stale),
       a new one empty;
    2. executes the pages (from the cache where it is current) and adds every generated text the Chinese
       catalogue lacks to ``locale/zh_CN/generated.po``, with the figure captions and alt texts of the cells.
``python tools/i18n.py check [--strict]``
    lists every message without a current translation, in both kinds of catalogue; exit 1 if there is one.
    ``make book`` runs it: no untranslated or stale message ships. A generated text that no catalogue entry has
    yet (a new sentence a data edit made) is listed too, but fails only with ``--strict``, which the tests use:
    a researcher's data edit still builds, with that sentence in English in the Chinese edition, and the test
    suite says what to translate.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LOCALE = Path("locale") / "zh_CN" / "LC_MESSAGES"
GENERATED = Path("locale") / "zh_CN" / "generated.po"


def page_catalogues(project: Path) -> list[Path]:
    return sorted((project / LOCALE).rglob("*.po"))


def extract(project: Path) -> None:
    """Sphinx's gettext builder on the book's own configuration, then sphinx-intl update (one .po per page)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "gettext"
        conf = Path(scratch) / "conf"
        conf.mkdir()
        subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(project)], check=True, capture_output=True)
        (project / "conf.py").replace(conf / "conf.py")
        subprocess.run(
            [
                str(BIN / "sphinx-build"),
                "-q",
                "-b",
                "gettext",
                "-c",
                str(conf),
                "-D",
                "nb_execution_mode=off",
                "-D",
                "gettext_location=0",
                str(project),
                str(out),
            ],
            check=True,
            cwd=project,
            capture_output=True,  # without execution every glue role warns; only the messages matter here
        )
        subprocess.run(
            [str(BIN / "sphinx-intl"), "update", "-p", str(out), "-l", "zh_CN", "-d", str(project / "locale")],
            check=True,
            capture_output=True,
        )
    tidy(project)


def tidy(project: Path) -> None:
    """Keep the catalogues' diffs to what changed: no source locations, no creation date, no obsolete entries."""
    import polib

    for path in page_catalogues(project):
        po = polib.pofile(str(path), wrapwidth=0)
        for entry in po:
            entry.occurrences = []
        for entry in po.obsolete_entries():
            po.remove(entry)
        po.metadata.pop("POT-Creation-Date", None)
        po.save(str(path))


def cell_texts(project: Path) -> list[str]:
    """The captions and alt texts that cells give their figures (cell metadata), for the generated catalogue."""
    import jupytext

    from nqpf.book.execute import toc_pages

    found = []
    for path in toc_pages(project):
        for cell in jupytext.read(path).cells:
            meta = cell.metadata.get("mystnb", {})
            for text in (meta.get("figure", {}).get("caption"), meta.get("image", {}).get("alt")):
                if text:
                    found.append(" ".join(str(text).split()))
    return found


def generated_templates(project: Path) -> list[str]:
    """Every template the executed pages asked for in Chinese, and the cells' captions and alt texts."""
    from build_edition import skip_iri_checker

    skip_iri_checker()
    from jupyter_cache import get_cache

    from nqpf import l10n
    from nqpf.provenance import find_record

    used: dict[str, None] = {}
    cache_dir = project / "_build" / ".jupyter_cache"
    if cache_dir.exists():
        cache = get_cache(str(cache_dir))
        for record in cache.list_cache_records():
            found = find_record(cache.get_cache_bundle(record.pk).nb) or {}
            used.update(dict.fromkeys([*found.get("translated", []), *found.get("untranslated", [])]))
    for text in cell_texts(project):
        if l10n.needs_translation(text):
            used.setdefault(l10n.template(text)[0])
    return list(used)


def add_generated(project: Path, patterns: list[str]) -> int:
    """Add the templates the catalogue lacks (untranslated) and drop the entries no page asks for any more."""
    import polib

    path = project / GENERATED
    po = polib.pofile(str(path)) if path.exists() else polib.POFile()
    if not path.exists():
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
        po.header = (
            "Generated text of the book (nqpf.l10n): templates whose {0}, {1} … stand for numbers, dates, paths,\n"
            "ids and Chinese quotes, which the translation must keep (in any order)."
        )
    wanted = set(patterns)
    for entry in [e for e in po if e.msgid not in wanted]:
        po.remove(entry)
    have = {e.msgid for e in po}
    added = 0
    for pattern in patterns:
        if pattern not in have:
            po.append(polib.POEntry(msgid=pattern, msgstr=""))
            added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return added


def new_generated(project: Path) -> list[str]:
    """The generated texts the executed pages asked for that the catalogue lacks (a new reason after a data edit):
    shown in English in the Chinese edition until translated."""
    import polib

    catalogue = project / GENERATED
    known = {e.msgid for e in polib.pofile(str(catalogue)) if e.msgstr} if catalogue.exists() else set()
    return [
        f"{GENERATED}: not in the catalogue (`make i18n` adds it): {p[:90]!r}"
        for p in generated_templates(project)
        if p not in known
    ]


def problems(project: Path) -> list[str]:
    """Every message of the catalogues without a current translation: untranslated or stale (fuzzy), and
    placeholders lost."""
    import polib

    found = []
    for path in [*page_catalogues(project), project / GENERATED]:
        if not path.exists():
            continue
        rel = path.relative_to(project)
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            if "fuzzy" in entry.flags:
                found.append(f"{rel}:{entry.linenum}: stale (its English changed): {entry.msgid[:90]!r}")
            elif not entry.msgstr:
                found.append(f"{rel}:{entry.linenum}: untranslated: {entry.msgid[:90]!r}")
            elif path.name == GENERATED.name:
                need = set(re.findall(r"\{\d+\}", entry.msgid))
                if need != set(re.findall(r"\{\d+\}", entry.msgstr)):
                    found.append(f"{rel}:{entry.linenum}: placeholders differ: {entry.msgid[:90]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("command", choices=["update", "check"])
    parser.add_argument(
        "--strict", action="store_true", help="also fail on generated texts the catalogue lacks (the tests use it)"
    )
    parser.add_argument("project", nargs="?", default=str(ROOT))
    args = parser.parse_intermixed_args(argv)
    project = Path(args.project).resolve()
    os.chdir(project)
    if args.command == "update":
        from nqpf.book import execute

        extract(project)
        report = execute.prepare(project)
        print(f"[i18n] executed {len(report.executed)} page(s); {len(report.failed)} failed")
        added = add_generated(project, generated_templates(project))
        print(f"[i18n] {added} generated text(s) added to {GENERATED}")
    found, new = problems(project), new_generated(project)
    for line in found + new:
        print(line)
    print(f"[i18n] {len(found)} message(s) to translate")
    if new:  # a data edit made a new sentence: the build goes on (the page shows it in English), the tests fail
        print(f"[i18n] {len(new)} new generated text(s), shown in English in the Chinese edition until translated")
    return 1 if found or (new and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
