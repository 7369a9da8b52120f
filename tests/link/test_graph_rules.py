"""Community rules: organiser components, template joining, family phones, IP-block attachment."""

from __future__ import annotations

import numpy as np
from signal_builders import rec

from qinglang.link.graph import build_graph, build_indicator_index, communities, is_family_share


def _run(feats, template_labels=None, linking=frozenset()):
    labels = np.full(len(feats), -1) if template_labels is None else np.array(template_labels)
    index = build_indicator_index(feats)
    return communities(build_graph(len(feats), index), feats, labels, set(linking))


def test_shared_agent_phone_makes_one_group_and_loners_stay_alone():
    key = ("agent_phone", "+8613995001234")
    feats = [rec(i, indicators=[key]) for i in range(5)] + [rec(10 + i) for i in range(5)]
    labels = _run(feats)
    assert len(set(labels[:5].tolist())) == 1 and labels[0] >= 0
    assert (labels[5:] == -1).all()


def test_agent_phone_and_complainant_phone_are_one_vertex():
    a = [rec(i, indicators=[("agent_phone", "+8613995001234")]) for i in range(3)]
    b = [
        rec(10 + i, surname=s, indicators=[("complainant_phone", "+8613995001234")])
        for i, s in enumerate("王李张")
    ]
    labels = _run(a + b)
    assert len(set(labels.tolist())) == 1 and labels[0] >= 0


def test_family_phone_does_not_link():
    fam = [rec(i, surname="王", indicators=[("complainant_phone", "+8613800000001")]) for i in range(3)]
    assert is_family_share(fam)
    assert not is_family_share([rec(i) for i in range(3)])  # no names: cannot call it a family
    assert (_run(fam) == -1).all()
    agency = [
        rec(i, surname=s, indicators=[("complainant_phone", "+8613800000001")])
        for i, s in enumerate("王李张")
    ]
    assert not is_family_share(agency)


def test_template_joins_loners_but_not_two_agencies_in_different_places():
    p1, p2 = ("agent_phone", "+8613995001234"), ("agent_phone", "+8613995009999")
    g1 = [rec(i, indicators=[p1], city="银川市") for i in range(4)]
    g2 = [rec(10 + i, indicators=[p2], city="长沙市") for i in range(4)]
    loners = [rec(20 + i, city="银川市") for i in range(3)] + [rec(30, city="北京市")]
    feats = g1 + g2 + loners
    tl = [7] * len(feats)  # all one agency template
    labels = _run(feats, tl, {7})
    assert labels[0] != labels[4]  # two agencies stay two campaigns
    assert set(labels[8:11].tolist()) == {labels[0]}  # loners from the group's city joined it
    assert labels[11] == -1  # a loose copy from elsewhere (a call-centre write-up) did not
    # same city: one agency rotating phones -> one campaign
    g2b = [rec(10 + i, indicators=[p2], city="银川市") for i in range(4)]
    labels = _run(g1 + g2b, [7] * 8, {7})
    assert len(set(labels.tolist())) == 1


def test_non_linking_template_does_nothing():
    feats = [rec(i) for i in range(5)]
    assert (_run(feats, [3] * 5, set()) == -1).all()


def test_ip_block_attaches_but_never_creates():
    key = ("wechat", "abc123")
    office = "120.18.137.0/24"
    members = [rec(i, indicators=[key], ip_block=office) for i in range(6)]
    stray = [rec(10, ip_block=office), rec(11, ip_block="1.2.3.0/24")]
    labels = _run(members + stray)
    assert labels[6] == labels[0] and labels[7] == -1
    only_block = [rec(i, ip_block=office) for i in range(8)]
    assert (_run(only_block) == -1).all()


def test_ip_block_fast_path_agrees_with_ipaddress():
    import ipaddress

    from qinglang.link.features import ip_block

    def reference(ip: str) -> str | None:
        try:
            addr = ipaddress.ip_address(ip.strip())
        except ValueError:
            return None
        return str(ipaddress.ip_network(f"{addr}/{24 if addr.version == 4 else 48}", strict=False))

    cases = [
        "1.2.3.4",
        " 10.0.0.255 ",
        "01.2.3.4",
        "256.1.1.1",
        "1.2.3",
        "0.0.0.0",
        "::1",
        "2001:db8::1",
        "x",
    ]
    cases += [f"{a}.{b}.7.{c}" for a in (0, 9, 99, 255, 256) for b in (0, 10, 300) for c in (1, 254)]
    for ip in cases:
        assert ip_block(ip) == reference(ip), ip
    assert ip_block("") is None and ip_block(None) is None
