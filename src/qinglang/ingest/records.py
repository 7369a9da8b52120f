"""Turn one raw row (a dict of field -> value, from JSONL or CSV) into a validated record.

Checks are done by hand before pydantic sees the row so that each rejection gets the precise,
stable reason code an analyst can filter on (a pydantic error message is neither stable nor
bilingual). Pydantic then validates the cleaned values, which guards the contract.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from qinglang.ingest.phones_fast import fast_phone_info as phone_info
from qinglang.ingest.reasons import RowError
from qinglang.ingest.timestamps import parse_timestamp
from qinglang.schema import Channel, Complaint, Customer, Post

KINDS = ("complaints", "customers", "posts")

COMPLAINT_FIELDS = (
    "complaint_id",
    "received_at",
    "channel",
    "customer_id",
    "phone",
    "text",
    "ip",
    "device_id",
    "attachments",
)
CUSTOMER_FIELDS = ("customer_id", "name", "phone", "principal", "next_due_date", "overdue_days")
POST_FIELDS = ("post_id", "platform", "account", "posted_at", "text")

# Chinese column headers seen in exports -> contract field names (CSV headers only).
HEADER_ALIASES: dict[str, str] = {
    "投诉编号": "complaint_id",
    "投诉单号": "complaint_id",
    "投诉时间": "received_at",
    "受理时间": "received_at",
    "渠道": "channel",
    "投诉渠道": "channel",
    "客户编号": "customer_id",
    "客户号": "customer_id",
    "手机号": "phone",
    "联系电话": "phone",
    "电话": "phone",
    "投诉内容": "text",
    "内容": "text",
    "正文": "text",
    "设备号": "device_id",
    "设备id": "device_id",
    "附件": "attachments",
    "姓名": "name",
    "本金": "principal",
    "下次还款日": "next_due_date",
    "逾期天数": "overdue_days",
    "帖子编号": "post_id",
    "平台": "platform",
    "账号": "account",
    "发布时间": "posted_at",
}

CHANNEL_ALIASES: dict[str, str] = {
    **{c.value: c.value for c in Channel},
    "热线": "hotline",
    "电话": "hotline",
    "客服电话": "hotline",
    "phone": "hotline",
    "call": "hotline",
    "邮件": "email",
    "e-mail": "email",
    "mail": "email",
    "监管": "regulator",
    "监管转办": "regulator",
    "监管转送": "regulator",
    "社交": "social",
    "社交媒体": "social",
    "weibo": "social",
    "微博": "social",
    "referral": "regulator",  # a regulator's referral; names that contain a part: CHANNEL_PARTS
    "其他": "other",
    "其它": "other",
    "web": "other",
}

# Systems name channels their own way ("regulator_transfer", "wechat_official", "监管转办件",
# "客服热线来电"): a name that no alias lists is read by the parts it contains, first match wins.
# A name with none of them (fax, 传真) is still refused with its reason.
CHANNEL_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("regulator", ("regulat", "监管", "12378", "人行", "人民银行", "银保监", "金融办", "cbirc", "pboc")),
    ("hotline", ("hotline", "热线", "来电", "电话", "call", "phone", "ivr", "客服")),
    ("email", ("mail", "邮件", "邮箱")),
    (
        "social",
        (
            "social",
            "wechat",
            "weixin",
            "微信",
            "weibo",
            "微博",
            "douyin",
            "抖音",
            "小红书",
            "黑猫",
            "社交",
            "公众号",
        ),
    ),
    ("app", ("app", "小程序", "手机端", "客户端")),
    ("other", ("letter", "信函", "来信", "书面", "web", "网页", "官网", "在线")),
)


def _channel_by_part(key: str) -> str | None:
    for channel, parts in CHANNEL_PARTS:
        if any(part in key for part in parts):
            return channel
    return None


_ATTACHMENT_SPLIT = re.compile(r"[;；]")
_MONEY_STRIP = re.compile(r"[,，¥￥元\s]")
_DAYS_SUFFIX = re.compile(r"\s*天$")


def normalise_header(name: str) -> str:
    key = name.strip().lstrip("\ufeff").strip().lower()
    return HEADER_ALIASES.get(key, key)


def _str_or_none(d: dict[str, Any], name: str, *, strip: bool = True) -> str | None:
    """An optional string field. Integers are accepted (IDs and phones exported as numbers)."""
    v = d.get(name)
    if v is None:
        return None
    if isinstance(v, str):
        v2 = v.strip() if strip else v
        return v2 if v2.strip() else None
    if isinstance(v, bool):
        raise RowError(
            "bad_type", f"字段 {name} 应为文本，实为布尔值", f"field {name} should be text, got a boolean"
        )
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    raise RowError(
        "bad_type",
        f"字段 {name} 应为文本，实为 {type(v).__name__}",
        f"field {name} should be text, got {type(v).__name__}",
    )


def _required_id(d: dict[str, Any], name: str) -> str:
    v = _str_or_none(d, name)
    if v is None:
        raise RowError("missing_field", f"缺少必填字段 {name}", f"required field {name} is missing or blank")
    return v


def _required_text(d: dict[str, Any]) -> str:
    if "text" not in d or d["text"] is None:
        raise RowError("missing_field", "缺少必填字段 text（正文）", "required field text is missing")
    v = d["text"]
    if not isinstance(v, str):
        if isinstance(v, int | float) and not isinstance(v, bool):
            v = str(v)
        else:
            raise RowError(
                "bad_type", "字段 text 应为文本", f"field text should be text, got {type(v).__name__}"
            )
    if not v.strip():
        raise RowError("empty_text", "正文为空", "text is empty or blank")
    return v


def _timestamp(d: dict[str, Any], name: str, *, required: bool):
    v = d.get(name)
    if v is None or (isinstance(v, str) and not v.strip()):
        if required:
            raise RowError(
                "missing_field", f"缺少必填字段 {name}（时间）", f"required field {name} is missing"
            )
        return None
    if isinstance(v, float) and not math.isfinite(v):
        raise RowError("bad_timestamp", f"字段 {name} 不是时间：{v}", f"field {name} is not a timestamp: {v}")
    if isinstance(v, int | float) and not isinstance(v, bool):
        v = str(int(v))
    if not isinstance(v, str):
        raise RowError(
            "bad_timestamp", f"字段 {name} 不是时间", f"field {name} is not a timestamp ({type(v).__name__})"
        )
    try:
        return parse_timestamp(v)
    except (ValueError, OverflowError) as exc:
        raise RowError(
            "bad_timestamp",
            f"字段 {name} 的时间无法解析：{v[:40]!r}",
            f"cannot parse timestamp in {name}: {v[:40]!r} ({str(exc)[:120]})",
        ) from None


def _channel(d: dict[str, Any]) -> Channel:
    v = d.get("channel")
    if v is None or (isinstance(v, str) and not v.strip()):
        return Channel.other
    if not isinstance(v, str):
        raise RowError(
            "bad_type", "字段 channel 应为文本", f"field channel should be text, got {type(v).__name__}"
        )
    key = v.strip().lower()
    found = CHANNEL_ALIASES.get(key) or _channel_by_part(key)
    if found is None:
        raise RowError(
            "bad_channel",
            f"未知渠道 {v[:20]!r}（应为 app/hotline/email/regulator/social/other）",
            f"unknown channel {v[:20]!r} (expected app/hotline/email/regulator/social/other)",
        )
    return Channel(found)


def _attachments(d: dict[str, Any]) -> list[str]:
    v = d.get("attachments")
    if v is None:
        return []
    if isinstance(v, str):
        return [a.strip() for a in _ATTACHMENT_SPLIT.split(v) if a.strip()]
    if isinstance(v, list) and all(isinstance(a, str) for a in v):
        return [a.strip() for a in v if a.strip()]
    raise RowError(
        "bad_type", "字段 attachments 应为文件名列表", "field attachments should be a list of file names"
    )


def _float_or_none(d: dict[str, Any], name: str) -> float | None:
    v = d.get(name)
    if v is None or isinstance(v, bool):
        if isinstance(v, bool):
            raise RowError("bad_type", f"字段 {name} 应为数字", f"field {name} should be a number")
        return None
    if isinstance(v, int | float):
        f = float(v)
    elif isinstance(v, str):
        s = _MONEY_STRIP.sub("", v)
        if not s:
            return None
        try:
            f = float(s)
        except ValueError:
            raise RowError(
                "bad_type",
                f"字段 {name} 应为数字：{v[:20]!r}",
                f"field {name} should be a number: {v[:20]!r}",
            ) from None
    else:
        raise RowError("bad_type", f"字段 {name} 应为数字", f"field {name} should be a number")
    if f != f or f in (float("inf"), float("-inf")):
        raise RowError("bad_type", f"字段 {name} 不是有限数字", f"field {name} is not a finite number")
    return f


def _int_or_none(d: dict[str, Any], name: str) -> int | None:
    v = d.get(name)
    if isinstance(v, str):
        v = _DAYS_SUFFIX.sub("", v.strip())
        if not v:
            return None
    f = _float_or_none({name: v}, name)
    if f is None:
        return None
    if not f.is_integer():
        raise RowError("bad_type", f"字段 {name} 应为整数", f"field {name} should be a whole number")
    return int(f)


def _validated(model, values: dict[str, Any]):
    try:
        return model(**values)
    except ValidationError as exc:  # a check above should have caught it; keep the row anyway
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        raise RowError(
            "bad_type", f"字段 {field} 校验失败", f"field {field} failed validation: {first.get('msg')}"
        ) from None


def build_complaint(d: dict[str, Any]) -> Complaint:
    """Validate one raw complaint row. Raises RowError with the reason code."""
    complaint_id = _required_id(d, "complaint_id")
    received_at = _timestamp(d, "received_at", required=True)
    text = _required_text(d)
    phone = _str_or_none(d, "phone")
    return _validated(
        Complaint,
        {
            "complaint_id": complaint_id,
            "received_at": received_at,
            "channel": _channel(d),
            "customer_id": _str_or_none(d, "customer_id"),
            "phone": phone,
            "text": text,
            "ip": _str_or_none(d, "ip"),
            "device_id": _str_or_none(d, "device_id"),
            "attachments": _attachments(d),
            "phone_info": phone_info(phone) if phone else None,
        },
    )


def build_customer(d: dict[str, Any]) -> Customer:
    """Validate one raw customer row; columns outside the contract are kept in `extra`."""
    customer_id = _required_id(d, "customer_id")
    phone = _str_or_none(d, "phone")
    due = _timestamp(d, "next_due_date", required=False)
    extra: dict[str, Any] = {}
    nested = d.get("extra")
    if isinstance(nested, dict):
        extra.update(nested)
    for k, v in d.items():
        if k not in CUSTOMER_FIELDS and k != "extra" and k != "":
            extra[k] = v
    return _validated(
        Customer,
        {
            "customer_id": customer_id,
            "name": _str_or_none(d, "name"),
            "phone": phone,
            "principal": _float_or_none(d, "principal"),
            "next_due_date": due.date() if due is not None else None,
            "overdue_days": _int_or_none(d, "overdue_days"),
            "extra": extra,
            "phone_info": phone_info(phone) if phone else None,
        },
    )


def build_post(d: dict[str, Any]) -> Post:
    """Validate one raw post row."""
    post_id = _required_id(d, "post_id")
    posted_at = _timestamp(d, "posted_at", required=False)
    text = _required_text(d)
    return _validated(
        Post,
        {
            "post_id": post_id,
            "platform": _str_or_none(d, "platform"),
            "account": _str_or_none(d, "account"),
            "posted_at": posted_at,
            "text": text,
        },
    )


BUILDERS: dict[str, Callable[[dict[str, Any]], Complaint | Customer | Post]] = {
    "complaints": build_complaint,
    "customers": build_customer,
    "posts": build_post,
}
ID_FIELDS = {"complaints": "complaint_id", "customers": "customer_id", "posts": "post_id"}


def register_kind(
    kind: str, build: Callable[[dict[str, Any]], Any], id_field: str, aliases: dict[str, str] | None = None
) -> None:
    """Let a package read its own input kind (e.g. qinglang.calls) with these readers, duplicate
    rules and quarantine, without this module importing it. `aliases` adds Chinese CSV headers."""
    BUILDERS[kind] = build
    ID_FIELDS[kind] = id_field
    for header, name in (aliases or {}).items():
        HEADER_ALIASES.setdefault(header, name)


__all__ = [
    "BUILDERS",
    "ID_FIELDS",
    "KINDS",
    "build_complaint",
    "build_customer",
    "build_post",
    "normalise_header",
    "register_kind",
]
