"""Health checks for load balancers and monitoring."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db


def database_ok() -> bool:
    """True when the database answers `SELECT 1`; never raises."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        try:
            db.session.rollback()
        except SQLAlchemyError:
            pass
        return False
    return True
