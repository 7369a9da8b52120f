"""Organiser ranking (signals/organizers.py): shared identifiers first; a campaign that shares
none shows the private contacts one member quotes as leads, never a party complained about."""

from __future__ import annotations

from signal_builders import background, context, rec

from qinglang.signals.organizers import rank_organizers

BG = background(200, seed=3)


def _members(n: int, quotes: dict[int, list[tuple[str, str]]]) -> list:
    return [rec(10_000 + j, hours=0.1 * j, indicators=quotes.get(j, [])) for j in range(n)]


def test_a_campaign_sharing_nothing_shows_the_contacts_one_member_quotes():
    members = _members(8, {2: [("wechat", "wuyou-kt")], 5: [("agent_phone", "+8617300000000")]})
    ctx = context(members, BG, intents=["agency_package"] * 8)
    got = rank_organizers(ctx)
    assert {(o.kind, o.value) for o in got} == {("wechat", "wuyou-kt"), ("agent_phone", "+8617300000000")}
    assert all("1 件投诉提及" in o.why and "quoted by one" in o.why for o in got)


def test_shared_identifiers_come_first_and_single_mentions_are_then_left_out():
    members = _members(8, {0: [("wechat", "lead-wx")], 1: [("qq", "123456")], 3: [("qq", "123456")]})
    ctx = context(members, BG, shared={("qq", "123456"): [1, 3]}, intents=["agency_package"] * 8)
    got = rank_organizers(ctx)
    assert [(o.kind, o.value) for o in got] == [("qq", "123456")]


def test_a_contact_quoted_in_a_grievance_is_the_party_complained_about():
    members = _members(6, {4: [("agent_phone", "+8617092638415")]})
    intents = ["agency_package"] * 6
    intents[4] = "grievance"
    assert rank_organizers(context(members, BG, intents=intents)) == []


def test_a_company_or_email_quoted_once_is_not_a_lead():
    members = _members(6, {1: [("email", "me@example.com")], 2: [("company", "某某科技有限公司")]})
    assert rank_organizers(context(members, BG, intents=["agency_package"] * 6)) == []
