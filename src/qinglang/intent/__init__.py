"""Intent of a complaint or a post, read on meaning by a model that ships its weights.

Complaint intents: grievance, hardship, agency_package, representative, other. Post intents:
service_ad, recruitment, warning, notice, news, lawful_offer, question. The lexicon stays beside
the model as a feature of the text and as the explanation an analyst reads.
"""

from qinglang.intent.labels import AD_INTENTS, COMPLAINT_INTENTS, POST_INTENTS
from qinglang.intent.model import (
    IntentModel,
    IntentModelError,
    IntentResult,
    classify_complaints,
    classify_posts,
    load,
)

__all__ = [
    "AD_INTENTS",
    "COMPLAINT_INTENTS",
    "POST_INTENTS",
    "IntentModel",
    "IntentModelError",
    "IntentResult",
    "classify_complaints",
    "classify_posts",
    "load",
]
