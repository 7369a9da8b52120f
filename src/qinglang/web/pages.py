"""Server-rendered workbench pages (Jinja2), Chinese first with an English switch.

Pages only read; every change (verdicts, notes, case moves, exports) goes through the JSON API
from small scripts in static/app.js, so the rules live in one place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from qinglang.web import actions, audit, audit_view, campaign_identity, referrals, repo, service
from qinglang.web.api import set_session_cookie
from qinglang.web.auth import User, end_session, start_session
from qinglang.web.deps import (
    COOKIE,
    LANG_COOKIE,
    from_another_site,
    lang_of,
    masking,
    optional_user,
    require,
    state,
    token_of,
)
from qinglang.web.i18n import translator
from qinglang.web.login import Refused, log_in
from qinglang.web.pii import mask_deep

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def _tojson(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/")


templates.env.filters["tojson_safe"] = _tojson


def code_label(code: str, lang: str = "zh") -> str:
    """An evidence code as the analyst reads it (codes.py's wording), the code itself if unknown."""
    from qinglang.codes import CODES

    for scope in ("campaign", "complaint", "material", "post"):
        row = CODES.get((scope, code))
        if row is not None:
            return row.en if lang == "en" else row.zh
    return code


def human_span(hours: float | None, lang: str = "zh") -> str:
    """662.4 h -> 27 天 14 小时 (27 d 14 h): nobody reads a month in hours."""
    if hours is None:
        return ""
    days, rest = divmod(round(float(hours)), 24)
    if lang == "en":
        return f"{days} d {rest} h" if days else f"{rest} h"
    return f"{days} 天 {rest} 小时" if days else f"{rest} 小时"


def yuan(value: object) -> str:
    """47400.0 -> 47,400 元."""
    try:
        amount = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "" if value is None else str(value)
    return f"{amount:,.0f} 元" if amount == int(amount) else f"{amount:,.2f} 元"


templates.env.globals["code_label"] = code_label
templates.env.filters["human_span"] = human_span
templates.env.filters["yuan"] = yuan
# both languages at once, for texts shown Chinese first with English alongside (dialogs)
templates.env.globals["t_zh"] = translator("zh")
templates.env.globals["t_en"] = translator("en")


def _render(request: Request, name: str, user: User | None, **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"t": translator(lang), "lang": lang, "user": user, "local_time": repo.local_time, **ctx},
    )
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie(LANG_COOKIE, lang, samesite="lax", max_age=3600 * 24 * 365)
    return response


# What an error page says, Chinese first: an analyst should know what happened and what to do.
ERROR_TITLES: dict[int, tuple[str, str]] = {
    403: ("无权操作", "You may not do this (your role does not allow it, or another site asked)"),
    404: ("找不到", "Not found (it may belong to an older scan run)"),
    409: ("暂不能执行", "Not possible yet (see the reason below)"),
    413: ("内容过大", "Too large"),
    422: ("输入有误", "The input was not accepted"),
    429: ("操作过于频繁", "Too many requests: try again later"),
}


def render_error(request: Request, user: User | None, status: int, detail: str) -> HTMLResponse:
    """A styled, bilingual error page in the workbench's frame (was a bare English line)."""
    zh, en = ERROR_TITLES.get(status, ("出错了", "Something went wrong"))
    response = _render(request, "error.html", user, status=status, title_zh=zh, title_en=en, detail=detail)
    response.status_code = status
    return response


