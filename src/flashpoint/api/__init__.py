"""The read-only HTTP API and the dashboard server; see docs/api.md. ``create_app(settings)`` builds it."""

from flashpoint.api.app import create_app

__all__ = ["create_app"]
