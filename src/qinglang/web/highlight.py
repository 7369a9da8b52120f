"""Split a complaint's original text into segments to highlight: lexicon terms and contacts.

Spans come from the text engineer's `match_lexicon` and `extract_contacts`, which report
positions on the ORIGINAL characters (so an obfuscated 崔收 is highlighted where it stands).
Phone / ID spans are masked inside their highlight when the viewer may not see numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from qinglang.text.contacts import extract_contacts
from qinglang.text.lexicon import match_lexicon
from qinglang.web.pii import mask_fragment, sensitive_spans


@dataclass
class Segment:
    text: str
    cls: str = ""  # "" plain | "term" | "term-suppressed" | "contact"
    title: str = ""


@dataclass
class _Span:
    start: int
    end: int
    cls: str
    title: str
    mask_kind: str | None = None


def _lexicon_spans(text: str) -> list[_Span]:
    out = []
    for hit in match_lexicon(text):
        suppressed = bool(getattr(hit, "suppressed", False))
        category = str(getattr(hit, "category", ""))
        out.append(_Span(int(hit.start), int(hit.end), "term-suppressed" if suppressed else "term", category))
    return out


def _contact_spans(text: str) -> list[_Span]:
    out = []
    for c in extract_contacts(text):
        out.append(_Span(int(c.start), int(c.end), "contact", f"{c.kind}: {c.value}"))
    return out


def segments(text: str, *, masked: bool) -> list[Segment]:
    """Ordered, non-overlapping segments covering `text` exactly once."""
    spans = _contact_spans(text)
    sens = sensitive_spans(text) if masked else []
    for sen in sens:
        spans.append(_Span(sen.start, sen.end, "contact", sen.kind, mask_kind=sen.kind))
    spans += _lexicon_spans(text)
    # contacts (and masked numbers) win over terms when they overlap; longer spans first
    priority = {"contact": 0, "term": 1, "term-suppressed": 2}
    spans.sort(key=lambda s: (priority.get(s.cls, 3), s.mask_kind is None, -(s.end - s.start)))
    chosen: list[_Span] = []
    for s in spans:
        if s.start >= s.end or s.start < 0 or s.end > len(text):
            continue
        if any(s.start < c.end and c.start < s.end for c in chosen):
            continue
        chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    out: list[Segment] = []
    pos = 0
    for s in chosen:
        if s.start > pos:
            out.append(Segment(text[pos : s.start]))
        piece = text[s.start : s.end]
        title = s.title
        if masked and s.cls == "contact":
            for sen in sens:  # a contact span that contains a number is shown masked
                if sen.start < s.end and s.start < sen.end:
                    piece = mask_fragment(piece, sen.kind)
                    title = sen.kind
                    break
        out.append(Segment(piece, s.cls, title))
        pos = s.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
