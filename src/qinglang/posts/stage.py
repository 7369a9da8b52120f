"""The posts stage: score posts, join accounts that share contacts, reach the complaints.

One function pair that both paths run, so a post scores and links the same way whether it came
from a file (`qinglang posts --posts FILE`, posts/run.py) or from the store during a scan
(posts/in_store.py): `link_contacts` reads what a complaint gives to link on, and
`score_and_link` scores every post (scoring.py), groups accounts (linking.py) and attaches the
complaints each group and each post reaches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from qinglang.posts.linking import LINK_KINDS, account_groups, complaint_index, contact_key
from qinglang.posts.scoring import PostScore, score_texts
from qinglang.schema import Post


@dataclass
class ScoredPost:
    post: Post
    account: str  # "platform/account" (the post id when it has no account): the node groups join
    score: PostScore
    group_id: str | None = None
    linked_complaints: list[str] = field(default_factory=list)


@dataclass
class PostsOutcome:
    posts: list[ScoredPost]
    groups: list[dict[str, Any]]  # linking.account_groups + "complaint_ids"


def account_key(post: Post) -> str:
    return f"{post.platform or '?'}/{post.account or post.post_id}"


def link_contacts(text: str, phone_e164: str | None) -> list[tuple[str, str]]:
    """What one complaint links on: the private contacts in its text and its own phone field
    (agencies often fill it with their own number)."""
    from qinglang.text.contacts import extract_contacts

    contacts = [(c.kind, c.value) for c in extract_contacts(text) if c.kind in LINK_KINDS]
    if phone_e164:
        contacts.append(("phone", phone_e164))
    return contacts


def complaints_by_contact(rows: Iterable[tuple[str, str, str | None]]) -> dict[str, list[str]]:
    """(complaint_id, text, phone E.164) -> contact key -> complaint ids."""
    return complaint_index(
        (cid, contacts) for cid, text, phone in rows if (contacts := link_contacts(text, phone))
    )


def score_and_link(items: Sequence[Post], cindex: Mapping[str, list[str]]) -> PostsOutcome:
    """Score every post, join accounts sharing a private contact, and attach to each group and
    each post the complaints that carry one of its contacts."""
    scores = score_texts([p.text for p in items])
    posts = [ScoredPost(p, account_key(p), s) for p, s in zip(items, scores, strict=True)]
    groups = account_groups(
        (sp.post.post_id, sp.account, [(c.kind, c.value) for c in sp.score.contacts]) for sp in posts
    )
    group_of = {pid: g["group_id"] for g in groups for pid in g["post_ids"]}
    for g in groups:
        g["complaint_ids"] = sorted({cid for key in g["contacts"] for cid in cindex.get(key, [])})
    for sp in posts:
        keys = {contact_key(c.kind, c.value) for c in sp.score.contacts if c.kind in LINK_KINDS}
        sp.group_id = group_of.get(sp.post.post_id)
        sp.linked_complaints = sorted({cid for k in keys for cid in cindex.get(k, [])})
    return PostsOutcome(posts, groups)
