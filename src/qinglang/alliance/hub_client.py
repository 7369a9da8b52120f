"""The member side of the hub: signed requests with the member's Ed25519 key and its API key.

Sends exactly the JSON it signed (canonical form), so the hub's re-serialisation of the parsed
body gives the same bytes. Raises HubError with the hub's status and reason on any refusal; the
tokens themselves are never part of an error message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx
from nacl.signing import SigningKey

from qinglang.alliance.signing import Signer, canonical_json


class HubError(RuntimeError):
    def __init__(self, status: int, detail: str):
        super().__init__(f"hub: HTTP {status}: {detail}")
        self.status, self.detail = status, detail


class HubClient:
    def __init__(self, url: str, member_id: str, api_key: str, key: SigningKey, timeout: float = 120.0):
        self.signer = Signer(member_id, key)
        self.http = httpx.Client(
            base_url=url.rstrip("/"), headers={"Authorization": f"Bearer {api_key}"}, timeout=timeout
        )

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _check(self, resp: httpx.Response) -> Any:
        if resp.status_code >= 400:
            try:
                detail = str(resp.json().get("detail", ""))
            except ValueError:
                detail = resp.text[:200]
            raise HubError(resp.status_code, detail)
        return resp.json()

    def send(self, method: str, path: str, body: Any) -> Any:
        headers = self.signer.headers(method, path, body) | {"Content-Type": "application/json"}
        return self._check(self.http.request(method, path, content=canonical_json(body), headers=headers))

    def submit_event(
        self,
        attributes: Sequence[tuple[str, str]],
        *,
        info: str,
        distribution: str = "alliance",
        verdict: str = "confirmed",
        size: int = 0,
        reason_codes: Sequence[str] = (),
        first_seen: str | None = None,
        last_seen: str | None = None,
        uuid: str | None = None,
    ) -> dict:
        """attributes: (token, kind) pairs."""
        body: dict[str, Any] = {
            "info": info,
            "distribution": distribution,
            "verdict": verdict,
            "size": size,
            "reason_codes": list(reason_codes),
            "attributes": [{"token": t, "kind": k} for t, k in attributes],
        }
        for name, value in (("first_seen", first_seen), ("last_seen", last_seen), ("uuid", uuid)):
            if value is not None:
                body[name] = value
        return self.send("POST", "/v1/events", body)

    def sightings(self, items: Sequence[tuple[str, str]]) -> dict:
        """items: (token, type) with type seen | false_positive | expired."""
        return self.send("POST", "/v1/sightings", {"sightings": [{"token": t, "type": y} for t, y in items]})

    def put_holdings(self, tokens: Sequence[str], mode: str = "replace") -> dict:
        return self.send("PUT", "/v1/holdings", {"mode": mode, "tokens": list(tokens)})

    def match(self, tokens: Sequence[str]) -> dict:
        return self.send("POST", "/v1/match", {"tokens": list(tokens)})

    def alerts(self, include_delivered: bool = False) -> list[dict]:
        params = {"include_delivered": "true"} if include_delivered else {}
        return self._check(self.http.get("/v1/alerts", params=params))["alerts"]

    def export_misp(self) -> list[dict]:
        return self._check(self.http.get("/v1/export/misp"))
