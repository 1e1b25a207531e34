"""Accessibility fixes to Material's rendered markup where its templates offer no block to extend.
"""
