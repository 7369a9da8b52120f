"""Entity graph and campaign communities.

Vertices are complaints plus the things that can tie complaints of different customers
together: shared contacts quoted in the text (agent phones, WeChat/QQ handles, lawyers, firms),
a complainant phone speaking for several customers, shared devices, and template groups.
Campaigns are the communities of this graph: igraph's connected components over the identifying
indicators, then templates joining groups under the rule in `communities` (measured: modularity
Leiden split single campaigns into many pieces, see docs/signals.md).

IP /24 blocks are deliberately not edges: carrier NAT puts unrelated borrowers in one block, so a
block is evidence inside a campaign, never the reason two complaints are called one campaign.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import igraph as ig
import numpy as np

from qinglang import indicators
from qinglang.detection_config import CommunityParams, IndexParams
from qinglang.link.records import RecordFeatures
from qinglang.link.rules import (
    group_block,
    group_city,
    loner_may_join,
    office_block_owner,
    takes_part_in_templates,
)


def is_family_share(
    records: Sequence[RecordFeatures], max_customers: int = IndexParams().family_max_customers
) -> bool:
    """A few customers with one surname sharing a phone or a handset: relatives, not an agency."""
    customers = {r.customer_key for r in records}
    if len(customers) > max_customers or any(not r.surname for r in records):
        return False  # without names we cannot tell a family from an agency
    return len({r.surname for r in records}) == 1


@dataclass
class IndicatorIndex:
    """(kind, value) -> record positions, restricted to values shared by >= 2 distinct customers."""

    members: dict[tuple[str, str], list[int]]
    customers: dict[tuple[str, str], int]
    common: set[tuple[str, str]]  # shared so widely they say nothing (dropped from the graph)


def build_indicator_index(
    feats: Sequence[RecordFeatures], params: IndexParams | None = None
) -> IndicatorIndex:
    """Explode indicators, group by value, keep the ones shared across customers.

    A value quoted in the text of more than `common_share` of all complaints (and at least
    `common_floor`) is a public number or a platform name, not an organiser's; it is kept out of
    the graph. A complainant phone or device is never "common": one phone filing for a thousand
    customers is the strongest organiser signal there is.
    """
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.indicators:
            by_value[key].append(i)
    return indicator_index_of(by_value.items(), feats, params)


def indicator_index_of(
    by_value: Iterable[tuple[tuple[str, str], list[int]]],
    feats: Sequence[RecordFeatures],
    params: IndexParams | None = None,
) -> IndicatorIndex:
    """The index from indicator values already grouped (value -> positions, ascending, in the
    order the values first occur): the rules that keep a value. An engine that groups elsewhere
    may pass only the values of two or more customers; the others are dropped here anyway."""
    params = params or IndexParams()
    cap = max(params.common_floor, int(params.common_share * len(feats)))
    members: dict[tuple[str, str], list[int]] = {}
    customers: dict[tuple[str, str], int] = {}
    common: set[tuple[str, str]] = set()
    for key, idxs in by_value:
        n_cust = len({feats[i].customer_key for i in idxs})
        if n_cust < 2:
            continue
        filer_side = key[0] in indicators.KINDS and indicators.KINDS[key[0]].filer_side
        if filer_side and is_family_share([feats[i] for i in idxs], params.family_max_customers):
            continue
        if len(idxs) > cap and not filer_side:
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


def link_key(key: tuple[str, str]) -> tuple[str, str]:
    """One vertex per phone number whatever its role (see qinglang.indicators)."""
    return indicators.link_key(key)


def build_graph(n_records: int, index: IndicatorIndex) -> EntityGraph:
    """Bipartite graph: record vertices 0..n-1, then one vertex per shared identifying indicator.

    Templates are not vertices here: they join organiser groups under the rule in
    `communities`, because a genuine grievance written alike by many customers, or one template
    bought by two agencies, must not glue unrelated complaints into one campaign.
    """
    keys: list[tuple[str, str]] = []
    vertex: dict[tuple[str, str], int] = {}
    edges: list[tuple[int, int]] = []
    for key, idxs in index.members.items():
        if not indicators.links(key[0]):
            continue
        lk = link_key(key)
        if lk not in vertex:
            vertex[lk] = n_records + len(keys)
            keys.append(lk)
        v = vertex[lk]
        edges.extend((i, v) for i in idxs)
    g = ig.Graph(n=n_records + len(keys), edges=edges, directed=False)
    return EntityGraph(graph=g, n_records=n_records, vertex_keys=keys)


def _components(eg: EntityGraph) -> np.ndarray:
    """Connected components of the record vertices (-1 for a record with no link)."""
    labels = np.full(eg.n_records, -1, dtype=np.int64)
    if eg.graph.ecount() == 0:
        return labels
    for k, comp in enumerate(eg.graph.connected_components()):
        records = [v for v in comp if v < eg.n_records]
        if len(records) >= 2:
            labels[records] = k
    return labels


def communities(
    eg: EntityGraph,
    feats: Sequence[RecordFeatures],
    template_labels: np.ndarray,
    linking_templates: set[int],
    batch_templates: frozenset[int] | set[int] = frozenset(),
    template_similarity: np.ndarray | None = None,
    signatures: np.ndarray | None = None,
    alias_groups: Mapping[str, list[int]] | None = None,
    params: CommunityParams | None = None,
) -> np.ndarray:
    """Campaign label per record (-1 = none), in three explainable steps.

    1. Organiser groups: connected components over shared identifying indicators only.
    2. Templates (and agent aliases such as "齐老师": too common a name to be a link by itself) join
       organiser groups only when the groups also share where they work from (the
       same dominant IP /24 block or the same dominant complainant city): two agencies that
       bought the same template stay two campaigns; one agency rotating five agent phones is one.
    3. Complaints tied by nothing but an agency template join the largest organiser group of that
       template when they are a close copy (similarity >= 0.5), make the agency's package of
       demands, or come from the group's city or IP block (a call-centre write-up of a genuine
       hardship call reads like the agency's script but asks for one thing, not the package);
       a template that touches no group forms a template-only campaign. A batch template
       (near-copies filed together, no agency wording) only ever forms a campaign of its own.
    4. A complaint still alone joins a group when its IP /24 block is that group's office: at least
       five of the group's complaints came from it and the group holds most (60 %) of everything
       filed from it. A block never merges groups and never makes one (carrier NAT).
    """
    p = params or CommunityParams()
    labels = _components(eg)
    n = eg.n_records
    uf = {int(x): int(x) for x in np.unique(labels[labels >= 0])}

    def find(x: int) -> int:
        while uf[x] != x:
            uf[x] = uf[uf[x]]
            x = uf[x]
        return x

    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        if lab >= 0:
            members[lab].append(i)
    block = {lab: group_block([feats[i] for i in m], p) for lab, m in members.items()}
    city = {lab: group_city([feats[i] for i in m], p) for lab, m in members.items()}

    groups: dict[tuple[int, int | str], list[int]] = defaultdict(list)
    for i, t in enumerate(template_labels.tolist()):
        if (t in linking_templates or t in batch_templates) and takes_part_in_templates(feats[i]):
            groups[(0, t)].append(i)
    for alias, idxs in sorted((alias_groups or {}).items()):
        groups[(1, alias)] = list(idxs)  # an alias ("齐老师") joins groups under the template rules
    next_label = int(labels.max()) + 1 if n and labels.max() >= 0 else 0
    for (gkind, t), idxs in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        comps = Counter(int(labels[i]) for i in idxs if labels[i] >= 0)
        if gkind == 0 and t in batch_templates and t not in linking_templates:
            if not comps:
                for i in idxs:
                    labels[i] = next_label
                uf[next_label] = next_label
                next_label += 1
            continue
        ranked = [c for c, _ in comps.most_common()]
        for a_pos, a in enumerate(ranked):
            for b in ranked[a_pos + 1 :]:
                same_block = block[a] is not None and block[a] == block[b]
                same_city = city[a] is not None and city[a] == city[b]
                if same_block or same_city:
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        uf[max(ra, rb)] = min(ra, rb)
        if not ranked:
            for i in idxs:
                if labels[i] < 0:
                    labels[i] = next_label
            uf[next_label] = next_label
            next_label += 1
            continue
        comp_members = {c: [i for i in idxs if labels[i] == c][: p.nearest_sample] for c in ranked}
        for i in idxs:
            if labels[i] >= 0:
                continue
            f = feats[i]
            target = _nearest_group(i, ranked, comp_members, f, city, block, signatures)
            sim = float(template_similarity[i]) if template_similarity is not None else 0.0
            if loner_may_join(f, sim, city[target], block[target], p):
                labels[i] = target
    final = np.array([find(int(x)) if x >= 0 else -1 for x in labels.tolist()], dtype=np.int64)
    _attach_by_block(final, feats, p)
    out = np.full(n, -1, dtype=np.int64)
    uniq, counts = np.unique(final[final >= 0], return_counts=True)
    remap = {int(u): k for k, u in enumerate(u for u, c in zip(uniq, counts, strict=True) if c >= 2)}
    for i, lab in enumerate(final.tolist()):
        if lab in remap:
            out[i] = remap[lab]
    return out


def _nearest_group(
    i: int,
    ranked: list[int],
    members: dict[int, list[int]],
    f: RecordFeatures,
    city: dict[int, str | None],
    block: dict[int, str | None],
    signatures: np.ndarray | None,
) -> int:
    """The organiser group a template loner belongs to: its own IP block's or city's group first,
    else the group whose copies of the template it is most similar to, else the largest."""
    for c in ranked:
        if f.ip_block and f.ip_block == block[c]:
            return c
    for c in ranked:
        if f.phone_city and f.phone_city == city[c]:
            return c
    if signatures is None or len(ranked) == 1:
        return ranked[0]
    sims = [float(np.mean(signatures[members[c]] == signatures[i])) if members[c] else 0.0 for c in ranked]
    return ranked[int(np.argmax(sims))]


def _attach_by_block(labels: np.ndarray, feats: Sequence[RecordFeatures], p: CommunityParams) -> None:
    """A complaint still alone joins the group whose office its IP block is (link.rules)."""
    by_block: dict[str, Counter[int | None]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        if f.ip_block:
            lab = int(labels[i])
            by_block[f.ip_block][lab if lab >= 0 else None] += 1
    owner: dict[str, int] = {}
    for blk, counts in by_block.items():
        o = office_block_owner(counts, p)
        if o is not None:
            owner[blk] = int(o)
    for i, f in enumerate(feats):
        if labels[i] < 0 and f.ip_block in owner:
            labels[i] = owner[f.ip_block]
