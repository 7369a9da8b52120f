"""Read call records (CDRs) with the same machinery as complaints and customers.

WHY here and not in ingest/records.py: calls are their own input family, owned by this package.
They are registered as an ingest kind (`ingest.records.register_kind`), so a calls file gets the
same encodings, CSV/JSONL sniffing, line numbers, duplicate rule and quarantine with stable
reason codes as every other input; only the per-row checks below are new.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from qinglang.ingest.load import LoadResult, load
from qinglang.ingest.reasons import RowError
from qinglang.ingest.records import (
    _float_or_none,
    _required_id,
    _str_or_none,
    _timestamp,
    _validated,
    register_kind,
)
from qinglang.schema import Call

KIND = "calls"
CALL_FIELDS = (
    "call_id",
    "started_at",
    "direction",
    "customer_id",
    "dialled",
    "answered",
    "ring_seconds",
    "talk_seconds",
    "answered_by",
    "diversion_reason",
    "recording",
)

# Chinese headers of call-centre exports -> contract names (added to the shared header table)
CALL_HEADER_ALIASES: dict[str, str] = {
    "通话编号": "call_id",
    "呼叫编号": "call_id",
    "话单编号": "call_id",
    "呼叫时间": "started_at",
    "开始时间": "started_at",
    "通话开始时间": "started_at",
    "呼叫方向": "direction",
    "方向": "direction",
    "号码": "dialled",
    "被叫号码": "dialled",
    "拨打号码": "dialled",
    "是否接通": "answered",
    "接通": "answered",
    "振铃时长": "ring_seconds",
    "振铃秒数": "ring_seconds",
    "通话时长": "talk_seconds",
    "通话秒数": "talk_seconds",
    "实际接听号码": "answered_by",
    "接听号码": "answered_by",
    "转移原因": "diversion_reason",
    "呼转原因": "diversion_reason",
    "录音": "recording",
    "录音文件": "recording",
}

DIRECTIONS: dict[str, str] = {
    "outbound": "outbound",
    "out": "outbound",
    "呼出": "outbound",
    "外呼": "outbound",
    "去电": "outbound",
    "inbound": "inbound",
    "in": "inbound",
    "呼入": "inbound",
    "来电": "inbound",
}
_TRUE = {"true", "1", "yes", "y", "t", "是", "接通", "已接通", "answered"}
_FALSE = {"false", "0", "no", "n", "f", "否", "未接通", "未接", "no_answer", "noanswer", ""}
_SECONDS_SUFFIX = re.compile(r"\s*(秒|s|sec)$", re.IGNORECASE)
_MMSS = re.compile(r"^(\d{1,3}):([0-5]\d)$")


def _direction(d: dict[str, Any]) -> str:
    v = d.get("direction")
    if v is None or (isinstance(v, str) and not v.strip()):
        raise RowError(
            "missing_field", "缺少必填字段 direction（呼叫方向）", "required field direction is missing"
        )
    key = str(v).strip().lower()
    if key not in DIRECTIONS:
        raise RowError(
            "bad_type",
            f"字段 direction 应为 outbound/inbound（呼出/呼入）：{key[:20]!r}",
            f"field direction should be outbound or inbound: {key[:20]!r}",
        )
    return DIRECTIONS[key]


def _answered(d: dict[str, Any]) -> bool:
    v = d.get("answered")
    if isinstance(v, bool):
        return v
    if v is None:
        return False
    if isinstance(v, int | float) and v in (0, 1):
        return bool(v)
    key = str(v).strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise RowError(
        "bad_type",
        f"字段 answered 应为是/否：{key[:20]!r}",
        f"field answered should be true/false: {key[:20]!r}",
    )


def _seconds(d: dict[str, Any], name: str) -> float | None:
    v = d.get(name)
    if isinstance(v, str):
        s = _SECONDS_SUFFIX.sub("", v.strip())
        m = _MMSS.match(s)
        v = int(m.group(1)) * 60 + int(m.group(2)) if m else s
    f = _float_or_none({name: v}, name)
    if f is not None and f < 0:
        raise RowError("bad_type", f"字段 {name} 不能为负数", f"field {name} cannot be negative")
    return f


def build_call(d: dict[str, Any]) -> Call:
    """Validate one raw call row. Raises RowError with the reason code."""
    call_id = _required_id(d, "call_id")
    started_at = _timestamp(d, "started_at", required=True)
    direction = _direction(d)
    customer_id = _required_id(d, "customer_id")
    return _validated(
        Call,
        {
            "call_id": call_id,
            "started_at": started_at,
            "direction": direction,
            "customer_id": customer_id,
            "dialled": _str_or_none(d, "dialled"),
            "answered": _answered(d),
            "ring_seconds": _seconds(d, "ring_seconds"),
            "talk_seconds": _seconds(d, "talk_seconds"),
            "answered_by": _str_or_none(d, "answered_by"),
            "diversion_reason": _str_or_none(d, "diversion_reason"),
            "recording": _str_or_none(d, "recording"),
        },
    )


register_kind(KIND, build_call, "call_id", CALL_HEADER_ALIASES)


def load_calls(
    path: str | os.PathLike[str], quarantine: str | os.PathLike[str] | None = None
) -> LoadResult[Call]:
    """All valid calls of a file, deduplicated, in file order, with the summary and rejects."""
    return load(path, KIND, quarantine)


@dataclass(frozen=True)
class Note:
    call_id: str
    text: str


def read_notes(path: str | os.PathLike[str]) -> Iterator[Note]:
    """Collectors' call notes, JSONL {call_id, text} (optional input); a malformed line is skipped
    and counted by the caller, never fatal (notes are free text written by people)."""
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and obj.get("call_id") and isinstance(obj.get("text"), str):
                yield Note(str(obj["call_id"]), obj["text"])
