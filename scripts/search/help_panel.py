""""Nothing found is still an answer": the panel under Material's search results.

When a search finds nothing, or only pages that miss most of the words typed, the results panel
says so in the page's language and gives the 111 hotline (a tel: link, the number from
data/phones.yml, the entry marked `hotline: true`) and a link to the reporting page (/bao-tin/). The markup is
written into every page at build time (hidden); docs/assets/javascripts/search-help.js only
shows or hides it, so there is no inline script and nothing to translate in JavaScript.
"""

from __future__ import annotations

import html
import re

from mkdocs.utils import get_relative_url

from scripts.phones import hotline_of, load_phones

REPORT_PAGE = "bao-tin/"
MARKER = '<ol class="md-search-result__list" role="presentation"></ol>'

TEXT = {
    "vi": {
        "none": "Không tìm thấy trang nào có các từ bạn tìm.",
        "weak": "Các kết quả ở trên chỉ gần đúng: chưa trang nào có đủ các từ bạn tìm.",
        "help": "Nếu một trẻ em đang bị xâm hại hoặc có nguy cơ bị xâm hại, đừng chờ: gọi",
        "report": "Xem cách báo tin",
        "label": "Khi không tìm thấy",
    },
    "en": {
        "none": "No page contains the words you searched for.",
        "weak": "The results above are only close: no page has all the words you searched for.",
        "help": "If a child is being abused or is at risk of abuse, do not wait: call",
        "report": "See how to report",
        "label": "When nothing is found",
    },
}


def panel_html(lang: str, page_url: str, prefix: str, phones=None) -> str:
    """The hidden panel for a page at `page_url` (site-relative) in language `lang`."""
    text = TEXT.get(lang, TEXT["en"])
    hotline = hotline_of(phones if phones is not None else load_phones())
    name = html.escape(f"{hotline.name.get(lang, hotline.name['en'])}, {hotline.short.get(lang, hotline.short['en'])}")
    report = get_relative_url(prefix + REPORT_PAGE, page_url or ".")
    number = html.escape(hotline.number)
    return (
        f'<div class="search-help" data-md-component="search-help" role="region" '
        f'aria-label="{html.escape(text["label"])}" hidden>'
        f'<p class="search-help__none" hidden>{html.escape(text["none"])}</p>'
        f'<p class="search-help__weak" hidden>{html.escape(text["weak"])}</p>'
        f'<p>{html.escape(text["help"])} <a class="search-help__call" href="tel:{number}">'
        f'<strong>{number}</strong></a> ({name}).</p>'
        f'<p><a class="search-help__report" href="{html.escape(report)}">{html.escape(text["report"])}</a></p>'
        f'</div>')


_AFTER_RESULTS = re.compile(re.escape(MARKER) + r"\s*</div>")


def add_panel(output: str, lang: str, page_url: str, prefix: str, phones=None) -> str:
    """`output` with the panel right after Material's result element (unchanged if there is no
    search box). Outside it on purpose: Material renders results into that element's last child
    and moves the keyboard focus through every link inside it."""
    match = _AFTER_RESULTS.search(output)
    if not match:
        return output
    return output[:match.end()] + panel_html(lang, page_url, prefix, phones) + output[match.end():]
