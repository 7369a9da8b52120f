"""signals/coached.py's group similarities from row sums equal the pairwise forms they replace.

Why: the coached-cohort stage compared every candidate with every other through an n x n matrix
(gigabytes at 1M complaints); the sums give the same means in O(n) memory. Checked against the
plain pairwise computation on TF-IDF rows of real-looking texts and on random sparse rows."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from qinglang.signals.coached import char_tfidf, mean_cross, mean_pairwise, row_sum, squared_norms


def _pairwise(x) -> float:
    m = (x @ x.T).toarray()
    n = m.shape[0]
    return float((m.sum() - np.trace(m)) / (n * (n - 1)))


def _rows() -> sparse.csr_matrix:
    texts = [
        "我要求停息挂账，本金分36期，罚息全免，停止催收",
        "申请停息挂账，只还本金分36期，罚息违约金全免",
        "你们app闪退，扣款两次，请退款",
        "今天同一期被扣了两遍，什么时候退",
        "家里出事了，实在还不上，能不能延期两个月",
        "要求本金分期36期，利息全免，不准联系紧急联系人",
    ]
    return char_tfidf().fit_transform(texts)


def test_mean_pairwise_and_cross_equal_the_pair_matrix():
    x = _rows()
    assert abs(mean_pairwise(x) - _pairwise(x)) < 1e-12
    a, b = x[:3], x[3:]
    assert abs(mean_cross(a, b) - float((a @ b.T).toarray().mean())) < 1e-12
    rng = np.random.default_rng(7)
    r = sparse.random(200, 500, density=0.02, random_state=rng, format="csr")
    assert abs(mean_pairwise(r) - _pairwise(r)) < 1e-9
    assert abs(mean_cross(r[:50], r[50:]) - float((r[:50] @ r[50:].T).toarray().mean())) < 1e-9
    # each row's mean similarity to the others, as find_cohort reads it
    own = (np.asarray(r @ row_sum(r)).ravel() - squared_norms(r)) / (r.shape[0] - 1)
    m = (r @ r.T).toarray()
    np.fill_diagonal(m, 0.0)
    assert np.allclose(own, m.sum(axis=1) / (r.shape[0] - 1), atol=1e-12)


def test_degenerate_groups():
    x = _rows()
    assert mean_pairwise(x[:1]) == 0.0
    assert mean_cross(x[:0], x) == 0.0
