"""Score one post: what it is for (the intent model), then its lexicon terms and contacts.

Victims' warnings, police notices and news use the same words as the ads they warn about, and
an ad can paraphrase its pitch without any listed term. So the post's intent is read on meaning
first (qinglang.intent: service ad, recruitment, warning, notice, news, lawful offer, question):
the model's probability that the post is an ad is evidence of its own, and only inside an ad
frame do black/gray terms and a private contact (mobile, WeChat, QQ) add to it; outside one they
are listed with weight 0, so the analyst still sees them. Each piece of evidence is a Reason with
Chinese and English text so an analyst can defend the flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from qinglang.codes import default_weight
from qinglang.indicators import POST_LINK_CONTACTS
from qinglang.intent import AD_INTENTS, POST_INTENTS, IntentResult, classify_posts
from qinglang.score import FLAG_THRESHOLD, noisy_or
from qinglang.text.contacts import Contact, extract_contacts
from qinglang.text.lexicon import CATEGORY_LABELS, LexiconHit, match_lexicon

PRIVATE_KINDS = POST_LINK_CONTACTS  # mobile, WeChat, QQ, e-mail (the indicator registry's post_link kinds)
VARIANT_BONUS = 0.2  # a disguised spelling (蒸信, 亭息挂账) is itself a sign of evasion
CONTACT_WITH_TERMS = default_weight("post", "post_private_contact")  # a private contact next to live terms
CONTACT_ALONE = 0.15
# An ad offers a way to reach the seller: a private contact, or an invitation to message
# ("私我", "加我", "滴滴", "扣1"). Without one, the post's ad evidence counts half: it cannot flag
# on the model's reading alone, and a stray term in a chat message does not make it an ad.
NO_REACH_FACTOR = 0.5
_DM_CUE = re.compile(
    r"私|加我|联系我|找我|滴滴|扣1|扣扣|咨询|详聊|了解一下|戳我|v我|加v|加微|加薇"  # 私: 私我/私聊/私信…
)


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
    intent: str | None = None
    intent_confidence: float = 0.0


def score_texts(texts: Sequence[str]) -> list[PostScore]:
    """Score many posts: the intent model reads them in one batch."""
    return [score_text(t, i) for t, i in zip(texts, classify_posts(list(texts)), strict=True)]


STRONG_TERM = 0.7  # lexicon evidence this strong, outside a warning/news/negation frame, is on topic


def _in_scope_if_the_lexicon_says_so(intent: IntentResult, hits: Sequence[LexiconHit]) -> IntentResult:
    """`off_topic` is the model's least reliable reading (it also learns voice: a short rural post
    reads like chat). When the lexicon's own evidence outside any warning or news frame is strong
    (the noisy-OR of its distinct live terms ≥ STRONG_TERM), the post is on topic: the model's
    reading among the other intents is taken."""
    live = {h.term: h.weight for h in hits if not h.suppressed}
    if intent.intent != "off_topic" or noisy_or(live.values()) < STRONG_TERM:
        return intent
    rest = {k: v for k, v in intent.probs.items() if k != "off_topic"}
    total = sum(rest.values()) or 1.0
    probs = {k: round(v / total, 4) for k, v in rest.items()}
    best = max(probs, key=lambda k: probs[k])
    return IntentResult(intent=best, confidence=probs[best], probs=probs)


def score_text(text: str, intent: IntentResult | None = None) -> PostScore:
    """Score a post text (0..1) and explain it."""
    intent = intent if intent is not None else classify_posts([text])[0]
    hits = match_lexicon(text)
    intent = _in_scope_if_the_lexicon_says_so(intent, hits)
    p_ad = intent.p(*AD_INTENTS)
    ad_frame = intent.intent in AD_INTENTS
    contacts = extract_contacts(text)
    # a contact only named inside a sentence is no offer to reach anyone (victims name scammers so):
    # it is listed (an indicator to share) but adds nothing to the ad evidence
    reach = any(c.kind in PRIVATE_KINDS and not c.named for c in contacts) or bool(
        _DM_CUE.search(text.lower())
    )
    factor = 1.0 if reach else NO_REACH_FACTOR
    live = hits if ad_frame else []
    izh, ien = POST_INTENTS[intent.intent]
    reasons: list[PostReason] = [
        PostReason(
            code="post_intent",
            weight=p_ad * factor,
            detail_zh=f"意图模型判定：{izh}（置信度 {intent.confidence:.2f}；属广告/招代理的概率 {p_ad:.2f}）",
            detail_en=f"intent model: {ien} (confidence {intent.confidence:.2f}; probability of an ad or "
            f"recruitment {p_ad:.2f})",
        )
    ]
    best: dict[str, float] = {}
    shown: dict[str, LexiconHit] = {}
    for h in live:
        w = min(1.0, h.weight + (VARIANT_BONUS if h.variant else 0.0)) * factor
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
    suppressed = [] if ad_frame else hits
    private = [c for c in contacts if c.kind in PRIVATE_KINDS and not c.named]
    contact_w = 0.0
    if private:
        contact_w = (CONTACT_WITH_TERMS if best else CONTACT_ALONE) if ad_frame else 0.0
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
        terms = "、".join(dict.fromkeys(h.term for h in suppressed))
        reasons.append(
            PostReason(
                code="post_context_suppressed",
                weight=0.0,
                detail_zh=f"{len(suppressed)} 处用语（{terms}）出现在{izh}中，不计分",
                detail_en=f"{len(suppressed)} term(s) ({terms}) inside a {ien}, not counted",
            )
        )
    if not reach and (p_ad >= 0.2 or best):
        reasons.append(
            PostReason(
                code="post_no_reach",
                weight=0.0,
                detail_zh=f"未留联系方式或私聊邀请：广告证据按 {NO_REACH_FACTOR:.0%} 计",
                detail_en=f"no contact or invitation to message: ad evidence counted at {NO_REACH_FACTOR:.0%}",
            )
        )
    score = noisy_or([p_ad * factor, *best.values(), contact_w])  # the one combination rule (qinglang.score)
    cats = sorted({h.category for h in live if best.get(h.term, 0) >= 0.2})
    return PostScore(
        score=round(score, 4),
        flagged=score >= FLAG_THRESHOLD,
        categories=cats,
        hits=hits,
        contacts=contacts,
        reasons=reasons,
        intent=intent.intent,
        intent_confidence=intent.confidence,
    )
