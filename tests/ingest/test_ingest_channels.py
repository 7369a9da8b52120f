"""Channel names as lenders' systems export them map onto the six channels; a name nobody
listed is still refused with its reason (see test_ingest_quarantine)."""

from __future__ import annotations

import pytest

from qinglang.ingest.records import CHANNEL_ALIASES, _channel
from qinglang.schema import Channel


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("letter", Channel.other),
        ("信函", Channel.other),
        ("regulator_referral", Channel.regulator),
        ("Regulator_Referral ", Channel.regulator),
        ("12378", Channel.regulator),
        ("黑猫投诉", Channel.social),
        ("热线", Channel.hotline),
        # names no alias lists, read by their parts
        ("regulator_transfer", Channel.regulator),
        ("监管转办件", Channel.regulator),
        ("wechat_official", Channel.social),
        ("客服热线来电", Channel.hotline),
        ("Customer-Email", Channel.email),
        ("mini_app", Channel.app),
    ],
)
def test_exported_channel_names(raw, want):
    assert _channel({"channel": raw}) == want


@pytest.mark.parametrize("raw", ["fax", "传真", "walk-in"])
def test_a_name_with_no_known_part_is_still_refused(raw):
    from qinglang.ingest.reasons import RowError

    with pytest.raises(RowError) as err:
        _channel({"channel": raw})
    assert err.value.code == "bad_channel"


def test_every_alias_names_a_channel():
    assert set(CHANNEL_ALIASES.values()) <= {c.value for c in Channel}
