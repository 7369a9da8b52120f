"""Text of campaign complaints, one function per agency style.

WHY: each style reproduces a pattern seen in lenders' inboxes — a slot-filled template with
sentence-level variation (legal_consulting), a fake "law firm" quoting a credit code as a licence
number (fake_law_firm), individually worded texts that share only a contact (stealthy), and
"relatives" reporting deaths from one phone (death_relatives). Variation is deliberate: a detector
that only matches exact duplicates must fail here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from qinglang.synth import lexicon as lx
from qinglang.synth import obfuscate as ob
from qinglang.synth.agencies import Agency
from qinglang.synth.genuine import Composer, Context, fmt_amount, fmt_date, vary
from qinglang.synth.rand import pick

STYLES = ("legal_consulting", "fake_law_firm", "stealthy", "death_relatives")


@dataclass
class Member:
    """What a campaign text may mention about the borrower it is filed for."""

    name: str
    id_number: str
    principal: float
    loan_date: date
    due_date: date
    overdue_days: int
    city: str
    phone: str
    male: bool = True


def _pick(rng: random.Random, options: tuple[str, ...], **slots: str) -> str:
    return pick(rng, options).format(**slots)


def _house(rng: random.Random, ag: Agency, key: str, options: tuple[str, ...], k: int = 2) -> tuple[str, ...]:
    """The agency's own template: it uses a few of the variants of each paragraph, not all.

    WHY: two members of one agency's campaign read alike (same house wording), while two
    different agencies of the same style do not — as in real inboxes.
    """
    house = ag.extra.setdefault("house", {})
    if key not in house:
        house[key] = tuple(rng.sample(options, min(k, len(options))))
    return house[key]


def _house_pick(rng: random.Random, ag: Agency, key: str, options: tuple[str, ...], **slots: str) -> str:
    """Mostly the house wording, now and then another variant; words lightly varied."""
    pool = _house(rng, ag, key, options) if rng.random() < 0.85 else options
    return vary(rng, pick(rng, pool), p=0.12).format(**slots)


# ---------------------------------------------------------------- legal_consulting
_LC_INTRO = (
    "本人{name}，身份证号尾号{id4}，于{loan}在贵司{app}申请借款{amt}元。",
    "我叫{name}（身份证后四位{id4}），{loan}在{lender}借款本金{amt}元。",
    "投诉人：{name}，身份证尾号{id4}。本人于{loan}通过贵司平台借款{amt}元。",
    "您好，我是借款人{name}，身份证末四位{id4}，{loan}在贵平台借了{amt}元。",
    "本人{name}，证件尾号{id4}，{loan}在贵公司办理借款，金额{amt}元。",
)
_LC_HARDSHIP = (
    "因近期失业，收入来源中断，目前确实无力按期还款。",
    "由于家人生病住院，花光积蓄，现在经济非常困难，无法按原合同履约。",
    "因生意失败负债累累，目前已无偿还能力。",
    "因受经济环境影响，工资收入大幅下降，已经无法正常还款。",
    "本人现在身患疾病无法工作，家庭生活困难，实在没有能力偿还。",
    "因疫情后一直没有稳定工作，多个平台同时逾期，压力巨大。",
)
_LC_ACCUSE = (
    "经核算，贵司借款综合年化利率超过24%，存在砍头息、收取高额服务费等违规行为。",
    "贵司在放款时搭售会员和保险，变相提高借款成本，实际年化已超过36%。",
    "贵司催收人员多次骚扰本人家人及通讯录联系人，严重影响本人生活。",
    "贵司未按规定如实告知借款成本，涉嫌违反监管关于综合融资成本的规定。",
)
_LC_DEMAND = (
    "现本人申请停息挂账，减免全部罚息、违约金，只还本金，分{term}期偿还。",
    "特向贵司申请：停止计息，免除所有罚息及费用，本金分{term}期还清。",
    "本人要求贵司停息挂账，减免罚息，本金部分分{term}期协商还款。",
    "恳请贵司给予停息挂账处理，仅归还本金，并允许分{term}期。",
    "申请个性化分期：停止产生利息和罚息，剩余本金分{term}期偿还。",
)
_LC_STOP = (
    "协商期间请停止一切催收行为，不得联系本人通讯录、家人及单位。",
    "在协商处理期间，贵司不得再以任何形式催收，不得骚扰本人亲友。",
    "请立即停止催收，不得爆通讯录，不得联系本人紧急联系人。",
    "请贵司停止催收，所有事宜请与本人委托的代理人沟通。",
)
_LC_AGENT = (
    "本人已委托代理人全权处理此事，代理人电话：{aphone}。",
    "委托人联系电话：{aphone}（{person}），有事请联系代理人。",
    "本人已全权委托{person}代为协商，联系电话{aphone}。",
    "如需协商请致电代理人{aphone}，本人不再单独接听催收电话。",
    "委托代理人：{person}，电话 {aphone}。",
)
_LC_THREAT = (
    "如贵司不予处理，本人将向金融监管总局、12378及人民银行投诉，并向媒体反映。",
    "若七个工作日内未得到答复，本人将向银保监、12378热线及黑猫投诉平台投诉。",
    "如不同意，本人将依法向监管部门投诉并保留诉讼权利。",
    "请在三个工作日内给予书面答复，否则将向金融监管部门和媒体曝光。",
)


def legal_consulting(rng: random.Random, ag: Agency, m: Member, rate: float, agent_phone: str | None) -> str:
    slots = {
        "name": m.name,
        "id4": m.id_number[-4:],
        "loan": fmt_date(rng, m.loan_date),
        "app": pick(rng, lx.APP_OFFICIAL),
        "lender": pick(rng, (lx.LENDER, "贵司", "贵平台")),
        "amt": fmt_amount(rng, m.principal),
        "term": str(pick(rng, (24, 36, 36, 48, 60, 60))),
        "person": ag.person,
        "aphone": ob.phone_in_text(rng, agent_phone) if agent_phone else "",
    }
    paras = [
        _house_pick(rng, ag, "_LC_INTRO", _LC_INTRO, **slots),
        _house_pick(rng, ag, "_LC_HARDSHIP", _LC_HARDSHIP, **slots),
    ]
    if rng.random() < 0.6:
        paras.append(_house_pick(rng, ag, "_LC_ACCUSE", _LC_ACCUSE, **slots))
    tail = [_house_pick(rng, ag, "_LC_DEMAND", _LC_DEMAND, **slots)]
    if rng.random() < 0.8:
        tail.append(_house_pick(rng, ag, "_LC_STOP", _LC_STOP, **slots))
    if rng.random() < 0.5:
        rng.shuffle(tail)
    paras += tail
    if agent_phone:
        paras.append(_house_pick(rng, ag, "_LC_AGENT", _LC_AGENT, **slots))
    if rng.random() < 0.85:
        paras.append(_house_pick(rng, ag, "_LC_THREAT", _LC_THREAT, **slots))
    if rng.random() < 0.3:  # one paragraph dropped or swapped: the template is not rigid
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    sep = pick(rng, ("\n", "", "\n\n", " "))
    return ob.words(rng, sep.join(paras), rate).replace("块元", "元")


# ---------------------------------------------------------------- fake_law_firm
_LF_HEAD = (
    "{firm}关于{name}与{lender}借款纠纷的律师函",
    "律师函（{firm}）",
    "致{lender}：",
    "{lender}法务部/客服部：",
    "关于委托人{name}借款事宜的函",
)
_LF_BODY = (
    "我是{firm}{lawyer}，执业证号{lic}，受{name}（身份证尾号{id4}）委托，就其在贵司的借款事宜与贵司协商。",
    "{firm}接受借款人{name}的委托，指派{lawyer}（执业证号：{lic}）代为处理其与贵司的借贷纠纷。",
    "本律师{lawyer}，{firm}执业律师，执业证号{lic}，现代表委托人{name}向贵司发函。",
)
_LF_FACTS = (
    "委托人于{loan}借款{amt}元，贵司存在违规收费、暴力催收等行为，已严重侵害委托人合法权益。",
    "经本律师审查，该笔借款综合成本超过法定上限，贵司的催收方式涉嫌违法。",
    "委托人因客观原因暂时无力还款，贵司仍频繁催收并联系其亲友，造成恶劣影响。",
)
_LF_DEMAND = (
    "现要求贵司：一、立即停止催收；二、停息挂账，减免罚息；三、本金分{term}期；四、不得上报征信逾期。",
    "请贵司于收函之日起三日内停止一切催收行为，并与本律师协商分期方案，本金分{term}期偿还。",
    "要求贵司停止计息、停止催收、修复征信记录，并同意委托人分{term}期还本。",
)
_LF_CONTACT = (
    "联系人：{lawyer}，电话{lphone}。",
    "如有疑问请联系{lawyer}：{lphone}，也可加微信{wx}。",
    "律师电话：{lphone}。",
    "请与本所{lawyer}联系，手机{lphone}。",
)
_LF_CLOSE = (
    "否则本所将代委托人向人民法院起诉并向金融监管部门举报。",
    "逾期不予答复，本所将依法采取进一步法律措施，由此产生的一切后果由贵司承担。",
    "特此函告。",
)


def fake_law_firm(rng: random.Random, ag: Agency, m: Member, rate: float, lawyer_phone: str) -> str:
    short_firm = ag.name.replace("律师事务所", pick(rng, ("律所", "律师所")))
    slots = {
        "firm": ag.name if rng.random() < 0.8 else short_firm,
        "lawyer": ag.person,
        "lic": ag.code if rng.random() < 0.75 else pick(rng, ("见附件", "（略）", "详见律师函")),
        "name": m.name,
        "id4": m.id_number[-4:],
        "lender": pick(rng, (lx.LENDER, "贵司")),
        "loan": fmt_date(rng, m.loan_date),
        "amt": fmt_amount(rng, m.principal),
        "term": str(pick(rng, (36, 48, 60))),
        "lphone": ob.phone_in_text(rng, lawyer_phone),
        "wx": ag.wechat,
    }
    parts = [
        _house_pick(rng, ag, "_LF_HEAD", _LF_HEAD, **slots),
        _house_pick(rng, ag, "_LF_BODY", _LF_BODY, **slots),
        _house_pick(rng, ag, "_LF_FACTS", _LF_FACTS, **slots),
        _house_pick(rng, ag, "_LF_DEMAND", _LF_DEMAND, **slots),
        _house_pick(rng, ag, "_LF_CONTACT", _LF_CONTACT, **slots),
        _house_pick(rng, ag, "_LF_CLOSE", _LF_CLOSE, **slots),
    ]
    text = "\n".join(parts)
    return ob.words(rng, text, rate)


# ---------------------------------------------------------------- stealthy
_ST_TOPICS = ("fees_rate", "abusive_collection", "insurance", "failed_deduction_penalty", "credit_report")
_ST_ASK = (
    "我现在确实有困难，想协商个分期方案，这段时间先别催收了",
    "希望能停息挂账，只还本金",
    "罚息能不能全部减免，我只还本金",
    "请暂停催收，给我申请个延期分期",
    "我要求停止计息，剩下的本金分{term}期还",
    "别再打我通讯录了，有事和我本人协商分期就行",
)
_ST_CONTACT = (
    "有事加我{label}{handle}",
    "{label}：{handle}，电话不方便接",
    "方便的话{label}联系我 {handle}",
    "电话经常不在服务区，请加{label}{handle}沟通",
    "我的{label}是{handle}",
    "联系{label} {handle}",
)


def stealthy(rng: random.Random, composer: Composer, ag: Agency, ctx: Context, rate: float) -> str:
    """Worded like a genuine complaint (fresh sentences), with the agency's asks and its handle mixed in."""
    topic = lx.TOPICS[pick(rng, _ST_TOPICS)]
    term = str(pick(rng, (12, 24, 36, 48)))
    ask = composer._fresh(lambda: pick(rng, lx.LEADS) + pick(rng, _ST_ASK).format(term=term))
    extra = [ask]
    if rng.random() < 0.6:  # the contact is left out of many texts: they only share device, IP, timing
        handle = ag.wechat if rng.random() < 0.8 else ag.extra["backup_wechat"]
        extra.append(pick(rng, _ST_CONTACT).format(label=ob.wechat_label(rng, rate), handle=handle))
    text = composer.compose(topic, ctx, angry=0.15, threat=0.35, extra=extra)
    return ob.words(rng, text, rate * 0.5)


