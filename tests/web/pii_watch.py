"""What a masked role (analyst, auditor) must never receive, and a watch on every response their
test clients get in the whole test run (issue 12 acceptance: "scan every response in the test run
for unmasked patterns"): full mobile numbers, full resident ID numbers, the scenario's full names."""

from __future__ import annotations

import re

import httpx
from wb_scenario import NAMES

MOBILE = re.compile(r"(?<![\d*])(?:\+?86)?1[3-9]\d{9}(?![\d*])")
RESIDENT_ID = re.compile(r"(?<![\dA-Za-z*])\d{17}[\dXx](?![\dA-Za-z*])")
MASKED_ROLES = frozenset({"analyst", "auditor"})
_TEXT_TYPES = ("json", "html", "csv", "text/plain")

# (method, url, leaks) of every response a masked role received with something it may not see
LEAKS: list[tuple[str, str, list[str]]] = []
SEEN: list[int] = [0]  # responses watched (so a watch that saw nothing is visible)


# a run id, hash or key in hex (32 random hex characters hold an 11-digit run starting 13-19 now and
# then: a fresh-clone CI run flagged "15245685926" inside a scan run's id); numbers are never hex
_HEX_ID = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])")


def leaks_in(body: str) -> list[str]:
    body = _HEX_ID.sub(" ", body)
    found = [m.group(0) for m in MOBILE.finditer(body)] + [m.group(0) for m in RESIDENT_ID.finditer(body)]
    found += [n for n in NAMES if n in body]
    return found


def _check(response: httpx.Response) -> None:
    if not any(t in response.headers.get("content-type", "") for t in _TEXT_TYPES):
        return
    response.read()
    SEEN[0] += 1
    if found := leaks_in(response.text):
        LEAKS.append((response.request.method, str(response.request.url), sorted(set(found))))


def watch(client: httpx.Client) -> httpx.Client:
    """Scan every later response of `client` (logged in as a masked role)."""
    hooks = client.event_hooks
    hooks["response"] = [*hooks.get("response", []), _check]
    client.event_hooks = hooks
    return client
