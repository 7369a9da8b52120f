"""Read-side queries over the store's scan tables (plain SQL, same on SQLite and PostgreSQL).

Rows come back as plain dicts with JSON columns decoded and times as aware datetimes, so the
API and the pages never see a dialect difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang import score
from qinglang.score import FLAG_THRESHOLD
from qinglang.web import campaign_identity, db

SHANGHAI = ZoneInfo("Asia/Shanghai")
_CHUNK = 500


def to_dt(value: Any) -> datetime | None:
    """Datetimes come back as text from SQLite and as datetimes from PostgreSQL."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt


def _rows(engine: Engine, sql: str, **params: Any) -> list[dict[str, Any]]:
    stmt = sa.text(sql)
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            stmt = stmt.bindparams(sa.bindparam(name, expanding=True))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt, params).mappings().all()]


def table_exists(engine: Engine, name: str) -> bool:
    return sa.inspect(engine).has_table(name)


# ---- scan runs ---------------------------------------------------------------------------


def _run(row: dict[str, Any]) -> dict[str, Any]:
    row["params"] = db.jload(row.get("params"), {})
    row["summary"] = db.jload(row.get("summary"), {})
    row["created_at"] = to_dt(row.get("created_at"))
    return row


def latest_run(engine: Engine) -> dict[str, Any] | None:
    rows = _rows(
        engine,
        "SELECT r.run_id, r.created_at, r.params, r.summary FROM scan_runs r "
        "WHERE EXISTS (SELECT 1 FROM scored_complaints s WHERE s.run_id = r.run_id) "
        "ORDER BY r.created_at DESC LIMIT 1",
    )
    return _run(rows[0]) if rows else None


def get_run(engine: Engine, run_id: str | None) -> dict[str, Any] | None:
    if run_id is None:
        return latest_run(engine)
    rows = _rows(
        engine, "SELECT run_id, created_at, params, summary FROM scan_runs WHERE run_id = :r", r=run_id
    )
    return _run(rows[0]) if rows else None


# ---- campaigns -----------------------------------------------------------------------------


def _cluster(row: dict[str, Any]) -> dict[str, Any]:
    for key, default in (("complaint_ids", []), ("indicators", []), ("organizers", []), ("extra", {})):
        if key in row:
            row[key] = db.jload(row[key], default)
    row["first_seen"] = to_dt(row.get("first_seen"))
    row["last_seen"] = to_dt(row.get("last_seen"))
    return row


def latest_verdicts(
    engine: Engine, target_kind: str, ids: Iterable[str], run_id: str | None = None
) -> dict[str, dict[str, Any]]:
    """Newest verdict per target id. Campaign ids are ranks within one scan run, so for a
    campaign (`run_id` given) the verdicts are those filed under its stable key or a key merged
    into it (web/campaign_identity.py): after a rescan C00002 may be another campaign and must
    not show the old one's confirmation, while the confirmed campaign shows it under its new rank."""
    ids = list(ids)
    out: dict[str, dict[str, Any]] = {}
    idents = campaign_identity.identities(engine, run_id, ids) if run_id is not None else {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        query = sa.select(db.verdicts).where(db.verdicts.c.target_kind == target_kind)
        if run_id is None:
            query = query.where(db.verdicts.c.target_id.in_(chunk))
        else:
            keys = [k for c in chunk for k in idents.get(c, campaign_identity.Identity(run_id, c)).keys]
            query = query.where(
                sa.or_(
                    db.verdicts.c.campaign_key.in_(keys or [""]),
                    sa.and_(
                        db.verdicts.c.campaign_key.is_(None),
                        db.verdicts.c.run_id == run_id,
                        db.verdicts.c.target_id.in_(chunk),
                    ),
                )
            )
        with engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query.order_by(db.verdicts.c.id)).mappings()]
        if run_id is None:
            for r in rows:
                out[r["target_id"]] = r
            continue
        for c in chunk:
            ident = idents.get(c, campaign_identity.Identity(run_id, c))
            for r in rows:
                if campaign_identity.row_belongs(r, ident):
                    out[c] = r
    return out


# "changes" puts what the analyst has not seen first: campaigns new since the previous scan
# (new, split, merged) and those that gained members, then the rest; each part by score.
_CLUSTER_ORDER = {
    "score": "c.score DESC, c.size DESC, c.cluster_id",
    "changes": "CASE WHEN l.previous_run_id IS NOT NULL AND (l.relation <> 'continued' OR l.added > 0)"
    " THEN 0 ELSE 1 END, c.score DESC, c.size DESC, c.cluster_id",
}
CLUSTER_ORDERS = tuple(_CLUSTER_ORDER)


