"""Contacts written with no cue or a loose one (issue 11, posts): ids of letters then digits named in
a sentence, ids set off by spaces but named as someone's, QQ and group numbers after 是 / a comma /
quotes or before their 群, and a WeChat id followed by a quantity."""

from __future__ import annotations

from qinglang.text.contacts import extract_contacts


def _found(text: str) -> dict[str, tuple[str, bool]]:
    return {c.value: (c.kind, c.named) for c in extract_contacts(text)}


def test_an_id_of_letters_then_digits_is_named_or_offered_by_its_cue():
    assert _found("然后让你加微信（我遇到的是yhzw2088），给你一份方案")["yhzw2088"] == ("wechat", True)
    assert _found("yxfw0518 这个号大家拉黑吧")["yxfw0518"] == ("wechat", True)
    assert _found("停息挂账+延期分期，联系方式放这了：zwgh2088，加的时候备注贴吧")["zwgh2088"] == (
        "wechat",
        False,
    )
    # not an id: a number with a unit, an order number, letters alone or too few digits
    assert not _found("显存12g，跑分2000分，型号ab12")
    assert "abc123456" not in _found("订单号abc123456已经发货")


def test_an_id_set_off_by_spaces_counts_with_a_digit_or_when_named_as_someones():
    assert "dhzx_777" in _found("吧友们看一下，这个 dhzx_777 是不是骗子？")
    assert "jrfw_zx" in _found("加了一个叫 jrfw_zx 的微信，对方说是金融服务")
    assert "hello_world" not in _found("扣款失败 hello_world 是什么意思")


def test_qq_and_group_numbers_written_loosely():
    assert _found("对方QQ群是 六四八二七三九一五，群里都是托")["648273915"][0] == "qq"
    assert _found("网贷人自救群，836271945，进群免费领取")["836271945"][0] == "qq"
    assert _found("群友们注意，“上岸互助群” 582930174 里面全是托")["582930174"][0] == "qq"
    assert _found("反催收联盟 493827156 这个群要注意")["493827156"][0] == "qq"
    # a number before 群 that is an amount or a phone is not a group
    assert "13812345678" not in {v for v, (k, _) in _found("13812345678群主电话").items() if k == "qq"}
    assert not _found("我们这个200人的群很热闹")


def test_a_wechat_id_does_not_swallow_the_quantity_after_it():
    assert "xtyfw_001" in _found("v信：xtyfw_001 24小时在线")
    assert "xtyfw_00124" not in _found("v信：xtyfw_001 24小时在线")
    assert "fq4379875" in _found("v信 fq4 379875")  # a break inserted into one id stays one id


def test_an_id_spelt_out_keeps_its_first_v_and_a_spelt_number_drops_its_cue():
    assert "vivi3321" in _found("想了解的加 v i v i 3 3 2 1 说明来意")
    assert "vivi_zs888" in _found("需要的加我 v i v i _ z s 8 8 8")
    assert "hx9527kk" in _found("加v：h x 9 5 2 7 k k")  # with a colon the v is the cue
    assert _found("成功后收费，wx 5 3 8 1 0 9 2 7 4 6（纯数字那个）")["5381092746"] == ("wechat", False)
    assert _found("进群扣 qq 8 3 6 2 7 1 9 4 5")["836271945"][0] == "qq"


def test_a_word_glued_to_a_number_in_english_text_is_no_id():
    # real CFPB narratives: a statute and a typo, not contacts (they tied two complaints as one id)
    assert not _found("what the creditor must do under section ( FCBA1666 ( b ) ( 6 ). I DEMAND")
    assert not _found("each accounts are100 % true, accurate")


def test_a_numeral_word_glued_to_a_number_is_not_its_last_digit():
    # blind p19: 维权群466102839一起 is the group 466102839 and the word 一起 (not 4661028391)
    assert _found("请加维权群466102839一起收集证据")["466102839"][0] == "qq"
    assert "4661028391" not in _found("请加维权群466102839一起收集证据")
    # a number disguised with numerals inside its run is still read whole
    assert "13800138000" in _found("加我qq 一三八零零一三八零零零")
    assert "123456789" in _found("qq:12345678九")


def test_a_handle_after_a_chinese_colon_and_a_group_number_after_a_verb():
    # blind p19/p18: named after 曝光： / 这个人：, and 进群了解：<number>
    assert _found("骗子曝光：kf_tingxi01（微信），冒充银行客服")["kf_tingxi01"] == ("wechat", True)
    assert "wangjie_fw2026" in _found("姐妹们避雷这个人：wangjie_fw2026，说自己是律所的")
    assert _found("反崔收团队扩招，进群了解：792031586")["792031586"][0] == "qq"
    # a count after 群 is no group number, and a URL path is no handle
    assert not _found("这个群人数：500000")
    assert "a_bcdef" not in _found("链接 https://abc.com/a_bcdef")
