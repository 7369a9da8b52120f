"""The batch scan: complaints in, scored complaints and campaigns out.

Stages run in one direction (DESIGN.md): per-record features -> template signatures and groups ->
indicator index -> entity graph and communities -> campaign signals and score -> per-complaint
score. Each stage is a function over plain columns so an engine other than this process
(Spark) can run the same stage code; see docs/engines.md.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np

from qinglang.detection_config import DetectionConfig, TemplateLinkParams
from qinglang.engines import Engine, LocalEngine
from qinglang.intent.model import IntentResult, classify_complaints
from qinglang.link.graph import (
    EntityGraph,
    IndicatorIndex,
    build_graph,
    communities,
)
from qinglang.link.records import CustomerLike, RecordFeatures
from qinglang.link.rules import (
    TIMING_EXCLUDED_INTENTS,
    WAVE_INTENTS,
    group_block,
    in_session,
    membership_strength,
    office_block_owner,
    office_session_match,
    office_sessions,
    pick_timing_campaign,
    represented_match,
    timing_match,
    timing_window,
    wave_session_match,
)
from qinglang.link.table import CHUNK, PARALLEL_MIN, FeatureTable, compute_features  # noqa: F401 (moved)
from qinglang.phones import is_virtual_operator
from qinglang.schema import Cluster, Complaint, Evidence, Reason, ScoredComplaint
from qinglang.score import combine, to_reasons
from qinglang.scored import ScoredTable
from qinglang.signals.base import Baselines, ClusterContext, evidence
from qinglang.signals.campaign import (
    CAMPAIGN_SIGNALS,
    cluster_status,
    coordination_gate,
    incident_guard,
    small_cluster,
)
from qinglang.signals.coached import TIE_CODES, is_coached_only, script_groups
from qinglang.signals.cohort import (
    closest_script,
    due_or_overdue,
    filing_batches,
    find_cohort,
)
from qinglang.signals.cotiming import co_timed_evidence, co_timed_groups, dominant
from qinglang.signals.organizers import cluster_indicators, rank_organizers
from qinglang.signals.record import membership_evidence, own_evidence, timing_evidence, watch_evidence
from qinglang.signals.waves import (
    campaign_sessions,
    carries_demand,
    carries_package,
    coached_wave_evidence,
    in_windows,
    read_wave_p,
    same_hour_waves,
    seeded_runs,
    session_modes,
    session_windows,
    straggle_windows,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
# candidates outside every session window the intent model reads to estimate their rate
SESSION_RATE_SAMPLE = 300
Progress = Callable[[str, int, int], None]


@dataclass
class ClusterResult:
    cluster: Cluster
    flagged: bool
    evidence: list[Evidence]
    members: list[int]


@dataclass
class ScanResult:
    scored: ScoredTable  # a Sequence[ScoredComplaint] held as output lines (qinglang.scored)
    clusters: list[ClusterResult]
    feats: list[RecordFeatures]
    texts: Sequence[str]  # by position; a TextColumn (link/texts.py) from the scan
    sigs: np.ndarray
    template_labels: np.ndarray
    index: IndicatorIndex
    graph: EntityGraph
    labels: np.ndarray
    baselines: Baselines
    config: DetectionConfig
    # position -> (cluster id, membership strength, attached by timing): what the online index
    # answers for a complaint it already holds
    assignment: dict[int, tuple[str, float, bool]] = field(default_factory=dict)
    materials: Mapping[str, list[Evidence]] = field(default_factory=dict)  # complaint id -> material evidence
    # IP block -> (campaign, its filing times from the block): the office sessions the online
    # index attaches new complaints by (link.rules.office_sessions)
    office_sessions: dict[str, tuple[str, list[float]]] = field(default_factory=dict)
    # IP block -> the cluster whose office it is by the office-block rule, as the batch decided it
    # (from the memberships before any attachment; the online index answers from the same)
    block_owner: dict[str, str] = field(default_factory=dict)
    # flagged campaign -> its sessions open to joiners (first, last, filings, mode; signals/waves.
    # session_modes): the online index attaches new complaints filed in them, and regulators'
    # copies of them, by link.rules.wave_session_match
    wave_sessions: dict[str, list[tuple[float, float, int, int]]] = field(default_factory=dict)
    # customer -> (flagged campaign, the customer's filing times in it), as the batch decided on it
    # before anyone joined by it: the online index attaches that customer's further complaints in
    # the agency's words by link.rules.represented_match
    represented: dict[str, tuple[str, list[float]]] = field(default_factory=dict)

    def summary(self) -> dict:
        flagged = self.scored.flagged_count
        camps = [c for c in self.clusters if c.flagged]
        return {
            "complaints": len(self.scored),
            "flagged": flagged,
            "flag_rate": round(flagged / len(self.scored), 4) if self.scored else 0.0,
            "clusters": len(self.clusters),
            "campaigns": len(camps),
            "campaign_complaints": sum(c.cluster.size for c in camps),
        }


def _noop(stage: str, done: int, total: int) -> None:
    return None


def _cluster_context(
    members: list[int],
    feats: Sequence[RecordFeatures],
    baselines: Baselines,
    template_labels: np.ndarray,
    template_sim: np.ndarray,
    index: IndicatorIndex,
    materials: Mapping[int, list[Evidence]],
    config: DetectionConfig,
    intents: Mapping[int, IntentResult] | None = None,
) -> ClusterContext:
    tgroups: dict[int, list[int]] = defaultdict(list)
    for i in members:
        lab = int(template_labels[i])
        if lab >= 0:
            tgroups[lab].append(i)
    tgroups = {k: v for k, v in tgroups.items() if len(v) >= 2}
    tsim = {k: float(np.mean([template_sim[i] for i in v])) for k, v in tgroups.items()}
    shared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in members:
        for key in feats[i].indicators:
            if key in index.members:
                shared[key].append(i)
    shared = {k: v for k, v in shared.items() if len({feats[i].customer_key for i in v}) >= 2}
    return ClusterContext(
        members=members,
        feats=feats,
        baselines=baselines,
        template_groups=tgroups,
        template_similarity=tsim,
        shared=shared,
        material_flags={i: materials[i] for i in members if i in materials},
        config=config,
        intents={i: intents[i] for i in members if i in intents} if intents else {},
    )


def linking_templates(
    groups: Mapping[int, list[int]],
    feats: Sequence[RecordFeatures],
    similarity: np.ndarray | None = None,
    params: TemplateLinkParams | None = None,
) -> tuple[set[int], set[int]]:
    """Template groups allowed to link complaints of different customers.

    Either the template is an agency's script (a good share of its copies make the agency
    package of demands or use black/gray jargon), or it was filed as a batch: at least three
    customers' near-copies (mean similarity >= 0.5) inside one 72-hour window. One customer's
    own repeats never link; neither does a grievance many customers happen to word alike over
    weeks. Returns (agency templates, batch templates): a batch template only ever forms a
    campaign of its own, it never pulls complaints into an organiser's group.
    """
    p = params or TemplateLinkParams()
    agency_t, batch_t = set(), set()
    for lab, idxs in groups.items():
        if len({feats[i].customer_key for i in idxs}) < 2:
            continue
        agency = sum(1 for i in idxs if feats[i].demands.agency_like or feats[i].lexicon_terms)
        if agency / len(idxs) >= p.min_agency_share:
            agency_t.add(lab)
        elif similarity is not None and _filed_as_batch(
            idxs, feats, similarity, p.batch_hours, p.batch_similarity
        ):
            batch_t.add(lab)
    return agency_t, batch_t


def _filed_as_batch(
    idxs: list[int], feats: Sequence[RecordFeatures], similarity: np.ndarray, hours: float, min_sim: float
) -> bool:
    if float(np.mean(similarity[idxs])) < min_sim:
        return False
    ordered = sorted(idxs, key=lambda i: feats[i].ts)
    w = hours * 3600
    j = 0
    for i in range(len(ordered)):
        while feats[ordered[i]].ts - feats[ordered[j]].ts > w:
            j += 1
        if len({feats[k].customer_key for k in ordered[j : i + 1]}) >= 3:
            return True
    return False


def campaign_evidence(ctx: ClusterContext, extra: Sequence[Evidence] = ()) -> tuple[float, list[Evidence]]:
    """Run every campaign signal on a cluster; the guards last, the coordination gate after them.
    `extra` is evidence found outside the cluster (co-timed filing with other campaigns).
    Returns (score, evidence): the score is `combine(evidence)`, nothing else."""
    found: list[Evidence] = list(extra)
    for signal in CAMPAIGN_SIGNALS.values():
        ev = signal(ctx)
        if ev is not None:
            found.append(ev)
    guard = incident_guard(ctx, found)
    if guard is not None:
        found.append(guard)
    small = small_cluster(ctx)
    if small is not None:
        found.append(small)
    gate = coordination_gate(ctx, found, combine(found))
    if gate is not None:
        found.append(gate)
    return combine(found), found


def complaint_intents(positions: Iterable[int], texts: Sequence[str]) -> dict[int, IntentResult]:
    """The intent of the complaints that sit in candidate clusters (only those: the model reads
    ~1k texts a second, the inbox may hold millions), on every core when they are many."""
    pos = sorted(set(positions))
    workers = os.cpu_count() or 1
    return dict(zip(pos, classify_complaints([texts[i] for i in pos], workers=workers), strict=True))


def incident_summary(ctx: ClusterContext, members: Sequence[int]) -> dict:
    """What an analyst needs to see of an incident: its topic, how many, over what span."""
    from qinglang.text.demands import GRIEVANCE_DEMANDS, describe

    common = Counter(c for i in members for c in ctx.feats[i].demands.grievance)
    top = sorted(common.items(), key=lambda kv: (-kv[1], kv[0]))[:2]  # ties by code: set order varies by run
    zh, en = describe(frozenset(c for c, _ in top), GRIEVANCE_DEMANDS)
    times = [ctx.feats[i].received_at for i in members]
    return {
        "topic_zh": zh or "同一问题集中反映",
        "topic_en": en or "one problem reported by many",
        "complaints": len(members),
        "customers": len({ctx.feats[i].customer_key for i in members}),
        "first_seen": min(times).astimezone(SHANGHAI).isoformat(),
        "last_seen": max(times).astimezone(SHANGHAI).isoformat(),
    }


def score_record(
    f: RecordFeatures,
    cluster: ClusterResult | None,
    strength: float,
    materials: Sequence[Evidence] = (),
    timing: bool = False,
    config: DetectionConfig | None = None,
) -> tuple[float, list[Evidence]]:
    """The per-complaint score: shared by the batch scan and the online path."""
    config = config or DetectionConfig()
    ev: list[Evidence] = []
    if cluster is not None and not cluster.flagged and cluster.cluster.status == "watch":
        ev.append(watch_evidence(cluster.cluster.cluster_id, config))
    if cluster is not None and cluster.flagged and cluster.cluster.score > 0:
        ev.append(
            membership_evidence(
                cluster.cluster.cluster_id, cluster.cluster.score, cluster.cluster.size, strength, config
            )
        )
        if timing:
            ev.append(timing_evidence(cluster.cluster.cluster_id, f, config))
    ev.extend(own_evidence(f, materials, config))
    return combine(ev), ev


MaterialsHook = Callable[[list[Complaint]], Mapping[str, list[Evidence]]]


def run_scan(
    complaints: Iterable[Complaint],
    customers: Mapping[str, CustomerLike] | None = None,
    material_evidence: Mapping[str, list[Evidence]] | MaterialsHook | None = None,
    config: DetectionConfig | None = None,
    progress: Progress = _noop,
    total: int | None = None,
    engine: Engine | None = None,
) -> ScanResult:
    """Scan complaints (any iterable: a list, or a stream read from a file). `material_evidence`
    is either evidence per complaint id, or a function given the complaints that carry
    attachments once they have been read, returning that evidence. `engine` runs the stages
    that grow with the inbox (features, signatures, template groups, indicator index;
    qinglang.engines): in this process unless another is given; the rest runs here."""
    config = config or DetectionConfig()
    customers = customers or {}
    engine = engine or LocalEngine()
    table, sigs = engine.features(complaints, customers, config.lsh, progress, total)
    feats = table.feats
    if callable(material_evidence):
        material_evidence = material_evidence(table.with_attachments)
    material_evidence = material_evidence or {}
    n = len(feats)
    progress("templates", 0, n)
    tg = engine.near_duplicates(sigs, config.lsh)
    linking = linking_templates(tg.groups, feats, tg.member_similarity, config.templates)
    progress("templates", n, n)
    progress("graph", 0, n)
    index = engine.indicator_index(feats, config.index)
    eg = build_graph(n, index)
    aliases = {k[1]: v for k, v in index.members.items() if k[0] == "agent_alias"}
    labels = communities(
        eg,
        feats,
        tg.labels,
        *linking,
        template_similarity=tg.member_similarity,
        signatures=sigs,
        alias_groups=aliases,
        params=config.community,
    )
    progress("graph", n, n)
    baselines = Baselines.from_records(
        feats,
        [c.phone_info.city if c.phone_info else None for c in customers.values()],
        config.community.due_window_days,
    )
    pos_of = {f.complaint_id: i for i, f in enumerate(feats)}
    materials_by_pos = {pos_of[cid]: ev for cid, ev in material_evidence.items() if cid in pos_of and ev}

    by_label: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        if lab >= 0:
            by_label[lab].append(i)
    progress("intent", 0, 1)
    intents = complaint_intents(
        (
            i
            for members in by_label.values()
            if len({feats[j].customer_key for j in members}) >= config.clusters.min_customers
            for i in members
        ),
        table.texts,
    )
    progress("intent", 1, 1)

    def context_of(members: list[int]) -> ClusterContext:
        return _cluster_context(
            members,
            feats,
            baselines,
            tg.labels,
            tg.member_similarity,
            index,
            materials_by_pos,
            config,
            intents,
        )

    raw_clusters = []
    total = len(by_label)
    for done, members in enumerate(by_label.values()):
        ctx = context_of(members)
        if len(ctx.customers) < config.clusters.min_customers:
            continue
        score, ev = campaign_evidence(ctx)
        raw_clusters.append((score, ctx, ev))
        if done % 200 == 0:
            progress("campaigns", done, total)
    progress("campaigns", total, total)
    raw_clusters = _coached_waves(
        raw_clusters,
        feats,
        table.texts,
        intents,
        lambda members, extra: _scored(context_of(members), extra),
        config,
    )
    raw_clusters = _join_co_timed(
        raw_clusters,
        lambda members, extra: _scored(context_of(members), extra),
        feats,
        config,
    )
    raw_clusters = _join_one_office(
        raw_clusters,
        lambda members, extra: _scored(context_of(members), extra),
        feats,
        config,
    )
    raw_clusters = _join_sim_pools(
        raw_clusters,
        lambda members, extra: _scored(context_of(members), extra),
        feats,
        table.texts,
        config,
    )
    raw_clusters = _join_coached_scripts(
        raw_clusters,
        lambda members, extra: _scored(context_of(members), extra),
        feats,
        table.texts,
        config,
    )
    raw_clusters.sort(key=lambda x: (-x[0], -len(x[1].members), x[1].members[0]))

    results: list[ClusterResult] = []
    member_of: dict[int, tuple[ClusterResult, float]] = {}
    for rank, (score, ctx, ev) in enumerate(raw_clusters, start=1):
        cr, strengths = _make_result(f"C{rank:05d}", score, ctx, ev, feats, table.texts, config)
        results.append(cr)
        for i, strength in strengths.items():
            member_of[i] = (cr, strength)

    # A complaint still alone that was filed from a cluster's office block (link.rules: at least
    # `office_block_min` of the cluster's complaints from it and `office_block_share` of everything
    # filed from it) joins that cluster. The graph stage did this for its own groups; after
    # co-timed groups were joined, a block may only now have an owner (an agency filing from the
    # borrowers' own phones, tied by two or three devices each). The online index answers the
    # same from the same final memberships.
    by_block: dict[str, Counter[str | None]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        if f.ip_block:
            by_block[f.ip_block][member_of[i][0].cluster.cluster_id if i in member_of else None] += 1
    block_owner = {
        blk: str(o) for blk, counts in by_block.items() if (o := office_block_owner(counts, config.community))
    }
    cluster_by_id = {cr.cluster.cluster_id: cr for cr in results}
    blocked: list[int] = []
    for i, f in enumerate(feats):
        if i not in member_of and f.ip_block in block_owner:
            member_of[i] = (cluster_by_id[block_owner[f.ip_block]], config.community.weak_membership)
            blocked.append(i)
    for i in blocked:
        _attach(member_of[i][0], i, feats)

    # Members of a campaign that files just before due dates rarely share a handle or device
    # with the rest; one filed in its active period, just before its own due date, with the
    # agency's demands, joins it (weaker membership, its own reason).
    by_id = {cr.cluster.cluster_id: cr for cr in results}
    cp = config.community
    windows = [
        (*timing_window([feats[i].ts for i in cr.members], cp), cr.cluster.size, cr.cluster.cluster_id)
        for cr in results
        if cr.flagged and any(e.code == "due_date_timing" for e in cr.evidence)
    ]
    timed: set[int] = set()
    blocks = {
        cr.cluster.cluster_id: (group_block([feats[i] for i in cr.members], cp), cr.cluster.size)
        for cr in results
        if cr.flagged
    }
    # loner -> the campaign the timing rule would give it; then what it asks for decides
    maybe = {
        i: picked
        for i, f in enumerate(feats)
        if i not in member_of
        and windows
        and timing_match(f, cp)
        and (picked := pick_timing_campaign(f.ts, windows, f.ip_block, blocks)) is not None
    }
    read_t = complaint_intents(maybe, table.texts)  # a handful
    for i, picked in maybe.items():
        if timing_match(feats[i], cp, read_t[i].intent):
            member_of[i] = (by_id[picked], cp.timing_membership)
            timed.add(i)
    for i in sorted(timed, key=lambda i: feats[i].ts):
        _attach(member_of[i][0], i, feats)

    # An agency filing from the borrowers' own phones still files from its office network, and
    # only in its sessions: a complaint still alone, filed from a campaign's office block during
    # one of its sessions in the agency's words (not a grievance or a hardship plea), joins it
    # (link.rules.office_sessions; weaker membership). Its sessions are drawn after the timing
    # attachment, whose members file in them too. The online index keeps the same sessions.
    filings: dict[str, list[tuple[float, str | None]]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.ip_block:
            cr_i = member_of[i][0] if i in member_of else None
            filings[f.ip_block].append((f.ts, cr_i.cluster.cluster_id if cr_i and cr_i.flagged else None))
    sessions = office_sessions(filings, config.community)
    in_office = [
        i
        for i, f in enumerate(feats)
        if i not in member_of and office_session_match(f, sessions, config.community) is not None
    ]
    read = complaint_intents(in_office, table.texts)  # a handful
    for i in in_office:
        picked = office_session_match(feats[i], sessions, config.community, read[i].intent)
        if picked is not None:
            member_of[i] = (cluster_by_id[picked], config.community.weak_membership)
            _attach(cluster_by_id[picked], i, feats)

    # An agency's borrowers file in its sessions, many from their own phones: a complaint still
    # alone filed in one of a campaign's sessions, or the copy a regulator forwards days later, that
    # carries the agency's demands and is read as the package joins it (link.rules.wave_session_match;
    # weaker membership). A campaign's sessions are the runs of its filings that are themselves waves
    # against the inbox's rate of package complaints (signals/waves.campaign_sessions); the online
    # index keeps them.
    in_campaign = {i for cr in results if cr.flagged for i in cr.members}
    package = [i for i, f in enumerate(feats) if carries_package(f, config.clusters)]
    unexplained = sum(1 for i in package if i not in in_campaign)
    loose = [feats[i].ts for i in package if i not in member_of]
    first_ts, last_ts = min((f.ts for f in feats), default=0.0), max((f.ts for f in feats), default=0.0)
    span = last_ts - first_ts
    sessions_of = {
        cr.cluster.cluster_id: campaign_sessions(
            [feats[i].ts for i in cr.members], loose, max(unexplained, 1), span, config.clusters
        )
        for cr in results
        if cr.flagged
    }
    open_to = [i for i, f in enumerate(feats) if i not in member_of and f.demands.agency]
    live = {cid: spans for cid, spans in sessions_of.items() if spans}
    self_filing = {
        cr.cluster.cluster_id
        for cr in results
        if any(e.code in ("coached_wave", "coached_script") for e in cr.evidence)
    }
    echo_channels = cp.wave_echo_channels
    in_wins, echo_wins = session_windows(
        live, self_filing, cp.wave_session_slack_minutes * 60, cp.wave_echo_days * 86400
    )
    late_wins = straggle_windows(
        live, self_filing, cp.wave_session_slack_minutes * 60, cp.wave_straggler_hours * 3600
    )
    # the intent model reads every candidate in a window and a sample of the rest (their rate)
    near = [
        i
        for i in open_to
        if in_windows(feats[i].ts, in_wins)
        or (feats[i].channel in echo_channels and in_windows(feats[i].ts, echo_wins))
        or (feats[i].channel not in echo_channels and in_windows(feats[i].ts, late_wins))
    ]
    near_set = set(near)
    far = [i for i in open_to if i not in near_set]
    step = max(1, len(far) // SESSION_RATE_SAMPLE)
    read_s = complaint_intents([*near, *far[::step]], table.texts) if live else {}

    def cand(i: int) -> tuple[float, bool | None]:
        r = read_s.get(i)
        return feats[i].ts, (r.intent in WAVE_INTENTS if r is not None else None)

    waves = session_modes(
        live,
        self_filing,
        [cand(i) for i in open_to],
        [cand(i) for i in open_to if feats[i].channel in echo_channels],
        (first_ts, last_ts),
        cp.wave_session_slack_minutes * 60,
        cp.wave_echo_days * 86400,
        config.clusters.session_max_expected,
        cp.wave_straggler_hours * 3600,
    )
    in_wave = [
        i for i, f in enumerate(feats) if i not in member_of and wave_session_match(f, waves, cp) is not None
    ]
    read_w = {**read_s, **complaint_intents([i for i in in_wave if i not in read_s], table.texts)}
    for i in in_wave:
        picked = wave_session_match(feats[i], waves, cp, read_w[i].intent)
        if picked is not None:
            member_of[i] = (cluster_by_id[picked], cp.weak_membership)
            _attach(cluster_by_id[picked], i, feats)

    # A borrower an agency represents is filed for through several doors (app, hotline, a regulator
    # whose copy arrives days later): a complaint still alone of a customer already in a flagged
    # campaign, filed within days of their complaint there, in the agency's words, joins it
    # (link.rules.represented_match). The map is taken before anyone joins by it; the online index
    # keeps the same map.
    represented = represented_customers(results, feats)
    maybe_r = [i for i, f in enumerate(feats) if i not in member_of and represented_match(f, represented, cp)]
    read_r = complaint_intents(maybe_r, table.texts)
    for i in maybe_r:
        picked = represented_match(feats[i], represented, cp, read_r[i].intent)
        if picked is not None:
            member_of[i] = (cluster_by_id[picked], cp.weak_membership)
            _attach(cluster_by_id[picked], i, feats)

    # A coaching group sending its members in batches over weeks leaves complaints that nothing
    # above attached: read as the package, worded alike beyond the lender's background, they are
    # a coached cohort (signals/cohort.py), or late filers of a campaign worded like it as a whole.
    if config.clusters.cohort_enabled:
        _coached_cohorts(results, member_of, feats, table.texts, intents, context_of, config)

    scored = ScoredTable()
    for i, f in enumerate(feats):
        own_cr, strength = member_of.get(i, (None, 0.0))
        score, ev = score_record(
            f, own_cr, strength, material_evidence.get(f.complaint_id, ()), timing=i in timed, config=config
        )
        scored.append(
            ScoredComplaint(
                complaint_id=f.complaint_id,
                score=score,
                flagged=score >= config.threshold,
                cluster_id=own_cr.cluster.cluster_id if own_cr is not None else None,
                reasons=to_reasons(ev),
            )
        )
    return ScanResult(
        scored=scored,
        clusters=results,
        feats=feats,
        texts=table.texts,
        sigs=sigs,
        template_labels=tg.labels,
        index=index,
        graph=eg,
        labels=labels,
        baselines=baselines,
        config=config,
        assignment={
            i: (cr.cluster.cluster_id, strength, i in timed) for i, (cr, strength) in member_of.items()
        },
        materials=material_evidence,
        office_sessions=sessions,
        block_owner=block_owner,
        wave_sessions=waves,
        represented=represented,
    )


def _make_result(
    cid: str,
    score: float,
    ctx: ClusterContext,
    ev: list[Evidence],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
    config: DetectionConfig,
) -> tuple[ClusterResult, dict[int, float]]:
    """A scored cluster as the scan reports it, and each member's membership strength."""
    members = sorted(ctx.members, key=lambda i: feats[i].ts)
    organizers = rank_organizers(ctx)
    times = [feats[i].received_at for i in members]
    rep = _representative(members, ctx, texts)
    status = cluster_status(score, ev, config.threshold, config.clusters.watch_threshold)
    cluster = Cluster(
        cluster_id=cid,
        size=len(members),
        score=score,
        complaint_ids=[feats[i].complaint_id for i in members],
        first_seen=min(times).astimezone(SHANGHAI),
        last_seen=max(times).astimezone(SHANGHAI),
        template=rep,
        indicators=cluster_indicators(ctx),
        organizers=organizers,
        status=status,
        status_reason=_status_reason(status, ev),
        incident=incident_summary(ctx, members) if status == "incident" else None,
        evidence=[
            Reason(code=e.code, weight=e.weight, detail_zh=e.detail_zh, detail_en=e.detail_en) for e in ev
        ],
    )
    cr = ClusterResult(cluster=cluster, flagged=status == "campaign", evidence=ev, members=members)
    org_keys = {(o.kind, o.value) for o in organizers}
    in_template = {i for pos in ctx.template_groups.values() for i in pos}
    strengths = {
        i: membership_strength(
            any(k in org_keys for k in feats[i].indicators), i in in_template, config.community
        )
        for i in members
    }
    return cr, strengths


