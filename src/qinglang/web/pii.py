"""Masking of phone, resident ID and bank account numbers for roles that may not see them.

Masking is applied on the way out (pages, API answers), never to what is stored. Numbers inside
free text are found with the text engineer's contact extractor when it is installed (it also
sees obfuscated forms such as 一三九…); plain digit patterns are always masked as a safety net.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qinglang.indicators import mask_card
from qinglang.phones import mask_phone
from qinglang.text.contacts import extract_contacts

_PHONE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)")
_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_CARD_KINDS = {"bank_account", "bank_card"}
_SENSITIVE_KINDS = {"phone", "mobile", "id", "id_number", "idcard", "resident_id", "landline", *_CARD_KINDS}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # phone | id | card


def mask_id(value: str) -> str:
    """110101********1234 — the region code stays visible (it is evidence of origin)."""
    v = value.strip()
    if len(v) >= 15:
        return v[:6] + "*" * (len(v) - 10) + v[-4:]
    if len(v) > 4:
        return v[:2] + "*" * (len(v) - 4) + v[-2:]
    return "****"


def mask_value(kind: str, value: str | None) -> str | None:
    if value is None or value == "":
        return value
    k = kind.lower()
    if k in {"id", "id_number", "idcard", "resident_id"} or k.startswith("id_"):
        return mask_id(value)
    if k in _CARD_KINDS:
        return mask_card(value)
    if is_sensitive_kind(k):
        return mask_phone(re.sub(r"[\s-]", "", value))
    return value


def is_sensitive_kind(kind: str) -> bool:
    """Phone-like (phone, agent_phone, landline, …) and resident-ID kinds are masked."""
    k = kind.lower()
    return k in _SENSITIVE_KINDS or "phone" in k or k.startswith("id_")


def sensitive_spans(text: str) -> list[Span]:
    """Non-overlapping spans of phone / ID numbers in `text`, in order."""
    spans: list[Span] = []
    try:
        for c in extract_contacts(text):
            kind = str(getattr(c, "kind", "")).lower()
            if kind in _SENSITIVE_KINDS:
                shown = "card" if kind in _CARD_KINDS else ("id" if "id" in kind else "phone")
                spans.append(Span(int(c.start), int(c.end), shown))
    except Exception:  # a bug there must not expose numbers: the regexes below still run
        spans = []
    for m in _ID_RE.finditer(text):
        spans.append(Span(m.start(), m.end(), "id"))
    for m in _PHONE_RE.finditer(text):
        spans.append(Span(m.start(), m.end(), "phone"))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            if s.end > out[-1].end:  # overlapping: merge into one masked span
                out[-1] = Span(out[-1].start, s.end, out[-1].kind)
            continue
        out.append(s)
    return out


def mask_fragment(fragment: str, kind: str) -> str:
    digits = re.sub(r"\D", "", fragment)
    if kind == "card":
        return mask_card(digits)
    if kind == "id":
        return mask_id(fragment if len(digits) < 15 else fragment.strip())
    if len(digits) >= 11:
        return mask_phone(digits[-11:])
    return "*" * max(4, len(fragment) // 2)


def mask_text(text: str) -> str:
    """`text` with every phone / ID number replaced by its mask."""
    if not text:
        return text
    parts: list[str] = []
    pos = 0
    for s in sensitive_spans(text):
        parts.append(text[pos : s.start])
        parts.append(mask_fragment(text[s.start : s.end], s.kind))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***: the surname stays (analysts tell families apart by it)."""
    name = name.strip()
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else ("*" if name else name)


# A name after a label, as documents and write-ups print it ("姓名：张三", "患者 李四", "户名:王五").
_LABELLED_NAME = re.compile(
    r"((?:姓\s*名|名\s*字|户\s*名|借款人|患者|死者|持卡人|当事人|申请人|委托人|客户)\s*[:：]?\s*)([\u4e00-\u9fff]{2,4})"
)
_NAME_KEYS = ("name", "names", "holder", "person", "persons", "borrower_name", "patient", "deceased")


# A borrower introducing themself ("你好，我是张伟，…", "我叫李娜。", "本人张伟，"): the name ends at
# punctuation (so "本人无力偿还，" is left alone; a two-character phrase such as "本人失业，" is masked too).
_SELF_NAMED = re.compile(r"(我(?:是|叫)|本人(?:名叫|姓名)?)([\u4e00-\u9fff]{2,3})(?=[，,。.\s、；;！!：:]|$)")


def mask_names_in(text: str, names: tuple[str, ...] = ()) -> str:
    """`text` with labelled and self-introduced names and the given names (a customer's own, say)
    masked. Texts whose owner is unknown (a campaign's template in the queue) rely on the first
    two; a name written any other way stays: the page that knows the customer masks it."""
    if not text:
        return text
    out = _LABELLED_NAME.sub(lambda m: m.group(1) + mask_name(m.group(2)), text)
    out = _SELF_NAMED.sub(lambda m: m.group(1) + mask_name(m.group(2)), out)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        out = out.replace(name, mask_name(name))
    return out


def _is_name_key(key: str) -> bool:
    k = key.lower()
    return k in _NAME_KEYS or k.endswith("_name") or k.endswith("_names")


def mask_deep(value: Any, names: tuple[str, ...] = ()) -> Any:
    """A JSON-like value with every phone, ID and card number and every name masked: fields named
    for them by kind (`id_number`, `id_numbers`, `phone`, `name`, `holder_name`, ...), and inside
    every string (numbers by `mask_text`, labelled names and `names` by `mask_names_in`). For the
    materials findings and any record whose shape the workbench does not fix (PDF revision text,
    OCR fields): what it does not know, it still masks."""
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        for k, v in value.items():
            key = str(k)
            if _is_name_key(key):
                out[k] = _map_strings(v, mask_name)
            elif is_sensitive_kind(key) or key.lower().rstrip("s") in {
                "id_number",
                "id",
                "phone",
                "bank_card",
            }:
                out[k] = _map_strings(v, lambda s, kk=key: mask_value(kk.rstrip("s"), s) or s)
            else:
                out[k] = mask_deep(v, names)
        return out
    if isinstance(value, list | tuple):
        return [mask_deep(v, names) for v in value]
    if isinstance(value, str):
        return mask_names_in(mask_text(value), names)
    return value


def _map_strings(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list | tuple):
        return [_map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    return value
