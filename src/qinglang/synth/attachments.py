"""Supporting documents attached to complaints, described in attachments/manifest.jsonl.

WHY: agencies forge hardship proofs (poverty, unemployment, diagnosis, death certificates) and
reuse one image across borrowers; genuine customers attach bank screenshots. The manifest says
what each file shows and how it was tampered with, so the materials engineer can render it and
the materials checks can be evaluated. File names are random-looking: nothing in a name leaks
which campaign it belongs to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from qinglang.synth import lexicon as lx
from qinglang.synth.geo import City
from qinglang.synth.rand import pick

EXT = {
    "death_certificate": ("jpg", "png", "pdf"),
    "poverty_certificate": ("jpg", "png", "pdf"),
    "unemployment_proof": ("jpg", "pdf"),
    "diagnosis": ("jpg", "png", "pdf"),
    "quarantine_proof": ("jpg", "png"),
    "lawyer_letter": ("pdf", "pdf", "jpg"),
    "bank_statement_screenshot": ("png", "jpg"),
    "deduction_screenshot": ("png", "jpg"),
    "police_report": ("jpg", "pdf"),
    "authorization_letter": ("jpg", "pdf"),
}
TAMPERS = (
    "name_pasted",
    "digits_changed",
    "editor_resave",
    "pdf_incremental_edit",
    "reused_seal",
    "licence_is_uscc",
)


@dataclass(slots=True)
class Doc:
    """One attachment file before it has a name (complaint ids are assigned after sorting)."""

    doc_type: str
    subject_name: str
    subject_id_number: str | None
    issuer: str
    issue_date: date
    event_date: date | None
    campaign_id: str | None = None
    tamper: str | None = None
    reuse_of: Doc | None = None
    ext: str = "png"
    file: str | None = None


def issuer(rng: random.Random, doc_type: str, city: City) -> str:
    d = pick(rng, city.districts) if city.districts else ""
    place = city.city if city.city == d or not d else city.city + d
    if doc_type == "death_certificate":
        return pick(
            rng,
            (
                f"{place}人民医院",
                f"{city.city}第一人民医院",
                f"{place}公安分局{pick(rng, '东西南北')}关派出所",
                f"{place}卫生健康局",
            ),
        )
    if doc_type == "poverty_certificate":
        return pick(
            rng,
            (
                f"{place}民政局",
                f"{place}{pick(rng, ('城关', '新城', '东风', '红星', '长安'))}街道办事处",
                f"{place}{pick(rng, ('王家', '李庄', '新华', '和平', '团结'))}村民委员会",
            ),
        )
    if doc_type == "unemployment_proof":
        return pick(
            rng, (f"{city.city}人力资源和社会保障局", f"{place}就业服务中心", f"{place}人力资源和社会保障局")
        )
    if doc_type == "diagnosis":
        return pick(
            rng,
            (f"{city.city}第一人民医院", f"{city.city}中心医院", f"{place}人民医院", f"{city.short}市中医院"),
        )
    if doc_type == "quarantine_proof":
        return f"{place}疾病预防控制中心"
    if doc_type == "police_report":
        return f"{place}公安分局"
    if doc_type in ("bank_statement_screenshot",):
        return pick(rng, lx.BANKS)
    if doc_type == "deduction_screenshot":
        return lx.LENDER
    return place


# Days between the event and a genuine document's issue date (what a real office takes).
_GAPS = {
    "death_certificate": (1, 20),
    "diagnosis": (0, 10),
    "unemployment_proof": (0, 120),
    "poverty_certificate": (20, 700),
    "lawyer_letter": (1, 30),
    "police_report": (0, 2),
}


def make_doc(
    rng: random.Random,
    doc_type: str,
    name: str,
    id_number: str | None,
    city: City,
    when: date,
    campaign_id: str | None = None,
    tamper: str | None = None,
    issuer_name: str | None = None,
) -> Doc:
    if doc_type == "quarantine_proof":
        # "hardship since the epidemic": an event of 2021-22 on a paper issued just now, a forger's tell
        event = date(2021, 1, 1) + timedelta(days=rng.randrange(0, 700))
        issue = when - timedelta(days=rng.randrange(1, 30))
    else:
        lo, hi = _GAPS.get(doc_type, (0, 5))
        gap = rng.randint(lo, hi)
        event = when - timedelta(days=gap + rng.randrange(1, 60))
        issue = min(when - timedelta(days=1), event + timedelta(days=gap))
    ext = pick(rng, EXT.get(doc_type, ("png",)))
    if tamper == "pdf_incremental_edit":
        ext = "pdf"
    return Doc(
        doc_type,
        name,
        id_number,
        issuer_name or issuer(rng, doc_type, city),
        issue,
        event,
        campaign_id,
        tamper,
        None,
        ext,
    )


def reuse(rng: random.Random, original: Doc, tamper: str | None) -> Doc:
    """The same image filed again for another borrower (optionally with the name pasted over)."""
    return Doc(
        original.doc_type,
        original.subject_name,
        original.subject_id_number,
        original.issuer,
        original.issue_date,
        original.event_date,
        original.campaign_id,
        tamper,
        original,
        original.ext,
    )


def manifest_row(doc: Doc, complaint_id: str, customer_id: str | None) -> dict:
    return {
        "file": doc.file,
        "complaint_id": complaint_id,
        "customer_id": customer_id,
        "doc_type": doc.doc_type,
        "subject_name": doc.subject_name,
        "subject_id_number": doc.subject_id_number,
        "issuer": doc.issuer,
        "issue_date": doc.issue_date.isoformat(),
        "event_date": doc.event_date.isoformat() if doc.event_date else None,
        "campaign_id": doc.campaign_id,
        "tamper": doc.tamper,
        "reuse_of": doc.reuse_of.file if doc.reuse_of is not None else None,
    }
