"""robots.txt: let every crawler in, and point it at the sitemap.

The sitemap is where search engines learn that each page has a twin in the other language
(the hreflang alternates live there, not in each page's head), so they must find it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin


def robots_txt(site_url: str) -> str:
    if not site_url or not site_url.startswith(("http://", "https://")):
        raise ValueError(
            f"site_url '{site_url}' không phải địa chỉ tuyệt đối / is not an absolute address: "
            "set site_url (or SITE_URL) to e.g. https://example.org/")
    sitemap = urljoin(site_url if site_url.endswith("/") else site_url + "/", "sitemap.xml")
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"


def write(site_dir: Path, site_url: str) -> Path:
    path = Path(site_dir) / "robots.txt"
    path.write_text(robots_txt(site_url), encoding="utf-8")
    return path
