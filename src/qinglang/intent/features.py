"""Text -> features for the intent classifiers: hashed character n-grams of the matching form,
beside what the lexicon and the contact extractor read in the text.

Why characters: Chinese is unspaced and the black/gray industry writes in disguise; characters
(1 to 3) of the normalised text (分琪 -> 分期, 薇 -> 微信) carry the meaning a word list would
miss. Why hashing: the vocabulary is not stored, so the shipped model is one matrix and stays the
same whatever text it meets. Why the lexicon too: character n-grams also learn a writer's style
(a short rural post reads like an off-topic message); the lexicon's categories (debt relief,
credit repair, loan broker, ...) and a private contact say what the text is about whatever its
style, so the model can weigh topic against voice. The normaliser's tables digest is part of the
model card (tests check that the shipped model was trained under the current tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from qinglang.indicators import POST_LINK_CONTACTS
from qinglang.text.contacts import extract_contacts
from qinglang.text.lexicon import lexicon_categories, match_lexicon_batch
from qinglang.text.normalize import normalize_for_matching_batch

N_HASHED = 2**18
NGRAM_RANGE = (1, 3)
LEXICON_FEATURES: tuple[str, ...] = (
    *(f"lexicon:{c}" for c in lexicon_categories()),
    "lexicon:variant_spelling",
    "contact:private",
)
N_FEATURES = N_HASHED + len(LEXICON_FEATURES)


@lru_cache(maxsize=1)
def _vectorizer():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char",
        ngram_range=NGRAM_RANGE,
        n_features=N_HASHED,
        alternate_sign=False,
        norm="l2",
        lowercase=True,
    )


def matching_forms(texts: Sequence[str]) -> list[str]:
    return normalize_for_matching_batch(list(texts))


def lexicon_features(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), len(LEXICON_FEATURES)): per lexicon category the strongest hit's weight, any
    disguised spelling, any private contact (mobile, WeChat, QQ, e-mail)."""
    cats = {c: k for k, c in enumerate(lexicon_categories())}
    out = np.zeros((len(texts), len(LEXICON_FEATURES)), np.float32)
    for row, (text, hits) in enumerate(zip(texts, match_lexicon_batch(list(texts)), strict=True)):
        for h in hits:
            k = cats.get(h.category)
            if k is not None:
                out[row, k] = max(out[row, k], min(1.0, h.weight))
            if h.variant:
                out[row, len(cats)] = 1.0
        # an offered contact, read by the rules the models were trained with (Contact.late_rule)
        if any(c.kind in POST_LINK_CONTACTS and not c.late_rule for c in extract_contacts(text)):
            out[row, len(cats) + 1] = 1.0
    return out


def featurize(texts: Sequence[str]):
    """A sparse (len(texts), N_FEATURES) matrix: l2-normalised character 1-3-gram counts, then
    the lexicon and contact columns."""
    grams = _vectorizer().transform(matching_forms(texts))
    return sparse.hstack([grams, sparse.csr_matrix(lexicon_features(texts))], format="csr")
