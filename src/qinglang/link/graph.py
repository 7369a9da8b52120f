"""Entity graph and campaign communities.

Vertices are complaints plus the things that can tie complaints of different customers
together: shared contacts quoted in the text (agent phones, WeChat/QQ handles, lawyers, firms),
a complainant phone speaking for several customers, shared devices, and template groups.
Campaigns are the communities of this graph (igraph Leiden on modularity, which splits chains
that a plain connected-component pass would merge).

IP /24 blocks are deliberately not edges: carrier NAT puts unrelated borrowers in one block, so a
block is evidence inside a campaign, never the reason two complaints are called one campaign.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import igraph as ig
import numpy as np

from qinglang.link.records import RecordFeatures

# Edge weight per indicator kind: how strongly sharing it says "same organiser".
LINK_WEIGHTS: dict[str, float] = {
    "agent_phone": 1.0,
    "wechat": 1.0,
    "qq": 1.0,
    "domain": 0.8,
    "email": 1.0,
    "lawyer_licence": 1.0,
    "licence_uscc": 1.0,
    "law_firm": 0.9,
    "company": 0.9,
    "complainant_phone": 1.0,
    "device": 0.8,
    "template": 1.0,
}


@dataclass
class IndicatorIndex:
    """(kind, value) -> record positions, restricted to values shared by >= 2 distinct customers."""

    members: dict[tuple[str, str], list[int]]
    customers: dict[tuple[str, str], int]
    common: set[tuple[str, str]]  # shared so widely they say nothing (dropped from the graph)


def build_indicator_index(
    feats: Sequence[RecordFeatures], common_share: float = 0.05, common_floor: int = 200
) -> IndicatorIndex:
    """Explode indicators, group by value, keep the ones shared across customers.

    A value quoted by more than `common_share` of all complaints (and at least `common_floor`)
    is a public number or a platform name, not an organiser's; it is kept out of the graph.
    """
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.indicators:
            by_value[key].append(i)
    cap = max(common_floor, int(common_share * len(feats)))
    members: dict[tuple[str, str], list[int]] = {}
    customers: dict[tuple[str, str], int] = {}
    common: set[tuple[str, str]] = set()
    for key, idxs in by_value.items():
        n_cust = len({feats[i].customer_key for i in idxs})
        if n_cust < 2:
            continue
        if len(idxs) > cap:
            common.add(key)
            continue
        members[key] = idxs
        customers[key] = n_cust
    return IndicatorIndex(members=members, customers=customers, common=common)


@dataclass
class EntityGraph:
    graph: ig.Graph
    n_records: int
    vertex_keys: list[tuple[str, str]]  # for vertex n_records + j


def build_graph(
    n_records: int, index: IndicatorIndex, template_labels: np.ndarray, template_customers: dict[int, int]
) -> EntityGraph:
    """Bipartite graph: record vertices 0..n-1, then one vertex per shared indicator / template."""
    keys: list[tuple[str, str]] = []
    edges: list[tuple[int, int]] = []
    weights: list[float] = []
    for key, idxs in index.members.items():
        v = n_records + len(keys)
        keys.append(key)
        w = LINK_WEIGHTS.get(key[0], 0.5)
        for i in idxs:
            edges.append((i, v))
            weights.append(w)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(template_labels.tolist()):
        if lab >= 0:
            groups[lab].append(i)
    for lab, idxs in groups.items():
        if template_customers.get(lab, 0) < 2:
            continue  # one customer's own repeats: not a link between customers
        v = n_records + len(keys)
        keys.append(("template", str(lab)))
        for i in idxs:
            edges.append((i, v))
            weights.append(LINK_WEIGHTS["template"])
    g = ig.Graph(n=n_records + len(keys), edges=edges, directed=False)
    g.es["weight"] = weights
    return EntityGraph(graph=g, n_records=n_records, vertex_keys=keys)


def communities(eg: EntityGraph, seed: int = 7, resolution: float = 1.0) -> np.ndarray:
    """Community label per record vertex; records with no shared link get -1."""
    g = eg.graph
    labels = np.full(eg.n_records, -1, dtype=np.int64)
    if g.ecount() == 0:
        return labels
    import random

    random.seed(seed)
    ig.set_random_number_generator(random)
    comps = g.connected_components()
    next_label = 0
    for comp in comps:
        records = [v for v in comp if v < eg.n_records]
        if len(records) < 2:
            continue
        if len(comp) <= 60:
            for v in records:
                labels[v] = next_label
            next_label += 1
            continue
        sub = g.induced_subgraph(comp)
        part = sub.community_leiden(
            objective="modularity", weights="weight", resolution=resolution, n_iterations=-1
        )
        for local, comm in enumerate(part.membership):
            v = comp[local]
            if v < eg.n_records:
                labels[v] = next_label + comm
        next_label += max(part.membership) + 1
    # Renumber densely and drop communities of a single record.
    out = np.full(eg.n_records, -1, dtype=np.int64)
    uniq, counts = np.unique(labels[labels >= 0], return_counts=True)
    keep = {int(u) for u, c in zip(uniq, counts, strict=True) if c >= 2}
    remap = {u: k for k, u in enumerate(sorted(keep))}
    for i, lab in enumerate(labels.tolist()):
        if lab in remap:
            out[i] = remap[lab]
    return out
