#!/usr/bin/env python3
"""Assemble apps_a2 (fictional lender 青禾消费金融). Standard library only.
Group designs are written by hand below; the script only fills ids, times, numbers."""
import json, random, datetime as dt, os, hashlib

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = random.Random(20260301)
TZ = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 3, 1, 0, 0, 0, tzinfo=TZ)
T1 = dt.datetime(2026, 8, 31, 23, 59, 59, tzinfo=TZ)

# ---------------------------------------------------------------- helpers
CN = "零一二三四五六七八九"
def cnum(n):
    if n < 10: return CN[n]
    if n < 20: return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100: return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return "".join(CN[int(c)] for c in str(n))

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def check_digit(s17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, W)) % 11]

# region codes (birthplace) -- big cities and common migrant hometowns
REG_CITY = {
 "北京": ["110101", "110105", "110108", "110106"], "上海": ["310101", "310104", "310115", "310112"],
 "广州": ["440103", "440104", "440106", "440111"], "深圳": ["440303", "440304", "440305", "440306"],
 "东莞": ["441900"], "杭州": ["330102", "330106", "330110"], "南京": ["320102", "320106", "320115"],
 "苏州": ["320505", "320506", "320583"], "成都": ["510104", "510107", "510108"], "武汉": ["420102", "420106", "420111"],
 "西安": ["610102", "610113", "610116"], "郑州": ["410102", "410105", "410122"], "长沙": ["430102", "430104", "430105"],
 "重庆": ["500103", "500106", "500112"], "天津": ["120101", "120104"], "济南": ["370102", "370112"], "青岛": ["370202", "370212"],
 "合肥": ["340104", "340111"], "福州": ["350102", "350104"], "厦门": ["350203", "350206"], "南昌": ["360102", "360111"],
 "昆明": ["530102", "530111"], "南宁": ["450103", "450107"], "沈阳": ["210102", "210106"], "哈尔滨": ["230102", "230103"],
 "石家庄": ["130102", "130104"], "太原": ["140105", "140106"], "贵阳": ["520102", "520103"],
}
REG_HOME = ["411602", "411502", "411702", "412722", "511302", "511321", "430502", "430521", "360702", "360721",
            "450902", "450921", "341202", "341221", "421102", "421124", "520502", "522422", "513022", "500230",
            "362321", "432524", "441581", "445221", "370882", "130627", "610821", "622421", "231121", "152301"]

SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GM = list("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆亮成峰龙建国文博志晨阳旭东海")
GF = list("芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩晶欣洁梅琴兰云莉萍红月璐佳怡露思雨蕾")
def name(sex, sur=None):
    s = sur or R.choice(SUR[:60] if R.random() < 0.8 else SUR)
    pool = GM if sex == 1 else GF
    if R.random() < 0.25: return s + R.choice(pool)
    return s + R.choice(pool + list("子晓嘉梓睿雅安")) + R.choice(pool)

USED_ID = set()
def id_number(region, age_lo, age_hi, sex):
    while True:
        age = R.randint(age_lo, age_hi)
        b = dt.date(2026 - age, 1, 1) + dt.timedelta(days=R.randint(0, 364))
        seq = R.randint(0, 99) * 10 + R.choice([1, 3, 5, 7, 9] if sex == 1 else [0, 2, 4, 6, 8])
        s17 = region + b.strftime("%Y%m%d") + "%03d" % seq
        v = s17 + check_digit(s17)
        if v not in USED_ID:
            USED_ID.add(v); return v

PFX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
       "158", "159", "166", "173", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189",
       "191", "195", "198", "199"]
USED_PH = set()
def phone():
    while True:
        p = R.choice(PFX) + "%08d" % R.randint(0, 99999999)
        if p not in USED_PH: USED_PH.add(p); return p

AREA = {"北京": "010", "上海": "021", "广州": "020", "深圳": "0755", "东莞": "0769", "杭州": "0571", "南京": "025",
        "苏州": "0512", "成都": "028", "武汉": "027", "西安": "029", "郑州": "0371", "长沙": "0731", "重庆": "023",
        "天津": "022", "济南": "0531", "青岛": "0532", "合肥": "0551", "福州": "0591", "厦门": "0592", "南昌": "0791",
        "昆明": "0871", "南宁": "0771", "沈阳": "024", "哈尔滨": "0451", "石家庄": "0311", "太原": "0351", "贵阳": "0851"}
def landline(city):
    return AREA[city] + "-" + str(R.randint(2, 8)) + "%07d" % R.randint(0, 9999999)

USED_DEV = set()
def device():
    while True:
        if R.random() < 0.3:
            h = "%032X" % R.getrandbits(128)
            d = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
        else:
            d = "%016x" % R.getrandbits(64)
        if d not in USED_DEV: USED_DEV.add(d); return d

IPB = [36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
       124, 125, 171, 175, 180, 182, 183, 202, 211, 218, 219, 220, 221, 222, 223, 223]
def ip():
    return "%d.%d.%d.%d" % (R.choice(IPB), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))

