"""Small hand-built call histories for the detector tests (no generator: each test says what it builds)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.schema import Call, Customer

SH = ZoneInfo("Asia/Shanghai")
END = date(2026, 4, 1)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"


class Book:
    """A loan book and its calls, built borrower by borrower."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.calls: list[Call] = []
        self.customers: dict[str, Customer] = {}
        self._n = 0

    def borrower(
        self, cid: str, surname: str | None = None, overdue_days: int = 0, phone: str | None = None
    ) -> str:
        s = surname or SURNAMES[len(self.customers) % len(SURNAMES)]
        phone = phone or f"139{len(self.customers):08d}"
        self.customers[cid] = Customer(
            customer_id=cid, name=s + "某某", phone=phone, overdue_days=overdue_days
        )
        return phone

    def call(
        self,
        cid: str,
        at: datetime,
        answered: bool,
        ring: float,
        talk: float | None,
        by: str | None = None,
        reason: str | None = None,
    ) -> None:
        self._n += 1
        self.calls.append(
            Call(
                call_id=f"c{self._n}",
                started_at=at.replace(tzinfo=SH),
                direction="outbound",
                customer_id=cid,
                dialled=self.customers[cid].phone,
                answered=answered,
                ring_seconds=ring,
                talk_seconds=talk,
                answered_by=by,
                diversion_reason=reason,
            )
        )

    def inbound(self, cid: str, at: datetime, caller: str) -> None:
        """A call to the lender's hotline about `cid` from `caller`."""
        self._n += 1
        self.calls.append(
            Call(
                call_id=f"c{self._n}",
                started_at=at.replace(tzinfo=SH),
                direction="inbound",
                customer_id=cid,
                dialled=caller,
                answered=True,
                ring_seconds=5,
                talk_seconds=200,
            )
        )

    def history(
        self,
        cid: str,
        days: int = 60,
        *,
        diverted_to: str | None = None,
        divert_from: int = 0,
        agency_after_overdue: bool = False,
        evening_person: bool = False,
        reported: bool = True,
        avoid_after: int = 0,
        machine: bool = False,
    ) -> None:
        """Two calls a day over `days` days up to END. The borrower answers like a person (ring about
        12 s, talk about 60 s) unless diverted: then `diverted_to` answers (from day `divert_from`
        counted back from END), like an agency's desk when `agency_after_overdue` (fast, long, office
        hours only; the carrier reports the answering number when `reported`). `avoid_after`: from
        that day on the borrower answers one call in five."""
        rng = self.rng
        for d in range(days, 0, -1):
            day = END - timedelta(days=d)
            for hour in (10.5, 19.5) if d % 2 else (14.0, 20.5):
                at = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
                office = at.weekday() < 5 and 9 <= at.hour < 18
                if diverted_to and d <= divert_from:
                    if machine:  # a voicemail platform: picks up every call, a short message
                        self.call(cid, at, True, rng.uniform(20, 30), rng.uniform(5, 25), diverted_to, "CFNR")
                    elif agency_after_overdue:
                        ok = office and rng.random() < 0.9
                        by = diverted_to if ok and reported else None
                        self.call(
                            cid,
                            at,
                            ok,
                            rng.uniform(1, 4) if ok else 45,
                            rng.uniform(120, 240) if ok else None,
                            by,
                            "无条件转移" if by else None,
                        )
                    else:
                        ok = rng.random() < 0.7
                        self.call(
                            cid,
                            at,
                            ok,
                            rng.uniform(8, 16) if ok else 45,
                            rng.uniform(40, 80) if ok else None,
                            diverted_to if ok else None,
                            "无应答转移",
                        )
                else:
                    p = (0.4 if office else 0.85) if evening_person else 0.6
                    if avoid_after and d <= avoid_after:
                        p = 0.2
                    ok = rng.random() < p
                    self.call(
                        cid, at, ok, rng.uniform(8, 16) if ok else 45, rng.uniform(40, 80) if ok else None
                    )
