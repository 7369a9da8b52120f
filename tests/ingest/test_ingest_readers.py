"""Reader behaviour: streaming, line numbers, field handling, phones, load results."""

import types

from ingest_helpers import complaint

from qinglang.ingest import load_complaints, read_complaints, read_customers, read_posts
from qinglang.ingest.readers import detect_format, iter_rows
from qinglang.schema import Channel, Complaint, QuarantinedRow


def test_readers_are_lazy_iterators(files):
    path = files.jsonl("c.jsonl", [complaint(i) for i in range(3)] + ["garbage"])
    it = read_complaints(path)
    assert isinstance(it, types.GeneratorType)
    first = next(it)
    assert isinstance(first, Complaint) and first.complaint_id == "C0000"
    rest = list(it)
    assert [type(x) for x in rest] == [Complaint, Complaint, QuarantinedRow]


def test_csv_multiline_rows_keep_starting_line_numbers(files):
    rows = [
        complaint(1, text="第一行\n第二行\n第三行"),
        complaint(2),
        complaint(3, text="x"),
        complaint(4, text="多\n行"),
        complaint(5, text="  "),
    ]
    path = files.complaints_csv("c.csv", rows)
    lines = [
        (line, getattr(item, "complaint_id", None) or item.reason_code)
        for line, item, _raw in iter_rows(path, "complaints")
    ]
    # header=1; C1 spans 2-4; C2=5; C3=6; C4 spans 7-8; C5=9
    assert lines == [(2, "C0001"), (5, "C0002"), (6, "C0003"), (7, "C0004"), (9, "empty_text")]


def test_jsonl_line_numbers_count_blank_lines(files):
    path = files.jsonl("c.jsonl", [complaint(1), "", "   ", complaint(2), "{bad"])
    got = [(line, type(item).__name__) for line, item, _ in iter_rows(path, "complaints")]
    assert got == [(1, "Complaint"), (4, "Complaint"), (5, "QuarantinedRow")]
    assert load_complaints(path).summary.read == 3  # blank lines are not rows


def test_fields_are_normalised(files):
    rows = [
        complaint(1, attachments="a.jpg; b.pdf ;；c.png", channel=" Regulator ", customer_id="", ip=None),
        complaint(2, complaint_id=12345, phone=13812345678, attachments=[]),
    ]
    (c1, c2) = load_complaints(files.jsonl("c.jsonl", rows)).records
    assert c1.attachments == ["a.jpg", "b.pdf", "c.png"]
    assert c1.channel is Channel.regulator
    assert c1.customer_id is None and c1.ip is None
    assert c2.complaint_id == "12345" and c2.phone == "13812345678"
    assert c2.phone_info.e164 == "+8613812345678"


def test_csv_attachments_and_optional_cells(files):
    rows = [complaint(1, attachments=["x/1.jpg", "x/2.pdf"], ip="", device_id="")]
    (c,) = load_complaints(files.complaints_csv("c.csv", rows)).records
    assert c.attachments == ["x/1.jpg", "x/2.pdf"]
    assert c.ip is None and c.device_id is None


def test_phone_info_is_set_and_invalid_phone_is_kept(files):
    rows = [complaint(1, phone="+86 139-1234-5678"), complaint(2, phone="12345"), complaint(3, phone=None)]
    result = load_complaints(files.jsonl("c.jsonl", rows))
    assert result.summary.quarantined == 0
    good, bad, none = result.records
    assert good.phone_info.valid and good.phone_info.e164 == "+8613912345678"
    assert good.phone_info.province and good.phone_info.carrier
    assert bad.phone == "12345" and bad.phone_info.raw == "12345" and bad.phone_info.valid is False
    assert none.phone is None and none.phone_info is None


def test_received_at_is_aware_and_naive_means_shanghai(files):
    (c,) = load_complaints(files.jsonl("c.jsonl", [complaint(1, received_at="2026年3月1日 09:30")])).records
    assert c.received_at.isoformat() == "2026-03-01T09:30:00+08:00"


def test_customers_and_posts_readers(files):
    cust = files.jsonl(
        "u.jsonl",
        [
            {
                "customer_id": "U1",
                "phone": "13912345678",
                "overdue_days": 3,
                "extra": {"tier": "A"},
                "city": "杭州",
            }
        ],
    )
    (u,) = list(read_customers(cust))
    assert u.extra == {"tier": "A", "city": "杭州"} and u.phone_info.valid
    posts = files.csv(
        "p.csv",
        ["post_id", "platform", "account", "posted_at", "text"],
        [["P1", "douyin", "上岸哥", "2026/3/1", "专业协商分琪"]],
    )
    (p,) = list(read_posts(posts))
    assert p.posted_at.isoformat() == "2026-03-01T00:00:00+08:00" and p.text == "专业协商分琪"


def test_load_keeps_file_order_and_lines(files):
    rows = [complaint(3), "oops", complaint(1), complaint(3), complaint(2)]
    r = load_complaints(files.jsonl("c.jsonl", rows))
    assert [c.complaint_id for c in r.records] == ["C0003", "C0001", "C0002"]
    assert r.lines == [1, 3, 5]
    s = r.summary
    assert s.read == s.accepted + s.duplicates + s.quarantined == 5


def test_format_detection(files):
    assert detect_format(files.jsonl("a.ndjson", [complaint(1)])) == "jsonl"
    assert detect_format(files.complaints_csv("a.tsv", [complaint(1)])) == "csv"
    assert detect_format(files.jsonl("noext", [complaint(1)])) == "jsonl"
    assert detect_format(files.complaints_csv("noext2", [complaint(1)])) == "csv"


def test_tab_separated_and_gzip(files, tmp_path):
    import gzip

    tsv = files.csv("c.tsv", ["complaint_id", "received_at", "text"], [])
    tsv.write_text("complaint_id\treceived_at\ttext\nT1\t2026-03-01\t有逗号,的正文\n", encoding="utf-8")
    (c,) = load_complaints(tsv).records
    assert c.text == "有逗号,的正文"
    gz = tmp_path / "c.jsonl.gz"
    gz.write_bytes(gzip.compress(files.jsonl("x.jsonl", [complaint(1)]).read_bytes()))
    assert [c.complaint_id for c in load_complaints(gz).records] == ["C0001"]


def test_empty_files(files):
    for path in (
        files.raw("e.jsonl", b""),
        files.raw("e.csv", b""),
        files.raw("h.csv", b"complaint_id,received_at,text\n"),
    ):
        r = load_complaints(path)
        assert (r.summary.read, r.records, r.quarantined) == (0, [], [])
