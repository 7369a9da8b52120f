"""Which of a member's indicators may go to the alliance, and which complaints carry each one.

A lender's inbox holds two kinds of identifiers: the agencies' (agent phones, WeChat/QQ handles,
licences, payment accounts, law-firm and company names, the office's handsets) and its own
customers' (their phones, their devices). Only the first kind is alliance business. So:
- text contacts of the agency kinds are shared as they are (the feature extractor already drops a
  phone quoted in a complaint that is the complainant's own);
- a complainant phone or a device is filer-side: shared only when it files for at least
  `FILER_MIN_CUSTOMERS` different customers (an agency's phone or handset, not a family's);
- a phone that is any customer's registered phone in the loan book is never shared, whatever
  kind it was found as: a genuine customer's number never leaves the member, even as a token;
- the lender itself (institution), web domains, aliases and reported collectors are never shared.
The indicators are the scan's own (link.features.extract_features over the same complaints and
customers; the text normalisation and lexicon, which indicators do not depend on, are skipped),
so the member shares exactly what its scan saw. Everything here stays inside the
member: the values are tokenised by alliance.client before anything leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qinglang.alliance.canonical import canonical_kind, canonical_value
from qinglang.link.records import RecordFeatures

# indicator kind (qinglang.indicators) -> alliance kind (alliance.canonical)
SHARED_KINDS = {
    "agent_phone": "phone",
    "wechat": "wechat",
    "qq": "qq",
    "licence_uscc": "uscc",
    "lawyer_licence": "lawyer_licence",
    "bank_account": "bank_account",
    "email": "email",
    "law_firm": "law_firm",
    "company": "company",
}
FILER_KINDS = {"complainant_phone": "phone", "device": "device"}
FILER_MIN_CUSTOMERS = 3


@dataclass
class Holding:
    """One shareable indicator of this member: its alliance kind, the indicator kinds it was found
    as, and the complaints (and customers) carrying it."""

    kind: str
    value: str  # canonical value: never written to any alliance file
    found_as: set[str] = field(default_factory=set)
    complaints: dict[str, str] = field(default_factory=dict)  # complaint id -> customer key

    @property
    def customers(self) -> set[str]:
        return set(self.complaints.values())


@dataclass
class Inbox:
    feats: list[RecordFeatures]
    registered_phones: set[str]  # E.164 of every customer in the loan book


def load_inbox(complaints: Path, customers: Path | None = None) -> Inbox:
    """The scan's features for a complaints file (and loan book), read the way `qinglang scan`
    reads them (bad rows skipped exactly as the scan quarantines them)."""
    from qinglang.ingest.load import ACCEPTED, classify, new_summary
    from qinglang.link.features import extract_features
    from qinglang.link.records import CustomerFacts
    from qinglang.phones import normalize_phone

    cust: dict = {}
    registered: set[str] = set()
    if customers is not None:
        for row in classify(customers, "customers", new_summary(customers, "customers")):
            if row.status == ACCEPTED:
                cust[row.item.customer_id] = CustomerFacts.of(row.item)
                e164 = normalize_phone(row.item.phone) if row.item.phone else None
                if e164:
                    registered.add(e164)
    feats: list[RecordFeatures] = []
    for row in classify(complaints, "complaints", new_summary(complaints, "complaints")):
        if row.status == ACCEPTED:
            c = row.item
            # norm/lexicon given empty: indicators come from the raw text alone, and the lexicon
            # automaton costs seconds to build
            feats.append(
                extract_features(c, cust.get(c.customer_id) if c.customer_id else None, norm="", lexicon=[])
            )
    return Inbox(feats, registered)


def _canonical(kind: str, value: str) -> str | None:
    try:
        return canonical_value(kind, value)
    except ValueError:
        return None


def holdings(inbox: Inbox, only: Iterable[str] | None = None) -> dict[tuple[str, str], Holding]:
    """(alliance kind, canonical value) -> Holding, over every complaint (or only the ids given)."""
    keep = set(only) if only is not None else None
    out: dict[tuple[str, str], Holding] = {}
    for f in inbox.feats:
        if keep is not None and f.complaint_id not in keep:
            continue
        for ikind, raw in f.indicators:
            akind = SHARED_KINDS.get(ikind) or FILER_KINDS.get(ikind)
            if akind is None:
                continue
            value = _canonical(akind, raw)
            if value is None:
                continue
            h = out.get((akind, value))
            if h is None:
                h = out[(akind, value)] = Holding(akind, value)
            h.found_as.add(ikind)
            h.complaints[f.complaint_id] = f.customer_key
    return {k: h for k, h in out.items() if _may_share(h, inbox)}


def _may_share(h: Holding, inbox: Inbox) -> bool:
    if h.kind == "phone" and h.value in inbox.registered_phones:
        return False  # a customer's own number, in whatever role it was found
    if h.found_as & set(SHARED_KINDS):
        return True  # quoted in a complaint's text as the agent's contact
    return len(h.customers) >= FILER_MIN_CUSTOMERS  # filer-side only: the agency's phone or handset


def campaign_holdings(
    all_holdings: dict[tuple[str, str], Holding], members: Sequence[str], min_customers: int = 2
) -> dict[tuple[str, str], Holding]:
    """The indicators of one campaign: shareable ones carried by at least `min_customers` different
    customers among its members (one complaint's stray contact is not the campaign's)."""
    ids = set(members)
    out = {}
    for key, h in all_holdings.items():
        inside = {h.complaints[c] for c in ids.intersection(h.complaints)}
        if len(inside) >= min_customers:
            out[key] = h
    return out


def kinds_of(keys: Iterable[tuple[str, str]]) -> set[str]:
    return {canonical_kind(k) for k, _v in keys}
