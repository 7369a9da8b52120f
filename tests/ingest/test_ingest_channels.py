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
    ],
)
def test_exported_channel_names(raw, want):
    assert _channel({"channel": raw}) == want


def test_every_alias_names_a_channel():
    assert set(CHANNEL_ALIASES.values()) <= {c.value for c in Channel}
