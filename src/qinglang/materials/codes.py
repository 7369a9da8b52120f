"""Finding codes of the material checks: a view of the one evidence-code table (qinglang.codes).

The rows (stable identifier, default weight, complaint-level family, zh, en) live in
`qinglang.codes` with every other evidence code and are mirrored in docs/materials.md. Weights are
configuration, not truth: the starting point that analyst verdicts tune. A file's score combines
its findings with the one `qinglang.score.combine`, each code counted once at its strongest.
"""

from __future__ import annotations

from qinglang.codes import in_scope
from qinglang.schema import Evidence
from qinglang.score import combine as _combine

# code: (weight, complaint-level family, meaning zh, meaning en)
CODES: dict[str, tuple[float, str, str, str]] = {
    r.code: (r.weight, r.family or "material_forged", r.zh, r.en) for r in in_scope("material")
}
# complaint-level family -> (zh, en)
COMPLAINT_CODES: dict[str, tuple[str, str]] = {
    r.code: (r.zh, r.en) for r in in_scope("complaint") if r.code.startswith("material_")
}


def finding(code: str, detail_zh: str, detail_en: str, refs: list[str] | None = None) -> Evidence:
    weight = CODES[code][0]
    return Evidence(code=code, weight=weight, detail_zh=detail_zh, detail_en=detail_en, refs=refs or [])


def combine(findings: list[Evidence]) -> float:
    """A file's score: noisy-OR of its findings, each code counted once (the strongest instance)."""
    return _combine(findings, strongest_per_code=True)
