"""Shared request plumbing: the app's state, who is asking, which language, masking rules."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request
from sqlalchemy.engine import Engine

from qinglang.web import audit
from qinglang.web.auth import User, session_user
from qinglang.web.db import latest_run_id

COOKIE = "ql_session"
LANG_COOKIE = "ql_lang"


@dataclass
class WorkbenchState:
    engine: Engine
    db_url: str
    index: Any = None  # qinglang.online.OnlineIndex when online scoring is wired
    index_error: str | None = None
    score_lock: threading.Lock = field(default_factory=threading.Lock)
    secure_cookies: bool = False
    online: bool = True  # online scoring wanted (False: never load an index)
    index_run_id: str | None = None  # the scan run the loaded index belongs to

    def fresh_index(self) -> Any:
        """The online index of the latest scan. A rescan saved while the workbench runs is picked
        up by the next online score (it once needed a restart, and a submission was scored against
        — and its campaign named by — the previous run); one cheap query per call."""
        if not self.online:
            return self.index
        latest = latest_run_id(self.engine)
        if latest is None or latest == self.index_run_id:
            return self.index
        from qinglang.online import load_index

        with self.score_lock:
            if latest != self.index_run_id:
                try:
                    self.index, self.index_error = load_index(self.db_url), None
                except Exception as exc:  # an unusable index keeps the old one scoring, and says why
                    self.index_error = f"online index of scan {latest} could not be loaded: {exc}"
                self.index_run_id = latest
        return self.index


def state(request: Request) -> WorkbenchState:
    return request.app.state.wb


def token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.cookies.get(COOKIE)


# What a police user may reach: its referrals, its own session, the landing page (which sends it
# on to its referrals) and the static files. Anything else answers 404 as if it did not exist.
POLICE_PATHS = ("/api/referrals", "/referrals", "/api/me", "/api/logout", "/logout", "/login", "/static/")


def viewer(request: Request) -> User | None:
    """Who is asking, without the police gate (an error page is drawn for whoever asked)."""
    return session_user(state(request).engine, token_of(request))


def optional_user(request: Request) -> User | None:
    user = viewer(request)
    if user is not None and user.role == "police":
        path = request.url.path
        if path != "/" and not path.startswith(POLICE_PATHS):
            raise HTTPException(status_code=404, detail="找不到 / not found")
    return user


def current_user(request: Request) -> User:
    user = optional_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="login required")
    return user


def require(user: User, permission: str) -> None:
    if not user.may(permission):
        raise HTTPException(status_code=403, detail=f"role {user.role} may not {permission}")


def lang_of(request: Request) -> str:
    q = request.query_params.get("lang")
    if q in ("zh", "en"):
        return q
    c = request.cookies.get(LANG_COOKIE)
    return c if c in ("zh", "en") else "zh"


def from_another_site(request: Request) -> bool:
    """A browser request that another site started (a link or a redirect on someone else's page)
    while riding on the session cookie: the same rule the security middleware applies to writes
    (web/security.foreign_request_reason)."""
    from qinglang.web.security import foreign_request_reason

    headers = {k.lower(): v for k, v in request.scope.get("headers", [])}
    return foreign_request_reason(request.scope, headers) is not None


def masking(request: Request, user: User, target_kind: str, target_id: str) -> bool:
    """True when numbers must be masked. Asking to unmask without the right is refused (403);
    so is an unmasking another site asked for (a link elsewhere must not write an audit entry in
    a lead's name: no state change on a cross-site GET); an allowed unmasking is written to the
    audit log before anything is shown."""
    if request.query_params.get("unmask") not in ("1", "true", "yes"):
        return True
    require(user, "unmask")
    if from_another_site(request):
        raise HTTPException(
            status_code=403,
            detail="显示完整号码须从工作台页面发起 / unmasking must be asked for from the workbench's own pages",
        )
    audit.record(state(request).engine, user, "unmask", target_kind, target_id, {"path": request.url.path})
    return False
