"""JSON API v1: bearer tokens, JSON errors, an OpenAPI document."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
