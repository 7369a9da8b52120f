"""Collection call records for the generated lender: agencies forwarding, callbacks, hard negatives.

WHY a part of its own: calls follow the loan book (reminders before a due date, collection calls
from the day a borrower falls behind) and the campaigns (an agency that files complaints for a
borrower also answers the lender's calls for them), so they are drawn after the scenario has run,
from its customers and agencies, on their own random stream: adding calls changes no other file.
`synthesise_world` builds borrowers and agencies of its own for benchmarks (a million calls
without a million complaints).

What is in the records (truth in calls_truth.json, per borrower: group, forwarded, agency):
- agency: from a day or days after going overdue, calls are diverted to one of the agency's
  answering numbers; its desk answers quickly and at length in office hours, rarely outside.
  The carrier reports the answering number (answered_by) for most borrowers, not all. Many tell
  collectors to call the agency's callback number (notes.jsonl). A few only quote the number.
- family: 2-3 relatives (same surname; now and then an in-law) whose calls go to one relative.
- switchboard: a company landline answering for several employees, whatever their status.
- lender: calls transferred to the lender's own supervisor lines (lender_numbers.txt).
- voicemail: unanswered calls taken by a carrier voicemail platform.
- own_phone: a borrower forwarding to a second phone of their own after going overdue.
- normal: everyone else; overdue borrowers answer less than before (the ordinary reaction).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from qinglang import csvsafe
from qinglang.calls.records import CALL_FIELDS  # the contract's columns, in order
from qinglang.synth import people
from qinglang.synth.geo import City, load_cities
from qinglang.synth.rand import pick, stream

WINDOW_DAYS = 90
VOICEMAIL_NUMBERS = ("12590", "12559")
_FAMILY_WORDS = ("母亲", "父亲", "妻子", "丈夫", "姐姐", "哥哥", "儿子")


@dataclass
class Borrower:
    customer_id: str
    name: str
    phone: str
    overdue_days: int
    city: City
    group: str = "normal"
    agency: str | None = None
    forwarded: bool = False
    target: str | None = None  # the number calls are diverted to
    onset: date | None = None  # first day of the diversion
    reported: bool = True  # the carrier reports answered_by
    callback: str | None = None  # a number the borrower gives collectors
    callback_word: str = ""


@dataclass
class World:
    end: date
    borrowers: list[Borrower]
    agency_numbers: dict[str, list[str]] = field(default_factory=dict)
    lender_numbers: list[str] = field(default_factory=list)
    seed: int = 0


def _landline(rng: random.Random) -> str:
    area = pick(rng, ("010", "021", "020", "0755", "0571", "027", "028", "0731", "0371", "029"))
    return f"{area}-{rng.randrange(6, 9)}{rng.randrange(10**6, 10**7):07d}"


def _mobile(rng: random.Random, cities: Sequence[City]) -> str:
    return pick(rng, cities).phone(rng)


def cast(
    world: World,
    campaigns: dict[str, list[Borrower]],
    agency_phones: dict[str, list[str]],
    rng: random.Random,
) -> None:
    """Give each borrower its part: agencies' clients, families, switchboards, the rest."""
    cities = load_cities()
    taken: set[str] = set()
    for key, members in sorted(campaigns.items()):
        numbers = agency_phones[key][:2] or [_mobile(rng, cities)]
        callback = agency_phones[key][-1]
        world.agency_numbers[key] = sorted({*numbers, callback})
        for b in members:
            if b.customer_id in taken:
                continue
            taken.add(b.customer_id)
            b.group, b.agency = f"agency:{key}", key
            if b.overdue_days > 0 and rng.random() < 0.8:
                b.forwarded = True
                b.target = pick(rng, numbers)
                b.onset = world.end - timedelta(days=b.overdue_days) + timedelta(days=rng.randint(1, 12))
                b.reported = rng.random() < 0.7
            if rng.random() < (0.5 if b.forwarded else 0.35):
                b.callback, b.callback_word = callback, pick(rng, ("代理人", "法务", "律师", "委托的公司"))
    free = [b for b in world.borrowers if b.customer_id not in taken]
    rng.shuffle(free)
    n = len(world.borrowers)
    by_surname: dict[str, list[Borrower]] = {}
    for b in free:
        by_surname.setdefault(b.name[0], []).append(b)
    # families: 2-3 of one surname (now and then an in-law of another), one relative answers for all
    n_fam = max(2, n // 250)
    for _ in range(n_fam):
        pool = [s for s, bs in by_surname.items() if len(bs) >= 3]
        if not pool:
            break
        bs = by_surname[pick(rng, pool)]
        fam = [bs.pop() for _ in range(rng.choice((2, 2, 3)))]
        if rng.random() < 0.3:
            other = [b for b in free if b.group == "normal" and b.name[0] != fam[0].name[0]]
            if other:
                fam.append(pick(rng, other))
        relative = fam[0].phone if rng.random() < 0.4 else _mobile(rng, cities)
        start = world.end - timedelta(days=rng.randint(20, WINDOW_DAYS + 60))
        word = pick(rng, _FAMILY_WORDS)
        for b in fam:
            b.group = "family"
            if b.phone != relative:
                b.target, b.onset = relative, start
            if rng.random() < 0.5:
                b.callback, b.callback_word = relative, word
    rest = [b for b in free if b.group == "normal"]
    # switchboards: one company landline answering for 3-8 employees, overdue or not
    for _ in range(max(1, n // 600)):
        k = min(len(rest), rng.randint(3, 8))
        late = [b for b in rest if b.overdue_days > WINDOW_DAYS]
        if rng.random() < 0.4 and len(late) >= k:  # staff all long overdue: no record before arrears
            staff = late[:k]
            for b in staff:
                rest.remove(b)
        else:
            staff = [rest.pop() for _ in range(k)]
        line = _landline(rng)
        start = world.end - timedelta(days=rng.randint(WINDOW_DAYS, WINDOW_DAYS + 300))
        for b in staff:
            b.group, b.target, b.onset = "switchboard", line, start
    # the lender's own lines, voicemail, a second phone of one's own
    world.lender_numbers = ["400-820-" + f"{rng.randrange(10**4):04d}"] + [
        _mobile(rng, cities) for _ in range(4)
    ]
    for b in rest:
        if b.group != "normal":
            continue
        u = rng.random()
        if u < 0.06:
            b.group, b.target, b.onset = (
                "voicemail",
                pick(rng, VOICEMAIL_NUMBERS),
                world.end - timedelta(days=400),
            )
        elif u < 0.10:  # a second phone of one's own: after going overdue, or for no reason at all
            b.group, b.target = "own_phone", _mobile(rng, cities)
            if b.overdue_days > 0 and rng.random() < 0.6:
                b.onset = world.end - timedelta(days=b.overdue_days) + timedelta(days=rng.randint(0, 10))
            else:
                b.onset = world.end - timedelta(days=rng.randint(10, WINDOW_DAYS + 200))
        elif u < 0.16 and b.overdue_days > 0:
            b.group = "lender"


def _office(t: datetime) -> bool:
    return t.weekday() < 5 and 9 <= t.hour < 18


def _lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0.0, sigma))


def borrower_calls(world: World, b: Borrower, rng: random.Random) -> Iterator[dict[str, Any]]:
    """Every call of one borrower over the window, in time order (call_id assigned by the caller)."""
    start = world.end - timedelta(days=WINDOW_DAYS)
    since = world.end - timedelta(days=b.overdue_days) if b.overdue_days > 0 else None
    answer = rng.uniform(0.45, 0.9)
    avoid = rng.uniform(0.3, 0.85)
    talk_pre = rng.uniform(40, 90)
    times: list[datetime] = []
    due_day = int(b.customer_id[-2:]) % 28 + 1 if b.customer_id[-2:].isdigit() else 15
    day = start
    while day < world.end:
        overdue = since is not None and day >= since
        if overdue:
            k = 1 + (rng.random() < 0.45) + (rng.random() < 0.15)
        else:
            k = 1 if (day.day - due_day) % 30 in (27, 29) else 0
        for _ in range(k):
            hour = rng.uniform(8.0, 21.0)
            times.append(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))
        day += timedelta(days=1)
    times.sort()
    lender = world.lender_numbers
    for t in times:
        overdue = since is not None and t.date() >= since
        diverted = b.target is not None and b.onset is not None and t.date() >= b.onset
        row: dict[str, Any] = {"started_at": t, "direction": "outbound", "dialled": b.phone}
        by, reason = "", ""
        who = f"self:{b.customer_id}"  # whose voice answers (for recordings)
        if diverted and b.group not in ("voicemail", "normal", "lender"):
            who = f"{b.group.split(':')[0]}:{b.target}"
        if diverted and b.group.startswith("agency"):
            if _office(t):
                ok = rng.random() < 0.9
            else:
                ok = rng.random() < 0.06
            ring = rng.uniform(1.0, 6.0) if ok else 45.0
            talk = _lognormal(rng, 150, 0.5) if ok else None
            if ok and b.reported:
                by, reason = b.target or "", pick(rng, ("无条件转移", "unconditional", "CFU"))
        elif diverted and b.group == "switchboard":
            ok = _office(t) and rng.random() < 0.85
            ring = rng.uniform(4.0, 14.0) if ok else 45.0
            talk = _lognormal(rng, 25, 0.4) if ok else None
            by, reason = (b.target or "", "遇忙转移") if ok else ("", "")
        elif diverted and b.group == "voicemail":
            p = answer * (avoid if overdue else 1.0)
            human = rng.random() < p
            ok = True
            ring = _lognormal(rng, 12, 0.4) if human else rng.uniform(20, 30)
            talk = _lognormal(rng, talk_pre, 0.7) if human else rng.uniform(5, 25)
            if not human:
                by, reason = b.target or "", pick(rng, ("无应答转语音信箱", "no answer - voicemail"))
        else:
            p = answer * (avoid if overdue else 1.0) * (0.85 if _office(t) else 1.05)
            ok = rng.random() < min(p, 0.95)
            ring = (
                min(40.0, max(2.0, _lognormal(rng, 12, 0.4)))
                if ok
                else pick(rng, (45.0, 45.0, rng.uniform(2, 8)))
            )
            talk = _lognormal(rng, talk_pre * (1.15 if overdue else 1.0), 0.7) if ok else None
            if ok and diverted:  # family member or own second phone
                by, reason = b.target or "", pick(rng, ("无应答转移", "no answer", "CFNR"))
            elif ok and b.group == "lender" and overdue and rng.random() < 0.2:
                by, reason = pick(rng, lender[1:]), "内部转接"
        row.update(answered=ok, ring_seconds=round(ring, 1), talk_seconds=round(talk, 1) if talk else None)
        row.update(answered_by=by or None, diversion_reason=reason or None, who=who)
        yield row
    for _ in range(rng.randrange(0, 3)):  # the borrower calls the lender's hotline
        t = datetime.combine(start, datetime.min.time()) + timedelta(
            days=rng.uniform(0, WINDOW_DAYS - 1), hours=rng.uniform(9, 20)
        )
        # an agency negotiates for its client from its own desk; a relative calls for the family
        caller = b.phone
        if b.callback and rng.random() < 0.3 and t.date() >= (b.onset or date.min):
            caller = b.callback
        yield {
            "started_at": t,
            "direction": "inbound",
            "dialled": caller,
            "answered": True,
            "ring_seconds": round(rng.uniform(2, 20), 1),
            "talk_seconds": round(_lognormal(rng, 120, 0.5), 1),
            "answered_by": None,
            "diversion_reason": None,
        }


