"""The call signals' codes, weights and names: one row per signal (docs/signals.md, calls).

WHY a table: weights are configuration, not logic (DESIGN.md); the detectors read their row
here, the docs list the same rows, and a test checks that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallSignal:
    code: str
    weight: float
    zh: str
    en: str


SIGNALS: dict[str, CallSignal] = {
    s.code: s
    for s in (
        CallSignal(
            "forwarded_to_shared_number",
            0.7,
            "呼叫转移至多人共用的接听号码",
            "calls diverted to a number answering for many unrelated borrowers",
        ),
        CallSignal(
            "callback_number_shared",
            0.6,
            "向催收员报出（或来电使用）多人共用的号码",
            "gave collectors (or called in from) a number many unrelated borrowers gave",
        ),
        CallSignal(
            "voice_shared",
            0.6,
            "同一声音为多名互不相关的借款人接听",
            "one voice answered for many unrelated borrowers",
        ),
        CallSignal(
            "answering_changed_overdue",
            0.45,
            "逾期后接听行为突变",
            "answering changed when the borrower went overdue",
        ),
        CallSignal(
            "office_hours_answering",
            0.3,
            "逾期后只在工作时间接听",
            "after going overdue, answered only in office hours",
        ),
        CallSignal(
            "diverted_after_overdue",
            0.2,
            "逾期后开始呼叫转移",
            "calls diverted to another number only after going overdue",
        ),
    )
}

# roles of an answering number that answers for several borrowers and is not an agency
NEGATIVE_ROLES: dict[str, tuple[str, str]] = {
    "lender": ("本机构催收员或官方号码", "the lender's own collector or official line"),
    "official": ("公共服务或监管号码", "a public service or regulator number"),
    "carrier": ("运营商语音信箱或秘书台", "a carrier voicemail or call-secretary platform"),
    "family": ("家人代接（同姓或同户）", "relatives answering for each other (same surname or household)"),
    "switchboard": (
        "单位总机（逾期前已代接）",
        "a company switchboard (answered for them before they went overdue)",
    ),
    "household": ("共用号码（逾期前已代接）", "a shared phone (answered for them before they went overdue)"),
}

FLAG_THRESHOLD = 0.5  # score.FLAG_THRESHOLD, the same for every scored thing
MIN_PARTIES = 3  # a number answering for fewer unrelated parties is never "many", whatever the rate
GROUP_FDR = 0.01  # Benjamini-Hochberg q over answering / callback numbers
BORROWER_FDR = 0.05  # Benjamini-Hochberg q over borrowers (behaviour and office-hours tests)
MIN_CALLS_EACH_SIDE = 4  # calls before and after going overdue needed to test a change
