"""The API blueprint itself, alone in its module so route modules can import it without
importing each other (forum/api/__init__.py imports the route modules and re-exports it)."""

from __future__ import annotations

from flask import Blueprint
from flask.blueprints import BlueprintSetupState
from werkzeug.routing import IntegerConverter

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Database ids are 32-bit integers on PostgreSQL and 64-bit on SQLite: an id outside that
# range cannot exist, so the router answers 404 instead of letting the driver overflow.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<id:name>`: a positive integer that fits a database id column."""

    def __init__(self, map: object, *args: object, **kwargs: object) -> None:
        super().__init__(map, min=1, max=MAX_ID)  # type: ignore[arg-type]


@bp.record_once
def _register_converter(state: BlueprintSetupState) -> None:
    # Recorded before any route, so it runs before the first rule is bound.
    state.app.url_map.converters["id"] = IdConverter
