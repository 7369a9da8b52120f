"""Demand profile: what a complaint asks for separates an agency's script from a grievance.

Agencies sell a fixed package (停息挂账, 减免罚息, 只还本金, 分36/60期, 撤销征信, 停止催收, 委托代理人,
threats of 12378 / media); a genuine complainant asks for a concrete fix (refund a deduction,
correct a record, stop abusive calls). Patterns run on the matching-normalised text, so code
words the normaliser resolves (分琪 -> 分期) count too; a few common code words are listed here
directly so the profile does not depend on the normaliser's coverage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# code -> (zh label, en label, pattern)
AGENCY_DEMANDS: dict[str, tuple[str, str, str]] = {
    "stop_interest": ("停息挂账", "stop interest / hang the account", r"停息挂账|停息|挂账|停止计息|tingxi"),
    "waive_fees": (
        "减免息费/罚息",
        "waive interest, fees or penalties",
        r"减免.{0,6}(?:息|费|罚|违约金)|免除.{0,4}(?:利息|罚息|息费|违约金)|退还.{0,4}(?:全部|所有)?(?:利息|息费)",
    ),
    "principal_only": (
        "只还本金",
        "repay principal only",
        r"只还本金|仅还本金|只归还本金|本金.{0,4}(?:以外|之外).{0,4}不",
    ),
    "long_instalments": (
        "个性化分期（36/60期）",
        "re-instalment over 36/60 months",
        r"(?:分|分成)(?:36|48|60|72|三十六|六十)(?:期|个月)|个性化分期|延期还款|分琪|分(?:36|60)琪",
    ),
    "erase_credit": (
        "撤销/修复征信",
        "erase or repair credit record",
        r"(?:撤销|消除|删除|修复|洗白|恢复).{0,4}(?:征信|z信|zx|不良记录|逾期记录)",
    ),
    "stop_collection": (
        "停止催收/不得联系通讯录",
        "stop all collection / no contact with contacts",
        r"停止(?:一切)?(?:催收|崔收|催讨)|不得.{0,6}(?:联系|骚扰).{0,6}(?:通讯录|家人|亲友|紧急联系人|单位)|暂停催收",
    ),
    "via_agent": (
        "委托代理人",
        "acting through an agent",
        r"委托.{0,6}(?:代理人|律师|法务|顾问|公司)|代理人|受.{0,4}委托|全权代理",
    ),
    "regulator_threat": (
        "威胁向监管/媒体投诉",
        "threat to go to the regulator or the media",
        r"12378|银保监|金融监管总局|监管局|人民银行|央行|媒体|曝光|起诉|立案|公安|报警",
    ),
}

GRIEVANCE_DEMANDS: dict[str, tuple[str, str, str]] = {
    "refund_deduction": (
        "退还多扣/重复扣款",
        "refund a wrong deduction",
        r"(?:退还|退回|返还|退).{0,8}(?:多扣|重复扣|扣错|多收)|(?:重复|多次|多)扣(?:款|费|钱)|扣了两次",
    ),
    "refund_fee": (
        "退还费用（会员费/担保费/保险费）",
        "refund a fee",
        r"(?:退还|退回|退)(?:.{0,8})(?:会员费|担保费|保险费|服务费|手续费|罚息|违约金)",
    ),
    "correct_record": (
        "更正错误记录",
        "correct a wrong record",
        r"(?:更正|纠正|核实).{0,6}(?:记录|征信|信息)|(?:错误|不实)的?(?:逾期|征信)?记录|不是我(?:本人)?(?:借|申请)",
    ),
    "stop_abuse": (
        "停止辱骂骚扰",
        "stop abusive collection",
        r"(?:辱骂|恐吓|威胁|骂人|爆通讯录|骚扰我的?(?:家人|同事)|冒充(?:公检法|警察|律师))",
    ),
    "explain_fees": (
        "解释费用",
        "explain a fee or rate",
        r"(?:解释|说明|说清楚).{0,6}(?:费用|利率|利息|扣费|收费)",
    ),
    "fix_service": (
        "修复故障/服务",
        "fix an app fault or service",
        r"(?:闪退|打不开|无法登录|登录不了|客服.{0,4}(?:打不通|不回复|不处理)|额度.{0,4}(?:降|冻结))",
    ),
}

_AGENCY = {k: re.compile(v[2], re.IGNORECASE) for k, v in AGENCY_DEMANDS.items()}
_GRIEVANCE = {k: re.compile(v[2], re.IGNORECASE) for k, v in GRIEVANCE_DEMANDS.items()}


@dataclass(frozen=True)
class DemandProfile:
    agency: frozenset[str]
    grievance: frozenset[str]

    @property
    def agency_like(self) -> bool:
        """The package an agency sells: at least three of its demands, more than grievances."""
        return len(self.agency) >= 3 and len(self.agency) > len(self.grievance)

    @property
    def grievance_like(self) -> bool:
        return bool(self.grievance) and len(self.agency) < 3


def demand_profile(text: str) -> DemandProfile:
    """Which agency and grievance demands the (normalised) text makes."""
    return _interned(
        frozenset(k for k, rx in _AGENCY.items() if rx.search(text)),
        frozenset(k for k, rx in _GRIEVANCE.items() if rx.search(text)),
    )


@lru_cache(maxsize=4096)
def _interned(agency: frozenset[str], grievance: frozenset[str]) -> DemandProfile:
    """One shared object per distinct profile: a million complaints have a few hundred profiles."""
    return DemandProfile(agency=agency, grievance=grievance)


def describe(codes: frozenset[str], table: dict[str, tuple[str, str, str]]) -> tuple[str, str]:
    ordered = [c for c in table if c in codes]
    return "、".join(table[c][0] for c in ordered), ", ".join(table[c][1] for c in ordered)
