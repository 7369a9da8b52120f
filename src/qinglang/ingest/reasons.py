"""Quarantine reason codes: one stable code per distinct cause of rejection.

Codes are a public contract (docs/contracts.md lists them): analysts filter on them and the
summary counts by them. Add codes, never rename them. Texts are Chinese first, English after.
"""

from __future__ import annotations

from typing import Any

from qinglang.schema import QuarantinedRow

# code -> (Chinese meaning, English meaning); used by the docs test and the CLI legend.
REASON_CODES: dict[str, tuple[str, str]] = {
    "bad_encoding": ("该行无法按文件编码解码", "line cannot be decoded in the file's encoding"),
    "bad_json": ("该行不是合法的 JSON", "line is not valid JSON"),
    "not_an_object": ("JSON 行不是对象（{...}）", "JSON line is not an object ({...})"),
    "too_deep": ("JSON 嵌套层数过多", "JSON is nested too deep (more than 32 levels)"),
    "bad_unicode": (
        "文本含有孤立的 UTF-16 代理项（如 \\ud800），不是合法字符",
        "a string holds a lone UTF-16 surrogate (e.g. \\ud800), which is not a character",
    ),
    "bad_csv_row": (
        "CSV 行的列数与表头不符或无法解析",
        "CSV row has a different column count than the header, or cannot be parsed",
    ),
    "missing_field": ("缺少必填字段", "a required field is missing or blank"),
    "empty_text": ("正文为空", "the text field is empty or blank"),
    "bad_timestamp": ("时间或日期无法解析", "a timestamp or date cannot be parsed"),
    "bad_type": ("字段类型错误", "a field has the wrong type (e.g. a number that is not a number)"),
    "bad_channel": ("未知的投诉渠道", "unknown complaint channel"),
    "duplicate_conflict": (
        "编号重复且内容不同（保留首次出现的一条）",
        "same id as an earlier row but different content (the first is kept)",
    ),
}


class RowError(Exception):
    """Why one row is rejected: a stable code plus a Chinese and an English explanation."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        assert code in REASON_CODES, code
        super().__init__(f"{code}: {en}")
        self.code = code
        self.zh = zh
        self.en = en

    @property
    def reason(self) -> str:
        return f"{self.zh} / {self.en}"


def quarantined(source_file: str, line: int, kind: str, err: RowError, raw: Any) -> QuarantinedRow:
    return QuarantinedRow(
        source_file=source_file, line=line, kind=kind, reason_code=err.code, reason=err.reason, raw=raw
    )
