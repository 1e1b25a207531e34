"""A small bilingual fixture site for the search tests and benchmark.

It is the real site (mkdocs.yml through INHERIT, the real theme overrides, assets and hooks)
with a few test pages per language in place of docs/: pages whose words collide once folded
("bảo vệ" / "báo tin" / "bao gồm"), FAQ-style headings, the hotline number. The content lives
here, in the tests, never in docs/.

Two variants:
  "site"      the site as configured (per-language indexes, Vietnamese folding);
  "material"  Material's default search as it was before (one merged index, static-i18n's
              search reconfiguration, no folding), for comparison in benchmarks/bench_search.py.

Also shared by the search tests and the benchmark: WATCH_WORKER (an init script that tells when
Material's search worker has answered a query) and the lunr.js Material ships.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# path -> (Vietnamese page, English page). Same path in both languages, like the real site.
PAGES: dict[str, tuple[str, str]] = {
    "": ("""---
title: Chăm sóc và bảo vệ trẻ em
description: Trang thử nghiệm tìm kiếm, trang chủ tiếng Việt của bộ trang mẫu.
---

# Chăm sóc và bảo vệ trẻ em

Trang này giúp cha mẹ, thầy cô và chính các em tìm nhanh cách báo tin khi trẻ em gặp nguy
hiểm, và biết ai có trách nhiệm giúp đỡ.
""", """---
title: Caring for and protecting children
description: Search test site, English home page of the sample pages.
---

# Caring for and protecting children

This site helps parents, teachers and children themselves find quickly how to report a child
in danger, and who is responsible for helping.
"""),
    "bao-ve-tre-em": ("""---
title: Bảo vệ trẻ em
description: Trang thử nghiệm tìm kiếm về trách nhiệm bảo vệ trẻ em.
---

# Bảo vệ trẻ em

Bảo vệ trẻ em là trách nhiệm của gia đình, nhà trường, xã hội và của mỗi người dân.

## Ai có trách nhiệm bảo vệ trẻ em? {#ai-co-trach-nhiem}

Cha mẹ, người chăm sóc trẻ, thầy cô giáo và chính quyền địa phương đều có trách nhiệm.

## Khi nào cần gọi 111? {#khi-nao-goi-111}

Khi thấy trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại, hãy gọi Tổng đài quốc gia bảo vệ trẻ
em (111).
""", """---
title: Child protection
description: Search test page on who is responsible for protecting children.
---

# Child protection

Protecting children is the duty of families, schools, society and every citizen.

## Who is responsible for protecting children? {#ai-co-trach-nhiem}

Parents, carers, teachers and the local authorities all share the responsibility.

## When should I call 111? {#khi-nao-goi-111}

When a child is being abused or is at risk of abuse, call the National Child Protection
Hotline (111).
"""),
    "duong-day-nong": ("""---
title: Đường dây nóng 111
description: Trang thử nghiệm tìm kiếm về Tổng đài quốc gia bảo vệ trẻ em.
---

# Đường dây nóng 111

Tổng đài quốc gia bảo vệ trẻ em 111 nhận cuộc gọi 24 giờ mỗi ngày, tất cả các ngày.

## Gọi 111 có mất tiền không? {#goi-111-co-mat-tien-khong}

Không. Cuộc gọi đến số 111 miễn phí.

## Tôi cần nói gì khi gọi? {#can-noi-gi}

Nói rõ trẻ đang ở đâu, chuyện gì đã xảy ra và cách liên lạc lại với bạn.
""", """---
title: Hotline 111
description: Search test page on the National Child Protection Hotline.
---

# Hotline 111

The National Child Protection Hotline (Tổng đài quốc gia bảo vệ trẻ em), 111, answers calls
24 hours a day, every day.

## Does calling 111 cost anything? {#goi-111-co-mat-tien-khong}

No. Calls to 111 are free.

## What should I say when I call? {#can-noi-gi}

Say where the child is, what happened and how to reach you again.
"""),
    "xam-hai": ("""---
title: Xâm hại trẻ em
description: Trang thử nghiệm tìm kiếm về các hình thức xâm hại trẻ em.
---

# Xâm hại trẻ em

## Thế nào là xâm hại trẻ em? {#xam-hai-la-gi}

Xâm hại trẻ em là hành vi gây tổn hại về thể chất, tinh thần hoặc danh dự của trẻ, như bạo
lực, bóc lột, xâm hại tình dục hay bỏ mặc trẻ.

## Dấu hiệu trẻ bị bạo lực {#dau-hieu}

Trẻ có vết thương không rõ lý do, sợ về nhà hoặc thay đổi tính nết đột ngột.
""", """---
title: Child abuse
description: Search test page on the forms of child abuse.
---

# Child abuse

## What counts as child abuse? {#xam-hai-la-gi}

Child abuse is any act that harms a child's body, mind or dignity, such as violence,
exploitation, sexual abuse or neglect.

## Signs of violence against a child {#dau-hieu}

Injuries nobody explains, fear of going home, or a sudden change in behaviour.
"""),
    "bao-tin": ("""---
title: Báo tin khi trẻ gặp nguy hiểm
description: Trang thử nghiệm tìm kiếm về cách báo tin.
---

# Báo tin khi trẻ gặp nguy hiểm

Nếu bạn biết một trẻ đang gặp nguy hiểm, hãy báo tin ngay cho số 111, Công an (113) hoặc
Ủy ban nhân dân xã. Thông tin về người báo tin được giữ bí mật.

