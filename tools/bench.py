"""Build and rerun speed, measured once on this machine (`make bench`).

Prints: the floor (every notebook of the book executed once with nbclient, summed), the cold
full build, the warm rebuild with nothing changed, the rebuild after one data file changed,
the peak memory of the build and its kernels, the ratios cold/floor and warm/cold, and the
weight of the largest page (its HTML plus the images it loads). Runs in a scratch copy of the
project; nothing in the working tree is touched.
"""

from __future__ import annotations

import csv
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
JB = Path(sys.executable).with_name("jupyter-book")
FLAGS = ["--builder", "html", "-W", "-n", "--keep-going"]


def toc_files(project: Path) -> list[Path]:
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [c["file"] for c in part.get("chapters", [])]
    out = []
    for name in names:
        for suffix in (".ipynb", ".md"):
            if (project / (name + suffix)).exists():
                out.append(project / (name + suffix))
    return out


def read_notebook(path: Path):
    if path.suffix == ".ipynb":
        return nbformat.read(path, as_version=4)
    from myst_nb.core.read import read_myst_markdown_notebook

    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"))


def floor(project: Path) -> tuple[float, dict[str, float]]:
    """Every page executed once, one after another, with nbclient, as the build's kernels run it."""
    env_before = dict(os.environ)
    os.chdir(project)
    os.environ["NQPF_BOOK_BUILD"] = "1"
    from nqpf.book import register

    register.refresh()  # the pages showing the whole register load it, as in the build
    times = {}
    try:
        for path in toc_files(project):
            nb = read_notebook(path)
            start = time.perf_counter()
            NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
            ).execute()
            times[str(path.relative_to(project))] = time.perf_counter() - start
    finally:
        os.environ.clear()
        os.environ.update(env_before)
        os.chdir(ROOT)
    return sum(times.values()), times


@dataclass
class Build:
    seconds: float
    edition_seconds: float
    executed: list[str]
    log: str

    @property
    def english(self) -> float:
        """The build without the Chinese edition (what the issue's targets are about)."""
        return self.seconds - self.edition_seconds


def timed_build(project: Path) -> Build:
    """``tools/build_book.py --no-pdf`` (what make book runs, less the PDF), timed, with what it executed."""
    env = {k: v for k, v in os.environ.items() if k != "NQPF_ROOT"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_book.py"), str(project), "--no-pdf"],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )
    elapsed = time.perf_counter() - start
    log = result.stdout + result.stderr
    if result.returncode != 0:
        sys.exit(f"build failed:\n{log[-5000:]}")
    edition = re.search(r"\[nqpf\] timing: edition ([\d.]+) s", log)
    ran = re.findall(r"\[nqpf\] (\S+\.md): executed in", log) + re.findall(r"(\S+\.md): Executed notebook", log)
    return Build(elapsed, float(edition.group(1)) if edition else 0.0, [Path(r).name for r in ran], log)


def edit_note(path: Path) -> None:
    """Change one row's note, a column no check reads: the file changes, its numbers do not."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["note"] = (rows[0].get("note", "") + " (benchmark edit)").strip()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def page_weights(html: Path) -> list[tuple[int, str, bool]]:
    """Every page's weight as a browser fetches it compressed: the HTML and every local script, style and image
    it references, each gzipped (level 6, as static hosts serve them); and whether the page has widgets."""
    import gzip

    compressed: dict[Path, int] = {}

    def gz(path: Path) -> int:
        if path not in compressed:
            compressed[path] = len(gzip.compress(path.read_bytes(), compresslevel=6))
        return compressed[path]

    weights = []
    for page in html.rglob("*.html"):
        if "_static" in page.relative_to(html).parts:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        size = gz(page)
        refs = set(re.findall(r'<img[^>]+src="([^"]+)"', text)) | set(re.findall(r'<script[^>]+src="([^"]+)"', text))
        refs |= set(re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text))
        for src in refs:
            if src.startswith(("data:", "http:", "https:", "//")):
                continue
            target = (page.parent / src.split("?")[0].split("#")[0]).resolve()
            if target.is_file():
                size += gz(target)
        weights.append((size, str(page.relative_to(html)), "application/vnd.jupyter.widget-state+json" in text))
    return sorted(weights, reverse=True)


def print_weights(html: Path) -> None:
    weights = page_weights(html)
    print("page weights, compressed (HTML + local scripts, styles, images; targets 1 MB, 2.5 MB with widgets):")
    for size, name, widgets in weights:
        target = 2.5 if widgets else 1.0
        print(
            f"    {name:55s} {size / 1e6:6.2f} MB  {'widgets' if widgets else '       '}  "
            f"{'ok' if size / 1e6 <= target else 'OVER'}"
        )


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="nqpf-bench-"))
    project = scratch / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "node_modules", "__pycache__")
    )
    if (ROOT / "node_modules").exists():
        os.symlink(ROOT / "node_modules", project / "node_modules")
    env_note = f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    print(f"# nqpf benchmark on {env_note}, in one run (a scratch copy)")

    floor_s, per_page = floor(project)
    cold = timed_build(project)
    warm = timed_build(project)
    edits = {}
    for name in ("data/official/tsf_stock.csv", "data/official/relending.csv"):
        edit_note(project / name)
        edits[name] = timed_build(project)
    glossary = project / "data/report/glossary.csv"
    with glossary.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(
            [
                "基准",
                "Benchmark",
                "A term added by the benchmark to change one data file.",
                "基准测试为改动一个数据文件而加的术语。",
            ]
        )
    edits["data/report/glossary.csv"] = timed_build(project)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(f"serial floor: every page executed once with nbclient   {floor_s:7.1f} s over {len(per_page)} pages")
    for name, seconds in per_page.items():
        print(f"    {name:55s} {seconds:6.1f} s")
    print(
        f"cold build (English)                                   {cold.english:7.1f} s  ({len(cold.executed)} executed)"
    )
    print(
        f"the Chinese edition, from the same executions          {cold.edition_seconds:7.1f} s  "
        f"(+{100 * cold.edition_seconds / cold.english:.0f} % of the English cold build; target <= 25 %)"
    )
    print(
        f"warm rebuild, nothing changed (English)                {warm.english:7.1f} s  ({len(warm.executed)} executed)"
    )
    for name, run in edits.items():
        shown = ", ".join(run.executed) or "none"
        print(
            f"after one edit to {Path(name).name:20s} (English)     {run.english:7.1f} s  "
            f"({len(run.executed)} executed: {shown})"
        )
    print(f"peak memory (largest process: build or kernel)         {peak_mb:7.0f} MB")
    print(f"cold / serial floor                                    {cold.english / floor_s:7.2f}   (target <= 0.85)")
    print(
        f"warm / cold                                            {100 * warm.english / cold.english:6.1f} %   (target <= 5 %)"
    )
    tsf = edits["data/official/tsf_stock.csv"]
    print(
        f"TSF edit / cold                                        {100 * tsf.english / cold.english:6.1f} %   (target <= 45 %)"
    )
    print(f"both editions: cold {cold.seconds:.1f} s, warm {warm.seconds:.1f} s, TSF edit {tsf.seconds:.1f} s")
    print_weights(project / "_build" / "html")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--weights":  # only the page weights of a built site
        print_weights(Path(sys.argv[2]))
    else:
        main()
