"""A coached agency (issue 11, blind set b6): borrowers file themselves, each in their own words,
from their own phones — nothing shared — but in the agency's sessions. The session makes them a
campaign (`coached_wave`); the same complaints spread over weeks, and a burst of real hardship
pleas after one event, are not."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.scan import run_scan
from qinglang.schema import Complaint

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 4, 1, 9, 0, tzinfo=SH)
COACHED = [
    "本人借款已逾期，现申请停息挂账，本金分48期偿还，免除全部罚息违约金，修复征信，停止催收，否则投诉到金融监管局",
    "我要求停止计息，只还本金分60期，之前的罚息和服务费全部减免，逾期记录删除，不要再打电话催收，不然就去12378",
    "申请个性化分期：停息，本金分36期，罚息违约金全免，征信恢复正常，停止一切催收联系，否则向人民银行投诉",
    "借的本金我认，利息我不认。要求停息挂账，本金分48期，免除罚息，上报的逾期记录撤销，催收全部停止，否则起诉",
    "现正式提出协商：停止计息、本金分60期、减免全部罚息违约金、修复征信、停止催收，不处理我就投诉到监管局",
    "请给我办理停息挂账，只还本金，分48个月，罚息违约金免除，逾期不要上征信，停止联系我和家人，否则投诉",
    "我要求平台停息，本金分36期，已收的服务费退还抵本金，罚息全免，征信修复，停止催收，否则去黑猫投诉",
    "按规定可以申请停息挂账，我现在申请：停息，本金分60期，免罚息和违约金，删除不良征信记录，停止催收",
    "要求：一、停止计息；二、本金分48期；三、免除罚息违约金；四、修复征信；五、停止催收。否则向金融监管局投诉",
    "本人申请停息分期，只还本金60期，罚息服务费全部免掉，征信给我恢复，再催收我就投诉到12378",
]
COACHED_LATER = [  # the same group two weeks later, at the same hours, other borrowers
    "逾期三个月了，实在没办法。我正式申请：停息挂账、剩余本金分60期、罚息违约金全部减免、删除逾期征信、不准再催收",
    "群里说可以协商，我也申请：停止计息，只还本金48期，减免所有罚息，征信恢复，催收电话全部停掉，不然投诉12378",
    "我的诉求：一、停息；二、本金分36期；三、免除罚息违约金；四、征信逾期撤销；五、停止联系我家人。否则找监管",
    "利息太高我不认，只还本金分60个月，罚息全免，逾期记录给我删掉，再打催收电话我就去人民银行投诉你们",
    "请贵司按个性化分期处理：停息，本金分48期，免罚息和服务费，修复征信，暂停一切催收，如不处理将向金融监管局反映",
    "本金我认，其他不认：停息挂账、分期60期、罚息违约金免除、征信修复、停止催收，三天内不回复就去黑猫",
    "申请只还本金、分期48期、停止计息、减免罚息、撤销征信不良，催收不要再联系我，否则向监管部门投诉",
    "要求你们马上停息，本金按36期还，罚息违约金一分不交，征信给我改正常，催收停止，不同意我就起诉",
]
# after a flood, real borrowers ask for time in their own words within one evening
FLOODED = [
    "家里被大水淹了，店也开不了，这个月真的还不上，能不能先停息几个月，等恢复了我分期慢慢还",
    "我们村这次受灾很严重，房子进水了，请问能不能延期还款，或者暂时不算利息，我以后一定还",
    "洪水把厂子冲了，工资发不出来，恳请你们宽限一段时间，能不能分几期还，利息能少一点吗",
    "受洪灾影响暂时没有收入，想申请延后还款，能不能暂停计息两个月，我保证之后按期还",
    "家里老人在这次水灾里受伤住院，钱都花在医院了，能不能给我分期，利息先停一停",
    "我是受灾地区的，车子泡水了，收入断了，请问有没有受灾客户的延期政策，能不能停息分期",
    "大水过后什么都没了，请体谅一下，这期能不能晚一个月还，罚息能不能先不算，我会分期还清",
    "这次暴雨我们镇全淹了，手机也泡坏了刚修好，想问能不能延期，或者分成几期还，别算罚息",
    "受灾了，目前在安置点，没法按时还款，恳请暂停利息，等重建好了我一定分期还上",
    "洪水冲毁了我的养殖场，损失很大，申请延期还款，能不能暂缓计息，我愿意分期慢慢还",
]
GENUINE = [
    "昨天扣款扣了两次，请退还多扣的钱",
    "催收员辱骂我的家人，要求处理",
    "请问提前还款怎么操作",
    "app登录不了，一直转圈",
    "我的还款日能不能改到每月15号",
    "客服电话一直打不通",
]


def _complaint(k: int, text: str, at: datetime) -> Complaint:
    return Complaint(
        complaint_id=f"W{k:04d}",
        received_at=at,
        channel="app",
        customer_id=f"U{k:04d}",
        phone=f"139{k:08d}",
        text=text,
        ip=f"10.{k % 200}.{k // 200}.{k % 7 + 1}",
        device_id=f"dev-{k:04d}",
    )


def _background() -> list[Complaint]:
    # two months of ordinary complaints, a few an hour in the daytime
    return [
        _complaint(1000 + k, GENUINE[k % len(GENUINE)] + f"（第{k}次反映）", T0 + timedelta(hours=k * 3.1))
        for k in range(480)
    ]


def _flagged(complaints: list[Complaint]) -> tuple[set[str], list]:
    result = run_scan(complaints)
    flagged = {s.complaint_id for s in result.scored if s.flagged}
    return flagged, result.clusters


def test_coached_borrowers_filing_in_one_session_are_a_campaign():
    evening = T0 + timedelta(days=20, hours=11)
    coached = [_complaint(k, t, evening + timedelta(minutes=8 * k)) for k, t in enumerate(COACHED)]
    flagged, clusters = _flagged(coached + _background())
    ids = {c.complaint_id for c in coached}
    assert len(ids & flagged) >= 8
    wave = [c for c in clusters if any(e.code == "coached_wave" for e in c.evidence)]
    assert wave and wave[0].flagged and set(wave[0].cluster.complaint_ids) <= ids


def test_the_same_complaints_spread_over_weeks_stay_unflagged():
    coached = [_complaint(k, t, T0 + timedelta(days=5 * k, hours=3)) for k, t in enumerate(COACHED)]
    flagged, clusters = _flagged(coached + _background())
    assert not {c.complaint_id for c in coached} & flagged
    assert not any(e.code == "coached_wave" for c in clusters for e in c.evidence)


def test_a_burst_of_real_hardship_pleas_after_one_event_is_not_a_campaign():
    evening = T0 + timedelta(days=25, hours=10)
    pleas = [_complaint(200 + k, t, evening + timedelta(minutes=9 * k)) for k, t in enumerate(FLOODED)]
    flagged, clusters = _flagged(pleas + _background())
    assert not {c.complaint_id for c in pleas} & flagged
    assert not any(e.code == "coached_wave" for c in clusters for e in c.evidence)


def test_the_same_group_two_weeks_later_at_the_same_hours_is_the_same_campaign():
    """Two evening sessions two weeks apart, different borrowers and words: one campaign whose
    evidence names both sessions."""
    first = T0 + timedelta(days=20, hours=11)  # 20:00 local
    later = first + timedelta(days=14, minutes=15)
    coached = [_complaint(k, t, first + timedelta(minutes=8 * k)) for k, t in enumerate(COACHED)]
    coached += [_complaint(300 + k, t, later + timedelta(minutes=9 * k)) for k, t in enumerate(COACHED_LATER)]
    flagged, clusters = _flagged(coached + _background())
    waves = [c for c in clusters if any(e.code == "coached_wave" for e in c.evidence)]
    assert len(waves) == 1 and waves[0].flagged
    ids = set(waves[0].cluster.complaint_ids)
    assert (
        len(ids & {c.complaint_id for c in coached[:10]}) >= 8
        and len(ids & {c.complaint_id for c in coached[10:]}) >= 6
    )
    detail = next(e.detail_zh for e in waves[0].evidence if e.code == "coached_wave")
    assert "2 个同一时段的会话" in detail
