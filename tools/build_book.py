"""Build the book, or publish nothing: the one build command (``make book`` runs it).

1. The data are validated first (``nqpf validate``); an invalid file stops the build with its message.
2. The vendored front-end assets (the widget manager, MathJax) must exist, not only their stamp.
3. The pages whose inputs changed are executed in parallel into the execution cache (``nqpf.book.execute``;
   ``--serial`` leaves execution to Jupyter Book, one page after another).
4. Jupyter Book builds the HTML with the strict flags (a warning or a cell that raises fails it).
5. Every page is scanned for error output that a build exits 0 with: a traceback or stderr rendered into a
   page (an IPython post-execute hook, a figure drawn at display time).
6. The Chinese edition is built into ``_build/html/zh`` from the same executions (``tools/build_edition.py``),
   after checking that no message of its catalogues is untranslated or stale (``tools/i18n.py check``).
7. Every local file a page references (scripts, styles, fonts, images, downloads) must exist.
8. The PDF of each edition is printed by Chromium from Sphinx's single-page HTML (``--no-pdf`` skips them).

If any step fails, ``_build/html`` is moved to ``_build/html.failed``: no site that looks complete is left.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from build_edition import FOLDERS, skip_iri_checker

BIN = Path(sys.executable).parent
TOOLS = Path(__file__).resolve().parent
#: the editions besides the English one: language → folder of its site inside _build/html
EDITIONS = {language: folder for language, folder in FOLDERS.items() if language != "en"}
VENDORED = ("vendor/html-manager/embed.js", "vendor/mathjax/tex-chtml.js")
ERROR_OUTPUT = re.compile(r'<div class="output (stderr|traceback)[^"]*"')
LOCAL_REF = re.compile(r'(?:src|href)="([^"#?][^"]*)"')
PDF = "nqpf-book.pdf"


class BuildFailed(Exception):
    pass


def run(cmd: list[str], cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NQPF_ROOT"} | {"PYTHONUNBUFFERED": "1"}
    result = subprocess.run(cmd, cwd=cwd, env=env)
    if result.returncode != 0:
        raise BuildFailed(
            f"`{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}` exited {result.returncode}"
        )


def check_assets(project: Path) -> None:
    missing = [a for a in VENDORED if not (project / a).is_file()]
    if missing:
        raise BuildFailed(
            f"vendored asset(s) missing: {', '.join(missing)} (run `make vendor/.installed` after "
            "removing vendor/, or `npm ci`)"
        )


def error_outputs(html: Path) -> list[str]:
    """Every error output rendered into a page: 'page, cell n: kind'."""
    found = []
    for page in sorted(html.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for match in ERROR_OUTPUT.finditer(text):
            cell = text.count('class="cell docutils container', 0, match.start())
            found.append(f"{page.relative_to(html)}, cell {cell}: {match.group(1)} output")
    return found


def missing_references(html: Path) -> list[str]:
    """Every local file a page references that the site does not have: 'page: reference'."""
    missing = []
    for page in sorted(html.rglob("*.html")):
        if "_static" in page.relative_to(html).parts:  # the theme's templates, not pages
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        for ref in set(LOCAL_REF.findall(text)):
            parsed = urlparse(ref)
            if parsed.scheme or ref.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if not target.exists():
                missing.append(f"{page.relative_to(html)}: {ref}")
    return missing


def print_pdf(project: Path, html: Path, language: str = "en") -> Path:
    """Print the single-page HTML of one edition to ``nqpf-book.pdf`` of its site with Chromium."""
    from playwright.sync_api import sync_playwright

    run([sys.executable, str(TOOLS / "build_edition.py"), str(project), language, "--singlehtml"], project)
    folder = project / "_build" / ("singlehtml" if language == "en" else f"singlehtml-{language}")
    pages = sorted(p for p in folder.glob("*/*.html") if p.parent.name not in ("_static", "_images"))
    pages = pages or sorted(p for p in folder.glob("*.html") if p.stem not in ("index", "genindex", "search", "print"))
    # Jupyter Book writes the single page one folder deep but links its assets from the top: print it from there
    single = folder / "print.html"
    single.write_text(pages[0].read_text(encoding="utf-8"), encoding="utf-8")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    target = html / PDF
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(single.as_uri(), wait_until="load")
        page.wait_for_timeout(2500)  # MathJax and the widget manager render after load
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # every reason shown
        page.emulate_media(media="print")
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template='<div style="font-size:8pt;width:100%;text-align:center;color:#555">'
            '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
            margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
        )
        browser.close()
    return target


def execute(project: Path, jobs: int | None) -> None:
    """Execute the pages the cache lacks, ``jobs`` at a time (default: one per core)."""
    from nqpf.book import execute as executor

    skip_iri_checker()  # this process and its workers read notebooks (see tools/build_edition.py)

    os.chdir(project)  # the package finds the project from the working directory, as the kernels do
    os.environ.pop("NQPF_ROOT", None)
    report = executor.prepare(project, jobs)
    for name, changes in report.dropped.items():
        print(f"[nqpf] inputs changed for {Path(name).name}: {', '.join(changes[:5])}")
    for name, seconds in report.executed.items():
        print(f"[nqpf] {name}: executed in {seconds:.1f} s")
    if report.failed:
        raise BuildFailed(
            "pages failed to execute (run `python tools/run_page.py PAGE` for the cell):\n  "
            + "\n  ".join(f"{name}: {error}" for name, error in report.failed.items())
        )
    print(
        f"[nqpf] executed {len(report.executed)} page(s) in {report.wall:.1f} s "
        f"({sum(report.executed.values()):.1f} s of kernel time), {len(report.cached)} from the cache"
    )


def edition(project: Path, language: str, folder: str) -> None:
    """Another edition of the book, from the same executions; none if a message is left to translate."""
    result = subprocess.run(
        [sys.executable, str(TOOLS / "i18n.py"), "check", str(project)], cwd=project, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BuildFailed(
            f"the {language} edition has messages to translate (`python tools/i18n.py update` adds new ones):\n"
            + result.stdout[-4000:]
        )
    if "new generated text" in result.stdout:
        print(result.stdout[-4000:], file=sys.stderr)
    start = time.perf_counter()
    run([sys.executable, str(TOOLS / "build_edition.py"), str(project), language], project)
    seconds = time.perf_counter() - start
    print(f"[nqpf] the {language} edition is in _build/html/{folder} ({seconds:.0f} s)")
    print(f"[nqpf] timing: edition {seconds:.1f} s")


def build(project: Path, pdf: bool = True, jobs: int | None = None, serial: bool = False) -> None:
    html = project / "_build" / "html"
    start = time.perf_counter()
    run([sys.executable, "-m", "nqpf.cli", "validate"], project)
    check_assets(project)
    if not serial:
        execute(project, jobs)
    run([sys.executable, str(TOOLS / "build_edition.py"), str(project), "en"], project)
    for language, folder in EDITIONS.items():
        edition(project, language, folder)
    errors = error_outputs(html)
    if errors:
        raise BuildFailed("error output in the built pages:\n  " + "\n  ".join(errors))
    if pdf:
        for language, site in (("en", html), *((lang, html / folder) for lang, folder in EDITIONS.items())):
            target = print_pdf(project, site, language)
            print(f"[nqpf] wrote {target.relative_to(project)} ({target.stat().st_size / 1e6:.1f} MB)")
    missing = [m for m in missing_references(html) if pdf or not m.endswith(PDF)]
    if missing:
        raise BuildFailed("pages reference local files the site does not have:\n  " + "\n  ".join(missing))
    print(f"[nqpf] the book is in {html.relative_to(project)}/index.html ({time.perf_counter() - start:.0f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("project", nargs="?", default=".", help="the project folder (default: here)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF")
    parser.add_argument("--jobs", type=int, help="pages executed at once (default: one per core)")
    parser.add_argument("--serial", action="store_true", help="let Jupyter Book execute, one page after another")
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    try:
        build(project, pdf=not args.no_pdf, jobs=args.jobs, serial=args.serial)
    except BuildFailed as failure:
        html, failed = project / "_build" / "html", project / "_build" / "html.failed"
        if html.exists():
            shutil.rmtree(failed, ignore_errors=True)
            html.rename(failed)
            where = f"the incomplete site was moved to {failed.relative_to(project)}; no site is published"
        else:
            where = "no site was built"
        print(f"[nqpf] the build failed: {failure}\n[nqpf] {where}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