def represented_customers(
    results: Sequence[ClusterResult], feats: Sequence[RecordFeatures]
) -> dict[str, tuple[str, list[float]]]:
    """customer -> (the flagged campaign holding most of the customer's complaints, their filing
    times there), for customers named by a real customer id (link.rules.represented_match)."""
    by_customer: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    rank = {cr.cluster.cluster_id: k for k, cr in enumerate(results)}
    for cr in results:
        if not cr.flagged:
            continue
        for i in cr.members:
            f = feats[i]
            if f.customer_key != f.complaint_id:
                by_customer[f.customer_key][cr.cluster.cluster_id].append(f.ts)
    out = {}
    for key, camps in by_customer.items():
        cid = min(camps, key=lambda c: (-len(camps[c]), rank[c]))
        out[key] = (cid, sorted(camps[cid]))
    return out


def _attach(cr: ClusterResult, i: int, feats: Sequence[RecordFeatures]) -> None:
    """Add a complaint attached after scoring (office block, timing, office session) to its
    cluster: members, complaint ids and size move together."""
    cr.members.append(i)
    cr.cluster.complaint_ids.append(feats[i].complaint_id)
    cr.cluster.size += 1


RawCluster = tuple[float, ClusterContext, list[Evidence]]


def _scored(ctx: ClusterContext, extra: Sequence[Evidence] = ()) -> RawCluster:
    score, ev = campaign_evidence(ctx, extra)
    return score, ctx, ev