PROV = {"北京": "北京市", "上海": "上海市", "天津": "天津市", "重庆": "重庆市", "广州": "广东省", "深圳": "广东省", "东莞": "广东省",
        "杭州": "浙江省", "南京": "江苏省", "苏州": "江苏省", "成都": "四川省", "武汉": "湖北省", "西安": "陕西省", "郑州": "河南省",
        "长沙": "湖南省", "济南": "山东省", "青岛": "山东省", "合肥": "安徽省", "福州": "福建省", "厦门": "福建省", "南昌": "江西省",
        "昆明": "云南省", "南宁": "广西壮族自治区", "沈阳": "辽宁省", "哈尔滨": "黑龙江省", "石家庄": "河北省", "太原": "山西省", "贵阳": "贵州省"}
DIST = {"北京": ["朝阳区", "海淀区", "丰台区", "昌平区", "通州区", "大兴区"], "上海": ["浦东新区", "闵行区", "徐汇区", "宝山区", "松江区", "嘉定区"],
        "广州": ["天河区", "白云区", "海珠区", "番禺区", "越秀区"], "深圳": ["南山区", "福田区", "宝安区", "龙岗区", "龙华区"],
        "东莞": ["长安镇", "塘厦镇", "虎门镇", "南城街道", "松山湖"], "杭州": ["西湖区", "拱墅区", "余杭区", "滨江区", "萧山区"],
        "南京": ["鼓楼区", "江宁区", "玄武区", "秦淮区"], "苏州": ["姑苏区", "工业园区", "吴中区", "昆山市"], "成都": ["武侯区", "锦江区", "高新区", "成华区", "郫都区"],
        "武汉": ["洪山区", "武昌区", "江汉区", "东西湖区"], "西安": ["雁塔区", "未央区", "长安区", "碑林区"], "郑州": ["金水区", "中原区", "二七区", "管城回族区"],
        "长沙": ["岳麓区", "雨花区", "开福区", "天心区"], "重庆": ["渝北区", "江北区", "沙坪坝区", "南岸区"], "天津": ["南开区", "河西区", "西青区"],
        "济南": ["历下区", "槐荫区", "历城区"], "青岛": ["市南区", "黄岛区", "城阳区"], "合肥": ["蜀山区", "包河区", "庐阳区"], "福州": ["鼓楼区", "仓山区"],
        "厦门": ["思明区", "湖里区", "集美区"], "南昌": ["红谷滩区", "青山湖区"], "昆明": ["五华区", "盘龙区"], "南宁": ["青秀区", "西乡塘区"],
        "沈阳": ["和平区", "浑南区"], "哈尔滨": ["南岗区", "道里区"], "石家庄": ["长安区", "裕华区"], "太原": ["小店区", "迎泽区"], "贵阳": ["观山湖区", "云岩区"]}
CITY_W = {"北京": 9, "上海": 9, "广州": 8, "深圳": 9, "东莞": 5, "杭州": 6, "南京": 4, "苏州": 5, "成都": 7, "武汉": 5, "西安": 4,
          "郑州": 5, "长沙": 4, "重庆": 6, "天津": 3, "济南": 2, "青岛": 3, "合肥": 3, "福州": 2, "厦门": 2, "南昌": 2, "昆明": 2,
          "南宁": 2, "沈阳": 2, "哈尔滨": 2, "石家庄": 2, "太原": 1, "贵阳": 2}
def pick_city():
    return R.choices(list(CITY_W), weights=list(CITY_W.values()))[0]

ROADS = ["人民路", "解放路", "中山路", "建设路", "新华路", "和平路", "胜利路", "文化路", "长江路", "黄河路", "花园路", "幸福路",
         "光明路", "朝阳路", "学府路", "科技路", "滨河路", "东风路", "青年路", "迎宾大道", "南湖路", "金桥路", "工业大道", "友谊路"]
CPX1 = ["锦绣", "阳光", "金色", "翠苑", "御景", "万科", "碧桂", "保利", "华润", "龙湖", "绿地", "世纪", "香榭", "美林", "星河", "东方",
        "紫荆", "桃源", "天悦", "融创", "滨江", "和谐", "幸福", "新城"]
CPX2 = ["家园", "花园", "小区", "公馆", "名苑", "华府", "新村", "雅苑", "城", "国际", "丽景", "佳苑"]

