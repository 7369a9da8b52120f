"""Which borrowers answered by one number are related: family, one household, one employer.

WHY: a mother answering for her two sons, or a company's reception answering for its staff, is a
number answering for several borrowers that is not an agency. Borrowers count as one party when
they share a surname (the family answering for each other), a registered phone (a household or
office line), a household or employer column of the customers file, or when the answering number
is the registered phone of one of them (a borrower answering for relatives). What is counted is
the number of unrelated parties: connected components of these ties.
"""

from __future__ import annotations

from collections.abc import Sequence

from qinglang.calls.history import CallView


def parties(members: Sequence[str], view: CallView, answering: str = "") -> list[list[str]]:
    """The members grouped into unrelated parties (each a list of customer ids)."""
    parent = {m: m for m in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by: dict[str, str] = {}
    owners = [m for m in members if answering and view.borrowers[m].phone == answering]
    for m in members:
        b = view.borrowers[m]
        keys = [f"phone:{b.phone}"] if b.phone else []
        if b.surname:
            keys.append(f"surname:{b.surname}")
        keys.extend(f"tie:{t}" for t in b.ties)
        for k in keys:
            if k in first_by:
                union(m, first_by[k])
            else:
                first_by[k] = m
    if owners:  # the answering phone is a borrower's own: everyone it answers for is that household
        for m in members:
            union(m, owners[0])
    groups: dict[str, list[str]] = {}
    for m in members:
        groups.setdefault(find(m), []).append(m)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
