"""Link accounts by shared contacts, and ads to the complaints that carry the same contact.

Agencies re-register under new account names but keep their phone or WeChat: a shared private
contact joins accounts into one group (union-find). The same contact in a complaint (the text or
the complaint's own phone field, which agencies often fill with their own number) traces
advert -> agency -> complaint batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from qinglang.indicators import POST_LINK_CONTACTS

LINK_KINDS = POST_LINK_CONTACTS  # the indicator registry's post_link kinds


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def contact_key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def account_groups(posts: Iterable[tuple[str, str, list[tuple[str, str]]]]) -> list[dict]:
    """posts: (post_id, account key, [(kind, value)]) -> groups of >= 2 accounts sharing contacts.

    Returns [{group_id, accounts, post_ids, contacts}] sorted by size, largest first.
    """
    uf = _UnionFind()
    acc_posts: dict[str, list[str]] = defaultdict(list)
    acc_contacts: dict[str, set[str]] = defaultdict(set)
    by_contact: dict[str, str] = {}
    for post_id, account, contacts in posts:
        node = f"acct:{account}"
        uf.find(node)
        acc_posts[node].append(post_id)
        for kind, value in contacts:
            if kind not in LINK_KINDS:
                continue
            key = contact_key(kind, value)
            acc_contacts[node].add(key)
            if key in by_contact:
                uf.union(node, by_contact[key])
            else:
                by_contact[key] = node
    members: dict[str, list[str]] = defaultdict(list)
    for node in acc_posts:
        members[uf.find(node)].append(node)
    groups: list[dict[str, Any]] = []
    for nodes in members.values():
        if len(nodes) < 2:
            continue
        nodes.sort()
        groups.append(
            {
                "accounts": [n.removeprefix("acct:") for n in nodes],
                "post_ids": sorted(p for n in nodes for p in acc_posts[n]),
                "contacts": sorted(set().union(*(acc_contacts[n] for n in nodes))),
            }
        )
    groups.sort(key=lambda g: (-len(g["accounts"]), g["accounts"][0]))
    for i, g in enumerate(groups, 1):
        g["group_id"] = f"G{i:04d}"
    return groups


def complaint_index(complaints: Iterable[tuple[str, list[tuple[str, str]]]]) -> dict[str, list[str]]:
    """(complaint_id, [(kind, value)]) -> contact key -> complaint ids."""
    index: dict[str, list[str]] = defaultdict(list)
    for cid, contacts in complaints:
        for key in {contact_key(k, v) for k, v in contacts if k in LINK_KINDS}:
            index[key].append(cid)
    return index
