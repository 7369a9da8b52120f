"""Per-borrower call histories: the one view every call signal reads.

WHY: the signals ask the same questions of every borrower (which calls came before they went
overdue, who answered, when, how fast); building the view once keeps each detector a few lines
and keeps a million records to one pass. A call is a small tuple, not a pydantic object, so the
view of 1M calls stays a few hundred MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from qinglang.calls.numbers import number_key
from qinglang.schema import Call, Customer

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Two-character surnames (复姓) read whole; every other name's surname is its first character.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 呼延".split()
)
# customers.csv columns (kept in Customer.extra) that tie borrowers to one household or employer
RELATION_COLUMNS = (
    "household_id",
    "household",
    "family_id",
    "address",
    "home_address",
    "employer",
    "employer_phone",
    "company",
)


class CallRow(NamedTuple):
    at: datetime  # Asia/Shanghai
    outbound: bool
    answered: bool
    ring: float | None
    talk: float | None
    dialled: str  # number key ('' when absent)
    by: str  # the number that answered, when the carrier reported a diversion to another number
    reason: str  # diversion reason as written ('' when absent)
    call_id: str
    recording: str = ""  # path under the recordings folder, as written
    # the number the carrier reported diverting the call to, answered or not ('' when none): a
    # diversion that nobody picked up still shows the forwarding was in place
    diverted_to: str = ""


@dataclass
class Borrower:
    customer_id: str
    surname: str | None = None
    phone: str = ""  # number key of the registered phone
    overdue_since: date | None = None
    ties: tuple[str, ...] = ()  # household / employer values from the customers file
    calls: list[CallRow] = field(default_factory=list)

    def before_after(self) -> tuple[list[CallRow], list[CallRow]]:
        """Outbound calls before and after the day the borrower went overdue."""
        if self.overdue_since is None:
            return [c for c in self.calls if c.outbound], []
        before = [c for c in self.calls if c.outbound and c.at.date() < self.overdue_since]
        after = [c for c in self.calls if c.outbound and c.at.date() >= self.overdue_since]
        return before, after


def surname(name: str | None) -> str | None:
    name = (name or "").strip()
    if not name or not ("\u4e00" <= name[0] <= "\u9fff"):
        return None
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]


def _overdue_since(c: Customer, as_of: date) -> date | None:
    since = c.extra.get("overdue_since")
    if since:
        try:
            return date.fromisoformat(str(since)[:10])
        except ValueError:
            pass
    if c.overdue_days and c.overdue_days > 0:
        return as_of - timedelta(days=c.overdue_days)
    return None


@dataclass
class CallView:
    borrowers: dict[str, Borrower]
    first: datetime | None
    last: datetime | None
    calls: int
    has_customers: bool

    @property
    def by_phone(self) -> dict[str, list[str]]:
        """Registered number key -> borrowers giving it (a household or office phone is shared)."""
        out: dict[str, list[str]] = {}
        for b in self.borrowers.values():
            if b.phone:
                out.setdefault(b.phone, []).append(b.customer_id)
        return out


def build_view(calls: Iterable[Call], customers: Mapping[str, Customer] | None = None) -> CallView:
    """Group calls by borrower (sorted by time) and attach what the customers file says."""
    borrowers: dict[str, Borrower] = {}
    first = last = None
    n = 0
    for c in calls:
        n += 1
        at = c.started_at.astimezone(SHANGHAI)
        first = at if first is None or at < first else first
        last = at if last is None or at > last else last
        dialled = number_key(c.dialled) if c.dialled else ""
        by = number_key(c.answered_by) if c.answered_by else ""
        if by == dialled:
            by = ""
        b = borrowers.get(c.customer_id)
        if b is None:
            b = borrowers[c.customer_id] = Borrower(c.customer_id)
        b.calls.append(
            CallRow(
                at,
                c.direction == "outbound",
                c.answered,
                c.ring_seconds,
                c.talk_seconds,
                dialled,
                by if c.answered else "",
                c.diversion_reason or "",
                c.call_id,
                c.recording or "",
                by,
            )
        )
    as_of = last.date() if last is not None else date.today()
    customers = customers or {}
    for b in borrowers.values():
        b.calls.sort(key=lambda r: r.at)
        cust = customers.get(b.customer_id)
        if cust is not None:
            b.surname = surname(cust.name)
            b.phone = number_key(cust.phone) if cust.phone else ""
            b.overdue_since = _overdue_since(cust, as_of)
            b.ties = tuple(f"{k}={v}" for k in RELATION_COLUMNS if (v := _tie(cust.extra.get(k))))
        if not b.phone:  # no customers file: the number the lender dials most is theirs
            numbers = [r.dialled for r in b.calls if r.outbound and r.dialled]
            b.phone = max(set(numbers), key=numbers.count) if numbers else ""
    return CallView(borrowers, first, last, n, bool(customers))


def _tie(v: Any) -> str | None:
    s = str(v).strip() if v is not None else ""
    return s or None
