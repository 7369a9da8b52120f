"""A borrower whose answering changes when they go overdue (answer rate, ring time, talk time).

Someone who falls behind usually answers less, and when they answer it is the same person: the
same ring before picking up, the same kind of conversation. A borrower whose calls, from the day
they went overdue, are picked up *faster* and talked *longer* is most often no longer the one
answering: an agency picks up at a desk, quickly, and talks at length. Two one-sided Mann-Whitney
U tests on the borrower's own answered calls before and after (ring-to-answer shorter, talk
longer); both must hold, so the larger p-value is the test's (an intersection-union test: a
person who simply talks longer when in arrears does not fire); borrowers are then tested together (Benjamini-Hochberg,
q = codes.BORROWER_FDR). No fixed cut: a borrower with few calls needs a large change, one with
many calls a smaller one. A borrower overdue since before the records start has no "before": their
calls are compared with how all borrowers answer before going overdue. The answer rate is reported, not tested: it falls for most borrowers who
fall behind and also for forwarded ones (the agency's desk does not answer at night), so it
separates neither way. A borrower who answers less after going overdue never fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from qinglang.calls.background import benjamini_hochberg, mann_whitney_p
from qinglang.calls.codes import BORROWER_FDR, MIN_CALLS_EACH_SIDE
from qinglang.calls.detectors.base import CallDetector, Findings
from qinglang.calls.history import CallRow, CallView


@dataclass
class _Side:
    """Answered calls of one period: ring and talk seconds, the answer rate."""

    ring: list[float]
    talk: list[float]
    rate: float

    @classmethod
    def of(cls, rows: list[CallRow]) -> _Side:
        answered = [r for r in rows if r.answered]
        return cls(
            [r.ring for r in answered if r.ring is not None],
            [r.talk for r in answered if r.talk is not None],
            len(answered) / len(rows) if rows else 0.0,
        )


def _mwu(x: list[float], y: list[float], alternative: str) -> float:
    if len(x) < 3 or len(y) < 3:
        return 1.0
    return mann_whitney_p(x, y, alternative)


def _med(v: list[float]) -> str:
    return f"{median(v):.0f}" if v else "-"


def _background(view: CallView, size: int = 4000) -> _Side:
    """Answered outbound calls of borrowers before they went overdue (every k-th, at most `size`):
    how people answer their own phone at this lender."""
    rows = [r for b in view.borrowers.values() for r in b.before_after()[0] if not r.by]
    step = max(1, len(rows) // size)
    return _Side.of(rows[::step])


class AnsweringChangeDetector(CallDetector):
    code = "answering_changed_overdue"

    def __init__(self, fdr: float = BORROWER_FDR, min_calls: int = MIN_CALLS_EACH_SIDE) -> None:
        self.fdr = fdr
        self.min_calls = min_calls

    def analyze(self, view: CallView) -> Findings:
        out = Findings()
        tested: list[tuple[str, float, str, str]] = []
        background = _background(view)
        for b in view.borrowers.values():
            before_rows, after_rows = b.before_after()
            if len(after_rows) < self.min_calls:
                continue
            after = _Side.of(after_rows)
            before = _Side.of(before_rows)
            own = len(before_rows) >= self.min_calls and len(before.ring) >= 3
            if not own and (b.overdue_since is None or len(after.ring) < self.min_calls):
                continue
            if not own:  # overdue since before the records start: compare with everyone's answered calls
                before = background
            p_ring = _mwu(after.ring, before.ring, "less")
            p_talk = _mwu(after.talk, before.talk, "greater")
            p = max(p_ring, p_talk)  # both changed (intersection-union test)
            zh = (
                f"接通率 {before.rate:.0%}→{after.rate:.0%}，振铃中位 {_med(before.ring)}→{_med(after.ring)} 秒，"
                f"通话中位 {_med(before.talk)}→{_med(after.talk)} 秒（p={p:.1e}）"
            )
            en = (
                f"answer rate {before.rate:.0%}->{after.rate:.0%}, median ring {_med(before.ring)}->"
                f"{_med(after.ring)} s, median talk {_med(before.talk)}->{_med(after.talk)} s (p={p:.1e})"
            )
            if not own:
                zh = "与全体借款人的接听相比：" + zh.split("，", 1)[1]
                en = "compared with all borrowers' answered calls: " + en.split(", ", 1)[1]
            tested.append((b.customer_id, p, zh, en))
        out.tested = len(tested)
        for (cid, _p, zh, en), rej in zip(
            tested, benjamini_hochberg([t[1] for t in tested], self.fdr), strict=True
        ):
            if rej:
                out.add(cid, self.code, zh, en)
        return out
