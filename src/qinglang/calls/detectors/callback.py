"""One callback number quoted to collectors by many unrelated borrowers (请联系我的代理人), or
calling the lender about them.

Borrowers who hired an agency tell collectors "call my lawyer / my 法务 on 138…"; collectors
write it in their call notes. The number each borrower gives is read from the notes with the
complaint contact extractor (obfuscated digits included); a number given by many borrowers who
are not related is the agency's. A number other than the borrower's own that calls the lender
about them (an inbound call record: `dialled` is the caller) counts the same way: an agency
negotiating for its clients calls in from its desk. Set aside: the borrower's own registered phone, numbers of the
lender's list, public and carrier numbers, service numbers (95xxx, 400/800), a number that is
some borrower's registered phone (a relative or colleague who borrowed too), and relatives giving
one another's numbers (one party). The count is calibrated against the same background as
diversion targets (calls/background.py), computed over callback numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from qinglang.calls.background import benjamini_hochberg, chance_p, chance_rate
from qinglang.calls.codes import GROUP_FDR, MIN_PARTIES
from qinglang.calls.detectors.base import CallDetector, Findings, NumberGroup
from qinglang.calls.history import CallView
from qinglang.calls.numbers import NumberLists, number_key, number_kind, shown
from qinglang.calls.records import Note
from qinglang.calls.relations import parties
from qinglang.text.contacts import extract_contacts

_DIGITS = re.compile(r"\d")
# a collector's note usually writes numbers plainly: read them with a regular expression, and
# only a note spelling digits out (一三八…) goes through the full contact extractor
_PLAIN_PHONE = re.compile(r"(?<![\d])(?:\+?86[-\s]?)?(1[3-9]\d(?:[-\s]?\d){8}|0\d{2,3}[-\s]?\d{7,8})(?![\d])")
_SPELT = re.compile(r"[零〇一二三四五六七八九幺两]{5,}")


@lru_cache(maxsize=65536)
def quoted_numbers(text: str) -> tuple[str, ...]:
    """Number keys of the phones a note quotes."""
    if _SPELT.search(text):
        return tuple(number_key(c.value) for c in extract_contacts(text) if c.kind == "phone")
    return tuple(number_key(m.group(1)) for m in _PLAIN_PHONE.finditer(text))


class CallbackDetector(CallDetector):
    code = "callback_number_shared"

    def __init__(
        self,
        notes: Iterable[Note],
        lists: NumberLists,
        fdr: float = GROUP_FDR,
        min_parties: int = MIN_PARTIES,
    ) -> None:
        self.notes = notes
        self.lists = lists
        self.fdr = fdr
        self.min_parties = min_parties

    def analyze(self, view: CallView) -> Findings:
        out = Findings()
        customer_of = {r.call_id: b.customer_id for b in view.borrowers.values() for r in b.calls}
        registered = view.by_phone
        quoted: dict[str, set[str]] = defaultdict(set)
        notes_of: dict[str, int] = defaultdict(int)
        for note in self.notes:
            cid = customer_of.get(note.call_id)
            if cid is None or (len(_DIGITS.findall(note.text)) < 5 and not _SPELT.search(note.text)):
                continue
            own = view.borrowers[cid].phone
            for key in quoted_numbers(note.text):
                if key and key != own:
                    quoted[key].add(cid)
                    notes_of[key] += 1
        # a number that called the lender about the borrower, not the borrower's own: whoever
        # negotiates for them (an agency calling in for its clients, or a relative)
        inbound_of: dict[str, int] = defaultdict(int)
        for b in view.borrowers.values():
            for r in b.calls:
                if not r.outbound and r.dialled and r.dialled != b.phone:
                    quoted[r.dialled].add(b.customer_id)
                    inbound_of[r.dialled] += 1
        groups = []
        for key, who in quoted.items():
            members = sorted(who)
            g = NumberGroup(
                "callback_number",
                key,
                members,
                len(parties(members, view, key)),
                calls=notes_of[key] + inbound_of[key],
            )
            g.facts = {
                "number_kind": number_kind(key),
                "notes": notes_of[key],
                "inbound_calls": inbound_of[key],
            }
            role = self.lists.role(key)
            if role is None and key in registered:
                role = "household"  # a borrower's own phone, given by relatives or colleagues
            if role is None and len(members) >= 2 and g.parties == 1:
                role = "family"
            g.role = role
            groups.append(g)
        candidates = [g for g in groups if g.role is None]
        rate = chance_rate([g.parties for g in candidates])
        for g in candidates:
            g.p_value = chance_p(g.parties, rate)
            g.facts["chance_rate"] = round(rate, 4)
        for g, rej in zip(
            candidates, benjamini_hochberg([g.p_value or 1.0 for g in candidates], self.fdr), strict=True
        ):
            g.flagged = rej and g.parties >= self.min_parties
        out.tested = len(candidates)
        for g in groups:
            if len(g.members) >= 2:
                out.groups.append(g)
            if g.flagged:
                p = g.p_value or 1.0
                how_zh = "报给催收员或来电" if g.facts["inbound_calls"] else "报给催收员"
                how_en = (
                    "given to collectors or calling in" if g.facts["inbound_calls"] else "given to collectors"
                )
                zh = (
                    f"号码 {shown(g.value)} 由 {g.parties} 个互不相关的借款人{how_zh}"
                    f"（偶然概率 {p:.1e}，背景率 {rate:.3f}；备注 {g.facts['notes']} 条，来电 {g.facts['inbound_calls']} 次）"
                )
                en = (
                    f"number {shown(g.value)} {how_en} for {g.parties} unrelated borrowers (chance {p:.1e}, "
                    f"background rate {rate:.3f}; {g.facts['notes']} notes, {g.facts['inbound_calls']} calls in)"
                )
                for m in g.members:
                    out.add(m, self.code, zh, en, [f"number:{g.value}"])
        return out
