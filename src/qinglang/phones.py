"""Phone numbers: normalise to E.164 and look up city-level 归属地 and carrier.

One shared function so that ingestion, contact extraction and the detectors all agree on what
"the same phone" is. Results are cached: a lender's data repeats the same numbers a lot.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import carrier, geocoder

from qinglang.schema import PhoneInfo

_PROVINCE_SUFFIXES = ("省", "自治区", "市")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
# phonenumbers writes autonomous regions by their short name with no suffix: "宁夏银川市".
_SHORT_PROVINCES = ("内蒙古", "广西", "宁夏", "新疆", "西藏", "香港", "澳门")
_STRIP = re.compile(r"[\s\-\u00a0()（）.·]")


def split_region(description: str) -> tuple[str | None, str | None]:
    """'江苏省南京市' -> ('江苏省', '南京市'); '北京市' -> ('北京市', '北京市')."""
    if not description:
        return None, None
    if description in _MUNICIPALITIES:
        return description, description
    for short in _SHORT_PROVINCES:
        if description.startswith(short) and len(description) > len(short):
            return short, description[len(short) :]
    for suffix in ("自治区", "省"):
        idx = description.find(suffix)
        if idx > 0:
            return description[: idx + len(suffix)], description[idx + len(suffix) :] or None
    return None, description


@lru_cache(maxsize=200_000)
def phone_info(raw: str) -> PhoneInfo:
    """Parse `raw` with default region CN. Never raises: an unparsable number is valid=False."""
    cleaned = _STRIP.sub("", raw or "")
    if not cleaned:
        return PhoneInfo(raw=raw, valid=False)
    try:
        parsed = phonenumbers.parse(cleaned, "CN")
    except phonenumbers.NumberParseException:
        return PhoneInfo(raw=raw, valid=False)
    if not phonenumbers.is_valid_number(parsed):
        return PhoneInfo(raw=raw, valid=False)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    desc = geocoder.description_for_number(parsed, "zh") or None
    province, city = split_region(desc or "")
    return PhoneInfo(
        raw=raw,
        e164=e164,
        valid=True,
        province=province,
        city=city,
        carrier=carrier.name_for_number(parsed, "zh") or None,
    )


def _cn_mobile_pattern() -> str:
    """libphonenumber's national mobile pattern for China (its metadata always has one)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    assert meta is not None and meta.mobile is not None and meta.mobile.national_number_pattern
    return str(meta.mobile.national_number_pattern)


MOBILE_SHAPE = re.compile(r"(?:\+86|0086)?(1\d{10})")
CN_MOBILE = re.compile(f"(?:{_cn_mobile_pattern()})")


def plain_cn_mobile(raw: str) -> str | None:
    """The 11 digits of a plain mainland mobile ("+86 156-8278-6262", "15682786262") that
    libphonenumber's CN mobile pattern accepts, else None: for these phone_info's answer is
    known without parsing (qinglang.ingest.phones_fast, tests/ingest/test_ingest_phones_fast.py)."""
    m = MOBILE_SHAPE.fullmatch(_STRIP.sub("", raw or ""))
    if m is None or CN_MOBILE.fullmatch(m.group(1)) is None:
        return None
    return m.group(1)


def normalize_phone(raw: str) -> str | None:
    """E.164 form of a valid number, else None. A plain mobile skips phonenumbers' parse and its
    归属地/carrier lookups (~35 µs each; the store's indicator index normalises every complaint's
    phones again): the same E.164 phone_info would give."""
    digits = plain_cn_mobile(raw)
    if digits is not None:
        return f"+86{digits}"
    return phone_info(raw).e164


def mask_phone(value: str) -> str:
    """139****1234 style mask used in reason texts and for roles that may not see numbers."""
    digits = value[3:] if value.startswith("+86") else value
    if len(digits) >= 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 4:
        return f"{digits[:2]}***{digits[-2:]}"
    return "****"


# Mobile ranges of China's virtual operators (虚拟运营商/虚商): 162, 165, 167, 170 and 171. Cheap,
# easily rented in bulk and loosely registered, they are the black/gray industry's SIMs of choice;
# genuine customers use them too, so a range is only ever read alongside other evidence.
VIRTUAL_OPERATOR_PREFIXES = ("162", "165", "167", "170", "171")


def is_virtual_operator(phone: str | None) -> bool:
    """Whether an E.164 (+86…) or 11-digit mainland mobile is in a virtual operator's range."""
    if not phone:
        return False
    digits = phone[3:] if phone.startswith("+86") else phone
    return len(digits) == 11 and digits.startswith(VIRTUAL_OPERATOR_PREFIXES)
