"""Real data: do the CFPB template batches come out as clusters?

Reads ../shared/data/real/cfpb-payday-loan-complaints (real, unlabelled CFPB complaints; licence
forbids shipping them, so they are read in place) and runs the same scan stages as
`qinglang scan`. Each complaint is its own customer (the CFPB publishes no consumer id), so only
templates and timing can tie complaints together. Prints every cluster of >= 3 complaints with
its date/ZIP/company spread and first words, and checks the three batches SOURCE.md names.
Skips (exit 0 with a message) when the data folder is absent.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from qinglang.scan import run_scan
from qinglang.schema import Complaint

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "cfpb-payday-loan-complaints"
FILES = ("cfpb_payday_2023_sample.csv", "cfpb_payday_2025_q1.csv")
NAMED_BATCHES = {
    "frustrated_with_these_companies": "I must say I am very frustrated with THESE COMPANIES",
    "fraudulent_contract": "I signed a fraudulent contract",
    "notice_of_intent": "This letter shall serve as formal Notice of my Intent",
}
NY = ZoneInfo("America/New_York")


def load() -> tuple[list[Complaint], dict[str, dict]]:
    complaints, meta = [], {}
    for name in FILES:
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("Consumer complaint narrative") or "").strip()
                if not text:
                    continue
                cid = f"{name[:14]}-{row['Complaint ID']}"
                at = datetime.strptime(row["Date received"], "%m/%d/%y").replace(hour=12, tzinfo=NY)
                complaints.append(Complaint(complaint_id=cid, received_at=at, channel="regulator", text=text))
                meta[cid] = {
                    "zip": row.get("ZIP code"),
                    "company": row.get("Company"),
                    "date": row["Date received"],
                }
    return complaints, meta


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not present")
        return 0
    complaints, meta = load()
    result = run_scan(complaints)
    by_id = {c.complaint_id: c for c in complaints}
    report = {"complaints": len(complaints), "clusters": [], "named_batches": {}}
    for cr in result.clusters:
        ids = cr.cluster.complaint_ids
        if len(ids) < 3:
            continue
        report["clusters"].append(
            {
                "cluster_id": cr.cluster.cluster_id,
                "size": len(ids),
                "score": cr.cluster.score,
                "flagged": cr.flagged,
                "codes": [e.code for e in cr.evidence],
                "dates": Counter(meta[i]["date"] for i in ids).most_common(3),
                "zips": Counter(meta[i]["zip"] for i in ids).most_common(3),
                "companies": len({meta[i]["company"] for i in ids}),
                "start": by_id[ids[0]].text[:90],
            }
        )
    for name, phrase in NAMED_BATCHES.items():
        having = {
            c.complaint_id
            for c in complaints
            if " ".join(phrase.lower().split()) in " ".join(c.text.lower().split())
        }
        best = max(
            ((cr.cluster.cluster_id, len(having & set(cr.cluster.complaint_ids))) for cr in result.clusters),
            key=lambda x: x[1],
            default=(None, 0),
        )
        report["named_batches"][name] = {
            "complaints_with_phrase": len(having),
            "best_cluster": best[0] if best[1] else None,  # no cluster holds any of them
            "in_best_cluster": best[1],
        }
    out = Path(__file__).parent / "results" / "cfpb.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(json.dumps(report["named_batches"], indent=1))
    print(f"{len(report['clusters'])} clusters of >= 3 complaints; details in {out}")
    for c in report["clusters"]:
        print(
            f"{c['cluster_id']} size={c['size']} score={c['score']:.2f} companies={c['companies']} "
            f"dates={c['dates'][:2]} zips={c['zips'][:2]} :: {c['start']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
