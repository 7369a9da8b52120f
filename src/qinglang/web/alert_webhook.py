"""The optional alert webhook: POST each new alert as JSON to `QINGLANG_ALERT_WEBHOOK`.

Why it is careful: the receiver (a chat bot, a ticket system) lives outside the lender's store,
so the payload carries masked values only and a link *path* into the workbench (`/alerts/17`),
never a raw phone, handle or ID number; and it must never fail a scan or an online score — a
short timeout, any error logged and recorded on the alert (`webhook_status`, `webhook_error`).
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request
from typing import Any

ENV = "QINGLANG_ALERT_WEBHOOK"
TIMEOUT_SECONDS = 3.0
ERROR_MAX = 500

log = logging.getLogger(__name__)


def url() -> str | None:
    """The configured receiver, or None (webhooks off). Only http(s) URLs are used."""
    value = os.environ.get(ENV, "").strip()
    return value if value.startswith(("http://", "https://")) else None


def send(target: str, payload: dict[str, Any], timeout: float = TIMEOUT_SECONDS) -> str | None:
    """POST `payload` to `target`; None when the receiver answered 2xx, else why it failed."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        target,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "qinglang-alerts"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except Exception as exc:  # refused, timed out, DNS...: the scan goes on
        return f"{type(exc).__name__}: {exc}"[:ERROR_MAX]
    return None if 200 <= status < 300 else f"HTTP {status}"
