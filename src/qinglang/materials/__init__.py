"""Supporting-material checks (附件材料核验): forged, tampered and re-used attachments.

Public API (used by `qinglang materials` and by the complaint scan):

    check_materials(attachments_dir, complaints=None, customers=None, ocr=True, progress=False)
        -> list[MaterialResult]
    complaint_material_evidence(results) -> dict[complaint_id, list[Evidence]]
    render_thumbnail(path, max_px=240) -> "data:image/png;base64,..."

Paths: complaints reference attachments like "attachments/x.png". `attachments_dir` may be the
folder that CONTAINS those paths (the scenario's DIR) or the attachments folder itself; both are
resolved (see resolve_root) and MaterialResult.file is always the path as complaints reference it
(relative to the containing folder).
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qinglang.materials.codes import CODES, COMPLAINT_CODES, combine
from qinglang.materials.thumbs import render_thumbnail
from qinglang.schema import Complaint, Evidence
from qinglang.score import FLAG_THRESHOLD

if TYPE_CHECKING:
    from qinglang.link.records import CustomerLike

__all__ = [
    "MaterialResult",
    "check_materials",
    "complaint_material_evidence",
    "render_thumbnail",
    "resolve_root",
    "list_files",
]

SKIP_NAMES = {"manifest.jsonl", "truth.json"}


@dataclass
class MaterialResult:
    file: str
    score: float
    flagged: bool
    findings: list[Evidence] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    complaint_ids: list[str] = field(default_factory=list)
    customer_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The materials_scored.jsonl line (public contract: only add fields)."""
        return {
            "file": self.file,
            "score": self.score,
            "flagged": self.flagged,
            "findings": [
                {
                    "code": f.code,
                    "weight": f.weight,
                    "detail_zh": f.detail_zh,
                    "detail_en": f.detail_en,
                    "refs": f.refs,
                }
                for f in self.findings
            ],
            "complaint_ids": self.complaint_ids,
            "customer_ids": self.customer_ids,
            "fields": {k: v for k, v in self.fields.items() if k != "text"},
        }


