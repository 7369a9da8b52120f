"""Calls diverted to one answering number for many unrelated borrowers (呼叫转移至中介).

An agency that "handles" a borrower's debt has the borrower forward collection calls to a number
its staff answer. The carrier reports the number that answered (answered_by) when it differs from
the one dialled. One such number answering for many borrowers who are not family, not colleagues
and not the lender's own lines, starting when each went overdue, is the agency's desk.

Set aside, each with its role (codes.NEGATIVE_ROLES), and never flagged:
- numbers on the lender's list, public/official numbers, carrier voicemail and secretary
  platforms (lists in calls/data, diversion reasons that name voicemail);
- relatives: every borrower it answers for is one party (calls/relations.py);
- switchboards and shared phones: the number answered for them before they went overdue (a
  company reception or a household line answers whatever the borrower's status; an agency is
  engaged after the borrower falls behind). A landline is called a switchboard, a mobile a
  shared phone. A landline that answered for every member from their first record on (nothing
  shows the diversion came with arrears) is a switchboard too;
- machines (calls/machine.py): short pick-ups (median talk <= 30 s) spread over all hours, not a
  staffed desk's office hours, are a voicemail or secretary platform whatever its number; so are
  short pick-ups of bounded length from a number nobody calls back from, for subscribers who go on
  answering their own phone (it only takes the calls they miss), whatever its hours. The figures
  are in the group's facts ("machine").

A number is flagged on the borrowers diverted to it after going overdue (what shows it is an
agency's desk rather than a switchboard). Once flagged, every borrower it answers for is its
client, whenever the diversion began: an agency often signs a borrower up before the first missed
instalment, and a borrower with no overdue date in the customers file is diverted to the desk all
the same. Left out: the number's registered owner, and borrowers a set-aside number (relative,
switchboard, voicemail, the lender's lines) also answers for, for whom a pre-arrears diversion is
explained by that line.

A number nobody flags that answers at any hour (no office-hours bias over >= 8 answered calls) is a
person's phone: a relative, the borrower's own new number. The answering change after the
diversion is that person's, so its members' answering-pattern evidence is dropped (calls/run.py),
as for a set-aside number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from statistics import median

from scipy.stats import binomtest

from qinglang.calls.background import benjamini_hochberg, chance_p, chance_rate
from qinglang.calls.codes import GROUP_FDR, MIN_PARTIES
from qinglang.calls.detectors.base import CallDetector, Findings, NumberGroup
from qinglang.calls.history import CallRow, CallView
from qinglang.calls.machine import machine_facts
from qinglang.calls.numbers import NumberLists, number_kind, shown
from qinglang.calls.relations import parties

VOICEMAIL_REASON = re.compile(r"voice\s*mail|voicemail|语音信箱|留言|秘书台|secretary", re.IGNORECASE)


# answered diverted calls needed before "no office-hours bias" says anything (8 office-hours calls
# out of 8 has chance 0.6^8 = 0.017 at a 60 % office-hours background)
ANY_HOURS_MIN_CALLS = 8


def _median(values: list[float]) -> float | None:
    return round(float(median(values)), 1) if values else None


def in_office_hours(row: CallRow) -> bool:
    """Weekday 09:00-18:00 Asia/Shanghai (public holidays are not known here)."""
    return row.at.weekday() < 5 and 9 <= row.at.hour < 18


def _seen_undiverted(
    calls: list[CallRow], key: str, first_answered: datetime, reports_unanswered: bool
) -> bool:
    """The line was seen not forwarded before its calls first went to `key`.

    The start is the first call the carrier reported diverted to `key`, answered or not (a
    switchboard that does not pick up still shows the forwarding was in place). What shows the
    line was not forwarded yet: a call that rang out with no diversion reported (forwarding on no
    answer or unconditional would have diverted it), only when the carrier is seen reporting
    diversions nobody answered, with or without the number (`reports_unanswered`: else a
    ring-out says nothing); or, when the
    line is forwarded unconditionally, the borrower answering in person. A borrower answering in
    person before a forwarding on no answer says nothing: it only takes the calls they miss.
    """
    start = min((r.at for r in calls if r.diverted_to == key), default=first_answered)
    start = min(start, first_answered)
    reasons = [r.reason.strip().lower() for r in calls if r.diverted_to == key]
    unconditional = bool(reasons) and sum(x == "unconditional" for x in reasons) * 2 > len(reasons)
    for r in calls:
        if r.at >= start or not r.outbound or r.diverted_to or r.reason:
            continue
        if (not r.answered and reports_unanswered) or (r.answered and unconditional):
            return True
    return False


class SharedTargetDetector(CallDetector):
    code = "forwarded_to_shared_number"

    def __init__(self, lists: NumberLists, fdr: float = GROUP_FDR, min_parties: int = MIN_PARTIES) -> None:
        self.lists = lists
        self.fdr = fdr
        self.min_parties = min_parties

    def analyze(self, view: CallView) -> Findings:
        out = Findings()
        by_target: dict[str, dict[str, list[CallRow]]] = defaultdict(lambda: defaultdict(list))
        outbound = office = 0
        callbacks: dict[str, int] = defaultdict(int)  # inbound calls to the lender from a number
        for b in view.borrowers.values():
            for r in b.calls:
                if r.outbound:
                    outbound += 1
                    office += in_office_hours(r)
                elif r.dialled:
                    callbacks[r.dialled] += 1
                if r.by:
                    by_target[r.by][b.customer_id].append(r)
        office_rate = office / outbound if outbound else 0.0
        groups: list[NumberGroup] = []
        onset_of: dict[str, list[str]] = {}
        for key, rows_of in by_target.items():
            members = sorted(rows_of)
            rows = [r for rs in rows_of.values() for r in rs]
            g = NumberGroup("forwarding_target", key, members, 0, calls=len(rows))
            standing: list[str] = []
            onset: list[str] = []
            seen = 0  # members seen not forwarded before the diversion began
            # the carrier reports diversions nobody picked up (then a ring-out shows no forwarding)
            reports_unanswered = any(
                (r.diverted_to or r.reason) and not r.answered
                for m in members
                for r in view.borrowers[m].calls
            )
            for m in members:
                since = view.borrowers[m].overdue_since
                first_at = min(r.at for r in rows_of[m])
                first = first_at.date()
                after = since is not None and first >= since
                (onset if after or not view.has_customers else standing).append(m)
                seen += after and _seen_undiverted(view.borrowers[m].calls, key, first_at, reports_unanswered)
            onset_of[key] = onset
            g.parties = len(parties(onset, view, key)) if onset else 0
            n_office = sum(1 for r in rows if in_office_hours(r))
            g.facts = {
                "number_kind": number_kind(key),
                "members_since_overdue": len(onset),
                "members_before_overdue": len(standing),
                "members_diverted_within_records": seen,
                "median_talk_seconds": _median([r.talk for r in rows if r.talk is not None]),
                "all_parties": len(parties(members, view, key)),
                "office_hours_share": round(n_office / len(rows), 3),
                "office_hours_background": round(office_rate, 3),
                "office_hours_p": binomtest(n_office, len(rows), office_rate, alternative="greater").pvalue
                if 0 < office_rate < 1
                else None,
            }
            g.facts["machine"] = machine_facts(
                key, rows_of, view, callbacks.get(key, 0), g.facts["office_hours_p"]
            )
            g.role = self._role(key, rows, g, view.has_customers)
            groups.append(g)
        candidates = [g for g in groups if g.role is None and g.parties >= 1]
        # the background: every number not set aside, counted over all it answers for (a second
        # phone answering for its owner since long before they fell behind is one observation)
        rate = chance_rate([g.facts["all_parties"] for g in groups if g.role is None])
        for g in candidates:
            g.p_value = chance_p(g.parties, rate)
        rejected = benjamini_hochberg([g.p_value or 1.0 for g in candidates], self.fdr)
        for g, rej in zip(candidates, rejected, strict=True):
            g.flagged = rej and g.parties >= self.min_parties
            g.facts["chance_rate"] = round(rate, 4)
        out.tested = len(candidates)
        # borrowers answered by a set-aside number (relative, switchboard, voicemail, the lender's
        # lines): a diversion to a flagged desk before arrears is not credited to them
        set_aside = {m for g in groups if g.role for m in g.members}
        for g in groups:
            if len(g.members) >= 2 or g.flagged:
                out.groups.append(g)
            if not g.flagged:
                continue
            p = g.p_value or 1.0
            zh = (
                f"接听号码 {shown(g.value)} 在逾期后为 {g.parties} 个互不相关的借款人接听"
                f"（偶然出现的概率 {p:.1e}，背景率 {rate:.3f}）"
            )
            en = (
                f"answering number {shown(g.value)} answered for {g.parties} unrelated borrowers after they "
                f"went overdue (chance {p:.1e}, background rate {rate:.3f})"
            )
            for m in onset_of[g.value]:
                out.add(m, self.code, zh, en, [f"number:{g.value}"])
            credited, took_over = 0, set(onset_of[g.value])
            for m in g.members:
                if m in took_over or m in set_aside or view.borrowers[m].phone == g.value:
                    continue
                credited += 1
                out.add(
                    m,
                    self.code,
                    f"{zh}；本借款人在逾期前（或尚未逾期）来电已转移至该号码",
                    f"{en}; this borrower's calls were diverted to it before they went overdue (or while not overdue)",
                    [f"number:{g.value}"],
                )
            g.facts["members_before_overdue_credited"] = credited
        # a number answering at any hour (evenings, weekends: no office-hours bias) is a person's
        # phone, a relative's or the borrower's own new one, not a desk: the faster pick-ups and
        # longer talks after the diversion are that person's, not an agency's
        for g in groups:
            p_office = g.facts["office_hours_p"]
            if (
                g.role is None
                and not g.flagged
                and g.calls >= ANY_HOURS_MIN_CALLS
                and p_office is not None
                and p_office > 0.05
            ):
                g.facts["answers_at_any_hour"] = True
                out.explained.update(onset_of[g.value])
        # a borrower diverted to a number of its own after going overdue (weak on its own)
        for g in groups:
            if g.role is None and not g.flagged:
                for m in onset_of[g.value] if view.has_customers else ():
                    out.add(
                        m,
                        "diverted_after_overdue",
                        f"逾期后来电被转移至 {shown(g.value)}",
                        f"after going overdue, calls were diverted to {shown(g.value)}",
                        [f"number:{g.value}"],
                    )
        return out

    def _role(self, key: str, rows: list[CallRow], g: NumberGroup, has_customers: bool) -> str | None:
        listed = self.lists.role(key)
        if listed:
            return listed
        if sum(1 for r in rows if VOICEMAIL_REASON.search(r.reason)) * 2 > len(rows):
            return "carrier"
        if len(g.members) < 2:
            return None
        machine = g.facts["machine"]
        if machine["short_at_any_hour"]:
            machine["read_as_machine"] = "short_at_any_hour"
            return "carrier"  # short pick-ups at any hour: a machine taking messages, not a desk
        onset, standing = g.facts["members_since_overdue"], g.facts["members_before_overdue"]
        if has_customers and standing >= max(onset, 1):
            return "switchboard" if g.facts["number_kind"] == "landline" else "household"
        if (
            has_customers
            and g.facts["number_kind"] == "landline"
            and g.facts["members_diverted_within_records"] == 0
        ):
            return "switchboard"  # a landline answering for them since the records began: nothing shows it came with arrears
        if machine["short_bounded_no_callback_self_answering"]:
            machine["read_as_machine"] = "short_bounded_no_callback_self_answering"
            return "carrier"  # a platform taking the calls its subscribers miss, whatever its hours
        if g.facts["all_parties"] == 1:
            return "family"
        return None
