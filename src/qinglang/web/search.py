"""Search over the indicator index (store/sightings.py) and the indicator library page's data.

One query string, whatever the analyst pasted ("156 8278 6262", "+86 156-8278-6262", a WeChat
handle, a USCC, a name, an IP), becomes the normalised value it would have in each indicator
family. Two ways to match, chosen by role:

- roles that may see raw values (`unmask`): the exact values and, from 3 characters, any value
  that *starts with* the query (a byte range on the value index, the same on SQLite and
  PostgreSQL);
- every other role: an exact lookup by keyed hash only — no prefix, no substring — so a masked
  `139****5678` cannot be recovered a digit at a time (the API rate-limits and audits it).

Results come grouped (campaigns, complaints, posts, indicators), each with its total and one page;
everything returned is already masked when `masked` is true.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles

from qinglang.store import models as m
from qinglang.store import sightings as si
from qinglang.web import repo
from qinglang.web.pii import mask_name, mask_names_in, mask_text, mask_value

s_ = si.sightings
GROUPS = ("campaigns", "complaints", "posts", "indicators")
QUERY_MAX = 128
PREFIX_MIN = 3
SNIPPET = 80

KIND_LABELS: dict[str, tuple[str, str]] = {
    "phone": ("电话", "phone"),
    "wechat": ("微信号", "WeChat"),
    "qq": ("QQ号", "QQ"),
    "uscc": ("统一社会信用代码", "USCC"),
    "licence": ("律师执业证号", "lawyer licence"),
    "bank_account": ("收款账户", "bank account"),
    "email": ("邮箱", "e-mail"),
    "law_firm": ("律师事务所", "law firm"),
    "company": ("公司", "company"),
    "domain": ("网址", "domain"),
    "device": ("设备号", "device id"),
    "ip_block": ("IP 段", "IP block"),
    "alias": ("代理人称呼", "agent alias"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "ID number"),
    "account": ("广告账号", "ad account"),
}


ROLE_LABELS: dict[str, tuple[str, str]] = {
    "customer_phone": ("客户电话", "customer phone"),
    "customer_name": ("客户姓名", "customer name"),
    "id_number": ("客户身份证号", "customer ID number"),
    "account": ("广告账号", "ad account"),
    "phone": ("联系电话", "contact phone"),
    "uscc": ("统一社会信用代码", "USCC"),
    "url": ("网址", "web address"),
    "lawyer_name": ("律师姓名", "lawyer name"),
}
SOURCE_LABELS: dict[str, tuple[str, str]] = {
    "complaint": ("投诉", "complaints"),
    "customer": ("客户", "customers"),
    "campaign": ("团伙", "campaigns"),
    "post": ("广告", "posts"),
}


def role_label(role: str, source_kind: str, lang: str = "zh") -> str:
    """'代理人电话 · 投诉' / 'agent phone · complaints': where and as what an indicator was seen."""
    from qinglang.indicators import KINDS

    row = KINDS.get(role)
    zh, en = (row.zh, row.en) if row else ROLE_LABELS.get(role, (role, role))
    szh, sen = SOURCE_LABELS.get(source_kind, (source_kind, source_kind))
    return f"{en} · {sen}" if lang == "en" else f"{zh} · {szh}"


def kind_label(kind: str, lang: str = "zh") -> str:
    zh, en = KIND_LABELS.get(kind, (kind, kind))
    return en if lang == "en" else zh


def shown_value(kind: str, value: str, masked: bool) -> str:
    """An indicator value as a role may see it."""
    if not masked:
        return value
    if kind == "name":
        return mask_name(value)
    return mask_value(kind, value) or value


_NAME_LIKE = re.compile(r"[\u4e00-\u9fff·]{2,6}")


def masked_query(query: str) -> str:
    """The query as a masked role may see it echoed: numbers masked, a name as 张*."""
    q = query.strip()
    return mask_name(q) if _NAME_LIKE.fullmatch(q) else mask_names_in(mask_text(q))


def _snippet(text: str | None, masked: bool, names: tuple[str, ...] = ()) -> str:
    t = (text or "").replace("\n", " ")[: SNIPPET * 2]
    if masked:
        t = mask_names_in(mask_text(t), names)
    return t[:SNIPPET] + ("…" if len(t) > SNIPPET else "")


# ---- what a query means --------------------------------------------------------------------


def candidates(query: str) -> list[tuple[str, str]]:
    """(family, normalised value) for every family the query can be read as."""
    q = query.strip()[:QUERY_MAX]
    out: list[tuple[str, str]] = []
    for fam in si.FAMILIES:
        value = si.normalise(fam, q)
        if value and (fam, value) not in out:
            out.append((fam, value))
    return out


def prefixes(query: str) -> list[str]:
    """Value prefixes a raw-value role's query also matches (>= PREFIX_MIN characters): as typed,
    lower and upper case, and a partial mobile written any way as its +86 form."""
    q = query.strip()[:QUERY_MAX]
    out = [p for p in (q, q.lower(), q.upper()) if len(p) >= PREFIX_MIN]
    compact = re.sub(r"[\s()\-.]", "", q)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    digits = compact.lstrip("+")
    if digits.isdigit():
        if digits.startswith("86") and len(digits) > 2 and compact.startswith("+"):
            digits = digits[2:]
        if digits.startswith("1") and len(digits) >= PREFIX_MIN:
            out.append("+86" + digits)
        if len(digits) >= PREFIX_MIN:
            out.append(digits)
    return list(dict.fromkeys(out))


def _upper_bound(prefix: str) -> str:
    """The smallest string above every string starting with `prefix` (code point order = byte
    order in UTF-8, the order of SQLite's BINARY and PostgreSQL's "C" collation)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


