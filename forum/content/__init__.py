"""User content: Markdown rendering, sanitising, mentions and text helpers.

Pure functions, text in and text out.  This is the only part of Rounds that imports
bleach or markdown-it, and it imports nothing else from ``forum`` so it can sit
below the services layer.
"""

from .autolink import MENTION_RE, URL_RE
from .markdown import cook, find_mentions
from .phi import PhiSpan, detect_phi
from .sanitize import LINK_REL, is_local_path, is_safe_href
from .text import excerpt, plain_text, slugify

__all__ = [
    "LINK_REL",
    "MENTION_RE",
    "URL_RE",
    "PhiSpan",
    "cook",
    "detect_phi",
    "excerpt",
    "find_mentions",
    "is_local_path",
    "is_safe_href",
    "plain_text",
    "slugify",
]
