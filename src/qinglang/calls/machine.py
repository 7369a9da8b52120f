"""An answering number that behaves like a machine (voicemail, call-secretary platform), not a desk.

WHY behaviour and not only a number list: carriers, virtual operators and PBX vendors run many
voicemail and answering platforms, reachable on ordinary-looking mobile numbers; no list is ever
complete (blind set calls_c2: one platform on a 130 number, not on data/carrier_services.txt,
answered missed calls for 30 borrowers and was flagged as an agency's desk, 30 false agency
clients). What a platform does cannot be hidden by its number:

- it plays a greeting and records a message: talk times are short (median <= MACHINE_TALK_SECONDS)
  and bounded (interquartile range <= MACHINE_TALK_IQR_SECONDS). A desk that stalls or negotiates
  talks for one minute or five, so its talk times are long and spread (an agency on calls_c2: IQR
  60-160 s; a platform: 11-13 s);
- nobody calls back from it: no inbound call to the lender comes from the number (an agency calls
  about its clients, a relative about the family);
- it only takes the calls its subscribers miss: after the diversion began, the subscribers go on
  answering their own phone (>= MACHINE_SELF_ANSWER_SHARE of their answered calls are undiverted),
  whereas a desk that took a borrower's line answers (nearly) all of it;
- or it answers at any hour (no office-hours bias): the older rule, kept as it was.

A number that is short-talking and either answers at any hour, or is bounded, never calls back
and leaves its subscribers answering themselves, is read as a machine: a hard negative (role
"carrier"), and the figures behind it are written in the group's facts ("machine"). It does not
need an office-hours test to pass: a platform answers whenever collectors call, and collectors call
in office hours, so its office-hours share can lean as theirs does (calls_c2: 64 % against 55 %).

Ring time is reported (a platform picks up after a set number of rings) but not used: on calls_c2
the platforms' ring times were the spread ones (the time the subscriber let it ring before the
diversion) and the agencies' the fixed ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qinglang.calls.history import CallRow, CallView

# a greeting, the beep and a short message; a desk that negotiates talks for minutes
MACHINE_TALK_SECONDS = 30.0
# a platform's talk times are bounded by its greeting and message limit
MACHINE_TALK_IQR_SECONDS = 20.0
# share of the subscribers' answered calls, after the diversion began, that they answered themselves
MACHINE_SELF_ANSWER_SHARE = 0.3
# answered calls needed before the talk-time spread says anything
MACHINE_MIN_CALLS = 8


def _iqr(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    q1, q3 = np.percentile(np.asarray(values, dtype=float), [25, 75])
    return round(float(q3 - q1), 1)


def machine_facts(
    key: str,
    rows_of: Mapping[str, Sequence[CallRow]],
    view: CallView,
    callbacks: int,
    office_p: float | None,
) -> dict[str, Any]:
    """What the number's calls say about it being a machine: the figures and the two readings.

    rows_of: member -> the answered calls this number took for them; callbacks: inbound calls to
    the lender from this number; office_p: one-sided test that it answers mostly in office hours."""
    rows = [r for rs in rows_of.values() for r in rs]
    talk = [r.talk for r in rows if r.talk is not None]
    ring = [r.ring for r in rows if r.ring is not None]
    own = 0
    for m, rs in rows_of.items():
        since = min(r.at for r in rs)
        own += sum(
            1
            for r in view.borrowers[m].calls
            if r.outbound and r.answered and not r.by and r.at >= since and r.dialled != key
        )
    share = own / (own + len(rows)) if rows else 0.0
    median = round(float(np.median(talk)), 1) if talk else None
    iqr = _iqr(talk)
    short = median is not None and median <= MACHINE_TALK_SECONDS
    any_hours = office_p is None or office_p > 0.05
    bounded = iqr is not None and iqr <= MACHINE_TALK_IQR_SECONDS and len(talk) >= MACHINE_MIN_CALLS
    keeps_answering = share >= MACHINE_SELF_ANSWER_SHARE
    return {
        # the older rule (checked before the switchboard rule, as it always was)
        "short_at_any_hour": bool(short and any_hours),
        # the behaviour rule (checked after it: a switchboard stays a switchboard)
        "short_bounded_no_callback_self_answering": bool(
            short and bounded and callbacks == 0 and keeps_answering
        ),
        "talk_median_seconds": median,
        "talk_iqr_seconds": iqr,
        "ring_iqr_seconds": _iqr(ring),
        "callbacks_from_number": callbacks,
        "subscribers_self_answer_share": round(share, 3),
        "answers_at_any_hour": bool(any_hours),
    }
