"""HTML pages: thin views over the services."""

from flask import Flask

from ..content import excerpt
from . import auth, main, posts, threads, users
from .casefmt import render_case
from .helpers import page_of


def register_web(app: Flask) -> None:
    """Register every HTML blueprint and the template filters the pages use."""
    for module in (main, auth, users, threads, posts):
        app.register_blueprint(module.bp)
    app.jinja_env.filters["excerpt"] = excerpt
    app.jinja_env.filters["case_html"] = render_case
    app.jinja_env.globals["page_of"] = page_of
