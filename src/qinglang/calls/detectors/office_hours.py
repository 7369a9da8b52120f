"""After going overdue, a borrower's calls are answered in office hours and not outside them.

A person answers their own phone in the evening and at weekends at least as often as at work. An
agency desk answers Monday to Friday, nine to six, and the forwarded phone rings out otherwise.
One-sided Fisher's exact test on the borrower's calls since going overdue (answered in office
hours vs outside), borrowers tested together (Benjamini-Hochberg, q = codes.BORROWER_FDR).
Office hours are weekdays 09:00-18:00 Asia/Shanghai (shared_target.in_office_hours).
"""

from __future__ import annotations

from scipy.stats import fisher_exact

from qinglang.calls.background import benjamini_hochberg
from qinglang.calls.codes import BORROWER_FDR, MIN_CALLS_EACH_SIDE
from qinglang.calls.detectors.base import CallDetector, Findings
from qinglang.calls.detectors.shared_target import in_office_hours
from qinglang.calls.history import CallView


class OfficeHoursDetector(CallDetector):
    code = "office_hours_answering"

    def __init__(self, fdr: float = BORROWER_FDR, min_calls: int = MIN_CALLS_EACH_SIDE) -> None:
        self.fdr = fdr
        self.min_calls = min_calls

    def analyze(self, view: CallView) -> Findings:
        out = Findings()
        tested: list[tuple[str, float, str, str]] = []
        for b in view.borrowers.values():
            _before, after = b.before_after()
            inside = [r for r in after if in_office_hours(r)]
            outside = [r for r in after if not in_office_hours(r)]
            if len(inside) < self.min_calls or len(outside) < self.min_calls:
                continue
            ai, ao = sum(r.answered for r in inside), sum(r.answered for r in outside)
            p = float(
                fisher_exact([[ai, len(inside) - ai], [ao, len(outside) - ao]], alternative="greater").pvalue
            )
            zh = f"工作时间接通 {ai}/{len(inside)}，其他时间接通 {ao}/{len(outside)}（p={p:.1e}）"
            en = f"answered {ai}/{len(inside)} in office hours, {ao}/{len(outside)} outside (p={p:.1e})"
            tested.append((b.customer_id, p, zh, en))
        out.tested = len(tested)
        for (cid, _p, zh, en), rej in zip(
            tested, benjamini_hochberg([t[1] for t in tested], self.fdr), strict=True
        ):
            if rej:
                out.add(cid, self.code, zh, en)
        return out
