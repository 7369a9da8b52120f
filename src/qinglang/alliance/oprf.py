"""A 2-of-2 threshold OPRF on ristretto255 (2HashDH): tokens no single party can compute or reverse.

A plain or salted hash of a phone number is not private: the whole Chinese mobile space hashes in
under a second on a GPU. So a token is F_k(x) = H2(x, k·H1(x)) for a key k that no one holds:
each of two key holders (the alliance operator and an independent node) draws its own random
share k_i, and k = k_1 + k_2 exists only as a sum. A member turns x into the point P = H1(x),
blinds it with a fresh random scalar r and sends r·P to both key holders; each returns k_i·(r·P);
the member adds the two answers and multiplies by r⁻¹, getting (k_1 + k_2)·P = k·P, and hashes
that with x into the token.

Why additive shares (k_1·P + k_2·P) rather than the chain k_2·(k_1·P):
- the two key holders are asked in parallel, not one after the other (half the latency);
- each key holder draws its share alone, so there is no dealer who ever saw k, and the shares can
  be refreshed (k_1 + d, k_2 - d) without changing a single token;
- the privacy is the same: each key holder sees only r·P, a uniformly random point, and a member
  learns k_1·P and k_2·P only for indicators it already holds and asked about.

What one share is worth: k_1·H1(x) for every x in a dictionary is no use without k_2·H1(x), which
only the second key holder can make, online, rate-limited and logged. Ristretto255 gives a prime
order group, so there is no cofactor to clear and every 32-byte encoding either decodes to a group
element or is refused. Hash-to-group is libsodium's crypto_core_ristretto255_from_hash over
SHA-512 with a domain tag (the Elligator map RFC 9496 names as the one-way map).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import rbcl

DOMAIN = b"qinglang-alliance-oprf-v1"
POINT_BYTES = 32
SCALAR_BYTES = 32
IDENTITY = bytes(POINT_BYTES)


def hash_to_point(data: bytes) -> bytes:
    """H1: canonical indicator bytes -> a ristretto255 point nobody knows the discrete log of."""
    return rbcl.crypto_core_ristretto255_from_hash(hashlib.sha512(DOMAIN + b"|H1|" + data).digest())


def is_valid_point(p: bytes) -> bool:
    """A canonical encoding of a group element other than the identity (k·identity leaks nothing
    but reveals nothing either; refusing it keeps a broken client from getting a constant)."""
    return (
        isinstance(p, bytes)
        and len(p) == POINT_BYTES
        and p != IDENTITY
        and bool(rbcl.crypto_core_ristretto255_is_valid_point(p))
    )


def new_share() -> bytes:
    """A fresh uniformly random non-zero scalar: one key holder's share."""
    return rbcl.crypto_core_ristretto255_scalar_random()


def is_valid_scalar(s: bytes) -> bool:
    if not isinstance(s, bytes) or len(s) != SCALAR_BYTES or s == bytes(SCALAR_BYTES):
        return False
    return rbcl.crypto_core_ristretto255_scalar_reduce(s + bytes(32)) == s  # canonical (reduced)


def blind(point: bytes) -> tuple[bytes, bytes]:
    """(r, r·P) for a fresh random r: r·P is a uniformly random point, whatever P is."""
    r = rbcl.crypto_core_ristretto255_scalar_random()
    return r, rbcl.crypto_scalarmult_ristretto255(r, point)


def evaluate(share: bytes, blinded: bytes) -> bytes:
    """The key holder's step: k_i·(r·P). Raises ValueError for a point that is not acceptable."""
    if not is_valid_point(blinded):
        raise ValueError("not a valid ristretto255 point")
    return rbcl.crypto_scalarmult_ristretto255(share, blinded)


def unblind_combine(r: bytes, evaluated: Sequence[bytes]) -> bytes:
    """The member's step: r⁻¹·(Σ k_i·r·P) = (Σ k_i)·P. Every answer must be a valid point."""
    if not evaluated or not all(is_valid_point(e) for e in evaluated):
        raise ValueError("a key holder returned an invalid point")
    acc = evaluated[0]
    for e in evaluated[1:]:
        acc = rbcl.crypto_core_ristretto255_add(acc, e)
    return rbcl.crypto_scalarmult_ristretto255(rbcl.crypto_core_ristretto255_scalar_invert(r), acc)


def finalize(data: bytes, evaluated_point: bytes) -> str:
    """H2(x, k·H1(x)) as 64 hex characters: the token a member shares.

    Hashing x in as well as k·P is the 2HashDH construction (as RFC 9497's Finalize does): the
    token is bound to the input, not only to the point.
    """
    h = hashlib.sha512()
    for part in (DOMAIN + b"|H2", data, evaluated_point):
        h.update(len(part).to_bytes(4, "big"))
        h.update(part)
    return h.hexdigest()[:64]


def combine_shares(shares: Iterable[bytes]) -> bytes:
    """k = Σ k_i. Only for tests and the threat model: in the alliance no one ever computes it."""
    acc = bytes(SCALAR_BYTES)
    for s in shares:
        acc = rbcl.crypto_core_ristretto255_scalar_add(acc, s)
    return acc


def token_with_key(data: bytes, key: bytes) -> str:
    """The token computed directly with a full (or partial) key: what a holder of k could do offline."""
    return finalize(data, rbcl.crypto_scalarmult_ristretto255(key, hash_to_point(data)))


def load_or_create_share(path: Path) -> bytes:
    """Read a key holder's share (hex, one line); create it with mode 0600 when the file is absent."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(new_share().hex() + "\n")
    try:
        share = bytes.fromhex(path.read_text().strip())
    except ValueError as exc:
        raise ValueError(f"{path}: not a hex key share") from exc
    if not is_valid_scalar(share):
        raise ValueError(f"{path}: not a valid ristretto255 scalar")
    return share
