"""Routes of the posts pages (广告监测): ad groups, one group, and the ads feeding a campaign.

- `/posts` and `GET /api/posts`: the ad groups of a scan run (the latest by default), flagged
  first, paged on the server, with the run's totals;
- `/posts/groups/{group_id}` and `GET /api/posts/groups/{group_id}`: its accounts, contacts,
  posts with the matched code words highlighted, the complaints its contacts reach and the
  campaigns they belong to;
- `GET /api/campaigns/{cluster_id}/ads`: the groups feeding one campaign, also shown as the
  campaign page's "相关广告 / ads feeding this campaign" section (the template calls
  `campaign_ads`, registered on the pages' Jinja environment below).

Numbers and handles are masked unless a lead asks `unmask=1` (audited, web/deps.masking).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from qinglang.web import pages, posts_view, repo
from qinglang.web.auth import User
from qinglang.web.deps import current_user, masking, optional_user, state

api_router = APIRouter(prefix="/api", tags=["posts"])
page_router = APIRouter(include_in_schema=False)

MAX_OFFSET = 10_000_000
ID_MAX = 128
RUN_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "login required"},
    403: {"description": "`unmask=1` by a role that may not, or asked for by another site"},
    404: {"description": "no such scan run"},
    422: {"description": "offset or limit out of range"},
}
GROUP_RESPONSES: dict[int | str, dict[str, Any]] = RUN_RESPONSES | {
    404: {"description": "no such scan run, or no such ad group in it"}
}
CAMPAIGN_RESPONSES: dict[int | str, dict[str, Any]] = RUN_RESPONSES | {
    404: {"description": "no such scan run, or no such campaign in it"}
}


def _plain(value: str) -> bool:
    """An id the database can be asked about: no NUL (PostgreSQL refuses it in text), no lone
    surrogate, not longer than any stored id; anything else cannot exist."""
    if "\x00" in value or len(value) > ID_MAX:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _run_id(request: Request, run_id: str | None) -> str:
    if run_id is not None and not _plain(run_id):
        raise HTTPException(status_code=404, detail="没有扫描结果 / no scan run")
    run = repo.get_run(state(request).engine, run_id)
    if run is None:
        raise HTTPException(status_code=404, detail="没有扫描结果 / no scan run")
    return str(run["run_id"])


def groups_for(request: Request, user: User, run_id: str | None, offset: int, limit: int) -> dict[str, Any]:
    rid = _run_id(request, run_id)
    masked = masking(request, user, "posts", rid)
    return posts_view.groups_page(state(request).engine, rid, masked, limit, min(max(offset, 0), MAX_OFFSET))


def group_for(
    request: Request, user: User, group_id: str, run_id: str | None, posts_offset: int, posts_limit: int
) -> dict[str, Any]:
    rid = _run_id(request, run_id)
    if not _plain(group_id):
        raise HTTPException(status_code=404, detail="没有这个广告账号组 / no such ad group")
    masked = masking(request, user, "post_group", group_id)
    detail = posts_view.group_detail(
        state(request).engine, rid, group_id, masked, min(max(posts_offset, 0), MAX_OFFSET), posts_limit
    )
    if detail is None:
        raise HTTPException(status_code=404, detail="没有这个广告账号组 / no such ad group")
    return detail


# ---- JSON ------------------------------------------------------------------------------------


@api_router.get("/posts", responses=RUN_RESPONSES)
def api_posts(
    request: Request,
    run_id: str | None = Query(None, description="a scan run; the latest by default"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    limit: int = Query(posts_view.GROUP_PAGE, ge=1, le=500),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """The run's ad groups (accounts joined by a shared private contact), flagged first then by
    score: `{run_id, totals, total, offset, limit, items}`. Phones and handles masked unless a
    lead asks `unmask=1` (audited)."""
    return groups_for(request, user, run_id, offset, limit)


@api_router.get("/posts/groups/{group_id}", responses=GROUP_RESPONSES)
def api_post_group(
    group_id: str,
    request: Request,
    run_id: str | None = Query(None, description="a scan run; the latest by default"),
    posts_offset: int = Query(0, ge=0, le=MAX_OFFSET),
    posts_limit: int = Query(posts_view.POST_PAGE, ge=1, le=500),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """One ad group: accounts, platforms, contacts, a page of its posts (with highlight segments
    and reasons), the complaints its contacts reach and the campaigns they belong to."""
    return group_for(request, user, group_id, run_id, posts_offset, posts_limit)


@api_router.get("/campaigns/{cluster_id}/ads", responses=CAMPAIGN_RESPONSES)
def api_campaign_ads(
    cluster_id: str,
    request: Request,
    run_id: str | None = Query(None, description="a scan run; the latest by default"),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """The ad groups feeding a campaign (ad -> agency -> complaint batch): each with the number of
    the campaign's complaints its contacts reach."""
    rid = _run_id(request, run_id)
    if not _plain(cluster_id) or repo.get_cluster(state(request).engine, rid, cluster_id) is None:
        raise HTTPException(status_code=404, detail="没有这个团伙 / no such campaign")
    masked = masking(request, user, "campaign", cluster_id)
    items = posts_view.campaign_ads(state(request).engine, rid, cluster_id, masked)
    return {"run_id": rid, "cluster_id": cluster_id, "items": items, "masked": masked}


# ---- pages -----------------------------------------------------------------------------------


def _login(request: Request) -> RedirectResponse:
    from urllib.parse import quote

    return RedirectResponse("/login?next=" + quote(str(request.url.path)), status_code=303)


@page_router.get("/posts")
def posts_page(request: Request, run_id: str | None = None, offset: int = 0) -> Response:
    user = optional_user(request)
    if user is None:
        return _login(request)
    engine = state(request).engine
    if run_id is not None and not _plain(run_id):
        raise HTTPException(status_code=404, detail="没有扫描结果 / no scan run")
    run = repo.get_run(engine, run_id)
    if run is None and run_id is not None:
        raise HTTPException(status_code=404, detail="没有扫描结果 / no scan run")
    if run is None:
        return pages._render(request, "posts.html", user, run=None, page=None)
    page = groups_for(request, user, run["run_id"], offset, posts_view.GROUP_PAGE)
    return pages._render(request, "posts.html", user, run=run, page=page)


@page_router.get("/posts/groups/{group_id}")
def post_group_page(
    group_id: str, request: Request, run_id: str | None = None, posts_offset: int = 0
) -> Response:
    user = optional_user(request)
    if user is None:
        return _login(request)
    g = group_for(request, user, group_id, run_id, posts_offset, posts_view.POST_PAGE)
    return pages._render(request, "post_group.html", user, g=g)


def _campaign_ads_for_page(
    request: Request, run_id: str, cluster_id: str, masked: bool
) -> list[dict[str, Any]]:
    """For campaign.html's "相关广告" section: masked as the page itself is."""
    return posts_view.campaign_ads(state(request).engine, run_id, cluster_id, bool(masked))


pages.templates.env.globals["campaign_ads"] = _campaign_ads_for_page
