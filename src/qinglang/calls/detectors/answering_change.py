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

from statistics import median

from scipy.stats import mannwhitneyu

from qinglang.calls.background import benjamini_hochberg
from qinglang.calls.codes import BORROWER_FDR, MIN_CALLS_EACH_SIDE
from qinglang.calls.detectors.base import CallDetector, Findings
from qinglang.calls.history import CallRow, CallView


def _rate(rows: list[CallRow]) -> float:
    return sum(r.answered for r in rows) / len(rows) if rows else 0.0


def _values(rows: list[CallRow], field: str) -> list[float]:
    return [v for r in rows if r.answered and (v := getattr(r, field)) is not None]


def _mwu(x: list[float], y: list[float], alternative: str) -> float:
    if len(x) < 3 or len(y) < 3:
        return 1.0
    return float(mannwhitneyu(x, y, alternative=alternative, method="asymptotic").pvalue)


def _background(view: CallView, size: int = 4000) -> list[CallRow]:
    """Answered outbound calls of borrowers before they went overdue (every k-th, at most `size`):
    how people answer their own phone at this lender."""
    rows = [r for b in view.borrowers.values() for r in b.before_after()[0] if r.answered and not r.by]
    step = max(1, len(rows) // size)
    return rows[::step]


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
            before, after = b.before_after()
            if len(after) < self.min_calls:
                continue
            own = len(before) >= self.min_calls and len(_values(before, "ring")) >= 3
            if not own and (b.overdue_since is None or len(_values(after, "ring")) < self.min_calls):
                continue
            if not own:  # overdue since before the records start: compare with everyone's answered calls
                before = background
            rb, ra = _values(before, "ring"), _values(after, "ring")
            tb, ta = _values(before, "talk"), _values(after, "talk")
            p_ring = _mwu(ra, rb, "less")
            p_talk = _mwu(ta, tb, "greater")
            p = max(p_ring, p_talk)  # both changed (intersection-union test)
            mr = lambda v: f"{median(v):.0f}" if v else "-"  # noqa: E731
            zh = (
                f"接通率 {_rate(before):.0%}→{_rate(after):.0%}，振铃中位 {mr(rb)}→{mr(ra)} 秒，"
                f"通话中位 {mr(tb)}→{mr(ta)} 秒（p={p:.1e}）"
            )
            en = (
                f"answer rate {_rate(before):.0%}->{_rate(after):.0%}, median ring {mr(rb)}->{mr(ra)} s, "
                f"median talk {mr(tb)}->{mr(ta)} s (p={p:.1e})"
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
