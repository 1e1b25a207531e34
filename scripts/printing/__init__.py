"""Printing: the absolute address printed after each link in a page's text.
"""
