"""The built book in a real browser (Debian's Chromium driven by Playwright), served from a
sub-path on 127.0.0.1 and opened from disk: no request leaves the machine, no console error,
every figure loads, every widget control moves its output to the precomputed result."""

from __future__ import annotations

import functools
import http.server
import itertools
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from nqpf import l10n, widgets

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
    return box.locator(".widget-dropdown, .widget-toggle-buttons, .widget-hslider")


def _set(control, kind: str, index: int, label: str):
    if kind == "dropdown":
        control.locator("select").select_option(index=index)
    elif kind == "slider":  # a numeric grid: the slider's handle, moved with the keyboard as a reader would
        handle = control.locator(".noUi-handle")
        handle.focus()
        handle.press("Home")
        for _ in range(index):
            handle.press("ArrowRight")
    else:
        control.locator("button").nth(index).click()


def _widget_pages(built_book):
    return [n for n in pages(built_book) if "nqpf-widget" in (built_book / n).read_text(encoding="utf-8")]


def _check_widgets(browser, url: str, lang: str = "en"):
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
                    _set(controls.nth(level), control.widget_kind, index, label)
                    setting = {**defaults, control.name: value}
                    expected = spec.result(**setting)
                    result = _visible_result(page, box)
                    assert result.get_attribute("data-key") == widgets.setting_key(setting)
                    assert result.locator(".nqpf-result-text").inner_text().strip() == l10n.text(expected.text, lang)
                    checked += 1
                default_index = control.values.index(control.default)
                _set(controls.nth(level), control.widget_kind, default_index, control.options[default_index][0])
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


# --- A reader sees every verdict: phone navigation, Chinese search, dark mode, no sideways scrolling, axe-core ---

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from npm (package.json devDependencies)
WIDTHS = (1400, 390)
MODES = ("light", "dark")
CHAPTER = "notebooks/3-2_financing_structure.html"
# The report's terms a reader types: each must find at least one page (Sphinx indexes with jieba; the
# browser looks a run of Chinese up whole, so the build gives jieba these words: nqpf.book.sphinx.search).
REPORT_TERMS = [
    "新质生产力",
    "再贷款",
    "科技型中小企业",
    "社会融资规模",
    "科创板",
    "试验区",
    "高新技术企业",
    "专精特新",
    "普惠金融",
    "间接融资",
    "直接融资",
    "科创金融",
    "获贷率",
    "耐心资本",
]


def _open(browser, url: str, width: int = 1400, mode: str = "light", height: int = 900, touch: bool = False):
    """A page at a width, in light or dark mode (the theme's stored choice), checked to be in that mode."""
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=mode, has_touch=touch)
    page.add_init_script(f"localStorage.setItem('theme', '{mode}'); localStorage.setItem('mode', '{mode}');")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(600)
    assert page.evaluate("document.documentElement.dataset.theme") == mode, url
    return page


def _all_pages(built_book) -> list[str]:
    return ["index.html", *pages(built_book)]


def test_the_phone_menu_toggles_open_the_chapters_and_the_contents(browser, site, built_book):
    chapters = [n for n in pages(built_book) if n.startswith("notebooks/")]
    page = _open(browser, site + CHAPTER, width=390, height=844, touch=True)
    try:
        toggle = page.locator(".bd-header-article .primary-toggle")
        assert toggle.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.tap()
        page.wait_for_timeout(400)
        menu = page.locator("#pst-primary-sidebar-modal")
        assert page.evaluate("document.getElementById('pst-primary-sidebar-modal').open"), "the menu did not open"
        hrefs = menu.locator("a.reference.internal:visible").evaluate_all("links => links.map(a => a.href)")
        for chapter in chapters:
            name = chapter.rsplit("/", 1)[-1]
            assert any(h.split("#")[0].endswith(name) for h in hrefs), f"{name} is not in the open phone menu"
        assert toggle.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
        contents = page.locator(".bd-header-article .secondary-toggle")
        assert contents.is_visible()
        contents.tap()
        page.wait_for_timeout(400)
        assert page.evaluate("document.getElementById('pst-secondary-sidebar-modal').open"), "contents did not open"
        assert page.locator("#pst-secondary-sidebar-modal a:visible").count() >= 3
    finally:
        page.close()
    wide = _open(browser, site + CHAPTER, width=1400)
    try:  # on a wide screen the same toggle hides and shows the sidebar
        wide.locator(".bd-header-article .primary-toggle").click()
        wide.wait_for_timeout(300)
        assert not wide.locator("#pst-primary-sidebar").is_visible()
        wide.locator(".bd-header-article .primary-toggle").click()
        wide.wait_for_timeout(300)
        assert wide.locator("#pst-primary-sidebar").is_visible()
    finally:
        wide.close()


