"""Health checks for load balancers and monitoring."""

from __future__ import annotations

import contextlib

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db


def database_ok() -> bool:
    """True when the database answers `SELECT 1`; never raises."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        with contextlib.suppress(SQLAlchemyError):
            db.session.rollback()
        return False
    return True
