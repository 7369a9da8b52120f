"""Online posts: black/gray ads (some by the campaign agencies) and hard negatives using the same words.

WHY: the ad monitor must tell an ad for 停息挂账 from an anti-fraud warning about 停息挂账, and
link an ad's contacts back to the complaint campaigns of the same agency. Agencies re-register
accounts under new names but keep their contacts, so contacts (not account names) are the link.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from qinglang.synth import lexicon as lx
from qinglang.synth import obfuscate as ob
from qinglang.synth.agencies import Agency
from qinglang.synth.rand import pick

PLATFORMS = ("抖音", "快手", "小红书", "微博", "百度贴吧", "知乎", "闲鱼", "今日头条", "B站", "微信公众号")
_AD_HOOK = (
    "网贷逾期了怎么办？专业团队帮你停息挂账",
    "停息挂账，最长分60期，只还本金",
    "反催收专业团队，24小时在线",
    "债务优化｜征信修复｜协商还款",
    "网贷信用卡逾期，不用怕，我们帮你协商",
    "被爆通讯录？一个电话帮你停止催收",
    "法务协商，减免罚息违约金，成功率95%",
    "代理退保，保险费全额退回",
    "专业处理各大平台逾期，先协商后收费",
    "上岸了！分享我的停息挂账经验",
    "征信花了？逾期记录可以消除",
    "个性化分期，停止催收，不上门不爆通讯录",
)
_AD_BODY = (
    "正规法务团队，已帮助上万人成功上岸。",
    "各大网贷平台都可以谈，停息挂账，减免罚息。",
    "不成功不收费，先咨询免费。",
    "催收再打电话直接转给我们，保证不再骚扰家人。",
    "只需提供借款合同和身份证，剩下的交给我们。",
    "协商成功后本金可分36-60期。",
    "帮你写投诉材料，直接投到监管，平台必须处理。",
    "贫困证明、失业证明、病历都可以帮忙准备。",
    "内部渠道，征信逾期记录可以修复。",
)
_AD_CONTACT = (
    "{wl}：{wx}",
    "电话{ph}",
    "扣扣{qq}",
    "私信或者加{wl}{wx}",
    "咨询热线 {ph}",
    "{wl} {wx}（备注逾期）",
    "QQ：{qq}",
    "联系{ph}（同{wl}）",
    "➕{wl}：{wx}",
)

_NEG: dict[str, tuple[str, ...]] = {
    "anti_fraud": (
        "警惕“停息挂账”骗局！所谓债务优化公司收取高额服务费后失联，请通过官方渠道协商还款。",
        "提醒：自称能“征信修复”的都是骗子，征信记录只能由金融机构依法更正。",
        "反催收联盟其实是黑产，收了钱帮你代投诉，最后征信更花。大家别上当。",
        "金融监管部门提示：谨防“代理退保”“代理维权”陷阱，个人信息可能被泄露。",
        "网上那些说能分琪60期、停息挂账的广告，十个有九个是骗钱的，别信。",
        "千万别找什么法务公司，我交了{amt}服务费，平台照样催收，人家早就拉黑我了。",
        "所谓“反催收”“债务优化”，先收{amt}元前期费用，再让你停止还款，最后征信彻底花了。",
        "{city}警方提醒：接到自称能“停息挂账”的电话请立即挂断，已有{n}人被骗。",
        "加了个“上岸老师”的薇信，交了{amt}块，说帮我分期60期，现在人找不到了。",
        "停息挂账是真的吗？银行和持牌机构可以协商分期，但不需要交钱给中介。",
        "凡是让你先交钱、让你停止还款、帮你伪造贫困证明的，都是黑产。",
    ),
    "regulator_notice": (
        "国家金融监督管理总局发布风险提示：警惕不法“代理维权”，消费者可通过12378热线依法维权。",
        "关于防范“反催收”“债务优化”等非法金融中介的风险提示。",
        "地方金融管理局提醒：征信异议应向征信中心或金融机构提出，无需付费中介。",
        "银行业协会倡议：依法合规催收，保护金融消费者合法权益。",
        "提醒：“代理投诉”“代理退保”可能导致个人信息泄露和财产损失，请勿轻信。",
        "金融消费者如遇暴力催收，可拨打12378或向属地金融监管部门反映。",
        "近期发现有不法分子冒充律师事务所发送律师函，请通过司法行政部门官网核验律师执业信息。",
    ),
    "court_news": (
        "某公司以“反催收”为名敲诈勒索金融机构，主犯被判有期徒刑五年。",
        "法院审结一起“代理投诉”案：多人伪造贫困证明恶意投诉，被以诈骗罪判刑。",
        "警方打掉一个“停息挂账”黑产团伙，涉案金额上千万元。",
        "判了！伪造死亡证明骗取贷款核销，三人被判刑。",
        "某“法律咨询公司”冒充律师事务所出具律师函，负责人被行政拘留。",
        "{city}一团伙以“债务优化”为名收取服务费{n}万余元，{n}名被告人获刑。",
        "法院认定：以“停息挂账”为名组织恶意投诉、敲诈金融机构，构成敲诈勒索罪，判处有期徒刑{year}年。",
        "{city}警方破获“反催收”案：团伙伪造{n}份贫困证明、死亡证明向平台恶意投诉。",
    ),
    "lender_ad": (
        f"{lx.LENDER}：正规持牌消费金融，年化利率透明，最低7.2%起，官方客服{lx.HOTLINE}。",
        f"还款遇到困难？请通过{lx.LENDER}官方APP申请延期，勿信第三方中介。客服{lx.HOTLINE}",
        "持牌机构，息费公开，借款前请仔细阅读合同。",
    ),
    "borrower_question": (
        "网贷逾期三个月了，催收天天打电话，有没有人知道停息挂账靠谱吗？",
        "想问下大家，找法务公司协商分期到底有没有用？被收了好几千。",
        "征信上有逾期记录，说能修复的是真的吗？",
        "失业了还不上网贷，能不能自己和平台协商分期？求经验。",
        "有人被爆过通讯录吗？可以向哪里投诉？",
        "今天接到自称律师的电话说要起诉我，是真的吗？",
        "逾期{n}天了，平台说可以申请延期，有人试过吗？",
        "有人给我发私信说能征信修复，收费{amt}，靠谱吗？",
        "被催收骂了一整天，想投诉到12378，需要准备什么材料？",
        "借了{amt}，算下来年化快36%了，这合法吗？",
    ),
}


def _account(rng: random.Random) -> str:
    stems = (
        "上岸",
        "法务",
        "债务",
        "协商",
        "逾期",
        "小助手",
        "老师",
        "顾问",
        "阿",
        "姐",
        "哥",
        "工作室",
        "说法",
        "解忧",
        "清债",
        "安心",
    )
    return pick(rng, stems) + pick(rng, stems) + (str(rng.randint(1, 999)) if rng.random() < 0.6 else "")


def ad_post(rng: random.Random, ag: Agency, account: str, rate: float) -> tuple[str, list[str]]:
    """An ad text and the normalised contacts it carries."""
    ph = pick(rng, ag.phones)
    wx = ag.wechat if rng.random() < 0.8 else ag.extra.get("backup_wechat", ag.wechat)
    slots = {
        "wl": ob.wechat_label(rng, max(rate, 0.6)),
        "wx": ob.handle_disguised(rng, wx, rate),
        "ph": ob.digits_disguised(rng, ph, strength=0.6 + rate * 0.4),
        "qq": ob.digits_disguised(rng, ag.qq, strength=0.5),
    }
    contacts_used = rng.sample(_AD_CONTACT, rng.randint(1, 2))
    contacts: list[str] = []
    for c in contacts_used:
        if "{wx}" in c:
            contacts.append(wx)
        if "{ph}" in c:
            contacts.append("+86" + ph)
        if "{qq}" in c:
            contacts.append(ag.qq)
    hook = pick(rng, _AD_HOOK)
    if rng.random() < 0.3:  # local teams advertise their city (and sometimes the company name)
        hook = (
            pick(
                rng,
                (
                    f"{ag.city.short}本地团队，",
                    f"【{ag.city.short}】",
                    f"{ag.name}：",
                    f"{ag.city.short}可面谈，",
                ),
            )
            + hook
        )
    parts = [hook, *rng.sample(_AD_BODY, rng.randint(1, 3)), *(c.format(**slots) for c in contacts_used)]
    sep = pick(rng, ("\n", " ", "，", "｜", "！"))
    if sep in "，｜！":
        parts = [p.rstrip("。！，") for p in parts]
    text = sep.join(parts)
    text = ob.words(rng, text, max(rate, 0.5))
    if rng.random() < 0.3:
        text = "🔥" + text + pick(rng, ("👇", "✅", "💯", ""))
    return text, sorted(set(contacts))


_NEG_SLOTS_CITY = (
    "长沙",
    "郑州",
    "银川",
    "合肥",
    "深圳",
    "成都",
    "西安",
    "杭州",
    "南宁",
    "昆明",
    "济南",
    "武汉",
)
_NEG_OPEN = {
    "anti_fraud": ("【反诈提醒】", "扩散！", "", "", "血泪教训：", "提醒大家：", "@所有网贷用户 "),
    "regulator_notice": ("【风险提示】", "", "{city}金融监管局：", "转发：", "官方通报："),
    "court_news": ("", "【法治】", "{city}新闻：", "头条：", "#以案说法# "),
    "lender_ad": ("", "【官方】", "温馨提示："),
    "borrower_question": ("", "求助！", "请教各位，", "萌新提问：", "在线等，", "有没有懂的？"),
}
_NEG_TAIL = (
    "",
    "",
    "#网贷",
    " #征信",
    " 转发提醒",
    " 求助",
    "（转）",
    " @反诈中心",
    " 大家评评理",
    "。",
    " 有同样经历的吗",
    " 已举报",
)


def negative_post(rng: random.Random, kind: str) -> str:
    """Hard negatives: the ads' vocabulary in warnings, notices, news, the lender's own ads, questions."""
    city = pick(rng, _NEG_SLOTS_CITY)
    body = pick(rng, _NEG[kind])
    slots = {
        "city": city,
        "amt": str(pick(rng, (2000, 3000, 3800, 5000, 6800, 12000))),
        "n": str(rng.randint(3, 40)),
        "year": str(rng.randint(2, 8)),
    }
    text = pick(rng, _NEG_OPEN[kind]).format(**slots) + body.format(**slots)
    if kind == "borrower_question" and rng.random() < 0.4:
        text = ob.words(rng, text, 0.5)
    return text + pick(rng, _NEG_TAIL)


def post_time(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(seconds=rng.randrange(days * 86400))


def account_name(rng: random.Random) -> str:
    return _account(rng)


NEGATIVE_KINDS = tuple(_NEG)
