"""Quality gates on EVERY page of the built site, both languages, in Debian's Chromium.

Pages are discovered from a build of the real site (every HTML file: content pages and the two
404 pages, plus one missing address that the host answers with /404.html), never listed by
hand. Each page is loaded ONCE per viewport (360×740 and 1280×800); the tests below share
that visit and check, each on its own:

- zero axe-core violations of WCAG 2.0 / 2.1 / 2.2, levels A and AA;
- no console errors, no failed requests, no request to another origin;
- no sideways scrolling;
- the hotline link inside the first screen;
- the language switcher lands on the same page in the other language (content pages, clicked
  at 360 px);
- the first load (every request, gzip bytes as sent) within the byte budget.

Run in parallel with `pytest -n auto` (pytest-xdist): each page's visits stay on one worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from conftest import default_build
from scripts.core.sitepages import iter_pages

pytestmark = pytest.mark.browser

VIEWPORTS = {"360": (360, 740), "1280": (1280, 800)}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# An address that does not exist, two levels deep: the host answers with /404.html, whose
# stylesheets, scripts and links must therefore work from any depth.
MISSING = "khong-co/trang-nay/"
BUDGET_BYTES = 100 * 1024          # first load of any page, gzip bytes on the wire
# Tests that need fewer combinations than every page × every viewport.
CONTENT_PAGES_ONLY = {"test_language_switcher_lands_on_the_same_page"}   # 404s have no twin
# Same requests at every width; the switcher's links are the same at every width too (and
# tests/website/test_build.py checks every page's switcher links statically), so it is clicked once.
MOBILE_ONLY = {"test_first_load_within_the_byte_budget",
               "test_language_switcher_lands_on_the_same_page"}


# ---------------------------------------------------------------------------------------------
# Discovery: which pages exist. Done at collection time, from a build of the real site.
# ---------------------------------------------------------------------------------------------

_discovered: dict[str, list[str]] = {}


def discover_pages() -> dict[str, list[str]]:
    """{"all": [...], "content": [...]} site-relative URLs of the built site's HTML pages."""
    if not _discovered:
        pages = [p for p in iter_pages(default_build()) if not p.is_redirect]
        _discovered["all"] = [p.url for p in pages] + [MISSING]
        _discovered["content"] = [p.url for p in pages if not p.is_404]
    return _discovered


def _label(url: str) -> str:
    return "/" + url


def pytest_generate_tests(metafunc):
    if "page_url" not in metafunc.fixturenames:
        return
    found = discover_pages()
    name = metafunc.function.__name__
    urls = found["content"] if name in CONTENT_PAGES_ONLY else found["all"]
    viewports = ["360"] if name in MOBILE_ONLY else list(VIEWPORTS)
    params = [
        # One xdist group per (page, viewport): its tests share one visit on one worker.
        pytest.param(url, vp, id=f"{vp}-{_label(url)}",
                     marks=pytest.mark.xdist_group(f"{vp}-{url}"))
        for url in urls for vp in viewports
    ]
    metafunc.parametrize(["page_url", "viewport"], params)


# ---------------------------------------------------------------------------------------------
# One visit per (page, viewport), shared by the tests.
# ---------------------------------------------------------------------------------------------

@dataclass
class Visit:
    url: str                              # site-relative
    viewport: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    bytes_by_url: dict[str, int] = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)
    overflow: dict = field(default_factory=dict)
    hotline_box: dict | None = None
    switched_to: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{_label(self.url)} at {'×'.join(map(str, VIEWPORTS[self.viewport]))}"


_visits: dict[tuple[str, str], Visit] = {}