Có hai cách báo tin: gọi điện thoại hoặc đến gặp trực tiếp.
""", """---
title: Reporting a child in danger
description: Search test page on how to report.
---

# Reporting a child in danger

If you know that a child is in danger, report it at once to 111, the police (113) or the
commune People's Committee. The name of the person who reports is kept confidential.

There are two ways to report: by phone or in person.
"""),
    "hoi-dap": ("""---
title: Hỏi đáp cho cha mẹ
description: Trang thử nghiệm tìm kiếm với các câu hỏi thường gặp.
---

# Hỏi đáp cho cha mẹ

Trẻ em bao gồm mọi người dưới 16 tuổi.

## Con tôi bị bắt nạt ở trường, tôi nên làm gì? {#bi-bat-nat}

Hãy bình tĩnh nghe con kể, ghi lại sự việc và nói chuyện với giáo viên chủ nhiệm, người
dạy con hằng ngày.

## Có thể báo tin mà không nói tên không? {#bao-tin-giau-ten}

Có. Bạn có thể không nói tên khi gọi tổng đài.
""", """---
title: Questions from parents
description: Search test page with frequently asked questions.
---

# Questions from parents

A child is anyone under 16 years of age.

## My child is bullied at school: what should I do? {#bi-bat-nat}

Listen calmly, write down what happened and talk to the form teacher, who teaches your
child every day.

## Can I report without giving my name? {#bao-tin-giau-ten}

Yes. You need not give your name when you call the hotline.
"""),
}

VARIANTS = ("site", "material")

# Records what Material's page sends to its search worker and when each answer comes back
# (message types: 0 setup, 1 ready, 2 query, 3 result), so tests wait for exactly their query.
WATCH_WORKER = """(() => {
  const Native = window.Worker
  const state = window.__search = {ready: false, readyAt: 0, queue: [], answered: null}
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    const post = worker.postMessage.bind(worker)
    worker.postMessage = message => {
      if (message && message.type === 2) state.queue.push(message.data)
      post(message)
    }
    worker.addEventListener("message", ev => {
      if (ev.data.type === 1) Object.assign(state, {ready: true, readyAt: performance.now()})
      if (ev.data.type === 3) state.answered = state.queue.shift()
    })
    return worker
  }
  window.Worker.prototype = Native.prototype
})()"""


def material_lunr_source() -> str:
    """lunr.js exactly as Material bundles it in its search worker (from the worker's source map)."""
    import material

    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    source_map = json.loads(next(workers.glob("search.*.min.js.map")).read_text(encoding="utf-8"))
    return source_map["sourcesContent"][source_map["sources"].index("node_modules/lunr/lunr.js")]


def _material_plugins() -> list:
    """The real plugins, with the search settings Material and static-i18n have by default."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        plugins = yaml_load(f)["plugins"]
    out = []
    for item in plugins:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name == "search":
            options = {}
        if name == "i18n":
            options = {**options, "reconfigure_search": True}
        out.append({name: options} if options else name)
    return out


def write_fixture(dest: Path, variant: str = "site", pages: dict | None = PAGES) -> Path:
    """Write the fixture's mkdocs.yml (and docs/, from `pages`) under `dest`; return the
    config's path. With pages=None the site is built from the real docs/ instead."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}: use one of {VARIANTS}")
    config: dict = {"INHERIT": str(ROOT / "mkdocs.yml")}
    if pages is not None:
        docs = dest / "docs"
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
        for path, texts in pages.items():
            for lang, text in zip(("vi", "en"), texts):
                page = docs / lang / path / "index.md"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(text, encoding="utf-8")
        config["nav"] = [f"{path}/index.md" if path else "index.md" for path in pages]
    config["docs_dir"] = str(docs if pages is not None else ROOT / "docs")
    config["theme"] = {"name": "material", "custom_dir": str(ROOT / "overrides")}
    # The hooks these pages need, by absolute path (INHERIT would read them relative to this
    # file): the site's page furniture and, for this site's search, the per-language split.
    # (The data hooks expect pages under the repository's docs/.)
    # With the real docs/ (pages=None), every hook of mkdocs.yml.
    if pages is None:
        from mkdocs.utils.yaml import yaml_load

        with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
            hooks = [str(ROOT / h) for h in yaml_load(f)["hooks"]]
    else:
        hooks = [str(ROOT / "scripts" / "website" / "hook_website.py"),
                 str(ROOT / "scripts" / "search" / "hook_search.py")]
    config["hooks"] = [h for h in hooks if variant == "site" or not h.endswith("hook_search.py")]
    if variant == "material":
        config["extra_javascript"] = []
        config["plugins"] = _material_plugins()
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_fixture(dest: Path, site_url: str, variant: str = "site", pages: dict | None = PAGES) -> Path:
    """Build the fixture site into dest/site for `site_url`; return the site directory."""
    config = write_fixture(dest, variant, pages)
    site = dest / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    env.pop("REPO_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"fixture build ({variant}) failed:\n{done.stdout}\n{done.stderr}")
    data = site / "assets" / "javascripts" / "search-data.js"
    if pages is not None and data.exists():
        # The test pages check folding on its own: the editors' synonyms and "first" rules
        # (data/search_synonyms.yml) are for the real pages and tested there (test_search_help.py).
        data.write_text('self.searchData = {"synonyms": [], "twins": [], "first": []}\n',
                        encoding="utf-8")
    return site