# ---------------------------------------------------------------- hotline notes
# Calls are written up by customer-service agents in their own words: the agency's template is
# lost, only the demands (and maybe a number) survive. Genuine hardship calls read the same way.
_CS_OPEN = ("客户来电称", "来电人称", "客户致电反映", "借款人来电表示", "客户本人来电，称", "用户来电：")
_CS_REASON = (
    "近期失业无收入",
    "家人生病急需用钱",
    "生意失败",
    "收入下降",
    "多头借贷压力大",
    "疫情后一直没有工作",
    "身体不好无法工作",
    "暂时资金困难",
)
_CS_DEMANDS = (
    "停息挂账",
    "减免罚息",
    "只还本金",
    "分{term}期还款",
    "停止催收",
    "不要联系家人和通讯录",
    "延期还款",
    "减免违约金",
    "协商个性化分期",
)
_CS_AGENT = (
    "称已委托代理人处理，代理人电话{aphone}",
    "表示后续由其委托的法务对接，电话{aphone}",
    "留了第三方联系电话{aphone}",
    "称已找律师，律师电话{aphone}",
)
_CS_THREAT = (
    "客户表示如不处理将投诉至监管",
    "客户情绪激动，称要打12378",
    "客户称已向银保监投诉",
    "客户要求书面回复",
    "已安抚客户",
    "已告知客户会反馈相关部门",
    "客户称不同意将向媒体曝光",
)


