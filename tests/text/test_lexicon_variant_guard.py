"""A same-sound spelling of a term whose changed character belongs to an ordinary word across the
match's edge is that word: "频繁催收" (frequent collection calls, a borrower's grievance) is not
反催收 spelt 繁催收. The issue 12 probe found it reported as black/gray vocabulary."""

from __future__ import annotations

import pytest

from qinglang.text.lexicon import match_lexicon


def _terms(text: str) -> set[str]:
    return {h.term for h in match_lexicon(text) if not h.suppressed}


@pytest.mark.parametrize(
    "text",
    [
        "他们频繁催收，每天打十几个电话",
        "要求规范催收行为",
        "麻烦催收员别再打我单位电话了",
        "这是违法犯罪催收",
    ],
)
def test_ordinary_words_next_to_a_term_are_not_its_disguise(text):
    assert "反催收" not in _terms(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [("办理繁催收业务，加微", "反催收"), ("分琪还款，停希挂账", "分期"), ("找人做反催收", "反催收")],
)
def test_disguises_standing_alone_are_still_read(text, term):
    assert term in _terms(text)
