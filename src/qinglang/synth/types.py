"""The scenario's data: its configuration, a customer of the loan book, a complaint record.

WHY a module of its own: the generator, the parts that cast campaigns and hard negatives, and the
writer all pass these around. Kept below all of them, none of them imports the orchestrator
(scenario.py) that calls them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from qinglang.synth import attachments as att
from qinglang.synth import lexicon as lx
from qinglang.synth.geo import City


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
    style_weights: dict[str, float] = field(
        default_factory=lambda: {
            "legal_consulting": 2.0,
            "stealthy": 1.5,
            "fake_law_firm": 1.0,
            "death_relatives": 0.5,
        }
    )
    topic_weights: dict[str, float] = field(default_factory=lambda: dict(lx.TOPIC_WEIGHTS))

    def resolved(self) -> Config:
        c = Config(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        if c.customers is None:
            c.customers = max(50, int(c.complaints * 0.6))
        if c.posts is None:
            c.posts = max(200, c.complaints // 20)
        if c.campaigns is None:
            c.campaigns = (
                8 if c.complaints >= 3000 else max(4, min(8, int(c.complaints * c.campaign_share) // 40))
            )
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
