"""JSON API v1: bearer tokens, JSON errors, an OpenAPI document.

Routes live in one module per resource; each attaches itself to `bp` from blueprint.py.
Importing them here (at the top, like any import) is what registers them.
"""

from . import auth, moderation, moderation_openapi, notifications, openapi, posts, threads, users
from .blueprint import bp

__all__ = [
    "auth",
    "bp",
    "moderation",
    "moderation_openapi",
    "notifications",
    "openapi",
    "posts",
    "threads",
    "users",
]
