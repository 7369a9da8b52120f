"""CSV that a person opens in a spreadsheet: no cell is read as a formula (CSV injection).

A complaint text `=HYPERLINK("http://x","y")` written as it is becomes a live link in Excel,
WPS or LibreOffice; `=cmd|...`, `@SUM(...)`, `+...`, `-...` likewise. Every CSV the product
writes for people goes through `writer()` (or `safe_row`/`safe_cell`), which applies one rule
(OWASP "CSV Injection"):

- a text cell that begins with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed gets
  a single quote in front (`'=HYPERLINK(...)`): spreadsheets show it as text, the quote
  hidden; a program reading the file sees the quote and can strip it;
- except a text that is a plain number (`-3.5`, `+12`, `-1e-3`: optional sign, digits, one
  point, optional exponent, nothing else): it is data, not a formula, and stays as it is;
- numbers, booleans and None are written as csv writes them (a float -3.5 stays "-3.5").

Phone numbers written with a plus and spaces ("+86 138 0000 0000") are not plain numbers and
are quoted; the E.164 form ("+8613800000000") is a plain number and is not.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value` as a spreadsheet will show it and never evaluate it (see the module docstring)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


class _Writable(Protocol):
    def write(self, s: str, /) -> Any: ...


class SafeWriter:
    """csv.writer whose rows pass through safe_row."""

    def __init__(self, fh: _Writable, **kwargs: Any) -> None:
        self._w = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._w.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: _Writable, **kwargs: Any) -> SafeWriter:
    """Like csv.writer(fh, **kwargs), with every cell neutralised."""
    return SafeWriter(fh, **kwargs)
