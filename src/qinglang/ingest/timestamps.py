"""Timestamp parsing for the forms found in Chinese lenders' exports.

Exports from Chinese systems rarely carry a zone and mix ISO 8601 with forms such as
"2026/3/1 9:30" or "2026年3月1日 09:30". Everything downstream (burst detection, timelines,
the store) needs comparable instants, so this module turns every accepted form into a
timezone-aware datetime, reading naive times as Asia/Shanghai (config.DEFAULT_TZ).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from qinglang.config import DEFAULT_TZ

# Years outside this window are typing errors in this domain, and far years overflow when
# converted between zones.
MIN_YEAR = 1900
MAX_YEAR = 2200

_LOCAL_FORM = re.compile(
    r"""^\s*
    (?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?
    (?:
        (?:\s*[T ]\s*|\s*)
        (?P<ampm>上午|下午|晚上|凌晨|中午)?\s*
        (?P<H>\d{1,2})\s*[:：时点]\s*(?P<M>\d{1,2})
        (?:\s*[:：分]\s*(?P<S>\d{1,2})(?:[.,](?P<frac>\d{1,6}))?\s*秒?|\s*分)?
    )?
    \s*(?P<tz>Z|[+-]\d{2}:?\d{2})?\s*$""",
    re.VERBOSE,
)


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _offset_tz(text: str) -> datetime:
    """A datetime carrying the fixed offset written as 'Z', '+08:00' or '+0800'."""
    if text == "Z":
        return datetime(2000, 1, 1, tzinfo=UTC)
    return datetime.fromisoformat(f"2000-01-01T00:00:00{text[:3]}:{text[-2:]}")


def _aware(dt: datetime, tz: str) -> datetime:
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        raise ValueError(f"year {dt.year} out of range {MIN_YEAR}-{MAX_YEAR}")
    if dt.tzinfo is None:
        return dt.replace(tzinfo=_zone(tz))
    return dt


def parse_timestamp(s: str, tz: str = DEFAULT_TZ) -> datetime:
    """Parse one timestamp; naive values are read in `tz` (Asia/Shanghai). Raises ValueError.

    Accepted: ISO 8601 with or without zone ('2026-03-01T09:30:00+08:00', '2026-03-01 09:30',
    '20260301T093000'), compact '20260301093000' / '202603010930', '2026/03/01 09:30', '2026/3/1 9:30', '2026.03.01 09:30',
    '2026年3月1日 09:30', '2026年03月01日 09:30:05', '2026年3月1日 下午2点30分', and dates alone
    (midnight local time). Epoch seconds or milliseconds as 10 or 13 digits.
    """
    if not isinstance(s, str):
        raise ValueError(f"not a string: {type(s).__name__}")
    text = s.strip()
    if not text:
        raise ValueError("empty timestamp")
    if text.isdigit() and len(text) in (12, 14):  # compact bank-export form 20260301093000
        return _aware(
            datetime(
                int(text[:4]),
                int(text[4:6]),
                int(text[6:8]),
                int(text[8:10]),
                int(text[10:12]),
                int(text[12:14] or 0),
            ),
            tz,
        )
    if text.isdigit() and len(text) in (10, 13):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return _aware(datetime.fromtimestamp(seconds, tz=UTC).astimezone(_zone(tz)), tz)
    try:
        return _aware(datetime.fromisoformat(text), tz)
    except ValueError:
        pass
    m = _LOCAL_FORM.match(text)
    if m is None:
        raise ValueError(f"unrecognised timestamp: {s!r}")
    hour = int(m["H"]) if m["H"] is not None else 0
    ampm = m["ampm"]
    if ampm in ("下午", "晚上") and hour < 12:
        hour += 12
    elif ampm == "中午" and hour < 11:
        hour += 12
    frac = m["frac"] or ""
    dt = datetime(
        int(m["y"]),
        int(m["m"]),
        int(m["d"]),
        hour,
        int(m["M"]) if m["M"] is not None else 0,
        int(m["S"]) if m["S"] is not None else 0,
        int(frac.ljust(6, "0")) if frac else 0,
    )
    if m["tz"]:
        dt = dt.replace(tzinfo=_offset_tz(m["tz"]).tzinfo)
    return _aware(dt, tz)


def parse_date(s: str, tz: str = DEFAULT_TZ) -> date:
    """A calendar date in any form parse_timestamp accepts (the time part, if any, is dropped)."""
    return parse_timestamp(s, tz).date()


def to_utc(dt: datetime) -> datetime:
    """Aware UTC copy; naive input is read as Asia/Shanghai, like everywhere else."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_zone(DEFAULT_TZ))
    return dt.astimezone(UTC)
