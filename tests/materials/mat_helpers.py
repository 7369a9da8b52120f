"""Helpers for the materials tests (imported as a module, not from conftest)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from qinglang.schema import Complaint, Customer


def load_inputs(d: Path) -> tuple[list[Complaint], dict[str, Customer]]:
    comps = [
        Complaint(**json.loads(x)) for x in (d / "complaints.jsonl").read_text("utf-8").splitlines() if x
    ]
    custs: dict[str, Customer] = {}
    with (d / "customers.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            custs[r["customer_id"]] = Customer(
                customer_id=r["customer_id"], name=r["name"], extra={"id_number": r["id_number"]}
            )
    return comps, custs
