"""The intents qinglang reads from a complaint or a post, with their analyst-facing names.

Why a fixed table: the classifiers, the training files (training/intent/), the blind sets'
truth files and the workbench all speak these labels; one table keeps them in step.
"""

from __future__ import annotations

# label -> (zh, en)
COMPLAINT_INTENTS: dict[str, tuple[str, str]] = {
    "grievance": ("具体诉求（故障/收费/催收行为等）", "concrete grievance about a fault or treatment"),
    "hardship": ("本人困难陈述", "hardship plea in the borrower's own words"),
    "agency_package": ("代理机构式诉求包", "an agency's package of demands"),
    "representative": ("他人代为投诉（律师/顾问/亲属）", "filed through a representative"),
    "other": ("其他（咨询/表扬/无关）", "other (question, praise, unrelated)"),
}

POST_INTENTS: dict[str, tuple[str, str]] = {
    "service_ad": ("黑灰产服务广告", "black/gray service ad"),
    "recruitment": ("招代理/招学员", "recruiting agents"),
    "warning": ("受害者警示/避坑", "victim's warning"),
    "notice": ("监管/警方/法院/机构公告", "regulator, police, court or lender notice"),
    "news": ("新闻报道", "news report"),
    "lawful_offer": ("正规金融产品", "lawful lender or bank offer"),
    "question": ("借款人求助提问", "borrower asking for advice"),
    "off_topic": ("与借贷无关（其他广告/闲聊/其他诈骗）", "off topic (other ads, chat, other scams)"),
}

# the post intents that make a post an ad of the black/gray industry
AD_INTENTS = frozenset({"service_ad", "recruitment"})

TASKS: dict[str, dict[str, tuple[str, str]]] = {"complaint": COMPLAINT_INTENTS, "post": POST_INTENTS}
