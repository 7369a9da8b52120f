"""The pack's provenance.json: how the evidence came to be, ingest -> scan -> verdicts -> export.

WHY: a court asks not only "is this the file you exported" (the seal answers that) but "where
did it come from and who decided what": each step says who, when, with which qinglang version
and DetectionConfig digest, and the source files' hashes, from what the store records. What the
store does not record is said so ("not recorded"), never guessed.

The caller (qinglang.web.export.collect_case) hands over `data["provenance"]`:
- ingest_runs: rows of ingest_runs for the members' source files (or, when the members were
  stored without one, every ingest run before the scan);
- audit: the audit log entries about the campaign and its case (with their chain hashes);
and the pack adds the scan run, verdicts and the export itself.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qinglang import __version__

NOT_RECORDED = "not recorded by the store / 存储未记录"


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return None if value is None else str(value)


def file_hashes(path: str | None) -> dict[str, Any]:
    """SHA-256 and SM3 of a source file as it is now (at export), or why there are none."""
    if not path:
        return {"path": None, "hashed": False, "why": NOT_RECORDED}
    p = Path(path)
    if not p.is_file():
        return {
            "path": path,
            "hashed": False,
            "why": "file no longer at its recorded path / 原路径下已无此文件",
        }
    h, s = hashlib.sha256(), hashlib.new("sm3")
    with p.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            s.update(chunk)
    return {
        "path": path,
        "hashed": True,
        "sha256": h.hexdigest(),
        "sm3": s.hexdigest(),
        "bytes": p.stat().st_size,
    }


def records_digest(members: list[dict[str, Any]]) -> str:
    """SHA-256 over the members' stored content hashes (sorted, one per line): the complaint
    records as ingested, independent of the order they were read in."""
    lines = sorted(f"{m.get('complaint_id')}:{m.get('content_hash')}" for m in members)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def chain(case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime) -> dict[str, Any]:
    run, members = data.get("run") or {}, data["members"]
    params, summary = run.get("params") or {}, run.get("summary") or {}
    source: dict[str, Any] = data.get("provenance") or {}
    digest = params.get("config_digest") or summary.get("config_digest")
    by_source: dict[str | None, int] = {}
    for m in members:
        by_source[m.get("source_file")] = by_source.get(m.get("source_file"), 0) + 1
    ingest = [
        {
            "step": "ingest",
            "who": f"host {r.get('host') or '?'} pid {r.get('pid') or '?'} (user {NOT_RECORDED})",
            "when": {"started": _iso(r.get("started_at")), "finished": _iso(r.get("finished_at"))},
            "kind": r.get("kind"),
            "status": r.get("status"),
            "counts": {k: r.get(k) for k in ("read", "accepted", "duplicates", "quarantined", "inserted")},
            "qinglang_version": NOT_RECORDED,
            "source_file": file_hashes(r.get("source_file")),
            "campaign_complaints_from_it": by_source.get(r.get("source_file"), 0),
        }
        for r in source.get("ingest_runs") or []
    ]
    scan = {
        "step": "scan",
        "run_id": run.get("run_id"),
        "who": NOT_RECORDED,
        "when": _iso(run.get("created_at")),
        "qinglang_version": params.get("qinglang_version") or NOT_RECORDED,
        "detection_config_digest": digest or NOT_RECORDED,
        "config_file": params.get("config_file"),
        "complaints_file": file_hashes(params.get("complaints")) if params.get("complaints") else None,
        "campaign": case["cluster_id"],
        "campaign_complaints": len(members),
        "campaign_records_digest": records_digest(members),
        "records_without_source_file": by_source.get(None, 0),
    }
    verdicts = [
        {
            "step": "verdict",
            "who": v.get("username"),
            "when": _iso(v.get("at")),
            "verdict": v.get("verdict"),
            "note": v.get("note"),
        }
        for v in data.get("verdicts") or []
    ]
    audit = [
        {
            "who": f"{a.get('username')} ({a.get('role')})",
            "when": _iso(a.get("at")),
            "action": a.get("action"),
            "target": f"{a.get('target_kind')}:{a.get('target_id')}",
            "entry_hash": a.get("entry_hash"),
        }
        for a in source.get("audit") or []
    ]
    export = {
        "step": "export",
        "who": exported_by,
        "when": now.isoformat(),
        "qinglang_version": __version__,
        "detection_config_digest": digest or NOT_RECORDED,
        "case_id": case["case_id"],
        "case_status": case.get("status"),
        "seal": "the Merkle root over this pack is signed and timestamped in seal/ (see manifest.json)",
    }
    return {
        "format": "qinglang-provenance/1",
        "chain": [*ingest, scan, *verdicts, export],
        "audit_entries": audit,
        "hash_algorithms": ["sha256", "sm3"],
        "notes": "who/version fields the store does not record are marked as such; file hashes are taken at export "
        "from the recorded paths / 存储未记录的字段如实标注；源文件哈希于导出时按记录路径计算",
    }


def build(
    case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime, files: dict[str, bytes]
) -> bytes:
    """provenance.json's bytes (the pack's hook: qinglang.evidence.pack._v2_files)."""
    return json.dumps(chain(case, data, exported_by, now), ensure_ascii=False, indent=2, default=str).encode(
        "utf-8"
    )
