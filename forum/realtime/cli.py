"""`flask --app wsgi live ...`: keeping the live event log small by hand.

The log also prunes itself (see log.py); this is for operators who want it now, e.g.
from cron with a shorter retention.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..extensions import db
from . import log

live = AppGroup("live", help="The live event log that reconnecting clients catch up from.")


@live.command("prune")
@click.option(
    "--days",
    type=click.FloatRange(min=0),
    default=None,
    help=f"Keep this many days (default LIVE_EVENTS_KEEP_DAYS, else {log.KEEP_DAYS}).",
)
def prune(days: float | None) -> None:
    """Delete live events older than --days; clients that were away longer reload."""
    removed = log.prune(db.session, days)
    db.session.commit()
    click.echo(f"Removed {removed} live event{'' if removed == 1 else 's'}.")
