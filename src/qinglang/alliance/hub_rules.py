"""The poisoning rule: when does a token warn other members? Pure functions, no database.

One member alone must never be able to make the alliance accuse an agent (a competitor's phone,
a lawyer it dislikes), however many events it files. So a token warns only when
- at least 2 distinct members confirm it (an event with verdict confirmed, distribution alliance
  or police), or one member's police-confirmed case does (it weighs as two confirmations: the
  operator flags a member as police-confirmed, and its events of distribution police carry that);
- and confirmations minus disputes stay at or above that threshold: a member disputes by an event
  with verdict disputed or a false_positive sighting;
- each member counts once, with its latest statement (a member that confirmed and later reported
  a false positive has changed its mind, not added a dispute to its confirmation);
- statements older than the TTL (default 365 days) are forgotten; an event's age is its last_seen
  (never later than its submission), a sighting's its time;
- an expired sighting newer than the newest confirmation stops the warning until a member
  confirms again.
What is answered is anonymous: numbers of members, never which.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

THRESHOLD = 2
DEFAULT_TTL = timedelta(days=365)
_RANK = {"confirm": 0, "dispute": 1, "expired": 2}  # same instant: the later kind of statement wins


@dataclass(frozen=True)
class Statement:
    member: str
    stance: str  # confirm | dispute | expired
    at: datetime  # when the hub received it (orders a member's statements)
    aged_from: datetime  # what the TTL counts from
    police: bool = False
    kind: str | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None


@dataclass
class Status:
    warned: bool
    confirmations: int
    disputes: int
    police_confirmed: bool
    expired: bool
    kinds: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    confirmers: frozenset[str] = frozenset()  # internal: who confirmed; never answered

    def public(self) -> dict:
        """What a member may see: counts and times, no member ids."""
        return {
            "warned": self.warned,
            "confirmations": self.confirmations,
            "disputes": self.disputes,
            "police_confirmed": self.police_confirmed,
            "kinds": self.kinds,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "label": label(self.confirmations, self.disputes, self.police_confirmed),
        }


def label(confirmations: int, disputes: int, police: bool) -> str:
    zh = f"{confirmations} 家成员确认"
    en = f"{confirmations} member{'s' if confirmations != 1 else ''} confirmed"
    if police:
        zh, en = zh + "（含公安确认案件）", en + " (incl. a police-confirmed case)"
    if disputes:
        zh += f"，{disputes} 家有异议"
        en += f", {disputes} disputed"
    return f"{zh} / {en}"


def status(statements: Iterable[Statement], now: datetime, ttl: timedelta = DEFAULT_TTL) -> Status:
    cutoff = now - ttl
    latest: dict[str, Statement] = {}
    for s in sorted(statements, key=lambda s: (s.at, _RANK[s.stance])):
        if s.aged_from >= cutoff:
            latest[s.member] = s
    confirms = [s for s in latest.values() if s.stance == "confirm"]
    disputes = sum(1 for s in latest.values() if s.stance == "dispute")
    police = any(s.police for s in confirms)
    weight = sum(2 if s.police else 1 for s in confirms)
    newest_confirm = max((s.at for s in confirms), default=None)
    expired = newest_confirm is not None and any(
        s.stance == "expired" and s.at > newest_confirm for s in latest.values()
    )
    firsts = [s.first_seen for s in confirms if s.first_seen]
    lasts = [s.last_seen for s in confirms if s.last_seen]
    return Status(
        warned=bool(confirms) and weight - disputes >= THRESHOLD and not expired,
        confirmations=len(confirms),
        disputes=disputes,
        police_confirmed=police,
        expired=expired,
        kinds=sorted({s.kind for s in confirms if s.kind}),
        first_seen=min(firsts) if firsts else None,
        last_seen=max(lasts) if lasts else None,
        confirmers=frozenset(s.member for s in confirms),
    )
