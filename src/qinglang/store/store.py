"""The operational store: one object wrapping an engine, migrated to head when opened.

Writes are insert-or-skip (INSERT ... ON CONFLICT DO NOTHING) keyed on the natural ids, in
batches that each commit on their own. So re-ingesting a file changes nothing, and a process
killed midway leaves whole batches behind that a rerun simply skips over.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Date, Engine, Table, create_engine, event, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from qinglang.config import default_db_url
from qinglang.schema import Complaint, Customer, Post, QuarantinedRow
from qinglang.store import models as m
from qinglang.store.models import UTCDateTime
from qinglang.store.rows import (
    complaint_row,
    customer_row,
    post_row,
    quarantine_row,
    to_complaint,
    to_customer,
    to_post,
    to_quarantined,
)

DEFAULT_BATCH = 5000
MIGRATIONS = "qinglang.store:migrations"
HEAD = "head"


class StoreError(RuntimeError):
    """The store cannot be opened (bad URL, unreachable server, unknown driver)."""


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web workbench) never block the ingest
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints, consistent always
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite files the parent directory is created first."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(f"invalid database URL {url!r}: {exc}") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, **kwargs)
    except Exception as exc:  # NoSuchModuleError, ArgumentError, missing driver
        raise StoreError(
            f"cannot use database URL {parsed.render_as_string(hide_password=True)!r}: {exc}"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Run the packaged Alembic migrations up to `revision` on `engine`."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _insert_ignore(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert rows, skipping those whose key already exists; returns how many were inserted."""
    if not rows:
        return 0
    name = conn.dialect.name
    if name == "sqlite":
        return _sqlite_insert_ignore(conn, table, rows)
    if name == "postgresql":
        if conn.dialect.driver == "psycopg" and len(rows) >= COPY_MIN_ROWS:
            return _pg_copy_insert_ignore(conn, table, rows)
        # psycopg's executemany reports no rowcount; RETURNING (batched by SQLAlchemy's
        # "insertmanyvalues" into multi-row INSERTs) yields exactly the rows inserted.
        pk = list(table.primary_key.columns)[0]
        stmt = pg_insert(table).on_conflict_do_nothing().returning(pk)
        return len(conn.execute(stmt, list(rows)).all())
    # Other dialects: row by row with savepoints (correct, slower).
    n = 0
    for row in rows:
        try:
            with conn.begin_nested():
                conn.execute(insert(table), [row])
            n += 1
        except IntegrityError:
            pass
    return n


def _sqlite_converter(column: Any) -> Any:
    """Python value -> the exact value SQLAlchemy's SQLite types would store."""
    t = column.type
    if isinstance(t, UTCDateTime):
        return lambda v: None if v is None else v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(t, JSON):
        return lambda v: None if v is None else json.dumps(v)
    if isinstance(t, Date):
        return lambda v: None if v is None else v.isoformat()
    return None