def _note(rng: random.Random, b: Borrower, lender: list[str], row: dict[str, Any]) -> str | None:
    if row["direction"] != "outbound":
        return None
    if b.callback and row["started_at"].date() >= (b.onset or date.min) and rng.random() < 0.12:
        spaced = b.callback if rng.random() < 0.7 else f"{b.callback[:3]} {b.callback[3:7]} {b.callback[7:]}"
        word = b.callback_word
        return pick(
            rng,
            (
                f"客户称已委托{word}处理，请联系{word}电话{spaced}。",
                f"接听人自称客户{word}，要求以后打 {spaced}。",
                f"客户表示有事找{word}，号码{spaced}，拒绝沟通还款。",
            ),
        )
    if row["answered"] and rng.random() < 0.03:
        return pick(
            rng,
            (
                f"客户承诺月底还款，已告知可拨打客服热线{lender[0]}。",
                f"客户询问减免政策，转主管 {pick(rng, lender[1:])} 跟进。",
                "客户称资金紧张，可投诉至12378，已记录。",
                "客户要求分期，已登记。",
            ),
        )
    return None


def _recorded_borrowers(world: World, recordings: int) -> set[str]:
    """Whose answered calls get recordings: every agency client and family member, then others."""
    if recordings <= 0:
        return set()
    first = [b.customer_id for b in world.borrowers if b.forwarded or b.group == "family"]
    rest = [b.customer_id for b in world.borrowers if b.customer_id not in set(first)]
    rng = random.Random(f"{world.seed}/recordings")
    rng.shuffle(rest)
    return set((first + rest)[: max(1, recordings // RECORDINGS_PER_BORROWER)])


RECORDINGS_PER_BORROWER = 2


def write_recordings(jobs: list[tuple[str, str]], out: Path, seed: int) -> dict[str, str]:
    """Render one short answer per (call id, answering party) with qinglang.voice.synth (espeak-ng
    voices through a telephone band: a stand-in for real speech). Returns call id -> voice id."""
    import numpy as np

    from qinglang.voice.synth import PHRASES, make_speakers, render_call

    rng = np.random.default_rng([seed, 16])
    parties = sorted({who for _, who in jobs})
    voices = dict(zip(parties, make_speakers(len(parties), rng), strict=True))
    folder = out / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    for call_id, who in jobs:
        text = "。".join(str(p) for p in rng.choice(PHRASES, size=2, replace=False)) + "。"
        render_call(voices[who], text, folder / f"{call_id}.wav", rng)
    return {call_id: voices[who].speaker_id for call_id, who in jobs}


def write_world(world: World, out: Path, recordings: int = 0) -> dict[str, Any]:
    """calls.csv, notes.jsonl, lender_numbers.txt and calls_truth.json into `out`; with
    `recordings`, about that many WAV files under out/recordings for answered calls."""
    out.mkdir(parents=True, exist_ok=True)
    n_calls = n_notes = 0
    recorded = _recorded_borrowers(world, recordings)
    jobs: list[tuple[str, str]] = []
    recorded_of: dict[str, int] = {}
    with (
        (out / "calls.csv").open("w", encoding="utf-8", newline="") as fc,
        (out / "notes.jsonl").open("w", encoding="utf-8") as fn,
    ):
        w = csvsafe.writer(fc, lineterminator="\n")
        w.writerow(CALL_FIELDS)
        for b in world.borrowers:
            rng = random.Random(f"{world.seed}/calls/{b.customer_id}")
            rec_rng = random.Random(
                f"{world.seed}/recording/{b.customer_id}"
            )  # calls stay the same with or without
            for row in borrower_calls(world, b, rng):
                n_calls += 1
                cid = f"CL{n_calls:09d}"
                rec = ""
                who = row.get("who")
                if b.customer_id in recorded and row["answered"] and who and len(jobs) < recordings:
                    # an agency client's or family member's recordings are of the calls someone else answered
                    wanted = not who.startswith("self:") or not (b.forwarded or b.group == "family")
                    if (
                        wanted
                        and recorded_of.get(b.customer_id, 0) < RECORDINGS_PER_BORROWER
                        and rec_rng.random() < 0.3
                    ):
                        recorded_of[b.customer_id] = recorded_of.get(b.customer_id, 0) + 1
                        rec = f"recordings/{cid}.wav"
                        jobs.append((cid, row["who"]))
                w.writerow(
                    (
                        cid,
                        row["started_at"].strftime("%Y-%m-%d %H:%M:%S"),
                        row["direction"],
                        b.customer_id,
                        row["dialled"],
                        "1" if row["answered"] else "0",
                        row["ring_seconds"],
                        "" if row["talk_seconds"] is None else row["talk_seconds"],
                        row["answered_by"] or "",
                        row["diversion_reason"] or "",
                        rec,
                    )
                )
                text = _note(rng, b, world.lender_numbers, row)
                if text:
                    n_notes += 1
                    fn.write(json.dumps({"call_id": cid, "text": text}, ensure_ascii=False) + "\n")
    (out / "lender_numbers.txt").write_text(
        "# the lender's own hotline and supervisors' lines / 本机构热线与催收主管号码\n"
        + "".join(n + "\n" for n in world.lender_numbers),
        encoding="utf-8",
    )
    voices = write_recordings(jobs, out, world.seed) if jobs else {}
    truth = {
        "recordings": voices,  # call id -> synthetic voice id of whoever answered
        "customers": {
            b.customer_id: {"group": b.group, "forwarded": b.forwarded, "agency": b.agency}
            for b in world.borrowers
        },
        "agency_numbers": world.agency_numbers,
        "seed": world.seed,
        "window_end": world.end.isoformat(),
    }
    (out / "calls_truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    groups: dict[str, int] = {}
    for b in world.borrowers:
        g = "agency" if b.group.startswith("agency") else b.group
        groups[g] = groups.get(g, 0) + 1
    return {
        "calls": n_calls,
        "notes": n_notes,
        "recordings": len(voices),
        "borrowers": len(world.borrowers),
        "groups": groups,
    }


def write_customers(world: World, path: Path) -> None:
    """customers.csv of a world of its own (synthesise_world); the generated lender writes its own."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csvsafe.writer(fh, lineterminator="\n")
        w.writerow(
            ("customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "overdue_since")
        )
        for b in world.borrowers:
            since = (world.end - timedelta(days=b.overdue_days)).isoformat() if b.overdue_days > 0 else ""
            w.writerow((b.customer_id, b.name, b.phone, 10000, "", b.overdue_days, since))


def world_from_generator(gen: Any) -> World:
    """The generated lender's customers and agencies (qinglang generate --calls)."""
    rng = stream(gen.seed, "calls")
    borrowers = {
        c.customer_id: Borrower(c.customer_id, c.name, c.phone, c.overdue_days, c.city) for c in gen.customers
    }
    campaigns: dict[str, list[Borrower]] = {}
    for r in gen.recs:
        if r.campaign and r.cust is not None and r.cust.customer_id in borrowers:
            members = campaigns.setdefault(r.campaign, [])
            b = borrowers[r.cust.customer_id]
            if b not in members:
                members.append(b)
    end = gen.end.date() if isinstance(gen.end, datetime) else gen.end
    world = World(end, list(borrowers.values()), seed=gen.seed)
    cast(world, campaigns, {k: list(a.phones) for k, a in gen.agencies.items()}, rng)
    return world


def synthesise_world(n_borrowers: int, seed: int, agencies: int = 8, end: date = date(2026, 4, 1)) -> World:
    """Borrowers and agencies of their own (no complaints): benchmarks and quick evaluations."""
    rng = stream(seed, "calls-world")
    cities = load_cities()
    borrowers = []
    for i in range(n_borrowers):
        od = 0
        if rng.random() < 0.14:
            od = pick(rng, (rng.randint(1, 30), rng.randint(31, 90), rng.randint(91, 400)))
        male = rng.random() < 0.58
        city = pick(rng, cities)
        borrowers.append(
            Borrower(f"K{seed % 1000:03d}{i:07d}", people.full_name(rng, male), city.phone(rng), od, city)
        )
    overdue = [b for b in borrowers if b.overdue_days > 0]
    campaigns: dict[str, list[Borrower]] = {}
    phones: dict[str, list[str]] = {}
    per = max(6, len(overdue) // (agencies * 3))
    for k in range(agencies):
        key = f"A{k + 1}"
        phones[key] = [_mobile(rng, cities) for _ in range(3)]
        campaigns[key] = (
            [pick(rng, overdue) for _ in range(rng.randint(per // 2, per * 3 // 2))] if overdue else []
        )
    world = World(end, borrowers, seed=seed)
    cast(world, campaigns, phones, rng)
    return world


def write_calls(gen: Any, out: Path, recordings: int = 0) -> dict[str, Any]:
    """The generated lender's calls (qinglang generate --calls [--recordings N])."""
    return write_world(world_from_generator(gen), out, recordings)
