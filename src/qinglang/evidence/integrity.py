"""Seal an evidence pack so an officer or a court can check it offline: per-file SHA-256 and SM3,
a Merkle root over every file, the lender's Ed25519 signature over the root and an RFC 3161
timestamp token over the root.

WHY a Merkle root and not just the manifest hash: one 32-byte value stands for the whole pack,
so the signature and the timestamp authority see only that value (nothing of the case leaves the
lender to be timestamped) and a single exhibit can later be proven part of the pack with its
audit path.

Merkle tree (documented in every manifest, `merkle`):
- leaves: every file of the pack except seal/*, manifest.json included, sorted by path (UTF-8
  bytes); leaf = SHA-256(0x00 || path || 0x00 || file bytes);
- nodes: SHA-256(0x01 || left || right), level by level; an odd node at the end of a level is
  carried up unchanged; the root of one leaf is that leaf.

Seal files (outside the tree, so the tree is fixed before they are written):
- seal/signature.json (canonical JSON): root (hex), the Ed25519 public key and signature
  (base64) over the 32 root bytes, who signed and where the key came from, the SHA-256 of the
  timestamp token and TSA certificate, and seal_signature over all of that (a token has unsigned
  bytes, e.g. its status and certificate set; this binds every byte of it);
- seal/timestamp.tsr: the TSA's TimeStampResp (DER) over the root (message imprint = SHA-256,
  the root bytes themselves); seal/tsa_cert.pem: the TSA certificate it was made with (a
  convenience copy: an officer checks against the TSA certificate they trust, --tsa-cert).

Timestamps are requested and verified with `openssl ts` (subprocess; OpenSSL 3 is on the
machine), so there is no ASN.1 code of our own to get wrong.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.encoding import RawEncoder
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

SEAL_DIR = "seal/"
SIGNATURE_FILE = "seal/signature.json"
TIMESTAMP_FILE = "seal/timestamp.tsr"
TSA_CERT_FILE = "seal/tsa_cert.pem"
MERKLE_RULE = {
    "hash": "sha256",
    "leaves": "every file except seal/*, manifest.json included, sorted by UTF-8 path",
    "leaf": "SHA-256(0x00 || path || 0x00 || file bytes)",
    "node": "SHA-256(0x01 || left || right); an odd last node is carried up unchanged",
}


def sm3(data: bytes) -> str:
    """SM3 (GB/T 32905, 国密) from OpenSSL 3 through hashlib."""
    return hashlib.new("sm3", data).hexdigest()


def leaf_hash(path: str, body: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + path.encode("utf-8") + b"\x00" + body).digest()


def merkle_root(files: dict[str, bytes]) -> bytes:
    """The root over `files` (path -> bytes) by the rule above (MERKLE_RULE)."""
    level = [leaf_hash(p, files[p]) for p in sorted(files, key=lambda p: p.encode("utf-8"))]
    if not level:
        return hashlib.sha256(b"").digest()
    while len(level) > 1:
        nxt = [
            hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)
        ]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]


def tree_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files the tree covers: all but the seal."""
    return {p: b for p, b in files.items() if not p.startswith(SEAL_DIR)}


# ---- signing ---------------------------------------------------------------------------------


def load_or_create_key(path: Path | None) -> tuple[SigningKey, str]:
    """The lender's Ed25519 key (32-byte seed, raw or base64, in `path`) and where it came from.
    A missing file is created with a new key (the demo); no path gives a one-off key, said so
    in the seal."""
    if path is None:
        return SigningKey.generate(), "ephemeral (no key configured: generated for this pack only)"
    if path.exists():
        raw = path.read_bytes().strip()
        seed = raw if len(raw) == 32 else base64.b64decode(raw)
        return SigningKey(seed), f"key file {path.name}"
    key = SigningKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64encode(bytes(key)) + b"\n")
    path.chmod(0o600)
    return key, f"key file {path.name} (generated)"


def public_key_b64(key: SigningKey) -> str:
    return base64.b64encode(key.verify_key.encode(RawEncoder)).decode()


def read_public_key(path: Path) -> bytes:
    """A public key file: 32 raw bytes or base64 text."""
    raw = path.read_bytes().strip()
    return raw if len(raw) == 32 else base64.b64decode(raw)


def signature_record(key: SigningKey, root: bytes, signer: str, key_source: str) -> dict[str, str]:
    return {
        "algorithm": "ed25519",
        "merkle_root": root.hex(),
        "public_key": public_key_b64(key),
        "signature": base64.b64encode(key.sign(root).signature).decode(),
        "signer": signer,
        "key_source": key_source,
    }


def signature_valid(record: dict[str, str], root: bytes, trusted_key: bytes | None) -> tuple[bool, str]:
    """Whether `record` signs `root`, with the trusted key when given, else the embedded one."""
    try:
        key = trusted_key if trusted_key is not None else base64.b64decode(record["public_key"])
        if trusted_key is not None and base64.b64decode(record["public_key"]) != trusted_key:
            return False, "embedded public key is not the trusted key"
        VerifyKey(key).verify(root, base64.b64decode(record["signature"]))
    except (BadSignatureError, ValueError, KeyError, TypeError) as exc:
        return False, f"bad signature ({type(exc).__name__})"
    return (
        True,
        "trusted key" if trusted_key is not None else "embedded key (not checked against a trusted key)",
    )