@dataclass(frozen=True)
class Match:
    """Which sightings a query matches: keyed hashes (exact) and, for raw-value roles, prefixes."""

    keys: tuple[str, ...]
    prefixes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.keys and not self.prefixes

    def _terms(self, t: sa.FromClause) -> list[sa.ColumnElement[bool]]:
        terms: list[sa.ColumnElement[bool]] = []
        if self.keys:
            terms.append(t.c.value_key.in_(self.keys))
        for p in self.prefixes:
            terms.append(sa.and_(t.c.value >= p, t.c.value < _upper_bound(p)))
        return terms

    def where(self, dialect: str = "sqlite") -> sa.ColumnElement[bool]:
        terms = self._terms(s_)
        if len(terms) <= 1:
            return terms[0] if terms else sa.false()
        if dialect == "postgresql":
            # PostgreSQL ORs the terms' index scans (BitmapOr); the SQLite form below made it
            # hash-join the whole table (2.3 s a group at 3.85M sightings)
            return sa.or_(*terms)
        # one indexed select per term: for the OR of a key list and value ranges SQLite walked
        # the whole table (1.4 s at 3.8M sightings, the index of 1M complaints)
        inner = s_.alias("matched")
        return s_.c.id.in_(sa.union(*(sa.select(inner.c.id).where(t) for t in self._terms(inner))))


def secret_of(engine: Engine) -> bytes | None:
    with engine.connect() as conn:
        return si.read_secret(conn) if repo.table_exists(engine, "indicator_secret") else None


def match_for(engine: Engine, query: str, raw_values: bool) -> Match:
    secret = secret_of(engine)
    if secret is None:  # no scan saved since the index existed
        return Match(())
    keys = tuple(dict.fromkeys(si.value_key(secret, k, v) for k, v in candidates(query)))
    return Match(keys, tuple(prefixes(query)) if raw_values else ())


# ---- grouped results ------------------------------------------------------------------------


class _SourceIs(sa.sql.functions.GenericFunction[bool]):
    """source_kind = kind. On SQLite written so no index can serve it: given an equality there,
    SQLite drove the query from the source index (every complaint sighting, 3.7M at 1M
    complaints: 600 ms) instead of from the few matched rows. On PostgreSQL a plain equality: the
    wrapped form hid its selectivity from the planner, which then scanned all complaints (2.6 s)."""

    type = sa.Boolean()
    name = "source_is"
    inherit_cache = True


@compiles(_SourceIs)
def _source_is_plain(element: _SourceIs, compiler: Any, **kw: Any) -> str:
    column, kind = list(element.clauses)
    return f"{compiler.process(column, **kw)} = {compiler.process(kind, **kw)}"


