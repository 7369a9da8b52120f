"""When complaints arrive: daily and weekly rhythm, bursts, and the export forms of timestamps.

WHY: timing is a campaign signal (bursts, filing just before due dates), so background traffic
must have the real rhythm (working hours, quiet nights, lighter weekends) for a burst to be
meaningful rather than trivially visible.
"""

from __future__ import annotations

import bisect
import random
from datetime import date, datetime, time, timedelta
from itertools import accumulate

# Relative complaint volume per hour of day (Asia/Shanghai).
HOUR_WEIGHTS = (
    0.15,
    0.08,
    0.05,
    0.04,
    0.04,
    0.08,
    0.25,
    0.6,
    1.2,
    1.8,
    2.0,
    1.9,
    1.3,
    1.4,
    1.8,
    1.9,
    1.8,
    1.6,
    1.2,
    1.1,
    1.2,
    1.1,
    0.8,
    0.4,
)
WEEKDAY_WEIGHTS = (1.0, 1.0, 0.97, 0.95, 0.9, 0.6, 0.5)


class Clock:
    """Samples naive local datetimes over [start, start+days) with the daily/weekly pattern."""

    def __init__(self, start: date, days: int):
        self.start = datetime.combine(start, time())
        self.days = days
        w = [
            WEEKDAY_WEIGHTS[(start + timedelta(days=d)).weekday()] * HOUR_WEIGHTS[h]
            for d in range(days)
            for h in range(24)
        ]
        self._cum = list(accumulate(w))

    def sample(self, rng: random.Random) -> datetime:
        i = bisect.bisect_right(self._cum, rng.random() * self._cum[-1])
        return self.start + timedelta(hours=i, seconds=rng.randrange(3600))

    def on_day(self, rng: random.Random, day: date) -> datetime:
        """A time on a given day, following the hourly rhythm."""
        h = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
        return datetime.combine(day, time(h)) + timedelta(seconds=rng.randrange(3600))

    @property
    def end(self) -> datetime:
        return self.start + timedelta(days=self.days)


def iso(rng: random.Random, t: datetime) -> str:
    """Clean export: ISO 8601 with +08:00 or naive (both mean Asia/Shanghai)."""
    if rng.random() < 0.6:
        return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def messy(rng: random.Random, t: datetime) -> str:
    """--messy: the other export forms Chinese systems produce."""
    r = rng.random()
    if r < 0.25:
        return t.strftime("%Y/%m/%d %H:%M:%S")
    if r < 0.45:
        return t.strftime("%Y-%m-%d %H:%M")
    if r < 0.6:
        return (t - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
    if r < 0.7:
        return t.strftime("%Y%m%d%H%M%S")
    if r < 0.8:
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"
    return iso(rng, t)
