"""GBK, GB18030 and BOM files in both formats decode to the same records as UTF-8."""

import json

import pytest
from ingest_helpers import COMPLAINT_HEADER, complaint

from qinglang.ingest import load_complaints, load_customers
from qinglang.ingest.encoding import detect_encoding_bytes

TEXTS = ["停息挂账，要求减免罚息", "催收员辱骂家人，请处理", "重复扣款两次，请退款"]
# Characters outside GBK: only GB18030 (four-byte sequences) can carry them.
GB18030_ONLY = ["生僻字𠀀与表情😀", "䶵字与€"]


def _rows(texts):
    return [complaint(i, text=t, channel="热线") for i, t in enumerate(texts, 1)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize(
    ("encoding", "texts", "detected"),
    [
        ("utf-8", TEXTS + GB18030_ONLY, "utf-8"),
        ("utf-8-sig", TEXTS + GB18030_ONLY, "utf-8-sig"),
        ("gbk", TEXTS, "gb18030"),
        ("gb18030", TEXTS + GB18030_ONLY, "gb18030"),
    ],
)
def test_encodings_decode_identically(files, fmt, encoding, texts, detected):
    rows = _rows(texts)
    if fmt == "jsonl":
        path = files.jsonl(f"c.{fmt}", rows, encoding=encoding)
    else:
        path = files.complaints_csv(f"c.{fmt}", rows, encoding=encoding)
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = load_complaints(path)
    assert result.summary.encoding == detected
    assert result.summary.quarantined == 0, result.quarantined
    assert [c.text for c in result.records] == texts
    assert [c.complaint_id for c in result.records] == [r["complaint_id"] for r in rows]
    assert all(c.channel.value == "hotline" for c in result.records)


def test_bom_csv_header_first_column_is_recognised(files):
    path = files.complaints_csv("bom.csv", _rows(TEXTS), encoding="utf-8-sig")
    result = load_complaints(path)
    assert result.summary.accepted == 3  # a BOM glued to "complaint_id" would make every row missing_field


def test_gbk_customers_with_chinese_headers_and_extra_columns(files):
    path = files.csv(
        "customers.csv",
        ["客户编号", "姓名", "手机号", "本金", "下次还款日", "逾期天数", "催收员"],
        [["U1", "张三", "13812345678", "12,000.50", "2026/4/15", "30天", "李四"]],
        encoding="gbk",
    )
    result = load_customers(path)
    assert result.summary.encoding == "gb18030"
    (c,) = result.records
    assert (c.customer_id, c.name, c.principal, c.overdue_days) == ("U1", "张三", 12000.5, 30)
    assert c.next_due_date.isoformat() == "2026-04-15"
    assert c.extra == {"催收员": "李四"}


def test_undecodable_line_is_quarantined_not_fatal(files):
    good = [json.dumps(complaint(i), ensure_ascii=False).encode() for i in (1, 2)]
    bad = json.dumps(complaint(3, text="XX"), ensure_ascii=False).encode().replace(b"XX", b"\xff\xfe\xfd")
    path = files.raw("mixed.jsonl", b"\n".join([good[0], bad, good[1]]) + b"\n")
    result = load_complaints(path)
    assert result.summary.encoding == "utf-8"
    assert [c.complaint_id for c in result.records] == ["C0001", "C0002"]
    (q,) = result.quarantined
    assert (q.reason_code, q.line) == ("bad_encoding", 2)
    assert "C0003" in q.raw


def test_undecodable_csv_row_is_quarantined_with_its_line(files):
    header = ",".join(COMPLAINT_HEADER).encode()
    ok = "C1,2026-03-01 09:00,app,,,正文一,,,".encode()
    bad = b"C2,2026-03-01 09:00,app,,,\xff\xfe,,,"
    ok2 = "C3,2026-03-01 09:00,app,,,正文三,,,".encode()
    path = files.raw("mixed.csv", b"\n".join([header, ok, bad, ok2]) + b"\n")
    result = load_complaints(path)
    assert [c.complaint_id for c in result.records] == ["C1", "C3"]
    assert [(q.reason_code, q.line) for q in result.quarantined] == [("bad_encoding", 3)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain ascii only\n", "utf-8"),
        ("中文内容".encode(), "utf-8"),
        ("中文内容".encode("gbk"), "gb18030"),
        ("中文𠀀".encode("gb18030"), "gb18030"),
        (b"\xef\xbb\xbf" + "中文".encode(), "utf-8-sig"),
        ("中文内容很长".encode()[:-1], "utf-8"),  # a character cut by the sniff window is not an error
    ],
)
def test_detect_encoding_bytes(data, expected):
    assert detect_encoding_bytes(data) == expected
