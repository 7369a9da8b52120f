"""The batch contact path (issue 15) gives what the one-text path gives, and its pattern skips
are conservative: every text where a pattern matches passes that pattern's cheap pre-check.

The corpus is every complaint and post of the blind sets in the repository (independently written
texts with disguised contacts) plus tricky spellings from test_contacts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qinglang.text import contacts as C
from qinglang.text.normalize import CONTACT_STEPS, normalize, normalize_batch

BLIND = Path(__file__).resolve().parents[2] / "evaluations" / "blind"
TRICKY = [
    "加V：xy69-68232 详询",
    "薇 h x 9 5 2 7 k k",
    "扣扣 一一四四五五六六七",
    "联系 139 1234 5678 或 ➕v abc_123",
    "私信 wang_zhcz",
    "有需要可以问我 sa_riji",
    "有需要可以问我 sa_riji。。！ \n",
    "退到支付宝账号13912345678",
    "官网 www.abc.com.cn/x?y=1 邮箱 a.b@c.com",
    "执业证号：91440101MA9W3K7R5T",
    "",
    "\x00",
    "a\x00b 13912345678",
]


def _corpus() -> list[str]:
    texts = list(TRICKY)
    for f in sorted(BLIND.glob("*/complaints.jsonl")) + sorted(BLIND.glob("*/posts.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("text") or "")
    return texts


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    texts = _corpus()
    assert len(texts) > 3000, "the blind sets' texts are the corpus"
    return texts


def _key(found: list[C.Contact]) -> list[tuple]:
    return [(c.kind, c.value, c.raw, c.start, c.end) for c in found]


def test_normalize_batch_equals_one_text_at_a_time(corpus: list[str]) -> None:
    batch = normalize_batch(corpus, CONTACT_STEPS, chunk=500)
    assert batch == [normalize(t, CONTACT_STEPS) for t in corpus]


def test_contacts_batch_equals_one_text_at_a_time(corpus: list[str]) -> None:
    batch = C.extract_contacts_batch(corpus)
    single = [C.extract_contacts(t) for t in corpus]
    assert [_key(x) for x in batch] == [_key(x) for x in single]
    assert sum(map(len, single)) > 500  # the corpus does hold contacts


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("_EMAIL", "@"),
        ("_URL", C._NEEDS_URL),
        ("_LICENCE", ("执业证",)),
        ("_WECHAT", C._NEEDS_WECHAT),
        ("_WECHAT_SPACED", C._NEEDS_WECHAT_SPACED),
        ("_HANDLE_AFTER_CUE", C._NEEDS_HANDLE_CUE),
        ("_QQ", C._NEEDS_QQ),
        ("_ALIPAY", C._NEEDS_ALIPAY),
    ],
)
def test_pattern_pre_checks_are_conservative(corpus: list[str], pattern: str, needs) -> None:
    rx = getattr(C, pattern)
    matched = 0
    for t in corpus:
        norm = normalize(t, CONTACT_STEPS)
        if rx.search(norm):
            matched += 1
            assert C._any(norm, needs), (pattern, t)
    # a pre-check that never meets a match would test nothing: every pattern but the rare ones
    # (e-mail, Alipay, licence) matches somewhere in the blind sets
    if pattern not in ("_EMAIL", "_ALIPAY", "_LICENCE"):
        assert matched > 0


def test_trailing_handle_search_start_loses_nothing(corpus: list[str]) -> None:
    seen = 0
    for t in [*corpus, "联系 ab_123", "联系 ab_123\n", "x" * 40 + " ab_1234 。！"]:
        norm = normalize(t, CONTACT_STEPS)
        full = [m.span(1) for m in C._TRAILING_HANDLE.finditer(norm)]
        assert full == [m.span(1) for m in C._TRAILING_HANDLE.finditer(norm, C._trailing_start(norm))]
        seen += bool(full)
    assert seen >= 3
