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
