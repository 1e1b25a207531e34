"""Nothing unreviewed reaches a reader: data and front matter escaped where they enter HTML
(hook_safety, escaping), no raw scripts, refresh tags, frames or script URLs in pages and data,
JavaScript only from the list in mkdocs.yml (check_markup)."""
