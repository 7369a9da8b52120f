"""hub: after members file events, sightings, holdings and matches made of real OPRF tokens (two key
shares drawn here, the blinded protocol run in full), the hub's store and log hold none of the raw
values behind them: a SQLite dump, the file itself and the log on SQLite; every text column of
every table on PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from alliance_hub import hub
from alliance_kh import store_url

from qinglang.alliance import oprf
from qinglang.alliance.canonical import canonical_bytes, canonical_value

pytestmark = pytest.mark.slow

INDICATORS = [
    ("phone", "13912345678"),
    ("phone", "+86 186 0000 1234"),
    ("wechat", "Cuishou_Agent9"),
    ("qq", "88776655"),
    ("uscc", "91110000802100433B"),
    ("device", "dev-7F3A-99"),
    ("company", "惠民债务优化咨询有限公司"),
    ("law_firm", "北京盈科（上海）律师事务所"),
]
HOTLINE = ("phone", "400-820-8820")  # a lender's service line; 12378 / 95xxx cannot become a token at all


def _tokens(items, shares) -> list[str]:
    """The member's side of the protocol, both key holders' evaluations done with the shares here."""
    out = []
    for kind, value in items:
        x = canonical_bytes(kind, value)
        r, blinded = oprf.blind(oprf.hash_to_point(x))
        out.append(oprf.finalize(x, oprf.unblind_combine(r, [oprf.evaluate(k, blinded) for k in shares])))
    return out


def _needles(items, shares) -> set[bytes]:
    k = oprf.combine_shares(shares)
    out: set[bytes] = set()
    for kind, value in items:
        x = canonical_bytes(kind, value)
        p = oprf.hash_to_point(x)
        canon = canonical_value(kind, value)
        for s in {value, canon, canon.lstrip("+"), value.replace(" ", "")}:
            out |= {s.encode("utf-8"), s.encode("utf-16-le")}
        for b in (x, p, oprf.evaluate(k, p), *(oprf.evaluate(s, p) for s in shares)):
            out |= {b, b.hex().encode()}
    return out


def _pg_text(url: str) -> bytes:
    eng = sa.create_engine(url)
    chunks = []
    with eng.connect() as conn:
        schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
        cols = conn.execute(
            sa.text(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = :s "
                "AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')"
            ),
            {"s": schema},
        ).all()
        for table, col in cols:
            for (v,) in conn.execute(sa.text(f'SELECT "{col}"::text FROM "{table}"')):
                chunks.append((v or "").encode("utf-8"))
    eng.dispose()
    assert len(cols) >= 20  # every table's text columns were read
    return b"\n".join(chunks)


def test_short_service_numbers_cannot_become_phone_tokens():
    """12378 and 95xxx are not phone numbers to the canonical rule, so no member can share them as
    one; 400 lines and collectors' mobiles can, and the operator warninglists those."""
    for value in ("12378", "95588", "95188"):
        with pytest.raises(ValueError):
            canonical_bytes("phone", value)
    assert canonical_value("phone", "400-820-8820") == "+864008208820"


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_hub_store_and_log_hold_no_raw_value(db, tmp_path):
    shares = [oprf.new_share(), oprf.new_share()]
    tokens = _tokens(INDICATORS, shares)
    assert tokens == _tokens(INDICATORS, shares)  # deterministic: the blinding cancels out
    (hotline_token,) = _tokens([HOTLINE], shares)
    with store_url(db, tmp_path, prefix="hubpriv") as url, hub(tmp_path, url) as h:
        from qinglang.alliance import hub_store

        eng = hub_store.create_engine(url)
        hub_store.load_warninglist(eng, [hotline_token], "official_hotlines")
        eng.dispose()
        attrs = [(t, k) for t, (k, _v) in zip(tokens, INDICATORS, strict=True)] + [(hotline_token, "phone")]
        with h.client("lender-c") as c:
            c.put_holdings(tokens[:4])
        for m in ("lender-a", "lender-b"):
            with h.client(m) as c:
                c.submit_event(attrs, info="同一代理机构 / one agency", size=40, reason_codes=["agent_phone"])
        with h.client("lender-c") as c:
            assert {x["token"] for x in c.match(tokens)["matches"]} == set(tokens)
            assert len(c.alerts()) == 1
            c.sightings([(tokens[0], "seen")])
        with h.client("lender-d") as c:
            assert all(hotline_token not in str(ev) for ev in c.export_misp())
        needles = _needles([*INDICATORS, HOTLINE], shares)
        if db == "sqlite":
            path = url.removeprefix("sqlite:///")
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                dump = "\n".join(conn.iterdump()).encode()
            blobs = {"dump": dump, "file": open(path, "rb").read()}
        else:
            blobs = {"text columns": _pg_text(url)}
        blobs["log"] = h.log_file.read_bytes()
        store = next(iter(blobs.values()))
        assert tokens[0].encode() in store and b"lender-c" in store  # the scan reads real content
        hits = [(name, n[:24]) for name, blob in blobs.items() for n in needles if n in blob]
        assert hits == [], hits