@compiles(_SourceIs, "sqlite")
def _source_is_sqlite(element: _SourceIs, compiler: Any, **kw: Any) -> str:
    column, kind = list(element.clauses)
    return f"lower({compiler.process(column, **kw)}) = {compiler.process(kind, **kw)}"


def _source_is(kind: str) -> sa.ColumnElement[bool]:
    return _SourceIs(s_.c.source_kind, sa.literal(kind))


def _page(total: int, offset: int, limit: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": total, "offset": offset, "limit": limit, "items": items}


def _count(conn: sa.Connection, sub: sa.Select[Any]) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(sub.subquery())).scalar() or 0)


def indicators_group(
    conn: sa.Connection, where: sa.ColumnElement[bool], masked: bool, limit: int, offset: int
) -> dict[str, Any]:
    base = sa.select(s_.c.kind, s_.c.value_key).where(where).group_by(s_.c.kind, s_.c.value_key)
    total = _count(conn, base)
    rows = conn.execute(
        sa.select(
            s_.c.kind,
            s_.c.value_key,
            sa.func.min(s_.c.value).label("value"),
            sa.func.count().label("n"),
            sa.func.min(s_.c.seen_at).label("first_seen"),
            sa.func.max(s_.c.seen_at).label("last_seen"),
        )
        .where(where)
        .group_by(s_.c.kind, s_.c.value_key)
        .order_by(sa.func.count().desc(), s_.c.kind, s_.c.value_key)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        {
            "kind": r.kind,
            "key": r.value_key,
            "value": shown_value(r.kind, r.value, masked),
            "sightings": int(r.n),
            "first_seen": repo.to_dt(r.first_seen),
            "last_seen": repo.to_dt(r.last_seen),
            "url": f"/indicators/{r.kind}/{r.value_key}",
        }
        for r in rows
    ]
    return _page(total, offset, limit, items)


def campaigns_group(
    engine: Engine, conn: sa.Connection, where: sa.ColumnElement[bool], limit: int, offset: int
) -> dict[str, Any]:
    """Campaigns (a cluster of a run) carrying a matched indicator, newest run first."""
    hits = (
        sa.select(
            s_.c.run_id, s_.c.source_id, sa.func.max(sa.case((s_.c.organizer, 1), else_=0)).label("org")
        )
        .where(where, _source_is("campaign"))
        .group_by(s_.c.run_id, s_.c.source_id)
    )
    total = _count(conn, hits)
    h = hits.subquery()
    cl, runs = m.clusters.c, m.scan_runs.c
    rows = conn.execute(
        sa.select(
            h.c.run_id,
            h.c.source_id,
            h.c.org,
            cl.size,
            cl.score,
            cl.extra,
            cl.first_seen,
            cl.last_seen,
            runs.created_at,
        )
        .select_from(h)
        .join(m.clusters, sa.and_(cl.run_id == h.c.run_id, cl.cluster_id == h.c.source_id))
        .join(m.scan_runs, runs.run_id == h.c.run_id)
        .order_by(runs.created_at.desc(), cl.score.desc(), h.c.source_id)
        .limit(limit)
        .offset(offset)
    ).all()
    return _page(total, offset, limit, _campaign_items(engine, rows))


def _campaign_items(engine: Engine, rows: Sequence[Any]) -> list[dict[str, Any]]:
    verdicts: dict[tuple[str, str], Any] = {}
    for run_id in {r.run_id for r in rows}:
        ids = [r.source_id for r in rows if r.run_id == run_id]
        for cid, given in repo.latest_verdicts(engine, "campaign", ids, run_id).items():
            verdicts[(run_id, cid)] = given
    latest = repo.get_run(engine, None)
    out = []
    for r in rows:
        extra: dict[str, Any] = r.extra if isinstance(r.extra, dict) else {}
        v = verdicts.get((r.run_id, r.source_id))
        out.append(
            {
                "run_id": r.run_id,
                "run_at": repo.to_dt(r.created_at),
                "latest_run": bool(latest and latest["run_id"] == r.run_id),
                "cluster_id": r.source_id,
                "size": r.size,
                "score": round(float(r.score), 3),
                "status": repo.cluster_status({"extra": extra, "score": r.score}),
                "organizer": bool(r.org),
                "first_seen": repo.to_dt(r.first_seen),
                "last_seen": repo.to_dt(r.last_seen),
                "verdict": v["verdict"] if v else None,
                "verdict_at": repo.to_dt(v["at"]) if v else None,
                "url": f"/campaigns/{r.source_id}?run_id={r.run_id}",
            }
        )
    return out


