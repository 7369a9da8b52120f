"""Per-record features: the one pure, per-complaint map of the scan.

Everything the later stages need about a single complaint is computed here, once, from the
complaint and its customer alone (no index, no other records). That makes it the part a
dataframe engine runs as a row-wise map (Spark mapPartitions) while the in-process engine runs it
in a loop or a process pool, with identical results.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from qinglang.indicators import CONTACT_TO_KIND, is_financial_institution
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.phones import phone_info
from qinglang.schema import Complaint
from qinglang.text.contacts import Contact, extract_contacts, extract_contacts_batch
from qinglang.text.credentials import quoted_licences
from qinglang.text.demands import demand_profile
from qinglang.text.lexicon import LexiconHit, match_lexicon, match_lexicon_batch
from qinglang.text.normalize import normalize_for_matching, normalize_for_matching_batch

SHANGHAI = ZoneInfo("Asia/Shanghai")

# A lexicon hit counts in a complaint when it is jargon (weight >= JARGON_WEIGHT) or a code word
# spelled to dodge filters (a variant spelling of any term above VARIANT_WEIGHT). Plain words such
# as 催收 or 征信 are what genuine borrowers write too.
JARGON_WEIGHT = 0.7
VARIANT_WEIGHT = 0.2
# Words around a phone number in a complaint that say whose number it is.
_REPORTED_BEFORE = re.compile(
    r"(?:来电号码|催收号码|催收电话|打电话的号码|打来的号码|号码是|这个号|核查|打来|骚扰|外包|冒充|自称[^。！？\n]{0,8}用|用)"
    r"[^。！？\n]{0,6}$"
)
_REPORTED_AFTER = re.compile(
    r"^[^。！？\n]{0,4}(?:这个号|的号码|号码|自称|是不是|打来|打了|打电话|一直打|天天打|骚扰|辱骂|威胁)"
)


_DOTTED_QUAD = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")


def ip_block(ip: str | None) -> str | None:
    """/24 block of an IPv4 address (/48 for IPv6); None when the address does not parse."""
    if not ip:
        return None
    m = _DOTTED_QUAD.fullmatch(ip.strip())
    if m and all(p == str(int(p)) and int(p) <= 255 for p in m.groups()):
        return f"{m.group(1)}.{m.group(2)}.{m.group(3)}.0/24"  # the common case, without ipaddress
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return None
    prefix = 24 if addr.version == 4 else 48
    return str(ipaddress.ip_network(f"{addr}/{prefix}", strict=False))


_AGENT_ALIAS = re.compile(
    r"(?:委托代理人|代理人|委托人|联系人|对接人)\s*[:：为是]?\s*"
    r"([\u4e00-\u9fa5]{1,2}(?:老师|律师|经理|专员|主任|顾问|法务|助理))"
)


def agent_aliases(text: str) -> list[str]:
    """'委托代理人：齐老师' -> ['齐老师']: the alias an agency signs with across its letters."""
    return list(dict.fromkeys(m.group(1) for m in _AGENT_ALIAS.finditer(text)))


def phone_role(text: str, start: int, end: int) -> str:
    """'reported_phone' when the text complains about the number (an abusive collector's line,
    "打电话的号码是…", "有人用…打电话"), otherwise 'agent_phone' (offered as a contact)."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 8]
    if _REPORTED_BEFORE.search(before) or _REPORTED_AFTER.search(after):
        return "reported_phone"
    return "agent_phone"


def extract_features_batch(
    complaints: Sequence[Complaint], customers: Mapping[str, CustomerLike]
) -> list[RecordFeatures]:
    """extract_features over many complaints, normalising and matching the lexicon in batch
    (the text stage's batch functions return the same results as the per-text ones, faster)."""
    texts = [c.text for c in complaints]
    norms = normalize_for_matching_batch(texts)
    hits = match_lexicon_batch(
        texts, min_weight=min(JARGON_WEIGHT, VARIANT_WEIGHT)
    )  # lighter hits are unused
    contacts = extract_contacts_batch(texts)
    return [
        extract_features(
            c, customers.get(c.customer_id) if c.customer_id else None, norm=n, lexicon=h, contacts=k
        )
        for c, n, h, k in zip(complaints, norms, hits, contacts, strict=True)
    ]


def extract_features(
    complaint: Complaint,
    customer: CustomerLike | None,
    *,
    norm: str | None = None,
    lexicon: Sequence[LexiconHit] | None = None,
    contacts: Sequence[Contact] | None = None,
) -> RecordFeatures:
    """All single-record facts the detectors use. Pure: same input, same output.
    `norm`, `lexicon` and `contacts` may be passed in when computed in batch for the same text."""
    received = complaint.received_at
    if received.tzinfo is None:
        received = received.replace(tzinfo=SHANGHAI)
    info = complaint.phone_info or (phone_info(complaint.phone) if complaint.phone else None)
    own_phones = {p for p in (info.e164 if info else None,) if p}
    if customer is not None:
        cinfo = customer.phone_info or (phone_info(customer.phone) if customer.phone else None)
        if cinfo and cinfo.e164:
            own_phones.add(cinfo.e164)

    if norm is None:
        norm = normalize_for_matching(complaint.text)
    if lexicon is None:
        lexicon = match_lexicon(complaint.text)
    indicators: list[tuple[str, str]] = []
    raw: dict[str, str] | None = None
    for c in contacts if contacts is not None else extract_contacts(complaint.text):
        kind = CONTACT_TO_KIND.get(c.kind)  # the indicator registry says which contacts count
        if kind is None:
            continue
        if kind == "agent_phone":
            if c.value in own_phones:
                continue  # the complainant's own number quoted in the text
            kind = phone_role(complaint.text, c.start, c.end)
        elif kind == "company" and is_financial_institution(c.value):
            kind = "institution"  # the lender itself (or another licensed one): shown, never a link
        key = (kind, c.value)
        if key not in indicators:
            indicators.append(key)
            raw = raw if raw is not None else {}
            raw.setdefault(c.value, c.raw)
    for alias in agent_aliases(complaint.text):
        indicators.append(("agent_alias", alias))
    if info and info.e164:
        indicators.append(("complainant_phone", info.e164))
    if complaint.device_id:
        indicators.append(("device", complaint.device_id.strip()))
    block = ip_block(complaint.ip)

    lex = [
        (h.term, h.category)
        for h in lexicon
        if not h.suppressed and (h.weight >= JARGON_WEIGHT or (h.variant and h.weight >= VARIANT_WEIGHT))
    ]
    days_to_due = None
    overdue = None
    surname = None
    if customer is not None:
        overdue = customer.overdue_days
        if customer.next_due_date is not None:
            days_to_due = (customer.next_due_date - received.astimezone(SHANGHAI).date()).days
        if customer.name:
            surname = customer.name.strip()[:1] or None
    return RecordFeatures(
        complaint_id=complaint.complaint_id,
        customer_key=complaint.customer_id or f"complaint:{complaint.complaint_id}",
        ts=received.timestamp(),
        received_at=received,
        norm_text=norm,
        complainant_phone=info.e164 if info else None,
        phone_city=(info.city or info.province) if info and info.valid else None,
        surname=surname,
        device=complaint.device_id.strip() if complaint.device_id else None,
        ip_block=block,
        indicators=indicators,
        contact_raw=raw,
        demands=demand_profile(norm),
        lexicon_terms=lex,
        licences=quoted_licences(complaint.text),
        overdue_days=overdue,
        days_to_due=days_to_due,
        attachments=list(complaint.attachments),
        channel=str(complaint.channel.value) if complaint.channel else None,
    )
