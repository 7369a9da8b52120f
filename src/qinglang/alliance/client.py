"""The member side: turn indicators into alliance tokens through the two key holders.

Everything that touches a raw value happens here, in the member's own process: normalising,
hashing to a point, blinding, unblinding and the final hash. Only blinded points leave it. Both key
holders are asked in parallel, in batches (one HTTP request per batch per key holder), and a
progress callback reports big runs. A key holder that refuses (wrong key 401, over budget 429) or
answers with something that is not a valid point stops the run with an error that names the key
holder, never a value.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from qinglang.alliance import oprf
from qinglang.alliance.canonical import canonical_bytes

DEFAULT_BATCH = 2_000


class KeyholderError(RuntimeError):
    """A key holder refused or failed; `status` is its HTTP status (0 for a transport error)."""

    def __init__(self, url: str, status: int, detail: str, retry_after: str | None = None):
        super().__init__(f"key holder {url}: HTTP {status}: {detail}")
        self.url, self.status, self.detail, self.retry_after = url, status, detail, retry_after


@dataclass(frozen=True)
class Keyholder:
    url: str
    api_key: str


class _Conn:
    def __init__(self, kh: Keyholder, timeout: float):
        self.kh = kh
        self.http = httpx.Client(
            base_url=kh.url.rstrip("/"), headers={"Authorization": f"Bearer {kh.api_key}"}, timeout=timeout
        )

    def evaluate(self, blinded: Sequence[bytes]) -> list[bytes]:
        try:
            resp = self.http.post("/v1/evaluate", json={"points": [p.hex() for p in blinded]})
        except httpx.HTTPError as exc:
            raise KeyholderError(self.kh.url, 0, type(exc).__name__) from exc
        if resp.status_code != 200:
            try:
                detail = str(resp.json().get("detail", ""))
            except ValueError:
                detail = resp.text[:200]
            raise KeyholderError(self.kh.url, resp.status_code, detail, resp.headers.get("retry-after"))
        out = [bytes.fromhex(h) for h in resp.json()["evaluated"]]
        if len(out) != len(blinded):
            raise KeyholderError(self.kh.url, 200, "wrong number of evaluated points")
        return out


class Tokenizer:
    """Tokenises batches of canonical inputs against the key holders (context manager)."""

    def __init__(self, keyholders: Sequence[Keyholder], batch: int = DEFAULT_BATCH, timeout: float = 60.0):
        if len(keyholders) < 2:
            raise ValueError("the threshold OPRF needs both key holders")
        self.conns = [_Conn(kh, timeout) for kh in keyholders]
        self.batch = batch
        self._pool = cf.ThreadPoolExecutor(max_workers=len(self.conns))

    def __enter__(self) -> Tokenizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=False)
        for c in self.conns:
            c.http.close()

    def tokens_for_inputs(
        self, inputs: Sequence[bytes], progress: Callable[[int, int], None] | None = None
    ) -> list[str]:
        """One token per canonical input (see canonical.canonical_bytes), in order."""
        out: list[str] = []
        for start in range(0, len(inputs), self.batch):
            chunk = inputs[start : start + self.batch]
            blinds = [oprf.blind(oprf.hash_to_point(x)) for x in chunk]
            blinded = [b for _r, b in blinds]
            futures = [self._pool.submit(c.evaluate, blinded) for c in self.conns]
            answers = [f.result() for f in futures]
            for i, x in enumerate(chunk):
                try:
                    n = oprf.unblind_combine(blinds[i][0], [a[i] for a in answers])
                except ValueError as exc:
                    raise KeyholderError("(one of the key holders)", 200, str(exc)) from exc
                out.append(oprf.finalize(x, n))
            if progress is not None:
                progress(len(out), len(inputs))
        return out

    def tokenize(
        self, items: Sequence[tuple[str, str]], progress: Callable[[int, int], None] | None = None
    ) -> list[str]:
        """Tokens for (kind, value) pairs; raises ValueError for an invalid value (see canonical)."""
        return self.tokens_for_inputs([canonical_bytes(k, v) for k, v in items], progress)
