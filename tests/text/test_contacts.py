"""One test per contact spelling, plus the things that must NOT be extracted."""

import pytest

from qinglang.text.contacts import extract_contacts, registrable_domain


def kinds_values(text):
    return {(c.kind, c.value) for c in extract_contacts(text)}


@pytest.mark.parametrize(
    "text",
    [
        "电话13912345678",
        "电话 139 1234 5678",
        "电话 139-1234-5678",
        "电话 1 3 9 1 2 3 4 5 6 7 8",
        "电话 +86 139 1234 5678",
        "电话 一三九一二三四五六七八",
        "电话 幺三九 幺二三四 五六七八".replace("幺二", "一二"),
        "电话 壹叁玖壹贰叁肆伍陆柒捌",
        "电话 139一二三四5678",
        "电话 １３９１２３４５６７８",
        "电话 ①③⑨①②③④⑤⑥⑦⑧",
        "电话 139*1234*5678",
        "电话 139\u200b1234\u200b5678",
    ],
)
def test_mobile_spellings(text):
    assert ("phone", "+8613912345678") in kinds_values(text)


def test_phone_raw_span_points_at_original():
    text = "急用钱找我 壹叁玖-壹贰叁肆-伍陆柒捌 秒批"
    (c,) = [c for c in extract_contacts(text) if c.kind == "phone"]
    assert text[c.start : c.end] == c.raw == "壹叁玖-壹贰叁肆-伍陆柒捌"


def test_landline():
    assert ("phone", "+8675586001234") in kinds_values("座机 0755-86001234")


@pytest.mark.parametrize(
    "text,handle",
    [
        ("加V：Abc_12345", "abc_12345"),
        ("vx: haoren888", "haoren888"),
        ("微信号 wx_loan2024", "wx_loan2024"),
        ("薇 abc12345", "abc12345"),
        ("威：daikuan666", "daikuan666"),
        ("卫星 xinyong88", "xinyong88"),
        ("绿泡泡: haoren888", "haoren888"),
        ("➕V kk9999x", "kk9999x"),
        ("+v zxxf2023", "zxxf2023"),
        ("嶶 信: tingxi001", "tingxi001"),
    ],
)
def test_wechat_spellings(text, handle):
    assert ("wechat", handle) in kinds_values(text)


@pytest.mark.parametrize(
    "text",
    [
        "QQ 1144771611",
        "扣扣：1144771611",
        "+扣:1144771611",
        "企鹅 1144771611",
        "q:1144771611",
        "扣扣 一一四四七七一六一一",
    ],
)
def test_qq_spellings(text):
    assert ("qq", "1144771611") in kinds_values(text)


@pytest.mark.parametrize(
    "text,domain",
    [
        ("官网 https://www.abc-loan.com.cn/x?y=1", "abc-loan.com.cn"),
        ("点击 e5.q00k.com/?2963483 领取", "q00k.com"),
        ("访问 WWW.ZXXF.TOP", "zxxf.top"),
    ],
)
def test_urls(text, domain):
    assert ("url", domain) in kinds_values(text)


def test_email():
    assert ("email", "kf@abc.cn") in kinds_values("邮箱 KF@abc.cn")


def test_lawyer_licence_firm_company():
    text = "张伟律师 执业证号 11101201810123456 北京市某某律师事务所 深圳某某法律咨询有限公司"
    got = kinds_values(text)
    assert ("lawyer_name", "张伟") in got
    assert ("lawyer_licence", "11101201810123456") in got
    assert ("law_firm", "北京市某某律师事务所") in got
    assert ("company", "深圳某某法律咨询有限公司") in got


def test_uscc_after_licence_label_is_uscc():
    assert ("uscc", "31110000MD0123456X") in kinds_values("执业证号：31110000md0123456x")


def test_company_prefix_trimmed():
    assert ("company", "上海某某信息咨询服务有限公司") in kinds_values("我们是上海某某信息咨询服务有限公司的")


@pytest.mark.parametrize(
    "text",
    [
        "订单号 13912345678",
        "金额 13912345678元",
        "身份证 110101199003071234",
        "卡尾号1234",
        "2023-01-15 还款 5000 元",
        "借款 100000 元，分 12 期",
    ],
)
def test_not_contacts(text):
    assert not [c for c in extract_contacts(text) if c.kind in ("phone", "qq", "wechat")]


@pytest.mark.parametrize(
    "text,value", [("客服 95588", "95588"), ("热线 400-123-4567", "4001234567"), ("拨打12378", "12378")]
)
def test_service_numbers(text, value):
    assert ("service_number", value) in kinds_values(text)
    assert not [c for c in extract_contacts(text) if c.kind == "phone"]


def test_registrable_domain():
    assert registrable_domain("www.abc.com.cn") == "abc.com.cn"
    assert registrable_domain("a.b.example.com") == "example.com"


@pytest.mark.parametrize(
    "text,handle",
    [
        ("私信或者加薇信zx 3014557", "zx3014557"),
        ("电话一八三七零四五二二九五 VX：fq5136", "fq5136"),
        ("V iqha1982（备注逾期）", "iqha1982"),
        ("➕V：ri丶oh1993", "rioh1993"),
        ("私信或者加Vxy69-68232", "xy6968232"),
        ("私信或者加VXxmjyda77jj3", "xmjyda77jj3"),
    ],
)
def test_wechat_handles_with_inserted_breaks(text, handle):
    assert ("wechat", handle) in kinds_values(text)


@pytest.mark.parametrize(
    "text,qq",
    [
        ("扣扣3365/10/203", "336510203"),
        ("QQ：373 7030 093", "3737030093"),
        ("扣扣36-8855-2269", "3688552269"),
        ("QQ：①⑥⑦⑧③⑥ ④⑤ ⑤④", "1678364554"),
        ("扣扣１~２４９~５２９６８５", "1249529685"),
    ],
)
def test_qq_with_separators(text, qq):
    assert ("qq", qq) in kinds_values(text)


@pytest.mark.parametrize(
    "text",
    [
        "联系一八/零八一零二八二零/八",
        "咨询热线 18丶764丶188059".replace("18丶764丶188059", "13丶912丶345678"),
        "电话幺三九拐八拐八六五四两".replace("幺三九拐八拐八六五四两", "幺三九一二三四五六七八"),
    ],
)
def test_phone_with_separators_and_numeral_slang(text):
    got = {v for k, v in kinds_values(text) if k == "phone"}
    assert got and all(v.startswith("+861") for v in got)


@pytest.mark.parametrize(
    "text,handle",
    [
        ("薇：gcv zis90dv，联系", "gcvzis90dv"),
        ("加v j2bnubq0 k_8（备注）", "j2bnubq0k_8"),
        ("私信或者加薇信wnt6o88ap8", "wnt6o88ap8"),  # the o inside a handle stays a letter
        ("➕vx号：tx279412\nvx号：tx279412", "tx279412"),  # the next cue is not part of the handle
    ],
)
def test_wechat_handles_with_one_inner_space(text, handle):
    got = {v for k, v in kinds_values(text) if k == "wechat"}
    assert handle in got and not any(v.endswith("vx") for v in got)
