"""Whether two SQLite stores written by `qinglang scan --db` hold the same inputs and results.

Used by benchmarks/ab_scan_revisions.sh when it runs with --db: run ids, ingest times, hashing
keys and row ids differ by construction and are left out; everything a later command reads
(stored complaints and customers, quarantine, scored complaints with reasons, clusters, and the
indicator sightings by family, role, value and source) is compared row by row.
Usage: python benchmarks/compare_stores.py OLD.sqlite NEW.sqlite   (exit 1 when they differ)
"""

from __future__ import annotations

import sqlite3
import sys

QUERIES = {
    "complaints": "SELECT * FROM complaints",
    "customers": "SELECT * FROM customers",
    "quarantine": "SELECT kind, line, reason_code, reason, raw FROM quarantine",
    "scored_complaints": "SELECT complaint_id, score, flagged, cluster_id, reasons FROM scored_complaints",
    "clusters": "SELECT cluster_id, size, score, first_seen, last_seen, template, complaint_ids, indicators,"
    " organizers, extra FROM clusters",
    "indicator_sightings": "SELECT kind, role, value, source_kind, source_id, seen_at, organizer, weight"
    " FROM indicator_sightings",
}
DROP = {"complaints": ("ingested_at",), "customers": ("ingested_at",)}


def rows(path: str, table: str) -> list[tuple]:
    con = sqlite3.connect(path)
    cur = con.execute(QUERIES[table])
    names = [d[0] for d in cur.description]
    keep = [i for i, n in enumerate(names) if n not in DROP.get(table, ())]
    out = sorted((tuple(r[i] for i in keep) for r in cur), key=repr)
    con.close()
    return out


def main(old: str, new: str) -> int:
    same = True
    for table in QUERIES:
        a, b = rows(old, table), rows(new, table)
        ok = a == b
        same &= ok
        print(f"store {table}: {len(a)} vs {len(b)} rows, {'identical' if ok else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
