"""The JSON API (documented at /docs): login, online scoring, queue, detail, verdicts, cases.

Endpoints are plain `def` so FastAPI runs them in its thread pool: the store and the scorer are
synchronous, and the event loop stays free for other requests.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import AfterValidator, BaseModel, Field

from qinglang.phones import normalize_phone
from qinglang.schema import Complaint, ScoredComplaint
from qinglang.web import actions, alerts, audit, audit_view, db, export, repo, responses, service
from qinglang.web.auth import PERMISSIONS, SESSION_TTL, User, end_session, start_session
from qinglang.web.deps import COOKIE, current_user, from_another_site, masking, require, state, token_of
from qinglang.web.login import Refused, log_in
from qinglang.web.pii import is_sensitive_kind, mask_deep, mask_value

router = APIRouter(prefix="/api", responses=responses.COMMON)


NOTE_MAX = 10_000  # characters: a note is a paragraph, not a document (a 20 MB note once made a page 21 MB)
MAX_OFFSET = 10_000_000  # past any store's size; 10^20 once overflowed the database's integer


def _storable(text: str | None) -> str | None:
    """Text the database can store: a lone surrogate (valid JSON, invalid UTF-8) is refused."""
    if text is not None:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "文本含无效字符（孤立代理项）/ text holds an invalid character (lone surrogate)"
            ) from None
    return text


Note = Annotated[str, Field(max_length=NOTE_MAX), AfterValidator(_storable)]
OptionalNote = Annotated[str | None, Field(default=None, max_length=NOTE_MAX), AfterValidator(_storable)]


class LoginIn(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class LoginOut(BaseModel):
    username: str
    role: str
    token: str = Field(description="also set as the ql_session cookie; usable as a bearer token")


class CampaignVerdictIn(BaseModel):
    verdict: Literal["confirm", "dismiss"]
    note: OptionalNote = None
    run_id: str | None = None
    title: str | None = None


class ComplaintVerdictIn(BaseModel):
    verdict: Literal["genuine", "campaign", "answered"]
    note: OptionalNote = None


class BulkVerdictIn(BaseModel):
    complaint_ids: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(
        min_length=1, max_length=500
    )
    verdict: Literal["genuine", "campaign", "answered"]
    note: OptionalNote = None


class NoteIn(BaseModel):
    text: Note


class CaseIn(BaseModel):
    cluster_id: str
    run_id: str | None = None
    title: str | None = None


class CaseMoveIn(BaseModel):
    status: Literal["under_review", "referred", "closed"]
    note: OptionalNote = None


def _action(fn, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except actions.ActionError as exc:
        raise HTTPException(status_code=exc.status, detail=str(exc)) from exc


def _run_or_404(request: Request, run_id: str | None = None) -> dict[str, Any]:
    run = repo.get_run(state(request).engine, run_id)
    if run is None:
        raise HTTPException(status_code=404, detail="no scan run in the store")
    return run


def set_session_cookie(response: Response, token: str, secure: bool) -> None:
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="lax", secure=secure, max_age=int(SESSION_TTL.total_seconds())
    )


# ---- session -------------------------------------------------------------------------------


@router.post("/login", response_model=LoginOut, tags=["session"])
def login(body: LoginIn, request: Request, response: Response) -> LoginOut:
    st = state(request)
    user = log_in(st.engine, body.username, body.password, request.client.host if request.client else None)
    if isinstance(user, Refused):
        if user.locked:
            raise HTTPException(
                status_code=429, detail=user.message, headers={"Retry-After": str(user.retry_after)}
            )
        raise HTTPException(status_code=401, detail=user.message)
    token = start_session(st.engine, user)
    set_session_cookie(response, token, st.secure_cookies)
    audit.record(st.engine, user, "login")
    return LoginOut(username=user.username, role=user.role, token=token)


@router.post("/logout", tags=["session"])
def logout(request: Request, response: Response) -> dict[str, bool]:
    token = token_of(request)
    if token:
        end_session(state(request).engine, token)
    response.delete_cookie(COOKIE)
    return {"ok": True}


@router.get("/me", tags=["session"])
def me(user: User = Depends(current_user)) -> dict[str, Any]:
    return {"username": user.username, "role": user.role, "permissions": sorted(PERMISSIONS[user.role])}


# ---- online scoring --------------------------------------------------------------------------


# The body is read raw and validated by the ingest path (qinglang.ingest.complaint_from_json),
# not by FastAPI: a complaint must be accepted or rejected here exactly as a line of
# `qinglang ingest` or `qinglang score` would be, with the same reason codes.
COMPLAINT_BODY = {
    "type": "object",
    "description": "one complaint, validated like a line of `qinglang ingest` (docs/contracts.md)",
    "required": ["complaint_id", "received_at", "text"],
    "properties": {
        "complaint_id": {"type": ["string", "integer"]},
        "received_at": {
            "type": ["string", "integer"],
            "description": "ISO 8601 or a common Chinese export form; naive = Asia/Shanghai",
        },
        "channel": {
            "type": "string",
            "description": "app, hotline, email, regulator, social, other, or an alias such as 热线",
        },
        "customer_id": {"type": ["string", "integer", "null"]},
        "phone": {"type": ["string", "integer", "null"]},
        "text": {"type": "string"},
        "ip": {"type": ["string", "null"]},
        "device_id": {"type": ["string", "integer", "null"]},
        "attachments": {"type": ["array", "string"], "items": {"type": "string"}},
    },
}


async def _raw_body(request: Request) -> bytes:
    return await request.body()


def _accepted_complaint(body: bytes) -> Complaint:
    """The complaint in `body`, or HTTP 422 with the ingest reason code and reason."""
    from qinglang.ingest import Rejection, complaint_from_json

    checked = complaint_from_json(body)
    if isinstance(checked, Rejection):
        raise HTTPException(status_code=422, detail=checked.as_dict())
    return checked


@router.post(
    "/complaints",
    response_model=ScoredComplaint,
    tags=["complaints"],
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": COMPLAINT_BODY}}}
    },
    responses={422: {"description": "rejected: `detail` holds `reason_code` and `reason` (中文 / English)"}},
)
def submit_complaint(
    request: Request, body: bytes = Depends(_raw_body), user: User = Depends(current_user)
) -> ScoredComplaint:
    """Score one new complaint against the indexed store (same answer as the batch scan) and keep it."""
    require(user, "submit")
    complaint = _accepted_complaint(body)
    st = state(request)
    index = st.fresh_index()  # the latest scan's, reloaded after a rescan
    if index is None:
        raise HTTPException(status_code=503, detail=f"online scoring is not wired: {st.index_error}")
    with st.score_lock:
        result: ScoredComplaint = index.score(complaint)
    with st.engine.begin() as conn:
        saved = conn.execute(
            sa.insert(db.submissions).values(
                complaint_id=complaint.complaint_id,
                at=datetime.now(UTC),
                username=user.username,
                complaint=complaint.model_dump(mode="json"),
                score=result.score,
                flagged=result.flagged,
                cluster_id=result.cluster_id,
                reasons=[r.model_dump() for r in result.reasons],
            )
        )
        # every write through the API is audited, in the same transaction as the write
        audit.record(
            conn,
            user,
            "complaint_submit",
            "complaint",
            complaint.complaint_id,
            {"score": round(result.score, 3), "flagged": result.flagged, "cluster_id": result.cluster_id},
        )
    # watched indicators or campaigns this complaint touches raise alerts (web/alerts.py)
    alerts.after_submission(st.engine, saved.inserted_primary_key, complaint, result.cluster_id)
    return result


# ---- read ----------------------------------------------------------------------------------


@router.get("/runs/latest", tags=["campaigns"], responses=responses.NOT_FOUND)
def latest(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    return _run_or_404(request)


@router.get("/campaigns", tags=["campaigns"], responses=responses.NOT_FOUND)
def campaign_queue(
    request: Request,
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    run_id: str | None = None,
    order: Literal["changes", "score"] = "changes",
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """Campaigns of the latest (or given) scan run: by default those new or grown since the
    previous scan first (`order=changes`), each part highest score first; `order=score` for score only."""
    run = _run_or_404(request, run_id)
    return service.queue(state(request).engine, run, min(max(limit, 1), 500), max(offset, 0), order)


@router.get("/quick-lane", tags=["complaints"], responses=responses.NOT_FOUND)
def quick_lane(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """Genuine complaints that need a fast answer: incidents first (one fault, many customers),
    then every complaint marked genuine or urgent and unflagged, paged (`total`), each with its age
    and SLA clock (`sla_days`, QINGLANG_SLA_DAYS)."""
    run = repo.get_run(state(request).engine, None)
    engine = state(request).engine
    return {
        "incidents": service.incidents(engine, run),
        **service.quick_lane_page(engine, run, limit, offset),
    }


@router.get("/campaigns/{cluster_id}", tags=["campaigns"], responses=responses.NOT_FOUND)
def campaign_detail(
    cluster_id: str,
    request: Request,
    run_id: str | None = None,
    members_offset: int = Query(0, ge=0, le=MAX_OFFSET),
    members_limit: int = Query(100, ge=1, le=500),
    members_sort: Literal["newest", "oldest", "score"] = "newest",
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """A campaign: status and why, the evidence of every signal, charts over all members, one page
    of its members (`members_*`), materials findings, verdicts and notes (masked per role)."""
    run = _run_or_404(request, run_id)
    masked = masking(request, user, "campaign", cluster_id)
    detail = service.campaign(
        state(request).engine,
        run,
        cluster_id,
        masked,
        members_offset=members_offset,
        members_limit=members_limit,
        members_sort=members_sort,
    )
    if detail is None:
        raise HTTPException(status_code=404, detail="no such campaign in this run")
    return detail


@router.get("/complaints/{complaint_id:path}", tags=["complaints"], responses=responses.NOT_FOUND)
def complaint_detail(
    complaint_id: str, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    masked = masking(request, user, "complaint", complaint_id)
    run = repo.get_run(state(request).engine, None)
    detail = service.complaint(state(request).engine, run, complaint_id, masked)
    if detail is None:
        raise HTTPException(status_code=404, detail="no such complaint")
    return detail


LOOKUPS_PER_MINUTE = 30
_lookups: dict[str, list[float]] = {}
_lookups_lock = threading.Lock()


def _complete_value(value: str) -> str:
    """A phone written with spaces, dashes or without +86 becomes its E.164 form; anything else
    is kept as given (trimmed)."""
    v = value.strip()
    compact = re.sub(r"[\s()-]", "", v)
    if compact.lstrip("+").isdigit():
        phone = normalize_phone(compact)
        if phone:
            return phone
        return compact
    return v


def _is_fragment(value: str, kind: str = "") -> bool:
    """A run of digits that is not a whole phone (E.164) or an 18-character ID number (a QQ
    number, not a masked kind, is looked up as given)."""
    digits = value.lstrip("+")
    if not digits.isdigit() or (kind.lower() == "qq" and len(digits) >= 5):
        return False
    if value.startswith("+") and normalize_phone(value):
        return False
    return not (len(value) == 18 and value[:17].isdigit())


def _rate_limit(username: str) -> None:
    now = time.monotonic()
    with _lookups_lock:
        recent = [t for t in _lookups.get(username, []) if now - t < 60.0]
        if len(recent) >= LOOKUPS_PER_MINUTE:
            _lookups[username] = recent
            raise HTTPException(
                status_code=429,
                detail="查询过于频繁，请稍后再试 / too many lookups: try again in a minute",
                headers={"Retry-After": "60"},
            )
        recent.append(now)
        _lookups[username] = recent


@router.get("/indicators", tags=["campaigns"], responses=responses.NOT_FOUND)
def indicator_detail(
    request: Request,
    value: str = "",
    kind: str = "",
    cluster_id: str | None = Query(None, description="with `organizer`: a campaign's organiser by position"),
    organizer: int | None = Query(None, ge=0, le=1000),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """Where one indicator (phone, WeChat, device, IP, …) appears: campaigns and complaints.

    A phone is found however it is written (spaced, dashed, with +86 or 0086). Roles that see
    numbers masked may look up only *complete* phone or ID numbers (a digit fragment is refused:
    a substring search let `130****2101` be recovered digit by digit), at most
    `LOOKUPS_PER_MINUTE` a minute, and each lookup is audited."""
    st = state(request)
    if cluster_id is not None and organizer is not None:
        # the campaign page's organiser links: the value is looked up here, never sent masked
        run = repo.get_run(st.engine, None)
        cluster = repo.get_cluster(st.engine, run["run_id"], cluster_id) if run else None
        organizers = (cluster or {}).get("organizers") or []
        if organizer >= len(organizers):
            raise HTTPException(status_code=404, detail="没有这个组织者 / no such organiser")
        value, kind = str(organizers[organizer]["value"]), str(organizers[organizer]["kind"])
    elif not value:
        raise HTTPException(
            status_code=422,
            detail="需要 value，或 cluster_id 与 organizer / give value, or cluster_id and organizer",
        )
    masked = masking(request, user, "indicator", value)
    value = _complete_value(value)
    if masked and _is_fragment(value, kind):
        raise HTTPException(
            status_code=422,
            detail="请输入完整的手机号或身份证号（不支持部分号码查询）/ "
            "give a complete phone or ID number (fragments are not looked up)",
        )
    if masked:
        _rate_limit(user.username)
        audit.record(st.engine, user, "indicator_lookup", "indicator", mask_value(kind or "phone", value))
    run = repo.get_run(st.engine, None)
    complaints = repo.complaints_with_value(st.engine, value)
    shown = (
        mask_value(kind, value)
        if masked and (is_sensitive_kind(kind) or value.lstrip("+").isdigit())
        else value
    )
    return {
        "kind": kind,
        "value": shown,
        "campaigns": repo.clusters_with_indicator(st.engine, run["run_id"], value) if run else [],
        "complaints": [
            {
                "complaint_id": c["complaint_id"],
                "received_at": c["received_at"],
                "channel": c["channel"],
                "region": c.get("phone_city"),
            }
            for c in complaints
        ],
    }


# ---- verdicts and notes ------------------------------------------------------------------------


@router.post("/campaigns/{cluster_id}/verdict", tags=["verdicts"], responses=responses.NOT_FOUND)
def campaign_verdict(
    cluster_id: str, body: CampaignVerdictIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    """Dismiss a campaign, or (lead) confirm it — confirming opens its case. A campaign whose
    case is open, under review or referred is dismissed only by a lead with a note (403 / 422
    otherwise), and the case is closed with that note."""
    st = state(request)
    run = _run_or_404(request, body.run_id)
    cluster = repo.get_cluster(st.engine, run["run_id"], cluster_id)
    if cluster is None:
        raise HTTPException(status_code=404, detail="no such campaign in this run")
    if body.verdict == "confirm":
        title = body.title or f"团伙代投诉 {cluster_id}（{cluster['size']} 件）"
        case = _action(actions.confirm_campaign, st.engine, user, run["run_id"], cluster_id, title, body.note)
        return {"verdict": "confirm", "case_id": case["case_id"]}
    row = _action(
        actions.record_verdict,
        st.engine,
        user,
        "campaign",
        cluster_id,
        body.verdict,
        body.note,
        run["run_id"],
    )
    # dismissing a campaign whose case is live closes the case (lead only, with a note)
    return {"verdict": body.verdict, "case_id": row.get("case_id"), "case_status": row.get("case_status")}


@router.post(
    "/complaints/bulk-verdict",
    tags=["verdicts"],
    responses={
        404: {"description": "an id is not a complaint (nothing written)"},
        422: {"description": "bad body"},
    },
)
def bulk_complaint_verdict(
    body: BulkVerdictIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    """Mark up to 500 complaints genuine / answered / campaign at once (the workbench confirms it
    in one dialog); all or nothing, each verdict audited."""
    engine = state(request).engine
    stored = {
        r["complaint_id"]
        for r in repo.complaints_by_ids(engine, body.complaint_ids, "complaint_id, received_at")
    }
    missing = [
        cid
        for cid in dict.fromkeys(body.complaint_ids)
        if cid not in stored and repo.get_complaint(engine, cid) is None  # online submissions too
    ]
    if missing:
        raise HTTPException(status_code=404, detail=f"没有这些投诉 / no such complaints: {missing[:10]}")
    rows = _action(
        actions.record_complaint_verdicts, engine, user, body.complaint_ids, body.verdict, body.note
    )
    return {"verdict": body.verdict, "count": len(rows)}


@router.post("/complaints/{complaint_id:path}/verdict", tags=["verdicts"], responses=responses.NOT_FOUND)
def complaint_verdict(
    complaint_id: str, body: ComplaintVerdictIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    st = state(request)
    if repo.get_complaint(st.engine, complaint_id) is None:
        raise HTTPException(status_code=404, detail="no such complaint")
    row = _action(actions.record_verdict, st.engine, user, "complaint", complaint_id, body.verdict, body.note)
    return {"verdict": row["verdict"], "at": row["at"], "username": row["username"]}


@router.post("/{target_kind}/{target_id}/notes", tags=["verdicts"], responses=responses.NOT_FOUND)
def add_note(
    target_kind: Literal["campaigns", "complaints", "cases"],
    target_id: str,
    body: NoteIn,
    request: Request,
    user: User = Depends(current_user),
) -> dict[str, Any]:
    kind = {"campaigns": "campaign", "complaints": "complaint", "cases": "case"}[target_kind]
    engine = state(request).engine
    if not _target_exists(engine, kind, target_id):
        raise HTTPException(status_code=404, detail=f"没有这个对象 / no such {kind}: {target_id}")
    run = repo.get_run(engine, None) if kind == "campaign" else None
    row = _action(actions.add_note, engine, user, kind, target_id, body.text, run["run_id"] if run else None)
    # the note as every page shows it to this role: numbers and names masked unless it may unmask
    return row if user.may("unmask") else mask_deep(row)


def _target_exists(engine: Any, kind: str, target_id: str) -> bool:
    if kind == "case":
        return actions.get_case(engine, target_id) is not None
    if kind == "complaint":
        return repo.get_complaint(engine, target_id) is not None
    run = repo.get_run(engine, None)
    return run is not None and repo.get_cluster(engine, run["run_id"], target_id) is not None


# ---- cases ---------------------------------------------------------------------------------


@router.get("/cases", tags=["cases"])
def cases(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    return {"items": actions.list_cases(state(request).engine)}


@router.post("/cases", tags=["cases"], responses={**responses.NOT_FOUND, **responses.CONFLICT})
def create_case(body: CaseIn, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """Open the case of a campaign that a lead confirmed earlier."""
    st = state(request)
    run = _run_or_404(request, body.run_id)
    confirmed = repo.latest_verdicts(st.engine, "campaign", [body.cluster_id], run["run_id"]).get(
        body.cluster_id
    )
    if confirmed is None or confirmed["verdict"] != "confirm":
        raise HTTPException(status_code=409, detail="only a confirmed campaign becomes a case")
    return _action(
        actions.open_case,
        st.engine,
        user,
        run["run_id"],
        body.cluster_id,
        body.title or f"团伙代投诉 {body.cluster_id}",
    )


@router.get("/cases/{case_id}", tags=["cases"], responses=responses.NOT_FOUND)
def case_detail(case_id: str, request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    case = actions.get_case(state(request).engine, case_id)
    if case is None:
        raise HTTPException(status_code=404, detail="no such case")
    return mask_deep(case) if masking(request, user, "case", case_id) else case


@router.post(
    "/cases/{case_id}/status", tags=["cases"], responses={**responses.NOT_FOUND, **responses.CONFLICT}
)
def move_case(
    case_id: str, body: CaseMoveIn, request: Request, user: User = Depends(current_user)
) -> dict[str, Any]:
    return _action(actions.move_case, state(request).engine, user, case_id, body.status, body.note)


@router.get(
    "/cases/{case_id}/evidence-pack", tags=["cases"], responses={**responses.NOT_FOUND, **responses.CONFLICT}
)
def evidence_pack(case_id: str, request: Request, user: User = Depends(current_user)) -> Response:
    """The case's evidence pack (ZIP, unmasked, lead only); the export and its manifest hash are audited."""
    require(user, "export")
    st = state(request)
    case = actions.get_case(st.engine, case_id)
    if case is None:
        raise HTTPException(status_code=404, detail="no such case")
    try:
        body, manifest = export.evidence_pack(st.engine, case, user.username)
    except LookupError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    audit.record(
        st.engine,
        user,
        "export_pack",
        "case",
        case_id,
        {
            "manifest_sha256": manifest["manifest_sha256"],
            "files": len(manifest["files"]),
            "complaints": manifest["complaints"],
            # what a referral of this pack is signed for (web/referrals.py): the pack v2's Merkle
            # root when it has one, else the SHA-256 of the bytes handed over
            "pack_sha256": hashlib.sha256(body).hexdigest(),
            "merkle_root": manifest.get("merkle_root"),
        },
    )
    filename = f"evidence-{case_id}.zip"
    return Response(
        body,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Manifest-SHA256": manifest["manifest_sha256"],
        },
    )


