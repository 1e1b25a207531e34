"""One search index per language, for Material's own search with Vietnamese folding.

static-i18n builds every language into one site/ and merges all their pages into the single
index Material loads, site/search/search_index.json. After the build we split it:

    site/search/search_index.json      Vietnamese (default language) only
    site/en/search/search_index.json   English only, locations relative to /en/

and point each English page at its own index: Material fetches "<base>/search/search_index.json"
where base is the `base` of the page's __config, so English pages get base = their language root.
Each index names the lunr "language" `fold` (docs/assets/javascripts/lunr/min/lunr.fold.min.js),
which folds diacritics in the browser: the index files carry no folded copy of the text.
Why this design, and how far highlighting goes: scripts/search/SEARCH.md.

Check a built site and print each index's size:

    python scripts/search/search_index.py site

Exit code 0: every language has its own index holding only its own pages; 1: problems
(each printed with the file, in Vietnamese and English); 2: misuse (no such site).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2.utils import htmlsafe_json_dumps

INDEX = "search/search_index.json"
FOLD_LANG = "fold"
# Pipeline functions Material keeps for a language (it removes the others). Vietnamese keeps
# none: no stop words (syllables such as "là", "mà", "do", "an" carry meaning), no stemmer.
PIPELINES: dict[str, list[str]] = {"en": ["stopWordFilter"]}

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)',
                            re.DOTALL)


class SearchIndexError(ValueError):
    """The site cannot get per-language search; the message names the file and the fix (vi/en)."""


@dataclass(frozen=True)
class Language:
    locale: str
    prefix: str              # where its pages are in the site: "" (default language) or "en/"

    @property
    def index_path(self) -> str:
        return self.prefix + INDEX


@dataclass(frozen=True)
class IndexSize:
    locale: str
    path: str                # relative to the site
    docs: int                # entries: pages and their sections
    size: int                # bytes
    gzip_size: int           # bytes, gzip -9 (what a server sends when it compresses)

    def line(self) -> str:
        return (f"{self.locale:<3} {self.path:<34} {self.docs:>5} docs "
                f"{self.size:>9,} B   gzip {self.gzip_size:>8,} B").replace(",", " ")


def measure(data: bytes, locale: str = "", path: str = "") -> IndexSize:
    docs = len(json.loads(data).get("docs", []))
    return IndexSize(locale, path, docs, len(data), len(gzip.compress(data, 9, mtime=0)))


def languages_from_i18n(i18n) -> list[Language]:
    """The built languages of the static-i18n plugin; the default one first."""
    langs = [lang for lang in i18n.config.languages if lang.build and lang.locale != "null"]
    langs.sort(key=lambda lang: not lang.default)
    return [Language(lang.locale, "" if lang.default else f"{lang.locale}/") for lang in langs]


def language_of(location: str, languages: list[Language]) -> Language:
    """The language whose folder holds `location` (the longest prefix wins)."""
    best = next(lang for lang in languages if not lang.prefix)
    for lang in languages:
        if lang.prefix and location.startswith(lang.prefix) and len(lang.prefix) > len(best.prefix):
            best = lang
    return best


# Titles and headings weigh TITLE_BOOST times body text. Material sets 1000: then a word on most
# of the site ("trẻ", "children") in a title outweighs a rare word that says what the reader
# wants ("thuốc", "restaurant") in a section, and pages won on their titles alone. Measured
# with benchmarks/bench_relevance.py on its set and on two sets written afterwards (SEARCH.md).
TITLE_BOOST = 30.0


def language_config(config: dict, locale: str) -> dict:
    """Material's search config for one language's index."""
    fields = {**config.get("fields", {})}
    if "title" in fields:
        fields["title"] = {**fields["title"], "boost": TITLE_BOOST}
    return {**config, "lang": [FOLD_LANG], "pipeline": list(PIPELINES.get(locale, [])), "fields": fields}


KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = TITLE_BOOST   # a page's search_keywords weigh like its title: words the page could have printed there
DESCRIPTION_FIELD = "description"
# A page's description (front matter): the editors' summary of what the page answers, often in
# words its sections do not repeat ("đậy giếng", "cất thuốc"). Longer than keywords and not all
# of it is the subject: weighed well below a title, above body text (benchmarks/bench_relevance.py).
DESCRIPTION_BOOST = 10.0


def _add_field(index: dict, field: str, boost: float, values: dict[str, str]) -> dict:
    """Put values (page URL -> text) into a hidden field of each page's own entry. Material's
    worker indexes every field the config lists and shows only title, text and tags, so readers
    never see them."""
    if not values:
        return index
    docs = []
    for doc in index.get("docs", []):
        text = values.get(doc["location"])
        docs.append({**doc, field: text} if text else doc)
    fields = {**index.get("config", {}).get("fields", {}), field: {"boost": boost}}
    return {**index, "config": {**index.get("config", {}), "fields": fields}, "docs": docs}


def add_keywords(index: dict, keywords: dict[str, list[str]]) -> dict:
    """Each page's search_keywords (front matter) in the hidden keywords field of its page entry."""
    return _add_field(index, KEYWORDS_FIELD, KEYWORDS_BOOST,
                      {url: " ".join(words) for url, words in keywords.items() if words})


