"""Retry policy and the backoff loop. Times are in milliseconds."""

import asyncio
import math
import re
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Awaitable, Callable, Optional, Sequence, TypeVar, cast


@dataclass
class BackoffStrategy:
    """Exponential backoff between attempts."""

    initial_interval: int
    max_interval: int
    exponent: float
    max_elapsed_time: int


@dataclass
class RetryConfig:
    """How a call is retried: strategy "backoff" or "none"."""

    strategy: str
    backoff: Optional[BackoffStrategy] = None
    retry_connection_errors: bool = True


DEFAULT_BACKOFF = BackoffStrategy(500, 60000, 1.5, 3600000)

T = TypeVar("T")


class Retryable(Exception):
    """Raised by an attempt whose outcome may be retried; carries that outcome."""

    def __init__(self, outcome: object, retry_after_ms: Optional[int] = None):
        super().__init__("retryable outcome")
        self.outcome = outcome
        self.retry_after_ms = retry_after_ms


def retry(attempt: Callable[[], T], config: Optional[RetryConfig]) -> T:
    """Runs `attempt` until it returns, raises a non-retryable error, or the policy gives up.

    An attempt signals a retryable outcome by raising Retryable; when the policy gives up,
    that outcome is returned (a response) or raised (an error).
    """
    if config is None or config.strategy != "backoff":
        # No retries: one attempt, whose retryable outcome is the result.
        try:
            return attempt()
        except Retryable as r:
            return cast(T, _give_up(r))
    schedule = _Schedule(config)
    while True:
        try:
            return attempt()
        except Retryable as r:
            wait = schedule.next_wait_ms(r)
            if wait is None:
                return cast(T, _give_up(r))
            time.sleep(wait / 1000)


async def retry_async(
    attempt: Callable[[], Awaitable[T]], config: Optional[RetryConfig]
) -> T:
    """`retry` for coroutines: the waits between attempts do not block the event loop."""
    schedule = _Schedule(config)
    while True:
        try:
            return await attempt()
        except Retryable as r:
            wait = schedule.next_wait_ms(r)
            if wait is None:
                return cast(T, _give_up(r))
            await asyncio.sleep(wait / 1000)


class _Schedule:
    """When the next attempt may start under a policy: Retry-After, else jittered exponential backoff,
    until the policy's elapsed time runs out. Strategy "none" (or no policy) never waits."""

    def __init__(self, config: Optional[RetryConfig]):
        self.backoff = (
            (config.backoff or DEFAULT_BACKOFF)
            if config is not None and config.strategy == "backoff"
            else None
        )
        self.start = time.monotonic()
        self.n = 0

    def next_wait_ms(self, r: Retryable) -> Optional[float]:
        """The wait before the next attempt, or None to give up."""
        b = self.backoff
        if b is None:
            return None
        elapsed_ms = (time.monotonic() - self.start) * 1000
        if r.retry_after_ms is not None:
            wait = float(r.retry_after_ms)
        else:
            wait = (
                b.initial_interval
                * (b.exponent**self.n)
                * (0.75 + random.random() * 0.5)
            )
        wait = min(wait, b.max_interval)
        self.n += 1
        return None if elapsed_ms + wait > b.max_elapsed_time else wait


def _give_up(r: Retryable) -> Any:
    if isinstance(r.outcome, BaseException):
        raise r.outcome
    return r.outcome


def match_status_code(status: int, codes: Sequence[str]) -> bool:
    """True if `status` matches one of the codes: exact ("404"), a range ("5XX"), or "default"."""
    s = str(status)
    if s in codes:
        return True
    for code in codes:
        c = code.upper()
        if c == "DEFAULT":
            return True
        if len(c) == 3 and c.endswith("XX") and c[0] == s[0]:
            return True
        if c == s:
            return True
    return False


def parse_retry_after(value: Optional[str]) -> Optional[int]:
    """Seconds or an HTTP date (RFC 9110 section 10.2.3), in milliseconds. None (the backoff decides)
    for anything else: a negative or unreadable number, one too large to be a wait, a date not in
    the future. The caller clamps what is left to the backoff's max_interval."""
    if value is None:
        return None
    v = value.strip()
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", v):
        seconds = float(v)
        return round(seconds * 1000) if math.isfinite(seconds * 1000) else None
    if not any(c.isalpha() for c in v):
        return None
    try:
        when = parsedate_to_datetime(v)
    except (TypeError, ValueError, OverflowError):
        return None
    ms = round((when.timestamp() - time.time()) * 1000)
    return ms if ms > 0 else None
