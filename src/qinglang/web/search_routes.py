"""Routes of the header search box and the indicator library (黑灰产信息库): pages and JSON twins.

- `/search?q=` and `GET /api/search?q=`: grouped results (campaigns, complaints, posts,
  indicators) with totals and server-side paging (web/search.py).
- `/indicators/{kind}/{key}` and `GET /api/indicators/{kind}/{key}`: one indicator's history. The
  key is the indicator's keyed hash, never the raw value, so a link, a browser history or a log
  line gives no number away.
- `/indicators/organizer?cluster_id=&organizer=&run_id=`: the campaign page's organiser links,
  resolved on the server and redirected to the indicator page (the page only ever had the
  masked value).

Roles that search without `unmask` get an exact keyed lookup only, at most
`api.LOOKUPS_PER_MINUTE` a minute (the same budget as `/api/indicators`), each audited as
`indicator_lookup` with the query masked; such a search asked for by another site is refused
(a link elsewhere must not write audit entries in an analyst's name).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from qinglang.web import audit, repo, search
from qinglang.web.api import MAX_OFFSET, _rate_limit
from qinglang.web.auth import User
from qinglang.web.deps import current_user, from_another_site, lang_of, masking, optional_user, state

api_router = APIRouter(prefix="/api", tags=["search"])
page_router = APIRouter(include_in_schema=False)

PAGE = 20
_KEY_CHARS = set("0123456789abcdef")

SEARCH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "login required"},
    403: {"description": "another site asked for a lookup that would be audited in your name"},
    422: {"description": "no query, or longer than 128 characters"},
    429: {"description": "masked roles: more than 30 lookups a minute (`Retry-After`)"},
}
INDICATOR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "login required"},
    403: {"description": "`unmask=1` by a role that may not, or asked for by another site"},
    404: {"description": "no such indicator in the index"},
}


def _offsets(group: str | None, offset: int) -> dict[str, int]:
    return {group: min(max(offset, 0), MAX_OFFSET)} if group in search.GROUPS else {}


def _checked_query(q: str) -> str:
    q = q.strip()
    if not q or len(q) > search.QUERY_MAX:
        raise HTTPException(
            status_code=422,
            detail=f"请输入 1–{search.QUERY_MAX} 个字符的查询 / give a query of 1–{search.QUERY_MAX} characters",
        )
    return q


def _keys(k: str) -> list[str] | None:
    """`k=key,key,…` (the paging links of a masked role), or None when absent; 422 if malformed."""
    if not k:
        return None
    keys = k.split(",")
    if len(keys) > 32 or any(len(x) != 32 or not set(x) <= _KEY_CHARS for x in keys):
        raise HTTPException(status_code=422, detail="k: 32-hex keys, comma-separated, at most 32")
    return keys


def run_search(
    request: Request,
    user: User,
    q: str,
    group: str | None,
    offset: int,
    limit: int = PAGE,
    k: str = "",
) -> dict[str, Any]:
    """The search a role may run: prefix for raw-value roles; otherwise an exact keyed lookup,
    rate-limited and audited (before anything is looked up). `k`: keyed hashes instead of `q`."""
    keys = _keys(k)
    q = _checked_query(q) if keys is None else ""
    st = state(request)
    raw_values = user.may("unmask")
    if not raw_values:
        if from_another_site(request):
            raise HTTPException(
                status_code=403,
                detail="查询须从工作台页面发起 / lookups must be asked for from the workbench's own pages",
            )
        _rate_limit(user.username)
        audit.record(
            st.engine,
            user,
            "indicator_lookup",
            "indicator",
            search.masked_query(q) if keys is None else f"{len(keys)} keys",
            {"via": "search"},
        )
    masked = masking(request, user, "search", search.masked_query(q))
    result = search.search(
        st.engine,
        q,
        raw_values=raw_values,
        masked=masked,
        limit=limit,
        offsets=_offsets(group, offset),
        keys=keys,
    )
    result["masked"] = masked
    return result


def _indicator_or_404(request: Request, user: User, kind: str, key: str, group: str | None, offset: int):
    if kind not in search.KIND_LABELS or len(key) != 32 or not set(key) <= _KEY_CHARS:
        raise HTTPException(status_code=404, detail="没有这个指标 / no such indicator")
    masked = masking(request, user, "indicator", f"{kind}/{key}")
    detail = search.indicator(
        state(request).engine, kind, key, masked=masked, limit=PAGE, offsets=_offsets(group, offset)
    )
    if detail is None:
        raise HTTPException(status_code=404, detail="没有这个指标 / no such indicator")
    return detail


# ---- JSON ------------------------------------------------------------------------------------


@api_router.get("/search", responses=SEARCH_RESPONSES)
def api_search(
    request: Request,
    q: str = Query("", max_length=1024, description="a phone in any form, handle, licence, USCC, name, ..."),
    k: str = Query(
        "", max_length=2048, description="instead of q: keyed hashes (`keys` of an earlier answer)"
    ),
    group: str | None = Query(
        None, description="campaigns | complaints | posts | indicators: the group `offset` pages"
    ),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    limit: int = Query(PAGE, ge=1, le=100, description="items per group"),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """Campaigns, complaints, posts and indicators where the query's indicator was seen, each
    group `{total, offset, limit, items}`. Roles with `unmask` (lead) match exact values and
    prefixes; others an exact keyed lookup of the complete value only (rate-limited, audited);
    numbers and names come back masked unless `unmask=1` (lead, audited)."""
    return run_search(request, user, q, group, offset, limit, k)


@api_router.get("/indicators/{kind}/{key}", responses=INDICATOR_RESPONSES)
def api_indicator(
    kind: str,
    key: str,
    request: Request,
    group: str | None = Query(None, description="campaigns | complaints | posts: the group `offset` pages"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """One indicator (by family and keyed hash): first/last seen, roles, campaigns across runs
    with their verdicts, complaints and posts (paged)."""
    return _indicator_or_404(request, user, kind, key, group, offset)


# ---- pages -----------------------------------------------------------------------------------


def _login(request: Request) -> RedirectResponse:
    from urllib.parse import quote

    return RedirectResponse("/login?next=" + quote(str(request.url.path)), status_code=303)


def _pager(base: str, params: dict[str, str], groups: dict[str, Any]) -> dict[str, dict[str, str | None]]:
    """Previous/next links of each group (the other groups back on their first page)."""
    out: dict[str, dict[str, str | None]] = {}
    for name, g in groups.items():
        prev = max(g["offset"] - g["limit"], 0)
        nxt = g["offset"] + g["limit"]
        out[name] = {
            "prev": f"{base}?{urlencode(params | {'group': name, 'offset': prev})}#{name}"
            if g["offset"] > 0
            else None,
            "next": f"{base}?{urlencode(params | {'group': name, 'offset': nxt})}#{name}"
            if nxt < g["total"]
            else None,
        }
    return out


@page_router.get("/search")
def search_page(
    request: Request, q: str = "", k: str = "", group: str | None = None, offset: int = 0
) -> Response:
    from qinglang.web.pages import _render

    user = optional_user(request)
    if user is None:
        return _login(request)
    if not q.strip() and not k:
        return _render(request, "search.html", user, q="", result=None, pager={}, kl=_kl(request))
    result = run_search(request, user, q, group, offset, PAGE, k)
    # a masked role's links carry the matched keys, never the number it typed
    exact = result["keys"] is not None and not user.may("unmask")
    params = {"k": ",".join(result["keys"])} if exact else {"q": q.strip()}
    params |= {"unmask": "1"} if not result["masked"] else {}
    return _render(
        request,
        "search.html",
        user,
        q="" if exact else q.strip(),
        result=result,
        pager=_pager("/search", params, result["groups"]),
        kl=_kl(request),
    )


@page_router.get("/indicators/organizer")
def organizer_link(
    request: Request, cluster_id: str, organizer: int = 0, run_id: str | None = None
) -> Response:
    """A campaign page's organiser link: to that organiser's indicator page."""
    user = optional_user(request)
    if user is None:
        return _login(request)
    engine = state(request).engine
    run = repo.get_run(engine, run_id)
    found = search.organizer_key(engine, run["run_id"], cluster_id, organizer) if run else None
    if found is None:
        raise HTTPException(status_code=404, detail="没有这个组织者 / no such organiser")
    return RedirectResponse(f"/indicators/{found[0]}/{found[1]}", status_code=303)


@page_router.get("/indicators/{kind}/{key}")
def indicator_page(
    kind: str, key: str, request: Request, group: str | None = None, offset: int = 0
) -> Response:
    from qinglang.web.pages import _render

    user = optional_user(request)
    if user is None:
        return _login(request)
    detail = _indicator_or_404(request, user, kind, key, group, offset)
    params = {"unmask": "1"} if not detail["masked"] else {}
    return _render(
        request,
        "indicator.html",
        user,
        i=detail,
        pager=_pager(f"/indicators/{kind}/{key}", params, detail["groups"]),
        kl=_kl(request),
        rl=lambda role, source: search.role_label(role, source, lang_of(request)),
    )


def _kl(request: Request) -> Any:
    lang = lang_of(request)
    return lambda kind: search.kind_label(kind, lang)
