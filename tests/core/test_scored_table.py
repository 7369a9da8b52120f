"""qinglang.scored.ScoredTable: scored complaints held as their JSON lines must read back as the
objects appended, and write the same file as the objects would."""

from __future__ import annotations

import random
from pathlib import Path

from qinglang.report.outputs import write_scored
from qinglang.schema import Reason, ScoredComplaint
from qinglang.scored import ScoredTable, complaint_ids, flagged_scored, json_records


def _sample(n: int = 400) -> list[ScoredComplaint]:
    rng = random.Random(11)
    out = []
    for i in range(n):
        reasons = [
            Reason(
                code=rng.choice(["campaign_member", "lexicon_jargon", "material_forged"]),
                weight=rng.random(),
                detail_zh=f"同一模板 {rng.randrange(99)} 件，含\u201c停息挂账\u201d\n第二行",
                detail_en='same template, "quoted" \\ backslash',
            )
            for _ in range(rng.choice([0, 0, 0, 1, 3]))
        ]
        score = rng.choice([0.0, 1.0, 0.1 + 0.2, rng.random(), 1e-17])
        out.append(
            ScoredComplaint(
                complaint_id=f"C{i:05d}",
                score=score,
                flagged=score >= 0.5,
                cluster_id=rng.choice([None, "CL-1", "团伙-2"]),
                reasons=reasons,
            )
        )
    return out


def test_reads_back_the_objects_appended():
    items = _sample()
    table = ScoredTable(items)
    assert len(table) == len(items)
    assert list(table) == items
    assert table[17] == items[17] and table[-1] == items[-1]
    assert table[5:9] == items[5:9]
    assert table == items and table == ScoredTable(items)
    assert table.flagged_count == sum(s.flagged for s in items) > 0
    assert list(flagged_scored(table)) == [s for s in items if s.flagged]
    assert complaint_ids(table) == [s.complaint_id for s in items]
    assert list(json_records(table)) == [s.model_dump(mode="json") for s in items]


def test_writes_the_same_file_as_the_objects(tmp_path: Path):
    items = _sample()
    write_scored(tmp_path / "objects.jsonl", items)
    write_scored(tmp_path / "table.jsonl", ScoredTable(items))
    assert (tmp_path / "objects.jsonl").read_bytes() == (tmp_path / "table.jsonl").read_bytes()


def test_not_equal_when_one_differs():
    items = _sample(50)
    other = [*items[:-1], items[-1].model_copy(update={"score": items[-1].score + 0.01})]
    assert ScoredTable(items) != ScoredTable(other)
    assert ScoredTable(items) != other