# Elements wider than the viewport that are not inside a scrolling box (tables and code
# blocks scroll inside their own box, which is fine); the outermost offenders only.
_OVERFLOW_JS = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox !== 'visible' && ox !== 'clip' && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
    if (wide.some(w => w.contains(el))) continue;
    wide.push(el);
  }
  return {scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), width,
          scrolledTo: (window.scrollTo(9999, window.scrollY), window.scrollX),
          wide: wide.slice(0, 5).map(el => describe(el) + ' right=' +
                                    Math.round(el.getBoundingClientRect().right))};
}"""


def _visit(browser, base_url: str, url: str, viewport: str, switch: bool) -> Visit:
    from axe_playwright_python.sync_playwright import Axe

    width, height = VIEWPORTS[viewport]
    visit = Visit(url=url, viewport=viewport)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    address = base_url + url
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        recording = [True]
        finished = []

        def on_console(msg):
            # The missing address is answered with status 404 on purpose: Chromium logs that.
            if msg.type == "error" and recording[0] and not (
                    url == MISSING and msg.location.get("url") == address and "404" in msg.text):
                visit.console_errors.append(f"{msg.text} ({msg.location.get('url')})")

        def on_request(request):
            if recording[0]:
                visit.requests.append(request.url)

        def on_failed(request):
            if recording[0]:
                visit.failed.append(f"{request.url}: {request.failure}")

        def on_response(response):
            if recording[0] and response.status >= 400 and not (
                    url == MISSING and response.url == address):
                visit.failed.append(f"{response.url}: HTTP {response.status}")

        def on_finished(request):
            if recording[0]:
                finished.append(request)

        page.on("console", on_console)
        page.on("pageerror", lambda exc: recording[0] and visit.console_errors.append(f"uncaught: {exc}"))
        page.on("request", on_request)
        page.on("requestfailed", on_failed)
        page.on("response", on_response)
        page.on("requestfinished", on_finished)

        response = page.goto(address, wait_until="load")
        visit.status = response.status if response else None
        hotline = page.locator(".md-banner a.hotline__link[href^='tel:']").first
        visit.hotline_box = hotline.bounding_box() if hotline.count() and hotline.is_visible() else None
        visit.overflow = page.evaluate(_OVERFLOW_JS)
        page.evaluate("window.scrollTo(0, 0)")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                           "resultTypes": ["violations"]})
        visit.violations = results.response["violations"]
        page.wait_for_load_state("networkidle")
        for request in finished:
            if request.url.startswith(origin):
                visit.bytes_by_url[request.url] = request.sizes()["responseBodySize"]
        recording[0] = False

        if switch:
            lang = "en" if url.startswith("en/") else "vi"
            for other in ("vi", "en"):
                if other == lang:
                    continue
                page.locator(".md-select button").first.click()
                link = page.locator(f".md-select__link[hreflang={other}]").first
                with page.expect_navigation():
                    link.click()
                visit.switched_to[other] = page.url[len(base_url):] if page.url.startswith(base_url) else page.url
    finally:
        context.close()
    return visit


@pytest.fixture
def visit(browser, served_site, page_url, viewport) -> Visit:
    key = (page_url, viewport)
    if key not in _visits:
        switch = viewport == "360" and page_url in discover_pages()["content"]
        _visits[key] = _visit(browser, served_site, page_url, viewport, switch)
    return _visits[key]


# ---------------------------------------------------------------------------------------------
# The gates.
# ---------------------------------------------------------------------------------------------

def test_the_pages_tested_are_the_pages_served(served_site):
    """Discovery (files of one build) agrees with the served build's sitemap and answers."""
    import urllib.error
    import urllib.request
    import xml.etree.ElementTree as ET

    found = discover_pages()
    with urllib.request.urlopen(served_site + "sitemap.xml") as answer:
        sitemap = ET.fromstring(answer.read())
    locs = {loc.text[len(served_site):] for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locs == set(found["content"])
    for url in found["all"]:
        try:
            status = urllib.request.urlopen(served_site + url).status
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status == (404 if url == MISSING else 200), url


def test_nothing_makes_material_fetch_a_sitemap_later(pages):
    """Material also fetches "<language root>/sitemap.xml" when a link is hovered, if
    navigation.instant(.preview) is on or the link has data-preview; static-i18n writes no
    /en/sitemap.xml, so that would fail in English. The browser visits above do not hover."""
    import json

    for p in pages:
        html = p.path.read_text(encoding="utf-8")
        assert "data-preview" not in html, f"/{p.url}: a link with data-preview"
        start = html.find('<script id="__config" type="application/json">')
        if start < 0:
            continue
        config = json.loads(html[html.index(">", start) + 1:html.index("</script>", start)])
        on = [f for f in config["features"] if f.startswith("navigation.instant")]
        assert not on, f"/{p.url}: {on} fetches sitemaps (and breaks the language switcher)"


def _fail(where: str, problems: list[str]) -> None:
    """Fail with a readable list (not the visit's repr): one problem a line."""
    if problems:
        pytest.fail(f"{where}:\n" + "\n".join(problems), pytrace=False)


def _format_violation(visit: Visit, v: dict) -> str:
    lines = [f"[{v['id']}] ({v.get('impact')}) {v['help']} — {v['helpUrl']}"]
    for node in v["nodes"][:8]:
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        lines.append(f"    target {node['target']}: {summary[:300]}")
    if len(v["nodes"]) > 8:
        lines.append(f"    … and {len(v['nodes']) - 8} more elements")
    return "\n".join(lines)


def test_no_axe_violations_wcag_a_aa(visit):
    _fail(f"{visit.where}: axe-core violations (WCAG 2.0/2.1/2.2 A and AA)",
          [_format_violation(visit, v) for v in visit.violations])


def test_no_console_errors(visit):
    _fail(f"{visit.where}: console errors", visit.console_errors)


def test_no_failed_requests(visit):
    expected = 404 if visit.url == MISSING else 200
    status = [] if visit.status == expected else [f"the page answered {visit.status}, not {expected}"]
    # Material fetches "<alternate>/sitemap.xml" for hreflang <link>s in the head (none now:
    # overrides/main.html) and with navigation.instant (off); static-i18n writes
    # no /en/sitemap.xml, so such a request would fail. None may happen at all.
    sitemaps = [f"{u}: Material fetched a sitemap" for u in visit.requests if u.endswith("sitemap.xml")]
    _fail(f"{visit.where}: failed requests", status + visit.failed + sitemaps)


def test_no_request_to_another_origin(visit, served_site):
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(served_site))
    other = [u for u in visit.requests
             if not u.startswith(origin) and not u.startswith(("data:", "blob:"))]
    _fail(f"{visit.where}: requests to other origins", other)


