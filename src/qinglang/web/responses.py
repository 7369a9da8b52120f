"""Status codes every workbench API operation can answer, documented once for all routers.

Why: the OpenAPI document is a contract (schemathesis checks in the test suite that every status
the API answers is documented). Authentication, roles, the cross-site and body-size guards of
the security middleware and the rate limits apply to every route, so they are declared on the
routers; codes particular to one operation (404 for an unknown id, 409...) stay on the route.
"""

from __future__ import annotations

from typing import Any

COMMON: dict[int | str, dict[str, Any]] = {
    400: {"description": "请求体无法解析 / the request body could not be parsed"},
    401: {"description": "未登录或会话已过期 / not logged in, or the session expired"},
    403: {
        "description": "该角色无权此操作，或跨站请求被拒绝 / the role may not do this, or a cross-site request was refused"
    },
    413: {"description": "请求体过大 / request body too large (QINGLANG_MAX_BODY_BYTES)"},
    429: {"description": "请求过于频繁或登录已锁定 / too many requests, or login locked out for a while"},
}


NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "没有这个对象（或库中还没有扫描批次）/ no such object (or no scan run in the store yet)"
    }
}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {
        "description": "状态不允许此操作 / the object's state does not allow this (e.g. not confirmed, changed meanwhile)"
    }
}
