"""Fake lawyer credentials: a "执业证号" that is really a unified social credit code.

A PRC lawyer's licence number has 17 digits; a law firm's unified social credit code (USCC) has
18 characters and starts with 31 (registered by the judicial administration). Agencies posing
as lawyers quote the firm's code, or an invented number, as "their" licence.
"""

from __future__ import annotations

import re
import unicodedata

from stdnum.cn import uscc

_LICENCE_CONTEXT = re.compile(
    r"(?:执业证(?:号|号码|编号)?|律师证(?:号)?|执业编号|licen[cs]e\s*(?:no\.?|number|#)?)\s*[:：为是]?\s*"
    r"([0-9][0-9A-Za-z]{14,19})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_LICENCE_FORMAT = re.compile(r"^\d{17}$")


def classify_licence(code: str) -> str:
    """'licence' (17 digits), 'law_firm_uscc' (valid USCC starting 31), 'uscc' (other valid USCC) or 'invalid'."""
    code = code.strip().upper()
    if _LICENCE_FORMAT.match(code):
        return "licence"
    if len(code) == 18 and uscc.is_valid(code):
        return "law_firm_uscc" if code.startswith("31") else "uscc"
    return "invalid"


def quoted_licences(text: str) -> list[tuple[str, str]]:
    """(code, classification) for every number quoted as a lawyer's licence in the text."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    for m in _LICENCE_CONTEXT.finditer(text):
        code = m.group(1).upper()
        if sum(ch.isdigit() for ch in code) >= 12:  # a real number, not a word run
            out.append((code, classify_licence(code)))
    return out
