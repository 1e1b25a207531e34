"""Printing: the absolute address printed after each link in a page's text, the page's own
address on paper ("Bản in từ: …" / "Printed from: …"), and the A4 PDFs of `make pdf`.
"""
