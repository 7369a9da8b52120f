"""One coaching group behind coached campaigns at different hours (signals/coached.py): sessions
paraphrasing one script are joined; two agencies that only share the usual package are not; a
campaign with its own identifier tie never takes part."""

from __future__ import annotations

from qinglang.detection_config import ClusterParams
from qinglang.signals.coached import is_coached_only, script_groups

RATIO = ClusterParams().coached_script_min_ratio

# one teacher's script, paraphrased by each member: its instalment count, its order, its threat
SCRIPT_A = [
    "本人申请停息挂账，本金分48期偿还，免除罚息和违约金，结清后修复征信，停止一切催收，否则向12378投诉。",
    "我要求停息挂账，本金分48期，罚息违约金全免，还清以后把征信修复好，不要再催收，不然就去12378投诉。",
    "申请停息挂账，剩余本金分48期还，罚息违约金请免除，结清后修复征信记录，马上停止催收，否则投诉12378。",
    "现申请停息挂账，本金按48期分期，免掉罚息违约金，结清后帮我修复征信，停止催收，不处理就投诉到12378。",
    "我申请停息挂账，本金分成48期慢慢还，免除罚息违约金，还完后修复征信，别再催收了，否则向12378反映。",
    "要求办理停息挂账，本金分48期，免罚息违约金，结清修复征信，停止催收，不答应我就去12378投诉你们。",
]
SCRIPT_A_LATER = [
    "申请停息挂账，本金分48期还款，免除所有罚息违约金，结清后修复征信，立即停止催收，否则12378投诉。",
    "本人要求停息挂账，本金分48期，罚息和违约金免除，还清后征信修复，停止催收，不然我向12378投诉。",
    "我要办停息挂账，本金48期分期，免罚息违约金，结清后必须修复征信，不许再催收，否则去12378投诉。",
    "停息挂账，本金分48期偿还，罚息违约金给我免了，结清后修复征信，停止催收电话，否则投诉12378。",
    "申请停息挂账本金分48期，免除罚息违约金，还完修复征信，停止催收，否则向12378和监管局投诉。",
    "我申请停息挂账，本金分48期归还，免罚息违约金，结清之后修复征信，停止催收，不然向12378投诉。",
]
# another agency: the same kind of package, its own script
SCRIPT_B = [
    "委托人经济困难，请贵司暂停计息，仅还本金，分60个月，减免一切费用，删除逾期记录，我方将代为协商。",
    "我司受借款人委托，要求暂停计息，只还本金，分60个月，费用全部减免，逾期记录删除，请与我方对接。",
    "借款人已委托我方处理，请暂停计息并只还本金分60个月，减免费用，删除逾期记录，后续由我方协商。",
    "受委托人所托，请求暂停计息，本金分60个月归还，其余费用全部减免，删除逾期记录，由我方负责沟通。",
    "我方代表借款人申请暂停计息，只还本金分60个月，全部费用减免，删除征信逾期记录，请联系我方。",
    "委托人无力偿还，请暂停计息，仅偿还本金并分60个月，减免各项费用，删除逾期记录，我方全权代理。",
]


def _parts(*groups: list[str]) -> tuple[list[list[int]], list[str]]:
    texts: list[str] = []
    parts = []
    for g in groups:
        parts.append(list(range(len(texts), len(texts) + len(g))))
        texts.extend(g)
    return parts, texts


def test_two_sessions_of_one_script_are_one_group():
    parts, texts = _parts(SCRIPT_A, SCRIPT_A_LATER, SCRIPT_B)
    assert script_groups(parts[:2], parts, texts, RATIO) == [[0, 1]]


def test_two_agencies_asking_for_the_same_package_stay_apart():
    parts, texts = _parts(SCRIPT_A, SCRIPT_B)
    assert script_groups(parts, parts, texts, RATIO) == []


def test_one_campaign_alone_has_nobody_to_join():
    parts, texts = _parts(SCRIPT_A)
    assert script_groups(parts, parts, texts, RATIO) == []


def test_only_coached_campaigns_without_a_tie_take_part():
    assert is_coached_only(["coached_wave", "agency_demands", "burst"])
    assert not is_coached_only(["coached_wave", "shared_device"])  # its own organiser
    assert not is_coached_only(["sim_pool", "agency_demands"])  # not a coached session
