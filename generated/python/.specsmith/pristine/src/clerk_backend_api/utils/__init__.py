"""Utilities users configure or call: the retry policy, dates, the UNSET sentinel."""

from ..models._base import UNSET, Unset
from .datetimes import parse_datetime
from .retries import BackoffStrategy, RetryConfig

__all__ = ["UNSET", "BackoffStrategy", "RetryConfig", "Unset", "parse_datetime"]
