"""scripts/links/check_links.py: each kind of broken link is caught and traced to its Markdown line.

One fixture project (the real configuration and pages, plus pages holding one defect each) is
built once; hand-written HTML covers what is clearer without a build (allow-list, base path,
mailto forms, misuse).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from fixture_project import ROOT, build, line_of, make_project, run_script
from scripts.links import check_links
from scripts.i18n import translation

DEFECTS = {
    # page (under docs/) -> (text, code expected, the text on the line that must be reported)
    "vi/kiem-tra/thieu-trang/index.md": (
        "---\ntitle: Kiểm tra trang thiếu\ndescription: Trang thử có liên kết tới trang không có.\n---\n\n"
        "# Kiểm tra trang thiếu\n\nĐoạn mở đầu.\n\nXem [trang không có](../khong-co/index.md) để biết thêm.\n",
        "links.missing-page", "[trang không có]"),
    "vi/kiem-tra/thieu-neo/index.md": (
        "---\ntitle: Kiểm tra neo thiếu\ndescription: Trang thử có liên kết tới một neo không có.\n---\n\n"
        "# Kiểm tra neo thiếu\n\nMột đoạn.\n\nMột đoạn nữa.\n\n"
        "Đọc [mục nguồn](../../gioi-thieu/index.md#muc-khong-co) của trang giới thiệu.\n",
        "links.missing-anchor", "#muc-khong-co"),
    "vi/kiem-tra/thieu-anh/index.md": (
        "---\ntitle: Kiểm tra ảnh thiếu\ndescription: Trang thử có một ảnh không có tệp.\n---\n\n"
        "# Kiểm tra ảnh thiếu\n\n![Áp phích gọi 111](anh-khong-co.png)\n",
        "links.missing-file", "anh-khong-co.png"),
    "en/kiem-tra/thieu-anh/index.md": (
        "---\ntitle: Missing image check\ndescription: A test page with an image whose file is missing.\n---\n\n"
        "# Missing image check\n\nSome text.\n\n![Poster: call 111](missing-poster.png)\n",
        "links.missing-file", "missing-poster.png"),
    "vi/kiem-tra/sai-ngon-ngu/index.md": (
        "---\ntitle: Kiểm tra sai ngôn ngữ\ndescription: Trang tiếng Việt có liên kết sang trang tiếng Anh.\n---\n\n"
        "# Kiểm tra sai ngôn ngữ\n\nĐoạn một.\n\n"
        "Có chủ ý: <a href=\"../../en/gioi-thieu/\" hreflang=\"en\">About</a>.\n\n"
        "Không ghi rõ: <a href=\"../../en/gioi-thieu/\">bản tiếng Anh</a>.\n",
        "links.wrong-language", "Không ghi rõ"),
    "vi/kiem-tra/so-dien-thoai/index.md": (
        "---\ntitle: Kiểm tra số điện thoại\ndescription: Trang thử gọi một số không có trong danh bạ.\n---\n\n"
        "# Kiểm tra số điện thoại\n\nGọi [111](tel:111) khi trẻ bị xâm hại.\n\n"
        "Cứu nạn: gọi [112](tel:112).\n",
        "links.tel-unregistered", "tel:112"),
    "vi/kiem-tra/thu-sai/index.md": (
        "---\ntitle: Kiểm tra thư\ndescription: Trang thử có địa chỉ thư sai.\n---\n\n"
        "# Kiểm tra thư\n\nViết cho [ban biên tập](mailto:bien-tap@) nhé.\n",
        "links.mailto-malformed", "mailto:bien-tap@"),
}


@pytest.fixture(scope="module")
def defect_project(tmp_path_factory):
    # The build itself refuses a tel: link to an unregistered number written in Markdown
    # (scripts/phones/hook_phones.py, tested in test_phone_markers.py). It is switched off here so that
    # the link checker's own tel: check, the net for links that templates and hooks make, is
    # tested on a page like the others.
    project = make_project(tmp_path_factory.mktemp("links"),
                           {rel: text for rel, (text, _, _) in DEFECTS.items()},
                           skip_hooks=("scripts/phones/hook_phones.py",))
    done = build(project)
    assert done.returncode == 0, done.stderr
    return project


@pytest.fixture(scope="module")
def defect_report(defect_project):
    done = run_script("links/check_links.py", str(defect_project / "site"), "--root", str(defect_project),
                      "--format", "json")
    assert done.returncode == 1, done.stdout + done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("page", sorted(DEFECTS))
def test_each_defect_is_caught_at_its_markdown_line(defect_report, page):
    text, code, needle = DEFECTS[page]
    file = f"docs/{page}"
    found = [p for p in defect_report["problems"] if p["file"] == file]
    assert [p["code"] for p in found] == [code], found
    assert found[0]["line"] == line_of(text, needle)
    assert found[0]["message"]["vi"] and found[0]["message"]["en"]
    assert found[0]["fix"]["vi"] and found[0]["fix"]["en"]


def test_the_real_pages_of_the_fixture_have_no_problem(defect_report):
    others = [p for p in defect_report["problems"] if "/kiem-tra/" not in p["file"]]
    assert not others


def test_missing_anchor_suggests_the_close_one(tmp_path, defect_project):
    page = "vi/kiem-tra/neo-gan-dung/index.md"
    text = ("---\ntitle: Neo gần đúng\ndescription: Trang thử.\n---\n\n# Neo gần đúng\n\n"
            "[Hai văn bản](../../index.md#hai-van-ban-chin)\n")
    project = make_project(tmp_path / "p", {page: text}, docs=True)
    assert build(project).returncode == 0
    done = run_script("links/check_links.py", str(project / "site"), "--root", str(project), "--format", "json")
    problem = next(p for p in json.loads(done.stdout)["problems"] if p["file"] == f"docs/{page}")
    assert "#hai-van-ban-chinh" in problem["message"]["en"]


def test_github_format_gives_annotations(defect_project):
    done = run_script("links/check_links.py", str(defect_project / "site"), "--root", str(defect_project),
                      "--format", "github")
    assert done.returncode == 1
    lines = [l for l in done.stdout.splitlines() if l.startswith("::error ")]
    assert len(lines) == len(DEFECTS)
    text, _, needle = DEFECTS["vi/kiem-tra/so-dien-thoai/index.md"]
    expected = f"::error file=docs/vi/kiem-tra/so-dien-thoai/index.md,line={line_of(text, needle)},"
    assert any(l.startswith(expected) for l in lines)
    assert all("%0A" in l and "\n" not in l for l in lines)


def test_text_format_names_file_line_and_both_languages(defect_project):
    done = run_script("links/check_links.py", str(defect_project / "site"), "--root", str(defect_project))
    assert done.returncode == 1
    text, _, needle = DEFECTS["vi/kiem-tra/thieu-trang/index.md"]
    assert f"docs/vi/kiem-tra/thieu-trang/index.md:{line_of(text, needle)}: [links.missing-page]" in done.stdout
    assert "Lỗi:" in done.stdout and "Problem:" in done.stdout and "Fix:" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_real_site_passes(built_site):
    done = run_script("links/check_links.py", str(built_site))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems found" in done.stdout


def test_translation_notice_link_is_allowed_and_resolves(tmp_path):
    """A stale English page links to its Vietnamese original with hreflang: not a wrong-language link."""
    project = make_project(tmp_path / "p")
    page = project / "docs/en/gioi-thieu/index.md"
    page.write_text(translation.with_marker(page.read_text(encoding="utf-8"), "000000000000"),
                    encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site/en/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning translation-notice"' in html
    assert re.search(r'<a href="\.\./\.\./gioi-thieu/" hreflang="vi"[^>]*>read the Vietnamese original</a>', html)
    assert "translation-notice" not in (project / "site/en/index.html").read_text(encoding="utf-8")
    done = run_script("links/check_links.py", str(project / "site"), "--root", str(project))
    assert done.returncode == 0, done.stdout


# ---------------------------------------------------------------------------------------------
# Hand-written sites
# ---------------------------------------------------------------------------------------------

def _page(lang: str, body: str, canonical: str = "", extra_head: str = "") -> str:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n{head}{extra_head}\n</head>\n'
            f'<body>\n{body}\n</body>\n</html>\n')


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for rel, html in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(html, encoding="utf-8")
    return site


def _check(tmp_path: Path, site: Path) -> list[dict]:
    done = run_script("links/check_links.py", str(site), "--root", str(tmp_path), "--docs-dir",
                      str(tmp_path / "docs"), "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["problems"]


def test_allow_list_switcher_hreflang_and_404(tmp_path):
    base = "https://example.org/tre-em/"
    site = _site(tmp_path, {
        "index.html": _page("vi", '<a class="md-select__link" href="en/" hreflang="en">English</a>\n'
                                  '<a href="en/">English, no hreflang</a>', base),
        "en/index.html": _page("en", '<a class="md-select__link" href="../" hreflang="vi">Tiếng Việt</a>\n'
                                     '<a href="../" hreflang="vi">Vietnamese</a>', base + "en/"),
        "404.html": _page("vi", '<a href="/tre-em/">Trang chủ</a>\n<a href="/tre-em/en/">English home</a>'),
        "en/404.html": _page("en", '<a href="/tre-em/">Vietnamese home</a>'),
    })
    problems = _check(tmp_path, site)
    assert [(p["code"], p["file"], p["line"]) for p in problems] == [
        ("links.wrong-language", "site/index.html", 8)], problems
    assert not any(rule.reason == "" for rule in check_links.ALLOWED_CROSS_LANGUAGE)


def test_base_path_schemes_mail_and_tel_forms(tmp_path):
    base = "https://example.org/tre-em/"
    body = "\n".join([
        '<a href="/tre-em/a/">ok, inside the base path</a>',
        '<a href="/khac/">outside the base path</a>',
        '<a href="../../x/">climbs above the root</a>',
        '<a href="htps://example.org/">typo in the scheme</a>',
        '<a href="mailto:bien-tap@example.org?subject=G%C3%B3p%20%C3%BD">good mail</a>',
        '<a href="mailto:">no address</a>',
        '<a href="mailto:a@example.org?foo=1">unknown parameter</a>',
        '<a href="tel:1%2011">spaced but registered</a>',
        '<a href="tel:11a">not a number</a>',
        '<a href="https://example.org/tre-em/a/#nope">own absolute URL, missing anchor</a>',
        '<img src="/tre-em/a/logo.svg" alt="logo">',
        '<a href="sms:111?body=Gi%C3%BAp">text the hotline</a>',
        '<a href="sms:112?body=Gi%C3%BAp">text a number that is not registered</a>',
    ])
    site = _site(tmp_path, {"index.html": _page("vi", body, base),
                            "a/index.html": _page("vi", '<p id="yes">a</p>', base + "a/"),
                            "a/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    problems = {(p["code"], p["line"]) for p in _check(tmp_path, site)}
    assert problems == {("links.outside-base", 8), ("links.outside-base", 9),
                        ("links.unknown-scheme", 10), ("links.mailto-malformed", 12),
                        ("links.mailto-malformed", 13), ("links.tel-malformed", 15),
                        ("links.missing-anchor", 16), ("links.tel-unregistered", 19)}


def test_a_link_made_by_the_theme_is_reported_on_the_built_page(tmp_path):
    site = _site(tmp_path, {"index.html": _page("vi", "<nav>\n<a href=\"khong-co/\">x</a>\n</nav>")})
    (tmp_path / "docs/vi").mkdir(parents=True)
    (tmp_path / "docs/vi/index.md").write_text("# Trang chủ\n", encoding="utf-8")
    problems = _check(tmp_path, site)
    assert [(p["file"], p["line"], p["code"]) for p in problems] == [("site/index.html", 8, "links.missing-page")]
    assert "theme" in problems[0]["details"]


def test_misuse_and_bad_input_exit_2_without_traceback(tmp_path):
    missing = run_script("links/check_links.py", str(tmp_path / "nothing-here"))
    assert missing.returncode == 2 and "mkdocs build" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run_script("links/check_links.py", str(tmp_path / "empty"))
    assert empty.returncode == 2 and "index.html" in empty.stderr
    bad_option = run_script("links/check_links.py", "--format", "xml")
    assert bad_option.returncode == 2 and "usage error" in bad_option.stderr


def test_no_lychee_is_misuse(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path, {"index.html": _page("vi", "")})
    monkeypatch.setattr(check_links, "find_lychee", lambda: None)
    assert check_links.main([str(site)]) == 2
    assert "requirements-test.txt" in capsys.readouterr().err


def test_unreadable_page_is_a_problem_not_a_traceback(tmp_path):
    site = _site(tmp_path, {"index.html": _page("vi", "")})
    (site / "bad.html").write_bytes(b"<html lang='vi'>\xff\xfe</html>")
    problems = _check(tmp_path, site)
    assert [p["code"] for p in problems] == ["links.unreadable-page"]


def test_lychee_command_uses_offline_root_dir_index_and_fragments(tmp_path):
    site = _site(tmp_path, {"index.html": _page("vi", "", "https://example.org/tre-em/")})
    loaded = check_links.load_site(site, tmp_path / "docs", tmp_path)
    cmd = check_links.lychee_command("lychee", loaded, external=False, edit_prefixes=[])
    assert "--offline" in cmd and "--include-fragments=anchor-only" in cmd
    assert cmd[cmd.index("--root-dir") + 1] == str(site.resolve())
    assert cmd[cmd.index("--index-files") + 1] == "index.html"
    external = check_links.lychee_command("lychee", loaded, external=True,
                                          edit_prefixes=["https://github.com/x/y/edit/main/"])
    assert "--offline" not in external and "--cache" in external and "--max-retries" in external
    assert "--host-concurrency" in external and "--host-request-interval" in external
    assert r"^https://github\.com/x/y/edit/main/" in external


# ---------------------------------------------------------------------------------------------
# MkDocs' own validation at build time
# ---------------------------------------------------------------------------------------------

def test_mkdocs_validation_warns_on_links_and_anchors():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.strict is True
    links, nav = config.validation.links, config.validation.nav
    for level in (links.not_found, links.anchors, links.absolute_links, links.unrecognized_links,
                  nav.not_found, nav.omitted_files):
        assert level == logging.WARNING


def test_strict_build_fails_on_a_broken_anchor(tmp_path):
    page = "vi/gioi-thieu/index.md"
    text = (ROOT / "docs" / page).read_text(encoding="utf-8") + "\n[Sai neo](../index.md#khong-co-neo)\n"
    project = make_project(tmp_path / "p", {page: text})
    done = build(project, strict=True)
    assert done.returncode != 0
    assert "khong-co-neo" in done.stdout + done.stderr


def test_external_links_are_checked_only_with_the_flag(tmp_path):
    """--external asks lychee over HTTP (here a local server: no internet needed)."""
    import functools
    import http.server
    import threading

    served = tmp_path / "served"
    served.mkdir()
    (served / "ok.html").write_text("<p>ok</p>", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        other = f"http://127.0.0.1:{server.server_address[1]}"
        site = _site(tmp_path, {"index.html": _page("vi", f'<a href="{other}/ok.html">ok</a>\n'
                                                          f'<a href="{other}/gone.html">gone</a>')})
        assert _check(tmp_path, site) == []
        done = run_script("links/check_links.py", str(site), "--external", "--root", str(tmp_path), "--docs-dir",
                          str(tmp_path / "docs"), "--format", "json")
    finally:
        server.shutdown()
    problems = json.loads(done.stdout)["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [("links.external-broken", 8)]
    assert "404" in problems[0]["message"]["en"]
    assert (tmp_path / ".lycheecache").is_file()
