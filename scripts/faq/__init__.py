"""FAQ pages: stable question ids, identical in both languages, and the "link to this question" control.
"""
