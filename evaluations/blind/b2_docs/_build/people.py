"""Fictional people, issuers and random content details (seeded)."""
from __future__ import annotations

import datetime as dt

from common import make_id, make_uscc

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_M = list("伟强磊军洋勇杰涛明超斌鹏辉刚健峰建华亮俊飞宇浩凯鑫晨博文志海波鸿宁旭东林成")
GIVEN_F = list("芳娜敏静丽艳娟霞燕玲婷雪慧莉萍红梅琳颖倩琴云洁璐瑶佳欣怡晶丹蓉")
HOMOPHONE = {"伟": "玮", "强": "蔷", "磊": "垒", "军": "君", "洋": "阳", "杰": "洁", "涛": "韬", "明": "铭", "超": "朝",
             "斌": "彬", "鹏": "朋", "辉": "晖", "刚": "钢", "健": "建", "峰": "锋", "华": "桦", "亮": "靓", "俊": "骏",
             "飞": "菲", "宇": "雨", "浩": "皓", "凯": "恺", "鑫": "欣", "晨": "辰", "博": "波", "文": "雯", "志": "智",
             "海": "还", "波": "博", "鸿": "宏", "宁": "凝", "旭": "煦", "东": "冬", "林": "琳", "成": "诚", "芳": "方",
             "娜": "那", "敏": "民", "静": "晶", "丽": "莉", "艳": "燕", "娟": "涓", "霞": "侠", "燕": "艳", "玲": "琳",
             "婷": "庭", "雪": "学", "慧": "惠", "莉": "丽", "萍": "平", "红": "宏", "梅": "玫", "琳": "林", "颖": "影",
             "倩": "茜", "琴": "芹", "云": "芸", "洁": "杰", "璐": "露", "瑶": "遥", "佳": "家", "欣": "鑫", "怡": "宜",
             "晶": "静", "丹": "单", "蓉": "荣"}

# (region code, note) — ordinary codes; all real GB/T 2260 codes in use for decades
REGIONS = ["110105", "110108", "310104", "310107", "440106", "440305", "330106", "320102", "420106", "510104",
           "500103", "430102", "410105", "370102", "350203", "610113", "340104", "360102", "450103", "130102",
           "210102", "220102", "120103", "530102", "520102", "140105", "230103", "620102", "441900", "442000",
           "450302", "431002", "412702", "522121", "362101", "511302", "421002"]
# district codes created (or renumbered) after the holder's birth year: genuine and valid
LATE_REGIONS = [("510116", 1994, "成都市双流区 code from 2015 (was 510122 双流县)"),
                ("440309", 1991, "深圳市龙华区 code from 2016"),
                ("330110", 1979, "杭州市余杭区 code from 2001 (was 330184)"),
                ("320115", 1978, "南京市江宁区 code from 2000 (was 320121)"),
                ("500112", 1986, "重庆市渝北区 code from 1994"),
                ("110115", 1976, "北京市大兴区 code from 2001 (was 110224)"),
                ("440310", 1993, "深圳市坪山区 code from 2016"),
                ("120116", 1982, "天津市滨海新区 code from 2009")]


def phone_number(rng):
    pre = str(rng.choice(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                          "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186",
                          "187", "188", "189", "191", "198", "199"]))
    return pre + "".join(str(int(x)) for x in rng.integers(0, 10, 8))