def house(city, bld=None, unit=None, room=None, style=None, prov=None):
    d = R.choice(DIST[city])
    cp = R.choice(CPX1) + R.choice(CPX2)
    rd = R.choice(ROADS); no = R.randint(1, 999)
    b = bld or R.randint(1, 32); u = unit or R.randint(1, 4)
    fl = R.randint(1, 33); r = room or fl * 100 + R.randint(1, 6)
    st = style if style is not None else R.randint(0, 7)
    cityname = city + "市"
    pre = ""
    p = prov if prov is not None else R.random()
    if p < 0.3: pre = PROV[city] + ("" if PROV[city] == cityname else cityname) + d
    elif p < 0.75: pre = cityname + d
    else: pre = d
    if st == 0: tail = "%s%d号%s%d栋%d单元%d" % (rd, no, cp, b, u, r)
    elif st == 1: tail = "%s%s号楼%d单元%d室" % (cp, cnum(b), u, r)
    elif st == 2: tail = "%s%d号%s%d幢%d楼%d" % (rd, no, cp, b, r // 100, r)
    elif st == 3: tail = "%s%d-%d-%d" % (cp, b, u, r)
    elif st == 4: tail = "%s%d号院%d号楼%d门%d" % (rd, no, b, u, r)
    elif st == 5: tail = "%s%d栋%d室" % (cp, b, r)
    elif st == 6: tail = "%s%d号%s%s座%d" % (rd, no, cp, "ABCD"[b % 4], r)
    else: tail = "%s%d弄%d号%d室" % (rd, no, b, r)
    return pre + tail

IND = ["商贸", "科技", "网络科技", "电子", "物流", "餐饮管理", "建筑工程", "教育咨询", "医疗器械", "文化传媒", "物业管理", "机械设备",
       "食品", "服装", "信息技术", "人力资源", "装饰工程", "汽车服务", "环保科技", "供应链管理"]
ZI = ["恒信", "华泰", "宏远", "鼎盛", "嘉禾", "金鹏", "瑞丰", "天成", "联创", "博远", "安达", "新航", "汇通", "晨光", "锦程", "众诚",
      "海纳", "远景", "中鼎", "盛世", "凯越", "卓越", "银河", "永安", "振华", "力拓", "德胜", "明辉", "优品", "智联"]
def company(city):
    return city + ("市" if R.random() < 0.5 else "") + R.choice(ZI) + R.choice(IND) + "有限公司"
def office(city):
    d = R.choice(DIST[city])
    return (city + "市" if R.random() < 0.6 else "") + d + R.choice(ROADS) + "%d号" % R.randint(1, 600) + R.choice(ZI) + R.choice(["大厦", "中心", "广场", "商务楼", "科技园"]) + R.choice(["%d楼" % R.randint(2, 28), "%d室" % (R.randint(2, 28) * 100 + R.randint(1, 20)), "%s座%d" % (R.choice("ABC"), R.randint(2, 28) * 100 + R.randint(1, 20))])

def income_normal():
    x = R.lognormvariate(8.85, 0.45)
    x = max(2600, min(60000, x))
    m = R.random()
    if m < 0.45: return int(round(x / 1000) * 1000)
    if m < 0.65: return int(round(x / 500) * 500)
    if m < 0.75: return int(round(x / 100) * 100)
    return int(x)

CHAN = {"华为应用市场": 14, "小米应用商店": 9, "OPPO软件商店": 8, "vivo应用商店": 8, "App Store": 15, "应用宝": 7,
        "抖音信息流": 9, "巨量引擎": 4, "腾讯广点通": 6, "百度信息流": 4, "快手磁力引擎": 4, "官网H5": 3, "微信公众号": 3,
        "支付宝小程序": 3, "自然流量": 6, "荣耀应用市场": 3}
def channel():
    return R.choices(list(CHAN), weights=list(CHAN.values()))[0]

def rtime(a=T0, b=T1, day_hours=True):
    while True:
        t = a + dt.timedelta(seconds=R.randint(0, int((b - a).total_seconds())))
        if not day_hours: return t
        h = t.hour
        if h >= 8 or R.random() < 0.12: return t

APPS = []
def add(group, packaged, **kw):
    kw["_group"] = group; kw["_pk"] = packaged
    APPS.append(kw)

def person(region=None, age=(22, 50), sex=None, sur=None, city=None):
    sex = sex if sex is not None else R.choice([0, 1])
    reg = region or (R.choice(REG_CITY[city]) if city and R.random() < 0.45 else (R.choice(REG_HOME) if R.random() < 0.5 else R.choice(R.choice(list(REG_CITY.values())))))
    cid = "C%09d" % R.randint(100000000, 999999999)
    return dict(customer_id=cid, name=name(sex, sur), id_number=id_number(reg, age[0], age[1], sex), phone=phone())

def base(city, t=None, **over):
    p = person(city=city, age=over.pop("age", (22, 52)))
    emp = company(city)
    d = dict(p, applied_at=t or rtime(), home_address=house(city), work_address=office(city), employer=emp,
             employer_phone=landline(city) if R.random() < 0.7 else phone(), income=income_normal(), device_id=device(),
             ip=ip(), contacts=[phone() for _ in range(R.choice([1, 2, 2, 2, 3]))], channel=channel(), referrer="")
    d.update(over); return d

# ============================================================ PACKAGING GROUPS
# PK01 -- Dongguan: one dormitory room, 3 shells at one fake office, flat income, few devices
def pk01():
    addrs = ["广东省东莞市长安镇振安中路128号宏达宿舍3栋502", "东莞市长安镇振安中路128号3栋502", "长安镇振安中路128号三号楼502室",
             "振安中路128号宿舍3幢5楼502", "广东东莞长安镇振安中路一二八号3栋502房", "东莞长安振安中路128号宏达宿舍三栋五零二",
             "东莞市长安镇霄边社区振安中路128号3#502"]
    works = ["东莞市长安镇长青南路38号金鼎商务中心9楼906", "长安镇长青南路38号金鼎商务中心906室", "东莞长安长青南路38号金鼎9楼906",
             "广东省东莞市长安镇长青南路38号金鼎商务中心九楼906"]
    emps = ["东莞市鑫辉五金制品有限公司", "东莞市合利达电子科技有限公司", "东莞骏丰贸易有限公司"]
    eph = ["0769-85237716", "13829176604"]
    devs = [device() for _ in range(5)]; ips = [ip() for _ in range(3)]
    mid = ["13926841157", "18718302265"]; USED_PH.update(mid)
    n = 26
    for i in range(n):
        p = person(region=R.choice(["411602", "411702", "511321", "430521", "450921", "520502"]), age=(19, 25))
        t = dt.datetime(2026, 4, 14, 9, tzinfo=TZ) + dt.timedelta(days=R.randint(0, 4), minutes=R.randint(0, 600))
        add("PK01", True, **p, applied_at=t, home_address=R.choice(addrs), work_address=R.choice(works), employer=emps[i % 3],
            employer_phone=R.choice(eph), income=8500 if i in (4, 11, 19) else 8000, device_id=R.choice(devs), ip=R.choice(ips),
            contacts=[R.choice(mid), phone()], channel="线下推广", referrer="AG7731" if i < 20 else "")

# PK02 -- Shenzhen: 7 shells registered at one fake office; homes scattered; shared office wifi + intermediary contact
def pk02():
    works = ["深圳市龙岗区坂田街道雅园路9号天安创智大厦B座1203", "深圳市龙岗区雅园路9号天安创智大厦B栋12楼1203", "龙岗区坂田天安创智大厦B座12层1203室",
             "广东省深圳市龙岗区坂田街道天安创智大厦B1203", "天安创智大厦B座1203"]
    shells = [("深圳市前沿智汇科技有限公司", 12000), ("深圳市铭盛达供应链管理有限公司", 12000), ("深圳市宏图伟业实业有限公司", 12800),
              ("深圳市乐享文化传媒有限公司", 12000), ("深圳市华晟通信技术有限公司", 13000), ("深圳市正源建筑劳务有限公司", 12000),
              ("深圳市卓航人力资源有限公司", 12000)]
    eph = ["0755-28517342", "0755-28517343"]
    ips = ["113.88.141.27", "113.88.141.29"]
    mid = ["15013796682", "13302417765"]; USED_PH.update(mid)
    days = [dt.date(2026, 6, 2), dt.date(2026, 6, 3), dt.date(2026, 6, 11), dt.date(2026, 6, 19), dt.date(2026, 6, 22)]
    vill = ["宝安区西乡街道固戍一路", "龙华区民治街道白石龙村", "龙岗区坂田街道岗头村", "南山区西丽街道大磡村", "福田区下沙村", "龙岗区布吉街道南岭村"]
    for i in range(41):
        emp, inc = shells[i % 7]
        p = person(region=R.choice(REG_HOME), age=(21, 34))
        d = R.choice(days)
        t = dt.datetime(d.year, d.month, d.day, R.randint(10, 20), R.randint(0, 59), R.randint(0, 59), tzinfo=TZ)
        ha = R.choice(["深圳市", "", "广东省深圳市"]) + R.choice(vill) + "%d号%s" % (R.randint(1, 180), R.choice(["%d室" % R.randint(101, 708), "%d楼%d" % (R.randint(2, 7), R.randint(1, 8)), "%d栋%d" % (R.randint(1, 9), R.randint(101, 708))]))
        c = [phone()]
        if R.random() < 0.65: c.insert(R.randint(0, 1), mid[0])
        elif R.random() < 0.6: c.append(mid[1])
        add("PK02", True, **p, applied_at=t, home_address=ha, work_address=R.choice(works), employer=emp, employer_phone=R.choice(eph),
            income=inc, device_id=device(), ip=R.choice(ips) if R.random() < 0.7 else ip(), contacts=c,
            channel=R.choice(["应用宝", "华为应用市场", "OPPO软件商店"]), referrer="")

# PK03 -- Chengdu: small tight burst, one employer, one employer mobile, 2 devices, 1 IP, same contacts
def pk03():
    devs = [device(), device()]; theip = "171.217.92.146"; cs = [phone(), phone()]; ephone = phone()
    comps = ["锦绣", "天悦", "翠苑", "融创", "华润", "万科", "东方", "紫荆", "星河"]
    t = dt.datetime(2026, 7, 9, 14, 5, tzinfo=TZ)
    for i in range(9):
        p = person(region=R.choice(["511302", "511321", "513022", "500230", "510107"]), age=(24, 40))
        t = t + dt.timedelta(minutes=R.randint(8, 22))
        add("PK03", True, **p, applied_at=t, home_address="成都市%s%s%s%d栋%d单元%d号" % (R.choice(["武侯区", "成华区", "锦江区"]), comps[i], R.choice(["家园", "花园", "雅苑"]), R.randint(1, 12), R.randint(1, 3), R.randint(2, 30) * 100 + R.randint(1, 4)),
            work_address=R.choice(["成都市武侯区人民南路四段27号商鼎国际1号楼2单元1708", "武侯区人民南路四段27号商鼎国际一号楼1708"]),
            employer="成都锦程恒达商贸有限公司", employer_phone=ephone, income=15000, device_id=devs[i % 2] if i != 6 else devs[0],
            ip=theip, contacts=list(cs), channel="App Store", referrer="R58K2Q")

# PK04 -- Zhengzhou: intermediary-run group rental in one building (9 rooms), 3 shells, device reuse over 6 weeks, one referrer
def pk04():
    rooms = [1201, 1202, 1203, 1205, 1206, 1301, 1302, 1303, 1308]
    def ha(r):
        f = r // 100
        return R.choice(["郑州市金水区纬五路21号金城公寓1号楼%d" % r, "河南省郑州市金水区纬五路21号金城公寓一号楼%d室" % r,
                         "金水区纬五路21号1幢%d楼%d" % (f, r), "郑州金水纬五路二十一号金城公寓1#%d" % r,
                         "郑州市金水区纬五路21号院1号楼%d层%d" % (f, r), "纬五路21号金城公寓1栋%d" % r])
    shells = [("河南宏岳物流有限公司", "0371-60917735"), ("郑州市广聚人力资源服务有限公司", "0371-60917736"), ("郑州恒川建材有限公司", "15638270041")]
    works = ["郑州市金水区农业路东72号国际企业中心C座1506", "金水区农业路72号国际企业中心C座15楼1506", "郑州市金水区农业东路72号C1506"]
    devs = [device() for _ in range(8)]
    mid = "18530974412"; USED_PH.add(mid)
    for i in range(57):
        emp, ep = shells[R.choice([0, 0, 1, 1, 2])]
        p = person(region=R.choice(["411602", "411502", "412722", "411702", "341202", "130627"]), age=(20, 38))
        t = rtime(dt.datetime(2026, 5, 6, 9, tzinfo=TZ), dt.datetime(2026, 6, 20, 21, tzinfo=TZ))
        while t.weekday() >= 5: t = t - dt.timedelta(days=R.randint(1, 2))
        c = [mid] + [phone() for _ in range(R.choice([0, 1, 1, 2]))]; R.shuffle(c)
        add("PK04", True, **p, applied_at=t, home_address=ha(R.choice(rooms)), work_address=R.choice(works), employer=emp, employer_phone=ep,
            income=6500 if i < 40 else 7000, device_id=devs[i % 8] if R.random() < 0.85 else device(), ip=ip(), contacts=c,
            channel="微信公众号", referrer="JX2041")

# PK05 -- Hangzhou: slow burn over six months, two rooms, two shells sharing one mobile that is also a contact
def pk05():
    def ha(r):
        return R.choice(["杭州市余杭区五常街道荆长路688号西溪华府7幢1单元%d" % r, "浙江省杭州市余杭区西溪华府七幢一单元%d室" % r,
                         "余杭区荆长路688号西溪华府7-1-%d" % r, "杭州余杭五常西溪华府7栋%d" % r])
    ep = "17757130982"; USED_PH.add(ep)
    works = ["杭州市余杭区文一西路998号海创园5号楼301", "余杭区文一西路998号海创园五号楼3楼301", "杭州市余杭区海创园5幢301室"]
    shared = [device() for _ in range(3)]
    times = sorted(rtime() for _ in range(14))
    for i in range(14):
        emp, inc = ("杭州云启网络科技有限公司", 20000) if i % 7 < 4 else ("杭州翰森信息技术有限公司", 18000)
        p = person(age=(25, 36))
        c = [phone()] + ([ep] if R.random() < 0.6 else [phone()])
        add("PK05", True, **p, applied_at=times[i], home_address=ha(R.choice([601, 602])), work_address=R.choice(works), employer=emp,
            employer_phone=ep, income=inc, device_id=shared[i % 3] if i < 6 else device(), ip=ip(), contacts=c, channel=channel(), referrer="")

# ============================================================ HARD NEGATIVES
def dorm_like(group, city, n, addr_fn, emp_fn, inc_fn, t_range=(T0, T1), ip_pool=None, ip_share=0.0, age=(19, 45), work_fn=None):
    for i in range(n):
        d = base(city, t=rtime(*t_range), age=age)
        emp, eph, wa = emp_fn(i)
        d.update(home_address=addr_fn(i), employer=emp, employer_phone=eph, work_address=wa, income=inc_fn(i))
        if ip_pool and R.random() < ip_share: d["ip"] = R.choice(ip_pool)
        add(group, False, **d)

def factory():
    # Kunshan: big factory, buildings 3-8, mostly one employer
    other = [("昆山市%s%s有限公司" % (R.choice(ZI), R.choice(["精密机械", "电子", "塑胶制品", "光电"])), landline("苏州")) for _ in range(6)]
    main = ("昆山鸿泰精密电子有限公司", "0512-57368800", "江苏省昆山市玉山镇鸿泰路1288号")
    def a1(i):
        b = R.randint(3, 8); r = R.randint(1, 6) * 100 + R.randint(1, 30)
        return R.choice(["江苏省苏州市昆山市玉山镇鸿泰路1288号员工宿舍%d栋%d" % (b, r), "昆山市玉山镇鸿泰路1288号宿舍%s号楼%d室" % (cnum(b), r),
                         "昆山玉山镇鸿泰工业园生活区%d幢%d楼%d" % (b, r // 100, r), "鸿泰路1288号鸿泰员工宿舍%d栋%d房" % (b, r)])
    def e1(i):
        if R.random() < 0.7: return main[0], main[1], main[2]
        o = R.choice(other); return o[0], o[1], "昆山市玉山镇%s%d号" % (R.choice(ROADS), R.randint(10, 900))
    dorm_like("factory_dorm", "苏州", 45, a1, e1, lambda i: R.choice([int(R.gauss(6200, 900)), R.randrange(5000, 8000, 100)]),
              ip_pool=["58.208.114.6", "58.208.114.7"], ip_share=0.4, age=(18, 40))
    # Dongguan: industrial park dorm B, several factories
    facs = [("东莞立达电子有限公司", "0769-87721300"), ("东莞市塘厦宏基塑胶制品有限公司", "0769-87936612"), ("东莞凯利包装材料有限公司", "0769-82017755"),
            ("东莞市新锐模具有限公司", "0769-87950021"), ("东莞塘厦顺兴鞋业有限公司", "0769-87713390")]
    def a2(i):
        f = R.randint(1, 6); r = f * 100 + R.randint(1, 24)
        return R.choice(["东莞市塘厦镇林村立达工业园宿舍B栋%d" % r, "广东省东莞市塘厦镇林村社区立达工业园B座%d" % r,
                         "塘厦镇林村工业园B栋%d楼%d室" % (f, r), "东莞塘厦林村立达工业园员工宿舍B%d" % r])
    def e2(i):
        f = R.choice(facs); return f[0], f[1], "东莞市塘厦镇林村社区%s" % R.choice(["立达工业园A区", "立达工业园C区", "田心路%d号" % R.randint(1, 80)])
    dorm_like("factory_dorm", "东莞", 40, a2, e2, lambda i: R.randrange(4800, 9000, R.choice([1, 100, 500])), age=(18, 45))

def university():
    def a1(i):
        b = R.randint(1, 9); r = R.randint(1, 18) * 100 + R.randint(1, 40)
        return R.choice(["武汉市洪山区珞喻路1037号江城理工大学研究生公寓%d栋%d" % (b, r), "湖北省武汉市洪山区江城理工大学东区学生公寓%s舍%d" % (cnum(b), r),
                         "洪山区珞喻路1037号江城理工青年教师公寓%d号楼%d室" % (b, r), "江城理工大学紫菘公寓%d栋%d" % (b, r)])
    jobs = [("江城理工大学", "027-87543000", "武汉市洪山区珞喻路1037号")] * 5
    def e1(i):
        if R.random() < 0.55: return jobs[0]
        c = company("武汉"); return c, landline("武汉"), office("武汉")
    dorm_like("university_dorm", "武汉", 32, a1, e1, lambda i: R.choice([R.randrange(3000, 9000, 100), int(R.uniform(3500, 12000)), 4500]), age=(22, 35))
    def a2(i):
        b = R.randint(1, 14); r = R.randint(1, 6) * 100 + R.randint(1, 30)
        return R.choice(["西安市长安区西长安街615号秦川大学博士生公寓%d号楼%d" % (b, r), "陕西省西安市长安区秦川大学教工宿舍%d栋%d室" % (b, r),
                         "长安区西长安街615号秦川大学南区%s号楼%d" % (cnum(b), r)])
    def e2(i):
        if R.random() < 0.5: return "秦川大学", "029-85308000", "西安市长安区西长安街615号"
        return company("西安"), landline("西安"), office("西安")
    dorm_like("university_dorm", "西安", 30, a2, e2, lambda i: R.choice([R.randrange(2500, 11000, 50), int(R.uniform(3000, 14000))]), age=(23, 38))

def barracks():
    def a1(i):
        b = R.randint(1, 6); r = R.randint(1, 4) * 100 + R.randint(1, 20)
        return R.choice(["南京市玄武区孝陵卫街道卫岗营区%d号楼%d" % (b, r), "江苏省南京市玄武区卫岗营区%s号楼%d室" % (cnum(b), r), "玄武区孝陵卫卫岗营区%d栋%d" % (b, r)])
    dorm_like("barracks", "南京", 20, a1, lambda i: ("中国人民解放军32371部队", "025-84409000", "南京市玄武区孝陵卫街道卫岗营区"),
              lambda i: R.choice([8000, 9000, 10000, 11000, 12000, 9500, R.randrange(7000, 14000, 100)]), age=(20, 45))
    def a2(i):
        b = R.randint(1, 5); r = R.randint(1, 5) * 100 + R.randint(1, 16)
        return R.choice(["广州市白云区同和街道蟾蜍石营区%d栋%d" % (b, r), "广东省广州市白云区同和蟾蜍石营区%s栋%d房" % (cnum(b), r), "白云区同和营区%d号楼%d" % (b, r)])
    dorm_like("barracks", "广州", 18, a2, lambda i: ("武警广东省总队某支队", "020-87092000", "广州市白云区同和街道蟾蜍石营区"),
              lambda i: R.choice([7500, 8000, 8500, 9000, 10000, R.randrange(6500, 12000, 100)]), age=(19, 42))

def hospital():
    def a1(i):
        b = R.randint(1, 4); r = R.randint(2, 22) * 100 + R.randint(1, 12)
        return R.choice(["上海市徐汇区宛平南路600号滨江人民医院职工宿舍%d号楼%d" % (b, r), "徐汇区宛平南路600号滨江医院员工公寓%s号楼%d室" % (cnum(b), r),
                         "上海徐汇滨江人民医院住院医师公寓%d-%d" % (b, r)])
    dorm_like("hospital", "上海", 26, a1, lambda i: ("上海市滨江人民医院", "021-64387000", "上海市徐汇区宛平南路600号"),
              lambda i: R.choice([R.randrange(8000, 26000, 100), int(R.uniform(9000, 30000)), 12000]), age=(23, 50))
    def a2(i):
        b = R.randint(1, 6); r = R.randint(1, 12) * 100 + R.randint(1, 8)
        return R.choice(["长沙市开福区湘春路85号长沙市第五人民医院职工宿舍%d栋%d" % (b, r), "湖南省长沙市开福区湘春路85号五医院宿舍%s栋%d室" % (cnum(b), r),
                         "开福区湘春路85号市五医院家属区%d栋%d" % (b, r)])
    dorm_like("hospital", "长沙", 24, a2, lambda i: ("长沙市第五人民医院", "0731-84322000", "长沙市开福区湘春路85号"),
              lambda i: R.choice([R.randrange(5000, 18000, 100), int(R.uniform(6000, 20000))]), age=(23, 55))

def urban_village():
    def a1(i):
        n = R.choice([18, 18, 18, 22, 7, 31]); r = R.randint(1, 8) * 100 + R.randint(1, 10)
        return R.choice(["深圳市南山区沙河街道白石洲塘头村二坊%d号%d" % (n, r), "南山区白石洲塘头二坊%d号%d房" % (n, r), "广东省深圳市南山区塘头村二坊%d号%d楼%d" % (n, r // 100, r),
                         "白石洲塘头村2坊%d号%d室" % (n, r)])
    def e(city):
        def f(i):
            return company(city) if R.random() < 0.7 else R.choice(["个体经营", "美团骑手", "自由职业", company(city)]), phone() if R.random() < 0.5 else landline(city), office(city)
        return f
    dorm_like("urban_village", "深圳", 36, a1, e("深圳"), lambda i: income_normal(), age=(19, 48))
    def a2(i):
        n = R.choice([12, 12, 12, 5, 9]); r = R.randint(1, 7) * 100 + R.randint(1, 6)
        return R.choice(["广州市天河区石牌村石牌东路三巷%d号%d" % (n, r), "天河区石牌东三巷%d号%d房" % (n, r), "广东省广州市天河区石牌村东三巷%s号%d" % (cnum(n), r),
                         "石牌村东路3巷%d号之一%d" % (n, r)])
    dorm_like("urban_village", "广州", 34, a2, e("广州"), lambda i: income_normal(), age=(19, 50))

def generic(group, city, n, addr_fn, age=(22, 50), t_range=(T0, T1)):
    for i in range(n):
        d = base(city, t=rtime(*t_range), age=age)
        d["home_address"] = addr_fn(i)
        add(group, False, **d)

def parcel():
    generic("parcel_locker", "北京", 30, lambda i: R.choice(["北京市朝阳区双井街道广渠路15号院菜鸟驿站", "朝阳区广渠路15号院菜鸟驿站代收", "北京市朝阳区广渠路15号院南门菜鸟驿站",
                                                            "北京朝阳双井广渠路十五号院驿站"]))
    generic("parcel_locker", "杭州", 28, lambda i: R.choice(["杭州市西湖区文三路259号丰巢快递柜", "浙江省杭州市西湖区文三路259号丰巢柜", "西湖区文三路259号丰巢智能柜",
                                                            "杭州西湖文三路259号快递柜代收"]))

def tower(group, city, n, building_variants, floors, small=True):
    for i in range(n):
        d = base(city)
        f = R.choice(floors); r = f * 100 + R.randint(1, 30)
        d["work_address"] = R.choice(building_variants)(f, r)
        d["employer"] = company(city) if small or R.random() < 0.5 else R.choice(ZI) + R.choice(["集团", "控股"]) + "有限公司" + city + "分公司"
        d["employer_phone"] = landline(city) if R.random() < 0.6 else phone()
        add(group, False, **d)

def cowork():
    tower("coworking", "上海", 30, [lambda f, r: "上海市静安区南京西路1266号优客联合办公%d层%d工位" % (f, R.randint(1, 120)),
                                    lambda f, r: "静安区南京西路1266号优客联合办公%dF-%s%02d" % (f, R.choice("ABCD"), R.randint(1, 60)),
                                    lambda f, r: "上海静安南京西路1266号%d楼联合办公%d室" % (f, r)], [8, 9, 10])
    tower("coworking", "北京", 28, [lambda f, r: "北京市海淀区中关村大街27号创业汇众创空间%d层%s区%d" % (f, R.choice("ABC"), R.randint(1, 80)),
                                    lambda f, r: "海淀区中关村大街27号创业汇%d楼%d" % (f, r), lambda f, r: "中关村大街27号众创空间%s区%d" % (R.choice("ABC"), R.randint(1, 80))], [3, 4, 5])

def otower():
    tower("office_tower", "深圳", 36, [lambda f, r: "深圳市福田区深南大道7888号东海国际中心A座%d" % r, lambda f, r: "福田区深南大道7888号东海国际A栋%d楼%d室" % (f, r),
                                       lambda f, r: "广东省深圳市福田区东海国际中心A座%d层%d" % (f, r)], list(range(5, 48)), small=False)
    tower("office_tower", "上海", 34, [lambda f, r: "上海市浦东新区陆家嘴环路1000号恒汇中心%d楼%d" % (f, r), lambda f, r: "浦东新区陆家嘴环路1000号恒汇中心%d层%d室" % (f, r),
                                       lambda f, r: "上海浦东陆家嘴环路1000号%d" % r], list(range(6, 56)), small=False)

def families():
    for k in range(17):
        city = pick_city(); sur = R.choice(SUR[:60])
        size = R.choice([2, 2, 3, 3, 3, 4, 5])
        addr = house(city); forms = [addr, addr.replace("单元", "-").replace("栋", "-") if R.random() < 0.5 else addr]
        home_ip = ip(); shared_dev = device()
        members = []
        for m in range(size):
            members.append(person(region=R.choice(REG_CITY[city]) if R.random() < 0.6 else R.choice(REG_HOME), age=(20, 60), sur=sur if m != 1 else None))
        t = rtime()
        for m, p in enumerate(members):
            others = [q["phone"] for j, q in enumerate(members) if j != m]
            c = R.sample(others, min(len(others), R.choice([1, 2]))) + ([phone()] if R.random() < 0.4 else [])
            tt = t + dt.timedelta(minutes=R.randint(0, 90)) if R.random() < 0.4 else rtime()
            d = base(city, t=tt)
            d.update(p, home_address=R.choice(forms), contacts=c, ip=home_ip if R.random() < 0.6 else ip(),
                     device_id=shared_dev if (m > 0 and R.random() < 0.3) else device(),
                     channel=R.choice([d["channel"], "微信公众号", "App Store"]),
                     referrer="INV%s" % hashlib.md5((sur + str(k)).encode()).hexdigest()[:6].upper() if (m > 0 and R.random() < 0.35) else "")
            add("family", False, **d)

def colleagues():
    specs = [("苏州", 30, "江南电力服务集团有限公司苏州分公司", "0512-68556000", ["苏州市姑苏区三香路555号", "苏州市姑苏区三香路555号供电大楼", "姑苏区三香路555号"], [10000, 10000, 12000, 11000, 9000]),
             ("广州", 28, "顺达物流有限公司广州转运中心", "020-36048800", ["广州市白云区太和镇顺达物流园", "白云区太和镇北太路顺达物流园3号仓"], [8000, 9000, 8000, 7500, 10000]),
             ("重庆", 22, "重庆汇川银行股份有限公司江北支行", "023-67709000", ["重庆市江北区建新北路66号", "江北区建新北路66号汇川银行"], [15000, 15000, 18000, 12000, 20000])]
    for city, n, emp, ep, was, incs in specs:
        for i in range(n):
            d = base(city)
            d.update(employer=emp, employer_phone=ep, work_address=R.choice(was), income=R.choice(incs) if R.random() < 0.85 else R.randrange(incs[0] - 1500, incs[0] + 3000, 100))
            add("colleagues", False, **d)

def channels():
    # live-stream campaign burst on one day, code shared by all
    for i in range(140):
        t = dt.datetime(2026, 5, 20, 19, 30, tzinfo=TZ) + dt.timedelta(seconds=int(R.expovariate(1 / 2400)))
        if t > dt.datetime(2026, 5, 21, 2, tzinfo=TZ): t = t - dt.timedelta(hours=3)
        d = base(pick_city(), t=t); d.update(channel="抖音直播间", referrer="LIVE0520")
        add("channel", False, **d)
    # summer mini-program promo code, July-August
    for i in range(160):
        d = base(pick_city(), t=rtime(dt.datetime(2026, 7, 1, tzinfo=TZ), T1)); d.update(channel="支付宝小程序", referrer="SUMMER26")
        add("channel", False, **d)

def normals(n):
    prev = []
    for i in range(n):
        city = pick_city()
        if prev and R.random() < 0.012:
            # a repeat application by an earlier normal applicant
            src = R.choice(prev); d = dict(src); d["applied_at"] = rtime(src["applied_at"], T1)
            d["income"] = src["income"] if R.random() < 0.6 else income_normal()
            d["ip"] = ip(); add("normal", False, **{k: v for k, v in d.items() if not k.startswith("_")}); continue
        d = base(city)
        r = R.random()
        if r < 0.05: d["employer"], d["employer_phone"] = R.choice(["个体经营", "自由职业", "个体户"]), d["phone"]
        if R.random() < 0.04: d["referrer"] = "INV" + "%06X" % R.getrandbits(24)
        if R.random() < 0.03: d["work_address"] = d["home_address"]
        add("normal", False, **d); prev.append(d)

for f in (pk01, pk02, pk03, pk04, pk05, factory, university, barracks, hospital, urban_village, parcel, cowork, otower, families, colleagues, channels):
    f()
normals(3000 - len(APPS))

# ---------------------------------------------------------------- assemble
R.shuffle(APPS)
APPS.sort(key=lambda a: a["applied_at"])
FIELDS = ["application_id", "applied_at", "customer_id", "name", "id_number", "phone", "home_address", "work_address", "employer",
          "employer_phone", "income", "device_id", "ip", "contacts", "channel", "referrer"]
truth = {"applications": {}, "clusters": {}}
# same person keeps one customer_id
cust = {}
with open(os.path.join(OUT, "applications.jsonl"), "w", encoding="utf-8") as fh:
    for i, a in enumerate(APPS):
        a["application_id"] = "QH2026%07d" % (1000000 + i * 7 + R.randint(0, 6))
        a["customer_id"] = cust.setdefault(a["id_number"], a["customer_id"])
        a["applied_at"] = a["applied_at"].isoformat()
        rec = {k: a[k] for k in FIELDS}
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        g = a["_group"]
        truth["applications"][a["application_id"]] = {"packaged": a["_pk"], "group": g}
        if a["_pk"]: truth["clusters"].setdefault(g, []).append(a["application_id"])
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as fh:
    json.dump(truth, fh, ensure_ascii=False, indent=1)
print(len(APPS))
