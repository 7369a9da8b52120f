"""Template tokens: recognise one agency's script at another lender without sharing any text.

An agency reuses its script across lenders with sentence-level changes, other names, amounts and
phones. The scan already groups such copies with MinHash over character shingles of the
matching-normalised text, banded for LSH (link/minhash.py: 32 bands of 2 rows; two copies at
Jaccard 0.3 share at least one band with probability 0.95). Here each band key becomes an
alliance token through the same threshold OPRF as any indicator (kind `template_band`, value
"band:key"). So:
- the hub sees 64-hex tokens only, never text or band keys;
- nobody can compute a band token offline: the MinHash seed is public (it is in every scan's
  config), but the token needs both key holders' shares, asked online, metered and logged; the
  hub cannot tokenise bands of texts of its own;
- a member learns that a text of its own shares bands with a campaign the alliance confirmed.

A text is recognised when at least `MIN_BANDS` of its band tokens are among the warned (or
confirmed) ones: one band alone is weak (two unrelated complaints share a band about once in 80
pairs at their Jaccard of 0.02), two bands together is rare (measured in the test).

What a band token gives away: a member that holds a text can test, online and within budget,
whether its bands are known. Band keys of very common sentences would be shared by many texts;
the masking of digits and the 4-character shingles of the whole text keep a band specific to the
text's overall wording rather than to one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qinglang.alliance.canonical import canonical_bytes
from qinglang.detection_config import LshParams

KIND = "template_band"
MIN_BANDS = 2
MIN_CHARS = 30  # shorter normalised texts carry too few shingles to say anything


def band_values(texts: Sequence[str], params: LshParams = LshParams()) -> list[list[str]]:
    """Per text, its band values "NN:key" (empty for a text too short to have a template)."""
    import numpy as np

    from qinglang.link.minhash import band_keys, signatures
    from qinglang.text.normalize import normalize_for_matching_batch

    norms = normalize_for_matching_batch(list(texts))
    keep = [i for i, n in enumerate(norms) if len(n) >= MIN_CHARS]
    out: list[list[str]] = [[] for _ in texts]
    if not keep:
        return out
    keys = band_keys(signatures([norms[i] for i in keep], params), params)
    for row, i in enumerate(keep):
        out[i] = [f"{b:02d}:{int(k):016x}" for b, k in enumerate(np.asarray(keys[row]))]
    return out


def band_inputs(texts: Sequence[str], params: LshParams = LshParams()) -> list[list[bytes]]:
    """Per text, the canonical OPRF inputs of its bands (alliance.client.Tokenizer.tokens_for_inputs)."""
    return [[canonical_bytes(KIND, v) for v in vals] for vals in band_values(texts, params)]


def recognised(text_tokens: Iterable[str], known: set[str], min_bands: int = MIN_BANDS) -> bool:
    """Whether a text (its band tokens) shares at least `min_bands` bands with the known tokens."""
    return sum(1 for t in set(text_tokens) if t in known) >= min_bands
