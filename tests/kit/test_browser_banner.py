"""The "Call 111" banner in Chromium: its lines fit, its snippet works pasted into a page of
another website, and the school kit's copy button copies exactly that snippet."""

from __future__ import annotations

import html
import re
import urllib.request

import pytest

from scripts.kit import banner
from scripts.phones import load_phones
from static_server import serve

pytestmark = pytest.mark.browser

HOTLINE = banner.hotline(load_phones())
CASES = [(lang, s) for lang in banner.LANGS for s in banner.SIZES]
IDS = [f"{lang}-{s.name}" for lang, s in CASES]


def _kit_page(served_site: str, lang: str) -> str:
    url = served_site + ("en/" if lang == "en" else "") + "nha-truong/"
    with urllib.request.urlopen(url) as response:
        return response.read().decode("utf-8")


def _snippets(page: str) -> list[str]:
    return [html.unescape(c) for c in
            re.findall(r'<pre class="school-banner__code"[^>]*><code[^>]*>(.*?)</code></pre>', page, re.S)]


@pytest.mark.parametrize("lang,size", CASES, ids=IDS)
def test_every_line_fits_inside_the_banner(served_site, new_page, lang, size):
    page = new_page(width=800, height=400)
    url = served_site + banner.FOLDER + "/" + banner.file_name(lang, size.name)
    response = page.goto(url)
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")
    boxes = page.evaluate("""() => [...document.querySelectorAll('text')].map(t => {
        const b = t.getBBox(); return {text: t.textContent, left: b.x, right: b.x + b.width,
                                       top: b.y, bottom: b.y + b.height}; })""")
    assert len(boxes) == 3
    for box in boxes:
        assert box["left"] >= 4 and box["right"] <= size.width - 4, box
        assert box["top"] >= 0 and box["bottom"] <= size.height, box
    # Lines do not overlap each other vertically (small banner: stacked lines).
    if size.name == "small":
        ordered = sorted(boxes, key=lambda b: b["top"])
        assert all(a["bottom"] <= b["top"] + 1 for a, b in zip(ordered, ordered[1:])), ordered


@pytest.mark.parametrize("lang,size", CASES, ids=IDS)
def test_snippet_pasted_into_another_website(served_site, new_page, tmp_path, lang, size):
    code = _snippets(_kit_page(served_site, lang))[banner.SIZES.index(size)]
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>Trường</title></head>"
        f"<body><p>Trang web của trường</p>{code}</body></html>", encoding="utf-8")
    with serve(tmp_path) as other_origin:
        assert other_origin.split("/")[2] != served_site.split("/")[2]     # another port
        page = new_page(width=1280, height=800)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(other_origin, wait_until="networkidle")
        image_url = banner.image_url(served_site, lang, size.name)
        assert requests == [other_origin, image_url]
        image = page.locator("a > img")
        assert image.evaluate("i => i.complete && i.naturalWidth") == size.width
        assert image.get_attribute("alt") == banner.alt_text(HOTLINE, lang)
        box = image.bounding_box()
        assert (box["width"], box["height"]) == (size.width, size.height)
        link = page.locator("a")
        assert link.get_attribute("href") == banner.report_url(served_site, lang)
        with page.expect_navigation():
            link.click()
        assert page.url == served_site + ("en/" if lang == "en" else "") + "bao-tin/"
        assert "111" in page.locator("h1").inner_text() or page.locator("a[href='tel:111']").count()


def test_pasted_banner_shrinks_to_a_phone_screen(served_site, new_page, tmp_path):
    code = _snippets(_kit_page(served_site, "vi"))[0]                 # the wide one
    (tmp_path / "index.html").write_text(
        f"<!doctype html><meta charset='utf-8'><meta name='viewport' "
        f"content='width=device-width'><title>x</title>{code}", encoding="utf-8")
    with serve(tmp_path) as other_origin:
        page = new_page(width=360, height=740)
        page.goto(other_origin, wait_until="networkidle")
        box = page.locator("img").bounding_box()
        assert box["width"] <= 360 and abs(box["width"] / box["height"] - 728 / 90) < 0.1


@pytest.mark.parametrize("lang,done", [("vi", "Đã sao chép mã HTML"), ("en", "HTML copied")])
def test_copy_button_copies_the_snippet(served_site, new_page, lang, done):
    page = new_page(width=360, height=740)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(served_site + ("en/" if lang == "en" else "") + "nha-truong/")
    expected = banner.snippet(HOTLINE, lang, "small", served_site)
    group = page.locator(".school-banner__code + .kit-actions").nth(1)
    button = group.locator("button")
    button.scroll_into_view_if_needed()
    assert button.is_visible() and group.locator("button").count() == 1
    button.click()
    group.locator("[role=status]").filter(has_text=done).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    # The preview image on the page loaded and fits the phone's screen.
    preview = page.locator(".school-banner__image").nth(0)
    preview.scroll_into_view_if_needed()
    assert preview.evaluate("i => i.complete && i.naturalWidth > 0")
    assert preview.bounding_box()["width"] <= 360
    assert not errors, errors


def test_without_javascript_the_code_is_there_and_no_button(served_site, new_page):
    page = new_page(width=360, height=740, javascript=False)
    page.goto(served_site + "nha-truong/")
    codes = page.locator(".school-banner__code")
    assert codes.count() == len(banner.SIZES) and codes.first.is_visible()
    assert page.locator(".kit-actions button:visible").count() == 0
