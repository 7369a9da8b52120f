"""Score one post: lexicon evidence + private contacts, with warnings and news held back.

An ad needs two things a warning or a news story rarely has together: black/gray vocabulary
that is NOT inside a warning/news/negation frame, and a private way to reach the seller
(mobile, WeChat, QQ). Each piece of evidence is a Reason with Chinese and English text so an
analyst can defend the flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qinglang.codes import default_weight
from qinglang.indicators import POST_LINK_CONTACTS
from qinglang.score import FLAG_THRESHOLD, noisy_or
from qinglang.text.contacts import Contact, extract_contacts
from qinglang.text.lexicon import CATEGORY_LABELS, LexiconHit, match_lexicon

PRIVATE_KINDS = POST_LINK_CONTACTS  # mobile, WeChat, QQ, e-mail (the indicator registry's post_link kinds)
VARIANT_BONUS = 0.2  # a disguised spelling (蒸信, 亭息挂账) is itself a sign of evasion
CONTACT_WITH_TERMS = default_weight("post", "post_private_contact")  # a private contact next to live terms
CONTACT_ALONE = 0.15
SUPPRESSED_FRAME_DAMPING = 0.5  # a text that is mostly a warning/news frame weakens its contacts


@dataclass(frozen=True)
class PostReason:
    code: str
    weight: float
    detail_zh: str
    detail_en: str

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "weight": round(self.weight, 3),
            "detail_zh": self.detail_zh,
            "detail_en": self.detail_en,
        }


@dataclass(frozen=True)
class PostScore:
    score: float
    flagged: bool
    categories: list[str]
    hits: list[LexiconHit]
    contacts: list[Contact]
    reasons: list[PostReason] = field(default_factory=list)


def score_text(text: str) -> PostScore:
    """Score a post text (0..1) and explain it."""
    hits = match_lexicon(text)
    contacts = extract_contacts(text)
    live = [h for h in hits if not h.suppressed]
    reasons: list[PostReason] = []
    best: dict[str, float] = {}
    shown: dict[str, LexiconHit] = {}
    for h in live:
        w = min(1.0, h.weight + (VARIANT_BONUS if h.variant else 0.0))
        if w > best.get(h.term, -1.0):
            best[h.term] = w
            shown[h.term] = h
    for term, w in sorted(best.items(), key=lambda kv: -kv[1]):
        h = shown[term]
        label = CATEGORY_LABELS[h.category]
        disguise_zh = f"（变体写法“{h.matched}”）" if h.variant else ""
        disguise_en = f" (disguised as '{h.matched}')" if h.variant else ""
        reasons.append(
            PostReason(
                code="post_lexicon_term",
                weight=w,
                detail_zh=f"出现黑灰产用语“{term}”{disguise_zh}，类别：{label}",
                detail_en=f"black/gray-industry term '{term}'{disguise_en}, category {h.category}",
            )
        )
    suppressed = [h for h in hits if h.suppressed]
    private = [c for c in contacts if c.kind in PRIVATE_KINDS]
    contact_w = 0.0
    if private:
        contact_w = CONTACT_WITH_TERMS if best else CONTACT_ALONE
        if suppressed and len(suppressed) >= len(live):
            contact_w *= SUPPRESSED_FRAME_DAMPING
        kinds = sorted({c.kind for c in private})
        reasons.append(
            PostReason(
                code="post_private_contact",
                weight=contact_w,
                detail_zh=f"留有私人联系方式（{'、'.join(kinds)}）" + ("，并配合黑灰产用语" if best else ""),
                detail_en=f"private contact ({', '.join(kinds)})"
                + (" next to black/gray terms" if best else ""),
            )
        )
    if suppressed:
        ctxs = sorted({h.context or "" for h in suppressed})
        reasons.append(
            PostReason(
                code="post_context_suppressed",
                weight=0.0,
                detail_zh=f"{len(suppressed)} 处用语位于警示/新闻/否定语境（{'、'.join(ctxs)}），不计分",
                detail_en=f"{len(suppressed)} term(s) inside warning/news/negation context ({', '.join(ctxs)}), not counted",
            )
        )
    score = noisy_or([*best.values(), contact_w])  # the one combination rule (qinglang.score)
    cats = sorted({h.category for h in live if best.get(h.term, 0) >= 0.2})
    return PostScore(
        score=round(score, 4),
        flagged=score >= FLAG_THRESHOLD,
        categories=cats,
        hits=hits,
        contacts=contacts,
        reasons=reasons,
    )
