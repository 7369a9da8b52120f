"""The fast mobile path must give exactly what qinglang.phones.phone_info gives."""

import random

from qinglang.ingest.phones_fast import fast_phone_info
from qinglang.phones import phone_info


def test_same_answer_as_phone_info_on_random_numbers():
    rng = random.Random(20260301)
    numbers = [f"1{rng.randrange(10)}{rng.randrange(10**9):09d}" for _ in range(3000)]
    assert sum(phone_info(n).valid for n in numbers) > 1000  # the sample exercises the fast path
    for n in numbers:
        assert fast_phone_info(n) == phone_info(n), n


def test_same_answer_on_assorted_forms():
    samples = [
        "+86 138 1234 5678",
        "0086-13812345678",
        "(139)1234-5678",
        "13812345678 ",
        "8613812345678",
        "010-12345678",
        "021 6123 4567",
        "400-123-4567",
        "12345",
        "",
        "abc",
        "１３８１２３４５６７８",
        "17400012345",
        "16212345678",
    ]
    for s in samples:
        assert fast_phone_info(s) == phone_info(s), s


def test_normalize_phone_skips_parsing_with_the_same_e164():
    """normalize_phone's plain-mobile path (no phonenumbers parse) gives phone_info's E.164."""
    from qinglang.phones import normalize_phone

    rng = random.Random(7)
    numbers = [f"1{rng.randrange(10)}{rng.randrange(10**9):09d}" for _ in range(3000)]
    numbers += [f"+86 {n[:3]} {n[3:7]} {n[7:]}" for n in numbers[:200]] + ["0086" + n for n in numbers[:200]]
    numbers += [
        "010-12345678",
        "400-123-4567",
        "8613812345678",
        "１３８１２３４５６７８",
        "",
        "abc",
        "+8617400012345",
    ]
    assert sum(normalize_phone(n) is not None for n in numbers) > 1000
    for n in numbers:
        assert normalize_phone(n) == phone_info(n).e164, n


def test_numbers_of_one_segment_share_the_cached_region_and_stay_exact():
    """The 归属地/carrier cache is keyed by the 号段 (REGION_DIGITS leading digits): numbers met
    after another of their segment must still get phone_info's answer, whatever their tail."""
    from qinglang.ingest.phones_fast import REGION_DIGITS, mobile_region

    assert REGION_DIGITS == 7  # libphonenumber's longest CN key today: 86 + 7 digits
    rng = random.Random(11)
    heads = [f"1{rng.choice('3456789')}{rng.randrange(10**5):05d}" for _ in range(400)]
    mobile_region.cache_clear()
    numbers = [h + f"{rng.randrange(10**4):04d}" for h in heads for _ in range(5)]
    assert sum(phone_info(n).valid for n in numbers) > 1000
    for n in numbers:
        assert fast_phone_info(n) == phone_info(n), n
    assert mobile_region.cache_info().hits > 1000  # the segment's lookups were reused
