"""Text from data or front matter, made safe where it enters a page.

Data is text, never markup: "<b>" typed into phones.yml shows as "<b>". Two places take it:
- HTML written by a hook or a template: `html_text` (&, <, > and " as entities);
- Markdown a hook writes into a page before it is rendered: `markdown_text` also puts a
  backslash before the characters that would make a link, emphasis or code of it, so a title
  "x](javascript:…)" cannot close the link it sits in.
The apostrophe is left as it is (titles such as "Children's mental health" stay unchanged in the
search index); every attribute the site writes is double-quoted.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def html_text(value: object) -> str:
    """`value` as HTML text: & < > and " as entities."""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def markdown_text(value: object) -> str:
    """`value` as literal text inside Markdown: HTML-escaped, and Markdown's link, emphasis and
    code characters backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html_text(value))
