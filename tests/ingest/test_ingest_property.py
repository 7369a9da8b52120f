"""Property: whatever the rows look like, reading never crashes and every row is accounted for."""

import csv
import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qinglang.ingest import REASON_CODES, load_complaints, load_customers, load_posts
from qinglang.ingest.records import COMPLAINT_FIELDS

FIELDS = list(COMPLAINT_FIELDS)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["2026/3/1 9:30", "2026-03-01", "2026年3月1日", "0000-00-00", "app", "热线", "13812345678", " ", ""]
    ),
)
values = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=3), scalars, max_size=2)
)
row_dicts = st.dictionaries(st.sampled_from(FIELDS + ["extra", "x"]), values, max_size=9)
valid_rows = st.builds(
    lambda i, t: {"complaint_id": f"C{i}", "received_at": "2026-03-01 09:30", "text": t},
    st.integers(0, 5),
    st.sampled_from(["正文甲", "正文乙"]),
)
json_lines = st.one_of(
    valid_rows.map(lambda d: json.dumps(d, ensure_ascii=False).encode()),
    row_dicts.map(lambda d: json.dumps(d, ensure_ascii=False).encode()),
    values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")),
    st.text(max_size=30).map(lambda s: s.replace("\n", " ").replace("\r", " ").encode("utf-8")),
)


def _check(result, n_lines_max):
    s = result.summary
    assert s.read == s.accepted + s.duplicates + s.quarantined
    assert len(result.records) == s.accepted and len(result.quarantined) == s.quarantined
    assert sum(s.by_reason.values()) == s.quarantined
    assert set(s.by_reason) <= set(REASON_CODES)
    ids = [
        getattr(r, "complaint_id", None) or getattr(r, "customer_id", None) or r.post_id
        for r in result.records
    ]
    assert len(ids) == len(set(ids))
    assert all(1 <= q.line <= n_lines_max for q in result.quarantined)
    assert all(r.received_at.tzinfo is not None for r in result.records if hasattr(r, "received_at"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(json_lines, max_size=15))
def test_jsonl_never_crashes(tmp_path, lines):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    n = len(re.split(rb"\r\n|\r|\n", path.read_bytes()))
    _check(load_complaints(path), n)
    _check(load_posts(path), n)
    _check(load_customers(path), n)


cells = st.one_of(
    st.text(max_size=10), st.sampled_from(["2026/3/1 9:30", "C1", "C2", "正文", "", "a;b", '"', "\n"])
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(st.sampled_from(FIELDS + ["其他", ""]), min_size=1, max_size=9),
    rows=st.lists(st.lists(cells, max_size=10), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_csv_never_crashes(tmp_path, header, rows, encoding):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    path = tmp_path / "c.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    n = len(re.split(r"\r\n|\r|\n", buf.getvalue())) + 1  # a lone CR in a cell ends a physical line too
    _check(load_complaints(path), n)
    _check(load_customers(path), n)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(json_lines, max_size=12), batch_size=st.integers(1, 5))
def test_store_ingest_keeps_the_invariant_and_reruns_add_nothing(tmp_path, lines, batch_size):
    from qinglang.store import open_store
    from qinglang.store.ingest_files import ingest_file

    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    store = open_store("sqlite://")
    try:
        first = ingest_file(store, path, "complaints", batch_size=batch_size)
        assert first.read == first.accepted + first.duplicates + first.quarantined
        assert first.inserted == first.accepted == store.count("complaints")
        assert first.quarantine_inserted == first.quarantined == store.count("quarantine")
        again = ingest_file(store, path, "complaints", batch_size=batch_size + 1)
        assert again.model_dump(exclude={"inserted", "quarantine_inserted"}) == first.model_dump(
            exclude={"inserted", "quarantine_inserted"}
        )
        assert (again.inserted, again.quarantine_inserted) == (0, 0)
    finally:
        store.close()
