"""Property: hostile bytes (deep nesting, lone surrogates, lone CRs, stray BOMs, NULs, random
GBK/UTF-8 bytes) through every reader never raise, every row is accounted for, intact rows
around them are still accepted, nothing invisible or unencodable is accepted, and the
quarantine file stays valid UTF-8 JSONL."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qinglang.ingest import REASON_CODES, load
from qinglang.store import open_store
from qinglang.store.ingest_files import ingest_file

KINDS = ("complaints", "customers", "posts")
ID_OF = {"complaints": "complaint_id", "customers": "customer_id", "posts": "post_id"}
CSV_HEADER = b"complaint_id,customer_id,post_id,received_at,text"
SEPARATORS = st.sampled_from([b"\n", b"\r\n", b"\r"])
LINE_BREAK = re.compile(rb"\r\n|\r|\n")
INVISIBLE_OR_SURROGATE = re.compile("[\x00\ufeff\ud800-\udfff]")


def _valid_json(i: int) -> bytes:
    """ASCII only, so it reads the same whatever encoding the garbage makes the file sniff as;
    valid for all three kinds (the other ids are extra fields)."""
    return (
        f'{{"complaint_id": "V{i}", "customer_id": "V{i}", "post_id": "V{i}", '
        f'"received_at": "2026-03-01 09:30", "text": "ok {i}"}}'
    ).encode()


def _valid_csv(i: int) -> bytes:
    return f"V{i},V{i},V{i},2026-03-01 09:30,ok {i}".encode()


def _nested(k: int) -> bytes:
    return b"[" * k + b"]" * k


ROW = (
    b'{"complaint_id": "H%s", "customer_id": "H", "post_id": "H", "received_at": "2026-03-01", "text": "%s"}'
)
hostile_json = st.one_of(
    st.integers(1, 3000).map(_nested),
    st.integers(1, 3000).map(
        lambda k: ROW.replace(b'"text"', b'"ip": ' + _nested(k) + b', "text"') % (b"1", b"t")
    ),
    st.sampled_from(
        [
            ROW % (b"2", b"\\ud800"),  # lone high surrogate
            ROW % (b"3\\udc00", b"t"),  # lone low surrogate in an id
            ROW % (b"4", b"\\ud83d\\ude00"),  # a proper pair: accepted
            ROW % (b"5\\u0000", b"a\\u0000b"),  # NUL escapes: cleaned
            ROW % (b"\\ufeff6", b"\\uFEFFx"),  # BOM escapes: cleaned
            ROW % (b"\x007", b"a\x00b"),  # raw NULs: cleaned
            b'["\\ud800", "\\u0000"]',
            b"\xef\xbb\xbf" + ROW % (b"8", b"bom before"),
            ROW % (b"9", b"\xef\xbb\xbf"),
            b'{"complaint_id": "H10", "received_at": NaN, "text": "x"}',
            b'{"complaint_id": "H11", "received_at": 9999999999999, "text": "x"}',
        ]
    ),
)
garbage = st.one_of(
    st.binary(max_size=60),
    st.text(max_size=20).map(lambda s: s.encode("gbk", errors="ignore")),
    st.text(max_size=20).map(
        lambda s: s.encode("utf-8", errors="surrogatepass")
    ),  # may hold encoded surrogates
    st.sampled_from([b"\x00", b"\x00\x00", b"\xef\xbb\xbf", b"\x81", b"\xff\xfe", b" \t", b""]),
)


@st.composite
def jsonl_files(draw) -> tuple[bytes, set[str]]:
    pieces = draw(
        st.lists(st.one_of(hostile_json, garbage, st.integers(0, 40).map(_valid_json)), max_size=14)
    )
    return _join(draw, pieces, b"\xef\xbb\xbf" if draw(st.booleans()) else b"")


@st.composite
def csv_files(draw) -> tuple[bytes, set[str]]:
    cells = st.one_of(
        garbage, st.sampled_from([b"V99", b"2026-03-01", b"\x00", b"\xef\xbb\xbf", b"\xd6\xd0"])
    )
    hostile_rows = st.lists(cells, min_size=1, max_size=6).map(lambda c: b",".join(c).replace(b'"', b"'"))
    pieces = draw(
        st.lists(
            st.one_of(
                hostile_rows, garbage.map(lambda b: b.replace(b'"', b"'")), st.integers(0, 40).map(_valid_csv)
            ),
            max_size=14,
        )
    )
    return _join(draw, [CSV_HEADER, *pieces], b"\xef\xbb\xbf" if draw(st.booleans()) else b"")


def _join(draw, pieces: list[bytes], prefix: bytes) -> tuple[bytes, set[str]]:
    """File bytes and the ids of the intact valid rows in it (first occurrence per id)."""
    out = bytearray(prefix)
    for piece in pieces:
        out += piece + draw(SEPARATORS)
    intact = set()
    for piece in pieces:
        m = re.match(rb'(?:\{"complaint_id": ")?(V\d+)[",]', piece)
        if m and (piece == _valid_json(int(m.group(1)[1:])) or piece == _valid_csv(int(m.group(1)[1:]))):
            intact.add(m.group(1).decode())
    return bytes(out), intact


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _jsonl_lines(path: Path) -> list[str]:
    """Lines of a JSONL file read as strict UTF-8, split on LF only (U+2028 or U+0085 may sit
    unescaped inside a string: str.splitlines would cut there)."""
    return path.read_bytes().decode("utf-8").split("\n")[:-1]


def _check(path: Path, data: bytes, intact: set[str], kind: str, tmp_path: Path) -> None:
    q = tmp_path / f"q-{kind}.jsonl"
    result = load(path, kind, quarantine=q)  # must not raise
    s = result.summary
    assert s.read == s.accepted + s.duplicates + s.quarantined
    assert (len(result.records), len(result.quarantined)) == (s.accepted, s.quarantined)
    assert sum(s.by_reason.values()) == s.quarantined and set(s.by_reason) <= set(REASON_CODES)
    ids = [getattr(r, ID_OF[kind]) for r in result.records]
    assert intact <= set(ids), "a valid row next to hostile bytes was lost"
    for record in result.records:
        dumped = record.model_dump(exclude={"phone_info"})
        assert not any(INVISIBLE_OR_SURROGATE.search(x) for x in _strings(dumped)), dumped
    physical_lines = len(LINE_BREAK.split(data))
    assert all(1 <= r.line <= physical_lines for r in result.quarantined)
    back = [json.loads(x) for x in _jsonl_lines(q)]
    assert [(b["line"], b["reason_code"]) for b in back] == [
        (r.line, r.reason_code) for r in result.quarantined
    ]


SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(case=jsonl_files())
def test_jsonl_readers_survive_hostile_bytes(tmp_path, case):
    data, intact = case
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(data)
    for kind in KINDS:
        _check(path, data, intact, kind, tmp_path)


@SETTINGS
@given(case=csv_files())
def test_csv_readers_survive_hostile_bytes(tmp_path, case):
    data, intact = case
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    for kind in KINDS:
        _check(path, data, intact, kind, tmp_path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.one_of(jsonl_files(), csv_files()), batch_size=st.integers(1, 4))
def test_store_ingest_survives_hostile_bytes(tmp_path, case, batch_size):
    data, intact = case
    suffix = ".jsonl" if not data.lstrip(b"\xef\xbb\xbf").startswith(CSV_HEADER) else ".csv"
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(data)
    store = open_store("sqlite://")
    q = tmp_path / "q.jsonl"
    try:
        with q.open("w", encoding="utf-8") as out:
            s = ingest_file(store, path, "complaints", quarantine_out=out, batch_size=batch_size)
        assert s.read == s.accepted + s.duplicates + s.quarantined
        assert s.inserted == s.accepted == store.count("complaints")
        assert s.quarantined == store.count("quarantine") == len(_jsonl_lines(q))
        assert intact <= {c.complaint_id for c in store.iter_complaints()}
        (run,) = store.ingest_runs()
        assert run["status"] == "finished" and run["read"] == s.read
    finally:
        store.close()
