"""The application signals: one small detector class per signal (Presidio-style recognisers).

Each detector looks at all applications of a run (Features) and returns Findings: a group of
applications, the evidence code, its weight, whether it shows *coordination* (someone arranged
these applications) and a Chinese + English explanation. Settings live in data/thresholds.json,
hard-negative tables in data/collective_addresses.json and data/large_employers.json.

Co-residence (dormitory) and weak ties (shared IP, referrer) are evidence but never coordination:
a cluster is flagged only when a coordination signal fired (scoring.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from math import exp, lgamma, log

from qinglang.applications.background import Background, bh_threshold
from qinglang.applications.features import Features
from qinglang.applications.places import large_employers, thresholds
from qinglang.phones import mask_phone

DAY = 86400.0
_STAFF_HOUSING = {"factory_dorm", "university_dorm", "barracks", "hospital"}


@dataclass
class Finding:
    code: str
    weight: float
    members: list[int]
    coordination: bool
    key_kind: str
    key: str
    zh: str
    en: str


def groups(values: Sequence[str | None]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(values):
        if v:
            out[v].append(i)
    return out


def multi_groups(values: Sequence[Iterable[str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, vs in enumerate(values):
        for v in vs:
            out[v].append(i)
    return out


@dataclass
class Context:
    f: Features
    cfg: dict = field(default_factory=thresholds)
    _groups: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def units(self, members: Iterable[int]) -> int:
        return len({self.f.unit[i] for i in members})

    def densest(self, members: list[int], days: float) -> list[int]:
        """The members inside the time window of `days` that holds the most distinct units."""
        if len(members) <= 1:
            return members
        ts, unit = self.f.ts, self.f.unit
        order = sorted(members, key=ts.__getitem__)
        best: list[int] = []
        best_units = 0
        lo = 0
        counts: Counter[int] = Counter()
        for hi, i in enumerate(order):
            counts[unit[i]] += 1
            while ts[i] - ts[order[lo]] > days * DAY:
                j = order[lo]
                counts[unit[j]] -= 1
                if counts[unit[j]] == 0:
                    del counts[unit[j]]
                lo += 1
            if len(counts) > best_units:
                best_units = len(counts)
                best = order[lo : hi + 1]
        return best

    @cached_property
    def window(self) -> float:
        return float(self.cfg["window_days"])

    @cached_property
    def employer_stats(self) -> dict[str, tuple[int, float, float, int]]:
        """employer -> (applications, first seen, last seen, distinct units)."""
        out: dict[str, tuple[int, float, float, int]] = {}
        for emp, members in self.groups_of("employer").items():
            ts = [self.f.ts[i] for i in members]
            out[emp] = (len(members), min(ts), max(ts), self.units(members))
        return out

    def established(self, employer: str | None) -> bool:
        """A real employer: on the large-employer list, or seen often over a long span."""
        if not employer:
            return False
        s = self.cfg["shell_employer"]
        n, first, last, _ = self.employer_stats.get(employer, (0, 0.0, 0.0, 0))
        span = min(s["established_span_days"] * DAY, 0.5 * self.data_span)
        if (n >= s["established_applicants"] and (last - first) >= span) or n >= s["large_applicants"]:
            return True
        return _is_large(self, employer) or employer in self.institutional_employers

    @cached_property
    def large_employers(self) -> set[str]:
        """Normalised employer names whose written name the large-employer table lists."""
        table = large_employers()
        raw: dict[str, str] = {}
        for i, e in enumerate(self.f.employer):
            if e and e not in raw:
                raw[e] = self.f.apps[i].employer or e
        return {e for e, name in raw.items() if table.is_large(name)}

    def groups_of(self, name: str) -> dict[str, list[int]]:
        """Applications grouped by one feature column (cached: several detectors ask)."""
        hit = self._groups.get(name)
        if hit is None:
            f = self.f
            column: Sequence[str | None]
            if name in ("device_id", "ip"):
                column = [getattr(a, name) for a in f.apps]
            else:
                column = getattr(f, name)
            hit = self._groups[name] = groups(column)
        return hit

    @cached_property
    def institutional_employers(self) -> set[str]:
        """Employers most of whose applicants live in a known staff dormitory or work at a known
        institution (a factory with its dormitory, a hospital, a university): real employers."""
        f = self.f
        out: set[str] = set()
        for emp, members in self.groups_of("employer").items():
            known = sum(
                1
                for i in members
                if f.home_category[i] in _STAFF_HOUSING or f.work_category[i] in _STAFF_HOUSING
            )
            if len(members) >= 3 and known * 2 > len(members):
                out.add(emp)
        return out

    def collective(self, members: list[int]) -> bool:
        """Members who are one real community: most live at one known collective place and
        work for at most one employer (or only real ones), or all work for one real employer.
        A packager's clients at a factory dormitory still claim the packager's employers."""
        f = self.f
        emps = {f.employer[i] for i in members if f.employer[i]}
        real = all(self.established(e) for e in emps)
        if len(emps) == 1 and real:
            return True
        cat, n = Counter(f.home_category[i] for i in members).most_common(1)[0]
        return cat is not None and n * 5 >= len(members) * 4 and (len(emps) <= 1 or real)

    @cached_property
    def data_span(self) -> float:
        return (max(self.f.ts) - min(self.f.ts)) if self.f.ts else 0.0


def claim_chance(n: int, k: int, share: float) -> float:
    """Bound on the chance that k of n units claim a value a share of the book claims:
    C(n, k) * share^k, in logs so a group of hundreds does not overflow. (Before, groups of 200
    or more used share^(k - 1), which forgets n: 15 of 425 claiming a 3 % income read as 1e-21
    when 13 are expected.)"""
    if k <= 0 or share >= 1.0:
        return 1.0
    if share <= 0.0:
        return 0.0
    logp = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * log(share)
    return 1.0 if logp >= 0 else exp(logp)


def _is_large(ctx: Context, employer: str) -> bool:
    return employer in ctx.large_employers


def _window_units(ctx: Context, keyed: dict[str, list[int]], days: float) -> dict[str, list[int]]:
    return {k: ctx.densest(m, days) for k, m in keyed.items() if len(m) > 1}


class DormitoryDetector:
    """Many unrelated applicants living in one room (or building) within the window."""

    code = "dormitory_room"

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg["dormitory"]
        out: list[Finding] = []
        f = ctx.f
        for level, column, weight, min_units in (
            ("room", "home_room", cfg["weight_room"], cfg["min_units"]),
            ("building", "home_building", cfg["weight_building"], cfg["building_min_units"]),
        ):
            keyed = ctx.groups_of(column)
            dense = _window_units(ctx, keyed, ctx.window)
            bg = Background.from_counts(
                level, [ctx.units(m) for m in dense.values()] + [1] * (len(keyed) - len(dense))
            )
            sized = [(key, m, ctx.units(m)) for key, m in dense.items()]
            tested = [(key, m, u, bg.chance(u)) for key, m, u in sized if u >= min_units]
            # the tests are the keys large enough to be found (a smaller one can never be: Tarone)
            cut = bh_threshold([t[3] for t in tested], ctx.cfg["alpha"])
            for key, members, units, p in tested:
                if p > cut:
                    continue
                cats = Counter(f.home_category[i] for i in members)
                cat, _ = cats.most_common(1)[0]
                if cat is not None:
                    continue  # a known collective address: living together is expected there
                code = "dormitory_room" if level == "room" else "dormitory_building"
                where_zh = "同一房间" if level == "room" else "同一楼栋"
                where_en = "one room" if level == "room" else "one building"
                out.append(
                    Finding(
                        code,
                        weight,
                        members,
                        False,
                        f"home_{level}",
                        key,
                        f"{where_zh}居住 {units} 户互无亲属关系的申请人（{int(ctx.window)} 天内；随机出现概率 {p:.1e}）",
                        f"{units} unrelated households applied from {where_en} within {int(ctx.window)} days "
                        f"(chance {p:.1e})",
                    )
                )
        return out


class FakeOfficeDetector:
    """Many different "employers" at one office room: a fake office (虚假办公点)."""

    code = "office_many_employers"

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg["office_many_employers"]
        f = ctx.f
        out: list[Finding] = []
        for key, members in ctx.groups_of("work_room").items():
            emps = {f.employer[i] for i in members if f.employer[i]}
            if len(emps) < cfg["min_employers"]:
                continue
            if Counter(f.work_category[i] for i in members).most_common(1)[0][0] == "coworking":
                continue
            # established employers at this address are real tenants; count the others
            real = {e for e in emps if ctx.established(e)}
            others = emps - real
            if len(others) < cfg["min_employers"]:
                continue
            sel = [i for i in members if f.employer[i] in others]
            out.append(
                Finding(
                    self.code,
                    cfg["weight"],
                    sel,
                    True,
                    "work_address",
                    key,
                    f"同一办公地址登记了 {len(others)} 家不同的工作单位",
                    f"{len(others)} different employers give one office address",
                )
            )
        return out


class SharedEmployerPhoneDetector:
    """One employer phone given for several different employers."""

    code = "employer_phone_shared"

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg["employer_phone_shared"]
        f = ctx.f
        out: list[Finding] = []
        for phone, members in ctx.groups_of("employer_phone").items():
            emps = {f.employer[i] for i in members if f.employer[i]}
            if len(emps) < cfg["min_employers"]:
                continue
            if all(ctx.established(e) for e in emps):
                continue  # one group's subsidiaries sharing a switchboard
            coworking = all(f.work_category[i] == "coworking" for i in members)
            weight = cfg["weight_coworking"] if coworking else cfg["weight"]
            out.append(
                Finding(
                    self.code,
                    weight,
                    members,
                    not coworking,
                    "employer_phone",
                    phone,
                    f"单位电话 {mask_phone(phone)} 被 {len(emps)} 家不同单位共用",
                    f"employer phone {mask_phone(phone)} is given for {len(emps)} different employers",
                )
            )
        return out


class ShellEmployerDetector:
    """An employer seen only in a short recent burst of applications (空壳公司)."""

    code = "shell_employer"

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg["shell_employer"]
        f = ctx.f
        out: list[Finding] = []
        stats = ctx.employer_stats
        spans = [last - first for n, first, last, _ in stats.values() if n >= cfg["min_applicants"]]
        short = sum(1 for s in spans if s <= cfg["max_span_days"] * DAY)
        rate = short / len(spans) if spans else 0.0
        for emp, members in ctx.groups_of("employer").items():
            n, first, last, units = stats[emp]
            if units < cfg["min_applicants"] or last - first > cfg["max_span_days"] * DAY:
                continue
            if ctx.established(emp):
                continue
            # A new real employer's payroll-loan day looks the same, so the burst alone is not
            # coordination; strangers who also share one home building (outside any known staff
            # housing) all "working" for it is: their employment was written for them.
            housed = Counter(f.home_building[i] for i in members if f.home_building[i])
            together = (
                bool(housed)
                and ctx.units([i for i in members if f.home_building[i] == housed.most_common(1)[0][0]])
                >= cfg["min_applicants"]
            )
            together = together and not ctx.collective(members)
            days = max(1, round((last - first) / DAY))
            name = f.apps[members[0]].employer
            out.append(
                Finding(
                    self.code,
                    cfg["weight_together"] if together else cfg["weight"],
                    members,
                    together,
                    "employer",
                    emp,
                    f"单位“{name}”仅在 {days} 天内集中出现于 {units} 名申请人"
                    + ("，且他们同住一栋楼" if together else "")
                    + f"（同等规模单位中此类集中的占 {rate:.0%}）",
                    f"employer '{name}' appears only within {days} days for {units} applicants"
                    + (", who also live in one building" if together else "")
                    + f" ({rate:.0%} of employers of that size are this concentrated)",
                )
            )
        return out


class _SharedKeyDetector:
    """Applicants from different households sharing one identifier."""

    code = ""
    key_kind = ""
    coordination = True
    zh = ""
    en = ""

    def values(self, ctx: Context) -> dict[str, list[int]]:
        raise NotImplementedError

    def show(self, key: str) -> str:
        return key

    def weight_for(self, cfg: dict, units: int) -> float:
        return float(cfg["weight"])

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg[self.code]
        days = float(cfg.get("window_days", ctx.window))
        out: list[Finding] = []
        keyed = self.values(ctx)
        dense = _window_units(ctx, keyed, days)
        bg = Background.from_counts(
            self.key_kind, [ctx.units(m) for m in dense.values()] + [1] * (len(keyed) - len(dense))
        )
        sized = [(key, m, ctx.units(m)) for key, m in dense.items()]
        tested = [
            (key, m, u, bg.chance(u))
            for key, m, u in sized
            if u >= cfg.get("min_units", 2) and len(m) <= cfg.get("max_group", 10**9)
        ]
        # the tests are the keys large enough to be judged (a smaller one can never be found)
        cut = bh_threshold([t[3] for t in tested], ctx.cfg["alpha"])
        for key, members, units, p in tested:
            if p > cut:
                continue
            # a counsellor or foreman named by a dormitory's residents, a factory's Wi-Fi:
            # evidence, but not of an organiser
            collective = self.coordination and ctx.collective(members)
            out.append(
                Finding(
                    self.code,
                    min(self.weight_for(cfg, units), 0.15) if collective else self.weight_for(cfg, units),
                    members,
                    self.coordination and not collective,
                    self.key_kind,
                    key,
                    self.zh.format(v=self.show(key), n=units, p=p),
                    self.en.format(v=self.show(key), n=units, p=p),
                )
            )
        return out


class SharedDeviceDetector(_SharedKeyDetector):
    code = "shared_device"
    key_kind = "device"
    zh = "设备 {v} 被 {n} 户互无关系的申请人使用（随机概率 {p:.1e}）"
    en = "device {v} used by {n} unrelated applicants (chance {p:.1e})"

    def values(self, ctx: Context) -> dict[str, list[int]]:
        return ctx.groups_of("device_id")

    def show(self, key: str) -> str:
        return key[:4] + "***" if len(key) > 6 else key

    def weight_for(self, cfg: dict, units: int) -> float:
        return float(cfg["weight_two"] if units == 2 else cfg["weight_more"])


class SharedIPDetector(_SharedKeyDetector):
    code = "shared_ip"
    key_kind = "ip"
    coordination = False
    zh = "IP {v} 在数日内被 {n} 户互无关系的申请人使用"
    en = "IP {v} used by {n} unrelated applicants within days"

    def values(self, ctx: Context) -> dict[str, list[int]]:
        return ctx.groups_of("ip")


class SharedContactDetector(_SharedKeyDetector):
    code = "shared_contact"
    key_kind = "contact"
    zh = "联系人电话 {v} 同时出现在 {n} 户互无关系的申请人资料中（随机概率 {p:.1e}）"
    en = "contact phone {v} is listed by {n} unrelated applicants (chance {p:.1e})"

    def values(self, ctx: Context) -> dict[str, list[int]]:
        f = ctx.f
        keyed = multi_groups(f.contacts)
        # an HR or switchboard number of the applicants' own employer is not a coordinator's phone
        emp_phones = {p for p in f.employer_phone if p}
        return {k: m for k, m in keyed.items() if k not in emp_phones}

    def show(self, key: str) -> str:
        return mask_phone(key)


class SharedReferrerDetector(_SharedKeyDetector):
    code = "shared_referrer"
    key_kind = "referrer"
    coordination = False
    zh = "推荐人 {v} 在窗口期内推荐了 {n} 户申请人"
    en = "referrer {v} referred {n} applicants within the window"

    def values(self, ctx: Context) -> dict[str, list[int]]:
        return ctx.groups_of("referrer")

    def show(self, key: str) -> str:
        return mask_phone(key) if key.isdigit() else key


class IdenticalClaimsDetector:
    """Packaging (中介包装): applicants tied by a referrer, IP, address or employer who claim the
    same income, where equal incomes are rare in the lender's own data."""

    code = "identical_claims"

    def find(self, ctx: Context) -> list[Finding]:
        cfg = ctx.cfg["identical_claims"]
        f = ctx.f
        incomes = [a.income for a in f.apps]
        freq = Counter(x for x in incomes if x)
        total = sum(freq.values()) or 1
        out: list[Finding] = []
        seen: set[tuple[int, ...]] = set()
        tested: list[tuple[str, str, float, list[int], int, float, float]] = []
        link_sets: list[tuple[str, dict[str, list[int]]]] = [
            ("referrer", ctx.groups_of("referrer")),
            ("ip", ctx.groups_of("ip")),
            ("home_building", ctx.groups_of("home_building")),
            ("work_address", ctx.groups_of("work_room")),
            ("employer", ctx.groups_of("employer")),
        ]
        for kind, keyed in link_sets:
            for key, members in keyed.items():
                if len(members) < cfg["min_units"] or len(members) > 500:
                    continue
                by_income: dict[float, list[int]] = defaultdict(list)
                for i in members:
                    inc = incomes[i]
                    if inc:
                        by_income[inc].append(i)
                for income, same in by_income.items():
                    same = ctx.densest(same, ctx.window)
                    units = ctx.units(same)
                    if units < cfg["min_units"]:
                        continue
                    emps = {f.employer[i] for i in same}
                    if len(emps) == 1 and ctx.established(next(iter(emps))):
                        continue  # a real employer's pay band
                    if ctx.collective(same):
                        continue  # students or workers of one dormitory claiming the usual figure
                    share = freq[income] / total
                    # chance that `units` of the group's members all claim this value
                    n = ctx.units(members)
                    p = claim_chance(n, units, share)
                    tested.append((kind, key, income, same, units, share, p))
        # every (link, income) pair above was a test: Benjamini-Hochberg over all of them
        # pairs with fewer than min_units claimants can never be found and are not tests (Tarone)
        cut = bh_threshold([t[6] for t in tested], ctx.cfg["alpha"])
        for kind, key, income, same, units, share, p in tested:
            if p > cut:
                continue
            emps = {f.employer[i] for i in same}
            sig = tuple(sorted(same))
            if sig in seen:
                continue
            seen.add(sig)
            same_emp = len(emps) == 1
            # an established employer's pay band was skipped above: what is left is one
            # figure written for a group under a little-known employer or across several
            weight = cfg["weight"]
            zh_emp = "且工作单位相同" if same_emp else f"工作单位 {len(emps)} 家"
            en_emp = "and the same employer" if same_emp else f"across {len(emps)} employers"
            out.append(
                Finding(
                    self.code,
                    weight,
                    same,
                    True,
                    f"claims_{kind}",
                    f"{key}|{income:g}",
                    f"{units} 户申请人（经{_KIND_ZH[kind]}关联）申报完全相同的月收入 {income:g} 元{zh_emp}"
                    f"（该金额占全部申请 {share:.1%}，随机概率 {p:.1e}）",
                    f"{units} applicants tied by {kind.replace('_', ' ')} claim the same income {income:g} "
                    f"{en_emp} (that value is {share:.1%} of all applications; chance {p:.1e})",
                )
            )
        return out