def test_the_reports_terms_are_found_by_the_search_page(browser, site):
    missing = []
    for term in REPORT_TERMS:
        visit = Visit(browser, site + "search.html?q=" + term)
        try:
            visit.page.wait_for_function(
                "() => { const s = document.querySelector('#search-results');"
                " return s && (s.querySelector('li') || /did not match|found \\d+ page/i.test(s.innerText)); }",
                timeout=15_000,
            )
            if visit.page.locator("#search-results li").count() < 1:
                missing.append(term)
            assert visit.errors == [] and visit.remote == []
        finally:
            visit.close()
    assert missing == [], f"the search page finds nothing for {missing}"


# WCAG contrast of an element's text against the first opaque background behind it (semi-transparent
# backgrounds on the way are blended in); returns the worst element of each kind.
CONTRAST_JS = """
(kinds) => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => { const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (const c of layers.reverse()) bg = over(c, bg); return bg; };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const out = {};
  for (const [kind, selector] of Object.entries(kinds)) {
    let worst = null, count = 0;
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest("svg, mjx-container, .bd-sidebar-primary, .bd-sidebar-secondary, dialog")) continue;
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      const style = getComputedStyle(el), bg = background(el), fg = over(parse(style.color), bg);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5, r = ratio(fg, bg);
      count += 1;
      if (!worst || r / need < worst.ratio / worst.need) worst = {ratio: Math.round(r * 100) / 100, need,
        text: el.textContent.trim().slice(0, 40), color: style.color, background: "rgb(" + bg.slice(0, 3).map(Math.round) + ")"};
    }
    out[kind] = {count, worst};
  }
  return out;
}
"""
CONTRAST_KINDS = {
    "table text": ".bd-article table, .bd-article table *",
    "code": ".bd-article code, .bd-article code *, .bd-article pre, .bd-article pre *",
    "outputs": ".bd-article div.cell_output, .bd-article div.cell_output *",
}


def test_table_text_code_and_outputs_have_contrast_in_light_and_dark_mode(browser, site, built_book):
    seen, failures = dict.fromkeys(CONTRAST_KINDS, 0), []
    for mode in MODES:
        for name in _all_pages(built_book):
            page = _open(browser, site + name, mode=mode)
            try:
                for kind, result in page.evaluate(CONTRAST_JS, CONTRAST_KINDS).items():
                    seen[kind] += result["count"]
                    worst = result["worst"]
                    if worst and worst["ratio"] < worst["need"]:
                        failures.append(f"{mode} {name} {kind}: {worst}")
            finally:
                page.close()
    assert all(seen.values()), f"nothing measured for some kind: {seen}"
    assert failures == [], "text below WCAG AA contrast:\n" + "\n".join(failures)


