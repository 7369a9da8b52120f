"""Verify a sealed evidence pack offline, as the receiving officer does (`qinglang verify-pack`).

WHY its own module: the checks an officer relies on are few and must each say, in Chinese and
English, what was checked and what was found; nothing here needs the network, the store or the
workbench: only the ZIP, optionally the TSA certificate and the lender's public key they trust.

Checks, in order: the manifest; every file against its SHA-256, SM3 and size (none missing,
none unlisted); the Merkle root recomputed from the files against the signed root; the
signature record's form, the Ed25519 signature over the root and the seal signature over the
record; the RFC 3161 timestamp token (present when the manifest says a TSA was used, its hash
as signed, `openssl ts -verify` against the root and the TSA certificate).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qinglang.evidence import integrity
from qinglang.evidence.pack import sha256


@dataclass(frozen=True)
class Check:
    zh: str
    en: str
    ok: bool
    detail: str

    def line(self) -> str:
        mark = "通过 PASS" if self.ok else "失败 FAIL"
        return f"[{mark}] {self.zh} / {self.en}: {self.detail}"


@dataclass(frozen=True)
class Result:
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def verdict(self) -> str:
        if self.ok:
            return "结论 / verdict: 证据包完整、签名与时间戳有效 / VERIFIED: the pack is intact, signed and timestamped as stated"
        failed = ", ".join(c.en for c in self.checks if not c.ok)
        return f"结论 / verdict: 校验未通过，证据包可能被改动 / FAILED ({failed})"


def _file_problems(files: dict[str, bytes], manifest: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    listed = set()
    for entry in manifest.get("files", []):
        path = entry["path"]
        listed.add(path)
        body = files.get(path)
        if body is None:
            problems.append(f"{path}: missing")
            continue
        if sha256(body) != entry.get("sha256"):
            problems.append(f"{path}: sha256 differs")
        elif "sm3" in entry and integrity.sm3(body) != entry["sm3"]:
            problems.append(f"{path}: sm3 differs")
        if len(body) != entry.get("bytes", len(body)):
            problems.append(f"{path}: size differs")
    for extra in sorted(set(integrity.tree_files(files)) - listed - {"manifest.json"}):
        problems.append(f"{extra}: not in manifest")
    return problems


def verify(zip_bytes: bytes, *, tsa_cert: bytes | None = None, public_key: bytes | None = None) -> Result:
    """Every check of a pack; `tsa_cert` (PEM) and `public_key` (32 bytes) are what the officer
    trusts; without them the pack's own copies are used and the check says so."""
    checks: list[Check] = []
    try:
        with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
            files = {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return Result([Check("压缩包", "zip archive", False, f"unreadable ({exc})")])
    try:
        manifest = json.loads(files["manifest.json"])
        checks.append(Check("清单", "manifest", True, f"{len(manifest.get('files', []))} files listed"))
    except (KeyError, ValueError) as exc:
        checks.append(Check("清单", "manifest", False, f"missing or unreadable ({type(exc).__name__})"))
        manifest = {}

    problems = _file_problems(files, manifest)
    checks.append(
        Check(
            "文件哈希（SHA-256 与 SM3）",
            "file hashes (SHA-256 and SM3)",
            not problems and bool(manifest),
            "; ".join(problems) if problems else f"{len(manifest.get('files', []))} files match",
        )
    )

    root = integrity.merkle_root(integrity.tree_files(files))
    raw = files.get(integrity.SIGNATURE_FILE)
    record: dict[str, Any] = {}
    form_ok = False
    if raw is not None:
        try:
            record = json.loads(raw)
            form_ok = integrity.canonical(record) == raw
        except ValueError:
            record = {}
    signed_root = str(record.get("merkle_root", ""))
    checks.append(
        Check(
            "默克尔根",
            "Merkle root",
            signed_root == root.hex(),
            f"{root.hex()}"
            if signed_root == root.hex()
            else f"recomputed {root.hex()} != signed {signed_root or '(none)'}",
        )
    )

    if raw is None:
        checks.append(Check("出具方签名", "lender's signature", False, f"{integrity.SIGNATURE_FILE} missing"))
    elif not form_ok:
        checks.append(
            Check("出具方签名", "lender's signature", False, "signature.json altered (not its signed form)")
        )
    else:
        ok, how = integrity.signature_valid(record, root, public_key)
        if ok and not integrity.seal_signature_valid(record):
            ok, how = False, "bad seal signature over the signature record"
        who = f"{record.get('signer')}, {record.get('key_source')}"
        checks.append(Check("出具方签名", "lender's signature", ok, f"Ed25519, {how}; {who}" if ok else how))

    tsa = (manifest.get("seal") or {}).get("timestamp_authority")
    token = files.get(integrity.TIMESTAMP_FILE)
    if tsa or token is not None:
        cert = tsa_cert if tsa_cert is not None else files.get(integrity.TSA_CERT_FILE)
        trust = (
            "trusted TSA certificate"
            if tsa_cert is not None
            else "certificate inside the pack (not independently trusted)"
        )
        if token is None:
            checks.append(
                Check("可信时间戳", "RFC 3161 timestamp", False, f"{integrity.TIMESTAMP_FILE} missing")
            )
        elif hashlib.sha256(token).hexdigest() != record.get("timestamp_sha256"):
            checks.append(
                Check(
                    "可信时间戳", "RFC 3161 timestamp", False, "timestamp token altered (hash not as signed)"
                )
            )
        elif cert is None:
            checks.append(
                Check(
                    "可信时间戳",
                    "RFC 3161 timestamp",
                    False,
                    "no TSA certificate to verify with (--tsa-cert)",
                )
            )
        else:
            ok, detail = integrity.timestamp_valid(token, root, cert)
            checks.append(
                Check(
                    "可信时间戳",
                    "RFC 3161 timestamp",
                    ok,
                    f"time {detail}, {trust}" if ok else f"invalid: {detail}",
                )
            )
    else:
        checks.append(
            Check("可信时间戳", "RFC 3161 timestamp", True, "not requested for this pack (no TSA configured)")
        )
    return Result(checks)


def verify_file(path: Path, *, tsa_cert: Path | None = None, public_key: Path | None = None) -> Result:
    return verify(
        path.read_bytes(),
        tsa_cert=tsa_cert.read_bytes() if tsa_cert is not None else None,
        public_key=integrity.read_public_key(public_key) if public_key is not None else None,
    )