def add_descriptions(index: dict, descriptions: dict[str, str]) -> dict:
    """Each page's description (front matter) in the hidden description field of its page entry."""
    return _add_field(index, DESCRIPTION_FIELD, DESCRIPTION_BOOST,
                      {url: text.strip() for url, text in descriptions.items()
                       if isinstance(text, str) and text.strip()})


def split_index(index: dict, languages: list[Language]) -> dict[str, dict]:
    """The merged index as one index per locale; locations relative to the language's root."""
    if sum(1 for lang in languages if not lang.prefix) != 1:
        raise SearchIndexError("cần đúng một ngôn ngữ mặc định / need exactly one default language")
    out = {lang.locale: {"config": language_config(index.get("config", {}), lang.locale), "docs": []}
           for lang in languages}
    for doc in index.get("docs", []):
        lang = language_of(doc["location"], languages)
        out[lang.locale]["docs"].append({**doc, "location": doc["location"][len(lang.prefix):]})
    return out


def write_indexes(site_dir: Path, languages: list[Language],
                  keywords: dict[str, list[str]] | None = None,
                  descriptions: dict[str, str] | None = None) -> tuple[IndexSize, list[IndexSize]]:
    """Split site/search/search_index.json in place (with each page's search keywords and
    description, keyed by the page's URL). Returns (merged size, per-language sizes)."""
    merged_path = site_dir / INDEX
    try:
        data = merged_path.read_bytes()
        merged = json.loads(data)
    except (OSError, ValueError) as exc:
        raise SearchIndexError(
            f"{merged_path}: không đọc được chỉ mục tìm kiếm (plugin search đã bật chưa?) / "
            f"cannot read the search index (is the search plugin enabled?): {exc}") from exc
    before = measure(data, "all", INDEX)
    split = split_index(add_descriptions(add_keywords(merged, keywords or {}), descriptions or {}),
                        languages)
    sizes = []
    for lang in languages:
        out = json.dumps(split[lang.locale], ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
        path = site_dir / lang.index_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(out)
        sizes.append(measure(out, lang.locale, lang.index_path))
    return before, sizes


# --- pages: each language's pages load their own index -------------------------------------

def rebase(base: str, prefix: str) -> str:
    """Material's `base` (the site root, relative to the page or absolute) for a language folder."""
    if not prefix:
        return base
    return base.rstrip("/") + "/" + prefix


def _config_json(html: str, where: str) -> tuple[re.Match, dict]:
    match = _CONFIG_SCRIPT.search(html)
    if not match:
        raise SearchIndexError(
            f"{where}: không thấy <script id=\"__config\"> của Material (block config bị ghi đè?) / "
            f"Material's __config script is missing (was the theme's config block overridden?)")
    try:
        return match, json.loads(match.group(2))
    except ValueError as exc:
        line = html.count("\n", 0, match.start(2)) + 1
        raise SearchIndexError(
            f"{where}:{line}: cấu hình __config không phải JSON hợp lệ / "
            f"the __config script is not valid JSON: {exc}") from exc


def rebase_config(html: str, prefix: str, where: str = "page") -> str:
    """The page with its __config `base` pointing at the root of the language in `prefix`."""
    if not prefix:
        return html
    match, config = _config_json(html, where)
    config["base"] = rebase(str(config.get("base", ".")), prefix)
    body = str(htmlsafe_json_dumps(config, sort_keys=True))
    return html[:match.start(2)] + body + html[match.end(2):]


def config_base(html: str, where: str = "page") -> str | None:
    """The page's __config `base`, or None for a page without Material's config (a redirect)."""
    if not _CONFIG_SCRIPT.search(html):
        return None
    return str(_config_json(html, where)[1].get("base"))


# --- checking a built site -------------------------------------------------------------------

def site_languages(site_dir: Path) -> list[Language]:
    """Languages of a built site: the default index, and every <folder>/search/search_index.json."""
    found = [Language("default", "")]
    for path in sorted(site_dir.glob("*/" + INDEX)):
        folder = path.relative_to(site_dir).parts[0]
        found.append(Language(folder, folder + "/"))
    return found


def _page_url(path: Path, site_dir: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _target(location: str, lang: Language, site_dir: Path) -> Path:
    page = location.split("#")[0]
    return site_dir / lang.prefix / page / "index.html" if not page or page.endswith("/") \
        else site_dir / lang.prefix / page


def check_site(site_dir: Path) -> tuple[list[str], list[IndexSize]]:
    """Problems found (one line each, vi / en) and each index's size."""
    languages = site_languages(site_dir)
    problems: list[str] = []
    sizes: list[IndexSize] = []
    for lang in languages:
        path = site_dir / lang.index_path
        try:
            data = path.read_bytes()
            index = json.loads(data)
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: không đọc được chỉ mục / cannot read the index: {exc}")
            continue
        sizes.append(measure(data, lang.locale, lang.index_path))
        config = index.get("config", {})
        if config.get("lang") != [FOLD_LANG]:
            problems.append(f"{path}: \"lang\" phải là [\"{FOLD_LANG}\"] (hook_search.py có chạy?) / "
                            f"\"lang\" must be [\"{FOLD_LANG}\"] (did hook_search.py run?): "
                            f"{config.get('lang')}")
        for doc in index.get("docs", []):
            location = doc.get("location", "")
            other = language_of(location, languages) if not lang.prefix else None
            if other is not None and other.prefix:
                problems.append(f"{path}: trang của ngôn ngữ khác / a page of another language: "
                                f"{location}")
            elif not _target(location, lang, site_dir).is_file():
                problems.append(f"{path}: trang không có trong site / no such page in the site: "
                                f"{lang.prefix}{location}")
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        lang = language_of(rel, languages)
        base = config_base(page.read_text(encoding="utf-8"), str(page))
        if base is None:
            continue
        url = _page_url(page, site_dir)
        if base.startswith("/"):
            root_ok = base.rstrip("/") + "/"
            ok = root_ok.endswith("/" + lang.prefix) if lang.prefix else not any(
                other.prefix and root_ok.endswith("/" + other.prefix) for other in languages)
        else:
            resolved = urljoin("http://site" + url, base if base.endswith("/") else base + "/")
            ok = resolved == "http://site/" + lang.prefix
        if not ok:
            problems.append(f"{page}: base \"{base}\" không trỏ tới gốc ngôn ngữ / does not point "
                            f"at its language's root /{lang.prefix} (search would load another "
                            f"language's index)")
    return problems, sizes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print("Cách dùng / usage: python scripts/search/search_index.py SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(args[0])
    if not (site_dir / INDEX).is_file():
        print(f"{site_dir}: không có {INDEX} — hãy dựng trang trước (mkdocs build) / "
              f"no {INDEX}: build the site first (mkdocs build)", file=sys.stderr)
        return 2
    problems, sizes = check_site(site_dir)
    for size in sizes:
        print(size.line())
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
