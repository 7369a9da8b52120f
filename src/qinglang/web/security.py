"""Request-level protections every workbench response gets, in one ASGI middleware.

Why one middleware and not per-route checks: a route added later cannot forget them. It does
three things (issue 12, the security probe):

- **Cross-site requests refused.** A state-changing request (any method but GET/HEAD/OPTIONS)
  that rides on the session *cookie* must come from the workbench's own origin: its `Origin`
  (or, without one, its `Referer`) must match the host it was sent to, and a browser's
  `Sec-Fetch-Site: cross-site` or `same-site` is refused outright. This covers `/login` too (login CSRF swaps
  the victim's session for the attacker's). API clients that send `Authorization: Bearer` carry
  no ambient credential and are not checked; a request with neither header (curl, scripts) is
  let through, as OWASP's origin-verification guidance allows, because a browser always sends
  one of them on a cross-site POST.
- **Bodies bounded.** A body over `max_body` bytes is refused with 413 before any route reads it
  (a 30 MB complaint once held the scoring lock for a minute).
- **Browser hardening headers** on every response: a Content-Security-Policy that allows only the
  workbench's own scripts (all vendored), no framing (`frame-ancestors 'none'`,
  `X-Frame-Options: DENY`), `nosniff`, no referrer leaks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_MAX_BODY = 1 << 20  # 1 MiB: a complaint, a note or a login is a few KiB

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def max_body_from_env() -> int:
    """QINGLANG_MAX_BODY_BYTES, else 1 MiB."""
    raw = os.environ.get("QINGLANG_MAX_BODY_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BODY


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _own_origins(scope: Scope, headers: dict[bytes, bytes]) -> set[str]:
    host = headers.get(b"host", b"").decode("latin-1").lower()
    if not host:
        server = scope.get("server")
        host = f"{server[0]}:{server[1]}" if server else ""
    return {f"http://{host}", f"https://{host}"}


def cross_site_reason(scope: Scope, headers: dict[bytes, bytes]) -> str | None:
    """Why this state-changing request is refused as cross-site, or None when it may pass."""
    if scope.get("method", "GET") in SAFE_METHODS:
        return None
    return foreign_request_reason(scope, headers)


def foreign_request_reason(scope: Scope, headers: dict[bytes, bytes]) -> str | None:
    """Why a request riding on the session cookie was started by another site (any method: the
    workbench also refuses an unmasking or a logout another site asked for), or None. A bearer
    token is no ambient credential: a forged request cannot carry it."""
    if headers.get(b"authorization", b"").lower().startswith(b"bearer "):
        return None
    site = headers.get(b"sec-fetch-site", b"").lower()
    if site in (b"cross-site", b"same-site"):
        return f"sec-fetch-site: {site.decode()}"
    origin_raw = headers.get(b"origin")
    if origin_raw is not None:
        origin = origin_raw.decode("latin-1").lower()
        if origin == "null" or origin not in _own_origins(scope, headers):
            return f"origin {origin}"
        return None
    referer = headers.get(b"referer")
    if referer is not None:
        ref_origin = _origin_of(referer.decode("latin-1"))
        if ref_origin not in _own_origins(scope, headers):
            return f"referer {ref_origin}"
    return None


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, max_body: int | None = None) -> None:
        self.app = app
        self.max_body = max_body if max_body is not None else max_body_from_env()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in have
                ]
            await send(message)

        reason = cross_site_reason(scope, headers)
        if reason is not None:
            await _refuse(
                scope,
                send_hardened,
                403,
                "跨站请求已拒绝：请从工作台页面操作",
                f"cross-site request refused ({reason}): act from the workbench's own pages",
            )
            return
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _refuse_too_large(scope, send_hardened, self.max_body)
            return
        if scope.get("method", "GET") in SAFE_METHODS:
            await self.app(scope, receive, send_hardened)
            return
        # read the body here (bounded), then hand it on: a chunked body without a length cannot
        # grow past the limit either
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body:
                await _refuse_too_large(scope, send_hardened, self.max_body)
                return
            chunks.append(body)
            more = bool(message.get("more_body", False))
        replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_replayed() -> Message:
            if replay:
                return replay.pop()
            return await receive()

        await self.app(scope, receive_replayed, send_hardened)


async def _refuse_too_large(scope: Scope, send: Send, limit: int) -> None:
    await _refuse(
        scope,
        send,
        413,
        f"请求内容过大（上限 {limit} 字节）",
        f"request body too large (limit {limit} bytes)",
    )


async def _refuse(scope: Scope, send: Send, status: int, zh: str, en: str) -> None:
    path = str(scope.get("path", ""))
    if path.startswith("/api"):
        body = json.dumps({"detail": f"{zh} / {en}"}, ensure_ascii=False).encode()
        ctype = b"application/json"
    else:
        from html import escape

        body = (
            "<!doctype html><meta charset=utf-8><title>"
            f"{status}</title><p>{escape(zh)}</p><p>{escape(en)}</p><p><a href='/'>返回 / back</a></p>"
        ).encode()
        ctype = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
