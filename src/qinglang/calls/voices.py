"""Voices shared across borrowers, from the voiceprint package when it is installed.

WHY a seam: voiceprints (qinglang.voice: speaker embeddings, VAD, clustering) are built apart
from call records. `qinglang calls --recordings DIR` asks for them here, importing the voice
package only then; when it is not there the command says so and stops (exit 2) rather than
silently ignoring the recordings. A voice answering for many unrelated borrowers is counted like
an answering number: unrelated parties (calls/relations.py), a Poisson chance test,
Benjamini-Hochberg over voices. Voice ids, not embeddings or audio, are what this package keeps
and writes.

The background (voice_background): how often the clustering puts known-different voices together,
measured on the same calls, never on a set's truth. WHY not the answering numbers' background
(calls/background.chance_rate: groups answering for two parties over groups answering for one): a
number answering for one borrower is seen, a voice heard once is no group, and the clustering
merges pairs of strangers whose voices happen to be alike, so on voice_v1 that ratio came out 5.5
(two groups of one party, eleven of two) and not one of the six agency voices was significant.

Known-different voices are the reference calls: answered with no diversion on the phone the
borrower gave (the number on file, else the number the lender dials most). Two reference calls on
two phones are two people (relatives too: each on their own phone). The share p of such pairs the
clustering put in one group is its chance of joining two strangers. A voice answering for n
unrelated parties is then tested as a Poisson count of parties joined by chance at rate
p x (borrowers recorded - 1): each other borrower joins with chance p (counting every recorded
borrower as a party overcounts the strangers: a stricter test). Agencies answer diverted calls, so
their voices are not in the reference and do not raise their own bar; if an agency's voice
swallows reference calls, p rises and the test gets stricter, never looser. Every voice heard
(one call or more) is one test in Benjamini-Hochberg at GROUP_FDR. With fewer than
MIN_REFERENCE_CALLS recorded reference calls, p is measured over all pairs of calls of different
people (agencies' own pairs included: stricter) and the groups' facts say "all_calls".

A relative answering for 2-3 family members counts as one party (relations.py) and stays under
MIN_PARTIES whatever the rate: never flagged. A look-alike relative's calls can still be merged
into an agency's voice (voice_v2); the calls answered through a family line (family_lines: a
number answering only for one family) are passed to the pipeline (`apart`), which keeps them out
of other voices' groups, and the reference calls (`own`) stay in a group heard on other lines only
within that group's spread (voice/pipeline.py, docs/voice.md "After voice_v2").
The same reference calls set the clustering's cut (pipeline.reference_threshold: where 1 % of
their pairs would join, never below 0.90), so fewer strangers join and the rate below falls with it
(voice_v1 1.48 -> 0.97 after round 3, docs/voice.md "Round 3"); the figures below are from before.

Measured (evaluations/results/voice_v1_dev_after.json; synthetic espeak-ng voices): on voice_v1,
24 of 2,278 reference pairs joined, p 0.0105, rate 1.55 over 148 borrowers: the six agency voices
flagged (three of the six groups took in one or two one-call voices), no family, no group of
strangers. WHY pairs and not groups: the group-level rate (parties beyond the first per group
holding reference calls, scaled to the pool), the numbers' definition, came out 0.73 and flagged a
group of five strangers and a family's two calls; chance clusters have a heavier tail than a
Poisson of that mean, and the pair (call-level) rate, which weighs a call by the strangers it sits
with, covers it. Its cost, on a generated lender with recordings (synthesise_world(1500, 9292),
about 6 recorded clients per agency voice): three agency groups of 6 parties (p 0.004) are no
longer flagged, which the groups' own ratio (0.375 there) did flag.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from qinglang.calls.background import benjamini_hochberg, chance_p
from qinglang.calls.codes import GROUP_FDR, MIN_PARTIES
from qinglang.calls.detectors.base import Findings, NumberGroup
from qinglang.calls.history import CallView
from qinglang.calls.relations import parties

MIN_REFERENCE_CALLS = 10  # reference calls (45 pairs) needed to measure the clustering's chance rate


class VoicesUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class VoiceBackground:
    """How often the clustering joins two known-different voices, and the Poisson rate it gives."""

    source: str  # "reference" (undiverted calls on the borrower's own phone) | "all_calls" (fallback)
    calls: int  # calls the pairs were drawn from
    pairs: int  # pairs of calls of unrelated parties among them
    together: int  # of which the clustering put in one group
    parties: int  # unrelated parties among all clustered calls
    pair_rate: float
    rate: float  # expected parties joined to one party by chance: pair_rate x (parties - 1)

    def facts(self) -> dict[str, object]:
        return {
            "background": self.source,
            "background_calls": self.calls,
            "background_pairs": self.pairs,
            "background_pairs_together": self.together,
            "pair_rate": round(self.pair_rate, 5),
            "chance_rate": round(self.rate, 4),
        }


def _pairs_apart(
    group_of: Mapping[str, int], party_of: Mapping[str, str], calls: Iterable[str]
) -> tuple[int, int]:
    """(pairs of `calls` from different parties, of which in one group), counted, not enumerated."""
    calls = [c for c in calls if c in group_of]
    by_party = Counter(party_of[c] for c in calls)
    by_group = Counter(group_of[c] for c in calls)
    by_both = Counter((group_of[c], party_of[c]) for c in calls)
    n = len(calls)
    pairs = n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in by_party.values())
    together = sum(k * (k - 1) // 2 for k in by_group.values()) - sum(
        k * (k - 1) // 2 for k in by_both.values()
    )
    return pairs, together


def voice_background(
    groups: Iterable[Iterable[str]], person_of: Mapping[str, str], reference: Iterable[str], parties: int
) -> VoiceBackground:
    """The chance rate of a voice group from every clustered call's group (singletons too).

    person_of: call id -> who it is known to be (for a reference call the phone on file: two own
    phones are two people, relatives or not); reference: calls known to be the borrower's own
    voice (see the module docstring); parties: unrelated parties among all clustered calls."""
    group_of = {c: i for i, g in enumerate(groups) for c in g}
    ref = sorted(set(reference) & set(group_of))
    source = "reference"
    if len(ref) < MIN_REFERENCE_CALLS:
        ref, source = sorted(group_of), "all_calls"
    pairs, together = _pairs_apart(group_of, person_of, ref)
    pair_rate = max(together, 1) / (pairs + 1)  # never zero: one join is always possible
    return VoiceBackground(
        source, len(ref), pairs, together, parties, pair_rate, pair_rate * max(parties - 1, 1)
    )


def test_voices(n_parties: list[int], background: VoiceBackground) -> list[tuple[float, bool]]:
    """(chance p-value, flagged) per group of n unrelated parties: Benjamini-Hochberg at GROUP_FDR
    over every group (one call or more), flagged only with >= MIN_PARTIES parties."""
    pvals = [chance_p(n, background.rate) if n >= 2 else 1.0 for n in n_parties]
    rejected = benjamini_hochberg(pvals, GROUP_FDR) if n_parties else []
    return [(p, rej and n >= MIN_PARTIES) for n, p, rej in zip(n_parties, pvals, rejected, strict=True)]


test_voices.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported


def family_lines(view: CallView) -> dict[str, str]:
    """Answering numbers that answer only for one family (two or more borrowers, one party by
    relations.py, as shared_target sets a number aside as `family`): number -> line key."""
    members_of: dict[str, set[str]] = {}
    for b in view.borrowers.values():
        for r in b.calls:
            if r.by:
                members_of.setdefault(r.by, set()).add(b.customer_id)
    return {
        num: f"line:{num}"
        for num, ms in members_of.items()
        if len(ms) >= 2 and len(parties(sorted(ms), view, num)) == 1
    }


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
        reference: set[str] = set()
        lines = family_lines(view)
        apart: dict[str, str] = {}  # calls answered on a family's line (pipeline.set_apart_lines)
        for b in view.borrowers.values():
            for r in b.calls:
                if r.recording and r.answered:
                    p = Path(r.recording)
                    p = p if p.is_absolute() else folder / p
                    if p.exists():
                        recordings[r.call_id] = p
                        customer_of[r.call_id] = b.customer_id
                        if r.by in lines:
                            apart[r.call_id] = lines[r.by]
                        # the borrower's own voice: undiverted, on the phone they gave
                        if r.outbound and not r.by and b.phone and r.dialled == b.phone:
                            reference.add(r.call_id)
        out = Findings()
        staff = (
            {p.stem: p for p in sorted((folder / "staff").glob("*.wav"))}
            if (folder / "staff").is_dir()
            else {}
        )
        kw: dict[str, object] = {"min_calls": 1}  # every voice heard, once or more: the tests' family
        if staff:
            kw["staff"] = staff
        if apart:
            kw["apart"] = apart
        if reference:
            kw["own"] = sorted(reference)  # the borrowers' own phones (pipeline: within the core's spread)
        found = voice_groups(recordings, **kw) if recordings else []
        found = [vg for vg in found if any(c in customer_of for c in vg.call_ids)]
        # who a call is known to be: the phone on file (a household phone is one person's or the
        # family's), else the borrower
        person_of = {
            c: f"phone:{view.borrowers[m].phone}" if view.borrowers[m].phone else f"cust:{m}"
            for c, m in customer_of.items()
        }
        clusters = [[c for c in vg.call_ids if c in customer_of] for vg in found]
        members_of = [sorted({customer_of[c] for c in calls}) for calls in clusters]
        n_parties = [len(parties(members, view)) for members in members_of]
        # the pool: borrowers recorded (each a party: an overcount of strangers, so a stricter test)
        background = voice_background(clusters, person_of, reference, len(set(customer_of.values())))
        groups = []
        for vg, calls, members, n, (p_value, flagged) in zip(
            found, clusters, members_of, n_parties, test_voices(n_parties, background), strict=True
        ):
            g = NumberGroup("voice", str(vg.voice_id), members, n, calls=len(calls))
            g.facts = {
                "recordings": len(calls),
                "mean_similarity": vg.mean_similarity,
                **background.facts(),
            }
            g.p_value, g.flagged = p_value, flagged
            groups.append(g)
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
