"""A fast path to qinglang.phones.phone_info for plain Chinese mobile numbers.

phone_info goes through phonenumbers.parse and re-checks validity three times (~35 µs per
number); at a million complaints with mostly distinct numbers that is the largest cost of
ingestion. For the common case, an 11-digit mobile (optionally +86), validity is a regular
expression from phonenumbers' own CN metadata and the 归属地 / carrier lookups skip
re-validation and are made once per 号段 (mobile_region). Anything else falls back to
phone_info. tests/ingest/test_ingest_phones_fast.py checks that both give the same answer.
"""

from __future__ import annotations

from functools import lru_cache

from phonenumbers import PhoneNumber, carrier, geocoder
from phonenumbers.carrierdata import CARRIER_LONGEST_PREFIX
from phonenumbers.geodata import GEOCODE_LONGEST_PREFIX

from qinglang.phones import phone_info, plain_cn_mobile, split_region
from qinglang.schema import PhoneInfo

# libphonenumber looks a number's 归属地 and carrier up by the longest key of its tables that
# starts its E.164 digits; no key is longer than this many digits after the country code (86), so
# the answer for a mobile depends on its first REGION_DIGITS national digits (its 号段) only.
REGION_DIGITS = max(GEOCODE_LONGEST_PREFIX, CARRIER_LONGEST_PREFIX) - 2


# ~130k 号段 exist (libphonenumber's tables): all of them cached is ~15 MB
@lru_cache(maxsize=2**18)
def mobile_region(head: str) -> tuple[str | None, str | None, str | None]:
    """(province, city, carrier) of the mobiles whose national number starts with `head`
    (REGION_DIGITS digits): ~30 µs of table lookups once per 号段, not once per number."""
    number = PhoneNumber(country_code=86, national_number=int(head.ljust(11, "0")))
    province, city = split_region(geocoder.description_for_valid_number(number, "zh") or "")
    return province, city, carrier.name_for_valid_number(number, "zh") or None


# Small on purpose: a cached PhoneInfo costs ~1 KB, and what repeats in real data (agency
# numbers filed again and again) is few numbers many times, not many numbers.
@lru_cache(maxsize=8192)
def fast_phone_info(raw: str) -> PhoneInfo:
    """Same result as phone_info(raw), faster for plain mobile numbers."""
    digits = plain_cn_mobile(raw)
    if digits is None:
        return phone_info(raw)
    province, city, operator = mobile_region(digits[:REGION_DIGITS])
    return PhoneInfo(raw=raw, e164=f"+86{digits}", valid=True, province=province, city=city, carrier=operator)
