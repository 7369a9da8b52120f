"""The online path: score one new complaint against what the last batch scan indexed.

It reuses the batch's own stage code (features, signatures, the per-record scorer) and the
campaigns the batch found, so a complaint that was in the batch gets the batch's answer. What
the index holds is what a new complaint can attach to: the signatures and indicators of every
complaint that sits in a campaign, and each campaign's frozen score. A brand-new campaign
(nothing like it indexed yet) surfaces at the next batch scan; until then its complaints are
scored on their own evidence.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qinglang.link.features import extract_features
from qinglang.link.graph import NON_LINKING, STAFF_WRITTEN_CHANNELS, _dominant
from qinglang.link.minhash import LshParams, TemplateIndex, signatures
from qinglang.scan import (
    TIMING_STRENGTH,
    ClusterResult,
    ScanResult,
    pick_timing_campaign,
    score_record,
    timing_match,
    timing_window,
)
from qinglang.schema import Cluster, Complaint, Customer, ScoredComplaint
from qinglang.score import to_reasons

INDEX_FILE = "online_index.npz"
LONER_SIMILARITY = 0.5
META_FILE = "online_index.json"


@dataclass
class _ClusterInfo:
    cluster: Cluster
    flagged: bool
    organizer_keys: set[tuple[str, str]]
    city: str | None = None  # dominant complainant city (the batch's template-joining rule)
    block: str | None = None  # dominant IP /24 block
    window: tuple[float, float] | None = None  # active period, when the campaign files before due dates


class OnlineIndex:
    def __init__(
        self,
        clusters: dict[str, _ClusterInfo],
        sigs: np.ndarray,
        sig_cluster: list[str],
        sig_in_template: np.ndarray,
        key_clusters: dict[tuple[str, str], dict[str, int]],
        threshold: float,
        lsh: LshParams,
        customer_lookup: Callable[[str], Customer | None] | None = None,
        block_owner: dict[str, str] | None = None,
    ) -> None:
        self.clusters = clusters
        self.templates = TemplateIndex(sigs, lsh)
        self.sig_cluster = sig_cluster
        self.sig_in_template = sig_in_template
        self.key_clusters = key_clusters
        self.threshold = threshold
        self.lsh = lsh
        self.customer_lookup = customer_lookup
        self.block_owner = block_owner or {}

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def from_scan(cls, scan: ScanResult) -> OnlineIndex:
        clusters: dict[str, _ClusterInfo] = {}
        positions: list[int] = []
        sig_cluster: list[str] = []
        in_template: list[bool] = []
        key_clusters: dict[tuple[str, str], Counter] = defaultdict(Counter)
        label_of: dict[int, str] = {}
        for cr in scan.clusters:
            cid = cr.cluster.cluster_id
            clusters[cid] = _ClusterInfo(
                cr.cluster, cr.flagged, {(o.kind, o.value) for o in cr.cluster.organizers},
                city=_dominant([scan.feats[i].phone_city for i in cr.members], 0.4),
                block=_dominant([scan.feats[i].ip_block for i in cr.members], 0.3),
                window=timing_window([scan.feats[i].ts for i in cr.members])
                if cr.flagged and any(e.code == "due_date_timing" for e in cr.evidence) else None,
            )
            label_of.update({i: cid for i in cr.members})
            tcount = Counter(int(scan.template_labels[i]) for i in cr.members if scan.template_labels[i] >= 0)
            for i in cr.members:
                positions.append(i)
                sig_cluster.append(cid)
                lab = int(scan.template_labels[i])
                in_template.append(lab >= 0 and tcount[lab] >= 2)
        # an indicator votes for a campaign when at least two of its members carry it (one pass)
        for key, idxs in scan.index.members.items():
            if key[0] in NON_LINKING and key[0] != "agent_alias":
                continue
            per_cluster = Counter(label_of[i] for i in idxs if i in label_of)
            for cid, n in per_cluster.items():
                if n >= 2:
                    key_clusters[key][cid] = n
        sigs = scan.sigs[positions].astype(np.uint32) if positions else np.zeros((0, scan.config.lsh.num_perm),
                                                                                   dtype=np.uint32)
        by_block: dict[str, Counter] = defaultdict(Counter)
        for i, f in enumerate(scan.feats):
            if f.ip_block:
                by_block[f.ip_block][label_of.get(i)] += 1
        block_owner = {}
        for blk, counts in by_block.items():
            ranked = [(c, n) for c, n in counts.most_common() if c is not None]
            if ranked and ranked[0][1] >= 5 and ranked[0][1] / sum(counts.values()) >= 0.6:
                block_owner[blk] = ranked[0][0]
        return cls(clusters, sigs, sig_cluster, np.array(in_template, dtype=bool),
                   {k: dict(v) for k, v in key_clusters.items()}, scan.config.threshold, scan.config.lsh,
                   block_owner=block_owner)

    # -- persistence --------------------------------------------------------------------------
    def save(self, out_dir: Path) -> None:
        np.savez_compressed(out_dir / INDEX_FILE, sigs=self.templates.sigs, in_template=self.sig_in_template)
        meta = {
            "threshold": self.threshold,
            "lsh": {"bands": self.lsh.bands, "rows": self.lsh.rows, "threshold": self.lsh.threshold,
                    "shingle": self.lsh.shingle},
            "sig_cluster": self.sig_cluster,
            "clusters": {cid: {"cluster": json.loads(ci.cluster.model_dump_json()), "flagged": ci.flagged,
                               "organizer_keys": sorted(ci.organizer_keys), "city": ci.city, "block": ci.block,
                               "window": list(ci.window) if ci.window else None}
                         for cid, ci in self.clusters.items()},
            "block_owner": self.block_owner,
            "key_clusters": [[k[0], k[1], v] for k, v in self.key_clusters.items()],
        }
        (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, out_dir: Path, customer_lookup: Callable[[str], Customer | None] | None = None) -> OnlineIndex:
        meta = json.loads((out_dir / META_FILE).read_text(encoding="utf-8"))
        arrays = np.load(out_dir / INDEX_FILE)
        clusters = {
            cid: _ClusterInfo(Cluster.model_validate(v["cluster"]), v["flagged"],
                              {tuple(k) for k in v["organizer_keys"]}, v.get("city"), v.get("block"),
                              tuple(v["window"]) if v.get("window") else None)
            for cid, v in meta["clusters"].items()
        }
        return cls(
            clusters, arrays["sigs"], meta["sig_cluster"], arrays["in_template"],
            {(k, v): c for k, v, c in meta["key_clusters"]}, meta["threshold"], LshParams(**meta["lsh"]),
            customer_lookup, meta.get("block_owner", {}),
        )

    # -- scoring ------------------------------------------------------------------------------
    def score(self, complaint: Complaint, customer: Customer | None = None) -> ScoredComplaint:
        if customer is None and complaint.customer_id and self.customer_lookup is not None:
            customer = self.customer_lookup(complaint.customer_id)
        f = extract_features(complaint, customer)
        sig = signatures([f.norm_text], self.lsh)[0].astype(np.uint32)
        votes: Counter = Counter()
        strong: dict[str, bool] = defaultdict(bool)
        def loner_may_join(info: _ClusterInfo, sim: float) -> bool:
            """The batch's rule for a complaint tied by a template or an alias alone."""
            return bool(sim >= LONER_SIMILARITY or f.demands.agency_like
                        or (f.phone_city and f.phone_city == info.city) or (f.ip_block and f.ip_block == info.block))

        if f.channel not in STAFF_WRITTEN_CHANNELS:
            for pos, sim in self.templates.query(sig):
                if not self.sig_in_template[pos]:
                    continue
                cid = self.sig_cluster[pos]
                if loner_may_join(self.clusters[cid], sim):
                    votes[cid] += 1
                    strong[cid] = True
        for key in f.indicators:
            if key[0] == "agent_alias":
                for cid, n in self.key_clusters.get(key, {}).items():
                    if loner_may_join(self.clusters[cid], 0.0):
                        votes[cid] += n
                continue
            for cid, n in self.key_clusters.get(key, {}).items():
                votes[cid] += n
                if key in self.clusters[cid].organizer_keys:
                    strong[cid] = True
        if not votes and f.ip_block in self.block_owner:
            votes[self.block_owner[f.ip_block]] += 1  # filed from a campaign's office block
        timed = False
        if not votes and timing_match(f):
            windows = [(*ci.window, ci.cluster.size, cid) for cid, ci in self.clusters.items() if ci.window]
            cid = pick_timing_campaign(f.ts, windows)
            if cid is not None:
                votes[cid] += 1
                timed = True
        cluster = None
        strength = 0.0
        if votes:
            cid = max(votes, key=lambda c: (votes[c], self.clusters[c].cluster.score, c))
            info = self.clusters[cid]
            cluster = ClusterResult(cluster=info.cluster, flagged=info.flagged, evidence=[], members=[])
            strength = TIMING_STRENGTH if timed else (1.0 if strong[cid] else 0.85)
        score, ev = score_record(f, cluster, strength, timing=timed)
        return ScoredComplaint(
            complaint_id=complaint.complaint_id, score=score, flagged=score >= self.threshold,
            cluster_id=cluster.cluster.cluster_id if cluster else None, reasons=to_reasons(ev),
        )


def load_index(db_url: str) -> OnlineIndex:
    """The index of the latest scan recorded in the store at `db_url`."""
    from qinglang.store import open_store
    from qinglang.store.results import latest_scan

    store = open_store(db_url)
    run = latest_scan(store)
    if run is None:
        raise LookupError("no scan recorded in this store: run `qinglang scan --db ...` first / 库中尚无扫描结果")
    out_dir = Path(run.params["out_dir"])
    return OnlineIndex.load(out_dir, customer_lookup=store.get_customer)
