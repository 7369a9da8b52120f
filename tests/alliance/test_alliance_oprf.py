"""oprf: blinding and two additive shares give the token of the combined key; one share gives nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from qinglang.alliance import oprf


def _token_via_protocol(x: bytes, shares: list[bytes]) -> str:
    r, blinded = oprf.blind(oprf.hash_to_point(x))
    return oprf.finalize(x, oprf.unblind_combine(r, [oprf.evaluate(k, blinded) for k in shares]))


def test_blinded_two_share_evaluation_equals_the_combined_key():
    k1, k2 = oprf.new_share(), oprf.new_share()
    x = b"some canonical input"
    t = _token_via_protocol(x, [k1, k2])
    assert t == _token_via_protocol(x, [k1, k2])  # fresh blinds, same token
    assert t == oprf.token_with_key(x, oprf.combine_shares([k1, k2]))
    assert t != oprf.token_with_key(x, k1) and t != oprf.token_with_key(x, k2)
    assert len(t) == 64 and int(t, 16) >= 0


def test_blinded_points_differ_every_time():
    p = oprf.hash_to_point(b"x")
    assert oprf.blind(p)[1] != oprf.blind(p)[1]


@pytest.mark.parametrize("bad", [bytes(32), b"\xff" * 32, b"\x01" * 31, b""])
def test_invalid_points_are_refused(bad):
    with pytest.raises(ValueError):
        oprf.evaluate(oprf.new_share(), bad)


def test_share_file_is_created_private_and_read_back(tmp_path: Path):
    f = tmp_path / "share.hex"
    s = oprf.load_or_create_share(f)
    assert f.stat().st_mode & 0o077 == 0
    assert oprf.load_or_create_share(f) == s and oprf.is_valid_scalar(s)
    f.write_text("00" * 32)
    with pytest.raises(ValueError):
        oprf.load_or_create_share(f)
