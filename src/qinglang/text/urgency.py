"""Urgent genuine grievances, by kind: what a consumer-protection team must answer first.

Why here and not in the workbench: the store computes each complaint's urgency once, when it
arrives (`complaints.urgency`), so the quick lane can order and page every unflagged complaint of
a million-row store in SQL instead of re-reading texts per page view.
"""

from __future__ import annotations

# Genuine grievances a consumer-protection team must answer fast, by kind. A complaint that the
# scan did not flag and mentions one of these goes to the top of the quick lane.
URGENT: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "double_deduction",
        "重复扣款",
        "double deduction",
        ("重复扣款", "扣了两次", "多扣", "扣款两次", "重复扣"),
    ),
    (
        "abusive_collection",
        "暴力催收",
        "abusive collection",
        ("暴力催收", "威胁", "辱骂", "恐吓", "爆通讯录", "骚扰我家人", "骚扰家人", "上门催收"),
    ),
    ("unauthorised", "未授权/盗用", "unauthorised use", ("盗刷", "未授权", "冒用", "不是我本人", "被盗")),
    ("repayment_failure", "还款失败", "repayment failed", ("还款失败", "无法还款", "还不上款", "扣款失败")),
    (
        "credit_record",
        "征信错误",
        "wrong credit record",
        ("征信有误", "征信错误", "错误的逾期", "逾期记录有误"),
    ),
)


def urgency(text: str) -> list[dict[str, str]]:
    """The urgent kinds a text mentions (code, Chinese, English), in table order."""
    hits = []
    for code, zh, en, words in URGENT:
        if any(w in text for w in words):
            hits.append({"code": code, "zh": zh, "en": en})
    return hits


def urgency_level(text: str) -> int:
    """How many urgent kinds a text mentions (0: not urgent); stored with each complaint."""
    return len(urgency(text))
