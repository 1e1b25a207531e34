"""The content check on every page's text and every data text that becomes a page: NFC,
placeholders, Vietnamese spelling; phone numbers in pages with the phones feature's rules.
"""
