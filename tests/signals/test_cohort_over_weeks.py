"""A coaching group filing over weeks (issue 11, blind set b12): members sent in batches, each
filing from their own phone and device in their own words but following the coach's checklist —
no session, nothing shared. Their wording is far closer to each other than the lender's other
overdue borrowers' is: a coached cohort (signals/cohort.py). Genuine hardship pleas spread over the
same weeks, and a viral wording copied by unrelated customers about one real problem, are not."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.detection_config import ClusterParams, DetectionConfig
from qinglang.scan import run_scan
from qinglang.schema import Complaint

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 9, 1, 9, 0, tzinfo=SH)
# a coach's checklist: reason, 停息挂账 + principal only in 36 instalments, stop contacting family,
# "本人申请、没有委托第三方", three working days, regulator
COACHED = [
    "我在工地干活摔断了腿，半年没收入，借款逾期了。申请停息挂账，只还本金分36期，别再给我家里人打电话。本人申请，没有委托任何第三方，请三个工作日内回复。",
    "开的小饭馆关门了，现在欠着好几家。想办理停息挂账，本金分36期慢慢还，催收不要联系我的亲戚朋友。这是我自己提交的，没找中介，三个工作日内给个答复。",
    "老婆生病住院花光了积蓄，这笔逾期一个多月。我要求停止计息，只还本金，分36期。请停止骚扰我的紧急联系人。本人亲自投诉，未委托第三方，三个工作日内不处理我就找监管。",
    "被公司裁员之后一直没找到工作，逾期快两个月了。申请停息，本金分三十六期，罚息全免，别再打我父母电话。我是本人，没有找任何机构，请在三个工作日内答复。",
    "跑外卖出了车祸，躺了三个月，知道逾期了。请给我停息挂账，剩余本金分36期，停止联系我的通讯录。我自己写的，没有中介，三个工作日内回复，不然我去12378。",
    "孩子做手术借的钱，现在实在还不上，逾期四十天。要求停息、只还本金36期、免除罚息，催收不要再打到我单位。本人投诉，没有委托别人，请三个工作日内处理。",
    "养殖的鸡全得病死了，亏了十几万，借款已经逾期。申请停息挂账本金分36期，请催收别联系我的家人。是我本人申请的，没有第三方，给我三个工作日答复。",
    "我爸去世办后事把钱都用完了，逾期一个月。希望停止计息，本金分36期还，不要再给我亲戚打电话。我本人提交，没找代理，三个工作日内请联系我，否则向金融监管局反映。",
    "做微商压货亏了，这个月开始逾期。我申请停息挂账，只还本金，分36个月，停止联系我的朋友。本人自己申请的，没有委托中介，三个工作日内请给书面答复。",
    "单位停薪留职，收入没了，借款逾期二十多天。要求停息，本金分36期，罚息减免，催收不要找我老公。这是本人投诉，没有任何第三方参与，请三个工作日内回复。",
    "离婚后一个人带孩子，工资不够还款，已经逾期。申请停止计息，只还本金分36期，别再打电话给我娘家。本人申请，没找中介机构，三个工作日内不回复我就投诉到监管。",
    "店铺拆迁没了生意，两笔借款都逾期了。想申请停息挂账，本金36期，停止联系我的同事。我是自己打字投诉的，没有委托第三方，请三个工作日内给我结果。",
    "工厂倒闭了，工资拖欠三个月，借款逾期五十多天。申请停息只还本金，分36期，催收停止骚扰我家人。本人亲自申请，没有中介，三个工作日内答复。",
    "生病做了两次手术，欠了很多钱，这边逾期了。我要求停止利息罚息，本金分36期，不要再联系我的通讯录。本人提交，未委托任何人，请三个工作日内处理。",
]
# genuine hardship pleas, own words, modest asks
HARDSHIP = [
    "我最近失业了，这个月的还款可能要晚几天，能不能宽限一下，我找到工作马上还。",
    "孩子住院了，手头很紧，想问能不能把这期延期一个月，罚息能不能少算点。",
    "逾期十来天了，不是故意的，家里老人病了。我下个月发工资就还，别再加罚息了行吗。",
    "明天就到还款日了，钱还差一点，能不能分两次还，或者晚几天。",
    "我做生意被人骗了，现在周转不开，想问有没有困难客户的方案，分几期都可以。",
    "老公出车祸在医院，我一个人照顾，实在还不上这期，请给我点时间，我会还的。",
    "后天到期，最近收入少了一半，能不能申请延期，我不想逾期影响征信。",
    "逾期快一个月了，一直在外地找活干，想问能不能先还一部分，剩下的分几个月。",
    "家里房子漏雨修了一笔钱，这期还不上了，能不能宽限半个月。",
    "工资被拖欠了，这个月还款有困难，请问可以申请分期吗，利息能停一停吗。",
    "我是单亲妈妈，这段时间孩子生病，逾期了二十天，想申请延期，真的不是不还。",
    "生意不好，逾期了一周，能不能免掉一点罚息，我这周末凑钱还上。",
    "我刚做完手术在家休养，没有收入，想申请暂停还款两个月，之后正常还。",
    "今天到期，卡里钱不够，能不能先还最低的，下周补齐。",
    "逾期了两个月，每个月只能拿出几百块，能不能按我的能力分期还，罚息少算一点。",
    "父亲住院需要用钱，这期还款想推迟一个月，请问需要提供什么材料。",
    "这几个月跑车收入下降，逾期了，想商量一个能还得起的方案，分十二期可以吗。",
    "我在外地打工被辞退了，逾期二十多天，想问能不能先停罚息，等我找到工作就还。",
]
# a viral post's sentences copied by unrelated customers about one real problem
VIRAL = [
    "本人已结清全部借款，申请开具结清证明至今未获处理。请在7个工作日内出具结清证明，办房贷急用。",
    "本人已于上月结清全部借款，申请开具结清证明至今未获处理。请在7个工作日内出具结清证明。",
    "网上看到别人这么写：本人已结清全部借款，申请开具结清证明至今未获处理，请在7个工作日内出具。",
    "本人已结清全部借款，申请开具结清证明至今未获处理。请贵司在7个工作日内出具结清证明，否则向监管反映。",
    "本人已于8月结清全部借款，申请开具结清证明至今未获处理，客服说在审核。请7个工作日内出具结清证明。",
    "本人已结清全部借款，申请开具结清证明至今未获处理。单位要纸质证明，请在7个工作日内出具。",
    "本人已结清全部借款，申请开具结清证明至今未获处理。请贵司在7个工作日内出具结清证明，公积金贷款要用。",
    "跟那个帖子一样：本人已结清全部借款，申请开具结清证明至今未获处理。请在7个工作日内出具结清证明。",
    "本人已于9月结清全部借款，申请开具结清证明至今未获处理。请在7个工作日内出具结清证明，谢谢。",
    "本人已结清全部借款，申请开具结清证明至今未获处理，已经申请三次了。请在7个工作日内出具结清证明。",
]
GRIEVANCE = [  # ordinary complaints and questions, each once
    "昨天扣款扣了两次，请退还多扣的钱",
    "催收员辱骂我的家人，要求处理",
    "请问提前还款怎么操作，违约金怎么算",
    "app登录不了，一直转圈，换了手机也一样",
    "我的还款日能不能改到每月15号",
    "客服电话一直打不通，等了半个小时",
    "征信上显示的逾期记录不对，我是按时还的",
    "利率和合同上写的不一样，请解释",
    "绑定的银行卡换了，怎么修改扣款卡",
    "收到短信说我有一笔新借款，我没借过",
    "会员费是默认勾选的，我要求退还",
    "催收一天打了二十多个电话，太频繁了",
    "还款后额度没有恢复，是什么原因",
    "申请注销账户一直失败",
    "优惠券用不了，页面显示错误",
    "借款合同在app里找不到，请发给我",
    "还款成功了但是页面还显示待还",
    "客服态度很差，挂我电话",
    "自动扣款失败，但银行卡有钱",
    "我想知道这笔借款的实际年化利率是多少",
]


def _complaint(k: int, text: str, at: datetime) -> Complaint:
    return Complaint(
        complaint_id=f"K{k:04d}",
        received_at=at,
        channel=("app", "hotline", "regulator", "social")[k % 4],
        customer_id=f"U{k:04d}",
        phone=f"139{k:08d}",
        text=text,
        ip=f"10.{k % 200}.{k // 200}.{k % 7 + 1}",
        device_id=f"dev-{k:04d}",
    )


def _coached() -> list[Complaint]:
    """Three batches two weeks apart (days 6, 20, 34), members filing over the following days,
    two of them a week late; evenings."""
    out = []
    for k, text in enumerate(COACHED):
        batch = (6, 20, 34)[k % 3]
        late = 7 if k in (4, 11) else (k * 5) % 3
        out.append(_complaint(k, text, T0 + timedelta(days=batch + late, hours=11 + (k * 37) % 3)))
    return out


def _hardship() -> list[Complaint]:
    """Genuine pleas spread over the same six weeks, each in its own words."""
    return [
        _complaint(100 + k, text, T0 + timedelta(days=2.3 * k + 1, hours=(k * 7) % 10))
        for k, text in enumerate(HARDSHIP)
    ]


def _viral() -> list[Complaint]:
    """One real problem, a viral post's sentences, unrelated settled customers over a week."""
    return [
        _complaint(200 + k, text, T0 + timedelta(days=40 + 0.7 * k, hours=(k * 5) % 9))
        for k, text in enumerate(VIRAL)
    ]