def _login_redirect(request: Request) -> RedirectResponse:
    return RedirectResponse("/login?next=" + quote(str(request.url.path)), status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/", error: int = 0) -> HTMLResponse:
    return _render(request, "login.html", None, next=next, error=error if error in (1, 2) else 0)


@router.post("/login")
async def login_submit(request: Request) -> Response:
    # urlencoded form parsed by hand: no python-multipart dependency needed for two fields
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8")).items()}
    st = state(request)
    client = request.client.host if request.client else None
    user = log_in(st.engine, form.get("username", ""), form.get("password", ""), client)
    nxt = form.get("next") or "/"
    if not nxt.startswith("/") or nxt.startswith("//"):
        nxt = "/"
    if isinstance(user, Refused):
        return RedirectResponse(f"/login?error={2 if user.locked else 1}&next={quote(nxt)}", status_code=303)
    token = start_session(st.engine, user)
    audit.record(st.engine, user, "login")
    response = RedirectResponse(nxt, status_code=303)
    set_session_cookie(response, token, st.secure_cookies)
    return response


@router.get("/logout")
def logout(request: Request) -> Response:
    if from_another_site(request):  # another site may not log an analyst out
        return RedirectResponse("/", status_code=303)
    token = token_of(request)
    if token:
        end_session(state(request).engine, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, offset: int = 0, lane_offset: int = 0, order: str = "changes") -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    if user.role == "police":  # an officer's landing page is its unit's referrals (web/referral_routes.py)
        return RedirectResponse("/referrals", status_code=303)
    engine = state(request).engine
    run = repo.get_run(engine, None)
    order = order if order in repo.CLUSTER_ORDERS else "changes"
    q = service.queue(engine, run, 50, min(max(offset, 0), 10_000_000), order) if run else None
    lane_offset = min(max(lane_offset, 0), 10_000_000)
    lane = service.quick_lane_page(engine, run, 30, lane_offset)
    incidents = service.incidents(engine, run)
    return _render(
        request, "queue.html", user, run=run, queue=q, lane=lane, incidents=incidents, offset=offset
    )


@router.get("/campaigns/{cluster_id}", response_class=HTMLResponse)
def campaign_page(
    cluster_id: str,
    request: Request,
    run_id: str | None = None,
    members_offset: int = 0,
    members_sort: str = "newest",
) -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    engine = state(request).engine
    run = repo.get_run(engine, run_id)
    if run is None:
        raise HTTPException(404, "no scan run")
    masked = masking(request, user, "campaign", cluster_id)
    detail = service.campaign(
        engine,
        run,
        cluster_id,
        masked,
        members_offset=min(max(members_offset, 0), 10_000_000),
        members_sort=members_sort,
    )
    if detail is None:
        raise HTTPException(404, "no such campaign")
    case = actions.get_case(engine, detail["case_id"]) if detail.get("case_id") else None
    return _render(request, "campaign.html", user, c=detail, run=run, case=case)


@router.get("/complaints/{complaint_id:path}", response_class=HTMLResponse)
def complaint_page(complaint_id: str, request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    engine = state(request).engine
    masked = masking(request, user, "complaint", complaint_id)
    detail = service.complaint(engine, repo.get_run(engine, None), complaint_id, masked)
    if detail is None:
        raise HTTPException(404, "no such complaint")
    return _render(request, "complaint.html", user, c=detail)


@router.get("/cases", response_class=HTMLResponse)
def cases_page(request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    return _render(request, "cases.html", user, cases=actions.list_cases(state(request).engine))


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str, request: Request) -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    engine = state(request).engine
    case = actions.get_case(engine, case_id)
    if case is None:
        raise HTTPException(404, "no such case")
    masked = masking(request, user, "case", case_id)
    notes = repo.notes_for(engine, "case", case_id)
    referral_rows = referrals.timeline(engine, case_id)  # the referral to police, state by state
    return _render(
        request,
        "case.html",
        user,
        case=mask_deep(case) if masked else case,
        now=campaign_identity.where_now(engine, case.get("campaign_key")),
        notes=mask_deep(notes) if masked else notes,
        exports=audit_view.pack_exports(engine, case_id),
        referrals=mask_deep(referral_rows) if masked else referral_rows,
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, limit: int = audit_view.PAGE_SIZE, offset: int = 0) -> Response:
    user = optional_user(request)
    if user is None:
        return _login_redirect(request)
    require(user, "audit")
    engine = state(request).engine
    try:
        f = audit_view.Filters.parse(dict(request.query_params))
    except audit_view.FilterError as exc:
        raise HTTPException(422, str(exc)) from exc
    page = audit_view.query(
        engine, f, min(max(limit, 1), audit_view.MAX_PAGE), min(max(offset, 0), 10_000_000)
    )
    page["items"] = audit_view.readable(page["items"], lang_of(request))
    users, codes = audit_view.usernames_and_actions(engine)
    actions_shown = [(c, audit_view.action_label(c, lang_of(request))) for c in codes]
    shown = f.as_dict()

    def url(at: int) -> str:
        return "/audit?" + urlencode(shown | {"limit": page["limit"], "offset": at})

    prev_url = url(max(page["offset"] - page["limit"], 0)) if page["offset"] > 0 else None
    end = page["offset"] + len(page["items"])
    next_url = url(end) if end < page["total"] else None
    return _render(
        request,
        "audit.html",
        user,
        page=page,
        f=shown,
        users=users,
        actions=actions_shown,
        target_kinds=[(k, audit_view.target_label(k, lang_of(request))) for k in audit_view.TARGET_LABELS],
        prev_url=prev_url,
        next_url=next_url,
    )
