"""scripts/safety/check_markup.py: markup that runs, redirects or embeds is refused in pages and
data with the source file and line; JavaScript only from extra.allowed_javascript."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from fixture_project import build, make_project
from scripts.safety import check_markup
from scripts.safety.check_markup import (check_data_file, check_javascript_sources, check_page, check_rendered,
                                         check_site, check_sources, find_markup, mask_code,
                                         theme_javascript)

PAGE = """---
title: Trang thử
description: Một trang dùng trong kiểm thử.
---

# Trang thử

Đoạn đầu.

{snippet}

Đoạn cuối.
"""
SNIPPET_LINE = 10          # the line {snippet} starts on in PAGE

HOSTILE = {
    "script": ('<script src="../assets/javascripts/x.js"></script>', "markup.script"),
    "script-inline": ("<script>document.querySelector('a').href='tel:112'</script>", "markup.script"),
    "refresh": ('<meta http-equiv="refresh" content="8;https://evil.example/">', "markup.meta"),
    "refresh-upper": ("<META HTTP-EQUIV=Refresh CONTENT='0;URL=https://evil.example/'>", "markup.meta"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "markup.iframe"),
    "object": ('<object data="x.swf"></object>', "markup.object"),
    "embed": ('<embed src="x.swf">', "markup.embed"),
    "base": ('<base href="https://evil.example/">', "markup.base"),
    "onerror": ('<img src="x.png" alt="" onerror="alert(1)">', "markup.event-attribute"),
    "onclick-multiline": ('<a href="../"\n   onclick="steal()">về</a>', "markup.event-attribute"),
    "svg-onload": ("<svg/onload=alert(1)>", "markup.event-attribute"),
    "attr-list": ('[Gọi](tel:111){ onclick="x()" }', "markup.event-attribute"),
    "javascript-link": ("[bấm vào đây](javascript:alert(1))", "markup.url-scheme"),
    "javascript-entities": ('<a href="&#106;ava&#x09;script:alert(1)">x</a>', "markup.url-scheme"),
    "vbscript": ('<a href="VBScript:msgbox(1)">x</a>', "markup.url-scheme"),
    "data-image": ("![ảnh](data:image/svg+xml;base64,PHN2Zz4=)", "markup.url-scheme"),
    "data-link": ('<a href=" data:text/html,<script>x</script>">x</a>', "markup.url-scheme"),
    "reference": ("[x][r]\n\n[r]: javascript:alert(1)", "markup.url-scheme"),
}

LINE_IN_SNIPPET = {"onclick-multiline": 1, "reference": 2}   # the line of the attribute / definition


def _page(tmp_path: Path, snippet: str) -> Path:
    path = tmp_path / "docs" / "vi" / "thu" / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(snippet=snippet), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", HOSTILE)
def test_each_hostile_snippet_is_refused_at_its_markdown_line(tmp_path, name):
    snippet, code = HOSTILE[name]
    problems = check_page(_page(tmp_path, snippet), root=tmp_path)
    assert [(p.file, p.code) for p in problems][:1] == [("docs/vi/thu/index.md", code)], problems
    offset = LINE_IN_SNIPPET.get(name, 0)
    assert problems[0].line == SNIPPET_LINE + offset
    assert problems[0].what.vi and problems[0].what.en and problems[0].fix.vi and problems[0].fix.en


@pytest.mark.parametrize("snippet", [
    "`<script src=x.js></script>` là ví dụ, không chạy",
    "```html\n<meta http-equiv=\"refresh\" content=\"0;url=x\">\n<img src=x onerror=y>\n```",
    "~~~\n[x](javascript:y)\n~~~",
    "[Tổng đài 111](tel:111) và [trang](../bao-tin/index.md){ .button }",
    '<div class="admonition danger" markdown>\n<p class="admonition-title">Gọi ngay</p>\n</div>',
    "Một câu có chữ on=off và data: số liệu; javascript: là một ngôn ngữ.",
    '<a href="https://example.org/data:x">nguồn</a>',
])
def test_shown_code_and_ordinary_markup_pass(tmp_path, snippet):
    assert check_page(_page(tmp_path, snippet), root=tmp_path) == []


def test_front_matter_is_checked_at_its_own_lines(tmp_path):
    path = tmp_path / "docs" / "en" / "p" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: A <script>x()</script> title\ndescription: Fine.\nsources:\n"
                    "  - title: A source\n    url: javascript:alert(1)\n"
                    '  - "<meta http-equiv=refresh content=0;url=https://evil.example/>"\n---\n\n# A\n',
                    encoding="utf-8")
    got = [(p.line, p.code) for p in check_page(path, root=tmp_path)]
    assert got == [(2, "markup.script"), (6, "markup.url-scheme"), (7, "markup.meta")]


def test_data_yaml_is_checked_after_yaml_escapes(tmp_path):
    path = tmp_path / "data" / "phones.yml"
    path.parent.mkdir()
    path.write_text('- number: "111"\n  name:\n    vi: "Tổng đài \\x3cscript\\x3ealert(1)\\x3c/script\\x3e"\n'
                    "    en: Hotline\n  when:\n    vi: |\n      Dòng một.\n      <img src=x onerror=alert(1)>\n"
                    "  source: {vi: x, en: javascript:alert(1)}\n", encoding="utf-8")
    got = [(p.file, p.line, p.code) for p in check_data_file(path, root=tmp_path)]
    assert got == [("data/phones.yml", 3, "markup.script"), ("data/phones.yml", 8, "markup.event-attribute"),
                   ("data/phones.yml", 9, "markup.url-scheme")]
    assert "Dữ liệu là chữ" in next(p for p in check_data_file(path, tmp_path) if p.code == "markup.script").fix.vi


def test_unreadable_files_are_problems_not_tracebacks(tmp_path):
    page = tmp_path / "docs" / "vi" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    assert [p.code for p in check_page(page, tmp_path)] == ["file.encoding"]
    data = tmp_path / "data" / "x.yml"
    data.parent.mkdir()
    data.write_text("a: [unclosed\nb: 1\n", encoding="utf-8")
    assert [(p.code, p.line) for p in check_data_file(data, tmp_path)] == [("markup.yaml", 2)]
    data.write_bytes(b"\xff\xfe\x00")
    assert [p.code for p in check_data_file(data, tmp_path)] == ["file.unreadable"]


def test_the_real_sources_pass():
    assert check_sources(ROOT) == []


# --- JavaScript only from the list ----------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p")


def test_an_unlisted_script_file_under_docs_is_refused(project):
    (project / "docs" / "assets" / "javascripts" / "rewrite-111.js").write_text("x()", encoding="utf-8")
    problems = check_javascript_sources(project)
    assert [(p.file, p.code) for p in problems] == [
        ("docs/assets/javascripts/rewrite-111.js", "js.not-allowed")]
    assert "extra.allowed_javascript" in problems[0].fix.vi and "maintainers" in problems[0].fix.en


def test_listed_files_must_exist_and_extra_javascript_must_be_listed(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    - assets/javascripts/copy-link.js      #", "    - assets/javascripts/gone.js #", 1)
    config.write_text(text, encoding="utf-8")
    got = sorted((p.code, p.line) for p in check_javascript_sources(project))
    lines = text.splitlines()
    assert [c for c, _ in got] == ["js.extra-not-allowed", "js.listed-missing", "js.not-allowed"]
    assert "gone.js" in lines[dict(got)["js.listed-missing"] - 1]
    assert "copy-link.js" in lines[dict(got)["js.extra-not-allowed"] - 1]


def test_the_real_built_site_loads_only_listed_and_theme_scripts(built_site):
    config = check_markup.checkkit.load_mkdocs_config(ROOT / "mkdocs.yml")
    assert check_site(built_site, check_markup.site_javascript(config)) == []
    generated = check_markup.allowed_javascript(config, "generated_javascript")
    assert generated and all((built_site / g).is_file() for g in generated)
    # without the generated list, the hook's file would be refused: the list is what allows it
    refused = [p.file for p in check_site(built_site, check_markup.allowed_javascript(config))
               if p.code == "js.site-not-allowed"]
    assert len(refused) == len(generated) and all(any(f.endswith(g) for f in refused) for g in generated)


def test_a_generated_script_that_also_sits_in_docs_is_refused(tmp_path):
    (tmp_path / "docs/assets").mkdir(parents=True)
    (tmp_path / "docs/assets/gen.js").write_text("x=1", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nextra:\n  allowed_javascript: []\n"
                                         "  generated_javascript:\n    - assets/gen.js\n", encoding="utf-8")
    got = [(p.code, p.line) for p in check_markup.check_javascript_sources(tmp_path)]
    assert ("js.generated-in-docs", 5) in got


def test_a_built_page_loading_another_script_is_refused(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / "bao-tin" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", '<script src="../../assets/javascripts/evil.js"></script>\n'
                                 '<script src="https://evil.example/x.js"></script></body>'), encoding="utf-8")
    (site / "assets" / "javascripts" / "evil.js").write_text("x()", encoding="utf-8")
    bundle = next(n for n in theme_javascript() if n.startswith("assets/javascripts/bundle."))
    (site / bundle).write_text("changed()", encoding="utf-8")     # a theme name, other bytes
    config = check_markup.checkkit.load_mkdocs_config(ROOT / "mkdocs.yml")
    problems = check_site(site, check_markup.allowed_javascript(config), root=tmp_path)
    codes = sorted({(p.file, p.code) for p in problems})
    assert ("site/en/bao-tin/index.html", "js.script-src") in codes
    assert ("site/assets/javascripts/evil.js", "js.site-not-allowed") in codes
    assert (f"site/{bundle}", "js.site-not-allowed") in codes
    line = html[:html.index("</body>")].count("\n") + 1
    assert {p.line for p in problems if p.code == "js.script-src" and "evil" in p.what.en} == {line, line + 1}


# --- the command ----------------------------------------------------------------------------------

def test_command_names_file_line_and_fix_in_both_languages(project):
    page = project / "docs" / "vi" / "bao-tin" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n<meta http-equiv="refresh" content="8;https://evil.example/">\n', encoding="utf-8")
    line = text.count("\n") + 2
    done = subprocess.run([sys.executable, str(project / "scripts/safety/check_markup.py")],
                          cwd=project, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"docs/vi/bao-tin/index.md:{line}: [markup.meta]" in done.stdout
    assert "Lỗi: Thẻ <meta>" in done.stdout and "Problem: A <meta> tag" in done.stdout
    assert "data/redirects.yml" in done.stdout and "Traceback" not in done.stderr


def test_command_misuse_exits_2(project):
    done = subprocess.run([sys.executable, str(project / "scripts/safety/check_markup.py"), "no-site"],
                          cwd=project, capture_output=True, text=True)
    assert done.returncode == 2 and "make build" in done.stderr and "Traceback" not in done.stderr


def test_find_markup_sees_through_masking_only_code():
    masked = mask_code("a `<script>` b\n```\n<iframe>\n```\n<iframe src=x>")
    assert [f.code for f in find_markup(masked)] == ["markup.iframe"]
    assert masked.count("\n") == 4


# --- review: CODEOWNERS and the pull request template ---------------------------------------------

def _owners(path: str, codeowners: str) -> list[str]:
    """Owners of `path` per CODEOWNERS (last matching rule wins; anchored paths and folders only)."""
    owners: list[str] = []
    for line in codeowners.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *who = line.split()
        bare = pattern.lstrip("/")
        if path == bare or (bare.endswith("/") and path.startswith(bare)):
            owners = who
    return owners


def test_maintainers_own_the_javascript_list_the_scripts_and_the_theme():
    codeowners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    config = check_markup.checkkit.load_mkdocs_config(ROOT / "mkdocs.yml")
    listed = check_markup.allowed_javascript(config)
    assert listed, "mkdocs.yml lists no allowed JavaScript"
    paths = (["mkdocs.yml", "overrides/main.html", "overrides/partials/hotline.html", ".github/CODEOWNERS",
              "scripts/safety/check_markup.py", "scripts/safety/html_exceptions.yml"]
             + [f"docs/{entry}" for entry in listed] + ["docs/assets/javascripts/a-new-file.js"])
    unowned = [p for p in paths if not _owners(p, codeowners)]
    assert not unowned, f"no code owner for {unowned}"
    assert not _owners("docs/vi/bao-tin/index.md", codeowners), "editors' pages need no maintainer"


def test_the_pull_request_template_calls_out_javascript_in_both_languages():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    line = next(l for l in template.splitlines() if "allowed_javascript" in l)
    assert "người bảo trì duyệt" in line and "maintainers to review" in line and "CODEOWNERS" in line


def test_markup_hidden_from_the_source_check_is_caught_in_the_rendered_page(project):
    """Backticks inside a raw HTML block make no code span: Markdown passes the tag through.
    The source check cannot know (it treats `…` as code); the built site's check reads the
    rendered article and names the Markdown file and line."""
    page = project / "docs" / "en" / "gioi-thieu" / "index.md"
    text = page.read_text(encoding="utf-8")
    hidden = '<div class="note">\n`<iframe src="https://evil.example/"></iframe>`\n</div>\n'
    page.write_text(text + "\n" + hidden, encoding="utf-8")
    line = text.count("\n") + 3
    assert check_page(page, root=project) == []          # looks like code to the source check
    done = build(project)
    assert done.returncode == 0, done.stderr[-2000:]
    problems = check_rendered(project / "site", root=project)
    assert [(p.file, p.line, p.code) for p in problems] == [("docs/en/gioi-thieu/index.md", line, "markup.iframe")]
    assert "site/en/gioi-thieu/index.html" in problems[0].what.en
    # The QR codes' data:image downloads of the school kit are the build's own and pass.
    assert (project / "site" / "nha-truong" / "index.html").read_text(encoding="utf-8").count('href="data:image/svg+xml') > 0


def test_a_code_span_never_crosses_a_blank_line():
    """Stray backticks in two paragraphs do not hide what is between them (Markdown would not)."""
    masked = mask_code("Một dấu ` lạc.\n\n<script src=x.js></script>\n\nMột dấu ` nữa.")
    assert [f.code for f in find_markup(masked)] == ["markup.script"]
    assert mask_code("a ``x ` y`` b `c`") == "a           b    "


def test_huge_hostile_text_is_checked_quickly():
    import time
    start = time.monotonic()
    for text in ("`a" * 300_000, '<a "' * 150_000, "<script" * 50_000, "{a=" * 200_000):
        find_markup(mask_code(text))
    assert time.monotonic() - start < 30, "the check must stay linear on 1 MB inputs"


def test_yaml_bombs_and_deep_nesting_end_in_a_message(tmp_path):
    data = tmp_path / "data" / "x.yml"
    data.parent.mkdir()
    levels = ["a0: &a0 ['<script>']"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    data.write_text("\n".join(levels) + "\n", encoding="utf-8")
    assert [(p.code, p.line) for p in check_data_file(data, tmp_path)] == [("markup.script", 1)]
    data.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert [p.code for p in check_data_file(data, tmp_path)] == ["markup.yaml"]
