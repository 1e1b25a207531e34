"""The quick-exit ("exit this page") button on pages that opt in with `quick_exit: true`.
"""
