"""One generated lender (N=2,000) shared by the synth tests: generation is the expensive part."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from qinglang.synth.scenario import Config, generate

N = 2000
SEED = 7


@dataclass
class Scenario:
    out: Path
    summary: dict
    complaints: list[dict]
    customers: dict[str, dict]
    posts: list[dict]
    manifest: list[dict]
    truth: dict

    def campaign_of(self, complaint_id: str) -> str | None:
        return self.truth["campaigns"][complaint_id]


def load(out: Path, summary: dict) -> Scenario:
    complaints = [json.loads(line) for line in (out / "complaints.jsonl").open(encoding="utf-8")]
    with (out / "customers.csv").open(encoding="utf-8") as fh:
        customers = {r["customer_id"]: r for r in csv.DictReader(fh)}
    posts = [json.loads(line) for line in (out / "posts.jsonl").open(encoding="utf-8")]
    manifest = [json.loads(line) for line in (out / "attachments" / "manifest.jsonl").open(encoding="utf-8")]
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return Scenario(out, summary, complaints, customers, posts, manifest, truth)


@pytest.fixture(scope="session")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    out = tmp_path_factory.mktemp("lender")
    summary = generate(out, Config(complaints=N, seed=SEED), render=False)
    return load(out, summary)
