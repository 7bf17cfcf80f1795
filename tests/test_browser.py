"""The built book in a real browser (Debian's Chromium driven by Playwright), served from a
sub-path on 127.0.0.1 and opened from disk: no request leaves the machine, no console error,
every figure loads, every widget control moves its output to the precomputed result."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from nqpf import widgets

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Console messages that are not errors of the book (each with why):
CONSOLE_ALLOWLIST = [
    # html-manager logs this when a page has no widget state script; harmless
    re.compile(r"Could not find a widget state"),
    # pydata-sphinx-theme, on a fresh profile with no stored light/dark choice, resets to auto
    re.compile(r"Got invalid theme mode: \. Resetting to auto"),
]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _browser_available() -> bool:
    return Path(CHROMIUM).exists()


@pytest.fixture(scope="session")
def browser():
    if not _browser_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not installed at {CHROMIUM}: CI must install Debian's chromium (see .ci/run)")
        print("\n*** SKIPPING BROWSER TESTS: no Chromium at /usr/bin/chromium (run `make system-browser`) ***\n")
        pytest.skip("no Chromium: browser tests skipped (CI is unset)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site(built_book):
    """The book served from a sub-path (/sub/path/) on 127.0.0.1: proves it is relocatable."""
    root = built_book.parent / "serve-root"
    (root / "sub").mkdir(parents=True, exist_ok=True)
    link = root / "sub" / "path"
    if not link.exists():
        os.symlink(built_book, link)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/path/"
    server.shutdown()


def pages(built_book) -> list[str]:
    return sorted(
        str(p.relative_to(built_book)) for p in built_book.glob("*/*.html") if p.parent.name in ("book", "notebooks")
    )


class Visit:
    """A page opened in a fresh tab, recording failed and off-machine requests and console errors."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.failed, self.remote, self.errors = [], [], []
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

        def route(r):
            host = urlparse(r.request.url).hostname
            if r.request.url.startswith(("file:", "data:")) or host in ("127.0.0.1", "localhost"):
                return r.continue_()
            self.remote.append(r.request.url)
            return r.abort()

        self.page.route("**/*", route)
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(800)

    def _console(self, message):
        if message.type == "error" and not any(p.search(message.text) for p in CONSOLE_ALLOWLIST):
            self.errors.append(message.text)

    def close(self):
        self.page.close()


def test_every_page_loads_without_remote_or_failed_requests_or_console_errors(
    browser, site, built_book, tmp_path_factory
):
    shots = tmp_path_factory.mktemp("screenshots")
    names = pages(built_book)
    assert len(names) >= 6
    for name in names:
        visit = Visit(browser, site + name)
        try:
            assert visit.remote == [], f"{name} asked a remote host: {visit.remote}"
            assert visit.failed == [], f"{name} had failed requests: {visit.failed}"
            assert visit.errors == [], f"{name} logged errors: {visit.errors}"
            broken = visit.page.evaluate(
                "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))"
            )
            assert broken == [], f"{name}: images that did not load: {broken}"
            if not name.startswith(("book/reproducibility", "book/bibliography")):  # English-only pages
                assert CJK.search(visit.page.inner_text("main")), f"{name} shows no Chinese text"
            visit.page.screenshot(path=str(shots / (name.replace("/", "_") + ".png")), full_page=True)
        finally:
            visit.close()


def test_math_is_typeset_by_the_local_mathjax(browser, site, built_book):
    with_math = [
        n
        for n in pages(built_book)
        if (
            "mathjax" in (built_book / n).read_text(encoding="utf-8")
            and "\\(" in (built_book / n).read_text(encoding="utf-8")
        )
        or "\\[" in (built_book / n).read_text(encoding="utf-8")
    ]
    if not with_math:
        pytest.skip("no page has math yet")
    visit = Visit(browser, site + with_math[0])
    try:
        visit.page.wait_for_selector("mjx-container", timeout=10_000)
        assert visit.remote == []
    finally:
        visit.close()


def _visible_result(page, box):
    results = box.locator(".nqpf-result:visible")
    assert results.count() == 1, f"{results.count()} results visible"
    return results.first


def _controls(box):
    return box.locator(".widget-dropdown, .widget-toggle-buttons")


def _set(control, kind: str, index: int, label: str):
    if kind == "dropdown":
        control.locator("select").select_option(index=index)
    else:
        control.locator("button").nth(index).click()


def _widget_pages(built_book):
    return [n for n in pages(built_book) if "nqpf-widget" in (built_book / n).read_text(encoding="utf-8")]


def _check_widgets(browser, url: str):
    visit = Visit(browser, url)
    page = visit.page
    try:
        page.wait_for_selector(".nqpf-widget", timeout=15_000)
        boxes = page.locator(".nqpf-widget")
        checked = 0
        for i in range(boxes.count()):
            box = boxes.nth(i)
            widget_id = re.search(r"nqpf-widget-([\w-]+)", box.get_attribute("class")).group(1)
            spec = widgets.build(widget_id)
            controls = _controls(box)
            assert controls.count() == len(spec.controls), widget_id
            defaults = {c.name: c.default for c in spec.controls}
            shown = _visible_result(page, box)
            assert shown.get_attribute("data-key") == widgets.setting_key(defaults)
            for level, control in enumerate(spec.controls):
                for index, (label, value) in enumerate(control.options):
                    _set(controls.nth(level), control.kind, index, label)
                    setting = {**defaults, control.name: value}
                    expected = spec.result(**setting)
                    result = _visible_result(page, box)
                    assert result.get_attribute("data-key") == widgets.setting_key(setting)
                    assert result.locator(".nqpf-result-text").inner_text().strip() == expected.text
                    checked += 1
                default_index = control.values.index(control.default)
                _set(controls.nth(level), control.kind, default_index, control.options[default_index][0])
        assert visit.errors == [] and visit.remote == []
        return checked
    finally:
        visit.close()


def test_every_widget_control_moves_its_output_to_the_precomputed_result(browser, site, built_book):
    names = _widget_pages(built_book)
    assert names, "no page has a widget"
    for name in names:
        assert _check_widgets(browser, site + name) > 0, name


def test_widgets_work_when_the_book_is_opened_from_disk(browser, built_book):
    name = _widget_pages(built_book)[0]
    assert _check_widgets(browser, (built_book / name).as_uri()) > 0


def test_chinese_words_are_found_by_the_search_page(browser, site):
    visit = Visit(browser, site + "search.html?q=" + "融资")  # 融资 (financing): a jieba token
    try:
        visit.page.wait_for_selector("#search-results li", timeout=15_000)
        assert visit.page.locator("#search-results li").count() >= 1
    finally:
        visit.close()