def list_files(folder: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or fn in SKIP_NAMES or fn.endswith((".jsonl", ".json", ".csv", ".tmp")):
                continue
            out.append(Path(dirpath) / fn)
    return out


def resolve_root(attachments_dir: Path, refs: Sequence[str] = ()) -> Path:
    """The folder that attachment references are relative to.

    `--attachments DIR` may name the folder containing "attachments/x.png" or the attachments
    folder itself. Decided by where the complaints' references resolve; without references, a
    folder named like the first component of its manifest's paths is the attachments folder."""
    d = Path(attachments_dir)
    for ref in refs[:50]:
        if (d / ref).exists():
            return d
        if (d.parent / ref).exists():
            return d.parent
    manifest = d / "manifest.jsonl"
    if manifest.is_file():
        import json

        for line in manifest.read_text("utf-8").splitlines()[:5]:
            if line.strip():
                first = Path(json.loads(line).get("file", "")).parts
                if first and first[0] == d.name:
                    return d.parent
    return d


def _borrowers(customers: Mapping[str, CustomerLike] | None, ids: list[str]):
    from qinglang.materials.consistency import Borrower

    out = []
    for cid in ids:
        c = (customers or {}).get(cid)
        if c is None:
            continue
        extra = c.extra or {}
        idn = next(
            (str(extra[k]) for k in ("id_number", "id_no", "idcard", "身份证号") if extra.get(k)), None
        )
        out.append(Borrower(customer_id=cid, name=c.name, id_number=idn))
    return out


def check_materials(
    attachments_dir: Path,
    complaints: Sequence[Complaint] | None = None,
    customers: Mapping[str, CustomerLike] | None = None,
    ocr: bool = True,
    progress: bool = False,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> list[MaterialResult]:
    """Check every file under attachments_dir; returns one result per file (sorted by file).

    ocr=False skips Tesseract (metadata, PDF text layers, seals and re-use of scans still run).
    OCR runs in `workers` processes (default: CPU count, at most 4) and is cached by file hash."""
    from qinglang.materials.analyse import analyse_file
    from qinglang.materials.consistency import check_document
    from qinglang.materials.crossdoc import cross_document

    complaints = list(complaints or [])
    attachments_dir = Path(attachments_dir)
    if ocr:
        from qinglang.materials.ocr import tesseract_version

        tesseract_version()  # fail fast with the package to install, before any work
    refs = [a for c in complaints for a in c.attachments]
    root = resolve_root(attachments_dir, refs)
    paths = list_files(attachments_dir)
    rels = [p.relative_to(root).as_posix() for p in paths]
    by_file_complaints: dict[str, list[Complaint]] = defaultdict(list)
    for c in complaints:
        for a in c.attachments:
            by_file_complaints[posixpath.normpath(a.replace("\\", "/")).lstrip("/")].append(c)

    jobs = [(str(p), r, ocr, str(cache_dir) if cache_dir else None) for p, r in zip(paths, rels, strict=True)]
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if ocr and n_workers > 1 and len(jobs) > 3:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=n_workers) as ex:
            it = ex.map(analyse_file, *zip(*jobs, strict=True), chunksize=2)
            analyses = list(_progress(it, len(jobs), progress))
    else:
        analyses = list(_progress((analyse_file(*j) for j in jobs), len(jobs), progress))

    owners: dict[str, set[str]] = {}
    for fa in analyses:
        ids = {c.customer_id for c in by_file_complaints.get(fa.file, []) if c.customer_id}
        owners[fa.file] = ids
    own_ids = {
        f: {b.id_number for b in _borrowers(customers, sorted(ids)) if b.id_number}
        for f, ids in owners.items()
    }
    cross = cross_document(analyses, owners, own_ids)
    results = []
    for fa in analyses:
        cs = by_file_complaints.get(fa.file, [])
        cust_ids = sorted(owners[fa.file])
        findings = list(fa.findings)
        findings += check_document(
            fa.fields,
            fa.fields.get("seal_words"),
            _borrowers(customers, cust_ids),
            [c.received_at for c in cs],
        )
        findings += cross.get(fa.file, [])
        fields = dict(fa.fields)
        fields["sha256"] = fa.sha256
        fields["kind"] = fa.kind
        if fa.seal_text:
            fields["seal_text"] = fa.seal_text.strip()
        score = combine(findings)
        results.append(
            MaterialResult(
                file=fa.file,
                score=score,
                flagged=score >= FLAG_THRESHOLD,
                findings=findings,
                fields=fields,
                complaint_ids=sorted({c.complaint_id for c in cs}),
                customer_ids=cust_ids,
            )
        )
    return sorted(results, key=lambda r: r.file)


def _progress(it, total: int, show: bool):
    if not show:
        yield from it
        return
    from rich.progress import Progress

    with Progress() as prog:
        task = prog.add_task("materials", total=total)
        for x in it:
            prog.advance(task)
            yield x


def complaint_material_evidence(results: Sequence[MaterialResult]) -> dict[str, list[Evidence]]:
    """complaint_id -> one Evidence per complaint-level family (material_forged,
    material_reused_across_borrowers, material_name_mismatch, material_fake_licence), each
    summarising the file findings behind it, weighted by the strongest of them."""
    out: dict[str, list[Evidence]] = {}
    for r in results:
        if not r.complaint_ids:
            continue
        fam: dict[str, list[Evidence]] = defaultdict(list)
        for f in r.findings:
            fam[CODES.get(f.code, (0, "material_forged"))[1]].append(f)
        for cid in r.complaint_ids:
            lst = out.setdefault(cid, [])
            for code, fs in fam.items():
                w = max(f.weight for f in fs)
                zh, en = COMPLAINT_CODES[code]
                lst.append(
                    Evidence(
                        code=code,
                        weight=w,
                        detail_zh=f"{zh}（{r.file}）：" + "；".join(f.detail_zh for f in fs[:3]),
                        detail_en=f"{en} ({r.file}): " + "; ".join(f.detail_en for f in fs[:3]),
                        refs=[r.file, *sorted({x for f in fs for x in f.refs})][:10],
                    )
                )
    return out
