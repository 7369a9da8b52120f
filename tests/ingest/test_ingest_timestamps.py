from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qinglang.ingest import parse_date, parse_timestamp

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/03/01 09:30", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("2026-03-01 09:30:00", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("2026年3月1日 09:30", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("2026年03月01日 09:30:05", datetime(2026, 3, 1, 9, 30, 5, tzinfo=SH)),
        ("2026/3/1 9:30", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=SH)),
        ("2026/3/1", datetime(2026, 3, 1, tzinfo=SH)),
        ("2026年3月1日", datetime(2026, 3, 1, tzinfo=SH)),
        ("2026.03.01 23:59:59", datetime(2026, 3, 1, 23, 59, 59, tzinfo=SH)),
        ("2026-03-01T09:30:00", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("2026-03-01T09:30:00.250", datetime(2026, 3, 1, 9, 30, 0, 250000, tzinfo=SH)),
        ("20260301T093000", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("20260301093005", datetime(2026, 3, 1, 9, 30, 5, tzinfo=SH)),
        ("202603010930", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
        ("20260301", datetime(2026, 3, 1, tzinfo=SH)),
        ("2026年3月1日 下午2点30分", datetime(2026, 3, 1, 14, 30, tzinfo=SH)),
        ("2026年3月1日 9时5分", datetime(2026, 3, 1, 9, 5, tzinfo=SH)),
        ("  2026-03-01 09:30  ", datetime(2026, 3, 1, 9, 30, tzinfo=SH)),
    ],
)
def test_local_forms_are_read_as_shanghai(text, expected):
    got = parse_timestamp(text)
    assert got.tzinfo is not None
    assert got == expected
    assert got.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize(
    ("text", "expected_utc"),
    [
        ("2026-03-01T09:30:00Z", datetime(2026, 3, 1, 9, 30, tzinfo=UTC)),
        ("2026-03-01T09:30:00+08:00", datetime(2026, 3, 1, 1, 30, tzinfo=UTC)),
        ("2026-03-01 09:30:00-05:00", datetime(2026, 3, 1, 14, 30, tzinfo=UTC)),
        ("2026/03/01 09:30:00+0800", datetime(2026, 3, 1, 1, 30, tzinfo=UTC)),
        ("2026年3月1日 09:30+09:00", datetime(2026, 3, 1, 0, 30, tzinfo=UTC)),
    ],
)
def test_explicit_zones_are_kept(text, expected_utc):
    got = parse_timestamp(text)
    assert got == expected_utc
    assert got.astimezone(UTC) == expected_utc


def test_epoch_seconds_and_millis():
    instant = datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    assert parse_timestamp(str(int(instant.timestamp()))) == instant
    assert parse_timestamp(str(int(instant.timestamp() * 1000))) == instant


def test_output_is_always_aware():
    for text in ("2026-03-01", "2026/3/1 9:30", "2026-03-01T09:30:00Z"):
        assert parse_timestamp(text).tzinfo is not None


def test_other_default_zone():
    got = parse_timestamp("2026-03-01 09:30", tz="UTC")
    assert got == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "2026/02/30 10:00",
        "2026-13-01",
        "2026-03-01 25:00",
        "0001-01-01",
        "3000-01-01",
        "03/01/2026 x",
        "2026年3月",
    ],
)
def test_garbage_raises_value_error(text):
    with pytest.raises(ValueError):
        parse_timestamp(text)


def test_parse_date():
    assert parse_date("2026年4月15日") == date(2026, 4, 15)
    assert parse_date("2026/4/15 23:00") == date(2026, 4, 15)
