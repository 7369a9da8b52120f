"""The background rate and the multiple-testing rule the shared-number signals rest on."""

from __future__ import annotations

import math

from qinglang.calls.background import benjamini_hochberg, chance_p, chance_rate
from qinglang.calls.numbers import NumberLists, number_key, number_kind, shown


def test_rate_comes_from_numbers_answering_for_one_or_two_and_ignores_the_many() -> None:
    counts = [1] * 90 + [2] * 9 + [40, 25]
    assert math.isclose(chance_rate(counts), 0.1)
    assert chance_rate(counts) == chance_rate([1] * 90 + [2] * 9)  # agencies do not raise their own bar
    assert chance_rate([]) == 1.0  # no background at all: nothing is surprising


def test_chance_falls_with_the_count_and_rises_with_the_rate() -> None:
    assert chance_p(1, 0.1) == 1.0
    assert chance_p(5, 0.1) < chance_p(3, 0.1) < chance_p(2, 0.1)
    assert chance_p(4, 0.3) > chance_p(4, 0.05)


def test_benjamini_hochberg_step_up() -> None:
    # m=4, q=0.05: thresholds .0125 .025 .0375 .05; 0.03 passes at rank 3, so ranks 1-3 are rejected
    assert benjamini_hochberg([0.001, 0.03, 0.02, 0.6], 0.05) == [True, True, True, False]
    assert benjamini_hochberg([0.2, 0.3], 0.05) == [False, False]


def test_number_keys_and_lists() -> None:
    assert number_key("+86 138-1234-5678") == number_key("13812345678") == "+8613812345678"
    assert number_key("0755-86001234") == number_key("+86 755 8600 1234") == "+8675586001234"
    assert number_key("12590") == "12590"
    assert number_kind(number_key("010-66001234")) == "landline" and number_kind("+8613812345678") == "mobile"
    assert shown(number_key("010-66001234"), reveal=True) == "010-66001234"
    assert shown("+8613812345678") == "138****5678"
    assert shown("+8675586001234", reveal=True) == "0755-86001234"
    lists = NumberLists(["400-820-1234"])
    assert lists.role(number_key("4008201234")) == "lender"
    assert lists.role("12378") == "official"
    assert lists.role("12590") == "carrier" and lists.role("12551") == "carrier"
    assert lists.role("+8613812345678") is None


def test_mann_whitney_matches_scipy_without_ties() -> None:
    import random

    from scipy.stats import mannwhitneyu

    from qinglang.calls.background import mann_whitney_p

    rng = random.Random(3)
    for _ in range(5):
        x = [rng.gauss(10, 3) for _ in range(rng.randint(3, 30))]
        y = [rng.gauss(12, 3) for _ in range(rng.randint(3, 300))]
        for alt in ("less", "greater"):
            ours = mann_whitney_p(x, y, alt)
            ref = float(mannwhitneyu(x, y, alternative=alt, method="asymptotic").pvalue)
            assert math.isclose(ours, ref, rel_tol=1e-9, abs_tol=1e-12), (alt, ours, ref)


def test_callback_numbers_read_plainly_or_spelt_out() -> None:
    from qinglang.calls.detectors.callback import quoted_numbers

    assert quoted_numbers("请联系法务 137 0000 1111，或 0755-86001234") == (
        "+8613700001111",
        "+8675586001234",
    )
    assert quoted_numbers("客户称打 一三七零零零零一一一一 找他表哥") == ("+8613700001111",)
    assert quoted_numbers("客户承诺月底还款5000元") == ()
