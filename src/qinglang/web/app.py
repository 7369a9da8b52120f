"""The FastAPI application: JSON API under /api (OpenAPI at /docs), pages at /, static assets
(including the vendored ECharts and Cytoscape.js — no CDN, the workbench runs offline)."""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from qinglang.online import load_index
from qinglang.web import (
    api,
    applications_routes,
    pages,
    posts_routes,
    referral_routes,
    search_routes,
    watch_routes,
)
from qinglang.web.auth import ROLES, create_user
from qinglang.web.db import ensure_schema, latest_run_id, open_engine
from qinglang.web.deps import WorkbenchState
from qinglang.web.highlight import segments
from qinglang.web.security import SecurityMiddleware

log = logging.getLogger(__name__)
# The API reference page: Swagger UI 5 from the fastapi-offline package and a script file of our
# own to start it (the Content-Security-Policy allows no inline script).
DOCS_PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>清朗 qinglang API</title><link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script></body></html>"""
STATIC = Path(__file__).parent / "static"
# Swagger UI 5 (reads OpenAPI 3.1) as shipped inside the fastapi-offline package
SWAGGER_UI = Path(importlib.util.find_spec("fastapi_offline").origin or "").parent / "static"  # type: ignore[union-attr]


def load_online_index(db_url: str) -> tuple[object | None, str | None]:
    """The online index (qinglang.online), or why it could not be loaded."""
    try:
        return load_index(db_url), None
    except Exception as exc:  # no scan yet, empty store, ...: the rest of the workbench still works
        log.warning("online index not loaded: %s", exc)
        return None, f"online index could not be loaded: {exc}"


def seed_demo_users(engine) -> list[str]:
    """Users from QINGLANG_DEMO_USERS="name:password:role,..." (for the demo; documented); a
    police user names its unit as a fourth field ("officer1:pw:police:某市公安局经侦支队")."""
    spec = os.environ.get("QINGLANG_DEMO_USERS", "")
    made = []
    for item in filter(None, (s.strip() for s in spec.split(","))):
        name, password, role, unit = (item.split(":", 3) + ["", "", "", ""])[:4]
        if name and password and role in ROLES and (role != "police" or unit):
            create_user(engine, name, password, role, unit or None)
            made.append(name)
    return made


def _printable(value: object) -> object:
    """`value` with any string made encodable (lone surrogates replaced)."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def _warm_up() -> None:
    """Build the lexicon and contact automata now, not on the first analyst's page view."""
    segments("预热：停息挂账，联系 13912345678，微信 abc_12345", masked=True)


def create_app_from_env() -> FastAPI:
    """The app of one worker process of `qinglang serve --workers N` (uvicorn imports it by name):
    the parent already made the schema and the demo users, so workers do not race to."""
    return create_app(
        os.environ["QINGLANG_SERVE_DB"],
        online=os.environ.get("QINGLANG_SERVE_ONLINE", "1") == "1",
        secure_cookies=os.environ.get("QINGLANG_SERVE_SECURE", "0") == "1",
        setup=False,
    )


def create_app(
    db_url: str,
    *,
    online: bool = True,
    secure_cookies: bool = False,
    max_body: int | None = None,
    setup: bool = True,
) -> FastAPI:
    engine = open_engine(db_url)
    if setup:
        ensure_schema(engine)
        seed_demo_users(engine)
    index_run = latest_run_id(engine)  # read before the index, so a scan saved meanwhile is picked up later
    index, index_error = load_online_index(db_url) if online else (None, "online scoring disabled")
    _warm_up()
    app = FastAPI(
        title="清朗 qinglang workbench API",
        description="团伙投诉队列、详情、结论、案件与证据包 / campaign queue, detail, verdicts, cases, evidence packs",
        version="0.1.0",
        docs_url=None,  # FastAPI's page loads Swagger UI from a CDN: served from the package below
        redoc_url=None,
    )
    app.state.wb = WorkbenchState(
        engine=engine,
        db_url=db_url,
        index=index,
        index_error=index_error,
        secure_cookies=secure_cookies,
        online=online,
        index_run_id=index_run,
    )
    app.add_middleware(SecurityMiddleware, max_body=max_body)  # web/security.py
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(SWAGGER_UI)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(search_routes.api_router)  # search and the indicator library (web/search_routes.py)
    app.include_router(search_routes.page_router)
    app.include_router(posts_routes.api_router)  # ad groups and the campaigns they feed (web/posts_routes.py)
    app.include_router(posts_routes.page_router)
    app.include_router(watch_routes.api_router)  # watch-lists and alerts (web/watch_routes.py)
    app.include_router(watch_routes.page_router)
    app.include_router(referral_routes.api_router)  # referrals to police (web/referral_routes.py)
    app.include_router(referral_routes.page_router)
    app.include_router(applications_routes.api_router)  # application clusters (web/applications_routes.py)
    app.include_router(applications_routes.page_router)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/docs"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code == 401:
            from fastapi.responses import RedirectResponse

            return RedirectResponse("/login", status_code=303)
        from qinglang.web.deps import viewer
        from qinglang.web.pages import render_error

        return render_error(request, viewer(request), exc.status_code, str(exc.detail or ""))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        # FastAPI echoes the rejected input; a lone surrogate in it made the 422 itself fail (500)
        errors = [
            {k: _printable(v) for k, v in e.items() if k in ("type", "loc", "msg")} for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, object]:
        st = app.state.wb
        return {
            "ok": True,
            "online_scoring": st.index is not None,
            "online_error": st.index_error,
            "online_index_run": st.index_run_id,
        }

    return app
