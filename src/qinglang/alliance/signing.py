"""Ed25519 signatures on every write a member sends to the hub, with replay defence.

An API key alone can be stolen from a log or a proxy; a signature made with a key that never
leaves the member binds each submission to that member, so a forged event (someone else's key)
or a tampered body fails. The signed message is the canonical JSON of the body (sorted keys, no
spaces, UTF-8) together with the method, the path, the member id, a timestamp and a nonce: the
hub refuses a timestamp outside ±5 minutes and a nonce it has seen, so a captured request cannot
be sent again (replay) or moved to another endpoint. PyNaCl's `nacl.signing` (libsodium).
"""

from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

DOMAIN = b"qinglang-alliance-hub-v1"
MAX_SKEW_S = 300
H_TIMESTAMP, H_NONCE, H_SIGNATURE = "X-Qinglang-Timestamp", "X-Qinglang-Nonce", "X-Qinglang-Signature"


def canonical_json(body: object) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def message(method: str, path: str, member_id: str, timestamp: str, nonce: str, body: object) -> bytes:
    """The exact bytes signed: newline-separated header fields, then the canonical body."""
    head = "\n".join([method.upper(), path, member_id, timestamp, nonce])
    return DOMAIN + b"\n" + head.encode("utf-8") + b"\n" + canonical_json(body)


def generate_keypair() -> tuple[str, str]:
    """(private seed hex, public key hex) for a new member."""
    sk = SigningKey.generate()
    return sk.encode().hex(), sk.verify_key.encode().hex()


def load_or_create_signing_key(path: Path) -> SigningKey:
    """A member's private key file (seed hex, one line), created with mode 0600 when absent."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(generate_keypair()[0] + "\n")
    try:
        return SigningKey(bytes.fromhex(path.read_text().strip()))
    except ValueError as exc:
        raise ValueError(f"{path}: not an Ed25519 private key (64 hex characters)") from exc


def public_key_hex(sk: SigningKey) -> str:
    return sk.verify_key.encode().hex()


@dataclass(frozen=True)
class Signer:
    """Signs a member's requests: returns the headers to send along with the JSON body."""

    member_id: str
    key: SigningKey

    def headers(self, method: str, path: str, body: object, now: float | None = None) -> dict[str, str]:
        ts = str(int(now if now is not None else time.time()))
        nonce = secrets.token_hex(16)
        sig = self.key.sign(message(method, path, self.member_id, ts, nonce, body)).signature
        return {H_TIMESTAMP: ts, H_NONCE: nonce, H_SIGNATURE: sig.hex()}


def check(
    public_key_hex: str,
    method: str,
    path: str,
    member_id: str,
    headers: dict[str, str],
    body: object,
    now: float | None = None,
) -> str | None:
    """None when the request is signed by `public_key_hex` within the time window; else the reason.

    The nonce is checked for reuse by the caller (it needs the database); its shape is checked here.
    """
    h = {k.lower(): v for k, v in headers.items()}  # HTTP header names are case-insensitive
    ts, nonce, sig = (h.get(n.lower(), "") for n in (H_TIMESTAMP, H_NONCE, H_SIGNATURE))
    if not ts or not nonce or not sig:
        return "missing signature headers"
    if not ts.isdigit():
        return "bad timestamp"
    if abs(int(ts) - (now if now is not None else time.time())) > MAX_SKEW_S:
        return "timestamp outside ±5 minutes"
    if not (16 <= len(nonce) <= 64) or not all(c in "0123456789abcdef" for c in nonce):
        return "bad nonce"
    try:
        VerifyKey(bytes.fromhex(public_key_hex)).verify(
            message(method, path, member_id, ts, nonce, body), bytes.fromhex(sig)
        )
    except (BadSignatureError, ValueError):
        return "bad signature"
    return None
