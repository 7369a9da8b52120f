"""An agency filing from the borrowers' own phones, tied only by two devices and its office network:
the device groups file in the same sessions (joined), the block then has an owner, and the
complaints filed alone from that block join it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.scan import run_scan
from qinglang.schema import Complaint

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 9, 1, 20, 0, tzinfo=SH)
AGENCY = [  # individually worded, one package of demands
    "本人要求立即停息挂账，只还本金分60期，减免全部罚息，否则投诉到金融监管局",
    "申请停息，本金分48期还，罚息违约金全部免除，不同意就向12378投诉",
    "要求停止计息只还本金，撤销征信逾期记录，停止联系我的家人，否则起诉",
    "失业半年了，请给我停息挂账，免罚息，分60个月还本金，别再催了",
    "你们利息太高是砍头息，我要停息，只还本金，征信给我恢复正常",
    "协商一下：停息，本金分期五年，违约金全免，催收电话全部停掉",
    "我委托的法务说可以停息挂账，请按只还本金36期处理，否则曝光",
    "家里老人住院，申请停止计息，罚息减免，本金分期，征信不要上报",
    "按照规定超过24%违法，要求退息停息，本金分60期，删除不良记录",
    "本人同意还本金，但要求停息挂账、免除全部息费，不然就去人民银行投诉",
    "请停止一切催收，停息，本金分期48个月，减免罚息，消除征信",
    "我只能还本金，分60期，其余利息罚息全部免除，立刻停息",
]
GENUINE = [
    "昨天扣款扣了两次，请退还多扣的钱",
    "催收员辱骂我的家人，要求处理",
    "请问提前还款怎么操作",
    "app登录不了",
]


def _inbox() -> list[Complaint]:
    out, k = [], 0
    sessions = [T0 + timedelta(days=d) for d in (0, 6, 13)]
    for dev in ("tabA", "tabB", None):  # two shared tablets, then borrowers' own phones
        for j in range(4):
            at = sessions[j % 3] + timedelta(
                minutes=7 * j + (3 if dev == "tabB" else 0) + (40 if dev is None else 0)
            )
            out.append(
                Complaint(
                    complaint_id=f"A{k:03d}",
                    received_at=at,
                    channel="app",
                    customer_id=f"UA{k:03d}",
                    text=AGENCY[k],
                    ip=f"183.14.29.{10 + k}",
                    device_id=dev or f"own{k}",
                )
            )
            k += 1
    for j in range(60):
        out.append(
            Complaint(
                complaint_id=f"G{j:03d}",
                received_at=T0 + timedelta(hours=11 * j),
                channel="app",
                customer_id=f"UG{j:03d}",
                text=GENUINE[j % 4] + f"（{j}）",
                ip=f"10.{j}.1.1",
                device_id=f"g{j}",
            )
        )
    return out


def test_device_groups_join_and_the_office_block_brings_the_loners():
    res = run_scan(_inbox())
    agency = {f"A{k:03d}" for k in range(12)}
    flagged = {s.complaint_id for s in res.scored if s.flagged}
    assert not flagged - agency, "no genuine complaint is flagged"
    owners = {s.cluster_id for s in res.scored if s.complaint_id in agency and s.flagged}
    assert len(owners) == 1, owners
    cluster = next(c for c in res.clusters if c.cluster.cluster_id in owners)
    assert "co_timed_filing" in {e.code for e in cluster.evidence}
    assert agency <= set(cluster.cluster.complaint_ids), "the loners from the office block joined"
