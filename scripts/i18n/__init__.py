"""Translations: which Vietnamese version each English page translates, stale notices, the check.
"""
