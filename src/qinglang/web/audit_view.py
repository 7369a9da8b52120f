"""Reading the audit log for people: filters, paging with a total, Chinese action names,
details as sentences rather than JSON, and a CSV of the filtered entries.

Read-only: appending stays in qinglang.web.audit (and the hash chain in qinglang.auditchain).
The chain's hashes are never selected here (they mean nothing on a page, and their digit runs
look like phone numbers to a PII scan). Free text in the details (notes, verdict notes) is
masked with pii.mask_text for every role, as the pages mask it: the log is read by auditors,
who see numbers masked everywhere else.

`pack_exports` is also what the referral rule reads (qinglang.web.actions.move_case): a case
goes to 已移送 only after an evidence pack was exported for it, and the export is recorded
nowhere else than in this log (action `export_pack`, written by the export route).
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from qinglang import csvsafe
from qinglang.web import db
from qinglang.web.pii import mask_deep, mask_text
from qinglang.web.repo import SHANGHAI, local_time

# action code -> (中文, English). A code missing here is shown as it is.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "login": ("登录", "log in"),
    "login_failed": ("登录失败", "failed login"),
    "login_locked": ("账户锁定期间尝试登录", "login while locked"),
    "verdict": ("记录结论", "verdict"),
    "note": ("添加备注", "note"),
    "case_open": ("新建案件", "case opened"),
    "case_status": ("案件状态变更", "case status"),
    "referral": ("移送公安流程", "referral to police"),
    "unmask": ("查看完整号码", "unmask"),
    "indicator_lookup": ("指标查询", "indicator lookup"),
    "export_pack": ("导出证据包", "evidence pack export"),
    "audit_export": ("导出审计日志", "audit log export"),
    "submit": ("在线提交投诉", "complaint submitted"),
    "complaint_submit": ("在线提交投诉", "complaint submitted"),
}
TARGET_LABELS: dict[str, tuple[str, str]] = {
    "campaign": ("团伙", "campaign"),
    "complaint": ("投诉", "complaint"),
    "case": ("案件", "case"),
    "user": ("用户", "user"),
    "indicator": ("指标", "indicator"),
}
VERDICT_LABELS: dict[str, tuple[str, str]] = {
    "confirm": ("确认为团伙", "confirmed"),
    "dismiss": ("排除", "dismissed"),
    "genuine": ("真实投诉", "genuine"),
    "campaign": ("团伙成员", "campaign member"),
    "answered": ("已答复", "answered"),
    "police_filed": ("公安已立案", "police filed a case"),
    "police_declined": ("公安不予立案", "police declined"),
    "police_closed": ("公安已结案", "police closed the case"),
}
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "open": ("立案", "open"),
    "under_review": ("审查中", "under review"),
    "referred": ("已移送", "referred"),
    "closed": ("已结案", "closed"),
    # referral states (web/referrals.py)
    "received": ("已签收", "received"),
    "filed": ("已立案", "case filed"),
    "declined": ("不予立案", "declined"),
    "more_material": ("需补充材料", "more material needed"),
}
# detail key -> (中文, English) label; keys not listed are shown under their own name
DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "verdict": ("结论", "verdict"),
    "note": ("备注", "note"),
    "text": ("备注", "note"),
    "run_id": ("扫描批次", "scan run"),
    "cluster_id": ("团伙", "campaign"),
    "case_id": ("案件", "case"),
    "reason": ("原因", "reason"),
    "unit": ("接收单位", "police unit"),
    "receipt": ("签收回执", "receipt"),
    "manifest_sha256": ("清单 SHA-256", "manifest SHA-256"),
    "files": ("文件数", "files"),
    "complaints": ("投诉数", "complaints"),
    "client": ("来源地址", "client"),
    "path": ("页面", "page"),
    "rows": ("导出条数", "rows"),
    "filters": ("筛选条件", "filters"),
}
REASON_LABELS: dict[str, tuple[str, str]] = {
    "campaign_dismissed": ("团伙被排除，案件随之结案", "campaign dismissed, its case closed with it"),
}
PAGE_SIZE = 50
MAX_PAGE = 500
MAX_EXPORT = 100_000
FILTER_KEYS = ("username", "action", "target_kind", "target_id", "since", "until")


class FilterError(ValueError):
    """A filter value that cannot be read (HTTP 422)."""


@dataclass(frozen=True)
class Filters:
    username: str | None = None
    action: str | None = None
    target_kind: str | None = None
    target_id: str | None = None
    since: date | None = None  # local (Beijing) dates, both ends included
    until: date | None = None

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> Filters:
        def text(key: str) -> str | None:
            v = raw.get(key)
            v = v.strip() if isinstance(v, str) else v
            return v or None

        def day(key: str) -> date | None:
            v = text(key)
            if v is None:
                return None
            try:
                return date.fromisoformat(v)
            except ValueError:
                raise FilterError(
                    f"日期格式应为 YYYY-MM-DD / {key} must be a date YYYY-MM-DD: {v!r}"
                ) from None

        return cls(
            username=text("username"),
            action=text("action"),
            target_kind=text("target_kind"),
            target_id=text("target_id"),
            since=day("since"),
            until=day("until"),
        )

    def as_dict(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


def _bound(engine: Engine, day: date) -> datetime:
    """The start of a Beijing day as a UTC instant, in the form the column compares with
    (SQLite keeps times as naive UTC text)."""
    instant = datetime.combine(day, time(0), tzinfo=SHANGHAI).astimezone(UTC)
    return instant.replace(tzinfo=None) if engine.dialect.name == "sqlite" else instant


def _where(engine: Engine, f: Filters) -> list[Any]:
    t = db.audit_log.c
    clauses: list[Any] = []
    if f.username:
        clauses.append(t.username == f.username)
    if f.action:
        clauses.append(t.action == f.action)
    if f.target_kind:
        clauses.append(t.target_kind == f.target_kind)
    if f.target_id:
        clauses.append(t.target_id == f.target_id)
    if f.since:
        clauses.append(t.at >= _bound(engine, f.since))
    if f.until:
        clauses.append(t.at < _bound(engine, f.until + timedelta(days=1)))
    return clauses


_SHOWN = [c for c in db.audit_log.c if c.name not in ("prev_hash", "entry_hash")]


def _masked_detail(detail: Any) -> Any:
    """An entry's detail as people read it: numbers and names in it masked (notes and titles carry
    what analysts typed), digests and hashes left whole (they are checked against packs)."""
    if not isinstance(detail, dict):
        return mask_deep(detail)
    kept = {k: v for k, v in detail.items() if str(k).endswith(("sha256", "hash"))}
    return {**mask_deep({k: v for k, v in detail.items() if k not in kept}), **kept}


def _decode(row: Any) -> dict[str, Any]:
    d = dict(row)
    d["detail"] = _masked_detail(db.jload(d["detail"], {}))
    return d


def query(engine: Engine, f: Filters, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
    """`{total, limit, offset, items}`: the entries matching `f`, newest first, one page."""
    limit = min(max(limit, 1), MAX_PAGE)
    offset = max(offset, 0)
    where = _where(engine, f)
    with engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(db.audit_log).where(*where)).scalar_one()
        rows = conn.execute(
            sa.select(*_SHOWN).where(*where).order_by(db.audit_log.c.id.desc()).limit(limit).offset(offset)
        ).mappings()
        items = [_decode(r) for r in rows]
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


def usernames_and_actions(engine: Engine) -> tuple[list[str], list[str]]:
    """The usernames and action codes present in the log (for the filter's choices)."""
    with engine.connect() as conn:
        users = [r[0] for r in conn.execute(sa.select(db.audit_log.c.username).distinct())]
        actions = [r[0] for r in conn.execute(sa.select(db.audit_log.c.action).distinct())]
    known = [a for a in ACTION_LABELS if a in actions or a in ("verdict", "case_status", "export_pack")]
    return sorted(users), known + sorted(a for a in actions if a not in ACTION_LABELS)


def pack_exports(bind: Engine | Connection, case_id: str) -> list[dict[str, Any]]:
    """Every evidence-pack export of `case_id`, newest first (from the audit log)."""
    t = db.audit_log.c
    stmt = (
        sa.select(*_SHOWN)
        .where(t.action == "export_pack", t.target_kind == "case", t.target_id == case_id)
        .order_by(t.id.desc())
    )
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return [_decode(r) for r in conn.execute(stmt).mappings()]
    return [_decode(r) for r in bind.execute(stmt).mappings()]


# ---- how an entry reads -------------------------------------------------------------------------


def _pick(pair: tuple[str, str] | None, lang: str, default: str) -> str:
    if pair is None:
        return default
    return pair[1] if lang == "en" else pair[0]


def action_label(code: str, lang: str = "zh") -> str:
    return _pick(ACTION_LABELS.get(code), lang, code)


def target_label(kind: str | None, lang: str = "zh") -> str:
    return _pick(TARGET_LABELS.get(kind or ""), lang, kind or "")


def _value(key: str, value: Any, lang: str) -> str:
    if value is None or value == "":
        return ""
    if key == "verdict":
        return _pick(VERDICT_LABELS.get(str(value)), lang, str(value))
    if key in ("from", "to"):
        return _pick(STATUS_LABELS.get(str(value)), lang, str(value))
    if key == "reason":
        return _pick(REASON_LABELS.get(str(value)), lang, str(value))
    if key == "manifest_sha256":
        return str(value)[:16] + "…"
    if key == "filters" and isinstance(value, dict):
        return "，".join(f"{_pick(DETAIL_LABELS.get(k), lang, k)}={v}" for k, v in value.items()) or "—"
    if isinstance(value, dict | list):
        return mask_text(json.dumps(value, ensure_ascii=False, default=str))
    return mask_text(str(value))


def describe(entry: dict[str, Any], lang: str = "zh") -> list[tuple[str, str]]:
    """The entry's details as (label, text) pairs a person reads: translated verdicts and
    statuses, a status move as "审查中 → 已移送", numbers in free text masked."""
    detail = entry.get("detail") or {}
    if not isinstance(detail, dict):
        return [("", _value("", detail, lang))]
    out: list[tuple[str, str]] = []
    if "from" in detail or "to" in detail:
        move = f"{_value('from', detail.get('from'), lang) or '—'} → {_value('to', detail.get('to'), lang)}"
        out.append(("状态" if lang != "en" else "status", move))
    for key, value in detail.items():
        if key in ("from", "to") or value is None or value == "":
            continue
        out.append((_pick(DETAIL_LABELS.get(key), lang, key), _value(key, value, lang)))
    return out


def note_of(entry: dict[str, Any]) -> str:
    detail = entry.get("detail") or {}
    if not isinstance(detail, dict):
        return ""
    return mask_text(str(detail.get("note") or detail.get("text") or ""))


def readable(entries: list[dict[str, Any]], lang: str = "zh") -> list[dict[str, Any]]:
    """`entries` with the labels a page shows next to each code."""
    return [
        e
        | {
            "action_label": action_label(e["action"], lang),
            "target_label": target_label(e.get("target_kind"), lang),
            "details": describe(e, lang),
        }
        for e in entries
    ]


# ---- CSV ----------------------------------------------------------------------------------------

CSV_HEADER = (
    "编号 id",
    "时间（北京） time (Beijing)",
    "操作人 user",
    "角色 role",
    "操作 action",
    "代码 code",
    "对象类型 target kind",
    "对象 target",
    "备注 note",
    "详情 detail",
)


def to_csv(engine: Engine, f: Filters) -> tuple[bytes, int]:
    """The entries matching `f` (newest first, at most MAX_EXPORT) as UTF-8 CSV with a BOM for
    Excel; every cell through qinglang.csvsafe, so none is read as a formula."""
    where = _where(engine, f)
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(CSV_HEADER)
    n = 0
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(*_SHOWN).where(*where).order_by(db.audit_log.c.id.desc()).limit(MAX_EXPORT)
        ).mappings()
        for r in rows:
            e = _decode(r)
            w.writerow(
                [
                    e["id"],
                    local_time(e["at"]),
                    e["username"],
                    e["role"],
                    action_label(e["action"]),
                    e["action"],
                    target_label(e.get("target_kind")),
                    e.get("target_id") or "",
                    note_of(e),
                    "；".join(f"{k}：{v}" for k, v in describe(e) if k not in ("备注",)),
                ]
            )
            n += 1
    return ("\ufeff" + buf.getvalue()).encode("utf-8"), n