def _background() -> list[Complaint]:
    return [
        _complaint(
            1000 + k, GRIEVANCE[k % len(GRIEVANCE)] + f"（第{k}次反映）", T0 + timedelta(hours=k * 4.3)
        )
        for k in range(300)
    ]


def _cohorts(complaints: list[Complaint], config: DetectionConfig | None = None):
    result = run_scan(complaints, config=config)
    flagged = {s.complaint_id for s in result.scored if s.flagged}
    cohorts = [
        c
        for c in result.clusters
        if any(e.code == "coached_script" and "batches" in e.detail_en for e in c.evidence)
    ]
    return flagged, cohorts


def test_a_coached_group_filing_over_weeks_is_a_campaign():
    coached = _coached()
    flagged, cohorts = _cohorts(coached + _hardship() + _viral() + _background())
    ids = {c.complaint_id for c in coached}
    assert len(cohorts) == 1 and cohorts[0].flagged
    assert set(cohorts[0].cluster.complaint_ids) <= ids
    assert len(ids & flagged) >= 10
    ev = next(e for e in cohorts[0].evidence if e.code == "coached_script")
    # no organiser contact was found, and the evidence says so rather than invent one
    assert "未发现组织者联系方式" in ev.detail_zh and "no organiser contact found" in ev.detail_en
    assert not cohorts[0].cluster.organizers
    # nobody else is flagged: the pleas and the viral wording stay alone
    assert flagged <= ids


def test_genuine_hardship_pleas_over_the_same_weeks_are_not_a_cohort():
    flagged, cohorts = _cohorts(_hardship() + _viral() + _background())
    assert not flagged and not cohorts


def test_a_viral_wording_about_one_real_problem_is_not_a_cohort():
    flagged, cohorts = _cohorts(_viral() + _viral()[:0] + _hardship()[:6] + _background())
    assert not cohorts
    assert not {c.complaint_id for c in _viral()} & flagged


def test_the_cohort_can_be_turned_off():
    config = DetectionConfig().with_overrides(clusters=ClusterParams(cohort_enabled=False).model_dump())
    flagged, cohorts = _cohorts(_coached() + _hardship() + _background(), config)
    assert not cohorts and not {c.complaint_id for c in _coached()} & flagged