def _sqlite_insert_ignore(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """INSERT OR IGNORE via the driver's executemany: the same rows the Core insert would
    write, without per-parameter type processing (about 3x less CPU on bulk ingests)."""
    cols = list(rows[0].keys())
    convert = [(_sqlite_converter(table.c[c])) for c in cols]
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING'
    params = [tuple(f(r[c]) if f else r[c] for c, f in zip(cols, convert, strict=True)) for r in rows]
    result = conn.exec_driver_sql(sql, params)
    return max(result.rowcount, 0)


COPY_MIN_ROWS = 200


def _pg_copy_insert_ignore(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """Bulk insert-or-skip on PostgreSQL: COPY into a session temp table, then one
    INSERT ... SELECT ... ON CONFLICT DO NOTHING. Several times faster than multi-row INSERTs
    for large batches, and its rowcount is exactly the number of rows inserted."""
    from psycopg.types.json import Jsonb

    cols = list(rows[0].keys())
    names = ", ".join(f'"{c}"' for c in cols)
    tmp = f"_ingest_{table.name}_{hashlib.blake2b(names.encode(), digest_size=4).hexdigest()}"
    raw = conn.connection.driver_connection
    assert raw is not None  # a live psycopg connection under this pooled one
    json_cols = {c for c in cols if isinstance(table.c[c].type, JSON)}
    with raw.cursor() as cur:
        cur.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{tmp}" ON COMMIT DELETE ROWS '
            f'AS SELECT {names} FROM "{table.name}" WITH NO DATA'
        )
        cur.execute(f'TRUNCATE "{tmp}"')
        with cur.copy(f'COPY "{tmp}" ({names}) FROM STDIN') as copy:
            for r in rows:
                copy.write_row(
                    tuple(Jsonb(r[c]) if c in json_cols and r[c] is not None else r[c] for c in cols)
                )
        cur.execute(
            f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM "{tmp}" ON CONFLICT DO NOTHING'
        )
        inserted = cur.rowcount
        cur.execute(f'TRUNCATE "{tmp}"')
    return max(inserted, 0)


def _now() -> datetime:
    return datetime.now(UTC)


RUNNING, FINISHED, INTERRUPTED = "running", "finished", "interrupted"
# No heartbeat for this long: the run is dead even if its pid cannot be checked (another host).
# A batch normally commits within seconds.
STALE_AFTER = timedelta(minutes=10)
_HOST = socket.gethostname()[:255]
_RUN_COUNTS = ("read", "accepted", "duplicates", "quarantined", "inserted", "by_reason")


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host (signal 0 checks without sending)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive under another user; anything else: assume alive
        return True
    return True


def _run_is_dead(
    host: str | None, pid: int | None, last_seen: datetime, now: datetime, stale_after: timedelta
) -> bool:
    if last_seen.tzinfo is None:
        last_seen = last_seen.replace(tzinfo=UTC)
    if now - last_seen > stale_after:
        return True
    return host == _HOST and pid is not None and pid > 0 and pid != os.getpid() and not _pid_alive(pid)


def _unpack(items: Iterable[Any]) -> Iterator[tuple[int | None, Any, str | None]]:
    """Accept records, (line, record) pairs or (line, record, content_hash) triples."""
    for item in items:
        if isinstance(item, tuple):
            if len(item) == 3:
                yield item[0], item[1], item[2]
            else:
                yield item[0], item[1], None
        else:
            yield None, item, None


class Store:
    """The store API used by ingest, scan and web. Open it with open_store(url)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- writing -------------------------------------------------------------------------
    def write_batch(self, batch: Mapping[Table, Sequence[Mapping[str, Any]]]) -> dict[str, int]:
        """Insert-or-skip rows into several tables in ONE transaction; counts inserted per table."""
        out: dict[str, int] = {}
        with self.engine.begin() as conn:
            for table, rows in batch.items():
                out[table.name] = _insert_ignore(conn, table, rows)
        return out

    def _add(
        self, table: Table, to_row: Any, items: Iterable[Any], source_file: str | None, batch_size: int
    ) -> int:
        inserted = 0
        buf: list[dict[str, Any]] = []
        now = _now()
        for line, record, digest in _unpack(items):
            buf.append(to_row(record, source_file, line, now, digest))
            if len(buf) >= batch_size:
                inserted += self.write_batch({table: buf})[table.name]
                buf = []
                now = _now()
        if buf:
            inserted += self.write_batch({table: buf})[table.name]
        return inserted

    def add_complaints(
        self,
        records: Iterable[Complaint | tuple],
        source_file: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> int:
        """Insert complaints not yet stored (by complaint_id). Items are Complaint or
        (line, Complaint[, content_hash]). Commits every batch_size rows; returns rows inserted."""
        return self._add(m.complaints, complaint_row, records, source_file, batch_size)

    def add_customers(
        self,
        records: Iterable[Customer | tuple],
        source_file: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> int:
        return self._add(m.customers, customer_row, records, source_file, batch_size)

    def add_posts(
        self,
        records: Iterable[Post | tuple],
        source_file: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> int:
        return self._add(m.posts, post_row, records, source_file, batch_size)

    def add_quarantine(self, rows: Iterable[QuarantinedRow], *, batch_size: int = DEFAULT_BATCH) -> int:
        """Keep rejected rows; unique on (kind, source_file, line) so a re-run adds nothing."""
        inserted = 0
        buf: list[dict[str, Any]] = []
        now = _now()
        for q in rows:
            buf.append(quarantine_row(q, now))
            if len(buf) >= batch_size:
                inserted += self.write_batch({m.quarantine: buf})["quarantine"]
                buf = []
        if buf:
            inserted += self.write_batch({m.quarantine: buf})["quarantine"]
        return inserted

    # -- ingest runs -----------------------------------------------------------------------
    # A run is `running` from start_ingest_run until finish_ingest_run (`finished`) or
    # interrupt_ingest_run (`interrupted`: the ingest raised). A process killed outright
    # (SIGKILL, power loss) cannot say so itself: mark_interrupted_runs, called when a run
    # starts and when runs are listed, marks a running run `interrupted` when its process is
    # gone (same host, pid no longer alive) or its heartbeat (refreshed at every committed
    # batch) is older than STALE_AFTER.

    def start_ingest_run(self, kind: str, source_file: str) -> int:
        """Record a new running ingest (after marking dead ones interrupted); returns its id."""
        self.mark_interrupted_runs()
        now = _now()
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(m.ingest_runs).values(
                    started_at=now,
                    kind=kind,
                    source_file=source_file,
                    read=0,
                    accepted=0,
                    duplicates=0,
                    quarantined=0,
                    inserted=0,
                    status=RUNNING,
                    host=_HOST,
                    pid=os.getpid(),
                    heartbeat_at=now,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def _update_run(self, run_id: int, counts: Mapping[str, Any], **values: Any) -> None:
        values.update({k: counts[k] for k in _RUN_COUNTS if k in counts})
        with self.engine.begin() as conn:
            conn.execute(
                m.ingest_runs.update()
                .where(m.ingest_runs.c.id == run_id, m.ingest_runs.c.finished_at.is_(None))
                .values(**values)
            )

    def ingest_run_progress(self, run_id: int, counts: Mapping[str, Any]) -> None:
        """Heartbeat of a running ingest: counts so far; a live run wrongly marked stale
        becomes running again."""
        self._update_run(run_id, counts, heartbeat_at=_now(), status=RUNNING)

    def interrupt_ingest_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        """The ingest stopped on an error: what it got through is kept, the run is interrupted."""
        self._update_run(run_id, counts, heartbeat_at=_now(), status=INTERRUPTED)

    def finish_ingest_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        now = _now()
        self._update_run(run_id, counts, finished_at=now, heartbeat_at=now, status=FINISHED)

    def mark_interrupted_runs(self, *, stale_after: timedelta | None = None) -> list[int]:
        """Mark running ingests whose process is dead as interrupted; returns their ids."""
        runs = m.ingest_runs.c
        now = _now()
        limit = STALE_AFTER if stale_after is None else stale_after
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(runs.id, runs.host, runs.pid, runs.heartbeat_at, runs.started_at).where(
                    runs.finished_at.is_(None), runs.status == RUNNING
                )
            ).all()
            dead = [
                r.id for r in rows if _run_is_dead(r.host, r.pid, r.heartbeat_at or r.started_at, now, limit)
            ]
            if dead:
                conn.execute(
                    m.ingest_runs.update()
                    .where(runs.id.in_(dead), runs.status == RUNNING, runs.finished_at.is_(None))
                    .values(status=INTERRUPTED)
                )
        return dead

    def ingest_runs(self, limit: int = 100) -> list[dict[str, Any]]:
        """The latest ingest runs, newest first, with their status (dead runs marked first)."""
        self.mark_interrupted_runs()
        stmt = select(m.ingest_runs).order_by(m.ingest_runs.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    # -- reading -------------------------------------------------------------------------
    def iter_complaints(self, *, batch_size: int = 2000) -> Iterator[Complaint]:
        """All stored complaints, oldest first (received_at, then complaint_id), streamed."""
        stmt = select(m.complaints).order_by(m.complaints.c.received_at, m.complaints.c.complaint_id)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(stmt)
            for row in result:
                yield to_complaint(row)

    def iter_customers(self) -> Iterator[Customer]:
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=2000).execute(
                select(m.customers).order_by(m.customers.c.customer_id)
            )
            for row in result:
                yield to_customer(row)

    def iter_posts(self) -> Iterator[Post]:
        with self.engine.connect() as conn:
            stmt = select(m.posts).order_by(m.posts.c.posted_at, m.posts.c.post_id)
            for row in conn.execution_options(yield_per=2000).execute(stmt):
                yield to_post(row)

    def _get(self, table: Table, key_col: str, key: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(select(table).where(table.c[key_col] == key)).first()

    def get_complaint(self, complaint_id: str) -> Complaint | None:
        row = self._get(m.complaints, "complaint_id", complaint_id)
        return to_complaint(row) if row is not None else None

    def get_customer(self, customer_id: str) -> Customer | None:
        row = self._get(m.customers, "customer_id", customer_id)
        return to_customer(row) if row is not None else None

    def get_post(self, post_id: str) -> Post | None:
        row = self._get(m.posts, "post_id", post_id)
        return to_post(row) if row is not None else None

    def stored_versions(
        self, table: str, ids: Sequence[str]
    ) -> dict[str, tuple[str, str | None, int | None]]:
        """id -> (content_hash, source_file, source_line) of the rows of `table` already stored."""
        t = m.Base.metadata.tables[table]
        key = list(t.primary_key.columns)[0]
        out: dict[str, tuple[str, str | None, int | None]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 1000):
                chunk = list(ids[i : i + 1000])
                stmt = select(key, t.c.content_hash, t.c.source_file, t.c.source_line).where(key.in_(chunk))
                for row in conn.execute(stmt):
                    out[row[0]] = (row[1], row[2], row[3])
        return out

    def quarantined(self, kind: str | None = None) -> list[QuarantinedRow]:
        stmt = select(m.quarantine).order_by(
            m.quarantine.c.kind, m.quarantine.c.source_file, m.quarantine.c.line
        )
        if kind is not None:
            stmt = stmt.where(m.quarantine.c.kind == kind)
        with self.engine.connect() as conn:
            return [to_quarantined(r) for r in conn.execute(stmt)]

    def count(self, table: str) -> int:
        t = m.Base.metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t)).scalar_one())

    def counts(self) -> dict[str, int]:
        """Row counts of the ingestion and scan tables."""
        names = (
            "complaints",
            "customers",
            "posts",
            "quarantine",
            "ingest_runs",
            "scan_runs",
            "scored_complaints",
            "clusters",
        )
        return {n: self.count(n) for n in names}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and by default migrate to head) the store at `url` (default: config.default_db_url()).

    Raises StoreError with a readable message when the URL is malformed, the driver is
    missing or the server cannot be reached.
    """
    from sqlalchemy.exc import DBAPIError, OperationalError

    engine = make_engine(url or default_db_url())
    if migrate:
        try:
            upgrade(engine)
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise StoreError(
                f"cannot open database {engine.url.render_as_string(hide_password=True)!r}: {exc.orig}"
            ) from None
    return Store(engine)
