"""Same-sound matching of lexicon terms, and the guards that keep ordinary words out."""

import pytest

from qinglang.text.lexicon import match_lexicon, terms
from qinglang.text.normalize import normalize_for_matching
from qinglang.text.sound_match import find_sound_matches, to_syllables


def _sound_terms(text: str) -> set[str]:
    norm = normalize_for_matching(text)
    return {terms()[m.term_index].term for m in find_sound_matches(norm)}


def test_syllables_keep_length_and_only_touch_cjk():
    text = "加微abc123召岱哩"
    syl = to_syllables(text)
    assert len(syl) == len(text)
    assert syl[2:8] == "abc123"
    assert to_syllables("招")[0] == to_syllables("召")[0]  # zhao
    assert to_syllables("招")[0] == to_syllables("找")[0]  # tones are ignored
    assert to_syllables("招")[0] != to_syllables("代")[0]


@pytest.mark.parametrize(
    ("text", "term", "matched"),
    [
        ("欧宝体育-召岱哩,综合人头费1000", "招代理", "召岱哩"),
        ("充3百送188诚昭垈哩", "诚招代理", "诚昭垈哩"),
        ("代理秒返俑", "返佣", "返俑"),
    ],
)
def test_every_character_replaced_by_a_same_sound_one(text, term, matched):
    hits = [h for h in match_lexicon(text) if h.term == term]
    assert hits, f"{term} not found in {text}"
    assert hits[0].matched == matched
    assert text[hits[0].start : hits[0].end] == matched
    assert hits[0].variant


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("公司年会准备了招待礼品", "招代理"),  # 招待 is a word
        ("我会马上按时还款", "上岸"),  # 按时 is a word across the edge
        ("我已经报过警了", "包过"),  # 报 is a common character: short terms need rare ones
        ("返回首页,使用说明", "返佣"),
    ],
)
def test_ordinary_words_that_sound_alike_are_not_hits(text, term):
    assert term not in _sound_terms(text)
    assert term not in {h.term for h in match_lexicon(text)}


def test_exact_spelling_is_left_to_the_main_matcher():
    assert _sound_terms("诚招代理") == set()


def test_batch_gives_the_same_matches_as_one_at_a_time():
    from qinglang.text.sound_match import find_sound_matches_batch

    texts = ["欧宝体育-召岱哩,综合", "", "公司招待礼品", "充3百送188诚昭垈哩", "召岱哩"]
    norms = [normalize_for_matching(t) for t in texts]
    assert find_sound_matches_batch(norms) == [find_sound_matches(n) for n in norms]