def test_every_verdict_is_visible_without_scrolling_sideways(browser, site, built_book):
    failures, verdicts = [], 0
    for width in WIDTHS:
        for mode in MODES:
            for name in _all_pages(built_book):
                page = _open(browser, site + name, width=width, mode=mode)
                try:
                    result = page.evaluate(
                        """() => { const w = document.documentElement.clientWidth;
                          const out = [...document.querySelectorAll('[data-verdict]')].map(e => e.getBoundingClientRect())
                            .filter(r => r.width > 0 && r.height > 0);
                          return {width: w, scroll: document.scrollingElement.scrollWidth, count: out.length,
                            outside: out.filter(r => r.left < -1 || r.right > w + 1).length}; }"""
                    )
                    verdicts += result["count"]
                    if result["scroll"] > result["width"] + 1:
                        failures.append(f"{width}px {mode} {name}: page is {result['scroll']}px wide")
                    if result["outside"]:
                        failures.append(f"{width}px {mode} {name}: {result['outside']} verdicts outside the viewport")
                finally:
                    page.close()
    assert verdicts > 0, "no [data-verdict] element measured"
    assert failures == [], "\n".join(failures)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is not installed at {AXE}: run `npm ci` (package.json devDependencies)")
        pytest.skip("no node_modules/axe-core (run `npm ci`)")
    return AXE


def test_axe_core_finds_no_serious_or_critical_violation(browser, site, built_book, axe_script):
    failures = []
    for width in WIDTHS:
        for mode in MODES:
            for name in [*_all_pages(built_book), "search.html"]:
                page = _open(browser, site + name, width=width, mode=mode)
                try:
                    page.add_script_tag(path=str(axe_script))
                    violations = page.evaluate(
                        """() => axe.run(document).then(r => r.violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"""
                    )
                    failures += [f"{width}px {mode} {name}: {v}" for v in violations]
                finally:
                    page.close()
    assert failures == [], "axe-core:\n" + "\n".join(failures)


def test_toggle_buttons_expose_aria_pressed_and_focus_rings_show(browser, site, built_book):
    name = next(n for n in _widget_pages(built_book) if "widget-toggle-buttons" in (built_book / n).read_text("utf-8"))
    page = _open(browser, site + name)
    try:
        page.wait_for_selector(".widget-toggle-buttons button", timeout=15_000)
        group = page.locator(".widget-toggle-buttons").first
        buttons = group.locator("button")
        page.wait_for_timeout(300)
        pressed = buttons.evaluate_all("bs => bs.map(b => b.getAttribute('aria-pressed'))")
        assert pressed.count("true") == 1 and pressed.count("false") == len(pressed) - 1, pressed
        other = pressed.index("false")
        buttons.nth(other).click()
        page.wait_for_timeout(300)
        assert buttons.nth(other).get_attribute("aria-pressed") == "true"
        assert buttons.nth(pressed.index("true")).get_attribute("aria-pressed") == "false"
        # a keyboard user sees where the focus is: a solid ring of at least 2px on a link and a toggle button
        for selector in (".bd-article a.reference", ".widget-toggle-buttons button"):
            target = page.locator(selector).first
            target.focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")
            ring = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, parseFloat(s.outlineWidth), document.activeElement.tagName]; }"
            )
            assert ring[0] not in ("none", "") and ring[1] >= 2, f"{selector}: focus ring {ring}"
    finally:
        page.close()


def test_headings_never_skip_a_level(browser, site, built_book):
    failures = []
    for name in _all_pages(built_book):
        page = _open(browser, site + name)
        try:
            levels = page.evaluate(
                "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
                ".filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))"
            )
            assert levels and levels[0] == 1, f"{name}: first heading is h{levels[:1]}"
            failures += [f"{name}: h{a} then h{b}" for a, b in itertools.pairwise(levels) if b > a + 1]
        finally:
            page.close()
    assert failures == [], "\n".join(failures)


def test_the_chinese_edition_works_offline_its_widgets_answer_in_chinese_and_the_switch_leads_back(browser, built_book):
    name = _widget_pages(built_book)[0]
    assert _check_widgets(browser, (built_book / "zh" / name).as_uri(), lang="zh") > 0
    visit = Visit(browser, (built_book / "zh" / name).as_uri())
    try:
        page = visit.page
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        hidden = page.locator('.nqpf-result-text [lang="en"]').first
        assert not hidden.is_visible()  # the English half of a widget's result is hidden in the Chinese edition
        page.locator(".nqpf-lang-switch a").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/" + name) and "/zh/" not in page.url
        assert page.evaluate("document.documentElement.lang") == "en"
        assert visit.errors == [] and visit.remote == []
    finally:
        visit.close()
