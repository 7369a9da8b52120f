"""phones: E.164, city-level 归属地 and carrier; invalid numbers kept, never raised."""

from qinglang.phones import mask_phone, phone_info, split_region


def test_mobile_parsed_with_city_and_carrier():
    info = phone_info("139 5100 1234")
    assert info.valid and info.e164 == "+8613951001234"
    assert (info.province, info.city) == ("江苏省", "南京市")
    assert info.carrier == "中国移动"


def test_autonomous_region_city_has_no_province_prefix():
    assert split_region("宁夏银川市") == ("宁夏", "银川市")
    assert split_region("内蒙古呼和浩特市") == ("内蒙古", "呼和浩特市")
    assert split_region("北京市") == ("北京市", "北京市")
    assert phone_info("18995001234").city == "银川市"


def test_invalid_number_is_kept_not_raised():
    for raw in ("abc", "", "12345", "+86 000"):
        info = phone_info(raw)
        assert not info.valid and info.e164 is None and info.raw == raw


def test_mask():
    assert mask_phone("+8613951001234") == "139****1234"
    assert mask_phone("12345") == "12***45"