class NamePool:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def person(self, male=None, birth_year=None, region=None, region_note=None):
        rng = self.rng
        male = bool(rng.integers(0, 2)) if male is None else male
        while True:
            g = GIVEN_M if male else GIVEN_F
            given = "".join(rng.choice(g, size=int(rng.choice([1, 2, 2, 2]))))
            name = str(rng.choice(SURNAMES)) + given
            if name not in self.used and len(set(given)) == len(given):
                break
        self.used.add(name)
        by = int(rng.integers(1968, 2001)) if birth_year is None else birth_year
        birth = dt.date(by, int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        region = region or str(rng.choice(REGIONS))
        pid = make_id(region, birth, int(rng.integers(1, 999)), male)
        return dict(name=name, male=male, birth=birth, id=pid, region=region, region_note=region_note)


def rand_org8(rng, style):
    UCL = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    if style == "MA":
        return "MA" + str(rng.choice(list("123456789"))) + "".join(rng.choice(list("0123456789ABCDEFGHJKLMNPQRTUWXY"), 5))
    if style == "MD":
        return "MD0" + "".join(rng.choice(list("0123456789"), 5))
    if style == "E":
        return "E" + "".join(rng.choice(list("0123456789"), 7))
    return "".join(rng.choice(list("0123456789"), 8))


def make_issuers(rng):
    def u(prefix, region, style):
        return make_uscc(prefix, region, rand_org8(rng, style))
    I = {}
    # hospitals
    I["h1"] = dict(name="澜州市第一人民医院", bottom="诊断证明专用章", addr="澜州市江北区人民路88号", tel="0779-3825120")
    I["h2"] = dict(name="澜州市第二人民医院", bottom="诊断证明专用章", addr="澜州市江南区解放路16号", tel="0779-3829002")
    I["h3"] = dict(name="澜州市第三人民医院", bottom="诊断证明专用章", addr="澜州市江北区滨江大道301号", tel="0779-3861133")
    I["hw1"] = dict(name="望海市中心医院", bottom="医务科", addr="望海市海城区中山路2号", tel="0776-2210345")
    I["hw2"] = dict(name="望海市中医医院", bottom="医务科", addr="望海市海城区新华路41号", tel="0776-2236612")
    I["hp"] = dict(name="濮江市人民医院", bottom="诊断证明专用章", addr="濮江市城关镇建设路9号", tel="0775-6612020")
    I["hr"] = dict(name="榕川医科大学附属第一医院", bottom="医务处", addr="榕川市青秀区双拥路6号", tel="0778-5356000")
    I["hm"] = dict(name="榕川市妇幼保健院", bottom="诊断证明专用章", addr="榕川市兴宁区朝阳路12号", tel="0778-2618801")
    # police
    I["pol1"] = dict(name="澜州市公安局江北分局滨江派出所", parent="澜州市公安局江北分局", bottom="")
    I["pol2"] = dict(name="澜州市公安局江北分局沙湾派出所", parent="澜州市公安局江北分局", bottom="")
    I["pol3"] = dict(name="望海市公安局城东派出所", parent="望海市公安局", bottom="")
    # human resources & social security
    I["hrs1"] = dict(name="澜州市江北区人力资源和社会保障局", bottom="", tel="0779-12333")
    I["hrs2"] = dict(name="澜州市江南区人力资源和社会保障局", bottom="", tel="0779-12333")
    # villages / streets
    I["vil1"] = dict(name="青禾县石桥镇石桥村民委员会", bottom="", tel="0774-5512038")
    I["vil2"] = dict(name="青禾县石桥镇柳塘村民委员会", bottom="", tel="0774-5512261")
    I["vil3"] = dict(name="濮江市河口镇大湾村民委员会", bottom="", tel="0775-6830117")
    I["st1"] = dict(name="澜州市江北区滨江街道办事处", bottom="", tel="0779-3307152")
    I["st2"] = dict(name="澜州市江北区沙湾街道办事处", bottom="", tel="0779-3316620")
    I["st3"] = dict(name="望海市海城区东街街道办事处", bottom="", tel="0776-2071180")
    # companies
    I["co1"] = dict(name="澜州恒远科技有限公司", bottom="人事专用章", addr="澜州市江北区科创路18号恒远大厦9楼", tel="0779-3350188", uscc=u("91", "450100", "MA"))
    I["co2"] = dict(name="澜州恒远网络科技有限公司", bottom="人事专用章", addr="澜州市江南区星光大道62号", tel="0779-3371906", uscc=u("91", "450100", "MA"))
    I["co3"] = dict(name="望海市鑫达物流有限公司", bottom="人事专用章", addr="望海市港口区港兴路3号", tel="0776-2853310", uscc=u("91", "450500", "MA"))
    I["co4"] = dict(name="濮江市锦程餐饮管理有限公司", bottom="", addr="濮江市城关镇和平路27号", tel="0775-6627718", uscc=u("91", "450800", "MA"))
    I["co5"] = dict(name="榕川华锐电子有限公司", bottom="人事专用章", addr="榕川市高新区创业大道1号", tel="0778-5528800", uscc=u("91", "450100", "D"))
    I["co6"] = dict(name="澜州市顺安建筑劳务有限公司", bottom="", addr="澜州市江南区白沙路77号", tel="0779-3391245", uscc=u("91", "450100", "MA"))
    I["co7"] = dict(name="望海市蓝湾酒店管理有限公司", bottom="人事专用章", addr="望海市海城区滨海路88号", tel="0776-2268000", uscc=u("91", "450500", "MA"))
    I["co8"] = dict(name="澜州市新程教育咨询有限公司", bottom="", addr="澜州市江北区文昌路5号", tel="0779-3342217", uscc=u("91", "450100", "MA"))
    I["co9"] = dict(name="澜州市鑫达物流有限公司", bottom="人事专用章", addr="澜州市江南区物流园B区", tel="0779-3397001", uscc=u("91", "450100", "MA"))
    # civil affairs
    I["mz1"] = dict(name="望海市民政局", bottom="", tel="0776-2280512")
    I["mz2"] = dict(name="濮江市民政局", bottom="", tel="0775-6611904")
    I["gov1"] = dict(name="青禾县石桥镇人民政府", bottom="", tel="0774-5510001")
    # courts
    I["ct1"] = dict(name="澜州市江北区人民法院", bottom="")
    I["ct2"] = dict(name="澜州市江南区人民法院", bottom="")
    # law firms (genuine)
    I["lf1"] = dict(name="澜州明衡律师事务所", bottom="", en="LANZHOU MINGHENG LAW FIRM", addr="澜州市江北区金融街9号金融中心21层", uscc=u("31", "450000", "MD"), footer_uscc=True)
    I["lf2"] = dict(name="澜州正衡律师事务所", bottom="", en="LANZHOU ZHENGHENG LAW FIRM", addr="澜州市江南区星光大道100号12层", uscc=u("31", "450000", "MD"), footer_uscc=False)
    I["lf3"] = dict(name="望海德邻律师事务所", bottom="", en="WANGHAI DELIN LAW FIRM", addr="望海市海城区北部湾大道17号", uscc=u("31", "450000", "E"), footer_uscc=True)
    # other public bodies
    I["cdc"] = dict(name="澜州市江北区疾病预防控制中心", bottom="", tel="0779-3301120")
    I["bin"] = dict(name="澜州市殡仪馆", bottom="", addr="澜州市江北区青山路1号", tel="0779-3318800")
    # forged-letter issuers (not real law firms in this world)
    I["fl1"] = dict(name="深圳前海信诺律师事务所", bottom="", en="SHENZHEN QIANHAI XINNUO LAW FIRM", addr="深圳市前海深港合作区前湾一路1号A栋201室")
    I["fl2"] = dict(name="沪安启明律师事务所", bottom="", en="HU'AN QIMING LAW FIRM", addr="上海市浦东新区张杨路500号")
    I["fl3"] = dict(name="鹏城安信法务咨询有限公司", bottom="", en="", addr="深圳市福田区深南大道6008号")
    I["fl4"] = dict(name="京华德融律师事务所", bottom="", en="JINGHUA DERONG LAW FIRM", addr="北京市朝阳区建国路88号")
    I["fl5"] = dict(name="澜州合众法律咨询服务有限公司", bottom="", en="", addr="澜州市江北区人民路200号")
    I["fl6"] = dict(name="华夏鼎信律师事务所", bottom="", en="HUAXIA DINGXIN LAW FIRM", addr="广州市天河区珠江新城华夏路10号")
    for k, v in I.items():
        v.setdefault("ring", v["name"])
        v["key"] = k
    return I


def lawyer_licence(rng, region4="4501", male=True):
    year = int(rng.integers(2006, 2022))
    return f"1{region4}{year}1{1 if male else 0}{int(rng.integers(10000, 999999)):06d}"


DIAG = [
    ("腰椎间盘突出症（L4/5、L5/S1）", "建议卧床休息，避免久坐及重体力劳动，全休三个月，定期门诊复查。", "骨科"),
    ("2型糖尿病伴糖尿病肾病", "需长期规律服药及胰岛素治疗，低糖饮食，建议减轻工作强度，每月复查。", "内分泌科"),
    ("乳腺恶性肿瘤（术后化疗中）", "需按期完成化疗疗程，建议全休六个月，注意休息，预防感染。", "肿瘤科"),
    ("冠状动脉粥样硬化性心脏病，PCI术后", "需长期服用抗血小板药物，避免劳累，建议休息两个月，门诊随诊。", "心血管内科"),
    ("重度抑郁发作", "需规律服用抗抑郁药物并定期心理治疗，建议暂停工作，休息三个月。", "精神心理科"),
    ("左胫腓骨骨折（内固定术后）", "患肢避免负重，三个月内不宜从事体力劳动，术后一月、三月复查X线。", "骨科"),
    ("胃恶性肿瘤（腺癌）", "需住院行手术及后续化疗，建议全休，家属陪护。", "胃肠外科"),
    ("脑梗死（恢复期）", "遗留右侧肢体活动障碍，需康复治疗，生活部分不能自理，建议休息六个月。", "神经内科"),
    ("慢性肾脏病5期", "需规律血液透析治疗（每周三次），不宜从事全日制工作。", "肾内科"),
    ("系统性红斑狼疮", "需长期免疫抑制治疗，避免日晒及劳累，建议休息两个月。", "风湿免疫科"),
    ("急性胰腺炎（重症）", "需住院治疗，出院后禁酒，低脂饮食，建议休息一个月。", "消化内科"),
    ("肺结核（涂阳）", "需规范抗结核治疗六个月，治疗期间居家隔离，不宜外出工作。", "感染科"),
]
DOCTORS = ["陈国华", "李建平", "王晓燕", "刘志强", "黄丽萍", "周海涛", "吴敏", "郑伟民", "梁秀英", "何振东", "罗静", "谢文斌"]
COMPANY_JOBS = [("销售部", "销售专员"), ("技术部", "软件工程师"), ("运营部", "运营主管"), ("生产部", "操作工"),
                ("行政部", "行政文员"), ("客服中心", "客服专员"), ("仓储部", "仓库管理员"), ("财务部", "会计")]
LEAVE_REASONS = ["公司经营困难、部门裁撤", "劳动合同期满不再续签", "公司经济性裁员", "个人身体原因", "公司业务调整、岗位撤销"]
HARDSHIPS = ["所在公司裁员失业", "本人罹患重大疾病住院治疗", "家人重病需长期照料", "经营的个体商铺倒闭", "工作单位停工停产"]
POVERTY_REASONS = ["户主常年患病丧失劳动能力", "家中主要劳动力因病去世", "遭遇洪涝灾害房屋及农作物受损严重", "子女就学负担重且户主务工受伤"]
ADDR_STREETS = ["滨江路", "人民路", "解放路", "青山路", "建设路", "朝阳路", "新华路", "沙湾路", "江滨西路", "民主路"]


def addr(rng, city="澜州市江北区"):
    return f"{city}{rng.choice(ADDR_STREETS)}{int(rng.integers(1, 300))}号{int(rng.integers(1, 12))}栋{int(rng.integers(1, 30))}0{int(rng.integers(1, 5))}室"
