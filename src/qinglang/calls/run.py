"""Run every call detector over one lender's calls and combine their evidence per borrower.

WHY apart from the command: the scan (`qinglang scan --calls`), the evaluation and the benchmark
call the same function the CLI does. Scores follow the one combination rule (score.combine);
a borrower is flagged at the shared threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qinglang.calls.codes import FLAG_THRESHOLD
from qinglang.calls.detectors.answering_change import AnsweringChangeDetector
from qinglang.calls.detectors.base import CallDetector, Findings, NumberGroup
from qinglang.calls.detectors.callback import CallbackDetector
from qinglang.calls.detectors.office_hours import OfficeHoursDetector
from qinglang.calls.detectors.shared_target import SharedTargetDetector
from qinglang.calls.history import CallView, build_view
from qinglang.calls.numbers import NumberLists
from qinglang.calls.records import Note
from qinglang.schema import Call, Customer, Evidence
from qinglang.score import combine

Progress = Callable[[str, int, int], None]
# evidence about how calls are answered, which a set-aside answering number explains
EXPLAINED_BY_ROLE = frozenset(
    {"answering_changed_overdue", "office_hours_answering", "diverted_after_overdue"}
)


def _noop(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class ScoredBorrower:
    customer_id: str
    score: float
    flagged: bool
    evidence: list[Evidence]
    calls: int


@dataclass
class CallsResult:
    borrowers: list[ScoredBorrower]
    groups: list[NumberGroup]
    view: CallView
    tested: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        flagged = [b for b in self.borrowers if b.flagged]
        return {
            "calls": self.view.calls,
            "borrowers": len(self.borrowers),
            "flagged": len(flagged),
            "groups": len(self.groups),
            "flagged_groups": sum(1 for g in self.groups if g.flagged),
            "set_aside": {
                r: sum(1 for g in self.groups if g.role == r)
                for r in sorted({g.role for g in self.groups if g.role})
            },
            "tested": self.tested,
        }


def detectors(notes: Iterable[Note] = (), lists: NumberLists | None = None) -> list[CallDetector]:
    lists = lists or NumberLists()
    return [
        SharedTargetDetector(lists),
        CallbackDetector(notes, lists),
        AnsweringChangeDetector(),
        OfficeHoursDetector(),
    ]


def run_calls(
    calls: Iterable[Call],
    customers: Mapping[str, Customer] | None = None,
    notes: Iterable[Note] = (),
    lender_numbers: Iterable[str] = (),
    extra_groups: Callable[[CallView], Findings] | None = None,
    progress: Progress = _noop,
) -> CallsResult:
    """Score every borrower of `calls`; `extra_groups` adds groups found elsewhere (voices)."""
    progress("view", 0, 1)
    view = build_view(calls, customers)
    progress("view", 1, 1)
    found: dict[str, list[Evidence]] = {}
    groups: list[NumberGroup] = []
    tested: dict[str, int] = {}
    dets = detectors(notes, NumberLists(lender_numbers))
    explained_by_number: set[str] = set()
    for i, det in enumerate(dets):
        progress("signals", i, len(dets))
        f = det.analyze(view)
        tested[det.code] = f.tested
        explained_by_number.update(f.explained)
        groups.extend(f.groups)
        for cid, ev in f.evidence.items():
            found.setdefault(cid, []).extend(ev)
    progress("signals", len(dets), len(dets))
    # a borrower whose calls a set-aside number answers (a switchboard answers fast, in office hours
    # only; a relative or voicemail changes how calls are picked up): the answering pattern is
    # explained by that number, so it is not evidence of an agency
    explained = {m for g in groups if g.kind == "forwarding_target" and g.role for m in g.members}
    explained |= explained_by_number  # diverted to a person's phone answering at any hour
    for cid in explained & set(found):
        found[cid] = [e for e in found[cid] if e.code not in EXPLAINED_BY_ROLE]
    if extra_groups is not None:
        progress("voices", 0, 1)
        f = extra_groups(view)
        tested["voice_shared"] = f.tested
        groups.extend(f.groups)
        for cid, ev in f.evidence.items():
            found.setdefault(cid, []).extend(ev)
        progress("voices", 1, 1)
    scored = []
    for cid, b in view.borrowers.items():
        ev = sorted(found.get(cid, []), key=lambda e: -e.weight)
        s = combine(ev)
        scored.append(ScoredBorrower(cid, s, s >= FLAG_THRESHOLD, ev, len(b.calls)))
    scored.sort(key=lambda s: (-s.score, s.customer_id))
    groups.sort(key=lambda g: (not g.flagged, g.kind, -g.parties, -len(g.members), g.value))
    return CallsResult(scored, groups, view, tested)
