"""A copy of the project with hostile markup planted in every data field and front-matter field
that becomes part of a page (shared by test_escaping.py and test_browser_hostile.py).

Each field gets its own tag, so a test can say which field let markup through. The payload is
what a hostile contributor would try: a link away, a refresh tag that sends the reader to another
site, an image whose error handler runs code, a script. Kit texts may not contain digits other
than registered phone numbers, and posters have short lines, so they get a digit-free or a short
payload.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from fixture_project import build, make_project
from static_server import serve

EVIL = "evil.example"


def payload(tag: str) -> str:
    return (f'<a href="//{EVIL}/{tag}">{tag}</a>'
            f'<meta http-equiv="refresh" content="0;url=https://{EVIL}/{tag}">'
            f"<img src=\"x\" onerror=\"window.__pwned='{tag}'\">"
            f'<script src="https://{EVIL}/{tag}.js"></script>')


def payload_no_digits(tag: str) -> str:
    return (f'<a href="//{EVIL}/{tag}">{tag}</a>'
            f'<meta http-equiv="refresh" content=";url=https://{EVIL}/{tag}">'
            f"<img src=\"x\" onerror=\"window.__pwned='{tag}'\">")


def short_payload(tag: str) -> str:
    return f"<img src=x onerror=\"pwn('{tag}')\">"


def evidence(tag: str) -> str:
    """What shows that the payload of `tag` arrived: its text, found as text in a page."""
    return f"pwn('{tag}')" if tag.startswith("short-") else f"{EVIL}/{tag}"


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def _front_matter(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    meta = yaml.safe_load(match.group(1))
    change(meta)
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{dumped}---\n{text[match.end():]}", encoding="utf-8")


def plant(project: Path) -> list[str]:
    """Plant the payloads in the copy at `project`; returns every tag planted."""
    tags: list[str] = []

    def mark(tag: str, kind=payload) -> str:
        tags.append(tag)
        return kind(tag)

    # data/phones.yml: the hotline's name and short form (the bar on every page), when to call,
    # the source (the phone lists).
    phones_path = project / "data" / "phones.yml"
    phones = _load(phones_path)
    for lang in ("vi", "en"):
        for key in ("name", "short"):
            phones[0][key][lang] += " " + mark(f"phones-{key}-{lang}")
        for key in ("when", "source"):
            phones[0][key][lang] += " " + mark(f"phones-{key}-{lang}", payload_no_digits)
    _dump(phones_path, phones)

    # data/communication_kit/: radio script, share text, poster.
    kit_path = project / "data" / "communication_kit" / "an-toan-tren-mang.yml"
    kit = _load(kit_path)
    for lang in ("vi", "en"):
        kit["radio"][lang] += "\n" + mark(f"kit-radio-{lang}", payload_no_digits) + "\n"
        kit["share"][lang] += " " + mark(f"short-kit-share-{lang}", short_payload)
        kit["poster"][lang]["headline"] = mark(f"short-kit-headline-{lang}", short_payload)
        kit["poster"][lang]["lines"][0] = mark(f"short-kit-line-{lang}", short_payload)
        kit["poster"][lang]["footer"] += " " + mark(f"short-kit-footer-{lang}", short_payload)
    _dump(kit_path, kit)

    # data/school_links.yml: what a school uses a page for.
    links_path = project / "data" / "school_links.yml"
    links = _load(links_path)
    for lang in ("vi", "en"):
        links[0]["use"][lang] += " " + mark(f"school-use-{lang}")
    _dump(links_path, links)

    # data/tasks.yml and data/bodies.yml: a task's title and a status note, a body's names.
    tasks_path = project / "data" / "tasks.yml"
    tasks = _load(tasks_path)
    first = tasks["tasks"][0]
    for lang in ("vi", "en"):
        first["title"][lang] += " " + mark(f"task-title-{lang}", payload_no_digits)
    first["status"] = [{"state": "done-on-time", "as_of": first["deadline"]["due"]["date"],
                        "note": {lang: mark(f"task-note-{lang}", payload_no_digits)
                                 for lang in ("vi", "en")}}]
    _dump(tasks_path, tasks)
    bodies_path = project / "data" / "bodies.yml"
    bodies = _load(bodies_path)
    lead = next(b for b in bodies["bodies"] if b["id"] == first["lead"][0])
    noted = next(b for b in bodies["bodies"] if b.get("note"))
    for lang in ("vi", "en"):
        lead["name"][lang] += " " + mark(f"body-name-{lang}", payload_no_digits)
        lead["short"][lang] += " " + mark(f"body-short-{lang}", payload_no_digits)
        noted["note"][lang] += " " + mark(f"body-note-{lang}", payload_no_digits)
        for source in bodies["sources"].values():      # shown with the bodies that ceased
            source[lang] += " " + mark(f"body-source-{lang}", payload_no_digits)
    _dump(bodies_path, bodies)

    # Front matter: title, description and sources of a page that the school kit also lists,
    # and of an awareness topic (its title is in the topic and kit lists too).
    for lang in ("vi", "en"):
        def page(meta, lang=lang):
            meta["title"] += " " + mark(f"fm-title-{lang}")
            meta["description"] += " " + mark(f"fm-description-{lang}")
            meta["sources"] = [
                {"title": "Nguồn " + mark(f"fm-source-title-{lang}"), "note": mark(f"fm-source-note-{lang}")},
                {"title": mark(f"fm-source-url-{lang}"), "url": f"javascript:window.__pwned='url-{lang}'"},
                mark(f"fm-source-plain-{lang}"),
            ]
        _front_matter(project / "docs" / lang / "bao-tin" / "index.md", page)

        def topic(meta, lang=lang):
            meta["title"] += " " + mark(f"topic-title-{lang}")
            meta["description"] += " " + mark(f"topic-description-{lang}")
            meta["plan_ref"] = str(meta.get("plan_ref", "")) + " " + mark(f"topic-plan-ref-{lang}")
        _front_matter(project / "docs" / lang / "tuyen-truyen" / "an-toan-tren-mang" / "index.md", topic)

        def kit_page(meta, lang=lang):
            meta["title"] += " " + mark(f"kit-page-title-{lang}")
        _front_matter(project / "docs" / lang / "tai-lieu" / "an-toan-tren-mang" / "index.md", kit_page)
    return tags


def make_planted_project(dest: Path) -> tuple[Path, list[str]]:
    # Without the "Call 111" banner: a planted hotline name is far too long for it, and the banner
    # rightly refuses to build (its escaping is tested in tests/kit/test_banner.py).
    project = make_project(dest, skip_hooks=("scripts/kit/hook_banner.py",))
    return project, plant(project)


_built: list[tuple[str, Path, list[str]]] = []


def planted_site() -> tuple[str, Path, list[str]]:
    """(base URL, site folder, tags) of the planted project, built once per test process for the
    address it is served from, so that the build tests and the browser tests see the same pages."""
    if not _built:
        dest = Path(tempfile.mkdtemp(prefix="planted-"))
        atexit.register(shutil.rmtree, dest, ignore_errors=True)
        project, tags = make_planted_project(dest / "project")
        site = dest / "site"
        site.mkdir()
        server = serve(site)
        base_url = server.__enter__()
        atexit.register(server.__exit__, None, None, None)
        done = build(project, dest=site, site_url=base_url)
        assert done.returncode == 0, f"the planted project does not build:\n{done.stderr[-3000:]}"
        _built.append((base_url, site, tags))
    return _built[0]
