"""The `applications` input contract (docs/contracts.md) and its row validator.

One loan application per row, JSONL or CSV. Validation reuses the ingest stage's field checks
(the same stable reason codes), and reader.py its line readers, encoding detection, duplicate
rule and quarantine, so a bad row is kept with its line and a bilingual reason exactly like a bad
complaint.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from qinglang.ingest.reasons import RowError
from qinglang.ingest.records import HEADER_ALIASES as INGEST_HEADER_ALIASES
from qinglang.ingest.records import _float_or_none, _required_id, _str_or_none, _timestamp

KIND = "applications"
FIELDS = (
    "application_id",
    "applied_at",
    "customer_id",
    "name",
    "id_number",
    "phone",
    "home_address",
    "work_address",
    "employer",
    "employer_phone",
    "income",
    "device_id",
    "ip",
    "contacts",
    "channel",
    "referrer",
)

# Chinese CSV headers seen in loan-origination exports.
HEADER_ALIASES = {
    "申请编号": "application_id",
    "进件编号": "application_id",
    "申请时间": "applied_at",
    "进件时间": "applied_at",
    "身份证号": "id_number",
    "证件号码": "id_number",
    "居住地址": "home_address",
    "家庭地址": "home_address",
    "单位地址": "work_address",
    "工作单位": "employer",
    "单位名称": "employer",
    "单位电话": "employer_phone",
    "月收入": "income",
    "收入": "income",
    "ip地址": "ip",
    "联系人": "contacts",
    "联系人电话": "contacts",
    "推荐人": "referrer",
    "进件渠道": "channel",
}

_CONTACT_SPLIT = re.compile(r"[;；,，|/\s]+")


class Application(BaseModel):
    model_config = ConfigDict(extra="ignore")

    application_id: str = Field(min_length=1)
    applied_at: datetime
    customer_id: str | None = None
    name: str | None = None
    id_number: str | None = None
    phone: str | None = None
    home_address: str | None = None
    work_address: str | None = None
    employer: str | None = None
    employer_phone: str | None = None
    income: float | None = None
    device_id: str | None = None
    ip: str | None = None
    contacts: list[str] = Field(default_factory=list)
    channel: str | None = None
    referrer: str | None = None


def _contacts(d: dict[str, Any]) -> list[str]:
    v = d.get("contacts")
    if v is None:
        return []
    if isinstance(v, str):
        s = v.strip()
        if s.startswith("["):
            try:
                v = json.loads(s)
            except ValueError:
                raise RowError(
                    "bad_type",
                    "字段 contacts 不是合法的号码列表",
                    "field contacts is not a valid list of phones",
                ) from None
        else:
            return [p for p in _CONTACT_SPLIT.split(s) if p]
    if isinstance(v, list):
        out: list[str] = []
        for item in v:
            if isinstance(item, dict):  # {"name": ..., "phone": ...}
                item = item.get("phone")
            if isinstance(item, int) and not isinstance(item, bool):
                item = str(item)
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            elif item is not None:
                raise RowError(
                    "bad_type", "字段 contacts 应为电话号码列表", "field contacts should be a list of phones"
                )
        return out
    raise RowError("bad_type", "字段 contacts 应为电话号码列表", "field contacts should be a list of phones")


def build_application(d: dict[str, Any]) -> Application:
    """Validate one raw application row. Raises RowError with the reason code."""
    income = _float_or_none(d, "income")
    if income is not None and income < 0:
        raise RowError("bad_type", "字段 income 为负数", "field income is negative")
    referrer = _str_or_none(d, "referrer")
    channel = _str_or_none(d, "channel")
    return Application(
        application_id=_required_id(d, "application_id"),
        applied_at=_timestamp(d, "applied_at", required=True),
        customer_id=_str_or_none(d, "customer_id"),
        name=_str_or_none(d, "name"),
        id_number=_str_or_none(d, "id_number"),
        phone=_str_or_none(d, "phone"),
        home_address=_str_or_none(d, "home_address"),
        work_address=_str_or_none(d, "work_address"),
        employer=_str_or_none(d, "employer"),
        employer_phone=_str_or_none(d, "employer_phone"),
        income=income,
        device_id=_str_or_none(d, "device_id"),
        ip=_str_or_none(d, "ip"),
        contacts=_contacts(d),
        channel=channel,
        referrer=referrer,
    )


for _header, _name in HEADER_ALIASES.items():  # the CSV reader resolves headers through this table
    INGEST_HEADER_ALIASES.setdefault(_header, _name)