def test_no_sideways_scrolling(visit):
    o = visit.overflow
    if o["scrollWidth"] > o["width"] or o["scrolledTo"] != 0 or o["wide"]:
        _fail(f"{visit.where}: scrolls sideways", [
            f"page {o['scrollWidth']} px wide in a {o['width']} px viewport; "
            f"scrolls to x={o['scrolledTo']}", *[f"too wide: {w}" for w in o["wide"]]])


def test_hotline_link_in_the_first_screen(visit):
    box = visit.hotline_box
    height = VIEWPORTS[visit.viewport][1]
    if not box:
        _fail(visit.where, ["no visible hotline link (a.hotline__link) in the hotline bar"])
    elif box["y"] < 0 or box["y"] + box["height"] > height:
        _fail(visit.where, [f"hotline link at y={box['y']:.0f}–{box['y'] + box['height']:.0f}, "
                            f"outside the first screen (0–{height})"])


def test_language_switcher_lands_on_the_same_page(visit):
    lang = "en" if visit.url.startswith("en/") else "vi"
    other = "vi" if lang == "en" else "en"
    expected = visit.url[3:] if lang == "en" else "en/" + visit.url
    landed = visit.switched_to.get(other)
    if landed != expected:
        _fail(visit.where, [f"the language switcher's '{other}' link led to /{landed}, "
                            f"expected /{expected}"])


def test_first_load_within_the_byte_budget(visit):
    total = sum(visit.bytes_by_url.values())
    if total > BUDGET_BYTES:
        biggest = sorted(visit.bytes_by_url.items(), key=lambda kv: -kv[1])[:6]
        _fail(visit.where, [
            f"first load is {total / 1024:.1f} KiB gzip, over the {BUDGET_BYTES / 1024:.0f} KiB "
            "budget; largest: " + ", ".join(f"{urlsplit(u).path} {n / 1024:.1f} KiB" for u, n in biggest)])


# ---------------------------------------------------------------------------------------------
# The gates themselves: a deliberately broken page must trip every one of them.
# ---------------------------------------------------------------------------------------------

BROKEN_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Hỏng</title>
<link rel="stylesheet" href="http://other-origin.invalid/x.css"></head>
<body><main><h1>Trang hỏng</h1>
<p style="color:#aaa">Chữ mờ trên nền trắng.</p>
<img src="missing.png">
<div style="width:2000px">quá rộng</div>
<script>console.error("boom")</script></main></body></html>"""


def test_the_gates_catch_a_broken_page(browser, tmp_path):
    from static_server import serve

    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    with serve(tmp_path) as base:
        v = _visit(browser, base, "", "360", switch=False)
    rules = {violation["id"] for violation in v.violations}
    assert {"image-alt", "color-contrast"} <= rules
    assert any("boom" in e for e in v.console_errors)
    assert any("missing.png" in f and "404" in f for f in v.failed)
    assert any(u.startswith("http://other-origin.invalid/") for u in v.requests)
    assert v.overflow["scrollWidth"] > 360 and v.overflow["wide"]
    assert v.hotline_box is None
    assert v.bytes_by_url[base] > 0
