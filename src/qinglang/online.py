"""The online path: score one new complaint against what the last batch scan indexed.

It reuses the batch's own stage code (features, signatures, the per-record scorer) and the
batch's community rules (`link.rules`, with the run's `DetectionConfig`), and the campaigns the
batch found. What the index holds is what a new complaint can attach to: the signatures and
indicators of every complaint that sits in a campaign, and each campaign's frozen score. A
brand-new campaign (nothing like it indexed yet) surfaces at the next batch scan; until then its
complaints are scored on their own evidence.

A complaint the batch already scanned (same id, same content fingerprint) is answered with the
batch's own assignment (campaign, membership strength, timing attachment) scored by the same
`score_record`: re-scoring a scanned complaint gives the scan's answer exactly, rather than
letting the complaint find itself in the index.

The index is versioned: it records its format version, the normaliser tables' digest and the
DetectionConfig (with its digest; the MinHash seed and permutations are part of it). Loading an
index made by other code or other rules fails with a message that says what to rerun, instead
of silently changing old scores.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from qinglang import __version__
from qinglang.detection_config import DetectionConfig
from qinglang.indicators import links
from qinglang.intent.model import classify_complaints
from qinglang.link.features import extract_features
from qinglang.link.minhash import TemplateIndex, signatures
from qinglang.link.records import RecordFeatures
from qinglang.link.rules import (
    group_block,
    group_city,
    loner_may_join,
    membership_strength,
    office_session_match,
    pick_timing_campaign,
    represented_match,
    takes_part_in_templates,
    timing_match,
    timing_window,
    wave_session_match,
)
from qinglang.scan import ClusterResult, ScanResult, score_record
from qinglang.schema import Cluster, Complaint, Customer, Evidence, ScoredComplaint
from qinglang.score import to_reasons
from qinglang.store import open_store
from qinglang.store.results import latest_scan, load_artifact
from qinglang.text.resources import tables_digest

FORMAT_VERSION = (
    6  # 3: clusters carry their status; 4: campaigns' office sessions; 5: campaigns' sessions open to
    # joiners; 6: sessions open to stragglers (mode bit 4) and the customers campaigns represent
)
INDEX_FILE = "online_index.npz"
ARTIFACT_NAME = "online_index"


class StaleIndexError(RuntimeError):
    """The saved index was built by other code or other rules than the ones running now."""


def complaint_fingerprint(c: Complaint) -> str:
    """What must be unchanged for a complaint to count as the one the batch scanned."""
    parts = [
        c.complaint_id,
        c.received_at.isoformat(),
        str(c.channel),
        c.customer_id or "",
        c.phone or "",
        c.text,
        c.ip or "",
        c.device_id or "",
        "\x1f".join(c.attachments),
    ]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass
class _ClusterInfo:
    cluster: Cluster
    flagged: bool
    organizer_keys: set[tuple[str, str]]
    city: str | None = None  # dominant complainant city (the template-joining rule)
    block: str | None = None  # dominant IP /24 block
    window: tuple[float, float] | None = None  # active period, when the campaign files before due dates


@dataclass
class _Known:
    """The batch's answer for a complaint it scanned."""

    fingerprint: str
    cluster_id: str | None
    strength: float
    timed: bool
    materials: list[Evidence] = field(default_factory=list)


