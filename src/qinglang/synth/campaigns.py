"""Agency campaigns: who they file for, when, through which channel, with what text and documents.

WHY: the four styles (legal_consulting, fake_law_firm, stealthy, death_relatives) differ in text
(see styles.py) but share the operational traces an investigator follows — agency phones in the
agency's city, office IP block and handsets, bursts then a trickle, overdue borrowers, forged or
reused hardship documents, a channel mix skewed to the regulator and the hotline.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from qinglang.synth import attachments as att
from qinglang.synth import people, styles
from qinglang.synth.agencies import Agency, make_agency
from qinglang.synth.generator import Generator
from qinglang.synth.rand import pick, stream, weighted
from qinglang.synth.styles import STYLES
from qinglang.synth.types import Cust, Rec

CHANNEL_MIX_CAMPAIGN = {"app": 12, "hotline": 30, "email": 10, "regulator": 38, "social": 4, "other": 6}


def campaigns(gen: Generator, total: int) -> int:
    """Cast `gen.cfg.campaigns` agencies over the styles, size them to `total`, file their complaints."""
    rng = stream(gen.seed, "campaigns")
    k = gen.cfg.campaigns
    assert k is not None  # Config.resolved() filled it
    if k <= 0 or total <= 0:
        return 0
    styles_list = list(STYLES)[:k] if k <= len(STYLES) else list(STYLES)
    sw = {s: gen.cfg.style_weights.get(s, 1.0) for s in STYLES}
    cap = max(2, -(-k // len(STYLES)))  # no style dominates the default mix
    while len(styles_list) < k:
        s = weighted(rng, sw)
        if styles_list.count(s) < cap or all(styles_list.count(x) >= cap for x in sw if sw[x] > 0):
            styles_list.append(s)
    rng.shuffle(styles_list)
    raw = [rng.lognormvariate(0, 0.7) for _ in range(k)]
    floor = min(30, total // k)
    sizes = [max(floor, round(total * w / sum(raw))) for w in raw]
    while sum(sizes) > total and max(sizes) > floor:  # the floor took its share from the largest
        sizes[sizes.index(max(sizes))] -= 1
    while sum(sizes) < total:
        sizes[sizes.index(max(sizes))] += 1
    for i, s in enumerate(styles_list):  # a death-report ring stays small: dozens, not hundreds
        if s == "death_relatives" and sizes[i] > 150 and k > 1:
            spare, sizes[i] = sizes[i] - 150, 150
            j = max(range(k), key=lambda j: (styles_list[j] != "death_relatives", -sizes[j]))
            sizes[j] += spare
    used_cities: set[str] = set()
    n = 0
    for i, (style, size) in enumerate(zip(styles_list, sizes, strict=True)):
        cid = f"camp-{i + 1:02d}"
        ag = make_agency(rng, cid, "law_firm" if style == "fake_law_firm" else "consulting", used_cities)
        gen.agencies[cid] = ag
        n += _campaign(gen, rng, cid, style, ag, size)
    return n


def _members(
    gen: Generator, rng: random.Random, ag: Agency, size: int, local: float, overdue: float = 0.8
) -> list[Cust]:
    """Borrowers a campaign files for: mostly overdue, a share recruited in the agency's own city."""
    same_city = [c for c in gen.customers if c.city is ag.city]
    local_pool = (
        same_city
        if len(same_city) >= 10
        else [c for c in gen.customers if c.city.province == ag.city.province]
    )
    current = [c for c in gen.customers if c.overdue_days == 0]
    out: list[Cust] = []
    seen: set[str] = set()
    tries = 0
    while len(out) < size:
        tries += 1
        if tries > 200 * size:  # loan book too small: members may repeat
            gen.reserved.clear()
        if local_pool and rng.random() < local:
            c = pick(rng, local_pool)
        elif rng.random() < overdue and gen.by_overdue:
            c = pick(rng, gen.by_overdue)
        else:
            c = pick(rng, current or gen.customers)
        if c.customer_id not in seen and c.customer_id not in gen.reserved:
            seen.add(c.customer_id)
            out.append(c)
    gen.reserved.update(seen)
    return out


def _times(gen: Generator, rng: random.Random, size: int) -> list[datetime]:
    """Bursts (most filed within a few days) plus a trickle afterwards."""
    span = gen.cfg.days
    day0 = gen.cfg.start + timedelta(days=rng.randrange(0, max(1, span - 5)))
    out = []
    for _ in range(size):
        if rng.random() < 0.7:
            d = day0 + timedelta(days=pick(rng, (0, 0, 1, 1, 2, 3)))
        else:
            d = day0 + timedelta(days=rng.randrange(0, max(1, (gen.end - day0).days)))
        d = min(d, gen.end - timedelta(days=1))
        out.append(gen.clock.on_day(rng, d))
    return out


def _campaign_rec(
    gen: Generator,
    rng: random.Random,
    t: datetime,
    c: Cust,
    text: str,
    phone: str,
    ag: Agency,
    cid: str,
    channel: str | None = None,
) -> Rec:
    ch = channel or weighted(rng, CHANNEL_MIX_CAMPAIGN)
    if ch == "hotline" and not 8 <= t.hour < 22:
        ch = pick(rng, ("regulator", "email", "app"))
    rec = Rec(t, ch, c, phone, text, campaign=cid)
    if ch in ("app", "other"):
        office = rng.random() < 0.6
        rec.ip = people.ip_in_block(rng, ag.ip_block) if office else people.ip_address(rng)
        if ch == "app":
            rec.device = pick(rng, ag.devices) if office else gen.device_for(rng, c)
    return rec


