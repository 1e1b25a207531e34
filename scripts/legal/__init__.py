"""Legal texts: one registry (data/legal_texts.yml) of every legal document the site names, with
its full-text address and kind (official / unofficial copy / none found); pages cite a document
with a `- legal: <id>` source, the build shows the link and its label, and the check fails when
a page names a document that is not registered or does not cite its full text. Library
(legal_texts), build hook (hook_legal), check (check_legal)."""

from scripts.legal.legal_texts import LegalText, find_citations, load_registry, source_entry

__all__ = ["LegalText", "find_citations", "load_registry", "source_entry"]
