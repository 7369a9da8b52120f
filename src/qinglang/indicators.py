"""The indicator-kind registry: one row per kind of thing that can tie complaints together.

Before this table, adding a kind meant editing seven tables in five modules (which kinds link,
their organiser prior, Chinese and English names, which are text contacts, how they are masked,
which extracted contact they come from, which ones posts link on). Now a kind is one row here and
every stage reads its column.

Columns:
- `links`: sharing the value across customers joins complaints in the entity graph. A number the
  complainant reports (an abusive collector's), a web domain (genuine complainants quote the
  lender's own site) and an agent alias (too common a name) are kept for display, never links.
- `prior`: how identifying the kind is when ranking organisers (customer coverage x prior).
- `text_contact`: quoted in the complaint text by whoever wrote it for the borrower (counts for
  `shared_agent_contact`).
- `filer_side`: identifies the filer rather than someone quoted (complainant phone, device): such
  a value is never dropped as "too common" and a family sharing it is not a link.
- `vertex`: graph vertex family; an agent phone quoted in one complaint is often the
  complainant phone of another filed by the same agency, so both are one "phone" vertex.
- `mask`: how a value is shown to people and in reason texts ("phone": 139****1234).
- `contact_kind`: the kind `text.contacts` extracts that becomes this indicator in a complaint.
- `post_link`: ads and complaints are linked on it (a private way to reach a seller).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qinglang.phones import mask_phone


@dataclass(frozen=True)
class IndicatorKind:
    name: str
    links: bool
    prior: float
    zh: str
    en: str
    text_contact: bool = False
    filer_side: bool = False
    vertex: str | None = None  # None: the kind's own name
    mask: str = "none"  # "phone" | "card" | "none"
    contact_kind: str | None = None
    post_link: bool = False

    @property
    def vertex_kind(self) -> str:
        return self.vertex or self.name


DEFAULT_PRIOR = 0.5

KINDS: dict[str, IndicatorKind] = {
    k.name: k
    for k in (
        IndicatorKind(
            "agent_phone",
            True,
            1.0,
            "代理人电话",
            "agent phone",
            text_contact=True,
            vertex="phone",
            mask="phone",
            contact_kind="phone",
            post_link=True,
        ),
        IndicatorKind(
            "wechat",
            True,
            1.0,
            "微信号",
            "WeChat handle",
            text_contact=True,
            contact_kind="wechat",
            post_link=True,
        ),
        IndicatorKind(
            "qq", True, 1.0, "QQ号", "QQ number", text_contact=True, contact_kind="qq", post_link=True
        ),
        IndicatorKind(
            "licence_uscc",
            True,
            0.98,
            "所谓执业证号（实为统一社会信用代码）",
            "'licence number' that is a credit code",
            text_contact=True,
            contact_kind="uscc",
        ),
        IndicatorKind(
            "lawyer_licence",
            True,
            0.97,
            "律师执业证号",
            "lawyer licence number",
            text_contact=True,
            contact_kind="lawyer_licence",
        ),
        # an account or card named for fees or "refunds": the agency's money trail
        IndicatorKind(
            "bank_account",
            True,
            1.0,
            "收款银行账户",
            "bank account for payments",
            text_contact=True,
            mask="card",
            contact_kind="bank_account",
        ),
        IndicatorKind(
            "email", True, 0.95, "邮箱", "e-mail", text_contact=True, contact_kind="email", post_link=True
        ),
        IndicatorKind(
            "complainant_phone",
            True,
            0.95,
            "投诉人电话",
            "complainant phone",
            filer_side=True,
            vertex="phone",
            mask="phone",
        ),
        IndicatorKind(
            "law_firm", True, 0.9, "律师事务所", "law firm", text_contact=True, contact_kind="law_firm"
        ),
        IndicatorKind("company", True, 0.9, "公司", "company", text_contact=True, contact_kind="company"),
        # a licensed financial institution named in a complaint is the lender complained about (or
        # another one), never the agency: agencies call themselves 法务/咨询/科技, not 消费金融
        IndicatorKind("institution", False, 0.2, "被投诉金融机构", "financial institution complained about"),
        IndicatorKind("domain", False, 0.85, "网址", "web domain", text_contact=True, contact_kind="url"),
        IndicatorKind("device", True, 0.6, "设备号", "device id", filer_side=True),
        IndicatorKind("ip_block", False, 0.4, "IP 段", "IP block"),
        # "王经理" identifies a campaign but gives police nothing to trace
        IndicatorKind("agent_alias", False, 0.3, "代理人称呼", "agent alias", text_contact=True),
        IndicatorKind("reported_phone", False, DEFAULT_PRIOR, "被投诉号码", "reported phone", mask="phone"),
        # from the lender's collection call records (qinglang.calls, `scan --calls`): the number an
        # agency's clients forward collection calls to, the callback number they give collectors,
        # one voice answering for them; attached to campaigns as organisers, never graph links
        IndicatorKind(
            "forwarding_phone", False, 1.0, "呼叫转移接听号码", "call-forwarding number", mask="phone"
        ),
        IndicatorKind(
            "callback_phone",
            False,
            1.0,
            "报给催收员的回拨号码",
            "callback number given to collectors",
            mask="phone",
        ),
        IndicatorKind("voice", False, 0.9, "同一接听声音", "one answering voice"),
    )
}

# extracted contact kind -> indicator kind, for contacts quoted in a complaint's text
CONTACT_TO_KIND: dict[str, str] = {k.contact_kind: k.name for k in KINDS.values() if k.contact_kind}
# contact kinds that link ads to each other and to complaints (private ways to reach a seller)
POST_LINK_CONTACTS: frozenset[str] = frozenset(
    k.contact_kind for k in KINDS.values() if k.post_link and k.contact_kind
)


_INSTITUTION = re.compile(
    r"(?:银行|消费金融|小额贷款|信托|保险|证券|期货|金融租赁)(?:股份)?(?:有限)?(?:责任)?(?:公司)?$"
)


def is_financial_institution(name: str) -> bool:
    """A company name of a licensed lender, bank or insurer (by its legal form)."""
    return bool(_INSTITUTION.search(name.strip()))


def kind(name: str) -> IndicatorKind:
    """The registry row of `name`; an unknown kind is a programming error, said plainly."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown indicator kind {name!r}; add it to qinglang.indicators.KINDS") from None


