"""One canonical byte string per indicator, so every member tokenises the same agent the same way.

Two lenders only find a shared agency if they turn "138 0013 8000", "+86 13800138000" and
"8613800138000" into the same bytes before the OPRF; anything they disagree on is a missed match
that nobody can see (tokens are opaque). The rules reuse the project's own normalisers (phones to
E.164 via qinglang.phones, names through the text normaliser used for matching) rather than a
second, drifting copy. The kind is part of the bytes, so a phone and a QQ number with the same
digits never give the same token, and a version tag lets the rules change later without silently
mixing old and new tokens.
"""

from __future__ import annotations

import re
import unicodedata

from qinglang.phones import normalize_phone
from qinglang.text.credentials import classify_licence
from qinglang.text.normalize import normalize_for_matching

VERSION = b"qinglang-alliance-indicator-v1"

_SPACE_PUNCT = re.compile(r"[\s\u3000·・.,，。:：;；'\"“”‘’()（）\[\]【】<>《》\-—_/\\|]+")
_QQ = re.compile(r"^[1-9]\d{4,11}$")
_WECHAT = re.compile(r"^[a-z][a-z0-9_-]{5,19}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z0-9-]{2,}$")


def _nfkc_strip(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip()


def _phone(value: str) -> str:
    e164 = normalize_phone(value)
    if e164 is None:
        raise ValueError("not a valid phone number")
    return e164


def _handle(value: str) -> str:
    v = _nfkc_strip(value).lower()
    if not _WECHAT.match(v) and not (v.isdigit() and len(v) >= 5):  # WeChat ids, or a number used as one
        raise ValueError("not a WeChat handle")
    return v


def _qq(value: str) -> str:
    v = re.sub(r"\s+", "", _nfkc_strip(value))
    if not _QQ.match(v):
        raise ValueError("not a QQ number")
    return v


def _email(value: str) -> str:
    v = _nfkc_strip(value).lower()
    if not _EMAIL.match(v):
        raise ValueError("not an e-mail address")
    return v


def _code(value: str, accepted: tuple[str, ...]) -> str:
    v = re.sub(r"[\s-]+", "", _nfkc_strip(value)).upper()
    if classify_licence(v) not in accepted:
        raise ValueError("not a valid " + "/".join(accepted))
    return v


def _uscc(value: str) -> str:
    return _code(value, ("uscc", "law_firm_uscc"))


def _licence(value: str) -> str:
    return _code(value, ("licence",))


def _digits(value: str) -> str:
    v = re.sub(r"[\s-]+", "", _nfkc_strip(value))
    if not v.isdigit() or not 8 <= len(v) <= 30:
        raise ValueError("not an account number")
    return v


def _device(value: str) -> str:
    v = (value or "").strip()  # as given: device ids are case-sensitive opaque strings
    if not v:
        raise ValueError("empty device id")
    return v


_BAND = re.compile(r"^\d{2}:[0-9a-f]{16}$")


def _band(value: str) -> str:
    # a MinHash band of a complaint text: "band index:64-bit band key" (alliance/templates.py)
    v = (value or "").strip().lower()
    if not _BAND.match(v):
        raise ValueError("not a template band (NN:16 hex)")
    return v


def _name(value: str) -> str:
    # full-width, case, traditional->simplified, obfuscation variants; then no spaces or punctuation
    v = _SPACE_PUNCT.sub("", normalize_for_matching(_nfkc_strip(value)))
    if len(v) < 2:
        raise ValueError("name too short")
    return v


# kind -> rule; the kinds mirror qinglang.indicators (agent phone, wechat, qq, licence_uscc, ...)
_RULES = {
    "phone": _phone,
    "wechat": _handle,
    "qq": _qq,
    "email": _email,
    "uscc": _uscc,
    "lawyer_licence": _licence,
    "bank_account": _digits,
    "device": _device,
    "law_firm": _name,
    "company": _name,
    "template_band": _band,
}
# the names used in qinglang.indicators, accepted as aliases of the same canonical kind
ALIASES = {"agent_phone": "phone", "licence_uscc": "uscc"}
KINDS: tuple[str, ...] = tuple(_RULES)


def canonical_kind(kind: str) -> str:
    k = (kind or "").strip().lower()
    k = ALIASES.get(k, k)
    if k not in _RULES:
        raise ValueError(f"unknown indicator kind {kind!r} (known: {', '.join(KINDS)})")
    return k


def canonical_value(kind: str, value: str) -> str:
    """The normalised value (as text); raises ValueError when it is not a valid `kind`."""
    return _RULES[canonical_kind(kind)](value)


def canonical_bytes(kind: str, value: str) -> bytes:
    """Version tag, kind and normalised value as one unambiguous byte string (the OPRF input).

    Length-prefixed fields, so no choice of value can make one (kind, value) pair collide with another.
    """
    k = canonical_kind(kind).encode()
    v = _RULES[canonical_kind(kind)](value).encode("utf-8")
    return b"".join(len(x).to_bytes(2, "big") + x for x in (VERSION, k, v))
