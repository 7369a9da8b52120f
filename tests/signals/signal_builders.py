"""Builders of RecordFeatures and cluster contexts for signal tests (no text stage needed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from qinglang.intent.model import IntentResult
from qinglang.link.records import RecordFeatures
from qinglang.signals.base import Baselines, ClusterContext
from qinglang.text.demands import DemandProfile, demand_profile

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=SH)


def rec(
    i: int,
    *,
    customer: str | None = None,
    hours: float = 0.0,
    text: str = "普通投诉",
    city: str | None = None,
    indicators: list[tuple[str, str]] | None = None,
    surname: str | None = None,
    device: str | None = None,
    ip_block: str | None = None,
    overdue: int | None = None,
    due_in: int | None = None,
    licences: list[tuple[str, str]] | None = None,
    lexicon: list[tuple[str, str]] | None = None,
    demands: DemandProfile | None = None,
) -> RecordFeatures:
    at = T0 + timedelta(hours=hours)
    return RecordFeatures(
        complaint_id=f"C{i:05d}",
        customer_key=customer or f"U{i:05d}",
        ts=at.timestamp(),
        received_at=at,
        norm_text=text,
        complainant_phone=None,
        phone_city=city,
        surname=surname,
        device=device,
        ip_block=ip_block,
        indicators=indicators or [],
        demands=demands or demand_profile(text),
        lexicon_terms=lexicon or [],
        licences=licences or [],
        overdue_days=overdue,
        days_to_due=due_in,
    )


def background(n: int = 2000, days: int = 60, seed: int = 1) -> list[RecordFeatures]:
    """A lender's ordinary inbox: spread over time and cities, few overdue, no shared anything."""
    rng = np.random.default_rng(seed)
    cities = [
        "北京市",
        "上海市",
        "广州市",
        "深圳市",
        "成都市",
        "武汉市",
        "杭州市",
        "南京市",
        "重庆市",
        "西安市",
    ]
    out = []
    for i in range(n):
        out.append(
            rec(
                100_000 + i,
                hours=float(rng.uniform(0, days * 24)),
                city=cities[int(rng.integers(0, len(cities)))],
                overdue=int(rng.integers(1, 30)) if rng.random() < 0.1 else 0,
                due_in=int(rng.integers(0, 30)),
                text="扣款有误，请退还多扣的款项",
            )
        )
    return out


def context(
    members: list[RecordFeatures],
    bg: list[RecordFeatures],
    *,
    shared: dict[tuple[str, str], list[int]] | None = None,
    template: list[int] | None = None,
    intents: list[str] | None = None,
) -> ClusterContext:
    """A cluster of `members` over a background inbox; `intents` (one label per member) stands in
    for the intent model's reading."""
    feats = bg + members
    pos = list(range(len(bg), len(feats)))
    base = Baselines.from_records(feats)
    shared_pos: dict[tuple[str, str], list[int]] = {}
    for k, v in (shared or {}).items():
        shared_pos[k] = [len(bg) + j for j in v]
    tg = {0: [len(bg) + j for j in template]} if template else {}
    return ClusterContext(
        members=pos,
        feats=feats,
        baselines=base,
        template_groups=tg,
        template_similarity={0: 0.7} if template else {},
        shared=shared_pos,
        intents={p: IntentResult(lab, 1.0, {lab: 1.0}) for p, lab in zip(pos, intents, strict=True)}
        if intents
        else {},
    )


__all__ = ["rec", "background", "context", "date"]
