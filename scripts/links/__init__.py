"""Links: the link check on the built site, the registry of published addresses (data/urls.yml)
and redirect stubs for moved pages (data/redirects.yml).
"""
