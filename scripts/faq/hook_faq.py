"""MkDocs hooks for the FAQ pages (logic in scripts/faq/questions.py).

- on_config: refuse to build when a question lacks its stable id or the two languages differ
  (the message names file and line, in Vietnamese and English);
- on_page_content: under each question, a visible "link to this question" control.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.faq import questions as faq  # noqa: E402
from scripts.core.build_lang import page_language  # noqa: E402

def on_config(config):
    problems = faq.check_all(Path(config.docs_dir))     # two small files per FAQ page: cheap
    if problems:
        raise PluginError("\n".join(problems))
    return config


def on_page_content(html, page, config, files):
    if page.meta.get("faq") is not True:
        return html
    return faq.add_question_links(html, page_language(page, config))
