"""Metrics: ARI against known values, precision/recall, best-cluster F1, organiser hit, hard negatives."""

from __future__ import annotations

import pytest

from qinglang.evaluate import adjusted_rand_index, evaluate
from qinglang.schema import ScoredComplaint


def test_ari_known_values():
    assert adjusted_rand_index(list("aabbcc"), list("xxyyzz")) == pytest.approx(1.0)
    assert adjusted_rand_index(list("aabbcc"), list("abcabc")) == pytest.approx(-0.25)
    # sklearn.metrics.adjusted_rand_score([0,0,0,0,1,1],[0,0,0,1,1,1]) = 0.3243...
    assert adjusted_rand_index(list("aaaabb"), list("aaabbb")) == pytest.approx(0.32432, abs=1e-4)


def _s(cid: str, flagged: bool, cluster: str | None) -> ScoredComplaint:
    return ScoredComplaint(
        complaint_id=cid, score=0.9 if flagged else 0.1, flagged=flagged, cluster_id=cluster
    )


def test_evaluate_counts():
    truth = {
        "campaigns": {"1": "A", "2": "A", "3": "A", "4": None, "5": None, "6": "B", "7": "B"},
        "organizers": {"A": ["+8613900000000"], "B": ["wx_b"]},
        "hard_negatives": {"incident_burst": ["4", "5"]},
    }
    scored = [
        _s("1", True, "C1"),
        _s("2", True, "C1"),
        _s("3", False, None),
        _s("4", True, "C1"),
        _s("5", False, None),
        _s("6", True, "C2"),
        _s("7", True, "C2"),
    ]
    clusters = [
        {"cluster_id": "C1", "organizers": [{"value": "+8613900000000"}]},
        {"cluster_id": "C2", "organizers": [{"value": "other"}]},
    ]
    r = evaluate(truth, scored, clusters)
    assert r.precision == pytest.approx(4 / 5)
    assert r.recall == pytest.approx(4 / 5)
    a = next(c for c in r.campaigns if c.campaign_id == "A")
    assert (
        a.best_cluster == "C1"
        and a.precision == pytest.approx(2 / 3, abs=1e-4)
        and a.recall == pytest.approx(2 / 3, abs=1e-4)
    )
    assert a.organizer_hit
    b = next(c for c in r.campaigns if c.campaign_id == "B")
    assert b.f1 == 1.0 and not b.organizer_hit
    assert r.organizer_hit_at_1 == 0.5
    assert r.hard_negative_flag_rate == {"incident_burst": 0.5}
