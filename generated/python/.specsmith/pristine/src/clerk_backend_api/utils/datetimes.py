"""Dates and times as the API writes them (RFC 3339)."""

from datetime import datetime


def parse_datetime(value: str) -> datetime:
    """An RFC 3339 date-time ("2026-01-08T00:00:00Z") as an aware datetime; Python 3.9 and 3.10 do not
    read the trailing Z themselves."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)
