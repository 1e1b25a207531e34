"""Review dates: every page says when it was last reviewed and when the next review is due
(`reviewed:` in front matter; 6 months for pages with legal or phone content, 12 for others,
set in mkdocs.yml `extra.review`). Library (review), build hook (hook_review), check
(check_review)."""

from scripts.review.review import ReviewPolicy, next_due, page_policy_months

__all__ = ["ReviewPolicy", "next_due", "page_policy_months"]
