"""Compose genuine complaint texts from small fragments, never repeating a whole sentence.

WHY: campaign detection looks for shared templates. Genuine complaints about the same problem
(especially a real incident burst) must read like different people wrote them, so the composer
varies lead-ins, tails, order, length and punctuation, fills customer-specific details, and keeps
a set of sentences already used so that no two complaints share a sentence by accident.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from qinglang.synth import lexicon as lx
from qinglang.synth.rand import pick

_KEY_STRIP = re.compile(r"[，,；;：:、\s\-]")
_QUESTION = ("吗", "行不行", "凭什么", "怎么回事", "为什么", "什么钱")
_DATE_FORMS = (
    "{m}月{d}日",
    "{m}月{d}号",
    "{m}.{d}",
    "{d}号",
    "{y}-{m:02d}-{d:02d}",
    "{y}年{m}月{d}日",
    "{m}/{d}",
)


def fmt_date(rng: random.Random, d: date) -> str:
    return pick(rng, _DATE_FORMS).format(y=d.year, m=d.month, d=d.day)


def fmt_amount(rng: random.Random, value: float) -> str:
    r = rng.random()
    if r < 0.45:
        return f"{value:.2f}"
    if r < 0.6:
        return f"{value:,.2f}"
    if r < 0.9:
        return f"{round(value)}"
    return f"{round(value)}块"


class Context(dict):
    """Customer-specific details a complaint can mention, drawn lazily when a template uses a slot.

    WHY lazy: a complaint uses three or four of the slots; drawing all of them for a million
    complaints was a third of the generation time. The draw order still depends only on the
    seed and the templates chosen, so output stays deterministic.
    """

    def __init__(self, rng: random.Random, received: date, principal: float, collector_phone: str):
        super().__init__()
        self.rng, self.received, self.principal, self.collector_phone = (
            rng,
            received,
            principal,
            collector_phone,
        )

    @classmethod
    def make(cls, rng: random.Random, received: date, principal: float, collector_phone: str) -> Context:
        return cls(rng, received, principal, collector_phone)

    def _inst(self) -> float:
        if "_inst" not in self:
            self["_inst"] = max(
                50.0, self.principal / pick(self.rng, (3, 6, 6, 9, 12, 12, 24)) * self.rng.uniform(1.02, 1.2)
            )
        return self["_inst"]

    def _d1(self) -> date:
        if "_d1" not in self:
            self["_d1"] = self.received - timedelta(days=pick(self.rng, (0, 1, 1, 2, 3, 5, 8, 14)))
        return self["_d1"]

    def __missing__(self, key: str) -> str:
        rng = self.rng
        if key == "amt":
            v = fmt_amount(rng, self._inst())
        elif key == "amt2":
            v = fmt_amount(rng, self._inst() * rng.uniform(1.6, 2.4))
        elif key == "date":
            v = fmt_date(rng, self._d1())
        elif key == "date2":
            v = fmt_date(rng, self._d1() - timedelta(days=rng.randrange(1, 40)))
        elif key == "card":
            v = f"{rng.randrange(10000):04d}"
        elif key == "bank":
            v = pick(rng, lx.BANKS)
        elif key == "order":
            v = _order_no(rng, self._d1())
        elif key == "n":
            v = str(pick(rng, (2, 3, 3, 4, 5, 6, 8, 10, 20)))
        elif key == "app":
            v = pick(rng, lx.APP_NAMES)
        elif key == "hotline":
            v = pick(rng, lx.HOTLINE_FORMS)
        elif key == "rate":
            v = str(pick(rng, (26, 28, 30, 32, 35.8, 36, 38, 42, 48, 54, 60, 72)))
        elif key == "fee":
            v = fmt_amount(rng, rng.uniform(19, 900))
        elif key == "term":
            v = str(pick(rng, (6, 12, 12, 18, 24, 36)))
        elif key == "who":
            v = pick(rng, lx.RELATIVES)
        elif key == "cphone":
            v = self.collector_phone
        elif key == "days":
            v = str(rng.randrange(2, 45))
        elif key == "limit":
            v = str(pick(rng, (5000, 8000, 10000, 20000, 30000, 50000)))
        elif key == "limit2":
            v = str(pick(rng, (0, 500, 1000, 1500, 2000, 3000)))
        else:
            raise KeyError(key)
        self[key] = v
        return v


def _order_no(rng: random.Random, d: date) -> str:
    form = rng.random()
    if form < 0.5:
        return f"{d:%Y%m%d}{rng.randrange(10**8):08d}"
    if form < 0.8:
        return f"YH{rng.randrange(10**12):012d}"
    return f"{rng.randrange(10**15):015d}"


@dataclass
class Composer:
    """Stateful composer: `seen` holds hashes of every sentence already used by genuine texts."""

    rng: random.Random
    seen: set[int] = field(default_factory=set)

    def _fresh(self, make) -> str:
        """Draw sentences until one is new (a few tries), then make it unique with a detail.

        "New" ignores commas, colons, spaces and dashes: a sentence that differs only in how a
        phone number is spaced is still the same sentence.
        """
        s = make().replace("块元", "元")
        key = hash(_KEY_STRIP.sub("", s))
        for _ in range(4):
            if key not in self.seen:
                break
            s = make().replace("块元", "元")
            key = hash(_KEY_STRIP.sub("", s))
        else:
            if key in self.seen:
                s = f"{s}（{pick(self.rng, ('单号', '订单号', '编号', '流水号'))}{self.rng.randrange(10**9, 10**10)}）"
                key = hash(_KEY_STRIP.sub("", s))
        self.seen.add(key)
        return s

    def _clause(self, pool: tuple[str, ...], ctx: Context, lead: bool = True) -> str:
        """lead=False marks a demand: no lead-in, and only tails that suit a request."""
        rng = self.rng
        core = vary(rng, pick(rng, pool))
        if rng.random() < 0.12:
            a, b = pick(rng, lx.TYPOS)
            core = core.replace(a, b, 1)
        text = core.format_map(ctx)
        if lead:
            return pick(rng, lx.LEADS) + tail(rng, text)
        return text + pick(rng, lx.DEMAND_TAILS)

    def sentence(self, pool: tuple[str, ...], ctx: Context, lead: bool = True) -> str:
        return self._fresh(lambda: self._clause(pool, ctx, lead))

    def compose(
        self,
        topic: dict[str, tuple[str, ...]],
        ctx: Context,
        *,
        angry: float = 0.25,
        threat: float = 0.2,
        extra: list[str] | None = None,
    ) -> str:
        """One complaint: lengths from a single line to several paragraphs."""
        rng = self.rng
        size = rng.choices((0, 1, 2, 3), weights=(18, 40, 30, 12))[0]
        is_angry = rng.random() < angry
        parts: list[str] = [self.sentence(topic["events"], ctx)]
        if size == 3:  # a long complaint tells the background first
            for bg in rng.sample(lx.BACKGROUND, rng.randint(1, 2)):
                parts.insert(
                    0,
                    self._fresh(lambda bg=bg: pick(rng, lx.LEADS) + tail(rng, vary(rng, bg).format_map(ctx))),
                )
        if size >= 2:
            n_det = rng.randint(1, 2) if size == 2 else rng.randint(3, 5)
            for det in rng.sample(topic["details"], min(n_det, len(topic["details"]))):
                parts.append(
                    self._fresh(
                        lambda det=det: pick(rng, lx.LEADS) + tail(rng, vary(rng, det).format_map(ctx))
                    )
                )
        if size >= 1:
            parts.append(self.sentence(topic["demands"], ctx, lead=False))
            if size == 3 and rng.random() < 0.5:
                parts.append(self.sentence(topic["demands"], ctx, lead=False))
        if extra:
            pos = rng.randint(1, len(parts))
            for e in extra:
                parts.insert(pos, e)
        if rng.random() < threat or (is_angry and rng.random() < 0.4):
            parts.append(self._fresh(lambda: tail(rng, pick(rng, lx.THREATS))))
        if size >= 2 and rng.random() < 0.3:
            rng.shuffle(parts_mid := parts[1:-1])
            parts = [parts[0], *parts_mid, parts[-1]] if len(parts) > 2 else parts
        return self._join(parts, size, is_angry)

    def _join(self, parts: list[str], size: int, angry: bool) -> str:
        rng = self.rng
        out: list[str] = []
        opener = pick(rng, lx.OPENERS)
        for i, p in enumerate(parts):
            if p.endswith(_QUESTION):
                end = pick(rng, ("？", "？", "？？", "?"))
            elif angry and rng.random() < 0.6:
                end = pick(rng, lx.ANGER)
            else:
                end = pick(rng, ("。", "。", "。", "！"))
            out.append(p + end)
            if size == 3 and i in (0, len(parts) // 2) and rng.random() < 0.6:
                out.append("\n")
        closer = pick(rng, lx.CLOSERS) if size >= 1 else ""
        if not closer and not angry and rng.random() < 0.3:
            out[-1] = out[-1].rstrip("。")
        text = opener + "".join(out) + closer
        return text.replace("\n\n", "\n").replace("块元", "元").strip()


_SYN_RE = re.compile("|".join(sorted(map(re.escape, lx.SYNONYMS), key=len, reverse=True)))


def vary(rng: random.Random, template: str, p: float = 0.45) -> str:
    """Swap words for synonyms (before slots are filled, so numbers are never touched)."""

    def sub(m: re.Match[str]) -> str:
        return pick(rng, lx.SYNONYMS[m.group(0)]) if rng.random() < p else m.group(0)

    return _SYN_RE.sub(sub, template)


def tail(rng: random.Random, text: str) -> str:
    """Append a spoken tail ("啊", "，凭什么"...), never doubling a final 了/的."""
    t = pick(rng, lx.TAILS)
    if t and text.endswith(t):
        t = ""
    return text + t


def split_sentences(text: str) -> list[str]:
    """Sentences as the uniqueness rule sees them: split on 。！？ and newlines."""
    return [s.strip() for s in re.split(r"[。！？!?\n]+", text) if s.strip()]