def _coached_waves(
    raw: list[RawCluster],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
    intents: dict[int, IntentResult],
    rescore: Callable[[list[int], list[Evidence]], RawCluster],
    config: DetectionConfig,
) -> list[RawCluster]:
    """`raw` with coached waves added (signals/waves.py): runs of complaints no campaign-sized
    cluster holds that carry an agency demand the lexicon reads, seeded by a few carrying the
    whole package (`seeded_runs`). The intent model reads the runs — the lexicon misses
    paraphrases, the model reads meaning: those it reads as grievances are left out, most of the
    rest must be agency packages or requests through a representative, and their number must be
    implausible at the rate ordinary demand-carrying complaints read as the package (a sample of
    them is read). A pair of complaints tied by a handle they both quote (a cluster too small to be
    anything alone) joins the wave it was filed in, handle and all. Waves on different days at the
    same hours are one agency's habit (`same_hour_waves`) and become one campaign; a wave filed in
    an already flagged campaign's own sessions joins that campaign."""
    cp = config.clusters
    small = [
        r for r in raw if len({feats[i].customer_key for i in r[1].members}) < cp.small_cluster_customers
    ]
    small = [r for r in small if r[0] < config.threshold]
    clustered = {i for r in raw for i in r[1].members} - {i for r in small for i in r[1].members}
    weak = [i for i, f in enumerate(feats) if carries_demand(f)]
    loners = sorted((i for i in weak if i not in clustered), key=lambda i: (feats[i].ts, i))
    if len(loners) < cp.wave_min_members:
        return raw
    span = max(f.ts for f in feats) - min(f.ts for f in feats)
    runs = seeded_runs([feats[i].ts for i in loners], [carries_package(feats[i], cp) for i in loners], cp)
    if not runs:
        return raw
    in_runs = {loners[k] for run in runs for k in run}
    # how often an ordinary demand-carrying complaint reads as the package: a sample outside the runs
    outside = [i for i in weak if i not in in_runs]
    sample = outside[:: max(1, len(outside) // SESSION_RATE_SAMPLE)]
    intents.update(complaint_intents([i for i in [*sorted(in_runs), *sample] if i not in intents], texts))
    share = sum(intents[i].intent in WAVE_INTENTS for i in sample) / len(sample) if sample else 1.0
    rate = len(weak) * share / span if span > 0 else 0.0
    waves: list[tuple[list[int], float]] = []
    for run in runs:
        members = [loners[k] for k in run if intents[loners[k]].intent != "grievance"]
        read = [intents[i].intent for i in members]
        n_package = sum(x in WAVE_INTENTS for x in read)
        if len(members) < cp.wave_min_members or n_package * 2 < len(read):
            continue
        p = read_wave_p(n_package, feats[members[-1]].ts - feats[members[0]].ts, rate, span, cp)
        if p <= cp.wave_max_p and len({feats[i].customer_key for i in members}) >= cp.min_customers:
            waves.append((members, p))
    if not waves:
        return raw
    taken = {i for members, _ in waves for i in members}
    # a small cluster filed inside a wave joins it whole (its tie — a shared handle — comes along)
    for r in small:
        if taken & set(r[1].members):
            for members, _ in waves:
                if taken & set(r[1].members) & set(members):
                    members.extend(i for i in r[1].members if i not in taken)
                    taken.update(r[1].members)
                    break
    absorbed = {id(r) for r in small if taken & set(r[1].members)}
    kept = [r for r in raw if id(r) not in absorbed]
    local = [
        [feats[i].received_at.astimezone(SHANGHAI) for i in sorted(m, key=lambda i: feats[i].ts)]
        for m, _ in waves
    ]
    out = list(kept)
    # a campaign already found whose own filings sit in the wave's sessions is the wave's agency
    # (its office files some, its borrowers the rest): the wave joins it rather than standing apart
    slack = config.community.wave_session_slack_minutes * 60
    campaigns = [k for k, r in enumerate(out) if r[0] >= config.threshold]
    filed = {k: sorted(feats[i].ts for i in out[k][1].members) for k in campaigns}
    for group in same_hour_waves([(t[0], t[-1]) for t in local], cp.wave_gap_minutes):
        members = sorted({i for k in group for i in waves[k][0]}, key=lambda i: (feats[i].ts, i))
        sessions = [_session_label(local[k][0], local[k][-1]) for k in group]
        wave = coached_wave_evidence(
            config.weight("campaign", "coached_wave"),
            len(members),
            sessions,
            min(waves[k][1] for k in group),
            [feats[i].complaint_id for i in members[:50]],
        )
        inside = {k: sum(in_session(feats[i].ts, filed[k], slack) for i in members) for k in campaigns}
        host = max(inside, key=lambda k: (inside[k], -k), default=None)
        if host is not None and inside[host] * 2 >= len(members):
            joined = sorted({*out[host][1].members, *members}, key=lambda i: (feats[i].ts, i))
            out[host] = rescore(joined, [wave])
            filed[host] = sorted(feats[i].ts for i in joined)
        else:
            out.append(rescore(members, [wave]))
    return out


def _session_label(start: datetime, end: datetime) -> str:
    return f"{start:%Y-%m-%d %H:%M}–" + (
        f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    )


def _join_co_timed(
    raw: list[RawCluster],
    rescore: Callable[[list[int], list[Evidence]], RawCluster],
    feats: Sequence[RecordFeatures],
    config: DetectionConfig,
) -> list[RawCluster]:
    """A campaign and the coordinated clusters (each with some tie: device, contact, ...) filed in
    the same sessions become one (signals/cotiming.py); the joined cluster is scored afresh with
    `co_timed_filing`. Incidents
    that overlap in time the same way are one incident worded several ways: they are joined too
    (no extra evidence), and kept joined only if the whole is still an incident."""

    def is_coordinated(r: RawCluster) -> bool:
        return r[0] >= config.threshold or any(
            e.code in config.clusters.coordination_codes and e.weight > 0 for e in r[2]
        )

    def is_incident(r: RawCluster) -> bool:
        return r[0] < config.threshold and any(e.code == "incident_guard" for e in r[2])

    def block_of(r: RawCluster) -> str | None:
        return group_block([feats[i] for i in r[1].members], config.community)

    def agency_worded(r: RawCluster) -> bool:
        read = [r[1].intents[i].intent for i in r[1].members if i in r[1].intents]
        return bool(read) and dominant(read) not in TIMING_EXCLUDED_INTENTS

    coordinated = [r for r in raw if is_coordinated(r)]
    # a group tied only weakly (a device used twice) that files from an office network in the
    # agency's words may still join a campaign of the same office filing in the same sessions
    office_only = [
        r for r in raw if not is_coordinated(r) and not is_incident(r) and agency_worded(r) and block_of(r)
    ]
    incidents = [r for r in raw if is_incident(r)]
    out = list(raw)
    for parts, is_campaign in ((coordinated + office_only, True), (incidents, False)):
        times = [[feats[i].ts for i in r[1].members] for r in parts]
        doms: list[str | None] = (
            [None] * len(parts)  # campaigns: the sessions and a coordination tie decide, not the wording
            if is_campaign
            else [
                dominant([r[1].intents[i].intent for i in r[1].members if i in r[1].intents]) for r in parts
            ]
        )
        blocks = [block_of(r) for r in parts] if is_campaign else None
        for g in co_timed_groups(times, doms, config.clusters, blocks):
            if is_campaign and not any(parts[k][0] >= config.threshold for k in g):
                continue  # weakly tied clusters filing together are not yet a campaign
            members = sorted(i for k in g for i in parts[k][1].members)
            extra = []
            if is_campaign:
                extra.append(
                    co_timed_evidence(
                        config.weight("campaign", "co_timed_filing"),
                        len(g),
                        len(members),
                        [feats[i].complaint_id for i in members[:50]],
                    )
                )
            joined = rescore(members, extra)
            if not is_campaign and not any(e.code == "incident_guard" for e in joined[2]):
                continue  # together they are no longer an incident: keep the parts
            out = _replace_by_join(out, [parts[k] for k in g], joined)
    return out


# identifier ties that make a group the same office's when all its filings come from the office
OFFICE_TIE_CODES = frozenset({"shared_device", "shared_agent_contact", "one_phone_many_customers"})


def _join_one_office(
    raw: list[RawCluster],
    rescore: Callable[[list[int], list[Evidence]], RawCluster],
    feats: Sequence[RecordFeatures],
    config: DetectionConfig,
) -> list[RawCluster]:
    """Flagged campaigns based in one office network that only they use are one agency.

    A campaign's office is its dominant IP /24 with at least 3 of its members filed from it; when
    two or more campaigns share that office and at least `office_session_share` of everything
    filed from the block belongs to them, they are joined (reason `shared_office`). A group tied
    by its own identifier (a device, a contact, a phone) but too small to be flagged alone, all of
    whose filings come from such a block, joins too. A carrier's block carries other customers'
    filings and never qualifies; a real incident is never a campaign, so it is never joined."""
    cp = config.community
    campaigns = [r for r in raw if r[0] >= config.threshold]
    by_block: dict[str, list[RawCluster]] = defaultdict(list)
    for r in campaigns:
        blk = group_block([feats[i] for i in r[1].members], cp)
        if blk and sum(1 for i in r[1].members if feats[i].ip_block == blk) >= 3:
            by_block[blk].append(r)
    # a group too weakly tied to be flagged alone (a device two or three borrowers' complaints were
    # filed from) whose every filing comes from a campaign's office network is that office's too
    for r in raw:
        if r[0] >= config.threshold or not any(e.code in OFFICE_TIE_CODES and e.weight > 0 for e in r[2]):
            continue
        blocks = {feats[i].ip_block for i in r[1].members}
        if len(blocks) == 1 and (blk := next(iter(blocks))) in by_block and len(r[1].members) >= 2:
            by_block[blk].append(r)
    filed: Counter[str] = Counter(f.ip_block for f in feats if f.ip_block in by_block)
    out = list(raw)
    for blk, parts in by_block.items():
        if len(parts) < 2:
            continue
        theirs = sum(1 for r in parts for i in r[1].members if feats[i].ip_block == blk)
        if theirs / filed[blk] < cp.office_session_share:
            continue
        members = sorted(i for r in parts for i in r[1].members)
        ev = evidence(
            "shared_office",
            config.weight("campaign", "shared_office"),
            f"{len(parts)} 组各自独立的投诉（共 {len(members)} 件）来自同一办公网络 {blk}"
            f"（该网段 {theirs / filed[blk]:.0%} 的投诉属于它们）：同一机构",
            f"{len(parts)} separately tied groups ({len(members)} complaints) filed from one office network "
            f"{blk} ({theirs / filed[blk]:.0%} of everything filed from it is theirs): one agency",
            [feats[i].complaint_id for i in members[:50]],
        )
        out = _replace_by_join(out, parts, rescore(members, [ev]))
    return out


def _replace_by_join(
    raw: list[RawCluster], parts: Sequence[RawCluster], joined: RawCluster
) -> list[RawCluster]:
    """`raw` without `parts`, with the cluster they were joined into appended."""
    gone = {id(r) for r in parts}
    return [r for r in raw if id(r) not in gone] + [joined]


def _join_sim_pools(
    raw: list[RawCluster],
    rescore: Callable[[list[int], list[Evidence]], RawCluster],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
    config: DetectionConfig,
) -> list[RawCluster]:
    """Flagged campaigns that each file for several borrowers from virtual-operator SIMs, read as
    the same kind of request, in overlapping periods, are one agency's rented SIM pool.

    An agency renting a dozen 170/171/165/167 SIMs uses each for two to four borrowers: every SIM
    is a campaign of its own (`one_phone_many_customers`), nothing else ties them (texts rewritten,
    devices not shared). A campaign qualifies when most of its filing phones (complainant phones
    used for at least two of its customers) are in a virtual operator's range
    (`phones.is_virtual_operator`); qualifying campaigns with the same dominant intent whose
    first-to-last filing periods overlap, or follow each other as a retired card's successor does
    (the next starting at most `sim_pool_successor_max_days` after the last filing of the ones
    before), are joined (reason `sim_pool`). A SIM of the pool used for
    only two borrowers is a cluster too small to be flagged alone; one filed wholly inside an agency
    pool's period, read as the agency's request, joins it (`_with_pool_sims`). Otherwise only
    flagged campaigns take part."""
    pools: dict[str, list[RawCluster]] = defaultdict(list)
    sims: list[RawCluster] = []  # unflagged: one virtual-operator SIM filing for two borrowers
    for r in raw:
        users: dict[str, set[str]] = defaultdict(set)
        for i in r[1].members:
            if (phone := feats[i].complainant_phone) is not None:
                users[phone].add(feats[i].customer_key)
        filing = [ph for ph, cs in users.items() if len(cs) >= 2]
        if not filing or sum(is_virtual_operator(ph) for ph in filing) * 2 <= len(filing):
            continue
        if r[0] < config.threshold:
            if len(filing) == 1 and not any(e.code == "incident_guard" for e in r[2]):
                sims.append(r)
            continue
        intent = dominant([r[1].intents[i].intent for i in r[1].members if i in r[1].intents])
        if intent is not None:
            # an agency's own package and its requests "on behalf of" a borrower are one kind: the
            # model tells them apart less surely than it tells either from a plea or a grievance
            pools["agency" if intent in WAVE_INTENTS else intent].append(r)
    out = list(raw)
    for kind, parts in pools.items():
        spans = sorted(
            (
                (min(feats[i].ts for i in r[1].members), max(feats[i].ts for i in r[1].members), k)
                for k, r in enumerate(parts)
            ),
        )
        groups: list[list[RawCluster]] = []
        end = float("-inf")
        succession = config.clusters.sim_pool_successor_max_days * 86400
        for first, last, k in spans:
            # chain campaigns whose periods overlap, or a card that takes over from a retired one
            # (starting at most `sim_pool_successor_max_days` after the chain's last filing)
            if groups and first <= end + succession:
                groups[-1].append(parts[k])
                end = max(end, last)
            else:
                groups.append([parts[k]])
                end = last
        if kind == "agency":
            groups = _with_pool_sims(groups, sims, feats, texts)
        for g in groups:
            if len(g) < 2:
                continue
            members = sorted(i for r in g for i in r[1].members)
            phones = {ph for i in members if (ph := feats[i].complainant_phone) is not None}
            ev = evidence(
                "sim_pool",
                config.weight("campaign", "sim_pool"),
                f"{len(g)} 组各自独立的投诉（共 {len(members)} 件）各用虚拟运营商号码为多名借款人投诉，"
                f"诉求同类、时段重合：同一机构的租用号卡池（{len(phones)} 个号码）",
                f"{len(g)} separately tied groups ({len(members)} complaints) each filing for several borrowers "
                f"from virtual-operator SIMs, read as the same kind of request, in overlapping periods: one "
                f"agency's rented SIM pool ({len(phones)} numbers)",
                [feats[i].complaint_id for i in members[:50]],
            )
            out = _replace_by_join(out, g, rescore(members, [ev]))
    return out


def _with_pool_sims(
    groups: list[list[RawCluster]],
    sims: Sequence[RawCluster],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
) -> list[list[RawCluster]]:
    """`groups` (flagged SIM-pool campaigns chained by period) with each unflagged one-SIM cluster
    added to the group whose period holds all its filings, when the intent model reads most of its
    members as the agency's package or a representative's request. Two borrowers on one
    virtual-operator SIM, in the agency's words, while the agency's pool is filing: one more SIM of
    the pool (a family sharing a phone writes its own pleas and grievances)."""
    spans = [
        (min(feats[i].ts for r in g for i in r[1].members), max(feats[i].ts for r in g for i in r[1].members))
        for g in groups
    ]
    out = [list(g) for g in groups]
    inside = [
        (r, k)
        for r in sims
        for k, (first, last) in enumerate(spans)
        if all(first <= feats[i].ts <= last for i in r[1].members)
    ]
    read = complaint_intents(sorted({i for r, _ in inside for i in r[1].members}), texts)
    taken: set[int] = set()
    for r, k in inside:
        if id(r) in taken:
            continue
        agency = sum(read[i].intent in WAVE_INTENTS for i in r[1].members)
        if agency * 2 > len(r[1].members):
            out[k].append(r)
            taken.add(id(r))
    return out


def _join_coached_scripts(
    raw: list[RawCluster],
    rescore: Callable[[list[int], list[Evidence]], RawCluster],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
    config: DetectionConfig,
) -> list[RawCluster]:
    """Flagged coached-only campaigns (a coached wave, no identifier tie) written from one script
    are one coaching group meeting at different hours (signals/coached.py): they are joined
    (reason `coached_script`, naming each session). Only flagged campaigns take part."""
    flagged = [r for r in raw if r[0] >= config.threshold]
    coached = [r for r in flagged if is_coached_only([e.code for e in r[2] if e.weight > 0])]
    groups = script_groups(
        [r[1].members for r in coached],
        [r[1].members for r in flagged],
        texts,
        config.clusters.coached_script_min_ratio,
    )
    out = list(raw)
    for g in groups:
        parts = [coached[k] for k in g]
        members = sorted({i for r in parts for i in r[1].members}, key=lambda i: (feats[i].ts, i))
        sessions = []
        for r in parts:
            ts = sorted(feats[i].received_at.astimezone(SHANGHAI) for i in r[1].members)
            sessions.append(_session_label(ts[0], ts[-1]))
        ev = evidence(
            "coached_script",
            config.weight("campaign", "coached_script"),
            f"{len(parts)} 个不同时段的指导投诉会话（{'；'.join(sessions)}，共 {len(members)} 件）"
            f"用同一份话术：各会话之间的措辞与会话内部一样接近，同一指导群",
            f"{len(parts)} coached sessions at different hours ({'; '.join(sessions)}; {len(members)} "
            f"complaints) written from one script: their wording is as close across sessions as within "
            f"each: one coaching group",
            [feats[i].complaint_id for i in members[:50]],
        )
        out = _replace_by_join(out, parts, rescore(members, [ev]))
    return out


def _status_reason(status: str, evidence: Sequence[Evidence]) -> dict[str, str] | None:
    code = {"incident": "incident_guard", "watch": "similarity_only"}.get(status)
    for e in evidence:
        if e.code == code:
            return {"zh": e.detail_zh, "en": e.detail_en}
    return None


def _representative(members: list[int], ctx: ClusterContext, texts: Sequence[str]) -> str:
    """The template text: the first member of the largest template group, else the first member."""
    if ctx.template_groups:
        return texts[max(ctx.template_groups.values(), key=len)[0]]
    return texts[members[0]]


def _coached_cohorts(
    results: list[ClusterResult],
    member_of: dict[int, tuple[ClusterResult, float]],
    feats: Sequence[RecordFeatures],
    texts: Sequence[str],
    intents: dict[int, IntentResult],
    context_of: Callable[[list[int]], ClusterContext],
    config: DetectionConfig,
) -> None:
    """Complaints nothing attached (signals/cohort.py), carrying an agency demand, read by the
    intent model as the package, from overdue or soon-due borrowers, whose wording is far closer to
    each other than random groups of the lender's other overdue borrowers' loose complaints (same
    channel mix) are among themselves: a coached cohort. It joins a flagged campaign worded like it
    as a whole (`closest_script`, as coached sessions do; attribution only, a reason of weight 0,
    weak membership) or becomes a
    cluster of its own, appended after the others (reason `coached_script`, naming its batches and
    saying whether an organiser tie was found); the campaign signals decide on it like on any
    other. `results` and `member_of` are updated in place."""
    cp = config.clusters
    loose = [i for i, f in enumerate(feats) if i not in member_of and due_or_overdue(f, cp.cohort_due_days)]
    maybe = [i for i in loose if carries_demand(feats[i])]
    if len(maybe) < cp.cohort_min_members:
        return
    intents.update(complaint_intents([i for i in maybe if i not in intents], texts))
    cands = [i for i in maybe if intents[i].intent == "agency_package"]
    if len({feats[i].customer_key for i in cands}) < cp.cohort_min_members:
        return
    chosen = set(cands)
    background = [i for i in loose if i not in chosen]
    channels = [f.channel for f in feats]
    found = find_cohort(cands, background, texts, cp, channels)
    if found is None:
        return
    campaigns = [cr for cr in results if cr.flagged]

    def join(cr: ClusterResult, extra: list[int], zh: str, en: str) -> None:
        reason = evidence("coached_script", 0.0, zh, en, [feats[i].complaint_id for i in extra[:50]])
        cr.evidence.append(reason)
        shown = Reason(code=reason.code, weight=0.0, detail_zh=reason.detail_zh, detail_en=reason.detail_en)
        cr.cluster.evidence = [*(cr.cluster.evidence or []), shown]
        for i in sorted(extra, key=lambda i: (feats[i].ts, i)):
            member_of[i] = (cr, config.community.weak_membership)
            _attach(cr, i, feats)

    members = sorted(found.members, key=lambda i: (feats[i].ts, i))
    if len({feats[i].customer_key for i in members}) < cp.cohort_min_members:
        return
    batches = filing_batches([feats[i].ts for i in members], cp.cohort_batch_gap_days)
    local = [
        (datetime.fromtimestamp(a, SHANGHAI), datetime.fromtimestamp(b, SHANGHAI), n) for a, b, n in batches
    ]
    when_zh = "；".join(
        f"{a:%m-%d}–{b:%m-%d} {n} 件" if a.date() != b.date() else f"{a:%m-%d} {n} 件" for a, b, n in local
    )
    when_en = "; ".join(
        f"{a:%m-%d}–{b:%m-%d}: {n}" if a.date() != b.date() else f"{a:%m-%d}: {n}" for a, b, n in local
    )
    exponent = f"1e{int(np.floor(np.log10(found.p)))}" if found.p > 0 else "0"
    lift = found.within / found.background
    what_zh = (
        f"{len(members)} 名逾期或临近还款日的借款人（{found.candidates} 件游离投诉被意图模型判为代理机构式诉求包）"
        f"分 {len(batches)} 批提交（{when_zh}），各用自己的话，却按同一份清单提出同一套诉求；"
        f"彼此措辞的相似度是本行其他逾期借款人投诉之间的 {lift:.1f} 倍（随机抽样 p≈{exponent}）："
        f"有人分批指导投诉（同一指导群）"
    )
    what_en = (
        f"{len(members)} overdue or soon-due borrowers ({found.candidates} loose complaints read by the intent "
        f"model as an agency's package) filed in {len(batches)} batches ({when_en}), each in their own words, "
        f"yet following one checklist: their wording is {lift:.1f}x closer to each other than the lender's "
        f"other overdue borrowers' complaints are (random draws, p≈{exponent}): a group coached to file in batches"
    )
    # a cohort worded like a flagged campaign as a whole (as close across as within) is that
    # campaign's own borrowers: joined to it, as coached sessions of one script are
    host, ratio = closest_script(members, [cr.members for cr in campaigns], texts)
    if host is not None and ratio >= cp.coached_script_min_ratio:
        join(
            campaigns[host],
            members,
            f"{what_zh}；其措辞与本团伙的投诉一样接近（比值 {ratio:.2f}）：同一机构，并入（仅归属，不加分）",
            f"{what_en}; worded as closely to this campaign's complaints as within it (ratio {ratio:.2f}): one "
            f"agency, joined (attribution only, no weight)",
        )
        return

    def cohort_evidence(org_zh: str, org_en: str) -> Evidence:
        return evidence(
            "coached_script",
            config.weight("campaign", "coached_script"),
            f"{what_zh}；{org_zh}" if org_zh else what_zh,
            f"{what_en}; {org_en}" if org_en else what_en,
            [feats[i].complaint_id for i in members[:50]],
        )

    _, first = campaign_evidence(context_of(members), [cohort_evidence("", "")])
    tied = [e for e in first if e.weight > 0 and (e.code in TIE_CODES or e.code == "shared_ip_block")]
    if tied:
        org_zh = "成员之间另有共同线索：" + "、".join(e.code for e in tied)
        org_en = "the members are also tied: " + ", ".join(e.code for e in tied)
    else:
        org_zh, org_en = "同一套诉求分批出现，未发现组织者联系方式", "no organiser contact found"
    ctx = context_of(members)
    score, ev = campaign_evidence(ctx, [cohort_evidence(org_zh, org_en)])
    cr, _ = _make_result(f"C{len(results) + 1:05d}", score, ctx, ev, feats, texts, config)
    results.append(cr)
    for i in members:  # each carries the group's wording by the per-member test: as a template copy does
        member_of[i] = (cr, config.community.strong_membership)
