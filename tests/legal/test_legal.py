"""The legal texts rule: the registry is checked, every citation of a legal document in a page
(by number in any form, or by name) is found and must be cited with `- legal: <id>`, and the
build shows the full-text link with its label."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from scripts.legal import check_legal
from scripts.legal.legal_texts import find_citations, load_registry, source_entry

ROOT = Path(__file__).resolve().parents[2]

REGISTRY = """\
documents:
  - id: 56/2017/NĐ-CP
    type: decree
    year: 2017
    title: {vi: Nghị định 56/2017/NĐ-CP, en: Decree 56/2017/ND-CP}
    full_text:
      kind: official
      url: https://vbpl.example.vn/56
      site: {vi: vbpl.vn, en: vbpl.vn}
  - id: 102/2016/QH13
    type: law
    year: 2016
    title: {vi: Luật Trẻ em, en: Law on Children}
    names: [Luật Trẻ em, Law on Children]
    full_text:
      kind: unofficial
      url: https://copy.example.vn/102
      site: {vi: bản chép, en: a copy}
  - id: 28-CT/TW
    type: directive
    year: 2023
    title: {vi: Chỉ thị 28-CT/TW, en: Directive 28-CT/TW}
    full_text:
      kind: none
      why: {vi: chưa tìm được bản toàn văn., en: no full text could be found.}
"""


def project(tmp_path: Path, registry: str = REGISTRY, **pages: str) -> tuple[Path, Path]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "legal_texts.yml").write_text(registry, encoding="utf-8")
    for name, text in pages.items():
        path = tmp_path / "docs" / (name.replace("__", "/")[:-3] + ".md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "docs", tmp_path / "data" / "legal_texts.yml"


def run(tmp_path, capsys, *extra, **pages) -> tuple[int, str]:
    docs, registry = project(tmp_path, **pages)
    code = check_legal.main([str(docs), "--registry", str(registry), *extra])
    return code, capsys.readouterr().out


def registry_of(tmp_path, text=REGISTRY):
    path = tmp_path / "r.yml"
    path.write_text(text, encoding="utf-8")
    return load_registry(path)


# Finding citations ---------------------------------------------------------------------------

def test_every_form_of_a_number_and_a_name_is_found_and_resolved(tmp_path):
    registry, problems = registry_of(tmp_path)
    assert problems == []
    text = ("Theo Nghị định 56/2017/NĐ-CP và Decree 56/2017/ND-CP, Decree 56/2017,\n"
            "Luật Trẻ\nem, the Law on Children, Chỉ thị 28-CT/TW, Directive 28.\n")
    found = [(c.line, c.text, c.doc.id if c.doc else None) for c in find_citations(text, registry)]
    assert found == [(1, "56/2017/NĐ-CP", "56/2017/NĐ-CP"), (1, "56/2017/ND-CP", "56/2017/NĐ-CP"),
                     (1, "Decree 56/2017", "56/2017/NĐ-CP"), (2, "Luật Trẻ em", "102/2016/QH13"),
                     (3, "Law on Children", "102/2016/QH13"), (3, "28-CT/TW", "28-CT/TW"),
                     (3, "Directive 28", "28-CT/TW")]


def test_unknown_documents_and_unknown_named_laws_are_found_but_not_dates_or_code(tmp_path):
    registry, _ = registry_of(tmp_path)
    text = ("Ngày 25/12/2023, Thông tư 99/2020/TT-BYT, Decision 23, Bộ luật Hình sự, the Penal Code.\n"
            "Luật cấm việc đó. `Nghị định 1/2000/NĐ-CP` là ví dụ.\n"
            "```\nDecree 7/2001/ND-CP\n```\n")
    found = [(c.line, c.text, c.doc, c.reason) for c in find_citations(text, registry)]
    assert found == [(1, "99/2020/TT-BYT", None, "unknown"), (1, "Decision 23", None, "unknown"),
                     (1, "Bộ luật Hình", None, "unknown"), (1, "Penal Code", None, "unknown")]


# The check on pages --------------------------------------------------------------------------

GOOD = """\
    ---
    title: Báo tin
    sources:
      - legal: 56/2017/NĐ-CP
        note: Điều 22
      - legal: 102/2016/QH13
        title: Luật Trẻ em, Điều 51
    ---
    Theo Luật Trẻ em và Nghị định 56/2017/NĐ-CP, hãy gọi 111.
