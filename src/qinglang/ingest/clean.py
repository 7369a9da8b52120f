"""Defences against what a hostile or broken export holds, shared by every input path.

A single line must never stop a run, and nothing that later stages or the store cannot hold
may get past the reader. So, before a row reaches a record builder:

- NUL (U+0000) and stray byte-order marks (U+FEFF, e.g. from files concatenated with their
  BOMs) are removed from the text: they are invisible, carry no meaning, and would end up
  inside ids and texts (PostgreSQL cannot even store a NUL);
- a JSON value nested deeper than MAX_JSON_DEPTH is rejected (``too_deep``): Python's parser
  and serialiser recurse, so a line of 1,000 ``[`` would otherwise raise RecursionError;
- a string holding a lone UTF-16 surrogate (JSON ``"\\ud800"``) is rejected (``bad_unicode``):
  it is not a character, cannot be encoded as UTF-8 and would crash every writer.

JSONL ingest, ``qinglang score`` and the web API use the same functions, so a value is
accepted or rejected alike whichever way it comes in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from qinglang.ingest.reasons import RowError

# Contract rows are flat (depth 1); attachments and a customer's `extra` add a level or two.
MAX_JSON_DEPTH = 32

_INVISIBLE_RE = re.compile("[\x00\ufeff]")
_SUSPECT_CHAR = re.compile("[\x00\ufeff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# JSON escapes that decode to a NUL, a BOM or a surrogate; only lines holding one need a walk.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[fF][eE][fF][fF]|[dD][89a-fA-F])")


def clean_text(text: str) -> str:
    """`text` without NUL characters and byte-order marks (fast when there are none)."""
    if "\x00" in text or "\ufeff" in text:
        return _INVISIBLE_RE.sub("", text)
    return text


def too_deep_error() -> RowError:
    return RowError(
        "too_deep",
        f"JSON 嵌套超过 {MAX_JSON_DEPTH} 层",
        f"JSON is nested more than {MAX_JSON_DEPTH} levels deep",
    )


def _surrogate_error(s: str) -> RowError:
    where = _SURROGATE.search(s)
    code = f"\\u{ord(where.group()):04x}" if where else "?"
    return RowError(
        "bad_unicode",
        f"文本含有孤立的 UTF-16 代理项 {code}，不是合法字符",
        f"a string holds a lone UTF-16 surrogate {code}, which is not a character",
    )


def depth_exceeds(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether containers in `value` nest deeper than `limit` (iterative: no recursion)."""
    children: Iterable[Any]
    if isinstance(value, dict):
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return False
    if not any(isinstance(v, dict | list) for v in children):
        return limit < 1  # the common flat row
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        for v in node.values() if isinstance(node, dict) else node:
            if isinstance(v, dict | list):
                stack.append((v, depth + 1))
    return False


def _clean_str(s: str) -> str:
    if _SUSPECT_CHAR.search(s) is None:
        return s
    if _SURROGATE.search(s) is not None:
        raise _surrogate_error(s)
    return _INVISIBLE_RE.sub("", s)


def _clean_value(value: Any) -> Any:
    """`value` with its strings (and keys) cleaned; raises RowError(bad_unicode). Recursion is
    bounded by MAX_JSON_DEPTH: callers check the depth first."""
    if isinstance(value, str):
        return _clean_str(value)
    if isinstance(value, dict):
        return {_clean_str(k) if isinstance(k, str) else k: _clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def clean_mapping(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row that came in as a mapping (web API, a caller's dict), checked like a JSONL line.

    Raises RowError(too_deep | bad_unicode); returns the row with NULs and BOMs removed from
    its keys and strings.
    """
    row = dict(row)
    if depth_exceeds(row):
        raise too_deep_error()
    return _clean_value(row)


class NotAnObject(RowError):
    """Valid JSON that is not an object; `value` (cleaned) is kept as the quarantined raw row."""

    def __init__(self, value: Any) -> None:
        super().__init__(
            "not_an_object", "JSON 行不是对象", f"JSON line is a {type(value).__name__}, not an object"
        )
        self.value = value


def parse_json_object(text: str) -> dict[str, Any]:
    """One JSONL line (or JSON document) -> the object it holds, cleaned and checked.

    Raises RowError: bad_json, not_an_object, too_deep or bad_unicode. `text` is expected to
    be cleaned already (clean_text) when it comes from a file; it is cleaned again otherwise.
    """
    text = clean_text(text)
    try:
        obj = json.loads(text)
    except RecursionError:
        raise too_deep_error() from None
    except ValueError as exc:
        raise RowError("bad_json", "该行不是合法的 JSON", f"invalid JSON: {str(exc)[:200]}") from None
    # the number of opening brackets bounds the depth: the walk is needed only past the limit
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH and depth_exceeds(obj):
        raise too_deep_error()
    if _SURROGATE.search(text) is not None or ("\\u" in text and _SUSPECT_ESCAPE.search(text)):
        obj = _clean_value(obj)
    if not isinstance(obj, dict):
        raise NotAnObject(obj)
    return obj


def escape_surrogates(text: str) -> str:
    """Replace lone surrogates in already serialised JSON text by their \\uXXXX escapes, so
    the text can be written as UTF-8 and reads back to the same value."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = [
    "MAX_JSON_DEPTH",
    "NotAnObject",
    "clean_mapping",
    "clean_text",
    "depth_exceeds",
    "escape_surrogates",
    "parse_json_object",
    "too_deep_error",
]
