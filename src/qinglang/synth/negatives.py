"""Hard negatives: genuine complaints that look like a campaign to a careless detector.

WHY: a detector is only useful if it leaves these alone — a real system fault producing hundreds
of same-topic complaints within hours, relatives sharing one phone (and handset), customers who
complain again and again, many customers naming the same outsourced collector, genuine borrowers
asking for 分期/延期 in the campaigns' own words, and the lender's hotline / 12378 quoted everywhere.
Each group is recorded in truth.json["hard_negatives"].
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from qinglang.synth import attachments as att
from qinglang.synth import lexicon as lx
from qinglang.synth import people, styles
from qinglang.synth.generator import Generator
from qinglang.synth.genuine import tail
from qinglang.synth.rand import pick, stream, weighted
from qinglang.synth.types import Cust


def _insert_sentence(rng: random.Random, text: str, sentence: str) -> str:
    """Put a sentence after one of the text's sentence ends (or at the end)."""
    ends = [m.end() for m in re.finditer(r"[。！？]+", text)]
    if not ends:
        return text.rstrip("，") + "。" + sentence + "。"
    cut = pick(rng, ends)
    return text[:cut] + sentence + "。" + text[cut:]


def hard_negatives(gen: Generator, budget: int) -> int:
    """Build the hard-negative groups; returns how many complaints they used."""
    rng = stream(gen.seed, "hard_negatives")
    cfg, n = gen.cfg, 0
    used = gen.reserved

    def fresh() -> Cust:
        for _k in range(200):
            c = pick(rng, gen.customers)
            if c.customer_id not in used:
                used.add(c.customer_id)
                return c
        return c  # a loan book too small for the groups asked for: reuse rather than loop forever

    # (a) incident: a batch double deduction on day 11 (3月12日 for a March run), complaints within hours
    n_inc = min(budget // 3, max(20, round(cfg.complaints * cfg.incident_share)))
    day = cfg.start + timedelta(days=min(11, cfg.days - 1))
    t0 = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=rng.randrange(40))
    gen.incident = {"date": day.isoformat(), "start": t0.isoformat(), "topic": "double_deduction"}
    for _ in range(n_inc):
        c = fresh()
        t = t0 + timedelta(seconds=min(6 * 3600, int(rng.expovariate(1 / 5400))))
        ctx = gen.context(rng, t, c)
        ctx["date"] = pick(
            rng, ("今天", "今天早上", f"{day.month}月{day.day}日", f"{day.day}号", "今早", "刚刚")
        )
        gen.add(
            gen.genuine(
                rng,
                t,
                c,
                "double_deduction",
                "incident_burst",
                pick(rng, ("app", "app", "hotline", "hotline", "social", "regulator")),
                ctx,
            )
        )
        n += 1
    # (b) relatives sharing one phone: 2-3 customers, family name, same city
    for _ in range(max(2, round(cfg.complaints * cfg.family_share))):
        head = fresh()
        fam = head.name[:2] if head.name[:2] in people.SURNAMES else head.name[0]
        members = [head]
        for _k in range(pick(rng, (1, 1, 2))):
            # an existing, not yet used customer becomes a relative: same family name, city, phone
            m = fresh()
            male = rng.random() < 0.5
            m.name = people.full_name(rng, male, fam)
            m.male, m.city, m.phone = male, head.city, head.phone
            # one household: the same home broadband and, often, the same old phone handset
            if head.device is None:
                head.device = people.device_id(rng)
            if head.home_ip is None:
                head.home_ip = people.ip_address(rng)
            m.home_ip = head.home_ip
            if rng.random() < 0.8:
                m.device = head.device
            m.id_number = people.id_number(
                rng, head.city.region_codes, people.birth_date(rng, cfg.start), male
            )
            members.append(m)
        for m in members:
            t = gen.clock.sample(rng)
            rec = gen.genuine(
                rng, t, m, group="shared_family_phone", channel="app" if rng.random() < 0.7 else None
            )
            rec.phone = head.phone
            gen.add(rec)
            n += 1
    # (c) repeat complainers: several complaints over weeks, later ones echo the earlier
    for _ in range(max(2, round(cfg.complaints * cfg.repeat_share / 3))):
        c = fresh()
        topic = weighted(rng, cfg.topic_weights)
        t = gen.clock.start + timedelta(seconds=rng.randrange(max(1, (cfg.days // 3) * 86400)))
        first = gen.genuine(rng, t, c, topic, "repeat_complainer")
        gen.add(first)
        n += 1
        prev = first.text
        for _k in range(rng.randint(1, 4)):
            t = t + timedelta(days=rng.randint(3, 12), seconds=rng.randrange(-20000, 20000))
            if t >= gen.clock.end:
                break
            rec = gen.genuine(rng, t, c, topic, "repeat_complainer")
            if rng.random() < 0.5:  # echoes their own earlier complaint, whole sentences
                opener = pick(
                    rng, ("上次投诉的问题到现在还没解决：", "第二次投诉了！", "重复反映：", "之前反映过，")
                )
                cut = [m.end() for m in re.finditer(r"[。！？]+", prev)]
                rec.text = opener + (prev[: pick(rng, cut)] if cut else prev)
            gen.add(rec)
            prev = rec.text
            n += 1
    # (d) many genuine complaints name the same outsourced collector's phone
    for _ in range(rng.randint(2, 4)):
        gen.collector_phones.append(gen.city(rng).phone(rng))
    for _ in range(max(3, round(cfg.complaints * cfg.collector_share))):
        c = fresh()
        t = gen.clock.sample(rng)
        ctx = gen.context(rng, t, c)
        ctx["cphone"] = styles.ob.phone_in_text(rng, pick(rng, gen.collector_phones))
        rec = gen.genuine(rng, t, c, "abusive_collection", "shared_collector_phone", ctx=ctx)
        if ctx["cphone"] not in rec.text:
            cphone = ctx["cphone"]
            note = gen.composer._fresh(
                lambda cphone=cphone: (
                    pick(rng, lx.LEADS)
                    + tail(
                        rng,
                        pick(rng, ("催收号码：", "打电话的号码是", "来电号码 ", "就是这个号码", "骚扰我的是"))
                        + cphone,
                    )
                )
            )
            rec.text = rec.text.rstrip("。") + "。" + note + "。"
        gen.add(rec)
        n += 1
    # (e) genuine hardship: the words campaigns use, said by borrowers themselves
    for _ in range(max(3, round(cfg.complaints * cfg.hardship_share))):
        c = fresh()
        if gen.by_overdue and rng.random() < 0.6:  # most hardship requests come from overdue borrowers
            for _k in range(20):
                o = pick(rng, gen.by_overdue)
                if o.customer_id not in used:
                    used.add(o.customer_id)
                    c = o
                    break
        t = gen.clock.sample(rng)
        rec = gen.genuine_rec(
            rng, t, c, gen.composer.compose(lx.HARDSHIP, gen.context(rng, t, c), threat=0.05)
        )
        if rec.channel == "hotline" and rng.random() < 0.6:  # written up like any hardship call
            rec.text = gen.composer._fresh(lambda: styles.hotline_note(rng))
        rec.group = "genuine_hardship"
        if rng.random() < 0.25:
            kind = pick(rng, ("diagnosis", "unemployment_proof"))
            rec.docs = [att.make_doc(rng, kind, c.name, c.id_number, c.city, t.date())]
        gen.add(rec)
        n += 1
    # (f) official numbers: many genuine complaints quote the lender's hotline, 12378 or a bank's
    # service number — shared numbers that must never look like an agent's phone
    for _ in range(max(3, round(cfg.complaints * cfg.official_share))):
        c = fresh()
        t = gen.clock.sample(rng)
        ctx = gen.context(rng, t, c)
        note = gen.composer._fresh(
            lambda ctx=ctx: (
                pick(rng, lx.LEADS)
                + tail(
                    rng,
                    pick(rng, lx.OFFICIAL_NOTES).format(
                        hotline=pick(rng, lx.HOTLINE_FORMS),
                        bank=ctx["bank"],
                        bankno=lx.BANK_HOTLINES[ctx["bank"]],
                    ),
                )
            )
        )
        rec = gen.genuine(rng, t, c, group="official_numbers", ctx=ctx)
        rec.text = _insert_sentence(rng, rec.text, note)
        gen.add(rec)
        n += 1
    return n
