"""One complaint at a time, validated exactly as a JSONL ingest validates it.

`qinglang ingest` and `qinglang scan` read files; `qinglang score` and the web API's
`POST /api/complaints` receive one complaint. All of them must accept and reject the same
values for the same reasons (field names, channel aliases, timestamp forms with naive =
Asia/Shanghai, year bounds, the reason codes of docs/contracts.md), so the one-row paths call
these functions, which call the very record builder the file readers use.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from qinglang.ingest.clean import clean_mapping, parse_json_object
from qinglang.ingest.encoding import SNIFF_BYTES, detect_encoding_bytes, iter_lines
from qinglang.ingest.reasons import RowError
from qinglang.ingest.records import build_complaint
from qinglang.schema import Complaint


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why one complaint was not accepted: a reason code of the ingest reasons table and the
    explanation in Chinese and English (as a quarantined row would carry them)."""

    code: str
    zh: str
    en: str

    @property
    def reason(self) -> str:
        return f"{self.zh} / {self.en}"

    @classmethod
    def of(cls, err: RowError) -> Rejection:
        return cls(err.code, err.zh, err.en)

    def as_dict(self) -> dict[str, str]:
        return {"reason_code": self.code, "reason": self.reason}


def complaint_from_mapping(row: Mapping[str, Any]) -> Complaint | Rejection:
    """One complaint given as a mapping (parsed JSON) -> the validated Complaint, or why not.

    Same checks as a JSONL line: nesting depth, lone surrogates, NUL and BOM removal, then the
    ingest record builder. Never raises for bad content.
    """
    if not isinstance(row, Mapping):
        return Rejection(
            "not_an_object", "投诉不是 JSON 对象", f"a complaint must be an object, got {type(row).__name__}"
        )
    try:
        return build_complaint(clean_mapping(row))
    except RowError as err:
        return Rejection.of(err)


def complaint_from_json(text: str | bytes) -> Complaint | Rejection:
    """One complaint as JSON text (a JSONL line, a request body) -> Complaint or Rejection.

    Bytes must be UTF-8 (a BOM is tolerated); anything else is `bad_encoding`.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            return Rejection("bad_encoding", "内容不是合法的 UTF-8", "content is not valid UTF-8")
    try:
        row = parse_json_object(text)
    except RowError as err:
        return Rejection.of(err)
    return complaint_from_mapping(row)


def complaints_from_jsonl(data: bytes) -> Iterator[tuple[int, Complaint | Rejection]]:
    """Every non-blank line of JSONL bytes with its physical line number, validated like a
    line of `qinglang ingest`: encoding sniffed (UTF-8, BOM, GBK/GB18030), any line ending."""
    encoding = detect_encoding_bytes(data[:SNIFF_BYTES])
    for ln in iter_lines(io.BytesIO(data), encoding):
        if not ln.text.strip():
            continue
        if ln.bad_encoding:
            yield (
                ln.number,
                Rejection(
                    "bad_encoding", f"该行无法按 {encoding} 解码", f"line cannot be decoded as {encoding}"
                ),
            )
            continue
        yield ln.number, complaint_from_json(ln.text)


__all__ = ["Rejection", "complaint_from_json", "complaint_from_mapping", "complaints_from_jsonl"]
