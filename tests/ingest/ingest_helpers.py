"""Helpers for the ingest tests: fixture rows and files in any encoding and format.

A uniquely named module (not conftest) so that `from ingest_helpers import ...` cannot clash
with other folders' conftest modules when the whole suite runs.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from qinglang.ingest.records import COMPLAINT_FIELDS

COMPLAINT_HEADER = list(COMPLAINT_FIELDS)  # the contract's column order


def complaint(i: int, **overrides: Any) -> dict[str, Any]:
    """A valid complaint row; override any field (None removes it)."""
    row: dict[str, Any] = {
        "complaint_id": f"C{i:04d}",
        "received_at": f"2026-03-{1 + i % 28:02d} 09:{i % 60:02d}:00",
        "channel": "app",
        "customer_id": f"U{i:04d}",
        "phone": f"138{i:08d}",
        "text": f"第{i}号投诉：本月重复扣款，请退回。",
        "ip": "10.0.0.1",
        "device_id": f"D{i}",
        "attachments": [f"att/{i}.jpg"],
    }
    row.update(overrides)
    return {k: v for k, v in row.items() if v is not None}


class Files:
    """Writes fixture files under a temporary directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def raw(self, name: str, data: bytes) -> Path:
        p = self.root / name
        p.write_bytes(data)
        return p

    def jsonl(self, name: str, rows: list[Any], encoding: str = "utf-8") -> Path:
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
        return self.raw(name, ("\n".join(lines) + "\n").encode(encoding))

    def csv(self, name: str, header: list[str], rows: list[Any], encoding: str = "utf-8") -> Path:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            if isinstance(r, dict):
                w.writerow([";".join(v) if isinstance(v := r.get(h, ""), list) else v for h in header])
            else:
                w.writerow(r)
        return self.raw(name, buf.getvalue().encode(encoding))

    def complaints_csv(self, name: str, rows: list[dict[str, Any]], encoding: str = "utf-8") -> Path:
        return self.csv(name, COMPLAINT_HEADER, rows, encoding)