def list_clusters(
    engine: Engine, run_id: str, limit: int = 100, offset: int = 0, order: str = "score"
) -> list[dict[str, Any]]:
    """One page of a run's clusters with their newest verdict and stable campaign key."""
    rows = _rows(
        engine,
        "SELECT c.run_id, c.cluster_id, c.size, c.score, c.first_seen, c.last_seen, c.template, c.complaint_ids,"
        " c.indicators, c.organizers, c.extra, l.campaign_key FROM clusters c LEFT JOIN cluster_lineage l"
        " ON l.run_id = c.run_id AND l.cluster_id = c.cluster_id WHERE c.run_id = :r"
        f" ORDER BY {_CLUSTER_ORDER[order]} LIMIT :l OFFSET :o",
        r=run_id,
        l=limit,
        o=offset,
    )
    clusters = [_cluster(r) for r in rows]
    verdicts = latest_verdicts(engine, "campaign", [c["cluster_id"] for c in clusters], run_id)
    for c in clusters:
        c["verdict"] = verdicts.get(c["cluster_id"])
    return clusters


def cluster_status(cluster: dict[str, Any], threshold: float = FLAG_THRESHOLD) -> str:
    """campaign / incident / watch / cluster; runs saved before statuses existed: by score."""
    status = (cluster.get("extra") or {}).get("status")
    if status:
        return str(status)
    return "campaign" if float(cluster.get("score") or 0.0) >= threshold else "cluster"


def incident_clusters(engine: Engine, run_id: str) -> list[dict[str, Any]]:
    """The run's incidents (a burst of genuine grievances about one fault), biggest first."""
    rows = _rows(
        engine,
        "SELECT cluster_id, size, score, first_seen, last_seen, template, extra FROM clusters WHERE run_id = :r",
        r=run_id,
    )
    out = [_cluster(r) for r in rows]
    out = [c for c in out if cluster_status(c) == "incident"]
    return sorted(out, key=lambda c: (-c["size"], c["cluster_id"]))


def count_clusters(engine: Engine, run_id: str) -> int:
    return int(_rows(engine, "SELECT COUNT(*) AS n FROM clusters WHERE run_id = :r", r=run_id)[0]["n"])


def get_cluster(engine: Engine, run_id: str, cluster_id: str) -> dict[str, Any] | None:
    rows = _rows(
        engine,
        "SELECT * FROM clusters WHERE run_id = :r AND cluster_id = :c",
        r=run_id,
        c=cluster_id,
    )
    return _cluster(rows[0]) if rows else None


def top_reasons(engine: Engine, run_id: str, complaint_ids: list[str], n: int = 3) -> list[dict[str, Any]]:
    """The reason codes that carry the most weight across these complaints."""
    return reason_summary(scored_for(engine, run_id, complaint_ids), n)


def reason_summary(scored: dict[str, dict[str, Any]], n: int = 3) -> list[dict[str, Any]]:
    """The `n` reason codes with the most weight over scored complaints, with counts and a sample detail."""
    return score.reason_summary((s["reasons"] for s in scored.values()), n)


# ---- complaints ----------------------------------------------------------------------------


def _complaint(row: dict[str, Any]) -> dict[str, Any]:
    row["attachments"] = db.jload(row.get("attachments"), []) or []
    row["received_at"] = to_dt(row.get("received_at"))
    return row


LIGHT_COLUMNS = (
    "complaint_id, received_at, channel, customer_id, phone_raw, phone_e164, phone_province, phone_city, "
    "ip, device_id, attachments"
)


def complaints_by_ids(engine: Engine, ids: list[str], columns: str = "*") -> list[dict[str, Any]]:
    """Complaints in time order; `columns=LIGHT_COLUMNS` leaves the texts out (big campaigns)."""
    out: list[dict[str, Any]] = []
    for i in range(0, len(ids), _CHUNK):
        out += [
            _complaint(r)
            for r in _rows(
                engine,
                f"SELECT {columns} FROM complaints WHERE complaint_id IN :ids",
                ids=ids[i : i + _CHUNK],
            )
        ]
    out.sort(key=lambda r: (r["received_at"] or datetime.min.replace(tzinfo=UTC), r["complaint_id"]))
    return out


