"""The key-holder service: evaluates blinded points with one key share, for authenticated members only.

Two of these run, operated by different organisations, each with its own share and database. A
key holder is the one place an enumeration of the phone space could happen (someone asking for
k_i·H1(x) for every x), so it authenticates every member, meters it (a budget per minute and per
Beijing day; a request is served whole or refused whole with 429) and logs the count of every
request. It never sees an indicator or an unblinded point, and it stores not even the blinded
ones: its database and logs hold member ids, counts and times.

Order of checks: API key (401) before anything about the body, then the body's shape and every
point's validity (422, nothing evaluated, nothing consumed), then the budget (429), then work.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qinglang.alliance import keyholder_store as store
from qinglang.alliance import oprf

log = logging.getLogger("qinglang.alliance.keyholder")

MAX_BATCH = 10_000


class EvaluateRequest(BaseModel):
    """Blinded points r·H1(x), 64 hex characters each."""

    model_config = ConfigDict(extra="forbid")
    points: list[str] = Field(min_length=1, max_length=MAX_BATCH)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _parse_points(body: Any) -> list[bytes] | str:
    """The decoded points, or the reason they are refused (without echoing any of them)."""
    try:
        req = EvaluateRequest.model_validate(body)
    except ValidationError as exc:
        return f"body must be {{'points': [1..{MAX_BATCH} hex strings]}} ({exc.error_count()} errors)"
    out = []
    for i, h in enumerate(req.points):
        if len(h) != 2 * oprf.POINT_BYTES:
            return f"point {i}: expected {2 * oprf.POINT_BYTES} hex characters"
        try:
            p = bytes.fromhex(h)
        except ValueError:
            return f"point {i}: not hex"
        if not oprf.is_valid_point(p):
            return f"point {i}: not a valid ristretto255 point"
        out.append(p)
    return out


def create_app(engine: sa.Engine, share: bytes, limits: store.Limits, name: str = "keyholder") -> FastAPI:
    if not oprf.is_valid_scalar(share):
        raise ValueError("invalid key share")
    limiter = store.RateLimiter(engine, limits)
    app = FastAPI(title=f"qinglang alliance {name}", docs_url=None, redoc_url=None)

    @app.get("/v1/health")
    def health() -> dict:
        return {"status": "ok", "name": name, "per_minute": limits.per_minute, "per_day": limits.per_day}

    @app.post("/v1/evaluate", openapi_extra={"requestBody": {"content": {"application/json": {}}}})
    async def evaluate(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        api_key = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        member = store.member_for_key(engine, api_key) if api_key else None
        if member is None:
            store.log_evaluation(engine, None, 0, "unauthorized")
            log.warning("evaluate refused: unknown API key")
            return _error(401, "unknown API key", {"WWW-Authenticate": "Bearer"})
        try:
            body = await request.json()
        except ValueError:
            body = None
        points = _parse_points(body)
        if isinstance(points, str):
            store.log_evaluation(engine, member, 0, "malformed")
            log.warning("evaluate refused: member=%s malformed request", member)
            return _error(422, points)
        decision = limiter.consume(member, len(points))
        if not decision.allowed:
            store.log_evaluation(engine, member, len(points), "rate_limited")
            log.warning("evaluate refused: member=%s points=%d over budget", member, len(points))
            return _error(
                429,
                f"over budget ({limits.per_minute}/minute, {limits.per_day}/day)",
                {"Retry-After": str(decision.retry_after_s)},
            )
        evaluated = [oprf.evaluate(share, p).hex() for p in points]
        store.log_evaluation(engine, member, len(points), "ok")
        log.info("evaluate member=%s points=%d", member, len(points))
        return JSONResponse(
            {
                "evaluated": evaluated,
                "remaining_minute": decision.remaining_minute,
                "remaining_day": decision.remaining_day,
            }
        )

    return app
