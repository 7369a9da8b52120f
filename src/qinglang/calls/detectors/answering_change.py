"""A borrower whose answering changes when they go overdue (answer rate, ring time, talk time).

Someone who falls behind usually answers less, and when they answer it is the same person: the
same ring before picking up, the same kind of conversation. A borrower whose calls, from the day
they went overdue, are picked up *faster* and talked *longer* is most often no longer the one
answering: an agency picks up at a desk, quickly, and talks at length. Two one-sided Mann-Whitney
U tests on the borrower's own answered calls before and after (ring-to-answer shorter, talk
longer), combined with Fisher's method; borrowers are then tested together (Benjamini-Hochberg,
q = codes.BORROWER_FDR). No fixed cut: a borrower with few calls needs a large change, one with
many calls a smaller one. The answer rate is reported, not tested: it falls for most borrowers who
fall behind and also for forwarded ones (the agency's desk does not answer at night), so it
separates neither way. A borrower who answers less after going overdue never fires.
"""

from __future__ import annotations

from statistics import median

from scipy.stats import mannwhitneyu

from qinglang.calls.background import benjamini_hochberg, fisher_combine
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


class AnsweringChangeDetector(CallDetector):
    code = "answering_changed_overdue"

    def __init__(self, fdr: float = BORROWER_FDR, min_calls: int = MIN_CALLS_EACH_SIDE) -> None:
        self.fdr = fdr
        self.min_calls = min_calls

    def analyze(self, view: CallView) -> Findings:
        out = Findings()
        tested: list[tuple[str, float, str, str]] = []
        for b in view.borrowers.values():
            before, after = b.before_after()
            if len(before) < self.min_calls or len(after) < self.min_calls:
                continue
            rb, ra = _values(before, "ring"), _values(after, "ring")
            tb, ta = _values(before, "talk"), _values(after, "talk")
            p_ring = _mwu(ra, rb, "less")
            p_talk = _mwu(ta, tb, "greater")
            p = fisher_combine([p_ring, p_talk])
            mr = lambda v: f"{median(v):.0f}" if v else "-"  # noqa: E731
            zh = (
                f"接通率 {_rate(before):.0%}→{_rate(after):.0%}，振铃中位 {mr(rb)}→{mr(ra)} 秒，"
                f"通话中位 {mr(tb)}→{mr(ta)} 秒（p={p:.1e}）"
            )
            en = (
                f"answer rate {_rate(before):.0%}->{_rate(after):.0%}, median ring {mr(rb)}->{mr(ra)} s, "
                f"median talk {mr(tb)}->{mr(ta)} s (p={p:.1e})"
            )
            tested.append((b.customer_id, p, zh, en))
        out.tested = len(tested)
        for (cid, _p, zh, en), rej in zip(
            tested, benjamini_hochberg([t[1] for t in tested], self.fdr), strict=True
        ):
            if rej:
                out.add(cid, self.code, zh, en)
        return out
