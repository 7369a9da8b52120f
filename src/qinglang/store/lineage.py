"""Which campaign of the previous scan each campaign of a new scan continues.

Why: cluster ids are ranks within one run (C00001 is "the highest score this time"), so after a
rescan an analyst cannot tell which campaign is the one they confirmed last week, what it gained,
or whether it split. Each new cluster is matched to the previous run's clusters by the complaints
they share; the match is recorded with what changed (issue 12, item 1). A pure function over
plain sets, so the store and any engine run the same rule.

Rule (documented in docs/workbench.md): a new cluster N *touches* a previous cluster P when they
share at least half of the smaller one's complaints. Each P is continued by the N that shares the
most of its complaints; another N touching P is a *split* from it. An N continuing two or more
Ps is a *merge*; continuing one, *continued*; touching none, *new*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

MIN_SHARED = 0.5  # of the smaller cluster's complaints


@dataclass(frozen=True)
class ClusterView:
    cluster_id: str
    complaints: frozenset[str]
    indicators: frozenset[tuple[str, str]] = frozenset()


@dataclass
class Lineage:
    cluster_id: str
    relation: str  # new | continued | split | merged
    previous: list[str] = field(default_factory=list)  # previous cluster ids it continues or split from
    shared: int = 0
    added: int = 0
    removed: int = 0
    new_indicators: list[tuple[str, str]] = field(default_factory=list)


def _touches(a: ClusterView, b: ClusterView) -> int:
    shared = len(a.complaints & b.complaints)
    small = min(len(a.complaints), len(b.complaints))
    return shared if small and shared >= MIN_SHARED * small else 0


def link(previous: Sequence[ClusterView], new: Sequence[ClusterView]) -> dict[str, Lineage]:
    """cluster id of `new` -> its lineage against `previous`."""
    touching: dict[str, dict[str, int]] = {n.cluster_id: {} for n in new}
    for p in previous:
        for n in new:
            if shared := _touches(n, p):
                touching[n.cluster_id][p.cluster_id] = shared
    continued_by: dict[str, str] = {}
    for p in previous:
        best = max(
            ((shared[p.cluster_id], n) for n, shared in touching.items() if p.cluster_id in shared),
            default=None,
        )
        if best is not None:
            continued_by[p.cluster_id] = best[1]
    by_id: Mapping[str, ClusterView] = {p.cluster_id: p for p in previous}
    out: dict[str, Lineage] = {}
    for n in new:
        mine = sorted(p for p, by in continued_by.items() if by == n.cluster_id)
        touched = sorted(touching[n.cluster_id])
        if len(mine) >= 2:
            relation, prev = "merged", mine
        elif len(mine) == 1:
            relation, prev = "continued", mine
        elif touched:
            relation, prev = "split", touched
        else:
            relation, prev = "new", []
        before = frozenset().union(*(by_id[p].complaints for p in prev)) if prev else frozenset()
        known = frozenset().union(*(by_id[p].indicators for p in prev)) if prev else frozenset()
        out[n.cluster_id] = Lineage(
            cluster_id=n.cluster_id,
            relation=relation,
            previous=prev,
            shared=len(n.complaints & before),
            added=len(n.complaints - before),
            removed=len(before - n.complaints) if relation != "split" else 0,
            new_indicators=sorted(n.indicators - known) if prev else [],
        )
    return out


# ---- stable campaign keys -------------------------------------------------------------------
#
# Rule (docs/workbench.md, "Campaign identity"): a cluster that *continues* one previous cluster
# keeps its key; a *merge* keeps the oldest key among those it continues (the lowest number) and
# records the others as absorbed, so verdicts given under any of them still apply; a *split*
# piece and a *new* cluster get the next unused key. Verdicts, notes and cases are stored with
# the key, not with the run's rank (C00001), so they follow the campaign across scans.

KEY_PREFIX = "G"
KEY_DIGITS = 6


def format_key(number: int) -> str:
    return f"{KEY_PREFIX}{number:0{KEY_DIGITS}d}"


def key_number(key: str | None) -> int:
    """The number of a key ("G000042" -> 42); 0 for anything else."""
    if not key or not key.startswith(KEY_PREFIX) or not key[len(KEY_PREFIX) :].isdigit():
        return 0
    return int(key[len(KEY_PREFIX) :])


@dataclass(frozen=True)
class CampaignKey:
    key: str
    absorbed: tuple[str, ...] = ()  # keys of campaigns merged into this one (theirs and their absorbed)


def assign_keys(
    lineages: Mapping[str, Lineage], previous_keys: Mapping[str, CampaignKey], next_number: int
) -> dict[str, CampaignKey]:
    """cluster id of the new run -> its campaign key; `previous_keys` maps the previous run's
    cluster ids to theirs (a previous cluster without a key — a run saved before keys existed —
    gives its successor a new key); new keys are numbered from `next_number` in cluster id order."""
    out: dict[str, CampaignKey] = {}
    number = next_number
    for cluster_id in sorted(lineages):
        lin = lineages[cluster_id]
        before = [previous_keys[p] for p in lin.previous if p in previous_keys]
        if lin.relation in ("continued", "merged") and before:
            keep = min(before, key=lambda k: (key_number(k.key), k.key))
            absorbed = {a for k in before for a in (k.key, *k.absorbed)} - {keep.key}
            out[cluster_id] = CampaignKey(keep.key, tuple(sorted(absorbed, key=key_number)))
        else:
            out[cluster_id] = CampaignKey(format_key(number))
            number += 1
    return out
