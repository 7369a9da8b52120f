"""Post scoring: ads flagged, warnings/news/questions not, reasons explain in Chinese and English."""

import pytest

from qinglang.posts.scoring import score_text


@pytest.mark.parametrize(
    "text",
    [
        "专业停息挂账，只还本金，最长分60期，加V：jgkal2004",
        "亭息卦账 zheng信xiu复，薇 abc12345",
        "反崔收专业团队，电话 壹叁玖 壹贰叁肆 伍陆柒捌",
        "代理退保，保险费全额退回，不成功不收费，扣扣 1144771611",
        "贫困证明、失业证明、病历都可以帮忙准备，➕V：ri丶oh1993",
    ],
)
def test_ads_are_flagged(text):
    s = score_text(text)
    assert s.flagged, (s.score, s.reasons)
    assert s.categories


@pytest.mark.parametrize(
    "text",
    [
        "警惕“停息挂账”骗局！所谓债务优化公司收取高额服务费后失联，请通过官方渠道协商还款。",
        "法院认定：以“停息挂账”为名组织恶意投诉，构成敲诈勒索罪，判处有期徒刑5年。",
        "警方打掉一个“反催收”黑产团伙，涉案金额上千万元。",
        "有没有人知道停息挂账靠谱吗？网贷逾期三个月了。",
        "征信上有逾期记录，说能修复的是真的吗？",
        "云禾消费金融：正规持牌，年化利率透明，官方客服400-618-7799。",
    ],
)
def test_hard_negatives_are_not_flagged(text):
    s = score_text(text)
    assert not s.flagged, (s.score, [r.detail_en for r in s.reasons])


def test_reasons_are_bilingual_and_traceable():
    text = "专业停息挂账，加V：jgkal2004"
    s = score_text(text)
    codes = {r.code for r in s.reasons}
    assert {"post_lexicon_term", "post_private_contact"} <= codes
    for r in s.reasons:
        assert r.detail_zh and r.detail_en
    (hit,) = [h for h in s.hits if h.term == "停息挂账"]
    assert text[hit.start : hit.end] == "停息挂账"


def test_disguised_spelling_scores_higher_than_plain():
    plain = score_text("可以协商分期")
    disguised = score_text("可以协伤分琪")
    assert disguised.score > plain.score
