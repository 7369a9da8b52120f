"""The alliance hub service: members file MISP-shaped events and sightings about tokens, keep their
holdings, ask which of their tokens warn, and poll the alerts raised for them (issue 13, item 2).

Every request carries the member's API key (Bearer); every write also carries an Ed25519
signature over the canonical body (alliance/signing.py). Order of checks on a write: API key
(401), JSON (422), timestamp and signature (401), nonce (409 on a replay), body shape (422), then
the write. A refused request stores nothing (a valid signature's nonce is remembered, so the same
request cannot be retried). Answers about tokens are anonymous counts (hub_rules); the only member
id a member ever sees is its own.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import httpx
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from qinglang.alliance import hub_match, hub_misp, hub_rules, signing
from qinglang.alliance import hub_store as st
from qinglang.alliance.canonical import canonical_kind

log = logging.getLogger("qinglang.alliance.hub")

MAX_ATTRIBUTES = 100_000
MAX_TOKENS = 1_000_000

Token = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Kind = Annotated[str, AfterValidator(canonical_kind)]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]


def _no_identifier(info: str) -> str:
    if st.info_looks_raw(info):
        raise ValueError("info looks like it holds an identifier (5+ digits or an e-mail): not stored")
    return info


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttributeIn(_Strict):
    token: Token
    kind: Kind


class EventIn(_Strict):
    uuid: uuidlib.UUID | None = None
    info: Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_no_identifier)]
    distribution: Literal["own", "alliance", "police"]
    attributes: list[AttributeIn] = Field(min_length=1, max_length=MAX_ATTRIBUTES)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    size: int = Field(ge=0, le=10_000_000)
    reason_codes: list[Code] = Field(default_factory=list, max_length=50)
    verdict: Literal["confirmed", "disputed"]


class SightingIn(_Strict):
    token: Token
    type: Literal["seen", "false_positive", "expired"]


class SightingsIn(_Strict):
    sightings: list[SightingIn] = Field(min_length=1, max_length=MAX_ATTRIBUTES)


class HoldingsIn(_Strict):
    mode: Literal["replace", "add"]
    tokens: list[Token] = Field(max_length=MAX_TOKENS)


class MatchIn(_Strict):
    tokens: list[Token] = Field(min_length=1, max_length=MAX_TOKENS)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _aware(dt: datetime | None) -> datetime | None:
    return None if dt is None else (dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC))


def create_app(
    engine: sa.Engine,
    ttl: timedelta = hub_rules.DEFAULT_TTL,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> FastAPI:
    app = FastAPI(title="qinglang alliance hub", docs_url=None, redoc_url=None)
    lock = threading.Lock()  # one writer at a time: a status read and the alerts it raises are atomic

    def member_of(request: Request) -> sa.Row | None:
        auth = request.headers.get("authorization", "")
        key = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        return st.member_for_key(engine, key) if key else None

    async def signed(request: Request, model: type[BaseModel]) -> tuple[sa.Row, Any] | JSONResponse:
        """The member and its body validated as `model`, or the refusal (401 / 409 / 422) with
        nothing stored (the body is validated after the signature and the nonce are checked)."""
        member = member_of(request)
        if member is None:
            log.warning("%s %s refused: unknown API key", request.method, request.url.path)
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _error(422, "body is not JSON")
        why = signing.check(
            member.public_key, request.method, request.url.path, member.member_id,
            dict(request.headers), body, now=clock().timestamp(),
        )  # fmt: skip
        if why is not None:
            log.warning(
                "%s %s refused: member=%s %s", request.method, request.url.path, member.member_id, why
            )
            return _error(401, why)
        with lock, engine.begin() as conn:
            fresh = st.use_nonce(
                conn,
                member.member_id,
                request.headers[signing.H_NONCE],
                clock(),
                timedelta(seconds=signing.MAX_SKEW_S),
            )
        if not fresh:
            log.warning(
                "%s %s refused: member=%s replayed nonce", request.method, request.url.path, member.member_id
            )
            return _error(409, "nonce already used (replay)")
        valid = _validate(model, body)
        return valid if isinstance(valid, JSONResponse) else (member, valid)

    def _validate(model: type[BaseModel], body: Any) -> Any:
        try:
            return model.model_validate(body)
        except ValidationError as exc:  # field locations and messages only, never the values
            errs = [
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_input=False)[:5]
            ]
            return _error(422, f"{exc.error_count()} invalid fields: " + "; ".join(errs))

    def _notify(member_id: str) -> None:
        with engine.connect() as conn:
            url = conn.execute(
                sa.select(st.members.c.webhook_url).where(st.members.c.member_id == member_id)
            ).scalar()
        if not url:
            return

        def post() -> None:
            try:
                httpx.post(url, json={"member": member_id, "new_alerts": True}, timeout=5)
            except httpx.HTTPError as exc:
                log.warning("webhook for %s failed: %s", member_id, type(exc).__name__)

        threading.Thread(target=post, daemon=True).start()

    @app.get("/v1/health")
    def health() -> dict:
        return {"status": "ok", "name": "hub", "ttl_days": ttl.days, "threshold": hub_rules.THRESHOLD}

    @app.post("/v1/events", openapi_extra={"requestBody": {"content": {"application/json": {}}}})
    async def post_event(request: Request) -> JSONResponse:
        got = await signed(request, EventIn)
        if isinstance(got, JSONResponse):
            return got
        member, ev = got
        now = clock()
        event_uuid = str(ev.uuid or uuidlib.uuid4())
        attrs: dict[str, str] = {}
        for a in ev.attributes:
            attrs.setdefault(a.token, a.kind)
        alerted: dict[str, list[str]] = {}
        with lock, engine.begin() as conn:
            if conn.execute(sa.select(st.events.c.uuid).where(st.events.c.uuid == event_uuid)).first():
                return _error(409, "an event with this uuid exists")
            listed = st.warninglisted(conn, list(attrs))
            kept = [(t, k) for t, k in attrs.items() if t not in listed]
            row = {
                "uuid": event_uuid,
                "member_id": member.member_id,
                "distribution": ev.distribution,
                "info": ev.info,
                "first_seen": _aware(ev.first_seen),
                "last_seen": _aware(ev.last_seen),
                "size": ev.size,
                "reason_codes": ev.reason_codes,
                "verdict": ev.verdict,
                "police_confirmed": ev.distribution == "police" and bool(member.police_confirmer),
                "dropped_warninglisted": len(listed),
                "created_at": now,
                "signature": request.headers[signing.H_SIGNATURE],
            }
            st.insert_event(conn, row, kept)
            if ev.verdict == "confirmed" and ev.distribution in st.SHARED:
                alerted = hub_match.raise_alerts(conn, event_uuid, [t for t, _k in kept], now, ttl)
        for m in alerted:
            _notify(m)
        log.info("event member=%s attributes=%d dropped=%d", member.member_id, len(kept), len(listed))
        return JSONResponse(
            {
                "uuid": event_uuid,
                "attributes_stored": len(kept),
                "dropped_warninglisted": len(listed),
                "police_confirmed": row["police_confirmed"],
            },
            status_code=201,
        )

    @app.post("/v1/sightings", openapi_extra={"requestBody": {"content": {"application/json": {}}}})
    async def post_sightings(request: Request) -> JSONResponse:
        got = await signed(request, SightingsIn)
        if isinstance(got, JSONResponse):
            return got
        member, req = got
        now = clock()
        with lock, engine.begin() as conn:
            listed = st.warninglisted(conn, [s.token for s in req.sightings])
            rows = [
                {"token": s.token, "member_id": member.member_id, "type": s.type, "at": now}
                for s in req.sightings
                if s.token not in listed
            ]
            if rows:
                conn.execute(st.sightings.insert(), rows)
        return JSONResponse(
            {"stored": len(rows), "dropped_warninglisted": len(req.sightings) - len(rows)}, 201
        )

    @app.put("/v1/holdings", openapi_extra={"requestBody": {"content": {"application/json": {}}}})
    async def put_holdings(request: Request) -> JSONResponse:
        got = await signed(request, HoldingsIn)
        if isinstance(got, JSONResponse):
            return got
        member, req = got
        with lock, engine.begin() as conn:
            total = st.replace_holdings(conn, member.member_id, req.tokens, req.mode)
        return JSONResponse({"holdings": total})

    @app.post("/v1/match", openapi_extra={"requestBody": {"content": {"application/json": {}}}})
    async def match(request: Request) -> JSONResponse:
        got = await signed(request, MatchIn)
        if isinstance(got, JSONResponse):
            return got
        _member, req = got
        with engine.connect() as conn:
            found = hub_match.warned(conn, sorted(set(req.tokens)), clock(), ttl)
        return JSONResponse(
            {"asked": len(req.tokens), "matches": [{"token": t, **s} for t, s in found.items()]}
        )

    @app.get("/v1/alerts")
    def get_alerts(request: Request, include_delivered: bool = False) -> JSONResponse:
        member = member_of(request)
        if member is None:
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        with lock, engine.begin() as conn:
            feed = hub_match.poll_alerts(conn, member.member_id, clock(), include_delivered)
        return JSONResponse({"alerts": feed})

    @app.get("/v1/export/misp")
    def export_misp(request: Request) -> JSONResponse:
        if member_of(request) is None:
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        with engine.connect() as conn:
            return JSONResponse(hub_misp.export_events(conn, clock(), ttl))

    @app.get("/v1/export/misp/manifest.json")
    def export_manifest(request: Request) -> JSONResponse:
        if member_of(request) is None:
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        with engine.connect() as conn:
            return JSONResponse(hub_misp.manifest(hub_misp.export_events(conn, clock(), ttl)))

    @app.get("/v1/export/misp/{event_uuid}.json")
    def export_event(event_uuid: str, request: Request) -> JSONResponse:
        if member_of(request) is None:
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        with engine.connect() as conn:
            found = hub_misp.export_events(conn, clock(), ttl, event_uuid)
        return JSONResponse(found[0]) if found else _error(404, "no such shared event")

    return app
