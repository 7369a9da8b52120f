"""One voice answering many calls: embed every answered call's recording once, then group the
calls whose voices match, across borrowers.

Why: an agency that takes over borrowers' collection calls (call forwarding, or a borrower
handing over the phone) answers them with the same few people. Grouping calls by voice shows
one speaker answering for many unrelated borrowers: an organiser indicator (issue 16). The
caller (qinglang.calls) maps call ids to borrowers and decides what a group means.

Grouping: agglomerative clustering, average linkage on cosine similarity, cut at THRESHOLD
(a group's members are on average at least that alike; average linkage does not chain two
voices through a call in between, as single linkage would). THRESHOLD 0.90 was read from the
same-speaker and different-speaker similarity distributions on development seeds 1-3 of the
synthetic speakers (evaluations/eval_voice.py, docs/voice.md): there 1.7 % of different-speaker
call pairs and 81 % of same-speaker pairs reach 0.90, and the clustered groups had the best
balance of purity and recall. It leans to precision: a false "same voice" puts a borrower in
an agency's group, a missed one only loses a lead. The voices were espeak-ng stand-ins, not
real speech: recalibrate on a lender's own labelled calls before trusting the figure.

Given the calls answered on the borrowers' own phones (`own`: each another person), 0.90 is a
floor: the cut is where TARGET_FALSE_MERGE (1 %) of their pairs would be "one voice"
(reference_threshold; docs/voice.md "Round 3"). Where strangers sound alike (look-alike voices,
one line's codec) the fixed 0.90 merged several speakers into one group (voice_v3).

Mono recordings hold the collector too, and one collector calls hundreds of borrowers: pass
the lender's own voices (`staff`: collectors' enrolment recordings, the IVR greeting) and each
call's partials close to one of them (cosine >= STAFF_SIMILARITY, 0.80) are left out of its
embedding. Without them, on synthetic calls, pair precision fell from 0.75 to 0.27.

Privacy: only embeddings (256 floats per call) leave this module, never audio; the voice id
is a pseudonym (a digest of the member call ids), and the embeddings are not in VoiceGroup.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from qinglang.voice.audio import SAMPLE_RATE, AudioError, load_speech
from qinglang.voice.encoder import embed_partials, mean_embedding

THRESHOLD = 0.90  # cosine similarity at which two calls are "one voice" (see module docstring)
MIN_SPEECH_SECONDS = 1.0  # less voiced audio than this gives no embedding (a hang-up, a beep)
EMBED_BATCH_CALLS = 16
SIMILARITY_CELLS = 2**25  # similarities computed at once in cluster_embeddings (128 MB of float32)
STAFF_SIMILARITY = 0.80  # a partial this close to a staff voice is the lender's side of the call
TARGET_FALSE_MERGE = 0.01  # share of known-different call pairs (reference calls) allowed at the cut
MIN_REFERENCE_PAIRS = 100  # reference pairs needed before their similarities set the cut
MAX_REFERENCE_CALLS = 2000  # reference calls sampled (fixed seed) for the cut: 2M pairs at most

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceGroup:
    """Calls answered by one voice. mean_similarity: mean pairwise cosine of the members'
    embeddings (1.0 for a group of one)."""

    voice_id: str
    call_ids: tuple[str, ...]
    mean_similarity: float


def _load(
    recordings: Mapping[str, Path], call_id: str, skipped: dict[str, str], channel: int | None
) -> npt.NDArray[np.float32] | None:
    try:
        speech = load_speech(Path(recordings[call_id]), channel)
    except (AudioError, OSError) as exc:
        skipped[call_id] = str(exc)
        return None
    if len(speech) < MIN_SPEECH_SECONDS * SAMPLE_RATE:
        skipped[call_id] = f"{len(speech) / SAMPLE_RATE:.1f} s of speech (< {MIN_SPEECH_SECONDS} s)"
        return None
    return speech


def staff_voices(recordings: Mapping[str, Path]) -> npt.NDArray[np.float32]:
    """(n, 256) embeddings of the lender's own voices: collectors' enrolment recordings, the IVR
    greeting. Recordings that give no embedding are left out (logged)."""
    embeddings, skipped = embed_recordings(recordings)
    for name, why in skipped.items():
        log.warning("voice: staff recording %s gives no embedding: %s", name, why)
    return (
        np.stack([embeddings[k] for k in sorted(embeddings)])
        if embeddings
        else np.zeros((0, 256), np.float32)
    )


def embed_recordings(
    recordings: Mapping[str, Path],
    *,
    exclude: npt.NDArray[np.float32] | None = None,
    channel: int | None = None,
) -> tuple[dict[str, npt.NDArray[np.float32]], dict[str, str]]:
    """(call_id -> 256-d embedding, call_id -> why it has none). Audio is read, embedded and
    dropped; a recording that cannot be read or holds under MIN_SPEECH_SECONDS of speech is
    skipped with its reason. channel: as in voice_groups.

    exclude: embeddings of the lender's own voices (staff_voices). A mono recording holds the
    collector too; every 1.6 s partial at cosine >= STAFF_SIMILARITY to one of them is left out
    of the call's mean, so the embedding is the answerer's. A call left with no partial is
    skipped ("only the lender's voices")."""
    embeddings: dict[str, npt.NDArray[np.float32]] = {}
    skipped: dict[str, str] = {}
    ids = sorted(recordings)
    staff = None if exclude is None or len(exclude) == 0 else np.asarray(exclude, dtype=np.float32)
    for start in range(0, len(ids), EMBED_BATCH_CALLS):
        batch_ids, batch_wavs = [], []
        for call_id in ids[start : start + EMBED_BATCH_CALLS]:
            speech = _load(recordings, call_id, skipped, channel)
            if speech is not None:
                batch_ids.append(call_id)
                batch_wavs.append(speech)
        for call_id, partials in zip(batch_ids, embed_partials(batch_wavs), strict=True):
            if staff is not None:
                partials = partials[(partials @ staff.T).max(axis=1) < STAFF_SIMILARITY]
                if len(partials) == 0:
                    skipped[call_id] = "only the lender's own voices (staff_voices) were heard"
                    continue
            embeddings[call_id] = mean_embedding(partials)
    if skipped:
        log.info("voice: %d of %d recordings gave no embedding", len(skipped), len(ids))
    return embeddings, skipped


def _components(x: npt.NDArray[np.float32], threshold: float) -> npt.NDArray[np.int32]:
    """Connected components of the graph "cosine >= threshold", built block by block (memory:
    SIMILARITY_CELLS similarities at a time and the edges, not n x n)."""
    n = len(x)
    block = max(64, SIMILARITY_CELLS // n)
    rows: list[npt.NDArray[np.int64]] = []
    cols: list[npt.NDArray[np.int64]] = []
    for start in range(0, n, block):
        sims = x[start : start + block] @ x.T
        i, j = np.nonzero(sims >= threshold)
        rows.append(i + start)
        cols.append(j)
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels, dtype=np.int32)


def cluster_embeddings(
    embeddings: Mapping[str, npt.NDArray[np.float32]], threshold: float = THRESHOLD
) -> list[list[str]]:
    """Average-linkage groups of call ids whose mean cosine similarity is >= threshold.

    Exact, and not n x n: average linkage only merges two clusters whose mean similarity is
    >= threshold, so some pair across them is >= threshold and both lie in one connected
    component of the graph "cosine >= threshold". The components are found block by block;
    average linkage then runs inside each (a component as large as n costs what plain linkage
    costs: the voices are then too alike for the threshold)."""
    ids = sorted(embeddings)
    if not ids:
        return []
    x = np.stack([embeddings[i] for i in ids]).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    groups: list[list[str]] = []
    labels = _components(x, threshold)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    for members in np.split(order, bounds):
        if len(members) == 1:
            groups.append([ids[int(members[0])]])
            continue
        tree = linkage(x[members].astype(np.float64), method="average", metric="cosine")
        sub = fcluster(tree, t=1.0 - threshold, criterion="distance")
        by_label: dict[int, list[str]] = {}
        for m, label in zip(members, sub, strict=True):
            by_label.setdefault(int(label), []).append(ids[int(m)])
        groups.extend(sorted(g) for g in by_label.values())
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def _mean_similarity(members: list[str], embeddings: Mapping[str, npt.NDArray[np.float32]]) -> float:
    if len(members) < 2:
        return 1.0
    x = np.stack([embeddings[m] for m in members]).astype(np.float64)
    sims = x @ x.T
    n = len(members)
    return float((sims.sum() - np.trace(sims)) / (n * (n - 1)))


def voice_id(call_ids: tuple[str, ...]) -> str:
    """A pseudonym for a voice: a digest of its calls (no biometric value in it)."""
    return "voice-" + hashlib.sha256("\x1f".join(call_ids).encode()).hexdigest()[:12]


def set_apart_lines(groups: list[list[str]], line_of: Mapping[str, str]) -> list[list[str]]:
    """Calls answered through a line explained by its owner (`line_of`: call id -> line, e.g. a
    relative's phone answering only for one family, calls/relations.py) leave a group that holds
    other calls: each line's calls in it become a group of their own.

    WHY: a look-alike voice merges a relative answering for 2-3 family members into an agency's
    voice (voice_v2: two family voices, close to two agency voices by construction, were flagged
    with them). The embedding cannot part them: on voice_v2 the family calls were as close to the
    agency group's core as the agency's own calls (cosine to the medoid 0.94-0.98), and trimming
    a group to its core's spread lost agency calls first. What parts them is who answered: a line
    that answers for one family only is that family's, as an answering number is set aside as
    `family` (calls/detectors/shared_target.py). A group made only of one line's calls stays."""
    out: list[list[str]] = []
    for g in groups:
        lines: dict[str, list[str]] = {}
        rest: list[str] = []
        for c in g:
            line = line_of.get(c)
            (lines.setdefault(line, []) if line else rest).append(c)
        if not lines or (not rest and len(lines) == 1):
            out.append(g)
            continue
        if rest:
            out.append(rest)
        out.extend(lines[k] for k in sorted(lines))
    return sorted(out, key=lambda g: (-len(g), g[0]))


MIN_CORE_CALLS = 3  # calls on other lines a group needs before their spread says anything


def keep_own_calls_within_spread(
    groups: list[list[str]], embeddings: Mapping[str, npt.NDArray[np.float32]], own: Collection[str]
) -> list[list[str]]:
    """A call answered on the borrower's own phone (`own`: undiverted, the number on file) stays in
    a group only when its voice is as close to the group's other calls as they are to each other.

    WHY: a call on the borrower's own phone is presumed the borrower's voice (the premise of the
    voices' background, calls/voices.py); it joins an agency's voice only when the voice says so
    strongly (an agency holding the borrower's SIM). The core is the group's calls on other
    lines (diverted: the agency's numbers); the bar is the lowest similarity of a core call to the
    mean of the other core calls (leave one out), and an own-phone call below it leaves as a voice
    of its own. Groups with fewer than MIN_CORE_CALLS core calls, and groups of own-phone calls
    only (strangers merged, a borrower heard twice), are left as they are.

    Measured on voice_v1/voice_v2 (spent, synthetic): of 13 one-call strangers on their own phones
    in agency voices, 5 leave; none of the 6 agency calls on borrowers' own phones does."""
    own = set(own)
    out: list[list[str]] = []
    for g in groups:
        core = [c for c in g if c not in own]
        mine = [c for c in g if c in own]
        if len(core) < MIN_CORE_CALLS or not mine:
            out.append(g)
            continue
        x = np.stack([embeddings[c] for c in core]).astype(np.float64)
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        total = x.sum(axis=0)
        bar = min(float(v @ (total - v)) / float(np.linalg.norm(total - v)) for v in x)
        centre = total / np.linalg.norm(total)
        leave = set()
        for c in mine:
            v = np.asarray(embeddings[c], dtype=np.float64)
            if float(v @ centre) / float(np.linalg.norm(v)) < bar:
                leave.add(c)
        out.append([c for c in g if c not in leave])
        out.extend([c] for c in sorted(leave))
    return sorted(out, key=lambda g: (-len(g), g[0]))


def reference_threshold(
    embeddings: Mapping[str, npt.NDArray[np.float32]],
    reference: Collection[str],
    target: float = TARGET_FALSE_MERGE,
    floor: float = THRESHOLD,
) -> float:
    """The cut at which known-different voices are "one voice" at most `target` of the time: the
    (1 - target) quantile of the cosine similarities between reference calls (answered on the
    borrowers' own phones: each another person), never below `floor` (THRESHOLD).

    WHY: how alike strangers sound depends on the lender's borrowers, line quality and codec, not
    only on the encoder; a fixed 0.90 read on synthetic development speakers let look-alike
    voices merge where strangers score higher (voice_v3: 1 % of reference pairs at >= 0.919, and
    two flagged groups each made of several agency speakers and strangers). The reference calls
    are measured on the calls under test, never on truth. A borrower heard twice on their own
    phone counts as two strangers here, which can only raise the cut (stricter). Fewer than
    MIN_REFERENCE_PAIRS pairs say nothing about a 1 % tail: `floor` is returned. Over
    MAX_REFERENCE_CALLS reference calls a fixed-seed sample of them is used."""
    ref = sorted(set(reference) & set(embeddings))
    if len(ref) * (len(ref) - 1) // 2 < MIN_REFERENCE_PAIRS:
        return floor
    if len(ref) > MAX_REFERENCE_CALLS:
        pick = np.random.default_rng(0).choice(len(ref), MAX_REFERENCE_CALLS, replace=False)
        ref = [ref[int(i)] for i in sorted(pick)]
    x = np.stack([embeddings[c] for c in ref]).astype(np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    sims = (x @ x.T)[np.triu_indices(len(ref), 1)]
    return max(floor, float(np.quantile(sims, 1.0 - target)))


def groups_from_embeddings(
    embeddings: Mapping[str, npt.NDArray[np.float32]],
    *,
    threshold: float | None = None,
    min_calls: int = 2,
    apart: Mapping[str, str] | None = None,
    own: Collection[str] = (),
) -> list[VoiceGroup]:
    """apart: call id -> a line explained by its owner (see set_apart_lines); own: calls answered
    on the borrower's own phone (see keep_own_calls_within_spread). threshold None: the cut is
    reference_threshold over `own` (THRESHOLD when there are too few of them)."""
    out = []
    if threshold is None:
        threshold = reference_threshold(embeddings, own)
        log.info("voice: cut at cosine %.4f (%d reference calls)", threshold, len(set(own)))
    clusters = cluster_embeddings(embeddings, threshold)
    if apart:
        clusters = set_apart_lines(clusters, apart)
    if own:
        clusters = keep_own_calls_within_spread(clusters, embeddings, own)
    for members in clusters:
        if len(members) < min_calls:
            continue
        ids = tuple(members)
        out.append(VoiceGroup(voice_id(ids), ids, round(_mean_similarity(members, embeddings), 4)))
    return out


def voice_groups(
    recordings: dict[str, Path],
    *,
    threshold: float | None = None,
    min_calls: int = 2,
    staff: Mapping[str, Path] | None = None,
    channel: int | None = None,
    apart: Mapping[str, str] | None = None,
    own: Collection[str] = (),
) -> list[VoiceGroup]:
    """Groups of answered calls spoken by one voice, largest first; groups smaller than
    min_calls (by default, voices heard on one call only) are left out. recordings maps
    call_id -> audio file (WAV, FLAC, OGG or MP3, any rate; 8 kHz telephone audio is usual).
    staff: recordings of the lender's own voices (collectors, IVR), left out of every call
    first; without them a mono recording's collector voice can group the calls it made.
    channel: the answerer's channel when the recorder keeps one per side (0-based); None
    averages the channels. apart: call id -> a line explained by its owner (a family's phone),
    whose calls are kept out of other voices' groups (set_apart_lines). own: calls answered on
    the borrower's own phone, kept in a group only within its core's spread
    (keep_own_calls_within_spread)."""
    exclude = staff_voices(staff) if staff else None
    embeddings, _ = embed_recordings(recordings, exclude=exclude, channel=channel)
    return groups_from_embeddings(embeddings, threshold=threshold, min_calls=min_calls, apart=apart, own=own)
