"""The site as a whole: page metadata (edit links, dates, link previews, heading slugs), one 404 page
per language, robots.txt, and the link-preview image's source (og_image.html).
"""