_KIND_ZH = {
    "referrer": "推荐人",
    "ip": "IP",
    "home_building": "居住楼栋",
    "work_address": "办公地址",
    "employer": "工作单位",
}

DETECTORS: list[Callable[[], object]] = [
    DormitoryDetector,
    FakeOfficeDetector,
    SharedEmployerPhoneDetector,
    ShellEmployerDetector,
    SharedDeviceDetector,
    SharedIPDetector,
    SharedContactDetector,
    SharedReferrerDetector,
    IdenticalClaimsDetector,
]

# code -> (Chinese, English, coordination?) for docs and the output legend
CODES: dict[str, tuple[str, str, bool]] = {
    "dormitory_room": ("同一房间多户无关系申请人", "many unrelated applicants in one room", False),
    "dormitory_building": ("同一楼栋多户无关系申请人", "many unrelated applicants in one building", False),
    "office_many_employers": ("一个办公地址多家单位", "many employers at one office address", True),
    "employer_phone_shared": ("单位电话跨单位共用", "employer phone shared across employers", True),
    "shell_employer": ("仅近期集中出现的单位", "employer seen only in a recent burst", True),
    "shared_device": ("设备共用", "device shared by unrelated applicants", True),
    "shared_ip": ("IP 共用", "IP shared by unrelated applicants", False),
    "shared_contact": ("联系人电话共用", "contact phone shared by unrelated applicants", True),
    "shared_referrer": ("推荐人集中", "one referrer for many applicants", False),
    "identical_claims": ("收入与单位申报雷同", "identical income and employer claims", True),
}
