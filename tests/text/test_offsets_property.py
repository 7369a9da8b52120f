"""Property: every match (lexicon hit, contact, normaliser span) maps back into the original text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from qinglang.text.contacts import extract_contacts
from qinglang.text.lexicon import match_lexicon
from qinglang.text.normalize import DEFAULT_STEPS, normalize, normalize_with_map

# alphabet biased toward the tricks the chain undoes
PIECES = list(
    "停息挂账征信修复代理退保微信加VvQq扣企鹅一二三四五六七八九〇幺两壹贰叁①②③ １２３ -·*/.\u200b😀貸歀嶶亻言弓长茄威:：，0123456789abcxyz"
)
PIECES += [
    "zheng",
    "xin",
    "tingxiguazhang",
    "zx",
    "崔收",
    "分琪",
    "139",
    "1234",
    "5678",
    "www.",
    ".com",
    "律师",
    "有限公司",
    "ⒻⒻⒻfⓤuⓤ⒰cⓒ⒦",
    "⑸⒋㈤㊄⒜",
    "===",
    "abc@qq.com",
    "test av ",
    "ffff",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_lexicon_hits_map_back(text):
    for h in match_lexicon(text):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.matched


@settings(max_examples=200, deadline=None)
@given(texts)
def test_contacts_map_back(text):
    for c in extract_contacts(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.raw


@settings(max_examples=200, deadline=None)
@given(texts)
def test_normaliser_offsets_are_monotone_and_in_range(text):
    from qinglang.text.normalize import LITERAL_STEPS

    for steps in (DEFAULT_STEPS, LITERAL_STEPS):
        m = normalize_with_map(text, steps)
        assert m.text == normalize(text, steps)
        assert len(m.offsets) == len(m.text)
        for i in range(len(m.text)):
            s, e = m.span(i, i + 1)
            assert 0 <= s < e <= len(text)
        assert m.offsets == sorted(m.offsets)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fast_matching_chain_equals_mapped_chain(text):
    from qinglang.text.normalize import CONTACT_STEPS, MATCH_STEPS, normalize_for_matching

    assert normalize_for_matching(text) == normalize_with_map(text, MATCH_STEPS).text
    assert normalize(text, CONTACT_STEPS) == normalize_with_map(text, CONTACT_STEPS).text


@settings(max_examples=50, deadline=None)
@given(st.lists(texts, max_size=8))
def test_batch_equals_single(batch):
    from qinglang.text.lexicon import match_lexicon, match_lexicon_batch
    from qinglang.text.normalize import normalize_for_matching, normalize_for_matching_batch

    assert normalize_for_matching_batch(batch) == [normalize_for_matching(t) for t in batch]
    assert match_lexicon_batch(batch) == [match_lexicon(t) for t in batch]