class OnlineIndex:
    def __init__(
        self,
        clusters: dict[str, _ClusterInfo],
        sigs: np.ndarray,
        sig_cluster: list[str],
        sig_in_template: np.ndarray,
        key_clusters: dict[tuple[str, str], dict[str, int]],
        config: DetectionConfig,
        customer_lookup: Callable[[str], Customer | None] | None = None,
        block_owner: dict[str, str] | None = None,
        known: dict[str, _Known] | None = None,
        office_sessions: dict[str, tuple[str, list[float]]] | None = None,
        wave_sessions: dict[str, list[tuple[float, float, int, int]]] | None = None,
        represented: dict[str, tuple[str, list[float]]] | None = None,
    ) -> None:
        self.clusters = clusters
        self.config = config
        self.templates = TemplateIndex(sigs, config.lsh)
        self.sig_cluster = sig_cluster
        self.sig_in_template = sig_in_template
        self.key_clusters = key_clusters
        self.customer_lookup = customer_lookup
        self.block_owner = block_owner or {}
        self.known = known or {}
        self.office_sessions = office_sessions or {}
        self.wave_sessions = wave_sessions or {}
        self.represented = represented or {}

    @property
    def threshold(self) -> float:
        return self.config.threshold

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def from_scan(cls, scan: ScanResult, complaints: dict[str, str] | None = None) -> OnlineIndex:
        """The index of a finished scan. `complaints` (complaint id -> fingerprint) lets the
        index answer re-submitted scanned complaints with the batch's assignment."""
        cp = scan.config.community
        clusters: dict[str, _ClusterInfo] = {}
        positions: list[int] = []
        sig_cluster: list[str] = []
        in_template: list[bool] = []
        key_clusters: dict[tuple[str, str], Counter] = defaultdict(Counter)
        label_of: dict[int, str] = {}
        for cr in scan.clusters:
            cid = cr.cluster.cluster_id
            recs = [scan.feats[i] for i in cr.members]
            clusters[cid] = _ClusterInfo(
                cr.cluster,
                cr.flagged,
                {(o.kind, o.value) for o in cr.cluster.organizers},
                city=group_city(recs, cp),
                block=group_block(recs, cp),
                window=timing_window([f.ts for f in recs], cp)
                if cr.flagged and any(e.code == "due_date_timing" for e in cr.evidence)
                else None,
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
            if not links(key[0]) and key[0] != "agent_alias":
                continue
            per_cluster = Counter(label_of[i] for i in idxs if i in label_of)
            for cid, n in per_cluster.items():
                if n >= 2:
                    key_clusters[key][cid] = n
        sigs = (
            scan.sigs[positions].astype(np.uint32)
            if positions
            else np.zeros((0, scan.config.lsh.num_perm), dtype=np.uint32)
        )
        known: dict[str, _Known] = {}
        if complaints:
            for i, f in enumerate(scan.feats):
                fp = complaints.get(f.complaint_id)
                if fp is None:
                    continue
                known_cid, strength, timed = scan.assignment.get(i, (None, 0.0, False))
                known[f.complaint_id] = _Known(
                    fp, known_cid, strength, timed, list(scan.materials.get(f.complaint_id, ()))
                )
        return cls(
            clusters,
            sigs,
            sig_cluster,
            np.array(in_template, dtype=bool),
            {k: dict(v) for k, v in key_clusters.items()},
            scan.config,
            block_owner=scan.block_owner,
            known=known,
            office_sessions=scan.office_sessions,
            wave_sessions=scan.wave_sessions,
            represented=scan.represented,
        )

    # -- persistence --------------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "qinglang_version": __version__,
            "created_at": datetime.now(UTC).isoformat(),
            "normaliser_digest": tables_digest(),
            "config": self.config.to_dict(),
            "config_digest": self.config.digest(),
            "minhash": {"seed": self.config.lsh.seed, "num_perm": self.config.lsh.num_perm},
            "sig_cluster": self.sig_cluster,
            "clusters": {
                cid: {
                    "cluster": json.loads(ci.cluster.model_dump_json()),
                    "flagged": ci.flagged,
                    "organizer_keys": sorted(ci.organizer_keys),
                    "city": ci.city,
                    "block": ci.block,
                    "window": list(ci.window) if ci.window else None,
                }
                for cid, ci in self.clusters.items()
            },
            "block_owner": self.block_owner,
            "office_sessions": {blk: [cid, times] for blk, (cid, times) in self.office_sessions.items()},
            "wave_sessions": {
                cid: [list(span) for span in spans] for cid, spans in self.wave_sessions.items()
            },
            "represented": {key: [cid, times] for key, (cid, times) in self.represented.items()},
            "key_clusters": [[k[0], k[1], v] for k, v in self.key_clusters.items()],
            "known_materials": {
                cid: [e.model_dump(mode="json") for e in k.materials]
                for cid, k in self.known.items()
                if k.materials
            },
        }

    def to_bytes(self) -> bytes:
        """One self-describing blob (numpy .npz: arrays plus the JSON metadata)."""
        ids = list(self.known)
        cl_names = sorted({k.cluster_id for k in self.known.values() if k.cluster_id})
        cl_pos = {c: n for n, c in enumerate(cl_names)}
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            sigs=self.templates.sigs,
            in_template=self.sig_in_template,
            meta=np.frombuffer(json.dumps(self.meta(), ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            known_ids=np.array(ids, dtype=np.str_),
            known_fp=np.array([self.known[c].fingerprint for c in ids], dtype=np.str_),
            known_cluster=np.array(
                [cl_pos.get(self.known[c].cluster_id or "", -1) for c in ids], dtype=np.int32
            ),
            known_strength=np.array([self.known[c].strength for c in ids], dtype=np.float64),
            known_timed=np.array([self.known[c].timed for c in ids], dtype=bool),
            known_cluster_names=np.array(cl_names, dtype=np.str_),
        )
        return buf.getvalue()

    def save(self, out_dir: Path) -> Path:
        path = Path(out_dir) / INDEX_FILE
        path.write_bytes(self.to_bytes())
        return path

    @classmethod
    def from_bytes(
        cls,
        blob: bytes,
        customer_lookup: Callable[[str], Customer | None] | None = None,
        expect: DetectionConfig | None = None,
        source: str = "index",
    ) -> OnlineIndex:
        try:
            arrays = np.load(io.BytesIO(blob), allow_pickle=False)
            meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
        except (OSError, ValueError, KeyError) as exc:
            raise StaleIndexError(
                f"{source} 不是本版本的在线索引，请重新运行 qinglang scan / {source} is not an online index of this "
                f"version ({exc}): rerun `qinglang scan`"
            ) from None
        config = check_compatible(meta, expect, source)
        clusters = {
            cid: _ClusterInfo(
                Cluster.model_validate(v["cluster"]),
                v["flagged"],
                {(k[0], k[1]) for k in v["organizer_keys"]},
                v.get("city"),
                v.get("block"),
                (v["window"][0], v["window"][1]) if v.get("window") else None,
            )
            for cid, v in meta["clusters"].items()
        }
        names = [str(x) for x in arrays["known_cluster_names"]]
        mats = meta.get("known_materials", {})
        known = {
            str(cid): _Known(
                str(fp),
                names[int(c)] if c >= 0 else None,
                float(s),
                bool(t),
                [Evidence.model_validate(e) for e in mats.get(str(cid), [])],
            )
            for cid, fp, c, s, t in zip(
                arrays["known_ids"],
                arrays["known_fp"],
                arrays["known_cluster"],
                arrays["known_strength"],
                arrays["known_timed"],
                strict=True,
            )
        }
        return cls(
            clusters,
            arrays["sigs"],
            meta["sig_cluster"],
            arrays["in_template"],
            {(k, v): c for k, v, c in meta["key_clusters"]},
            config,
            customer_lookup,
            meta.get("block_owner", {}),
            known,
            {
                blk: (str(v[0]), [float(t) for t in v[1]])
                for blk, v in meta.get("office_sessions", {}).items()
            },
            {
                cid: [(float(a), float(b), int(n), int(m)) for a, b, n, m in spans]
                for cid, spans in meta.get("wave_sessions", {}).items()
            },
            {key: (str(v[0]), [float(t) for t in v[1]]) for key, v in meta.get("represented", {}).items()},
        )

    @classmethod
    def load(
        cls,
        out_dir: Path,
        customer_lookup: Callable[[str], Customer | None] | None = None,
        expect: DetectionConfig | None = None,
    ) -> OnlineIndex:
        path = Path(out_dir) / INDEX_FILE
        if not path.exists():
            raise StaleIndexError(
                f"{out_dir} 中没有在线索引，请先运行 qinglang scan --out {out_dir} / no online index in "
                f"{out_dir}: run `qinglang scan --out {out_dir}` first"
            )
        return cls.from_bytes(path.read_bytes(), customer_lookup, expect, source=str(path))

    # -- scoring ------------------------------------------------------------------------------
    def score(self, complaint: Complaint, customer: Customer | None = None) -> ScoredComplaint:
        if customer is None and complaint.customer_id and self.customer_lookup is not None:
            customer = self.customer_lookup(complaint.customer_id)
        f = extract_features(complaint, customer)
        known = self.known.get(complaint.complaint_id)
        if known is not None and known.fingerprint == complaint_fingerprint(complaint):
            cluster = self._cluster(known.cluster_id)
            score, ev = score_record(
                f, cluster, known.strength, known.materials, timing=known.timed, config=self.config
            )
        else:
            cid, strength, timed = self.assign(f, complaint.text)
            score, ev = score_record(f, self._cluster(cid), strength, timing=timed, config=self.config)
            cluster = self._cluster(cid)
        return ScoredComplaint(
            complaint_id=complaint.complaint_id,
            score=score,
            flagged=score >= self.threshold,
            cluster_id=cluster.cluster.cluster_id if cluster else None,
            reasons=to_reasons(ev),
        )

    def _cluster(self, cid: str | None) -> ClusterResult | None:
        if cid is None or cid not in self.clusters:
            return None
        info = self.clusters[cid]
        return ClusterResult(cluster=info.cluster, flagged=info.flagged, evidence=[], members=[])

    def assign(self, f: RecordFeatures, text: str | None = None) -> tuple[str | None, float, bool]:
        """(cluster id, membership strength, attached by timing) of a complaint the index has not
        seen, by the batch's community rules (link.rules) with the run's parameters. `text` lets
        the timing rule read the complaint's intent, as the batch does."""
        cp = self.config.community
        sig = signatures([f.norm_text], self.config.lsh)[0].astype(np.uint32)
        votes: Counter = Counter()
        strong: dict[str, bool] = defaultdict(bool)
        if takes_part_in_templates(f):
            for pos, sim in self.templates.query(sig):
                if not self.sig_in_template[pos]:
                    continue
                cid = self.sig_cluster[pos]
                info = self.clusters[cid]
                if loner_may_join(f, sim, info.city, info.block, cp):
                    votes[cid] += 1
                    strong[cid] = True
        for key in f.indicators:
            if key[0] == "agent_alias":
                for cid, n in self.key_clusters.get(key, {}).items():
                    info = self.clusters[cid]
                    if loner_may_join(f, 0.0, info.city, info.block, cp):
                        votes[cid] += n
                continue
            for cid, n in self.key_clusters.get(key, {}).items():
                votes[cid] += n
                if key in self.clusters[cid].organizer_keys:
                    strong[cid] = True
        if not votes and f.ip_block in self.block_owner:
            votes[self.block_owner[f.ip_block]] += 1  # filed from a campaign's office block
        if not votes and timing_match(f, cp):
            windows = [(*ci.window, ci.cluster.size, cid) for cid, ci in self.clusters.items() if ci.window]
            blocks = {cid: (ci.block, ci.cluster.size) for cid, ci in self.clusters.items() if ci.flagged}
            timed_cid = pick_timing_campaign(f.ts, windows, f.ip_block, blocks)
            intent = classify_complaints([text])[0].intent if text is not None and timed_cid else None
            if timed_cid is not None and timing_match(f, cp, intent):
                return timed_cid, cp.timing_membership, True
        if not votes and office_session_match(f, self.office_sessions, cp) is not None:
            intent = classify_complaints([text])[0].intent if text is not None else None
            session_cid = office_session_match(f, self.office_sessions, cp, intent)
            if session_cid is not None:  # filed from a campaign's office network in its sessions
                return session_cid, cp.weak_membership, False
        if not votes and wave_session_match(f, self.wave_sessions, cp) is not None:
            intent = classify_complaints([text])[0].intent if text is not None else None
            wave_cid = wave_session_match(f, self.wave_sessions, cp, intent)
            if wave_cid is not None:  # filed in a campaign's session, or a regulator's copy of it
                return wave_cid, cp.weak_membership, False
        if not votes and represented_match(f, self.represented, cp) is not None:
            intent = classify_complaints([text])[0].intent if text is not None else None
            rep_cid = represented_match(f, self.represented, cp, intent)
            if rep_cid is not None:  # a borrower the campaign already files for, through another door
                return rep_cid, cp.weak_membership, False
        if not votes:
            return None, 0.0, False
        cid = max(votes, key=lambda c: (votes[c], self.clusters[c].cluster.score, c))
        return cid, membership_strength(strong[cid], False, cp), False


def check_compatible(meta: dict[str, Any], expect: DetectionConfig | None, source: str) -> DetectionConfig:
    """The index's DetectionConfig, after checking the index was made by this code's format and
    normaliser and (when `expect` is given) with the rules the caller runs with."""
    rerun = "请重新运行 qinglang scan 以重建索引 / rerun `qinglang scan` to rebuild the index"
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise StaleIndexError(
            f"{source}: 索引格式版本 {version} 与当前 {FORMAT_VERSION} 不符 / index format version {version}, this "
            f"code reads {FORMAT_VERSION}: {rerun}"
        )
    if meta.get("normaliser_digest") != tables_digest():
        raise StaleIndexError(
            f"{source}: 文本规范化词表已变更（索引由 qinglang {meta.get('qinglang_version')} 生成）/ the text "
            f"normaliser tables changed since this index was built (by qinglang {meta.get('qinglang_version')}): "
            f"{rerun}"
        )
    config = DetectionConfig.from_dict(meta["config"])
    if config.digest() != meta.get("config_digest"):
        raise StaleIndexError(
            f"{source}: 检测配置无法按原样复原 / the saved detection config no longer reads back "
            f"the same (its fields changed): {rerun}"
        )
    if expect is not None and expect.digest() != config.digest():
        raise StaleIndexError(
            f"{source}: 索引按另一份检测配置生成（{config.digest()[:12]} ≠ {expect.digest()[:12]}）/ the index was built "
            f"with another detection config ({config.digest()[:12]}, you run {expect.digest()[:12]}): rerun "
            "`qinglang scan` with this config, or score without --config"
        )
    return config


def load_index(db_url: str, expect: DetectionConfig | None = None) -> OnlineIndex:
    """The index of the latest scan recorded in the store at `db_url` (stored in the store itself,
    so it is found wherever the scan's output folder went)."""
    store = open_store(db_url)
    run = latest_scan(store)
    if run is None:
        raise LookupError(
            "no scan recorded in this store: run `qinglang scan --db ...` first / 库中尚无扫描结果"
        )
    blob = load_artifact(store, run.run_id, ARTIFACT_NAME)
    if blob is None:
        raise StaleIndexError(
            f"扫描 {run.run_id} 没有在库中保存在线索引 / scan {run.run_id} has no online index in the "
            "store (made by an older qinglang): rerun `qinglang scan --db ...`"
        )
    return OnlineIndex.from_bytes(
        blob, customer_lookup=store.get_customer, expect=expect, source=f"scan {run.run_id}"
    )
