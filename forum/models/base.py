"""What every model shares: the declarative base, aware UTC timestamps."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from ..extensions import Base

# Models subclass the declarative base directly (typed for mypy); Flask-SQLAlchemy shares
# its metadata, so `db.create_all()` and Alembic see every table.
Model = Base


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (a callable default, never evaluated at import)."""
    return datetime.now(UTC)


class AwareDateTime(TypeDecorator[datetime]):
    """A timestamp that is always an aware UTC datetime in Python, on SQLite too.

    PostgreSQL stores `timestamptz`; SQLite has no time zones, so we store UTC there and
    put the zone back on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        if dialect.name == "sqlite":
            return value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow, nullable=False)


__all__ = ["AwareDateTime", "Base", "Model", "TimestampMixin", "utcnow"]
