"""The scan's scored complaints, held as their output lines instead of as objects.

Why: every complaint of the inbox gets a ScoredComplaint, and as pydantic objects with their
Reason lists they were the largest thing a scan held (~1.3 KB a complaint measured on a
generated 20k lender, more than the feature rows): 1.3 GB of a 1M-complaint scan. A scored
complaint is written once, as one JSON line of complaints_scored.jsonl, and read back whole by
the few consumers that need objects (the store, the report, the summary), so the table keeps that
line (UTF-8, ~100 bytes when there is no reason) and a flag byte, and rebuilds an object when one
is asked for. The line is the model's own JSON, so a rebuilt object equals the one appended
(tests/core/test_scored_table.py) and the written file is byte-identical to writing the objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from qinglang.schema import ScoredComplaint


class ScoredTable(Sequence[ScoredComplaint]):
    """An append-only sequence of scored complaints stored as JSON lines."""

    __slots__ = ("_flagged", "_ids", "_lines")

    def __init__(self, items: Iterable[ScoredComplaint] = ()) -> None:
        self._lines: list[bytes] = []
        self._ids: list[str] = []  # the feature rows' own id strings: a pointer each
        self._flagged = bytearray()
        for s in items:
            self.append(s)

    def append(self, s: ScoredComplaint) -> None:
        self._lines.append(s.model_dump_json().encode("utf-8"))
        self._ids.append(s.complaint_id)
        self._flagged.append(1 if s.flagged else 0)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, i: int) -> ScoredComplaint: ...
    @overload
    def __getitem__(self, i: slice) -> list[ScoredComplaint]: ...
    def __getitem__(self, i: int | slice) -> ScoredComplaint | list[ScoredComplaint]:
        if isinstance(i, slice):
            return [ScoredComplaint.model_validate_json(b) for b in self._lines[i]]
        return ScoredComplaint.model_validate_json(self._lines[i])

    def __iter__(self) -> Iterator[ScoredComplaint]:
        for b in self._lines:
            yield ScoredComplaint.model_validate_json(b)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ScoredTable):
            return self._lines == other._lines
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    @property
    def flagged_count(self) -> int:
        """How many are flagged, without rebuilding any object."""
        return sum(self._flagged)

    def flagged_positions(self) -> list[int]:
        return [i for i, f in enumerate(self._flagged) if f]

    def json_lines(self) -> Iterator[bytes]:
        """Each complaint's line of complaints_scored.jsonl (no newline), in order."""
        return iter(self._lines)

    def complaint_ids(self) -> list[str]:
        return list(self._ids)


def complaint_ids(scored: Sequence[ScoredComplaint]) -> list[str]:
    """The ids in order, without rebuilding objects when `scored` is a ScoredTable."""
    if isinstance(scored, ScoredTable):
        return scored.complaint_ids()
    return [s.complaint_id for s in scored]


def json_records(scored: Iterable[ScoredComplaint]) -> Iterator[dict]:
    """Each scored complaint as its JSON-mode dict (model_dump(mode="json")), parsed from the
    stored line when `scored` is a ScoredTable (no object is rebuilt)."""
    if isinstance(scored, ScoredTable):
        for b in scored.json_lines():
            yield json.loads(b)
    else:
        for s in scored:
            yield s.model_dump(mode="json")


def flagged_scored(scored: Sequence[ScoredComplaint]) -> Iterator[ScoredComplaint]:
    """The flagged ones, in order (only those rebuilt when `scored` is a ScoredTable)."""
    if isinstance(scored, ScoredTable):
        for i in scored.flagged_positions():
            yield scored[i]
    else:
        yield from (s for s in scored if s.flagged)
