"""The lender being generated: its loan book, the complaints so far, and the helpers every part
uses to add to them (customers, devices, IPs, genuine complaints, ads, the organisers' truth).

WHY apart from scenario.py: the parts (campaigns.py, negatives.py) and the writer work on this
object, and scenario.py runs them in order. With the state here, below the parts, the imports run
one way: scenario -> campaigns, negatives, writer -> generator -> types.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from itertools import accumulate

from qinglang.synth import attachments as att
from qinglang.synth import lexicon as lx
from qinglang.synth import people
from qinglang.synth import posts as px
from qinglang.synth.agencies import Agency, make_agency
from qinglang.synth.genuine import Composer, Context
from qinglang.synth.geo import City, load_cities
from qinglang.synth.rand import pick, stream, weighted
from qinglang.synth.timing import Clock
from qinglang.synth.types import Config, Cust, Rec

CHANNEL_MIX_GENUINE = {"app": 45, "hotline": 24, "email": 5, "regulator": 10, "social": 8, "other": 8}

_PRODUCTS = ("云禾现金贷", "云禾分期", "云禾消费贷", "云禾小额贷", "云禾信用付")


class Generator:
    incident: dict[str, str]  # the hard negatives' system-fault burst, set by negatives.hard_negatives

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
        self.composer = Composer(stream(self.seed, "composer"))
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
        rng = stream(self.seed, "customers")
        assert self.cfg.customers is not None  # Config.resolved() filled it
        ids = rng.sample(range(10**9, 10**10), self.cfg.customers)
        for cid in ids:
            city = self.city(rng)
            self.customers.append(self._customer(rng, f"K{cid}", city))
        self.by_overdue = [c for c in self.customers if c.overdue_days > 0]

    def _customer(
        self, rng: random.Random, cid: str, city: City, family: str | None = None, phone: str | None = None
    ) -> Cust:
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
        return Cust(
            cid,
            people.full_name(rng, male, family),
            phone or self._unique_phone(rng, city),
            principal,
            due,
            od,
            people.id_number(rng, city.region_codes, birth, male),
            city,
            pick(rng, _PRODUCTS),
            loan_date,
            male,
        )

    # ------------------------------------------------------------------ helpers
    def device_for(self, rng: random.Random, c: Cust | None) -> str:
        if c is None:
            return people.device_id(rng)
        if c.device is None:
            c.device = people.device_id(rng)
        return c.device if rng.random() < 0.93 else people.device_id(rng)

    def ip_for(self, rng: random.Random, c: Cust | None) -> str:
        if c is None or rng.random() < 0.4:
            return people.ip_address(rng)  # mobile data: a new address each time
        if c.home_ip is None:
            c.home_ip = people.ip_address(rng)
        return c.home_ip

    def genuine_rec(
        self, rng: random.Random, t: datetime, c: Cust | None, text: str, channel: str | None = None
    ) -> Rec:
        ch = channel or weighted(rng, CHANNEL_MIX_GENUINE)
        if ch == "hotline" and not 8 <= t.hour < 22:  # the call centre is closed at night
            ch = pick(rng, ("app", "app", "social", "email"))
        phone = c.phone if c is not None and rng.random() < 0.95 else self.city(rng).phone(rng)
        rec = Rec(t, ch, c, phone if ch != "email" or rng.random() < 0.7 else None, text)
        if ch == "app":
            rec.ip, rec.device = self.ip_for(rng, c), self.device_for(rng, c)
        elif ch in ("other", "email") and rng.random() < 0.5:
            rec.ip = self.ip_for(rng, c)
        return rec

    def context(self, rng: random.Random, t: datetime, c: Cust | None) -> Context:
        principal = c.principal if c else pick(rng, (3000, 5000, 10000))
        cphone = (
            pick(rng, self.collector_phones)
            if self.collector_phones and rng.random() < 0.02
            else self.city(rng).phone(rng)
        )
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

    def genuine(
        self,
        rng: random.Random,
        t: datetime,
        c: Cust | None,
        topic: str | None = None,
        group: str | None = None,
        channel: str | None = None,
        ctx: Context | None = None,
    ) -> Rec:
        topic = topic or weighted(rng, self.cfg.topic_weights)
        ctx = ctx or self.context(rng, t, c)
        text = self.composer.compose(lx.TOPICS[topic], ctx)
        rec = self.genuine_rec(rng, t, c, text, channel)
        if rec.channel == "hotline" and rng.random() < 0.35:  # the call agent's write-up
            # a short exclamation opener ("再次投诉！") joins the first sentence instead of standing alone
            body = re.sub(r"^([^。！？]{0,12})[！!]+", r"\1，", rec.text)
            rec.text = pick(rng, ("客户来电反映：", "来电人称：", "客户致电：", "用户来电投诉：")) + body
        rec.docs = self._genuine_docs(rng, topic, c, t)
        rec.group = group
        return rec

    def add(self, rec: Rec) -> None:
        self.recs.append(rec)
        if rec.group:
            self.truth_groups.setdefault(rec.group, []).append(rec)

    def add_genuine(self, n: int) -> None:
        """`n` ordinary genuine complaints over the month (4 % from people with no customer id)."""
        rng = stream(self.seed, "genuine")
        for _ in range(n):
            t = self.clock.sample(rng)
            c = pick(rng, self.customers) if rng.random() < 0.96 else None
            self.add(self.genuine(rng, t, c))

    def finish(self) -> None:
        """Cut to the number of complaints asked for, assign ids in time order, free the registries."""
        cfg = self.cfg
        self.recs = self.recs[: cfg.complaints] if len(self.recs) > cfg.complaints else self.recs
        self._assign_ids()
        # texts are final: the sentence registry (several million hashes at 1M) is no longer needed
        self.composer.seen.clear()
        self._phones.clear()

    def _assign_ids(self) -> None:
        rng = stream(self.seed, "ids")
        self.recs.sort(key=lambda r: r.t)
        counters: dict[date, int] = {}
        for r in self.recs:
            d = r.t.date()
            counters[d] = counters.get(d, 0) + rng.randint(1, 3)
            r.cid = f"C{d:%Y%m%d}{counters[d]:05d}"
        frng = stream(self.seed, "files")
        for r in self.recs:
            for doc in r.docs:
                doc.file = f"attachments/{frng.getrandbits(64):016x}.{doc.ext}"

    # ------------------------------------------------------------------ posts
    def make_posts(self) -> tuple[list[dict], dict[str, dict]]:
        rng = stream(self.seed, "posts")
        cfg = self.cfg
        start = datetime.combine(cfg.start - timedelta(days=30), datetime.min.time())
        days = cfg.days + 30
        rate = cfg.obfuscation_rate
        rows: list[tuple[datetime, str, str, str, dict]] = []
        extra_agencies = [
            make_agency(rng, f"ad-{i}", "consulting", set()) for i in range(max(2, len(self.agencies)))
        ]
        ad_sources = [(k, a) for k, a in self.agencies.items()] + [(None, a) for a in extra_agencies]
        accounts: dict[str, list[tuple[str, str]]] = {}
        assert cfg.posts is not None  # Config.resolved() filled it
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
                rows.append(
                    (t, pick(rng, px.PLATFORMS), px.account_name(rng), px.negative_post(rng, kind), info)
                )
        rows.sort(key=lambda r: r[0])
        posts, truth = [], {}
        for t, platform, account, text, info in rows:
            pid = f"P{rng.getrandbits(40):010x}"
            posts.append(
                {
                    "post_id": pid,
                    "platform": platform,
                    "account": account,
                    "posted_at": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                    "text": text,
                }
            )
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
