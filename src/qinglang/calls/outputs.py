"""calls_scored.jsonl and call_groups.json: the public output files of `qinglang calls`.

WHY one module: the command, the scan merge and the workbench read the same shapes; the files
change only by adding fields (docs/contracts.md). Numbers are written in full, like the scan's
clusters.json (a file for the lender's analysts and the police); the workbench masks them per role.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qinglang.calls.detectors.base import NumberGroup
from qinglang.calls.numbers import shown
from qinglang.calls.run import CallsResult, ScoredBorrower
from qinglang.score import to_reasons

KIND_TEXT = {
    "forwarding_target": ("呼叫转移接听号码", "call-forwarding target"),
    "callback_number": ("回拨号码", "callback number"),
    "voice": ("同一声音", "one voice"),
}


MACHINE_TEXT = {
    "short_at_any_hour": ("通话短，且不分时段接听", "short talks, answered at any hour"),
    "short_bounded_no_callback_self_answering": (
        "通话短且时长集中，无人从该号码回拨，用户仍自行接听其余来电",
        "short talks of bounded length, nobody calls back from it, its subscribers still answer their other calls",
    ),
}


def scored_row(b: ScoredBorrower) -> dict[str, Any]:
    return {
        "customer_id": b.customer_id,
        "score": b.score,
        "flagged": b.flagged,
        "calls": b.calls,
        "reasons": [r.model_dump() for r in to_reasons(b.evidence)],
    }


def group_row(g: NumberGroup, index: int) -> dict[str, Any]:
    zh, en = KIND_TEXT.get(g.kind, (g.kind, g.kind))
    role = g.role_text()
    who = g.value if g.kind == "voice" else shown(g.value)
    if g.flagged:
        why_zh = f"{zh} {who} 为 {g.parties} 个互不相关的借款人接听或被报出"
        why_en = f"{en} {who} answering for, or given by, {g.parties} unrelated borrowers"
    elif role:
        why_zh, why_en = f"排除：{role[0]}", f"set aside: {role[1]}"
        read = (g.facts.get("machine") or {}).get("read_as_machine")
        if read:  # known by behaviour, not by a list (calls/machine.py)
            zh_b, en_b = MACHINE_TEXT[read]
            why_zh, why_en = f"{why_zh}（按行为判断：{zh_b}）", f"{why_en} (by behaviour: {en_b})"
    else:
        why_zh = f"未达显著（{g.parties} 个不相关借款人）"
        why_en = f"not significant ({g.parties} unrelated borrowers)"
    return {
        "group_id": f"G{index:05d}",
        "kind": g.kind,
        "value": g.value if g.kind == "voice" else shown(g.value, reveal=True),
        "key": g.value,
        "flagged": g.flagged,
        "role": g.role,
        "members": g.members,
        "size": len(g.members),
        "unrelated": g.parties,
        "p_value": g.p_value,
        "calls": g.calls,
        "why_zh": why_zh,
        "why_en": why_en,
        "facts": g.facts,
    }


def write_outputs(out: Path, result: CallsResult) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    scored = out / "calls_scored.jsonl"
    with scored.open("w", encoding="utf-8") as fh:
        for b in result.borrowers:
            fh.write(json.dumps(scored_row(b), ensure_ascii=False) + "\n")
    groups = out / "call_groups.json"
    groups.write_text(
        json.dumps(
            {
                "summary": result.summary(),
                "groups": [group_row(g, i) for i, g in enumerate(result.groups, 1)],
            },
            ensure_ascii=False,
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )
    return {"calls_scored": scored, "call_groups": groups}