# ---- audit ---------------------------------------------------------------------------------


@router.get("/audit", tags=["audit"])
def audit_log(
    request: Request,
    limit: int = Query(audit_view.PAGE_SIZE, ge=1, le=audit_view.MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    username: str | None = None,
    action: str | None = None,
    target_kind: str | None = None,
    target_id: str | None = None,
    since: str | None = Query(None, description="YYYY-MM-DD, Beijing time, included"),
    until: str | None = Query(None, description="YYYY-MM-DD, Beijing time, included"),
    user: User = Depends(current_user),
) -> dict[str, Any]:
    """Audit entries matching the filters, newest first: `{total, limit, offset, items}`."""
    require(user, "audit")
    f = _audit_filters(request)
    return audit_view.query(state(request).engine, f, limit, offset)


def _audit_filters(request: Request) -> audit_view.Filters:
    try:
        return audit_view.Filters.parse(dict(request.query_params))
    except audit_view.FilterError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@router.get(
    "/audit/export",
    tags=["audit"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV (UTF-8 with BOM)"}},
)
def audit_export(
    request: Request,
    username: str | None = None,
    action: str | None = None,
    target_kind: str | None = None,
    target_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    user: User = Depends(current_user),
) -> Response:
    """The filtered entries as CSV (formula-safe, free text masked); the export is audited."""
    require(user, "audit")
    if from_another_site(request):  # the export writes an audit entry: not on another site's link
        raise HTTPException(
            status_code=403,
            detail="导出须从工作台页面发起 / exports must be asked for from the workbench's own pages",
        )
    st = state(request)
    f = _audit_filters(request)
    body, rows = audit_view.to_csv(st.engine, f)
    audit.record(st.engine, user, "audit_export", None, None, {"filters": f.as_dict(), "rows": rows})
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.csv"'},
    )
