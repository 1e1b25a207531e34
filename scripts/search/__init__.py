"""Search: one index per language for Material's search, with Vietnamese folding (SEARCH.md).
"""
