"""What a call detector returns: evidence per borrower, and the numbers shared across borrowers.

WHY: like Presidio's recognisers, each detector is one small class that looks at the call view and
reports what it found; the run (calls/run.py) only collects and combines. A detector that finds
numbers answering for several borrowers reports every one of them — flagged, not flagged, or set
aside as a hard negative with its role — so an analyst sees why a number was left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qinglang.calls.codes import NEGATIVE_ROLES, SIGNALS
from qinglang.calls.history import CallView
from qinglang.schema import Evidence
from qinglang.signals.base import evidence


@dataclass
class NumberGroup:
    """A number shared across borrowers: a diversion target, a callback number or a voice."""

    kind: str  # forwarding_target | callback_number | voice
    value: str  # number key (+86…), or a voice id
    members: list[str]
    parties: int  # unrelated parties among the members (calls/relations.py)
    flagged: bool = False
    p_value: float | None = None
    role: str | None = None  # a hard negative's role (codes.NEGATIVE_ROLES) when set aside
    calls: int = 0
    facts: dict[str, Any] = field(default_factory=dict)

    def role_text(self) -> tuple[str, str] | None:
        return NEGATIVE_ROLES.get(self.role) if self.role else None


@dataclass
class Findings:
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    groups: list[NumberGroup] = field(default_factory=list)
    tested: int = 0  # borrowers or numbers the detector could test
    # borrowers whose answering a number that is not an agency's explains (calls/run.py drops their
    # answering-pattern evidence, as for a set-aside number's members)
    explained: set[str] = field(default_factory=set)

    def add(
        self, customer_id: str, code: str, zh: str, en: str, refs: list[str] | None = None, scale: float = 1.0
    ) -> None:
        s = SIGNALS[code]
        self.evidence.setdefault(customer_id, []).append(
            evidence(code, s.weight * scale, f"{s.zh}：{zh}", f"{s.en}: {en}", refs or [])
        )


class CallDetector:
    """One signal over the call view."""

    code: str = ""

    def analyze(self, view: CallView) -> Findings:  # pragma: no cover - interface
        raise NotImplementedError
