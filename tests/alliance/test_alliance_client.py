"""client: a member tokenises through two key-holder processes; tokens agree across members, no key
holder's database or log holds a raw value or an unblinded point, and one share alone recovers nothing."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack

import pytest
from alliance_kh import keyholder

from qinglang.alliance import oprf
from qinglang.alliance.canonical import canonical_bytes, canonical_value
from qinglang.alliance.client import Keyholder, KeyholderError, Tokenizer

pytestmark = pytest.mark.slow

# the indicators the members use in this module: the scan below looks for every one of them
INDICATORS = [
    ("phone", "13800138000"),
    ("phone", "138 0013 8123"),
    ("qq", "13800138000"),
    ("wechat", "Wang_Lawyer88"),
    ("uscc", "91110000802100433B"),
    ("device", "a1b2c3d4-DEV-77"),
    ("law_firm", "北京盈科（上海）律师事务所"),
    ("company", "惠民债务优化咨询有限公司"),
]
PHONE_RANGE = range(13800138000 - 300, 13800138000 + 300)  # holds both phones used above


@pytest.fixture(scope="module")
def khs(tmp_path_factory):
    with ExitStack() as stack:
        a = stack.enter_context(keyholder(tmp_path_factory.mktemp("kh1")))
        b = stack.enter_context(keyholder(tmp_path_factory.mktemp("kh2")))
        yield a, b


def _tok(khs, member: str) -> Tokenizer:
    return Tokenizer([Keyholder(k.url, k.api_keys[member]) for k in khs], batch=3)


@pytest.fixture(scope="module")
def tokens(khs):
    with _tok(khs, "lender-a") as t:
        return t.tokenize(INDICATORS)


def test_same_indicator_gives_the_same_token_for_every_member(khs, tokens):
    spelled_otherwise = [
        ("phone", "+86 138-0013-8000"),
        ("wechat", "WANG_LAWYER88"),
        ("law_firm", "北京 盈科 上海 律師事務所"),
    ]
    with _tok(khs, "lender-b") as t:
        other = t.tokenize(spelled_otherwise)
    assert other == [tokens[0], tokens[3], tokens[6]]
    # and it is the token of the combined key k1 + k2, which no party ever holds
    k = oprf.combine_shares([khs[0].share, khs[1].share])
    assert tokens == [oprf.token_with_key(canonical_bytes(kd, v), k) for kd, v in INDICATORS]


def test_different_indicators_and_kinds_give_different_tokens(tokens):
    assert len(set(tokens)) == len(tokens)  # incl. the phone and the QQ number with the same digits


def test_progress_is_reported_per_batch(khs):
    seen: list[tuple[int, int]] = []
    with _tok(khs, "lender-a") as t:
        t.tokenize(INDICATORS[:7], progress=lambda d, n: seen.append((d, n)))
    assert seen == [(3, 7), (6, 7), (7, 7)]


def test_key_holder_stores_and_logs_hold_no_raw_value_and_no_unblinded_point(khs, tokens):
    needles: set[bytes] = set()
    for (kind, value), token in zip(INDICATORS, tokens, strict=True):
        x = canonical_bytes(kind, value)
        p = oprf.hash_to_point(x)
        kp = oprf.evaluate(oprf.combine_shares([khs[0].share, khs[1].share]), p)
        for s in (value, canonical_value(kind, value), canonical_value(kind, value).lstrip("+")):
            needles |= {s.encode("utf-8"), s.encode("utf-16-le")}
        needles |= {x, p, p.hex().encode(), kp, kp.hex().encode(), token.encode()}
        for k in khs:  # each holder's own partial on P (a member's unblinded answer) as well
            kip = oprf.evaluate(k.share, p)
            needles |= {kip, kip.hex().encode()}
    for k in khs:
        with sqlite3.connect(k.db_path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dump = "\n".join(conn.iterdump()).encode()
        assert b"kh_evaluation_log" in dump and b"lender-a" in dump  # the dump is real
        blobs = {"dump": dump, "file": k.db_path.read_bytes(), "log": k.log_file.read_bytes()}
        hits = [(name, n[:20]) for name, blob in blobs.items() for n in needles if n in blob]
        assert hits == [], hits


def test_one_share_and_the_other_holder_refusing_recovers_no_phone(khs, tokens):
    """Brute force over a phone range that contains the two shared phones, with key holder 1's share
    (it colludes, or was stolen) and key holder 2 refusing (the attacker holds no member key)."""
    kh1, kh2 = khs
    targets = set(tokens)
    with pytest.raises(KeyholderError) as exc:
        with Tokenizer(
            [Keyholder(kh1.url, kh1.api_keys["lender-a"]), Keyholder(kh2.url, "qlk_stolen-guess")]
        ) as t:
            t.tokenize([("phone", "13800138000")])
    assert exc.value.status == 401
    dictionary = [canonical_bytes("phone", str(n)) for n in PHONE_RANGE]
    guesses_one_share = {oprf.token_with_key(x, kh1.share) for x in dictionary}
    assert not guesses_one_share & targets
    # the other share alone is no better, and neither is guessing the combination as a product
    assert not {oprf.token_with_key(x, kh2.share) for x in dictionary} & targets
    # positive control: with both shares the same search finds both phones, so the test could fail
    k = oprf.combine_shares([kh1.share, kh2.share])
    found = {oprf.token_with_key(x, k) for x in dictionary} & targets
    assert found == {tokens[0], tokens[1]}