"""


def test_a_page_citing_the_full_text_of_every_document_it_names_passes(tmp_path, capsys):
    code, out = run(tmp_path, capsys, vi__bao_tin__index_md=GOOD,
                    en__bao_tin__index_md=GOOD.replace("Theo Luật Trẻ em và Nghị định", "Under the Law on "
                                                       "Children and Decree").replace("NĐ-CP, hãy gọi", "ND-CP, call"))
    assert code == 0, out
    assert "no problems found (2 trang / pages)" in out


def test_a_page_naming_a_document_without_its_full_text_fails_with_file_line_and_fix(tmp_path, capsys):
    code, out = run(tmp_path, capsys, en__index_md="""\
        ---
        title: Home
        ---
        Intro.

        Under Decree 56/2017 the commune acts, and Directive 28 asks for more.
        """)
    assert code == 1
    assert "docs/en/index.md:6: [legal.no-full-text-link]" in out
    assert "Add a '- legal: 56/2017/NĐ-CP' item to the page's 'sources:'" in out
    assert "Thêm vào 'sources:' ở đầu trang một mục '- legal: 28-CT/TW'" in out
    assert out.count("legal.no-full-text-link") == 2


def test_an_unregistered_document_and_a_bad_legal_source_fail(tmp_path, capsys):
    code, out = run(tmp_path, capsys, vi__index_md="""\
        ---
        title: Trang
        sources:
          - legal: 9/2009/NĐ-CP
          - legal: 56/2017/NĐ-CP
            url: https://elsewhere.example/56
        ---
        Thông tư 99/2020/TT-BYT và Nghị định 56/2017/NĐ-CP.
        """)
    assert code == 1
    assert "docs/vi/index.md:4: [legal.unknown-source]" in out
    assert "docs/vi/index.md:5: [legal.url-in-page]" in out
    assert "docs/vi/index.md:8: [legal.unregistered]" in out
    assert "'99/2020/TT-BYT', which is not in data/legal_texts.yml" in out


@pytest.mark.parametrize("change, code", [
    ("      kind: official\n      url: https://vbpl.example.vn/56\n", "legal.url"),
    ("      site: {vi: vbpl.vn, en: vbpl.vn}\n", "legal.site"),
    ("      why: {vi: chưa tìm được bản toàn văn., en: no full text could be found.}\n", "legal.no-why"),
    ("    type: decree\n", "legal.type"),
])
def test_a_registry_entry_without_url_kind_site_or_why_fails_with_its_line(tmp_path, capsys, change, code):
    broken = REGISTRY.replace(change, change.replace("https://vbpl.example.vn/56", "ftp://x")
                              .replace("site: {vi: vbpl.vn, en: vbpl.vn}", "site: {vi: vbpl.vn}")
                              .replace("why: {vi: chưa tìm được bản toàn văn., en: no full text could be found.}",
                                       "why: {en: none}")
                              .replace("type: decree", "type: memo"), 1)
    assert broken != REGISTRY
    registry, problems = registry_of(tmp_path, broken)
    assert [p.code for p in problems] == [code]
    assert problems[0].line > 1
    assert "data/legal_texts.yml" in problems[0].fix.en


def test_a_broken_registry_file_is_reported_not_raised(tmp_path):
    _, problems = registry_of(tmp_path, "documents: [\n")
    assert problems and problems[0].code == "legal.registry-yaml"
    _, problems = registry_of(tmp_path, "documents: 3\n")
    assert problems[0].code == "legal.registry-shape"


def test_misuse_exits_2(tmp_path, capsys):
    assert check_legal.main([str(tmp_path / "nowhere")]) == 2


# What readers see ----------------------------------------------------------------------------

def test_the_label_says_official_unofficial_or_why_there_is_no_link(tmp_path):
    registry, _ = registry_of(tmp_path)
    by_id = {d.id: d for d in registry.values()}
    official = source_entry({"legal": "56/2017/NĐ-CP", "note": "Điều 22"}, by_id["56/2017/NĐ-CP"], "vi")
    assert official == {"title": "Nghị định 56/2017/NĐ-CP", "url": "https://vbpl.example.vn/56",
                        "note": "toàn văn chính thức trên vbpl.vn; Điều 22"}
    copy = source_entry({"legal": "102/2016/QH13", "title": "Law on Children, Art. 51"},
                        by_id["102/2016/QH13"], "en")
    assert copy["note"] == "full text on a copy (unofficial copy)" and copy["title"] == "Law on Children, Art. 51"
    none = source_entry({"legal": "28-CT/TW"}, by_id["28-CT/TW"], "en")
    assert "url" not in none and none["note"] == "no link to the full text: no full text could be found."


def test_the_real_site_cites_the_full_text_of_every_document_it_names(capsys):
    code = check_legal.main([str(ROOT / "docs")])
    assert code == 0, capsys.readouterr().out


def test_the_built_page_shows_the_link_and_the_label(built_site):
    html = (built_site / "hoi-dap" / "cha-me" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=121977&amp;dvid=13"' in html
    assert "toàn văn chính thức trên" in html
    assert "(không phải nguồn chính thức)" in html
    en = (built_site / "en" / "chi-thi-28" / "index.html").read_text(encoding="utf-8")
    assert "no link to the full text:" in en


SECONDARY_REGISTRY = REGISTRY.replace("documents:\n", "secondary_sites: [luatminhkhue.vn, luatvietnam.vn]\ndocuments:\n")


def test_a_summary_site_source_must_be_labelled_secondary(tmp_path, capsys):
    docs, registry = project(tmp_path, SECONDARY_REGISTRY, vi__index_md="""\
        ---
        title: Trang
        sources:
          - title: Tóm tắt Bộ luật
            url: https://www.luatminhkhue.vn/bai-viet.aspx
          - title: Bài đã ghi nhãn
            url: https://luatvietnam.vn/tom-tat.html
            secondary: true
          - title: Báo
            url: https://news.example.vn/luatvietnam.vn
        ---
        Văn bản.
        """)
    code = check_legal.main([str(docs), "--registry", str(registry)])
    out = capsys.readouterr().out
    assert code == 1
    assert "docs/vi/index.md:5: [legal.unlabelled-secondary]" in out
    assert out.count("legal.unlabelled-secondary") == 1
    assert "Add 'secondary: true' to this source" in out


def test_a_registered_full_text_on_a_summary_site_needs_no_label(tmp_path, capsys):
    registry = SECONDARY_REGISTRY.replace("https://copy.example.vn/102", "https://luatvietnam.vn/102-d1.html")
    docs, path = project(tmp_path, registry, en__index_md="""\
        ---
        title: Page
        sources:
          - title: The law, full text
            url: https://luatvietnam.vn/102-d1.html
        ---
        Text.
        """)
    assert check_legal.main([str(docs), "--registry", str(path)]) == 0, capsys.readouterr().out


def test_the_built_page_labels_a_secondary_source(built_site):
    html = (built_site / "en" / "tuyen-truyen" / "lao-dong-tre-em" / "index.html").read_text(encoding="utf-8")
    assert "secondary source (a summary or article), not the full text" in html
    assert "secondary: true" not in html


def test_data_texts_are_checked_too(tmp_path, capsys):
    docs, registry = project(tmp_path, vi__tai_lieu__chu_de__index_md="""\
        ---
        title: Tài liệu
        sources:
          - legal: 56/2017/NĐ-CP
        ---
        Bài phát thanh.
        """, en__tai_lieu__chu_de__index_md="""\
        ---
        title: Kit
        sources:
          - legal: 56/2017/NĐ-CP
          - legal: 102/2016/QH13
        ---
        Radio script.
        """)
    (tmp_path / "docs" / "vi" / "tai-lieu").mkdir()
    (tmp_path / "docs" / "vi" / "tai_lieu" / "chu_de").rename(tmp_path / "docs" / "vi" / "tai-lieu" / "chu-de")
    (tmp_path / "docs" / "en" / "tai-lieu").mkdir()
    (tmp_path / "docs" / "en" / "tai_lieu" / "chu_de").rename(tmp_path / "docs" / "en" / "tai-lieu" / "chu-de")
    kit = tmp_path / "data" / "communication_kit"
    kit.mkdir()
    (kit / "chu-de.yml").write_text("radio:\n  vi: |\n    Mở đầu.\n    Luật Trẻ em bảo vệ các em.\n"
                                    "  en: The Law on Children protects you.\n", encoding="utf-8")
    (tmp_path / "data" / "bodies.yml").write_text("note:\n  vi: Theo Nghị định 9/2009/NĐ-CP.\n", encoding="utf-8")
    code = check_legal.main([str(docs), "--registry", str(registry)])
    out = capsys.readouterr().out
    assert code == 1
    assert "data/communication_kit/chu-de.yml:4: [legal.no-full-text-link]" in out
    assert "the page docs/vi/tai-lieu/chu-de/index.md that shows it does not cite the full text" in out
    assert "docs/en/tai-lieu/chu-de/index.md that shows it" not in out
    assert "chu-de.yml:5" not in out          # the English text is on the English page, which cites it
    assert "data/bodies.yml:2: [legal.unregistered]" in out
