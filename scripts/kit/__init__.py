"""The communication kit (data/communication_kit/: radio scripts, share texts, posters) and the
school kit (data/school_links.yml: links and QR codes).
"""