def scores_for(engine: Engine, run_id: str, ids: list[str]) -> dict[str, float]:
    """complaint id -> its score in the run, without the reasons (cheap for a big campaign)."""
    out: dict[str, float] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in _rows(
            engine,
            "SELECT complaint_id, score FROM scored_complaints WHERE run_id = :r AND complaint_id IN :ids",
            r=run_id,
            ids=ids[i : i + _CHUNK],
        ):
            out[r["complaint_id"]] = float(r["score"])
    return out


def scored_for(engine: Engine, run_id: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in _rows(
            engine,
            "SELECT complaint_id, score, flagged, cluster_id, reasons FROM scored_complaints "
            "WHERE run_id = :r AND complaint_id IN :ids",
            r=run_id,
            ids=ids[i : i + _CHUNK],
        ):
            r["reasons"] = db.jload(r["reasons"], []) or []
            r["flagged"] = bool(r["flagged"])
            out[r["complaint_id"]] = r
    return out


def get_complaint(engine: Engine, complaint_id: str) -> dict[str, Any] | None:
    rows = _rows(engine, "SELECT * FROM complaints WHERE complaint_id = :c", c=complaint_id)
    if rows:
        return _complaint(rows[0])
    sub = latest_submission(engine, complaint_id)
    if sub is None:
        return None
    c = dict(sub["complaint"])
    c["received_at"] = to_dt(c.get("received_at"))
    c.setdefault("attachments", [])
    c["phone_raw"] = c.get("phone")
    c["submitted"] = True
    return c


def latest_submission(engine: Engine, complaint_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = (
            conn.execute(
                sa.select(db.submissions)
                .where(db.submissions.c.complaint_id == complaint_id)
                .order_by(db.submissions.c.id.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
    if row is None:
        return None
    d = dict(row)
    d["complaint"] = db.jload(d["complaint"], {})
    d["reasons"] = db.jload(d["reasons"], [])
    return d


def customer_names(engine: Engine, customer_ids: Iterable[Any]) -> dict[str, str]:
    """customer id -> name, for the ids that have one (one query per 500 ids)."""
    ids = list(dict.fromkeys(str(c) for c in customer_ids if c))
    out: dict[str, str] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in _rows(
            engine,
            "SELECT customer_id, name FROM customers WHERE customer_id IN :ids",
            ids=ids[i : i + _CHUNK],
        ):
            if r.get("name"):
                out[r["customer_id"]] = str(r["name"])
    return out


def get_customer(engine: Engine, customer_id: str | None) -> dict[str, Any] | None:
    if not customer_id:
        return None
    rows = _rows(engine, "SELECT * FROM customers WHERE customer_id = :c", c=customer_id)
    if not rows:
        return None
    row = rows[0]
    row["extra"] = db.jload(row.get("extra"), {}) or {}
    return row


def customer_history(engine: Engine, customer_id: str | None, limit: int = 20) -> list[dict[str, Any]]:
    if not customer_id:
        return []
    return [
        _complaint(r)
        for r in _rows(
            engine,
            "SELECT complaint_id, received_at, channel FROM complaints WHERE customer_id = :c "
            "ORDER BY received_at DESC LIMIT :l",
            c=customer_id,
            l=limit,
        )
    ]


def complaints_unflagged(engine: Engine, run_id: str, limit: int) -> list[dict[str, Any]]:
    """The newest complaints the scan did NOT flag: candidates for the genuine quick lane."""
    rows = _rows(
        engine,
        # CROSS JOIN keeps SQLite walking complaints newest-first on the received_at index and
        # stopping at the limit, instead of sorting every unflagged row (PostgreSQL plans it freely)
        "SELECT c.complaint_id, c.received_at, c.channel, c.customer_id, c.text, s.score, s.reasons "
        "FROM complaints c CROSS JOIN scored_complaints s "
        "WHERE s.run_id = :r AND s.complaint_id = c.complaint_id AND s.flagged = :f "
        "ORDER BY c.received_at DESC LIMIT :l",
        r=run_id,
        f=False,
        l=limit,
    )
    for r in rows:
        r["received_at"] = to_dt(r["received_at"])
        r["reasons"] = db.jload(r["reasons"], []) or []
    return rows


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def submissions_unflagged(engine: Engine, limit: int) -> list[dict[str, Any]]:
    """Complaints submitted online that scored below the flag: they join the quick lane at once,
    without waiting for the next batch scan."""
    with engine.connect() as conn:
        rows = (
            conn.execute(
                sa.select(db.submissions)
                .where(db.submissions.c.flagged == sa.false())
                .order_by(db.submissions.c.id.desc())
                .limit(limit)
            )
            .mappings()
            .all()
        )
    out = []
    for r in rows:
        c = db.jload(r["complaint"], {}) or {}
        out.append(
            {
                "complaint_id": r["complaint_id"],
                "received_at": to_dt(c.get("received_at")) or to_dt(r["at"]),
                "channel": c.get("channel"),
                "customer_id": c.get("customer_id"),
                "text": c.get("text") or "",
                "score": r["score"],
                "reasons": db.jload(r["reasons"], []) or [],
            }
        )
    return out


def complaints_with_value(engine: Engine, value: str, limit: int = 200) -> list[dict[str, Any]]:
    """Complaints whose phone / IP / device equals `value` or whose text mentions it
    (a +86 number is also looked for in its national form, as people write it)."""
    national = value[3:] if value.startswith("+86") else value
    rows = _rows(
        engine,
        "SELECT complaint_id, received_at, channel, phone_e164, phone_city FROM complaints "
        "WHERE phone_e164 = :v OR phone_raw = :v OR ip = :v OR device_id = :v "
        "OR text LIKE :like ESCAPE '\\' OR text LIKE :like2 ESCAPE '\\' "
        "ORDER BY received_at LIMIT :l",
        v=value,
        like=_like(value),
        like2=_like(national),
        l=limit,
    )
    for r in rows:
        r["received_at"] = to_dt(r["received_at"])
    return rows


def clusters_with_indicator(engine: Engine, run_id: str, value: str) -> list[dict[str, Any]]:
    """Campaigns of a run whose indicator or organiser list carries `value`."""
    out = []
    for r in _rows(
        engine,
        "SELECT cluster_id, size, score, indicators, organizers FROM clusters WHERE run_id = :r",
        r=run_id,
    ):
        inds = db.jload(r["indicators"], []) or []
        orgs = db.jload(r["organizers"], []) or []
        if any(i.get("value") == value for i in inds) or any(o.get("value") == value for o in orgs):
            out.append({"cluster_id": r["cluster_id"], "size": r["size"], "score": r["score"]})
    return out


def _for_target(engine: Engine, table: sa.Table, target_kind: str, target_id: str) -> list[dict[str, Any]]:
    """Rows of a notes-or-verdicts table about one target, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(table)
            .where(table.c.target_kind == target_kind, table.c.target_id == target_id)
            .order_by(table.c.id)
        ).mappings()
        return [dict(r) for r in rows]


def notes_for(
    engine: Engine, target_kind: str, target_id: str, run_id: str | None = None
) -> list[dict[str, Any]]:
    """Notes about one target, oldest first; for a campaign (`run_id` given), those filed under
    its stable key (see latest_verdicts)."""
    if target_kind != "campaign" or run_id is None:
        return _for_target(engine, db.notes, target_kind, target_id)
    return _campaign_rows(engine, db.notes, campaign_identity.identity(engine, run_id, target_id))


def verdict_history(
    engine: Engine, target_kind: str, target_id: str, run_id: str | None = None
) -> list[dict[str, Any]]:
    """Verdicts about one target, oldest first; for a campaign, those filed under its stable key."""
    if target_kind != "campaign" or run_id is None:
        return _for_target(engine, db.verdicts, target_kind, target_id)
    return _campaign_rows(engine, db.verdicts, campaign_identity.identity(engine, run_id, target_id))


def _campaign_rows(
    engine: Engine, table: sa.Table, ident: campaign_identity.Identity
) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(table)
            .where(table.c.target_kind == "campaign", campaign_identity.belongs(table, ident))
            .order_by(table.c.id)
        ).mappings()
        return [dict(r) for r in rows]


def materials_for(out_dir: str | None, attachments: Iterable[str]) -> list[dict[str, Any]]:
    """Findings of the materials check (materials_scored.jsonl in the scan's out dir) for these files."""
    import json

    if not out_dir:
        return []
    path = Path(out_dir) / "materials_scored.jsonl"
    if not path.is_file():
        return []
    wanted = {str(a) for a in attachments}
    names = {Path(a).name for a in wanted}
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            f = str(rec.get("file", ""))
            if f in wanted or Path(f).name in names or any(f.endswith(w) for w in wanted):
                out.append(rec)
    return out


def material_path(run: dict[str, Any] | None, file: str) -> Path | None:
    """Where a materials finding's file lies: as written, or relative to the scan's out dir or to
    the folder of the scanned complaints (the scan resolves attachments against that folder)."""
    if not file:
        return None
    params = (run or {}).get("params") or {}
    bases = [Path(".")]
    if params.get("out_dir"):
        bases.append(Path(params["out_dir"]))
    if params.get("complaints"):
        src = Path(params["complaints"]).parent
        bases += [src, src.parent]
    for base in bases:
        candidate = base / file
        if candidate.is_file():
            return candidate
    return None


def local_time(value: datetime | str | None) -> str:
    """Beijing time for people; naive values from SQLite are UTC as stored."""
    dt = to_dt(value)
    if dt is None:
        return ""
    return dt.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def quick_lane_page(
    engine: Engine, run_id: str, limit: int, offset: int, exclude: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """One page of every complaint that needs a fast answer: marked genuine by an analyst (even if
    the scan flagged it: a genuine verdict takes it out of its campaign), or urgent
    (`complaints.urgency` > 0) and not flagged by the scan, and not yet answered or judged a
    campaign member; genuine first, then by urgency, then oldest first (the closest to its SLA).
    `exclude`: ids shown from elsewhere (online submissions). Totals: `lane_totals`."""
    if limit <= 0:
        return []
    rows = _rows(
        engine,
        _LANE
        + ", page AS (SELECT complaint_id, genuine, urgency, received_at FROM lane WHERE complaint_id NOT IN :ex"
        "  ORDER BY genuine DESC, urgency DESC, received_at ASC, complaint_id LIMIT :l OFFSET :o)"
        " SELECT c.complaint_id, c.received_at, c.channel, c.customer_id, c.text, c.urgency,"
        "  s.score, s.flagged, page.genuine FROM page JOIN complaints c ON c.complaint_id = page.complaint_id"
        " LEFT JOIN scored_complaints s ON s.complaint_id = c.complaint_id AND s.run_id = :r"
        " ORDER BY page.genuine DESC, page.urgency DESC, page.received_at ASC, page.complaint_id",
        r=run_id,
        f=False,
        l=limit,
        o=offset,
        ex=list(exclude) or [""],
    )
    for r in rows:
        r["received_at"] = to_dt(r["received_at"])
    return rows


def lane_totals(engine: Engine, run_id: str, exclude: Sequence[str] = ()) -> tuple[int, int]:
    """(complaints in the stored lane, of which marked genuine)."""
    rows = _rows(
        engine,
        _LANE
        + " SELECT COUNT(*) AS total, SUM(genuine) AS genuine_total FROM lane WHERE complaint_id NOT IN :ex",
        r=run_id,
        f=False,
        ex=list(exclude) or [""],
    )
    return (int(rows[0]["total"] or 0), int(rows[0]["genuine_total"] or 0)) if rows else (0, 0)


# The lane's members with what orders them — no texts: at 1M complaints the lane holds tens of
# thousands, and carrying every text through the sort made one page take seconds. The page query
# reads texts for its own rows only; the totals query counts.
_LANE = (
    "WITH lv AS ("
    " SELECT v.target_id, v.verdict FROM wb_verdicts v JOIN ("
    "  SELECT target_id, MAX(id) AS mid FROM wb_verdicts WHERE target_kind = 'complaint'"
    "  GROUP BY target_id) m ON v.id = m.mid),"
    " lane AS ("
    " SELECT c.complaint_id, c.received_at, c.urgency, 1 AS genuine"
    " FROM lv JOIN complaints c ON c.complaint_id = lv.target_id WHERE lv.verdict = 'genuine'"
    " UNION ALL"  # two parts, so the urgent part reads the urgency index, not every complaint
    " SELECT c.complaint_id, c.received_at, c.urgency, 0 AS genuine"
    " FROM complaints c"
    " LEFT JOIN scored_complaints s ON s.complaint_id = c.complaint_id AND s.run_id = :r"
    " LEFT JOIN lv ON lv.target_id = c.complaint_id"
    " WHERE c.urgency > 0 AND lv.verdict IS NULL AND (s.flagged IS NULL OR s.flagged = :f))"
)


def lineage_for_run(engine: Engine, run_id: str) -> dict[str, dict[str, Any]]:
    """cluster id -> how it relates to the previous scan run (store/lineage.py), for one run."""
    if not table_exists(engine, "cluster_lineage"):
        return {}
    out = {}
    for r in _rows(engine, "SELECT * FROM cluster_lineage WHERE run_id = :r", r=run_id):
        r["previous"] = db.jload(r["previous"], []) or []
        r["new_indicators"] = db.jload(r["new_indicators"], []) or []
        r["absorbed_keys"] = db.jload(r.get("absorbed_keys"), []) or []
        out[r["cluster_id"]] = r
    return out
