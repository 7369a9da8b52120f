"""Lexicon matching: variant spellings, categories, context suppression."""

import pytest

from qinglang.text.lexicon import CATEGORY_LABELS, expand_term, lexicon_categories, match_lexicon, terms


def live(text):
    return [h for h in match_lexicon(text) if not h.suppressed]


def test_categories_cover_the_issue():
    cats = lexicon_categories()
    assert len(cats) == 8
    assert {t.category for t in terms()} == set(cats)
    assert CATEGORY_LABELS["anti_collection"] == "反催收"


@pytest.mark.parametrize(
    "text,term",
    [
        ("专业停息挂账", "停息挂账"),
        ("專業停息掛賬", "停息挂账"),
        ("停 息·挂*账", "停息挂账"),
        ("tingxiguazhang 找我", "停息挂账"),
        ("zheng信修复", "征信修复"),
        ("zx修复", "征信修复"),
        ("JR消费 了解一下", "jr消费"),
        ("分琪还不上", "分期"),
        ("崔收电话打爆了", "催收"),
        ("代理tuibao", "代理退保"),
        ("各类证件 办毕业证", "办毕业证"),
        ("出售网贷数据", "网贷数据"),
        ("诚招代理 日入过千", "诚招代理"),
    ],
)
def test_variant_spellings_hit(text, term):
    assert term in {h.term for h in live(text)}


def test_hit_spans_are_original():
    text = "找我们 zheng信 xiu复，当天办"
    (h,) = [h for h in match_lexicon(text) if h.term == "征信修复"]
    assert text[h.start : h.end] == h.matched == "zheng信 xiu复"
    assert h.variant


def test_plain_hit_is_not_variant():
    (h,) = match_lexicon("专业停息挂账")
    assert not h.variant and h.category == "debt_relief"


def test_ascii_term_needs_word_boundary():
    assert not [h for h in match_lexicon("密码 zxcv1234") if h.matched.lower().startswith("zx")]


@pytest.mark.parametrize(
    "text,context",
    [
        ("警惕“征信修复”骗局，征信无法花钱修复", "warning_frame"),
        ("提醒广大消费者：所谓停息挂账是骗局", "warning_frame"),
        ("近日，警方捣毁一个以代理退保为名的诈骗团伙，抓获犯罪嫌疑人12名", "news"),
        ("法院一审判决：被告人以征信修复为名骗取钱财", "news"),
    ],
)
def test_warning_and_news_suppressed(text, context):
    hits = match_lexicon(text)
    assert hits and all(h.suppressed for h in hits)
    assert context in {h.context for h in hits}


def test_ad_reassurance_is_not_a_warning():
    hits = match_lexicon("正规公司不是骗局，专业代理退保，不成功不收费")
    assert "代理退保" in {h.term for h in hits if not h.suppressed}


def test_negation_before_term():
    (h,) = [h for h in match_lexicon("请勿相信，不要找代理维权") if h.term == "代理维权"]
    assert h.suppressed and h.context == "negation"


def test_expansion_of_short_terms_avoids_ordinary_text():
    spellings = expand_term(next(t for t in terms() if t.term == "上岸"))
    assert "上婩" in spellings  # a rare same-sound character can only be a disguise
    assert "上按" not in spellings  # "马上按时还款" must not hit 上岸
    assert "zx" in expand_term(next(t for t in terms() if t.term == "征信"))
    assert not match_lexicon("马上按时还款，真正信任，月份期间，竞争信息")


def test_long_terms_take_any_same_sound_character():
    assert "代理维权" in {h.term for h in match_lexicon("专业代理唯权")}
    assert "诚招代理" in {h.term for h in match_lexicon("诚召代理")}


def test_two_character_term_with_pinyin_and_homophone():
    assert "网贷" in {h.term for h in match_lexicon("我们是办理wang代的")}


def test_sound_shape_neighbours_expand_long_terms_only_with_common_chars():
    assert "诚招代理" in {h.term for h in match_lexicon("诚昭代理，日结")}  # 昭: same sound, similar shape
    assert not match_lexicon("犹豫了很久，例如")  # common look-alikes never expand two-character terms


def test_batch_min_weight_skips_only_texts_with_light_terms_alone():
    from qinglang.text.lexicon import match_lexicon, match_lexicon_batch

    texts = ["我想把这个账单分期", "专业反催收,停息挂账找我们", "今天天气很好", "征信有问题,可以代理退保吗"]
    full = match_lexicon_batch(texts)
    assert full == [match_lexicon(t) for t in texts]
    light = match_lexicon_batch(texts, min_weight=0.2)
    for hits_all, hits_light in zip(full, light, strict=True):
        if any(h.weight >= 0.2 for h in hits_all):
            assert hits_light == hits_all
        else:
            assert hits_light == []
    assert light[1] and full[0] and light[0] == []  # 分期 alone is a light, generic word
