"""The content check on every page's text: NFC, placeholders, phone numbers, Vietnamese spelling.
"""