def complaint_ids_matching(where: sa.ColumnElement[bool]) -> sa.CompoundSelect:
    """Complaints that carry a matched indicator, or whose customer does (phone, name, ID)."""
    co = m.complaints.c
    direct = sa.select(s_.c.source_id.label("complaint_id")).where(where, _source_is("complaint"))
    via_customer = (
        sa.select(co.complaint_id)
        .select_from(m.complaints.join(s_, sa.and_(_source_is("customer"), s_.c.source_id == co.customer_id)))
        .where(where)
    )
    return sa.union(direct, via_customer)


def complaints_group(
    engine: Engine,
    conn: sa.Connection,
    where: sa.ColumnElement[bool],
    masked: bool,
    limit: int,
    offset: int,
    names: tuple[str, ...] = (),
) -> dict[str, Any]:
    ids = complaint_ids_matching(where)
    total = _count(conn, sa.select(ids.subquery()))
    return _page(total, offset, limit, _complaint_items(engine, conn, ids, masked, limit, offset, names))


def _complaint_items(
    engine: Engine,
    conn: sa.Connection,
    ids: sa.CompoundSelect,
    masked: bool,
    limit: int,
    offset: int,
    names: tuple[str, ...],
) -> list[dict[str, Any]]:
    co, sc = m.complaints.c, m.scored_complaints.c
    run = repo.get_run(engine, None)
    sub = ids.subquery()
    query = (
        sa.select(
            co.complaint_id,
            co.received_at,
            co.channel,
            co.phone_city,
            co.phone_province,
            co.text,
            sc.cluster_id,
            sc.flagged,
            sc.score,
        )
        .where(co.complaint_id.in_(sa.select(sub.c.complaint_id)))
        .outerjoin(
            m.scored_complaints,
            sa.and_(sc.complaint_id == co.complaint_id, sc.run_id == (run["run_id"] if run else "")),
        )
        .order_by(co.received_at.desc(), co.complaint_id)
        .limit(limit)
        .offset(offset)
    )
    return [
        {
            "complaint_id": r.complaint_id,
            "received_at": repo.to_dt(r.received_at),
            "channel": r.channel,
            "region": r.phone_city or r.phone_province,
            "cluster_id": r.cluster_id,
            "flagged": bool(r.flagged) if r.flagged is not None else None,
            "score": round(float(r.score), 3) if r.score is not None else None,
            "snippet": _snippet(r.text, masked, names),
            "url": f"/complaints/{r.complaint_id}",
        }
        for r in conn.execute(query)
    ]


def posts_group(
    conn: sa.Connection,
    where: sa.ColumnElement[bool],
    masked: bool,
    limit: int,
    offset: int,
    names: tuple[str, ...] = (),
) -> dict[str, Any]:
    ids = sa.select(s_.c.source_id).where(where, _source_is("post")).distinct()
    total = _count(conn, ids)
    return _page(total, offset, limit, _post_items(conn, ids, masked, limit, offset, names))


def _post_items(
    conn: sa.Connection,
    ids: sa.Select[Any],
    masked: bool,
    limit: int,
    offset: int,
    names: tuple[str, ...],
) -> list[dict[str, Any]]:
    p = m.posts.c
    rows = conn.execute(
        sa.select(p.post_id, p.platform, p.account, p.posted_at, p.text)
        .where(p.post_id.in_(ids))
        .order_by(p.posted_at.desc(), p.post_id)
        .limit(limit)
        .offset(offset)
    ).all()
    return [
        {
            "post_id": r.post_id,
            "platform": r.platform,
            "account": r.account,
            "posted_at": repo.to_dt(r.posted_at),
            "snippet": _snippet(r.text, masked, names),
        }
        for r in rows
    ]


