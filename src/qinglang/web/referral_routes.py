"""Routes of referrals to police (移送公安): JSON under /api, pages, and the police user's view.

- `POST /api/cases/{id}/referral` (lead: refer a case to a unit), `POST /api/cases/{id}/referral/answer`
  (lead: answer a request for more material);
- `GET /api/referrals` (the lead and analysts: open referrals and how long each waited; a police
  user: its unit's referrals), `GET /api/referrals/{case_id}` (the case as an officer sees it),
  `POST /api/referrals/{case_id}/state` (police: 签收 / 立案 / 不予立案 / 需补充材料 / 结案 with a note);
- pages `/referrals` and `/referrals/{case_id}`.

A police user reaches only these (web/deps.optional_user answers 404 elsewhere) and only cases
referred to its unit: any other case id answers 404, as if it did not exist. What it sees is what
the evidence pack shows an officer: organiser indicators unmasked, customers masked (as for an
auditor).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from qinglang.web import actions, pages, referrals, repo, responses, views
from qinglang.web.auth import User
from qinglang.web.deps import current_user, optional_user, require, state
from qinglang.web.pii import mask_deep, mask_names_in, mask_text

api_router = APIRouter(prefix="/api", tags=["referrals"], responses=responses.COMMON)
page_router = APIRouter(include_in_schema=False)

NOTE_MAX = 10_000
Note = Annotated[str | None, Field(default=None, max_length=NOTE_MAX)]
MEMBERS_SHOWN = 200


class ReferIn(BaseModel):
    unit: str = Field(min_length=1, max_length=128, description="the receiving police unit")
    note: Note = None


class AnswerIn(BaseModel):
    note: Note = None


class PoliceMoveIn(BaseModel):
    state: Literal["received", "filed", "declined", "more_material", "closed"]
    note: Note = None


def _action(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except actions.ActionError as exc:
        raise HTTPException(status_code=exc.status, detail=str(exc)) from exc


def police_view(engine: Any, user: User, case_id: str) -> dict[str, Any] | None:
    """The case as an officer of `user.unit` sees it, or None when it was not referred there."""
    if not referrals.visible_to(engine, user, case_id):
        return None
    case = actions.get_case(engine, case_id)
    if case is None:
        return None
    unit = user.unit if user.role == "police" else None
    cluster = repo.get_cluster(engine, case["run_id"], case["cluster_id"]) or {}
    ids = list(cluster.get("complaint_ids") or [])
    members = repo.complaints_by_ids(engine, ids[:MEMBERS_SHOWN]) if ids else []
    return {
        "case_id": case["case_id"],
        "title": case["title"],
        "status": case["status"],
        "created_at": case["created_at"],
        "campaign": {
            "cluster_id": case["cluster_id"],
            "size": cluster.get("size"),
            "first_seen": cluster.get("first_seen"),
            "last_seen": cluster.get("last_seen"),
            "template": mask_names_in(mask_text(str(cluster.get("template") or ""))),
            # to the officer as the evidence pack shows them, numbers in full; masked for the
            # lender's own roles here (a lead unmasks on the campaign page, audited)
            "organizers": views.masked_items(list(cluster.get("organizers") or []), unit is None),
            "indicators": views.masked_items(list(cluster.get("indicators") or []), True),
        },
        # the customers, masked as for an auditor
        "members": [
            {
                "complaint_id": m["complaint_id"],
                "received_at": m["received_at"],
                "channel": m.get("channel"),
                "text": mask_names_in(mask_text(str(m.get("text") or "")))[:300],
            }
            for m in members
        ],
        "members_total": len(ids),
        "referrals": mask_deep(referrals.timeline(engine, case_id, unit)),
    }


# ---- API -------------------------------------------------------------------------------------


@api_router.post("/cases/{case_id}/referral", responses={**responses.NOT_FOUND, **responses.CONFLICT})
def refer_case(
    case_id: str, body: ReferIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    """Refer a case to a police unit (lead; an evidence pack must have been exported)."""
    return _action(referrals.refer, state(request).engine, user, case_id, body.unit, body.note)


@api_router.post("/cases/{case_id}/referral/answer", responses={**responses.NOT_FOUND, **responses.CONFLICT})
def answer_referral(
    case_id: str, body: AnswerIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    """Answer the unit's request for more material (lead, with a note): the referral goes back to it."""
    return _action(referrals.answer, state(request).engine, user, case_id, body.note)


@api_router.get("/referrals")
def list_referrals(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """Open referrals, longest waiting first (`waited_hours` since the last move); a police user
    gets its unit's referrals, open or not."""
    engine = state(request).engine
    if user.role == "police":
        return {"unit": user.unit, "items": referrals.referred_cases(engine, user.unit or "")}
    require(user, "read")
    return {"items": referrals.open_referrals(engine)}


@api_router.get("/referrals/{case_id}", responses=responses.NOT_FOUND)
def referral_detail(case_id: str, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """The referred case as an officer sees it (404 unless referred to the police user's unit)."""
    view = police_view(state(request).engine, user, case_id)
    if view is None:
        raise HTTPException(status_code=404, detail="找不到 / not found")
    return view


@api_router.post("/referrals/{case_id}/state", responses={**responses.NOT_FOUND, **responses.CONFLICT})
def move_referral(
    case_id: str, body: PoliceMoveIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    """A police user moves its unit's referral (with a note); illegal moves answer 409."""
    engine = state(request).engine
    if user.role == "police" and not referrals.visible_to(engine, user, case_id):
        raise HTTPException(status_code=404, detail="找不到 / not found")
    return _action(referrals.police_move, engine, user, case_id, body.state, body.note)


# ---- pages -----------------------------------------------------------------------------------


@page_router.get("/referrals")
def referrals_page(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return RedirectResponse("/login?next=/referrals", status_code=303)
    engine = state(request).engine
    if user.role == "police":
        items = referrals.referred_cases(engine, user.unit or "")
        return pages._render(request, "referrals.html", user, items=items, police=True)
    require(user, "read")
    return pages._render(
        request, "referrals.html", user, items=referrals.open_referrals(engine), police=False
    )


@page_router.get("/referrals/{case_id}")
def referral_page(case_id: str, request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return RedirectResponse(f"/login?next=/referrals/{case_id}", status_code=303)
    if user.role != "police":
        return RedirectResponse(f"/cases/{case_id}", status_code=303)
    view = police_view(state(request).engine, user, case_id)
    if view is None:
        raise HTTPException(status_code=404, detail="找不到 / not found")
    return pages._render(request, "referral_case.html", user, v=view, labels=referrals.STATE_LABELS)


pages.templates.env.globals["referral_labels"] = referrals.STATE_LABELS
