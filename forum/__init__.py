"""Rounds: a social-learning CME forum for clinical case discussion and mentoring."""

from .app import create_app

__all__ = ["create_app"]
