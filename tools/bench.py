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
    times = {}
    for path in toc_files(project):
        nb = read_notebook(path)
        start = time.perf_counter()
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        times[str(path.relative_to(project))] = time.perf_counter() - start
    return sum(times.values()), times


def timed_build(project: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([str(JB), "build", str(project), *FLAGS], capture_output=True, text=True, cwd=project)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result.stdout + result.stderr


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
    env_note = f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    print(f"# nqpf benchmark on {env_note}")

    floor_s, per_notebook = floor(project)
    cold_s, _ = timed_build(project)
    warm_s, warm_log = timed_build(project)
    glossary = project / "data/report/glossary.csv"
    with glossary.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["基准", "Benchmark", "A term added by the benchmark to change one data file."])
    data_s, data_log = timed_build(project)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    executed_after_data = re.findall(r"(\S+): Executed notebook", data_log)

    print(f"notebooks executed once with nbclient (floor): {floor_s:7.1f} s over {len(per_notebook)} notebooks")
    for name, seconds in per_notebook.items():
        print(f"    {name:55s} {seconds:6.1f} s")
    print(f"cold full build:                                {cold_s:7.1f} s")
    print(
        f"warm rebuild, nothing changed:                  {warm_s:7.1f} s  (executed: {len(re.findall('Executed notebook', warm_log))})"
    )
    print(
        f"rebuild after one data file changed:            {data_s:7.1f} s  (executed: {', '.join(Path(p).name for p in executed_after_data)})"
    )
    print(f"peak memory (largest process: build or kernel): {peak_mb:7.0f} MB")
    print(f"cold / floor:                                   {cold_s / floor_s:7.2f}   (target <= 1.3)")
    print(f"warm / cold:                                    {100 * warm_s / cold_s:6.1f} %   (target <= 5 %)")
    print_weights(project / "_build" / "html")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--weights":  # only the page weights of a built site
        print_weights(Path(sys.argv[2]))
    else:
        main()
