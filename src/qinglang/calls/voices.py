"""Voices shared across borrowers, from the voiceprint package when it is installed.

WHY a seam: voiceprints (qinglang.voice: speaker embeddings, VAD, clustering) are built apart
from call records. `qinglang calls --recordings DIR` asks for them here, importing the voice
package only then; when it is not there the command says so and stops (exit 2) rather than
silently ignoring the recordings. A voice answering for many unrelated borrowers is counted like
an answering number: unrelated parties (calls/relations.py) against the same Poisson background
(calls/background.py), Benjamini-Hochberg over voices. Voice ids, not embeddings or audio, are
what this package keeps and writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from qinglang.calls.background import benjamini_hochberg, chance_p, chance_rate
from qinglang.calls.codes import GROUP_FDR, MIN_PARTIES
from qinglang.calls.detectors.base import Findings, NumberGroup
from qinglang.calls.history import CallView
from qinglang.calls.relations import parties


class VoicesUnavailable(RuntimeError):
    pass


def _pipeline() -> Callable[..., list]:
    try:
        return importlib.import_module("qinglang.voice.pipeline").voice_groups  # type: ignore[no-any-return]
    except (ModuleNotFoundError, AttributeError):
        raise VoicesUnavailable(
            "声纹分析尚未提供（qinglang.voice.pipeline.voice_groups 不存在），请去掉 --recordings / voiceprints are "
            "not available in this build (qinglang.voice.pipeline.voice_groups is missing): run without --recordings"
        ) from None


def voice_groups_for(folder: Path) -> Callable[[CallView], Findings]:
    """A function giving the voice groups of the view's calls that have a recording under `folder`
    (`recording` paths are relative to it). WAVs under `folder/staff/` are the lender's own voices
    (collectors' enrolment, IVR): left out of every call before voices are compared.

    Raises VoicesUnavailable at once (before any call is read) when the voice package is missing."""
    voice_groups = _pipeline()

    def run(view: CallView) -> Findings:
        customer_of: dict[str, str] = {}
        recordings: dict[str, Path] = {}
        for b in view.borrowers.values():
            for r in b.calls:
                if r.recording and r.answered:
                    p = Path(r.recording)
                    p = p if p.is_absolute() else folder / p
                    if p.exists():
                        recordings[r.call_id] = p
                        customer_of[r.call_id] = b.customer_id
        out = Findings()
        groups = []
        staff = (
            {p.stem: p for p in sorted((folder / "staff").glob("*.wav"))}
            if (folder / "staff").is_dir()
            else {}
        )
        found = voice_groups(recordings, staff=staff) if staff else voice_groups(recordings)
        for vg in found if recordings else []:
            members = sorted({customer_of[c] for c in vg.call_ids if c in customer_of})
            if not members:
                continue
            g = NumberGroup(
                "voice", str(vg.voice_id), members, len(parties(members, view)), calls=len(vg.call_ids)
            )
            g.facts = {"recordings": len(vg.call_ids)}
            groups.append(g)
        rate = chance_rate([g.parties for g in groups])
        for g, rej in zip(
            groups, benjamini_hochberg([chance_p(g.parties, rate) for g in groups], GROUP_FDR), strict=True
        ):
            g.p_value = chance_p(g.parties, rate)
            g.flagged = rej and g.parties >= MIN_PARTIES
            g.facts["chance_rate"] = round(rate, 4)
            if len(g.members) >= 2:
                out.groups.append(g)
            if g.flagged:
                for m in g.members:
                    out.add(
                        m,
                        "voice_shared",
                        f"声音 {g.value} 为 {g.parties} 个互不相关的借款人接听（偶然概率 {g.p_value:.1e}）",
                        f"voice {g.value} answered for {g.parties} unrelated borrowers (chance {g.p_value:.1e})",
                        [f"voice:{g.value}"],
                    )
        out.tested = len(groups)
        return out

    return run
