"""Generate a whole synthetic lender: loan book, complaints, posts, attachments and ground truth.

WHY one orchestrator: every part refers to the others (a campaign files complaints for real
customers, attaches documents about them, and advertises with the same contacts online), and
determinism needs one place that decides the order random numbers are drawn in. Each part uses
its own random stream, derived from the seed and the part's name, so changing one part of the
scenario does not reshuffle the others.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from qinglang.synth import attachments as att
from qinglang.synth import lexicon as lx
from qinglang.synth import people, styles
from qinglang.synth import posts as px
from qinglang.synth.agencies import Agency, make_agency
from qinglang.synth.genuine import Composer, Context, tail
from qinglang.synth.geo import City, load_cities
from qinglang.synth.rand import pick
from qinglang.synth.timing import Clock

STYLES = ("legal_consulting", "fake_law_firm", "stealthy", "death_relatives")
CHANNEL_MIX_GENUINE = {"app": 45, "hotline": 24, "email": 5, "regulator": 10, "social": 8, "other": 8}
CHANNEL_MIX_CAMPAIGN = {"app": 12, "hotline": 30, "email": 10, "regulator": 38, "social": 4, "other": 6}


@dataclass
class Config:
    """Knobs of the scenario (all settable from the CLI or a --config JSON file)."""

    complaints: int = 20_000
    seed: int = 20260301
    customers: int | None = None  # default 0.6 x complaints
    posts: int | None = None  # default max(200, complaints / 20)
    campaigns: int | None = None  # default 8 (fewer for tiny runs)
    campaign_share: float = 0.15
    obfuscation_rate: float = 0.5
    start: date = date(2026, 3, 1)
    days: int = 31
    messy: bool = False
    incident_share: float = 0.02  # the 3月12日-style system fault burst
    family_share: float = 0.004  # groups of relatives sharing one phone (per complaint)
    repeat_share: float = 0.01  # repeat complainers (per complaint)
    collector_share: float = 0.006  # genuine complaints naming the same outsourced collector's phone
    hardship_share: float = 0.02  # genuine borrowers asking for 分期/延期 themselves
    official_share: float = 0.02  # genuine complaints quoting the official hotline / 12378 / a bank
    # weights of the styles beyond the first four (one of each style is always present)
    style_weights: dict[str, float] = field(default_factory=lambda: {
        "legal_consulting": 2.0, "stealthy": 1.5, "fake_law_firm": 1.0, "death_relatives": 0.5})
    topic_weights: dict[str, float] = field(default_factory=lambda: dict(lx.TOPIC_WEIGHTS))

    def resolved(self) -> Config:
        c = Config(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        if c.customers is None:
            c.customers = max(50, int(c.complaints * 0.6))
        if c.posts is None:
            c.posts = max(200, c.complaints // 20)
        if c.campaigns is None:
            c.campaigns = 8 if c.complaints >= 3000 else max(4, min(8, int(c.complaints * c.campaign_share) // 40))
        return c

    @classmethod
    def from_json(cls, path: Path, **overrides) -> Config:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if "start" in raw:
            raw["start"] = date.fromisoformat(raw["start"])
        raw.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**raw)


@dataclass(slots=True)
class Cust:
    customer_id: str
    name: str
    phone: str
    principal: float
    next_due_date: date
    overdue_days: int
    id_number: str
    city: City
    product: str
    loan_date: date
    male: bool
    device: str | None = None
    home_ip: str | None = None


@dataclass(slots=True)
class Rec:
    """A complaint before ids are assigned (records are sorted by time first)."""

    t: datetime
    channel: str
    cust: Cust | None
    phone: str | None
    text: str
    ip: str | None = None
    device: str | None = None
    docs: list[att.Doc] = field(default_factory=list)
    campaign: str | None = None
    group: str | None = None
    cid: str = ""


def _rng(seed: int, part: str) -> random.Random:
    return random.Random(f"{seed}/{part}")


def _weighted(rng: random.Random, mix: dict[str, float]) -> str:
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def _insert_sentence(rng: random.Random, text: str, sentence: str) -> str:
    """Put a sentence after one of the text's sentence ends (or at the end)."""
    ends = [m.end() for m in re.finditer(r"[。！？]+", text)]
    if not ends:
        return text.rstrip("，") + "。" + sentence + "。"
    cut = pick(rng, ends)
    return text[:cut] + sentence + "。" + text[cut:]


