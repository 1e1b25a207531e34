"""The Content-Security-Policy in DEPLOY.md is the one the pages carry, and every page obeys it."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import ROOT

DEPLOY = ROOT / "DEPLOY.md"


def documented_policy() -> str:
    text = DEPLOY.read_text(encoding="utf-8")
    block = text.split("<!-- csp:start -->", 1)[1].split("<!-- csp:end -->", 1)[0]
    return re.search(r"Content-Security-Policy: (.+)", block).group(1).strip()


def configured_policy() -> str:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !!python tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config["extra"]["content_security_policy"].strip()


def directives(policy: str) -> dict[str, set[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = set(words[1:])
    return out


def test_deploy_notes_and_config_state_the_same_policy():
    assert documented_policy() == configured_policy()


def test_policy_is_strict():
    d = directives(configured_policy())
    assert d["default-src"] == {"'none'"}
    assert d["script-src"] == {"'self'"}, "no 'unsafe-inline', 'unsafe-eval', hashes or hosts for scripts"
    assert "'unsafe-inline'" not in d["style-src"]
    assert d["frame-ancestors"] == {"'none'"} and d["object-src"] == {"'none'"}
    for values in d.values():
        assert not any(v.startswith(("http:", "https:", "*")) or v == "*" for v in values)


def test_every_page_carries_the_policy_as_meta(pages):
    expected = configured_policy().replace("frame-ancestors 'none'; ", "")
    for page in pages:
        if page.is_redirect:
            continue
        assert page.meta.get("http-equiv:content-security-policy") == [expected], page.url


def test_no_inline_code_the_policy_would_block(pages):
    inline = [(p.url, s[:80]) for p in pages for s in p.inline_scripts + p.inline_styles]
    assert not inline, "inline <script>/<style> would need 'unsafe-inline'"
    assert not [(p.url, l.value) for p in pages for l in p.links if l.value.lower().startswith("javascript:")]
    html = "\n".join(p.path.read_text(encoding="utf-8") for p in pages)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "inline event handler attribute"
    assert not re.search(r"<[^>]+\sstyle\s*=", html), "style attribute (needs 'unsafe-inline')"


# ------------------------------------------------------------------------------------------
# In the browser: the policy sent as a header, every page loaded, violations collected.
# ------------------------------------------------------------------------------------------

COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def csp_site(built_site, tmp_path_factory):
    """The built site served with the documented headers (the policy in full, as a header)."""
    from static_server import serve

    with serve(built_site, headers={"Content-Security-Policy": documented_policy()}) as base:
        yield base


def _visit(browser, url: str, interact: bool = False) -> list[str]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(COLLECT)
    page.goto(url)
    page.wait_for_load_state("load")
    if interact:   # open the search, type, so the worker and the index load under the policy
        page.locator("label.md-header__button[for=__search]").first.click()
        page.locator("input.md-search__input").fill("tre em")
        page.wait_for_selector(".md-search-result__meta", timeout=10_000)
    page.wait_for_timeout(200)
    found = page.evaluate("window.__csp") + console
    context.close()
    return found


@pytest.mark.browser
def test_every_page_loads_without_a_policy_violation(browser, csp_site, built_site, pages):
    problems = {}
    for page in pages:
        url = csp_site + page.url
        found = _visit(browser, url, interact=page.url in ("", "en/"))
        if found:
            problems[page.url] = found
    assert not problems


@pytest.mark.browser
def test_the_browser_check_does_catch_a_violation(browser, built_site, tmp_path):
    """The test above can fail: an inline script added to a copy of a page is reported."""
    from static_server import serve

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "gioi-thieu/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<script>1</script></body>"),
                    encoding="utf-8")
    with serve(copy, headers={"Content-Security-Policy": documented_policy()}) as base:
        found = _visit(browser, base + "gioi-thieu/")
    assert any("script-src" in v for v in found)