def _hardship_docs(
    gen: Generator, rng: random.Random, c: Cust, t: datetime, cid: str, pool: list[att.Doc], rate: float
) -> list[att.Doc]:
    docs = []
    for _ in range(pick(rng, (1, 1, 2))):
        kind = pick(
            rng, ("poverty_certificate", "unemployment_proof", "diagnosis", "diagnosis", "quarantine_proof")
        )
        if pool and rng.random() < 0.15:
            src = pick(rng, pool)
            tam = pick(rng, (None, "name_pasted"))
            d = att.reuse(rng, src, tam)
            if tam == "name_pasted":
                d.subject_name, d.subject_id_number = c.name, c.id_number
        else:
            tam = (
                pick(rng, ("name_pasted", "digits_changed", "editor_resave", "reused_seal"))
                if rng.random() < rate
                else None
            )
            d = att.make_doc(rng, kind, c.name, c.id_number, c.city, t.date(), cid, tam)
            pool.append(d)
        docs.append(d)
    return docs


def _campaign(gen: Generator, rng: random.Random, cid: str, style: str, ag: Agency, size: int) -> int:
    rate = gen.cfg.obfuscation_rate
    members = _members(
        gen,
        rng,
        ag,
        size,
        local=0.0 if style == "death_relatives" else 0.35,
        overdue=0.15 if style == "stealthy" else 0.8,
    )
    times = _times(gen, rng, size)
    pool: list[att.Doc] = []
    gen.campaign_info[cid] = {"style": style, "size": size}
    if style == "death_relatives":
        one_phone = ag.phones[0]
    drift_at = int(size * rng.uniform(0.4, 0.8))
    for i, (c, t) in enumerate(zip(members, times, strict=True)):
        if i == drift_at and style in ("legal_consulting", "fake_law_firm"):
            # the agency revises its template mid-campaign: a few paragraphs get new house wording
            house = ag.extra.get("house", {})
            for key in rng.sample(sorted(house), min(2, len(house))):
                del house[key]
        m = styles.Member(
            c.name,
            c.id_number,
            c.principal,
            c.loan_date,
            c.next_due_date,
            c.overdue_days,
            c.city.city,
            c.phone,
            c.male,
        )
        agency_phone = pick(rng, ag.phones)
        if style == "legal_consulting":
            in_text = rng.random() < 0.7
            text = styles.legal_consulting(rng, ag, m, rate, agency_phone if in_text else None)
            phone = agency_phone if rng.random() < 0.55 else c.phone
            rec = _campaign_rec(gen, rng, t, c, text, phone, ag, cid)
            if rec.channel == "hotline" and rng.random() < 0.6:  # written up by the call agent
                aphone = agency_phone if in_text else None
                rec.text = gen.composer._fresh(lambda aphone=aphone: styles.hotline_note(rng, aphone=aphone))
            if rng.random() < 0.55:
                rec.docs = _hardship_docs(gen, rng, c, t, cid, pool, 0.35)
        elif style == "fake_law_firm":
            text = styles.fake_law_firm(rng, ag, m, rate, pick(rng, ag.phones[:2]))
            rec = _campaign_rec(
                gen,
                rng,
                t,
                c,
                text,
                agency_phone if rng.random() < 0.7 else c.phone,
                ag,
                cid,
                pick(rng, ("email", "regulator", "hotline", "other", "email")),
            )
            if rng.random() < 0.7:
                rec.docs = [
                    att.make_doc(
                        rng,
                        "lawyer_letter",
                        c.name,
                        c.id_number,
                        ag.city,
                        t.date(),
                        cid,
                        "licence_is_uscc",
                        issuer_name=ag.name,
                    )
                ]
            if rng.random() < 0.3:
                rec.docs.append(
                    att.make_doc(
                        rng,
                        "authorization_letter",
                        c.name,
                        c.id_number,
                        ag.city,
                        t.date(),
                        cid,
                        None,
                        issuer_name=ag.name,
                    )
                )
        elif style == "stealthy":
            # filed 1-3 days before this borrower's due date: the due date moves into the window
            c.next_due_date = t.date() + timedelta(days=rng.randint(1, 3))
            c.overdue_days = 0
            ctx = gen.context(rng, t, c)
            text = styles.stealthy(rng, gen.composer, ag, ctx, rate)
            ch = pick(rng, ("app", "app", "app", "hotline", "regulator", "other"))
            rec = _campaign_rec(
                gen, rng, t, c, text, c.phone if rng.random() < 0.8 else agency_phone, ag, cid, ch
            )
            if ch == "app":
                rec.ip = people.ip_in_block(rng, ag.ip_block) if rng.random() < 0.75 else gen.ip_for(rng, c)
                rec.device = pick(rng, ag.devices) if rng.random() < 0.7 else gen.device_for(rng, c)
        else:  # death_relatives
            death = t.date() - timedelta(days=rng.randrange(5, 120))
            cause = pick(rng, styles.CAUSES)
            text = styles.death_relatives(rng, ag, m, death, cause, one_phone, rate)
            rec = _campaign_rec(
                gen,
                rng,
                t,
                c,
                text,
                one_phone,
                ag,
                cid,
                pick(rng, ("hotline", "hotline", "regulator", "email", "app")),
            )
            if pool and rng.random() < 0.2:
                d = att.reuse(rng, pick(rng, pool), "name_pasted")
                d.subject_name, d.subject_id_number = c.name, c.id_number
            else:
                tam = pick(rng, (None, None, "name_pasted", "reused_seal", "digits_changed", "editor_resave"))
                d = att.make_doc(rng, "death_certificate", c.name, c.id_number, c.city, t.date(), cid, tam)
                d.event_date = death
                d.issue_date = death + timedelta(days=rng.randrange(0, 5))
                pool.append(d)
            rec.docs = [d]
        gen.add(rec)
    return size
