"""Which campaign a timing loner joins: the one whose office block it was filed from, else the
largest due-date campaign active then."""

from __future__ import annotations

from qinglang.link.rules import pick_timing_campaign

WINDOWS = [(0.0, 100.0, 40, "C1"), (50.0, 150.0, 10, "C2")]


def test_largest_active_due_date_campaign_without_a_block_hint():
    assert pick_timing_campaign(60.0, WINDOWS) == "C1"
    assert pick_timing_campaign(120.0, WINDOWS) == "C2"
    assert pick_timing_campaign(200.0, WINDOWS) is None


def test_the_office_block_decides_even_against_a_larger_or_untimed_campaign():
    blocks = {"C1": ("1.2.3.0/24", 40), "C3": ("9.9.9.0/24", 8)}
    assert pick_timing_campaign(60.0, WINDOWS, "9.9.9.0/24", blocks) == "C3"  # C3 has no window
    assert pick_timing_campaign(60.0, WINDOWS, "5.5.5.0/24", blocks) == "C1"  # nobody's office