def links(name: str) -> bool:
    return name in KINDS and KINDS[name].links


def prior(name: str) -> float:
    return KINDS[name].prior if name in KINDS else DEFAULT_PRIOR


def zh(name: str) -> str:
    return KINDS[name].zh if name in KINDS else name


def en(name: str) -> str:
    return KINDS[name].en if name in KINDS else name


def display_value(kind_name: str, value: str) -> str:
    """A value as shown in reason texts and pages: phones and bank accounts masked, everything
    else as is."""
    if name_masks_phone(kind_name):
        return mask_phone(value)
    if kind_name in KINDS and KINDS[kind_name].mask == "card":
        return mask_card(value)
    return value


def mask_card(value: str) -> str:
    """6222 **** **** 1234: the bank (first four) and the tail stay, as on a receipt."""
    v = "".join(ch for ch in value if ch.isdigit()) or value
    return v[:4] + "*" * max(4, len(v) - 8) + v[-4:] if len(v) > 8 else "****"


def name_masks_phone(kind_name: str) -> bool:
    return kind_name in KINDS and KINDS[kind_name].mask == "phone"


def link_key(key: tuple[str, str]) -> tuple[str, str]:
    """The graph vertex of an indicator: one vertex per phone number whatever its role."""
    k = KINDS.get(key[0])
    return (k.vertex_kind, key[1]) if k is not None else key
