"""Contact extraction from obfuscated text: phones, WeChat, QQ, URLs, e-mail, lawyers, firms.

Agencies pass contacts as "薇:abc123", "➕V", "扣扣 一一四四…", "139 1234 5678" with noise or
numerals spelt out. We run the full normaliser chain (with its offset map), extract on the
normalised text, and report each contact normalised (phones in E.164) together with its RAW
span, so the analyst sees exactly what was written.

Things that look like numbers but are not contacts are skipped on purpose: amounts (followed
by 元/万/块), dates, order/card/ID numbers (preceded by 订单号, 卡号, 身份证 ...). Official service
numbers (95xxx, 400/800, 123xx) come out as kind "service_number" so consumers can ignore them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qinglang.phones import normalize_phone
from qinglang.text.normalize import CONTACT_STEPS, Normalized, normalize, normalize_batch, normalize_with_map

CONTACT_KINDS = (
    "phone",
    "wechat",
    "qq",
    "url",
    "email",
    "lawyer_licence",
    "uscc",
    "law_firm",
    "company",
    "lawyer_name",
    "service_number",
    "bank_account",
)


@dataclass(frozen=True)
class Contact:
    kind: str  # one of CONTACT_KINDS
    value: str  # normalised value (phone E.164, lower-case handle, qq digits, registrable domain, ...)
    raw: str  # the original characters
    start: int  # span in the ORIGINAL text
    end: int
    # True when the contact is only named inside a sentence, with no cue inviting anyone to use it
    # ("那个zx_shangan99的不要信"): a victim names a scammer that way as often as an ad hides its id.
    named: bool = False
    # True when only a rule added after the shipped intent models were trained finds it (an id named
    # or spelt out with no platform word, after 搜/找, a group number glued to 群): the models' contact
    # column leaves these out, so a text reads as it did in training, until the models are retrained.
    late_rule: bool = False


_SEP = r"[-\s./]?"
_PHONE = re.compile(r"(?<![\d])(?:\+?86[-\s]?)?(1" + _SEP + r"[3-9](?:" + _SEP + r"\d){9})(?![\d])")
_LANDLINE = re.compile(r"(?<![\d])(0[1-9]\d{1,2})[-\s](\d{7,8})(?![\d])")
_SERVICE = re.compile(
    r"(?<![\d])(95\d{3}|96\d{3}|12[0-9]{3}|1[01][0-9]|(?:400|800)[-\s]?\d{3}[-\s]?\d{4})(?![\d])"
)
# A bank card or account given for money: agencies take fees and "refunds" through third-party
# accounts. Only a long digit run right after a payment cue counts (card numbers also appear in
# genuine complaints as "尾号1234", and an 18-digit run may be an ID number).
_BANK = re.compile(
    r"(?:银行卡|卡号|银行账号|银行帐号|账号|帐号|账户|帐户|对公户|收款卡|收款账户|转账到|转到|打到|打款到|汇款到|汇到|"
    r"汇入|存入|退到|退至|退回到|转入|(?:退|转|打|汇|付)[\u4e00-\u9fff]{0,6}?(?:到|至))"
    r"[^\d\n]{0,14}?((?:\d[\s-]?){11,22}\d)(?![\d])"
)
# An Alipay account given for money is usually the holder's mobile number ("退到支付宝账号
# 139…"): read as a phone contact even after 账号, where a bare number is not taken for a phone.
_ALIPAY = re.compile(
    r"(?:支付宝|alipay|zfb)(?:账号|帐号|账户|帐户|号)?[^\d\n]{0,6}?((?:\d[\s-]?){10}\d)(?![\d])"
)
_NOT_PHONE_BEFORE = re.compile(
    r"(订单|单号|流水号|卡号|尾号|身份证|证件号|账号|帐号|编号|合同号|工号|执业证|代码|id|no|#)[^\u4e00-\u9fff]{0,3}$"
)
_NOT_NUMBER_AFTER = re.compile(r"^\s?(元|块|万|亿|千|百|%|笔|期|天|个|年|月|日|号楼|次|人|分钟|小时)")
_WECHAT = re.compile(
    r"(?:加|\+|添加|联系)?((?<![a-z])(?:vx|wx|v信|weixin|wechat|v)|微信|微|威信|威|卫星|绿泡泡)(?:号|id)?\s?"
    r"(?:是|为|联系我|联系|加我)?\s?[:：=]?\s?"
    r"([a-z][-_a-z0-9]{1,19}(?: (?!(?:qq|q|vx|wx|v|weixin|wechat|tel)(?![a-z0-9_]))[-_a-z0-9]{1,19}"
    r"(?!小时|分钟|元|块|天|个|年|月|日|号|次|人|期))?|1[3-9]\d{9})"
    r"(?![a-z0-9_-])"
)
_QQ = re.compile(
    r"(?:加|\+)?((?<![a-z])(?:qq|q)|扣扣|扣我|扣|企鹅|蔻蔻|筘筘|口口|球球|群号|进群|加群|入群|群)(?:号|群)?\s?[:：=（(]?\s?"
    r"([1-9](?:[-\s/.]?\d){4,10})(?![\d])"
)
_TLD = (
    r"com|cn|net|org|top|xyz|vip|cc|me|info|io|shop|club|site|online|ltd|link|app|hk|tk|co|icu|fun|"
    r"wang|ink|pro|biz|tv|la|in|win|bet|live|store|tech|work|cloud|asia|mobi|ren|pw|ws|us|ml|ga|gq|cf"
)
_URL = re.compile(
    r"(?:https?://|www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|点|dot))+(?:" + _TLD + r"))"
    r"(?![a-z0-9])(?:[:/?#][^\s\u4e00-\u9fff,，。!！]*)?"
)
_SENTENCE_BREAK = re.compile(r"[.。](?:[^\S\n]*\n\s*|\s+[A-Z])")
_EMAIL = re.compile(r"([a-z0-9][a-z0-9._-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,10})")
_SECOND_LEVEL = {"com", "net", "org", "gov", "edu", "ac"}
# A handle given after an invitation to message ("私信 wang_zhcz", "详询 qingzhang_gw", "➕bm_jianzhi"):
# ads often drop the platform word. Only a token with a digit or an underscore counts (an English
# word after 加 is not a handle); it is read as a WeChat id, the usual private channel.
_HANDLE_AFTER_CUE = re.compile(
    r"(?:私信|私我|私聊|详询|咨询|联系我|联系|加我|添加|加|\+|➕|👉|戳|滴滴)\s?[:：]?\s?"
    r"((?=[a-z0-9_]*[0-9_])[a-z][a-z0-9_]{4,19})(?![a-z0-9_@.])"
)
# A WeChat id spelt out one character at a time after a cue ("v：h x 9 5 2 7 k k", "加微 z w y h _ 8 8 6 6":
# the normaliser glues "_ 8" back together, so a few of the gaps may be gone).
_WECHAT_SPACED = re.compile(
    r"(?:(?<![a-z])(?:vx|wx|v|weixin|wechat)|微信|微|薇|威信|搜|找)\s?[:：]?\s?((?:[a-z0-9_] ?){5,24}[a-z0-9_])(?![a-z0-9_])"
)
# An id spelt out one character at a time with no platform word before it ("加我 n n f w 2 0 2 6",
# "统一回复：a h u a _ s a 5 2 0", "号是 a q 1 9 8 8 0 6"): the spelling-out is the disguise. Six or
# more characters, starting with a letter, mostly single characters between spaces (the normaliser
# glues "_ 8", so a few gaps may be gone). Offered when a cue to add or message is just before it;
# otherwise only named (a victim copying the scammer's id). Or every character joined by a hyphen
# ("加 c-o-c-o-7-7-9", blind p30; a hyphenated word, "t-shirt", "wi-fi", is too short).
_SPELT_OUT = re.compile(
    r"(?<![a-z0-9_])([a-z](?: ?[a-z0-9_]){5,23}|(?<!-)[a-z](?:-[a-z0-9_]){5,23})(?![a-z0-9_])"
)
_QQ_GLUED = re.compile(r"q{1,2}\d{5,11}")
_SPELT_CUES = ("wx", "vx", "qq", "q")
_OFFER_CUE_BEFORE = re.compile(
    r"(?:加|添|私|联系|找|搜|戳|回复|同名|信|vx|wx|微|薇|威|扣|q|:)(?:我|她|他)?\W{0,2}$"
)

# A handle signing off a post ("…有需要可以问我 sa_riji", "小美 xm_shangan", "来聊聊：zhang_zwgw"):
# social ads often end with the contact and no cue at all. Only a token shaped like an id counts
# (an underscore, or three digits in a row), standing on its own at the end.
_TRAILING_HANDLE = re.compile(
    r"(?<![a-z0-9_@/-])(?<![a-z0-9]\.)((?=[a-z0-9_]*(?:_|\d{3}))[a-z][a-z0-9_]{4,19})[\s.!~。！～]*$"
)
# A handle named inside a sentence ("那个zx_shangan99的不要信", "小红书上那个“如意姐”ruyi_jiejie是…"): victims
# name the scammer's id without a cue, ads drop it mid-text. Only a token with an underscore joining
# letters counts here (an id, not a word, a model number or an amount), standing apart from other
# ASCII (not part of a URL, path, e-mail or file name), and written as ids are in Chinese text: glued
# to the words around it or at an edge, not set off by spaces on both sides like a quoted code.
_EMBEDDED_HANDLE = re.compile(
    # after a colon only when the colon follows Chinese ("骗子曝光：kf_tingxi01"), not a scheme or a key
    r"(?:(?<![a-z0-9_@/.:=-])|(?<=[\u4e00-\u9fff]:))"
    r"((?=[a-z0-9_]*[a-z]_|[a-z0-9_]*_[a-z])[a-z][a-z0-9_]{4,19})(?![a-z0-9_@/-]|\.[a-z0-9])"
)
# An id of letters then digits named in a sentence with no cue ("我遇到的是yhzw2088", "yxfw0518 这个号
# 大家拉黑"): three to eight letters, three to six digits, standing apart from other ASCII. Named, or
# offered when a cue to add or message is just before it ("联系方式放这了：zwgh2088").
_CJK_NEAR = re.compile(r"[\u4e00-\u9fff]")  # such an id is named in Chinese text, within a few characters
_EMBEDDED_ALNUM = re.compile(r"(?<![a-z0-9_@/.=#-])([a-z]{3,8}\d{3,6})(?![a-z0-9_@/-]|\.[a-z0-9])")
# An id set off by spaces is a quoted code unless it has a digit or is named as someone's ("叫 jrfw_zx 的
# 微信", "这个号 yn_shangan")
_NAMING_BEFORE = re.compile(r"(?:叫|这个|那个|号|是|加了|加|找了|找)\s?$")
# QQ numbers and group numbers written the way the QQ rule above does not read: "QQ群是 648273915",
# "进群了解：792031586" (a verb of joining or asking before the colon), "自救群，836271945", "“上岸互助群” 582930174", and a group number before its 群 ("493827156 这个群")
_QQ_LOOSE = re.compile(
    r"(?:(?<![a-z])qq|扣扣|群)(?:号|群)?\s?(?:是|为|(?:了解|咨询|交流|详聊|领取|加入|报名|进入)(?=[:：]))?\s?[:：=，,\"“”「」『』']{0,2}\s?"
    r"([1-9](?:[-\s/.]?\d){4,10})(?![\d])"
)
_QQ_BEFORE_GROUP = re.compile(r"(?<![\d])([1-9]\d{5,10})(?![\d])\s?(?:这个群|这群|群)")
_LICENCE = re.compile(r"执业证(?:号|号码|编号)?\s?[:：]?\s?([0-9a-z]{17,18})(?![0-9a-z])")
_LAWYER = re.compile(r"([\u4e00-\u9fff]{2,3})律师")
_FIRM = re.compile(r"([\u4e00-\u9fff（）()]{2,16}律师事务所)")
_COMPANY = re.compile(r"([\u4e00-\u9fff（）()]{2,24}有限(?:责任)?公司)")
_NAME_STEPS = ("nfkc", "t2s")
_TRIM_PREFIX = re.compile(r"^.*(?:是|的|在|由|与|和|找|请|为|到|向|联系|委托|被|了|说|自称|称|经|加入|通过)")
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_NOT_NAMES = {
    "专业",
    "资深",
    "执业",
    "知名",
    "金牌",
    "合作",
    "私人",
    "法律",
    "委托",
    "我们",
    "咨询",
    "找到",
    "联系",
}


def registrable_domain(host: str) -> str:
    """'www.abc.com.cn' -> 'abc.com.cn'; 'e5.q00k.com' -> 'q00k.com'."""
    labels = [x for x in host.lower().replace("点", ".").replace("dot", ".").split(".") if x]
    if len(labels) >= 3 and labels[-1] == "cn" and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _is_number_context(norm: str, a: int, b: int) -> bool:
    return bool(
        _NOT_PHONE_BEFORE.search(norm[max(0, a - 10) : a]) or _NOT_NUMBER_AFTER.match(norm[b : b + 4])
    )


class _LazyMap:
    """normalize_with_map computed on first use."""

    def __init__(self, text: str, steps: tuple[str, ...]):
        self.text_in = text
        self.steps = steps
        self._m: Normalized | None = None

    def span(self, a: int, b: int) -> tuple[int, int]:
        if self._m is None:
            self._m = normalize_with_map(self.text_in, self.steps)
        return self._m.span(a, b)


def _emit(
    out: list[Contact],
    taken: list[tuple[int, int]],
    mapped: Normalized | _LazyMap,
    text: str,
    kind: str,
    value: str,
    a: int,
    b: int,
    claim: bool = True,
    named: bool = False,
    late_rule: bool = False,
) -> None:
    s, e = mapped.span(a, b)
    out.append(
        Contact(kind=kind, value=value, raw=text[s:e], start=s, end=e, named=named, late_rule=late_rule)
    )
    if claim:
        taken.append((a, b))


def _free(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    return all(b <= x or a >= y for x, y in taken)


def _spelt_out(token: str) -> bool:
    """Written one character at a time, mostly: at least 3 gaps, and a gap after at least half of
    the characters (the normaliser glues "_ 8" back, so a few gaps may be gone)."""
    gaps = token.count(" ") + token.count("-")
    return gaps >= 3 and gaps >= (len(token) - gaps - 1) / 2


def _any(norm: str, needles: str | tuple[str, ...]) -> bool:
    return any(x in norm for x in needles)


# What each pattern cannot match without (a character or word every one of its branches needs),
# checked before the pattern scans the text: most complaints hold a number but no e-mail, URL,
# WeChat or QQ cue, and each scan costs 3-20 us. Conservative by construction; tests/text compares
# with the unfiltered scan on every text of the blind sets.
_NEEDS_URL = (".", "点", "dot")
_NEEDS_WECHAT = "vw微威卫绿"  # vx wx v信 weixin wechat v 微信 微 威信 威 卫星 绿泡泡
_NEEDS_WECHAT_SPACED = "vw微薇威搜找"
_NEEDS_HANDLE_CUE = "私询联加+➕👉戳滴"  # 私信 私我 私聊 详询 咨询 联系 加 添加 + ➕ 👉 戳 滴滴
_NEEDS_QQ = "q扣企蔻筘口球群"
_NEEDS_ALIPAY = ("支付宝", "alipay", "zfb")
_TRAILING_RUN = re.compile(r"[\s.!~。！～]*\Z")


def _trailing_start(norm: str) -> int:
    """Where a trailing handle can start at the earliest: a handle is at most 20 characters and
    only white space or closing punctuation follows it (lookbehinds still see before this)."""
    m = _TRAILING_RUN.search(norm)
    run = m.end() - m.start() if m else 0
    return max(0, len(norm) - run - 21)


def extract_contacts_batch(texts: Sequence[str]) -> list[list[Contact]]:
    """extract_contacts over many texts, the same result: the contact chain normalises them in
    NUL-joined chunks (normalize_batch) instead of one text at a time."""
    return [
        extract_contacts(t, norm=n) for t, n in zip(texts, normalize_batch(texts, CONTACT_STEPS), strict=True)
    ]


def extract_contacts(text: str, *, norm: str | None = None) -> list[Contact]:
    """Contacts in `text`, each normalised, with its span in the ORIGINAL text, in text order.
    `norm` may be passed when the contact chain already ran on `text` (a batch)."""
    if not text:
        return []
    # The offset map is only built when a contact is actually found: most texts have none, and
    # the fast chain gives the same normalised text (tested).
    mapped = _LazyMap(text, CONTACT_STEPS)
    if norm is None:
        norm = normalize(text, CONTACT_STEPS)
    out: list[Contact] = []
    taken: list[tuple[int, int]] = []

    for m in _EMAIL.finditer(norm) if "@" in norm else ():
        _emit(out, taken, mapped, text, "email", m.group(1).lower(), *m.span(1))
    for m in _URL.finditer(norm) if _any(norm, _NEEDS_URL) else ():
        a, b = m.span()
        host = m.group(1)
        if not _free(taken, a, b) or host.replace(".", "").isdigit():
            continue
        if not (m.group(0).startswith(("http", "www")) or "/" in m.group(0) or "." in host):
            continue
        if not m.group(0).startswith(("http", "www")) and _SENTENCE_BREAK.search(
            text[slice(*mapped.span(a, b))]
        ):
            continue  # "…the account. In March…": a full stop and a new sentence, not a domain
        _emit(out, taken, mapped, text, "url", registrable_domain(host), a, b)
    for m in _LICENCE.finditer(norm) if "执业证" in norm else ():
        code = m.group(1).upper()
        if len(code) == 17 and code.isdigit():
            _emit(out, taken, mapped, text, "lawyer_licence", code, *m.span(1))
        elif len(code) == 18:
            _emit(out, taken, mapped, text, "uscc", code, *m.span(1))
    for m in _WECHAT.finditer(norm) if _any(norm, _NEEDS_WECHAT) else ():
        a, b = m.span(2)
        if not _free(taken, a, b):
            continue
        handle = m.group(2).replace(" ", "").replace("-", "")  # "xy69-68232", "fq4 379875": inserted breaks
        if m.group(1) in ("vx", "wx") and m.end(1) == a:
            # "加Vxy69..." is V + xy69..., "加VXxmjy..." is VX + xmjy...: the original case decides
            cs, ce = mapped.span(m.start(1), m.end(1))
            orig = text[cs:ce]
            if len(orig) == 2 and orig[0].isupper() != orig[1].isupper():
                handle = m.group(1)[1] + handle
                a -= 1
        if m.group(1) == "wx" and m.end(1) == a and handle.startswith("id_"):
            handle, a = "wx" + handle, a - 2  # "wxid_ajie2025": WeChat's own id prefix, not the cue
        if len(handle) < 6 and not handle.isdigit():
            continue
        cue = m.group(1)
        between = norm[m.end(1) : a]
        if cue == "v" and not (m.group(0).startswith(("加", "+")) or between):
            # a bare "v" glued to letters is a word ("violation"), not a WeChat cue
            continue
        if handle.isdigit():
            phone = normalize_phone(handle)
            if phone:
                _emit(out, taken, mapped, text, "phone", phone, a, b, claim=False)
        _emit(out, taken, mapped, text, "wechat", handle.lower(), a, b)
    for m in _WECHAT_SPACED.finditer(norm) if _any(norm, _NEEDS_WECHAT_SPACED) else ():
        a, b = m.span(1)
        handle = m.group(1).replace(" ", "")
        if norm[m.start() : a] == "v " and _spelt_out(m.group(1)):
            # "加 v i v i 3 3 2 1": a bare v in the spelling's own rhythm (no colon, one space) is
            # the id's first letter, not the cue (p14, p18: three writers spelt ids so)
            handle, a = "v" + handle, m.start()
        if _spelt_out(m.group(1)) and _free(taken, a, b) and handle[0].isalpha() and not handle.isdigit():
            late = m.group(0).startswith(("搜", "找"))
            _emit(out, taken, mapped, text, "wechat", handle, a, b, late_rule=late)
    for m in _SPELT_OUT.finditer(norm) if " " in norm or "-" in norm else ():
        a, b = m.span(1)
        handle = m.group(1).replace(" ", "").replace("-", "")
        first, _, rest = m.group(1).partition(" ")
        digits = rest.replace(" ", "")
        spelt = rest.split(" ")
        if first in _SPELT_CUES and digits.isdigit() and len(spelt) >= 5 and max(map(len, spelt)) == 1:
            # "wx 5 3 8 1 0 9 2 7 4 6": a platform word, then a number spelt out (a WeChat id that is
            # a number, or a QQ number): the word is the cue, the digits the contact
            if _free(taken, a, b):
                kind = "qq" if first.startswith("q") else "wechat"
                _emit(out, taken, mapped, text, kind, digits, a + len(first) + 1, b, late_rule=True)
            continue
        if _spelt_out(m.group(1)) and _free(taken, a, b):
            named = not _OFFER_CUE_BEFORE.search(norm[max(0, a - 8) : a])
            if named and handle.isalpha():
                continue  # "选项 A B C D E F": letters alone, with no cue, are not an id
            _emit(out, taken, mapped, text, "wechat", handle, a, b, named=named, late_rule=True)
    for m in _HANDLE_AFTER_CUE.finditer(norm) if _any(norm, _NEEDS_HANDLE_CUE) else ():
        a, b = m.span(1)
        if _free(taken, a, b) and not _QQ_GLUED.fullmatch(m.group(1)):  # "加qq2847365901": a QQ number
            _emit(out, taken, mapped, text, "wechat", m.group(1), a, b)
    for m in _QQ.finditer(norm) if _any(norm, _NEEDS_QQ) else ():
        a, b = m.span(2)
        if not _free(taken, a, b) or _NOT_NUMBER_AFTER.match(norm[b : b + 4]):
            continue
        qq = _digits(m.group(2))
        if (
            m.group(1) == "扣"
            and norm[m.end(1) : m.end(1) + 1] not in (":", "：", "号", " ")
            and not m.group(0).startswith(("加", "+"))
            and len(qq) < 7  # "扣1956203847": a QQ number glued to its cue; "扣1" is a comment cue
        ):
            continue
        if m.group(1) == "扣我" and len(qq) < 7:
            continue  # "扣我12000": money taken, not a QQ number
        if 5 <= len(qq) <= 11:
            _emit(
                out,
                taken,
                mapped,
                text,
                "qq",
                qq,
                a,
                b,
                late_rule=m.group(1) == "群" and not m.group(0).startswith("加"),
            )
    for rx in (_QQ_LOOSE, _QQ_BEFORE_GROUP) if _any(norm, ("q", "扣", "群")) else ():
        for m in rx.finditer(norm):
            a, b = m.span(1)
            qq = _digits(m.group(1))
            if _free(taken, a, b) and 5 <= len(qq) <= 11 and not _NOT_NUMBER_AFTER.match(norm[b : b + 4]):
                if not normalize_phone(qq):
                    _emit(out, taken, mapped, text, "qq", qq, a, b, late_rule=True)
    for m in _ALIPAY.finditer(norm) if _any(norm, _NEEDS_ALIPAY) else ():
        a, b = m.span(1)
        phone = normalize_phone(_digits(m.group(1)))
        if phone and _free(taken, a, b):
            _emit(out, taken, mapped, text, "phone", phone, a, b)
    for m in _BANK.finditer(norm):
        a, b = m.span(1)
        digits = _digits(m.group(1))
        if not _free(taken, a, b) or not 12 <= len(digits) <= 23 or normalize_phone(digits):
            continue
        if "身份证" in norm[max(0, a - 12) : a]:
            continue
        _emit(out, taken, mapped, text, "bank_account", digits, a, b)
    for m in _PHONE.finditer(norm):
        a, b = m.span()
        if not _free(taken, a, b) or _is_number_context(norm, a, b):
            continue
        phone = normalize_phone(_digits(m.group(1)))
        if phone:
            _emit(out, taken, mapped, text, "phone", phone, a, b)
    for m in _LANDLINE.finditer(norm):
        a, b = m.span()
        if not _free(taken, a, b) or _is_number_context(norm, a, b):
            continue
        phone = normalize_phone(m.group(1) + m.group(2))
        if phone:
            _emit(out, taken, mapped, text, "phone", phone, a, b)
    for m in _SERVICE.finditer(norm):
        a, b = m.span()
        if not _free(taken, a, b) or _is_number_context(norm, a, b):
            continue
        _emit(out, taken, mapped, text, "service_number", _digits(m.group(0)), a, b)
    for m in _TRAILING_HANDLE.finditer(norm, _trailing_start(norm)):
        a, b = m.span(1)
        if _free(taken, a, b) and not _NOT_PHONE_BEFORE.search(norm[max(0, a - 10) : a]):
            _emit(out, taken, mapped, text, "wechat", m.group(1), a, b)
    for m in _EMBEDDED_HANDLE.finditer(norm) if "_" in norm else ():
        a, b = m.span(1)
        if not _free(taken, a, b) or _NOT_PHONE_BEFORE.search(norm[max(0, a - 10) : a]):
            continue
        s, e = mapped.span(a, b)
        spaced = s > 0 and e < len(text) and text[s - 1].isspace() and text[e].isspace()
        if spaced and not (
            any(ch.isdigit() for ch in m.group(1)) or _NAMING_BEFORE.search(norm[max(0, a - 6) : a])
        ):
            continue  # set off by spaces inside a sentence: a quoted code or phrase ("扣款失败 hello_world 是")
        _emit(out, taken, mapped, text, "wechat", m.group(1), a, b, named=True, late_rule=True)
    for m in _EMBEDDED_ALNUM.finditer(norm):
        a, b = m.span(1)
        if not _free(taken, a, b) or _NOT_PHONE_BEFORE.search(norm[max(0, a - 10) : a]):
            continue
        if not _CJK_NEAR.search(norm[max(0, a - 3) : a]) and not _CJK_NEAR.search(norm[b : b + 3]):
            continue  # in English text a word glued to a number is a statute or a typo ("FCBA1666", "are100")
        named = not _OFFER_CUE_BEFORE.search(norm[max(0, a - 8) : a])
        _emit(out, taken, mapped, text, "wechat", m.group(1), a, b, named=named, late_rule=True)
    out.extend(_names(text))
    out.sort(key=lambda c: (c.start, c.kind))
    return out


def _names(text: str) -> list[Contact]:
    """Law firms, companies and lawyer names, on a light chain that keeps spaces as boundaries."""
    out: list[Contact] = []
    taken: list[tuple[int, int]] = []
    quick = normalize(text, _NAME_STEPS)  # the same text as the mapped chain (tested), far cheaper
    if "律师" not in quick and "公司" not in quick:
        return out
    mapped = normalize_with_map(text, _NAME_STEPS)
    norm = mapped.text
    for m in _FIRM.finditer(norm):
        a, b = m.span(1)
        name = m.group(1)
        trimmed = _TRIM_PREFIX.sub("", name[:-5]) + "律师事务所"
        a = b - len(trimmed)
        if len(trimmed) > 6:
            s, e = mapped.span(a, b)
            _emit(out, taken, mapped, text, "law_firm", text[s:e], a, b)
    for m in _COMPANY.finditer(norm):
        a, b = m.span(1)
        name = m.group(1)
        trimmed = _TRIM_PREFIX.sub("", name[:-4])
        if len(trimmed) < 2:
            continue
        a = b - len(trimmed) - 4
        s, e = mapped.span(a, b)
        _emit(out, taken, mapped, text, "company", text[s:e], a, b)
    for m in _LAWYER.finditer(norm):
        name = m.group(1)
        if name.endswith("律师事务所") or norm.startswith("事务所", m.end()):
            continue
        name = name.split("律师")[-1]  # "本律师刘律师": the name is after the first 律师, not 师刘
        if name and name[0] not in _SURNAMES:
            name = name[1:]
        if len(name) < 2 or name[0] not in _SURNAMES or name in _NOT_NAMES:
            continue
        b = m.start() + len(m.group(1))
        a = b - len(name)
        s, e = mapped.span(a, b)
        _emit(out, taken, mapped, text, "lawyer_name", text[s:e], a, b)
    return out
