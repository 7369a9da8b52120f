"""Routes of watch-lists and alerts (关注与提醒): JSON under /api, pages, and the template helpers.

- `GET /api/watches`, `POST /api/watches`, `POST /api/watches/{id}/remove`; page `/watches`.
- `GET /api/alerts` (paged, unread first), `GET /api/alerts/count`, `GET /api/alerts/{id}`,
  `POST /api/alerts/read`; pages `/alerts` and `/alerts/{id}` (to what the alert is about).
- `/watches/campaign/{key}`: a watched campaign where it is in the latest scan.

Changes are POST and audited (watch_add, watch_remove, alert_read); the security middleware
refuses them from another site. Values come back masked unless a lead asks `unmask=1` (audited).
The header's alert count and the watch buttons of the campaign and indicator pages call the
helpers registered on the pages' Jinja environment at the bottom.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from qinglang.web import alerts, audit, campaign_identity, pages, responses, watches
from qinglang.web.auth import User
from qinglang.web.deps import current_user, masking, optional_user, require, state

api_router = APIRouter(prefix="/api", tags=["alerts"], responses=responses.COMMON)
page_router = APIRouter(include_in_schema=False)

MAX_OFFSET = 10_000_000
ID_MAX = 2**31 - 1  # ids are 32-bit integers in the database (a larger one is simply not found)
RowId = Annotated[int, Path(ge=1, le=ID_MAX)]
WATCH_RESPONSES: dict[int | str, dict[str, Any]] = {
    403: {"description": "the role may not keep watches (auditors), or another site asked"},
    404: {"description": "no such campaign key, campaign, organiser or indicator"},
    422: {"description": "the request names nothing watchable (unknown kind, a value that is not one)"},
}
ONE_RESPONSES: dict[int | str, dict[str, Any]] = {404: {"description": "no such watch or alert of yours"}}


class WatchIn(BaseModel):
    """What to watch, one of: a campaign (`kind: campaign` with `key`, or `cluster_id` and
    `run_id`); an organiser of a campaign page (`organizer` position, `cluster_id`, `run_id`); an
    indicator (`kind` = phone, wechat, qq, licence, uscc, device, ip_block, ... with the indicator
    page's `key` or the full `value`)."""

    kind: str | None = Field(None, max_length=24)
    key: str | None = Field(None, max_length=64)
    value: str | None = Field(None, max_length=256)
    run_id: str | None = Field(None, max_length=128)
    cluster_id: str | None = Field(None, max_length=128)
    organizer: int | None = Field(None, ge=0, le=1000)
    note: str | None = Field(None, max_length=watches.NOTE_MAX)


class ReadIn(BaseModel):
    """Alert ids to mark read; none or null marks all of one's alerts read."""

    ids: list[Annotated[int, Field(ge=1, le=ID_MAX)]] | None = Field(None, max_length=500)


def _resolve(request: Request, body: dict[str, Any]) -> watches.Target:
    try:
        return watches.resolve(state(request).engine, body)
    except watches.NotFound as exc:
        raise HTTPException(status_code=404, detail=f"找不到要关注的对象 / {exc}") from exc
    except (watches.Invalid, ValueError) as exc:
        raise HTTPException(status_code=422, detail=f"无法关注 / {exc}") from exc


# ---- JSON ------------------------------------------------------------------------------------


@api_router.get("/watches")
def api_watches(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """One's watches, newest first; values masked unless a lead asks `unmask=1` (audited)."""
    masked = masking(request, user, "watches", user.username)
    return {
        "items": [watches.present(w, masked) for w in watches.active(state(request).engine, user.username)]
    }


@api_router.post("/watches", responses=WATCH_RESPONSES)
def api_watch(body: WatchIn, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """Watch a campaign or an indicator: the next scan run or online-scored complaint that touches
    it raises an alert for you (`/api/alerts`). Watching it again keeps one watch."""
    require(user, "note")
    target = _resolve(request, body.model_dump())
    engine = state(request).engine
    with engine.begin() as conn:
        row = watches.add(conn, user.username, target, body.note)
        audit.record(
            conn,
            user,
            "watch_add",
            "watch",
            str(row["id"]),
            {"kind": target.kind, "value": watches.shown(target.kind, target.value, True)},
        )
    return {"watch": watches.present(row, not user.may("unmask"))}


@api_router.post("/watches/{watch_id}/remove", responses=ONE_RESPONSES)
def api_unwatch(watch_id: RowId, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """Stop watching (one's own watch); its alerts stay readable."""
    require(user, "note")
    with state(request).engine.begin() as conn:
        row = watches.remove(conn, user.username, watch_id)
        if row is None:
            raise HTTPException(status_code=404, detail="没有这个关注 / no such watch of yours")
        audit.record(
            conn,
            user,
            "watch_remove",
            "watch",
            str(watch_id),
            {"kind": row["kind"], "value": watches.shown(row["kind"], row["value"], True)},
        )
    return {"removed": watch_id}


@api_router.get("/alerts")
def api_alerts(
    request: Request,
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    limit: int = Query(alerts.PAGE, ge=1, le=200),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """One's alerts, unread first then newest: `{total, unread, offset, limit, items}`; each with
    what changed (`summary_zh`, `summary_en`, `changes`), where it leads (`url`) and the webhook's
    delivery. Values masked unless a lead asks `unmask=1` (audited)."""
    masked = masking(request, user, "alerts", user.username)
    return alerts.page(state(request).engine, user.username, masked, offset, limit)


@api_router.get("/alerts/count")
def api_alert_count(request: Request, user: User = Depends(current_user)) -> dict[str, int]:
    """How many of one's alerts are unread (the header's badge)."""
    return {"unread": alerts.unread_count(state(request).engine, user.username)}


def _own_alert(request: Request, user: User, alert_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    found = alerts.get(state(request).engine, alert_id) if 1 <= alert_id <= ID_MAX else None
    if found is None or found[0]["username"] != user.username:
        raise HTTPException(status_code=404, detail="没有这条提醒 / no such alert of yours")
    return found


@api_router.get("/alerts/{alert_id}", responses=ONE_RESPONSES)
def api_alert(alert_id: RowId, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """One of one's alerts."""
    found = _own_alert(request, user, alert_id)
    return alerts.present(*found, masked=masking(request, user, "alert", str(alert_id)))


@api_router.post("/alerts/read")
def api_alerts_read(body: ReadIn, request: Request, user: User = Depends(current_user)) -> dict[str, int]:
    """Mark alerts read (these ids, or all of one's unread ones): `{marked, unread}`."""
    engine = state(request).engine
    with engine.begin() as conn:
        marked = alerts.mark_read(conn, user.username, body.ids)
        if marked:
            audit.record(
                conn,
                user,
                "alert_read",
                "alert",
                None,
                {"ids": body.ids[:50] if body.ids else "all", "n": marked},
            )
    return {"marked": marked, "unread": alerts.unread_count(engine, user.username)}


# ---- pages -----------------------------------------------------------------------------------


def _login(request: Request) -> RedirectResponse:
    return RedirectResponse("/login?next=" + quote(str(request.url.path)), status_code=303)


@page_router.get("/alerts")
def alerts_page(request: Request, offset: int = 0) -> Response:
    user = optional_user(request)
    if user is None:
        return _login(request)
    masked = masking(request, user, "alerts", user.username)
    page = alerts.page(state(request).engine, user.username, masked, min(max(offset, 0), MAX_OFFSET))
    return pages._render(request, "alerts.html", user, page=page)


@page_router.get("/alerts/{alert_id}")
def alert_link(alert_id: int, request: Request) -> Response:
    """An alert's link (the webhook carries it): to what the alert is about. Reading is marked
    from the alerts page (POST), not here: a GET changes nothing."""
    user = optional_user(request)
    if user is None:
        return _login(request)
    found = _own_alert(request, user, alert_id)
    return RedirectResponse(alerts.present(*found, masked=True)["url"], status_code=303)


@page_router.get("/watches")
def watches_page(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return _login(request)
    masked = masking(request, user, "watches", user.username)
    items = [watches.present(w, masked) for w in watches.active(state(request).engine, user.username)]
    return pages._render(request, "watches.html", user, items=items, masked=masked)


@page_router.get("/watches/campaign/{key}")
def watched_campaign(key: str, request: Request) -> Response:
    """A campaign key: to the campaign carrying it in the latest scan."""
    user = optional_user(request)
    if user is None:
        return _login(request)
    now = campaign_identity.where_now(state(request).engine, key)
    if now is None:
        raise HTTPException(status_code=404, detail="最新一次扫描中没有这个团伙 / not in the latest scan")
    return RedirectResponse(
        f"/campaigns/{quote(now['cluster_id'])}?run_id={quote(now['run_id'])}", status_code=303
    )


# ---- template helpers ------------------------------------------------------------------------


def _alert_count(request: Request, user: User | None) -> int:
    return alerts.unread_count(state(request).engine, user.username) if user is not None else 0


def _watch_state(request: Request, user: User | None, body: dict[str, Any]) -> int | None:
    """The user's watch id on what `body` names (None: not watched, or not watchable)."""
    if user is None:
        return None
    try:
        target = watches.resolve(state(request).engine, body)
    except (LookupError, ValueError):
        return None
    return watches.watch_id_for(state(request).engine, user.username, target)


pages.templates.env.globals["alert_count"] = _alert_count
pages.templates.env.globals["watch_state"] = _watch_state