def hotline_note(rng: random.Random, *, aphone: str | None = None, hardship: bool = True) -> str:
    """A customer-service write-up of a call (campaign calls and genuine hardship calls alike)."""
    term = str(pick(rng, (12, 24, 36, 48, 60)))
    demands = "、".join(d.format(term=term) for d in rng.sample(_CS_DEMANDS, rng.randint(1, 4)))
    parts = [
        pick(rng, _CS_OPEN)
        + (pick(rng, _CS_REASON) + "，" if hardship and rng.random() < 0.8 else "")
        + pick(rng, ("要求", "申请", "希望"))
        + demands
    ]
    if aphone:
        parts.append(pick(rng, _CS_AGENT).format(aphone=ob.phone_in_text(rng, aphone)))
    if rng.random() < 0.7:
        parts.append(pick(rng, _CS_THREAT))
    return "，".join(parts) + pick(rng, ("。", "。", "", "，请相关部门处理。", "，已登记。"))


# ---------------------------------------------------------------- death_relatives
_DR_REL_M = ("儿子", "女儿", "妻子", "妻子", "哥哥", "姐姐", "弟弟", "妹妹", "侄子", "外甥")
# who the deceased was to the speaker
_DR_DREL_M = ("丈夫", "老公", "父亲", "爸爸", "儿子", "哥哥", "弟弟")
_DR_DREL_F = ("妻子", "老婆", "母亲", "妈妈", "女儿", "姐姐", "妹妹")
_DR_REL_F = ("儿子", "女儿", "丈夫", "丈夫", "哥哥", "姐姐", "弟弟", "妹妹", "侄子", "外甥女")
_DR_OPEN = (
    "我是借款人{name}的{rel}，{name}已于{ddate}因{cause}去世。",
    "你好，借款人{name}（身份证尾号{id4}）已经在{ddate}过世了，我是家属。",
    "我{drel}{name}{ddate}因{cause}离世，死亡证明已经上传。",
    "家属反映：借款人{name}于{ddate}死亡，死因{cause}。",
    "您好，{name}是我{drel}，{ddate}走了，{cause}。",
)
_DR_MID = (
    "家里为了给他看病已经欠了很多钱，现在实在没有能力替他还款。",
    "他生前没有留下任何财产，家里老人孩子都要养。",
    "死亡证明和户口注销证明都可以提供。",
    "人已经走了，催收电话还是天天打到家里，老人受不了。",
    "我们做家属的根本不知道他在外面借了钱。",
)
_DR_ASK = (
    "请贵司核实后核销这笔债务，不要再催收了。",
    "申请免除剩余欠款，并停止联系家属。",
    "希望贵司按规定做死亡核销处理。",
    "请把这笔贷款销掉，我们家属没有还款义务。",
)
CAUSES = ("突发心梗", "车祸", "癌症晚期", "脑溢血", "意外溺水", "急性胰腺炎", "肝癌", "工地事故", "白血病")


def death_relatives(
    rng: random.Random, ag: Agency, m: Member, death: date, cause: str, phone: str, rate: float
) -> str:
    slots = {
        "name": m.name,
        "id4": m.id_number[-4:],
        "rel": pick(rng, _DR_REL_M if m.male else _DR_REL_F),
        "drel": pick(rng, _DR_DREL_M if m.male else _DR_DREL_F),
        "ddate": fmt_date(rng, death),
        "cause": cause,
    }
    parts = [_house_pick(rng, ag, "_DR_OPEN", _DR_OPEN, **slots)]
    parts += [p if m.male else p.replace("他", "她") for p in rng.sample(_DR_MID, rng.randint(1, 2))]
    parts.append(_house_pick(rng, ag, "_DR_ASK", _DR_ASK, **slots))
    if rng.random() < 0.5:
        parts.append(
            pick(rng, ("有事打我电话{p}。", "联系电话{p}。", "回电请打{p}。")).format(
                p=ob.phone_in_text(rng, phone)
            )
        )
    return ob.words(rng, "".join(parts), rate * 0.3)