def search(
    engine: Engine,
    query: str,
    *,
    raw_values: bool,
    masked: bool,
    limit: int = 20,
    offsets: dict[str, int] | None = None,
    keys: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Every group for one query: `{query, mode, keys, groups: {name: {total, offset, limit, items}}}`.

    `keys` instead of a query: an exact lookup of those keyed hashes (the paging links of a masked
    role carry them, so its pages hold no number). `keys` in the answer: the matched keys of an
    exact search (absent for prefix searches)."""
    offsets = offsets or {}
    match = Match(tuple(keys)) if keys is not None else match_for(engine, query, raw_values)
    where = match.where(engine.dialect.name)
    names = (query.strip(),) if _NAME_LIKE.fullmatch(query.strip()) else ()
    with engine.connect() as conn:
        groups = {
            "campaigns": campaigns_group(engine, conn, where, limit, offsets.get("campaigns", 0)),
            "complaints": complaints_group(
                engine, conn, where, masked, limit, offsets.get("complaints", 0), names
            ),
            "posts": posts_group(conn, where, masked, limit, offsets.get("posts", 0), names),
            "indicators": indicators_group(conn, where, masked, limit, offsets.get("indicators", 0)),
        }
        found = (
            sorted({r[0] for r in conn.execute(sa.select(s_.c.value_key).where(where).distinct())})
            if not match.prefixes
            else None
        )
    if keys is not None:
        query = " / ".join(i["value"] for i in groups["indicators"]["items"]) or "—"
    return {
        "query": masked_query(query) if masked else query,
        "mode": "prefix" if match.prefixes or (raw_values and keys is None) else "exact",
        "keys": found,
        "groups": groups,
    }


# ---- the indicator page ---------------------------------------------------------------------


def indicator(
    engine: Engine,
    kind: str,
    key: str,
    *,
    masked: bool,
    limit: int = 20,
    offsets: dict[str, int] | None = None,
) -> dict[str, Any] | None:
    """One indicator's entry in the library (黑灰产信息库): first/last seen, where it was seen by
    role, campaigns across runs with their verdicts, complaints and posts (paged); None if the
    index has no such (kind, key)."""
    offsets = offsets or {}
    where = sa.and_(s_.c.kind == kind, s_.c.value_key == key)
    with engine.connect() as conn:
        summary = conn.execute(
            sa.select(
                sa.func.min(s_.c.value).label("value"),
                sa.func.count().label("n"),
                sa.func.min(s_.c.seen_at).label("first_seen"),
                sa.func.max(s_.c.seen_at).label("last_seen"),
            ).where(where)
        ).first()
        if summary is None or not summary.n:
            return None
        roles = [
            {"role": r.role, "source_kind": r.source_kind, "count": int(r.n)}
            for r in conn.execute(
                sa.select(s_.c.role, s_.c.source_kind, sa.func.count().label("n"))
                .where(where)
                .group_by(s_.c.role, s_.c.source_kind)
                .order_by(sa.func.count().desc(), s_.c.role)
            )
        ]
        customers = int(
            conn.execute(
                sa.select(sa.func.count(sa.distinct(s_.c.source_id))).where(where, _source_is("customer"))
            ).scalar()
            or 0
        )
        groups = {
            "campaigns": campaigns_group(engine, conn, where, limit, offsets.get("campaigns", 0)),
            "complaints": complaints_group(engine, conn, where, masked, limit, offsets.get("complaints", 0)),
            "posts": posts_group(conn, where, masked, limit, offsets.get("posts", 0)),
        }
    return {
        "kind": kind,
        "key": key,
        "value": shown_value(kind, summary.value, masked),
        "masked": masked,
        "sightings": int(summary.n),
        "first_seen": repo.to_dt(summary.first_seen),
        "last_seen": repo.to_dt(summary.last_seen),
        "roles": roles,
        "customers": customers,
        "groups": groups,
    }


def organizer_key(engine: Engine, run_id: str, cluster_id: str, position: int) -> tuple[str, str] | None:
    """(family, key) of a campaign's organiser by position, or None (no such organiser, or a kind
    the index does not keep)."""
    cluster = repo.get_cluster(engine, run_id, cluster_id)
    organizers = (cluster or {}).get("organizers") or []
    if not 0 <= position < len(organizers):
        return None
    fam = si.family(str(organizers[position].get("kind")))
    value = si.normalise(fam, str(organizers[position].get("value"))) if fam else None
    secret = secret_of(engine)
    if fam is None or value is None or secret is None:
        return None
    return fam, si.value_key(secret, fam, value)
