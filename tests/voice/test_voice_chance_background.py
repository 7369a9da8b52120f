"""The voices' chance test (calls/voices.py): background from known-different voices, per group.

No audio: clusters are given as call-id lists, as the clustering would return them.
"""

from __future__ import annotations

from qinglang.calls.background import chance_rate
from qinglang.calls.codes import MIN_PARTIES
from qinglang.calls.voices import MIN_REFERENCE_CALLS, test_voices, voice_background


def _world() -> tuple[list[list[str]], dict[str, str], set[str]]:
    """60 borrowers answering on their own phones (reference): 54 heard alone, three pairs of
    strangers merged by the clustering; an agency voice answering for 8 borrowers; a relative
    answering for 3 of one family; 5 pairs of diverted strangers merged (like voice_v1)."""
    groups: list[list[str]] = []
    person: dict[str, str] = {}
    reference: set[str] = set()
    for i in range(60):
        person[f"r{i}"] = f"own{i}"
        reference.add(f"r{i}")
    groups += [[f"r{i}"] for i in range(54)] + [["r54", "r55"], ["r56", "r57"], ["r58", "r59"]]
    groups.append([f"a{i}" for i in range(8)])
    person.update({f"a{i}": f"client{i}" for i in range(8)})
    groups.append(["f0", "f1", "f2"])
    person.update({"f0": "fam0", "f1": "fam1", "f2": "fam2"})
    for i in range(5):
        groups.append([f"s{i}a", f"s{i}b"])
        person.update({f"s{i}a": f"x{i}a", f"s{i}b": f"x{i}b"})
    return groups, person, reference


def _parties(groups: list[list[str]]) -> list[int]:
    # the relative's three borrowers are one party (relations.py); everyone else unrelated
    return [1 if g[0].startswith("f") else len(g) for g in groups]


def test_an_agency_voice_is_flagged_against_the_reference_background() -> None:
    groups, person, reference = _world()
    bg = voice_background(groups, person, reference, parties=len(set(person.values())))
    assert bg.source == "reference" and bg.calls == 60 and bg.together == 3
    assert bg.pairs == 60 * 59 // 2
    assert 0.1 < bg.rate < 0.4  # 3/1770 joined, over 81 borrowers
    results = dict(zip(map(tuple, groups), test_voices(_parties(groups), bg), strict=True))
    assert results[tuple(f"a{i}" for i in range(8))][1]  # the agency's voice


def test_family_and_merged_stranger_pairs_stay_unflagged() -> None:
    groups, person, reference = _world()
    bg = voice_background(groups, person, reference, parties=len(set(person.values())))
    out = test_voices(_parties(groups), bg)
    for g, (_, flagged) in zip(groups, out, strict=True):
        if not g[0].startswith("a"):
            assert not flagged, g
    assert sum(flagged for _, flagged in out) == 1


def test_the_old_background_from_the_groups_themselves_hid_the_agency() -> None:
    # what calls/voices.py did before: the numbers' rate from the groups of >= 2 calls
    groups, _, _ = _world()
    multi = [n for g, n in zip(groups, _parties(groups), strict=True) if len(g) >= 2]
    assert chance_rate(multi) > 5  # a family (one party) against eight stranger pairs
    assert MIN_PARTIES == 3


def test_an_agency_voice_swallowing_reference_calls_makes_the_test_stricter() -> None:
    groups, person, reference = _world()
    base = voice_background(groups, person, reference, parties=len(set(person.values())))
    agency = groups.index([f"a{i}" for i in range(8)])
    swallowed = [g for g in groups if g not in (["r0"], ["r1"], ["r2"])]
    swallowed[swallowed.index(groups[agency])] = groups[agency] + ["r0", "r1", "r2"]
    worse = voice_background(swallowed, person, reference, parties=len(set(person.values())))
    assert worse.rate > base.rate


def test_too_few_reference_calls_fall_back_to_all_pairs() -> None:
    groups, person, reference = _world()
    few = set(sorted(reference)[: MIN_REFERENCE_CALLS - 1])
    bg = voice_background(groups, person, few, parties=len(set(person.values())))
    assert bg.source == "all_calls" and bg.facts()["background"] == "all_calls"
    # the agency's own pairs are in that background: a stricter rate than the reference one
    assert bg.rate > voice_background(groups, person, reference, parties=81).rate