_PRODUCTS = ("云禾现金贷", "云禾分期", "云禾消费贷", "云禾小额贷", "云禾信用付")


class Generator:
    def __init__(self, cfg: Config):
        self.cfg = cfg.resolved()
        self.seed = self.cfg.seed
        self.clock = Clock(self.cfg.start, self.cfg.days)
        self.end = self.cfg.start + timedelta(days=self.cfg.days)
        self.cities = load_cities()
        self._city_cum = list(accumulate(c.weight for c in self.cities))
        self.customers: list[Cust] = []
        self.recs: list[Rec] = []
        self.truth_groups: dict[str, list[Rec]] = {}
        self.campaign_info: dict[str, dict] = {}
        self.agencies: dict[str, Agency] = {}
        self.composer = Composer(_rng(self.seed, "composer"))
        self._phones: set[str] = set()
        self.reserved: set[str] = set()  # customers already cast in a campaign or a hard-negative group
        self.collector_phones: list[str] = []

    # ------------------------------------------------------------------ customers
    def city(self, rng: random.Random) -> City:
        return rng.choices(self.cities, cum_weights=self._city_cum)[0]

    def _unique_phone(self, rng: random.Random, city: City) -> str:
        while True:
            p = city.phone(rng)
            if p not in self._phones:
                self._phones.add(p)
                return p

    def make_customers(self) -> None:
        rng = _rng(self.seed, "customers")
        ids = rng.sample(range(10**9, 10**10), self.cfg.customers)
        for cid in ids:
            city = self.city(rng)
            self.customers.append(self._customer(rng, f"K{cid}", city))
        self.by_overdue = [c for c in self.customers if c.overdue_days > 0]

    def _customer(self, rng: random.Random, cid: str, city: City, family: str | None = None,
                  phone: str | None = None) -> Cust:
        male = rng.random() < 0.58
        birth = people.birth_date(rng, self.cfg.start)
        principal = round(min(200_000, max(500, rng.lognormvariate(9.2, 0.8))) / 100) * 100
        loan_date = self.cfg.start - timedelta(days=rng.randrange(20, 720))
        if rng.random() < 0.14:
            od = pick(rng, (rng.randint(1, 30), rng.randint(31, 90), rng.randint(91, 400)))
            due = self.end - timedelta(days=od)
        else:
            od = 0
            due = self.cfg.start + timedelta(days=rng.randrange(0, self.cfg.days + 30))
        return Cust(cid, people.full_name(rng, male, family), phone or self._unique_phone(rng, city), principal, due,
                    od, people.id_number(rng, city.region_codes, birth, male), city, pick(rng, _PRODUCTS),
                    loan_date, male)

    # ------------------------------------------------------------------ helpers
    def _device(self, rng: random.Random, c: Cust | None) -> str:
        if c is None:
            return people.device_id(rng)
        if c.device is None:
            c.device = people.device_id(rng)
        return c.device if rng.random() < 0.93 else people.device_id(rng)

    def _ip(self, rng: random.Random, c: Cust | None) -> str:
        if c is None or rng.random() < 0.4:
            return people.ip_address(rng)  # mobile data: a new address each time
        if c.home_ip is None:
            c.home_ip = people.ip_address(rng)
        return c.home_ip

    def _genuine_rec(self, rng: random.Random, t: datetime, c: Cust | None, text: str,
                     channel: str | None = None) -> Rec:
        ch = channel or _weighted(rng, CHANNEL_MIX_GENUINE)
        if ch == "hotline" and not 8 <= t.hour < 22:  # the call centre is closed at night
            ch = pick(rng, ("app", "app", "social", "email"))
        phone = c.phone if c is not None and rng.random() < 0.95 else self.city(rng).phone(rng)
        rec = Rec(t, ch, c, phone if ch != "email" or rng.random() < 0.7 else None, text)
        if ch == "app":
            rec.ip, rec.device = self._ip(rng, c), self._device(rng, c)
        elif ch in ("other", "email") and rng.random() < 0.5:
            rec.ip = self._ip(rng, c)
        return rec

    def _ctx(self, rng: random.Random, t: datetime, c: Cust | None) -> Context:
        principal = c.principal if c else pick(rng, (3000, 5000, 10000))
        cphone = pick(rng, self.collector_phones) if self.collector_phones and rng.random() < 0.02 else \
            self.city(rng).phone(rng)
        return Context.make(rng, t.date(), principal, cphone)

    def _genuine_docs(self, rng: random.Random, topic: str, c: Cust | None, t: datetime) -> list[att.Doc]:
        if c is None:
            return []
        if topic in ("double_deduction", "failed_deduction_penalty") and rng.random() < 0.3:
            kind = pick(rng, ("deduction_screenshot", "bank_statement_screenshot"))
            return [att.make_doc(rng, kind, c.name, None, c.city, t.date())]
        if topic == "identity_theft" and rng.random() < 0.4:
            return [att.make_doc(rng, "police_report", c.name, c.id_number, c.city, t.date())]
        if topic in ("abusive_collection", "fees_rate") and rng.random() < 0.08:
            return [att.make_doc(rng, "deduction_screenshot", c.name, None, c.city, t.date())]
        return []

    def genuine(self, rng: random.Random, t: datetime, c: Cust | None, topic: str | None = None,
                group: str | None = None, channel: str | None = None, ctx: Context | None = None) -> Rec:
        topic = topic or _weighted(rng, self.cfg.topic_weights)
        ctx = ctx or self._ctx(rng, t, c)
        text = self.composer.compose(lx.TOPICS[topic], ctx)
        rec = self._genuine_rec(rng, t, c, text, channel)
        if rec.channel == "hotline" and rng.random() < 0.35:  # the call agent's write-up
            # a short exclamation opener ("再次投诉！") joins the first sentence instead of standing alone
            body = re.sub(r"^([^。！？]{0,12})[！!]+", r"\1，", rec.text)
            rec.text = pick(rng, ("客户来电反映：", "来电人称：", "客户致电：", "用户来电投诉：")) + body
        rec.docs = self._genuine_docs(rng, topic, c, t)
        rec.group = group
        return rec

    # ------------------------------------------------------------------ hard negatives
    def hard_negatives(self, budget: int) -> int:
        """Build the hard-negative groups; returns how many complaints they used."""
        rng = _rng(self.seed, "hard_negatives")
        cfg, n = self.cfg, 0
        used = self.reserved

        def fresh() -> Cust:
            for _k in range(200):
                c = pick(rng, self.customers)
                if c.customer_id not in used:
                    used.add(c.customer_id)
                    return c
            return c  # a loan book too small for the groups asked for: reuse rather than loop forever

        # (a) incident: a batch double deduction on day 11 (3月12日 for a March run), complaints within hours
        n_inc = min(budget // 3, max(20, round(cfg.complaints * cfg.incident_share)))
        day = cfg.start + timedelta(days=min(11, cfg.days - 1))
        t0 = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=rng.randrange(40))
        self.incident = {"date": day.isoformat(), "start": t0.isoformat(), "topic": "double_deduction"}
        for _ in range(n_inc):
            c = fresh()
            t = t0 + timedelta(seconds=min(6 * 3600, int(rng.expovariate(1 / 5400))))
            ctx = self._ctx(rng, t, c)
            ctx.values["date"] = pick(rng, ("今天", "今天早上", f"{day.month}月{day.day}日", f"{day.day}号", "今早", "刚刚"))
            self.add(self.genuine(rng, t, c, "double_deduction", "incident_burst",
                                  pick(rng, ("app", "app", "hotline", "hotline", "social", "regulator")), ctx))
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
                m.id_number = people.id_number(rng, head.city.region_codes,
                                               people.birth_date(rng, cfg.start), male)
                members.append(m)
            for m in members:
                t = self.clock.sample(rng)
                rec = self.genuine(rng, t, m, group="shared_family_phone",
                                   channel="app" if rng.random() < 0.7 else None)
                rec.phone = head.phone
                self.add(rec)
                n += 1
        # (c) repeat complainers: several complaints over weeks, later ones echo the earlier
        for _ in range(max(2, round(cfg.complaints * cfg.repeat_share / 3))):
            c = fresh()
            topic = _weighted(rng, cfg.topic_weights)
            t = self.clock.start + timedelta(seconds=rng.randrange(max(1, (cfg.days // 3) * 86400)))
            first = self.genuine(rng, t, c, topic, "repeat_complainer")
            self.add(first)
            n += 1
            prev = first.text
            for _k in range(rng.randint(1, 4)):
                t = t + timedelta(days=rng.randint(3, 12), seconds=rng.randrange(-20000, 20000))
                if t >= self.clock.end:
                    break
                rec = self.genuine(rng, t, c, topic, "repeat_complainer")
                if rng.random() < 0.5:  # echoes their own earlier complaint, whole sentences
                    head = pick(rng, ("上次投诉的问题到现在还没解决：", "第二次投诉了！", "重复反映：", "之前反映过，"))
                    cut = [m.end() for m in re.finditer(r"[。！？]+", prev)]
                    rec.text = head + (prev[: pick(rng, cut)] if cut else prev)
                self.add(rec)
                prev = rec.text
                n += 1
        # (d) many genuine complaints name the same outsourced collector's phone
        for _ in range(rng.randint(2, 4)):
            self.collector_phones.append(self.city(rng).phone(rng))
        for _ in range(max(3, round(cfg.complaints * cfg.collector_share))):
            c = fresh()
            t = self.clock.sample(rng)
            ctx = self._ctx(rng, t, c)
            ctx.values["cphone"] = styles.ob.phone_in_text(rng, pick(rng, self.collector_phones))
            rec = self.genuine(rng, t, c, "abusive_collection", "shared_collector_phone", ctx=ctx)
            if ctx.values["cphone"] not in rec.text:
                cphone = ctx.values["cphone"]
                note = self.composer._fresh(lambda cphone=cphone: pick(rng, lx.LEADS) + tail(rng, pick(rng,
                    ("催收号码：", "打电话的号码是", "来电号码 ", "就是这个号码", "骚扰我的是")) + cphone))
                rec.text = rec.text.rstrip("。") + "。" + note + "。"
            self.add(rec)
            n += 1
        # (e) genuine hardship: the words campaigns use, said by borrowers themselves
        for _ in range(max(3, round(cfg.complaints * cfg.hardship_share))):
            c = fresh()
            if self.by_overdue and rng.random() < 0.6:  # most hardship requests come from overdue borrowers
                for _k in range(20):
                    o = pick(rng, self.by_overdue)
                    if o.customer_id not in used:
                        used.add(o.customer_id)
                        c = o
                        break
            t = self.clock.sample(rng)
            rec = self._genuine_rec(rng, t, c, self.composer.compose(lx.HARDSHIP, self._ctx(rng, t, c), threat=0.05))
            if rec.channel == "hotline" and rng.random() < 0.6:  # written up like any hardship call
                rec.text = self.composer._fresh(lambda: styles.hotline_note(rng))
            rec.group = "genuine_hardship"
            if rng.random() < 0.25:
                kind = pick(rng, ("diagnosis", "unemployment_proof"))
                rec.docs = [att.make_doc(rng, kind, c.name, c.id_number, c.city, t.date())]
            self.add(rec)
            n += 1
        # (f) official numbers: many genuine complaints quote the lender's hotline, 12378 or a bank's
        # service number — shared numbers that must never look like an agent's phone
        for _ in range(max(3, round(cfg.complaints * cfg.official_share))):
            c = fresh()
            t = self.clock.sample(rng)
            ctx = self._ctx(rng, t, c)
            note = self.composer._fresh(lambda ctx=ctx: pick(rng, lx.LEADS) + tail(
                rng, pick(rng, lx.OFFICIAL_NOTES).format(hotline=pick(rng, lx.HOTLINE_FORMS), bank=ctx["bank"],
                                                         bankno=lx.BANK_HOTLINES[ctx["bank"]])))
            rec = self.genuine(rng, t, c, group="official_numbers", ctx=ctx)
            rec.text = _insert_sentence(rng, rec.text, note)
            self.add(rec)
            n += 1
        return n

    def add(self, rec: Rec) -> None:
        self.recs.append(rec)
        if rec.group:
            self.truth_groups.setdefault(rec.group, []).append(rec)

    # ------------------------------------------------------------------ campaigns
    def campaigns(self, total: int) -> int:
        rng = _rng(self.seed, "campaigns")
        k = self.cfg.campaigns
        if k <= 0 or total <= 0:
            return 0
        styles_list = list(STYLES)[:k] if k <= len(STYLES) else list(STYLES)
        sw = {s: self.cfg.style_weights.get(s, 1.0) for s in STYLES}
        cap = max(2, -(-k // len(STYLES)))  # no style dominates the default mix
        while len(styles_list) < k:
            s = _weighted(rng, sw)
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
            self.agencies[cid] = ag
            n += self._campaign(rng, cid, style, ag, size)
        return n

    def _members(self, rng: random.Random, ag: Agency, size: int, local: float, overdue: float = 0.8) -> list[Cust]:
        """Borrowers a campaign files for: mostly overdue, a share recruited in the agency's own city."""
        same_city = [c for c in self.customers if c.city is ag.city]
        local_pool = same_city if len(same_city) >= 10 else \
            [c for c in self.customers if c.city.province == ag.city.province]
        current = [c for c in self.customers if c.overdue_days == 0]
        out, seen = [], set()
        tries = 0
        while len(out) < size:
            tries += 1
            if tries > 200 * size:  # loan book too small: members may repeat
                self.reserved.clear()
            if local_pool and rng.random() < local:
                c = pick(rng, local_pool)
            elif rng.random() < overdue and self.by_overdue:
                c = pick(rng, self.by_overdue)
            else:
                c = pick(rng, current or self.customers)
            if c.customer_id not in seen and c.customer_id not in self.reserved:
                seen.add(c.customer_id)
                out.append(c)
        self.reserved.update(seen)
        return out

    def _times(self, rng: random.Random, size: int) -> list[datetime]:
        """Bursts (most filed within a few days) plus a trickle afterwards."""
        span = self.cfg.days
        day0 = self.cfg.start + timedelta(days=rng.randrange(0, max(1, span - 5)))
        out = []
        for _ in range(size):
            if rng.random() < 0.7:
                d = day0 + timedelta(days=pick(rng, (0, 0, 1, 1, 2, 3)))
            else:
                d = day0 + timedelta(days=rng.randrange(0, max(1, (self.end - day0).days)))
            d = min(d, self.end - timedelta(days=1))
            out.append(self.clock.on_day(rng, d))
        return out

    def _campaign_rec(self, rng: random.Random, t: datetime, c: Cust, text: str, phone: str, ag: Agency,
                      cid: str, channel: str | None = None) -> Rec:
        ch = channel or _weighted(rng, CHANNEL_MIX_CAMPAIGN)
        if ch == "hotline" and not 8 <= t.hour < 22:
            ch = pick(rng, ("regulator", "email", "app"))
        rec = Rec(t, ch, c, phone, text, campaign=cid)
        if ch in ("app", "other"):
            office = rng.random() < 0.6
            rec.ip = people.ip_in_block(rng, ag.ip_block) if office else people.ip_address(rng)
            if ch == "app":
                rec.device = pick(rng, ag.devices) if office else self._device(rng, c)
        return rec

    def _hardship_docs(self, rng: random.Random, c: Cust, t: datetime, cid: str, pool: list[att.Doc],
                       rate: float) -> list[att.Doc]:
        docs = []
        for _ in range(pick(rng, (1, 1, 2))):
            kind = pick(rng, ("poverty_certificate", "unemployment_proof", "diagnosis", "diagnosis",
                               "quarantine_proof"))
            if pool and rng.random() < 0.15:
                src = pick(rng, pool)
                tam = pick(rng, (None, "name_pasted"))
                d = att.reuse(rng, src, tam)
                if tam == "name_pasted":
                    d.subject_name, d.subject_id_number = c.name, c.id_number
            else:
                tam = pick(rng, ("name_pasted", "digits_changed", "editor_resave", "reused_seal")) \
                    if rng.random() < rate else None
                d = att.make_doc(rng, kind, c.name, c.id_number, c.city, t.date(), cid, tam)
                pool.append(d)
            docs.append(d)
        return docs

    def _campaign(self, rng: random.Random, cid: str, style: str, ag: Agency, size: int) -> int:
        rate = self.cfg.obfuscation_rate
        members = self._members(rng, ag, size, local=0.0 if style == "death_relatives" else 0.35,
                                overdue=0.15 if style == "stealthy" else 0.8)
        times = self._times(rng, size)
        pool: list[att.Doc] = []
        self.campaign_info[cid] = {"style": style, "size": size}
        if style == "death_relatives":
            one_phone = ag.phones[0]
        drift_at = int(size * rng.uniform(0.4, 0.8))
        for i, (c, t) in enumerate(zip(members, times, strict=True)):
            if i == drift_at and style in ("legal_consulting", "fake_law_firm"):
                # the agency revises its template mid-campaign: a few paragraphs get new house wording
                house = ag.extra.get("house", {})
                for key in rng.sample(sorted(house), min(2, len(house))):
                    del house[key]
            m = styles.Member(c.name, c.id_number, c.principal, c.loan_date, c.next_due_date, c.overdue_days,
                              c.city.city, c.phone, c.male)
            agency_phone = pick(rng, ag.phones)
            if style == "legal_consulting":
                in_text = rng.random() < 0.7
                text = styles.legal_consulting(rng, ag, m, rate, agency_phone if in_text else None)
                phone = agency_phone if rng.random() < 0.55 else c.phone
                rec = self._campaign_rec(rng, t, c, text, phone, ag, cid)
                if rec.channel == "hotline" and rng.random() < 0.6:  # written up by the call agent
                    aphone = agency_phone if in_text else None
                    rec.text = self.composer._fresh(lambda aphone=aphone: styles.hotline_note(rng, aphone=aphone))
                if rng.random() < 0.55:
                    rec.docs = self._hardship_docs(rng, c, t, cid, pool, 0.35)
            elif style == "fake_law_firm":
                text = styles.fake_law_firm(rng, ag, m, rate, pick(rng, ag.phones[:2]))
                rec = self._campaign_rec(rng, t, c, text, agency_phone if rng.random() < 0.7 else c.phone, ag, cid,
                                         pick(rng, ("email", "regulator", "hotline", "other", "email")))
                if rng.random() < 0.7:
                    rec.docs = [att.make_doc(rng, "lawyer_letter", c.name, c.id_number, ag.city, t.date(), cid,
                                             "licence_is_uscc", issuer_name=ag.name)]
                if rng.random() < 0.3:
                    rec.docs.append(att.make_doc(rng, "authorization_letter", c.name, c.id_number, ag.city, t.date(),
                                                 cid, None, issuer_name=ag.name))
            elif style == "stealthy":
                # filed 1-3 days before this borrower's due date: the due date moves into the window
                c.next_due_date = t.date() + timedelta(days=rng.randint(1, 3))
                c.overdue_days = 0
                ctx = self._ctx(rng, t, c)
                text = styles.stealthy(rng, self.composer, ag, ctx, rate)
                ch = pick(rng, ("app", "app", "app", "hotline", "regulator", "other"))
                rec = self._campaign_rec(rng, t, c, text, c.phone if rng.random() < 0.8 else agency_phone, ag, cid, ch)
                if ch == "app":
                    rec.ip = people.ip_in_block(rng, ag.ip_block) if rng.random() < 0.75 else self._ip(rng, c)
                    rec.device = pick(rng, ag.devices) if rng.random() < 0.7 else self._device(rng, c)
            else:  # death_relatives
                death = t.date() - timedelta(days=rng.randrange(5, 120))
                cause = pick(rng, styles.CAUSES)
                text = styles.death_relatives(rng, ag, m, death, cause, one_phone, rate)
                rec = self._campaign_rec(rng, t, c, text, one_phone, ag, cid,
                                         pick(rng, ("hotline", "hotline", "regulator", "email", "app")))
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
            self.add(rec)
        return size

    # ------------------------------------------------------------------ assemble
    def run(self) -> None:
        cfg = self.cfg
        self.make_customers()
        n_campaign = round(cfg.complaints * cfg.campaign_share)
        used = self.campaigns(n_campaign)
        used += self.hard_negatives(max(0, cfg.complaints - used))
        rng = _rng(self.seed, "genuine")
        for _ in range(max(0, cfg.complaints - used)):
            t = self.clock.sample(rng)
            c = pick(rng, self.customers) if rng.random() < 0.96 else None
            self.add(self.genuine(rng, t, c))
        self.recs = self.recs[: cfg.complaints] if len(self.recs) > cfg.complaints else self.recs
        self._assign_ids()
        # texts are final: the sentence registry (several million hashes at 1M) is no longer needed
        self.composer.seen.clear()
        self._phones.clear()

    def _assign_ids(self) -> None:
        rng = _rng(self.seed, "ids")
        self.recs.sort(key=lambda r: r.t)
        counters: dict[date, int] = {}
        for r in self.recs:
            d = r.t.date()
            counters[d] = counters.get(d, 0) + rng.randint(1, 3)
            r.cid = f"C{d:%Y%m%d}{counters[d]:05d}"
        frng = _rng(self.seed, "files")
        for r in self.recs:
            for doc in r.docs:
                doc.file = f"attachments/{frng.getrandbits(64):016x}.{doc.ext}"

    # ------------------------------------------------------------------ posts
    def make_posts(self) -> tuple[list[dict], dict[str, dict]]:
        rng = _rng(self.seed, "posts")
        cfg = self.cfg
        start = datetime.combine(cfg.start - timedelta(days=30), datetime.min.time())
        days = cfg.days + 30
        rate = cfg.obfuscation_rate
        rows: list[tuple[datetime, str, str, str, dict]] = []
        extra_agencies = [make_agency(rng, f"ad-{i}", "consulting", set()) for i in range(max(2, len(self.agencies)))]
        ad_sources = [(k, a) for k, a in self.agencies.items()] + [(None, a) for a in extra_agencies]
        accounts: dict[str, list[tuple[str, str]]] = {}
        n_ads = round(cfg.posts * 0.45)
        for i in range(cfg.posts):
            t = px.post_time(rng, start, days)
            if i < n_ads:
                key, ag = ad_sources[i % len(ad_sources)] if i < len(ad_sources) else pick(rng, ad_sources)
                acc_list = accounts.setdefault(ag.key, [])
                if not acc_list or rng.random() < 0.35:  # a new account name, same contacts
                    acc_list.append((pick(rng, px.PLATFORMS), px.account_name(rng)))
                platform, account = pick(rng, acc_list)
                text, contacts = px.ad_post(rng, ag, account, rate)
                info = {"label": "ad", "kind": "agency_ad" if key else "other_ad", "contacts": contacts}
                if key:
                    info["campaign_id"] = key
                rows.append((t, platform, account, text, info))
            else:
                kind = pick(rng, px.NEGATIVE_KINDS)
                info = {"label": "negative", "kind": kind, "contacts": []}
                rows.append((t, pick(rng, px.PLATFORMS), px.account_name(rng), px.negative_post(rng, kind), info))
        rows.sort(key=lambda r: r[0])
        posts, truth = [], {}
        for t, platform, account, text, info in rows:
            pid = f"P{rng.getrandbits(40):010x}"
            posts.append({"post_id": pid, "platform": platform, "account": account,
                          "posted_at": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "text": text})
            truth[pid] = info
        return posts, truth

    # ------------------------------------------------------------------ truth
    def organizers(self, cid: str) -> list[str]:
        """Indicator values of a campaign that really appear in its complaints (text, phone, device, ip)."""
        ag = self.agencies[cid]
        recs = [r for r in self.recs if r.campaign == cid]
        texts = "\n".join(r.text for r in recs)
        digits = "".join(ch for ch in texts if ch.isdigit())
        phones = {r.phone for r in recs if r.phone}
        out: list[str] = []
        for p in ag.phones:
            if p in phones or p in digits:
                out.append("+86" + p)
        for v in (ag.wechat, ag.extra.get("backup_wechat"), ag.code, ag.name):
            if v and v in texts and v not in out:
                out.append(v)
        if ag.qq in texts:
            out.append(ag.qq)
        block = ag.ip_block.rsplit(".", 1)[0] + "."
        if any(r.ip and r.ip.startswith(block) for r in recs):
            out.append(ag.ip_block)
        devs = {r.device for r in recs}
        out += [d for d in ag.devices if d in devs]
        return out


def generate(out_dir: Path, cfg: Config, render: bool | None = None) -> dict:
    """Write the whole scenario into `out_dir`; returns the summary that the command prints."""
    from qinglang.synth.writer import write_all

    gen = Generator(cfg)
    gen.run()
    return write_all(gen, Path(out_dir), render)


__all__ = ["Config", "Generator", "generate", "STYLES", "asdict"]