# ---- RFC 3161 timestamps -------------------------------------------------------------------


def _openssl(args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, timeout=60, check=False)


def timestamp_query(root: bytes) -> bytes:
    """A DER TimeStampReq over `root` (SHA-256 imprint = the root), asking for the TSA cert."""
    with tempfile.TemporaryDirectory() as tmp:
        r = _openssl(["ts", "-query", "-digest", root.hex(), "-sha256", "-cert", "-out", "q.tsq"], tmp)
        if r.returncode != 0:
            raise RuntimeError(f"openssl ts -query failed: {r.stderr.decode(errors='replace')}")
        return (Path(tmp) / "q.tsq").read_bytes()


def request_timestamp(root: bytes, tsa_url: str, timeout: float = 30.0) -> bytes:
    """The TSA's TimeStampResp (DER) over `root` (RFC 3161 over HTTP POST)."""
    req = urllib.request.Request(
        tsa_url,
        data=timestamp_query(root),
        headers={"Content-Type": "application/timestamp-query"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (configured URL)
        body: bytes = resp.read()
    return body


def timestamp_valid(tsr: bytes, root: bytes, tsa_cert_pem: bytes) -> tuple[bool, str]:
    """`openssl ts -verify` of the response against the root and a TSA certificate (its own CA:
    the demo's is self-signed); returns (ok, the token's time or the error)."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "t.tsr").write_bytes(tsr)
        (Path(tmp) / "ca.pem").write_bytes(tsa_cert_pem)
        r = _openssl(
            [
                "ts",
                "-verify",
                "-digest",
                root.hex(),
                "-in",
                "t.tsr",
                "-CAfile",
                "ca.pem",
                "-untrusted",
                "ca.pem",
            ],
            tmp,
        )
        if r.returncode != 0:
            err = (r.stderr or r.stdout).decode(errors="replace").strip().splitlines()
            return False, (err[-1] if err else "openssl ts -verify failed")[:200]
        return True, timestamp_time(tsr, tmp)


def timestamp_time(tsr: bytes, tmp: str | None = None) -> str:
    """The token's genTime as openssl prints it ('' when unreadable)."""
    with tempfile.TemporaryDirectory() as own:
        where = tmp or own
        (Path(where) / "t.tsr").write_bytes(tsr)
        r = _openssl(["ts", "-reply", "-in", "t.tsr", "-text"], where)
        for line in r.stdout.decode(errors="replace").splitlines():
            if line.startswith("Time stamp:"):
                return line.split(":", 1)[1].strip()
    return ""


# ---- sealing and verifying a pack ---------------------------------------------------------


@dataclass(frozen=True)
class SealConfig:
    """How to seal: the signing key file (None: a one-off key), who signs (the lender), the TSA
    URL (None: no timestamp) and the TSA certificate to copy into the pack."""

    sign_key: Path | None = None
    signer: str = "放贷机构 lender"
    tsa_url: str | None = None
    tsa_cert: Path | None = None


def canonical(record: dict[str, Any]) -> bytes:
    """The one byte form of seal/signature.json (sorted keys, two-space indent, trailing newline):
    the verifier re-serialises and compares, so no byte of the file can change unnoticed."""
    return (json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def seal_message(record: dict[str, Any]) -> bytes:
    """What seal_signature signs: SHA-256 of the canonical record without seal_signature (so
    signer, key source and the timestamp token's and TSA certificate's hashes are bound too)."""
    return hashlib.sha256(canonical({k: v for k, v in record.items() if k != "seal_signature"})).digest()


def seal_signature_valid(record: dict[str, Any]) -> bool:
    try:
        VerifyKey(base64.b64decode(record["public_key"])).verify(
            seal_message(record), base64.b64decode(record["seal_signature"])
        )
    except (BadSignatureError, ValueError, KeyError, TypeError):
        return False
    return True


def seal_files(files: dict[str, bytes], config: SealConfig) -> dict[str, bytes]:
    """The seal/* files for `files` (manifest.json included): the timestamp over the root first,
    then the signature record over the root and over the whole seal."""
    root = merkle_root(tree_files(files))
    out: dict[str, bytes] = {}
    if config.tsa_url:
        out[TIMESTAMP_FILE] = request_timestamp(root, config.tsa_url)
        if config.tsa_cert is not None:
            out[TSA_CERT_FILE] = config.tsa_cert.read_bytes()
    key, source = load_or_create_key(config.sign_key)
    record: dict[str, Any] = dict(signature_record(key, root, config.signer, source))
    record["timestamp_sha256"] = (
        hashlib.sha256(out[TIMESTAMP_FILE]).hexdigest() if TIMESTAMP_FILE in out else None
    )
    record["tsa_cert_sha256"] = (
        hashlib.sha256(out[TSA_CERT_FILE]).hexdigest() if TSA_CERT_FILE in out else None
    )
    record["seal_signature"] = base64.b64encode(key.sign(seal_message(record)).signature).decode()
    out[SIGNATURE_FILE] = canonical(record)
    return out
