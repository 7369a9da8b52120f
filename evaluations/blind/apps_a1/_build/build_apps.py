#!/usr/bin/env python3
"""Build apps_a1: loan applications with intermediary packaging rings and genuine look-alikes.
Standard library only, deterministic (seed fixed). Writes into the parent folder."""
import json, random, os, ipaddress
from datetime import datetime, date, timedelta, timezone

R = random.Random(20260601)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = timezone(timedelta(hours=8))
P0, P1 = date(2026, 6, 1), date(2026, 10, 31)

# ------------------------------------------------------------------ basics
USED_PH = set()
MOB_PFX = ['130','131','132','133','135','136','137','138','139','150','151','152','155','156','157','158','159',
           '166','173','175','176','177','178','180','181','182','183','185','186','187','188','189','191','198','199']
def mobile():
    while True:
        n = R.choice(MOB_PFX) + '%08d' % R.randint(0, 99999999)
        if n not in USED_PH: USED_PH.add(n); return n
def landline(area):
    while True:
        n = area + '-' + str(R.randint(2, 8)) + '%07d' % R.randint(0, 9999999)
        if n not in USED_PH: USED_PH.add(n); return n

SURN = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏飞鑫波宁欣颖婷雪琳晨阳帆峰亮志海健俊佳子梓涵轩博雨思')
def pname(sn=None):
    return (sn or R.choice(SURN)) + ''.join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = '10X98765432'
def check_digit(s17):
    return CHK[sum(int(a) * b for a, b in zip(s17, W)) % 11]
USED_ID = set()
HOME_COUNTIES = ['412726', '411522', '341221', '511321', '500228', '431021', '450881', '421182', '440882', '522122',
                 '530381', '360731', '412825', '341623', '513030', '433127', '362427', '452123', '410621', '371324',
                 '130629', '140623', '230183', '220621', '620523']
def id_number(region=None, age_lo=20, age_hi=55, male=None):
    while True:
        reg = region or R.choice(HOME_COUNTIES)
        b = date(2026, 7, 1) - timedelta(days=R.randint(age_lo * 365 + 10, age_hi * 365))
        seq = R.randint(0, 499) * 2 + (1 if (male if male is not None else R.random() < 0.55) else 0)
        s17 = reg + b.strftime('%Y%m%d') + '%03d' % seq
        s = s17 + check_digit(s17)
        if s not in USED_ID: USED_ID.add(s); return s

def device():
    if R.random() < 0.6:   # android id style
        return ''.join(R.choice('0123456789abcdef') for _ in range(16))
    return '-'.join(''.join(R.choice('0123456789ABCDEF') for _ in range(k)) for k in (8, 4, 4, 4, 12))

IP_BLOCKS = ['223.104.0.0/15', '117.136.0.0/16', '112.96.0.0/15', '183.0.0.0/10', '113.64.0.0/11', '218.0.0.0/11',
             '116.0.0.0/11', '120.224.0.0/12', '125.64.0.0/11', '58.32.0.0/11', '36.96.0.0/11', '14.16.0.0/12', '171.8.0.0/13']
_NETS = [ipaddress.ip_network(b) for b in IP_BLOCKS]
def ip(net=None):
    n = ipaddress.ip_network(net) if net else R.choice(_NETS)
    return str(n.network_address + R.randint(1, n.num_addresses - 2))

CN = '零一二三四五六七八九'
def cnum(n):
    if n < 10: return CN[n]
    if n < 20: return '十' + (CN[n % 10] if n % 10 else '')
    if n < 100: return CN[n // 10] + '十' + (CN[n % 10] if n % 10 else '')
    return ''.join(CN[int(d)] for d in str(n))

def building_forms(bld, room, unit=None, bld_letter=None, dorm=False):
    """Varied ways of writing one building/room: '1栋202', '一号楼202室', '1幢2楼202', 'A座202' ..."""
    floor = room // 100
    b = bld_letter or str(bld)
    forms = [f'{b}栋{room}', f'{b}栋{room}室', f'{b}号楼{room}室', f'{b}幢{floor}楼{room}', f'{b}-{room}', f'{b}栋{floor}层{room}号']
    if not bld_letter:
        forms += [f'{cnum(bld)}号楼{room}室', f'{cnum(bld)}栋{room}', f'第{cnum(bld)}栋{room}房'] + ([f'{bld}号宿舍楼{room}', f'{cnum(bld)}号宿舍{room}'] if dorm else [])
    else:
        forms += [f'{b}座{room}', f'{b}座{floor}楼{room}室']
    f = R.choice(forms)
    if unit and R.random() < 0.7 and '单元' not in f:
        f = f.replace('栋', f'栋{unit}单元', 1) if '栋' in f else f
    return f

def with_prefix(prov, city, dist, rest, p_prov=0.55, p_city=0.85):
    s = ''
    if R.random() < p_prov: s += prov
    if (R.random() < p_city or s) and not (s and prov == city): s += city
    return s + dist + rest

# ------------------------------------------------------------------ cities for ordinary applicants
CITIES = [  # prov, city, [districts], id region code, phone area, weight
    ('广东省', '深圳市', ['南山区', '福田区', '宝安区', '龙岗区', '龙华区', '罗湖区'], '440305', '0755', 9),
    ('广东省', '广州市', ['天河区', '海珠区', '白云区', '番禺区', '越秀区'], '440106', '020', 8),
    ('广东省', '东莞市', ['南城街道', '长安镇', '虎门镇', '塘厦镇'], '441900', '0769', 4),
    ('广东省', '佛山市', ['南海区', '顺德区', '禅城区'], '440604', '0757', 3),
    ('北京市', '北京市', ['朝阳区', '海淀区', '丰台区', '昌平区', '通州区'], '110105', '010', 6),
    ('上海市', '上海市', ['浦东新区', '闵行区', '徐汇区', '宝山区', '松江区'], '310115', '021', 6),
    ('浙江省', '杭州市', ['西湖区', '余杭区', '萧山区', '拱墅区'], '330106', '0571', 5),
    ('江苏省', '南京市', ['鼓楼区', '江宁区', '秦淮区'], '320106', '025', 3),
    ('江苏省', '苏州市', ['工业园区', '吴中区', '相城区', '姑苏区'], '320506', '0512', 4),
    ('湖北省', '武汉市', ['洪山区', '武昌区', '江汉区', '东西湖区'], '420111', '027', 4),
    ('湖南省', '长沙市', ['岳麓区', '雨花区', '开福区'], '430104', '0731', 3),
    ('四川省', '成都市', ['武侯区', '高新区', '锦江区', '成华区', '双流区'], '510107', '028', 5),
    ('重庆市', '重庆市', ['渝北区', '江北区', '沙坪坝区', '九龙坡区'], '500112', '023', 4),
    ('陕西省', '西安市', ['雁塔区', '未央区', '长安区'], '610113', '029', 3),
    ('河南省', '郑州市', ['金水区', '二七区', '中原区', '管城回族区'], '410105', '0371', 4),
    ('山东省', '济南市', ['历下区', '槐荫区', '历城区'], '370102', '0531', 2),
    ('山东省', '青岛市', ['市南区', '黄岛区', '李沧区'], '370202', '0532', 2),
    ('福建省', '厦门市', ['思明区', '湖里区', '集美区'], '350203', '0592', 2),
    ('福建省', '福州市', ['鼓楼区', '仓山区', '晋安区'], '350102', '0591', 2),
    ('安徽省', '合肥市', ['蜀山区', '包河区', '庐阳区'], '340104', '0551', 3),
    ('江西省', '南昌市', ['东湖区', '红谷滩区', '青山湖区'], '360102', '0791', 2),
    ('广西壮族自治区', '南宁市', ['青秀区', '西乡塘区', '江南区'], '450103', '0771', 2),
    ('贵州省', '贵阳市', ['南明区', '云岩区', '观山湖区'], '520102', '0851', 2),
    ('云南省', '昆明市', ['五华区', '官渡区', '盘龙区'], '530102', '0871', 2),
    ('河北省', '石家庄市', ['桥西区', '长安区', '裕华区'], '130104', '0311', 2),
    ('山西省', '太原市', ['小店区', '迎泽区'], '140105', '0351', 1),
    ('辽宁省', '沈阳市', ['和平区', '浑南区', '铁西区'], '210102', '024', 2),
    ('吉林省', '长春市', ['南关区', '朝阳区'], '220102', '0431', 1),
    ('黑龙江省', '哈尔滨市', ['南岗区', '道里区', '香坊区'], '230103', '0451', 1),
    ('天津市', '天津市', ['和平区', '南开区', '滨海新区', '西青区'], '120101', '022', 2),
    ('甘肃省', '兰州市', ['城关区', '七里河区'], '620102', '0931', 1),
    ('海南省', '海口市', ['美兰区', '龙华区'], '460106', '0898', 1),
    ('内蒙古自治区', '呼和浩特市', ['新城区', '赛罕区'], '150102', '0471', 1),
    ('新疆维吾尔自治区', '乌鲁木齐市', ['天山区', '沙依巴克区'], '650102', '0991', 1),
]
CW = [c[5] for c in CITIES]
ROADS = ['人民路', '建设路', '解放路', '中山路', '和平路', '新华路', '长江路', '黄河路', '文化路', '胜利路', '光明路', '朝阳路',
         '幸福路', '青年路', '学府路', '科技路', '滨河路', '东风路', '迎宾大道', '金融街', '南京路', '沿江大道', '工业大道', '创业路']
ESTATES = ['阳光花园', '金色家园', '翠苑小区', '幸福里', '锦绣华庭', '碧水湾', '城市花园', '御景湾', '书香门第', '丽景苑', '名都花园',
           '世纪城', '滨江一号', '枫林绿洲', '凤凰城', '绿城桂花园', '中央公馆', '星河湾', '东方明珠苑', '融创玖园', '万象新天',
           '香樟苑', '和谐家园', '春江花月', '紫薇花园', '华府天地', '新城国际', '南湖小区', '教师新村', '电力小区']
TRADE = ['恒信', '鼎盛', '华腾', '嘉禾', '瑞丰', '启航', '众诚', '宏达', '金桥', '天成', '优品', '博远', '新锐', '汇通', '智联', '安泰',
         '远景', '东升', '利源', '同创', '卓越', '盛世', '佳和', '明道', '致远', '悦达', '锦程', '中科', '蓝海', '信达']
INDUSTRY = ['贸易', '科技', '物流', '餐饮管理', '建筑工程', '装饰工程', '电子', '商贸', '信息技术', '教育咨询', '汽车服务', '医疗器械',
            '服装', '食品', '物业服务', '广告', '网络科技', '机械设备', '人力资源', '家政服务']
OFFICE_BLD = ['国际大厦', '科技园', '商务中心', '金融中心', '创业园', '广场', '中心大厦', '产业园', '写字楼', '时代广场']

def rnd_home(city):
    prov, cname, dists, _, _, _ = city
    d = R.choice(dists); road = R.choice(ROADS)
    k = R.random()
    if k < 0.7:
        rest = f'{road}{R.randint(1, 999)}号{R.choice(ESTATES)}' + building_forms(R.randint(1, 30), R.randint(1, 33) * 100 + R.randint(1, 4), unit=R.randint(1, 4) if R.random() < 0.5 else None)
    elif k < 0.85:
        rest = f'{R.choice(ESTATES)}{building_forms(R.randint(1, 20), R.randint(1, 18) * 100 + R.randint(1, 6))}'
    else:
        rest = f'{road}{R.randint(1, 300)}号{R.randint(1, 8)}楼{R.randint(1, 4)}0{R.randint(1, 6)}'
    return with_prefix(prov, cname, d, rest)

def rnd_company(city):
    short = city[1].replace('市', '')
    return short + R.choice(TRADE) + R.choice(INDUSTRY) + '有限公司' if R.random() < 0.85 else R.choice(TRADE) + R.choice(INDUSTRY) + '(' + short + ')有限公司'

def rnd_work(city):
    prov, cname, dists, _, _, _ = city
    return with_prefix(prov, cname, R.choice(dists), f'{R.choice(ROADS)}{R.randint(1, 800)}号{R.choice(TRADE)}{R.choice(OFFICE_BLD)}{R.randint(2, 30)}{R.choice(["楼", "层", "F"])}', 0.3, 0.8)

def income(mu=6500, sd=0.45, lo=2500, hi=60000):
    v = R.lognormvariate(0, sd) * mu
    v = max(lo, min(hi, v))
    k = R.random()
    if k < 0.45: return int(round(v / 500) * 500)
    if k < 0.8: return int(round(v / 100) * 100)
    return int(v)

CHANNELS = ['app_store', 'huawei_appgallery', 'xiaomi_store', 'oppo_store', 'vivo_store', 'douyin_ads', 'kuaishou_ads',
            'wechat_mp', 'baidu_search', 'web', 'sms_campaign', 'friend_invite']
CH_W = [14, 14, 9, 8, 8, 10, 6, 8, 5, 4, 4, 5]
INVITE_CODES = []
def normal_channel():
    ch = R.choices(CHANNELS, CH_W)[0]
    ref = ''
    if ch == 'friend_invite':
        if INVITE_CODES and R.random() < 0.3: ref = R.choice(INVITE_CODES)
        else:
            ref = 'INV' + ''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6)); INVITE_CODES.append(ref)
    return ch, ref

def ts(d, night=False, office=False):
    if night: h = R.uniform(0, 3.5) if R.random() < 0.7 else R.uniform(22, 24)
    elif office: h = R.uniform(9.5, 17.5)
    else:
        while True:
            c = R.random()
            h = R.gauss(12.5, 1.2) if c < 0.3 else (R.gauss(21.5, 1.5) if c < 0.7 else R.uniform(7, 24))
            if 0 <= h < 24: break
    s = int(h * 3600)
    return datetime(d.year, d.month, d.day, tzinfo=TZ) + timedelta(seconds=min(s, 86399))

def rday(lo=P0, hi=P1):
    return lo + timedelta(R.randint(0, (hi - lo).days))

APPS = []
def app(group, packaged, d, night=False, office=False, **kw):
    a = dict(group=group, packaged=packaged, applied_at=ts(d, night, office))
    a.update(kw)
    a.setdefault('contacts', [mobile() for _ in range(R.choice([1, 2, 2, 3]))])
    a.setdefault('device_id', device())
    a.setdefault('ip', ip())
    if 'channel' not in a:
        a['channel'], a['referrer'] = normal_channel()
    a.setdefault('referrer', '')
    a.setdefault('name', pname())
    a.setdefault('phone', mobile())
    a.setdefault('id_number', id_number())
    APPS.append(a)
    return a

# ================================================================== PACKAGING GROUPS
CLUSTERS = {}

# PK-01 dormitory room mill (Shenzhen Bao'an): 44 applicants in 4 rooms of one collective dorm building, 3 shell employers
#        sharing 2 phones, identical income 8000, 5 shared devices, one NAT IP range, pooled contacts, one referrer.
def pk01():
    pid = 'PK-01'; ids = []
    shells = ['深圳市鑫泰隆供应链管理有限公司', '深圳市宏远达电子科技有限公司', '深圳市骏成劳务派遣有限公司']
    sphones = [landline('0755'), landline('0755')]
    office = '宝安区福永街道凤凰第二工业区{b}'
    devs = [device() for _ in range(5)]
    ipnet = '113.87.44.0/28'
    cpool = [mobile() for _ in range(4)]
    rooms = [502, 503, 508, 601]
    start = date(2026, 7, 6)
    for i in range(44):
        room = R.choice(rooms)
        home = with_prefix('广东省', '深圳市', '宝安区', R.choice(['福永街道怀德社区翠岗工业五区宿舍', '福永怀德翠岗五区员工宿舍', '福永街道翠岗工业园宿舍楼']) +
                           building_forms(3, room, dorm=True), 0.4, 0.7)
        emp = R.randrange(3)
        work = with_prefix('广东省', '深圳市', '', office.format(b=R.choice(['B栋3楼', 'B座三楼', 'B栋301', '二期B栋3层'])), 0.2, 0.7)
        a = app(pid, True, start + timedelta(int(abs(R.gauss(0, 8)))),
                name=pname(), id_number=id_number(R.choice(['412726', '411522', '341221', '412825']), 19, 34),
                home_address=home, work_address=work, employer=shells[emp], employer_phone=sphones[emp % 2],
                income=8000, device_id=R.choice(devs), ip=ip(ipnet), contacts=R.sample(cpool, R.choice([1, 2])),
                channel='offline_agent', referrer='SZBA0731')
        ids.append(a)
    CLUSTERS[pid] = ids

# PK-02 shell companies at one fake office: 27 applicants living all over Guangzhou, six differently named "employers" all at
#        one office room (written many ways), two shared employer landlines, incomes from a few round values; devices/IPs/
#        contacts are their own; channel and referrer vary (agency coached them to apply via different app stores).
def pk02():
    pid = 'PK-02'; ids = []
    shells = ['广州市恒晟国际贸易有限公司', '广州启明星文化传播有限公司', '广州市粤信建设工程有限公司', '广州汇鑫投资咨询有限公司',
              '广州市锐创网络科技有限公司', '广州市正东物业管理有限公司']
    sphones = [landline('020'), landline('020')]
    offices = ['天河区天河北路{n}号华穗大厦1508室', '天河北路{n}号华穗大厦15楼1508', '天河区天河北路华穗大厦十五楼1508', '天河北路{n}号华穗大厦1508',
               '天河区华穗大厦15层08室', '天河区天河北路{n}号华穗大厦一五零八室']
    city = CITIES[1]
    for i in range(27):
        work = with_prefix('广东省', '广州市', '', R.choice(offices).format(n=R.choice(['183', '183', '一八三'])), 0.3, 0.6)
        emp = R.randrange(6)
        a = app(pid, True, rday(date(2026, 6, 10), date(2026, 9, 20)), office=R.random() < 0.5,
                home_address=rnd_home(city), work_address=work, employer=shells[emp], employer_phone=sphones[0 if emp < 3 else 1] if R.random() < 0.85 else R.choice(sphones),
                income=R.choice([12000, 15000, 15000, 18000, 20000]), id_number=id_number(R.choice(['440106', '440111', '431021', '450881', '360731', '441900'][:6]), 24, 45))
        ids.append(a)
    CLUSTERS[pid] = ids

# PK-03 identical claims burst: 17 applicants within 3 days, same employer name and income 9500, same work address,
#        homes in one urban-village handshake building (varied writing, room numbers 1-6 floors), three rotating devices,
#        one IP, contacts are other members of the ring; one referrer.
def pk03():
    pid = 'PK-03'; ids = []
    phones = [mobile() for _ in range(17)]
    devs = [device() for _ in range(3)]
    the_ip = ip('171.8.0.0/13')
    start = date(2026, 8, 24)
    for i in range(17):
        room = R.randint(1, 6) * 100 + R.randint(1, 4)
        home = with_prefix('河南省', '郑州市', '金水区', R.choice(['庙李村', '庙李社区', '庙李村三组']) + R.choice(['东街', '']) +
                           R.choice([f'{R.choice(["18", "十八"])}号楼{room}', f'18号{room}室', f'十八号院{room}', f'18号{room // 100}楼{room}']), 0.3, 0.7)
        contacts = R.sample([p for j, p in enumerate(phones) if j != i], 2)
        a = app(pid, True, start + timedelta(R.randint(0, 2)), phone=phones[i],
                home_address=home, work_address=with_prefix('河南省', '郑州市', '', R.choice(['郑东新区商务外环路17号中油新澳大厦2206', '郑东新区商务外环17号新澳大厦22楼', '郑东新区中油新澳大厦2206室']), 0.2, 0.6),
                employer='河南中原顺达物流有限公司', employer_phone=landline('0371') if i == 0 else None, income=9500,
                device_id=R.choice(devs), ip=the_ip, contacts=contacts, channel='douyin_ads', referrer='ZZ-LIU88',
                id_number=id_number(R.choice(['412726', '411522', '410621', '412825', '410105']), 22, 40))
        ids.append(a)
    ep = ids[0]['employer_phone']
    for a in ids: a['employer_phone'] = ep
    CLUSTERS[pid] = ids

# PK-04 device farm: 56 applicants across Guangdong/Guangxi with their own addresses and varied employers/incomes; shared
#        are 6 devices, a residential /26 of IPs, emergency contacts from a pool of 8 intermediary numbers, one H5 partner
#        channel (no referrer), and applications made late at night over two months.
def pk04():
    pid = 'PK-04'; ids = []
    devs = [device() for _ in range(6)]
    ipnet = '14.17.88.0/26'
    cpool = [mobile() for _ in range(8)]
    cities = [CITIES[0], CITIES[1], CITIES[2], CITIES[3], CITIES[21]]
    for i in range(56):
        city = R.choice(cities)
        a = app(pid, True, rday(date(2026, 8, 15), date(2026, 10, 20)), night=True,
                home_address=rnd_home(city), work_address=rnd_work(city), employer=rnd_company(city),
                employer_phone=landline(city[4]) if R.random() < 0.6 else mobile(), income=income(7000, 0.35),
                device_id=R.choice(devs), ip=ip(ipnet), contacts=R.sample(cpool, R.choice([1, 2, 2, 3])) + ([mobile()] if R.random() < 0.3 else []),
                channel='h5_partner_88', referrer='', id_number=id_number(R.choice([city[3], '450881', '440882', '452123', '431021']), 20, 48))
        ids.append(a)
    CLUSTERS[pid] = ids

# PK-05 small referrer ring (Dongguan): 12 applicants in one rented room in an old village, one referrer code, employer phone
#        is one mobile (the intermediary), employers and work addresses invented and all different, income identical 12000,
#        two shared contact numbers; devices and IPs are their own (mobile data); applications spaced over 6 weeks.
def pk05():
    pid = 'PK-05'; ids = []
    emp_mob = mobile()
    cpool = [mobile(), mobile()]
    city = CITIES[2]
    for i in range(12):
        home = R.choice(['东莞市塘厦镇石潭埔村新街三巷12号402', '塘厦镇石潭埔新街3巷12号4楼', '广东省东莞市塘厦石潭埔村新街三巷十二号四零二',
                         '东莞塘厦镇石潭埔村新街3巷12号402房', '塘厦石潭埔新街三巷12号四楼402'])
        a = app(pid, True, rday(date(2026, 9, 1), date(2026, 10, 12)),
                home_address=home, work_address=rnd_work(city), employer=rnd_company(city), employer_phone=emp_mob,
                income=12000, contacts=[R.choice(cpool)] + ([mobile()] if R.random() < 0.5 else []),
                channel=R.choice(['app_store', 'huawei_appgallery', 'oppo_store']), referrer='R8821',
                id_number=id_number(R.choice(['513030', '511321', '500228', '522122']), 21, 38))
        ids.append(a)
    CLUSTERS[pid] = ids

for f in (pk01, pk02, pk03, pk04, pk05): f()

# ================================================================== HARD NEGATIVES
def factory_dorm(fname, dorm, prov, city, dist, work, area, region_mix, n, other_emps, wifi_ips):
    hr = landline(area)
    for i in range(n):
        bld = R.choice(['A', 'B', 'C', 'D', 'E', 'F'])
        room = R.randint(1, 7) * 100 + R.randint(1, 24)
        own = R.random() < 0.7
        a = app('factory_dorm', False, rday(),
                home_address=with_prefix(prov, city, dist, dorm + building_forms(0, room, bld_letter=bld, dorm=True), 0.35, 0.75),
                work_address=with_prefix(prov, city, dist, work if own else R.choice(other_emps)[1], 0.3, 0.7),
                employer=fname if own else R.choice(other_emps)[0], employer_phone=hr if own else landline(area),
                income=income(6000, 0.2, 3800, 11000), id_number=id_number(R.choice(region_mix), 18, 45),
                ip=R.choice(wifi_ips) if R.random() < 0.35 else ip())

factory_dorm('华粤精密电子(东莞)有限公司', '乌沙社区华粤工业园员工宿舍', '广东省', '东莞市', '长安镇', '乌沙社区兴发南路88号华粤工业园', '0769',
             ['412726', '511321', '431021', '452123', '522122', '440882', '360731'], 38,
             [('东莞市长安恒昌五金制品有限公司', '乌沙社区兴三路6号'), ('东莞铭达塑胶制品有限公司', '锦厦社区工业区'), ('东莞市长安镇美佳电子厂', '乌沙江贝村工业区')],
             [ip('113.110.0.0/16'), ip('113.110.0.0/16')])
factory_dorm('昆山泰科电子有限公司', '泰科电子生活区', '江苏省', '苏州市', '昆山市', '开发区前进东路1288号', '0512',
             ['341221', '341623', '412825', '320826', '513030', '620523'], 27,
             [('昆山沪光汽车电器有限公司', '开发区黄浦江路'), ('昆山科森科技有限公司', '开发区新星南路')],
             [ip('58.208.0.0/13')])

def univ(uname, prov, city, dist, dorm_name, tel_area, n, region_mix):
    uphone = landline(tel_area)
    for i in range(n):
        bld = R.randint(1, 16); room = R.randint(1, 6) * 100 + R.randint(1, 30)
        kind = R.random()
        if kind < 0.45: emp, inc, ep = uname, income(4500, 0.3, 2500, 9000), uphone     # graduate students / postdocs (stipend) / young staff
        elif kind < 0.75: emp, inc, ep = R.choice(['', '兼职家教', '自由职业']) or '学生', income(2500, 0.4, 800, 6000), ''
        else:
            c = [cc for cc in CITIES if cc[1] == city][0]
            emp, inc, ep = rnd_company(c), income(5500, 0.35, 3000, 12000), landline(tel_area)
        a = app('university_dorm', False, rday(),
                home_address=with_prefix(prov, city, dist, dorm_name + R.choice(['', '学生公寓', '研究生公寓']) + building_forms(bld, room, dorm=True), 0.3, 0.7),
                work_address=with_prefix(prov, city, dist, uname, 0.2, 0.6) if emp in (uname, '学生', '兼职家教', '自由职业') else rnd_work([cc for cc in CITIES if cc[1] == city][0]),
                employer=emp, employer_phone=ep, income=inc, id_number=id_number(R.choice(region_mix), 21, 32),
                ip=ip('202.114.0.0/16' if city == '武汉市' else '202.115.0.0/16') if R.random() < 0.4 else ip())

univ('华中理工大学', '湖北省', '武汉市', '洪山区', '珞喻路1037号华中理工大学东区', '027', 26, ['420111', '421182', '412726', '430104', '360731', '341221'])
univ('西南交通工程学院', '四川省', '成都市', '高新区', '西部园区犀安路999号', '028', 21, ['510107', '511321', '500228', '513030', '522122'])

def barracks(unit, prov, city, dist, addr, area, n):
    ph = landline(area)
    for i in range(n):
        a = app('barracks', False, rday(),
                home_address=with_prefix(prov, city, dist, addr + R.choice(['', '', f'{R.randint(1, 9)}号楼', f'家属区{R.randint(1, 6)}栋{R.randint(1, 6)}0{R.randint(1, 4)}']), 0.3, 0.8),
                work_address=with_prefix(prov, city, dist, addr, 0.3, 0.8), employer=unit, employer_phone=ph if R.random() < 0.8 else '',
                income=R.choice([6800, 7200, 7500, 8100, 8600, 9300, 10500, 12800]) + R.choice([0, 0, 150, 300]),
                id_number=id_number(None, 20, 42, male=R.random() < 0.92), channel=R.choice(['app_store', 'huawei_appgallery', 'wechat_mp']), referrer='')
barracks('中国人民解放军95812部队', '河北省', '石家庄市', '长安区', '建华北大街营区', '0311', 13)
barracks('中国人民武装警察部队福建省总队某支队', '福建省', '福州市', '晋安区', '福飞北路武警营区', '0591', 11)

def hospital(hname, prov, city, dist, quarters, work, area, n, region):
    sw = landline(area)
    for i in range(n):
        role = R.random()
        inc = income(16000, 0.3, 9000, 45000) if role < 0.3 else (income(9000, 0.25, 5500, 16000) if role < 0.75 else income(5500, 0.2, 3500, 9000))
        a = app('hospital', False, rday(),
                home_address=with_prefix(prov, city, dist, quarters + building_forms(R.randint(1, 6), R.randint(1, 12) * 100 + R.randint(1, 10)), 0.3, 0.8),
                work_address=with_prefix(prov, city, dist, work, 0.3, 0.8), employer=hname, employer_phone=sw,
                income=inc, id_number=id_number(R.choice([region, region, None]), 23, 58, male=R.random() < 0.35),
                ip=ip('183.6.0.0/16') if R.random() < 0.2 else ip())
hospital('中山大学附属第八医院', '广东省', '广州市', '越秀区', '中山二路58号职工宿舍', '中山二路58号', '020', 19, '440106')
hospital('重庆市第九人民医院', '重庆市', '重庆市', '渝中区', '两路口医院职工宿舍', '长江二路15号', '023', 16, '500112')

def urban_village(prov, city, dist, village, houses, n):
    c = [cc for cc in CITIES if cc[1] == city][0]
    for i in range(n):
        h = R.choice(houses)
        room = R.randint(1, 8) * 100 + R.randint(1, 6)
        rest = village + R.choice([f'{h}号{room}', f'{h}号{room}房', f'{h}栋{room}', f'{h}号{cnum(room // 100)}楼{room}', f'{h}号{room // 100}楼{room % 100:02d}'])
        a = app('urban_village', False, rday(),
                home_address=with_prefix(prov, city, dist, rest, 0.3, 0.75), work_address=rnd_work(c) if R.random() < 0.8 else '',
                employer=rnd_company(c) if R.random() < 0.85 else R.choice(['个体', '自由职业', '外卖骑手', '网约车司机']),
                employer_phone=landline(c[4]) if R.random() < 0.5 else mobile(), income=income(6000, 0.35, 3000, 16000))
        if a['employer'] in ('个体', '自由职业', '外卖骑手', '网约车司机'): a['employer_phone'] = ''
urban_village('广东省', '深圳市', '南山区', '沙河街道白石洲上白石二坊', ['33', '33', '34', '35', '36'], 23)
urban_village('广东省', '广州市', '天河区', '石牌村东约', ['12', '12', '13', '15'], 19)

def parcel(prov, city, dist, spot, n):
    c = [cc for cc in CITIES if cc[1] == city][0]
    for i in range(n):
        a = app('parcel_locker', False, rday(),
                home_address=with_prefix(prov, city, dist, R.choice(spot), 0.3, 0.8), work_address=rnd_work(c), employer=rnd_company(c),
                employer_phone=landline(c[4]) if R.random() < 0.7 else mobile(), income=income(6500, 0.4))
parcel('浙江省', '杭州市', '余杭区', ['五常街道荆长路菜鸟驿站', '荆长路菜鸟驿站(五常店)', '五常街道荆长路88号菜鸟驿站', '荆长路88号驿站代收'], 14)
parcel('上海市', '上海市', '闵行区', ['七宝镇漕宝路丰巢快递柜', '漕宝路1500号丰巢智能柜', '七宝漕宝路1500号丰巢柜', '漕宝路1500号快递柜'], 12)

def coworking(prov, city, dist, bld, area, n):
    c = [cc for cc in CITIES if cc[1] == city][0]
    firms = [(rnd_company(c), landline(area) if R.random() < 0.6 else mobile(), R.randint(3, 22) * 100 + R.randint(1, 40)) for _ in range(int(n * 0.8))]
    for i in range(n):
        f = R.choice(firms)
        a = app('coworking', False, rday(), office=R.random() < 0.4,
                home_address=rnd_home(c), work_address=with_prefix(prov, city, dist, bld + R.choice([f'{f[2]}室', f'{f[2] // 100}楼{f[2]}', f'{cnum(f[2] // 100)}层{f[2] % 100:02d}工位', f'{f[2]}']), 0.2, 0.7),
                employer=f[0], employer_phone=f[1], income=income(9000, 0.45, 4000, 40000))
coworking('北京市', '北京市', '海淀区', '中关村大街11号e世界创业中心', '010', 26)
coworking('四川省', '成都市', '高新区', '天府三街199号太平洋保险金融大厦B区优创空间', '028', 22)

def families(k):
    for f in range(k):
        c = R.choices(CITIES, CW)[0]
        sn = R.choice(SURN); home = rnd_home(c)
        n = R.choice([2, 2, 2, 3, 3, 4])
        phones = [mobile() for _ in range(n)]
        region = R.choice([c[3], R.choice(HOME_COUNTIES)])
        shared_dev = device() if R.random() < 0.35 else None
        home_ip = ip()
        base = rday(P0, date(2026, 10, 1))
        for j in range(n):
            h = home   # same home, written slightly differently by each member
            if R.random() < 0.5: h = h.replace(c[0], '')
            if R.random() < 0.3: h = h.replace('室', '')
            a = app('family', False, base + timedelta(R.randint(0, 40)) if R.random() < 0.8 else rday(),
                    name=pname(sn if j < 2 or R.random() < 0.6 else None), phone=phones[j],
                    id_number=id_number(region, 20 if j else 28, 62), home_address=h,
                    work_address=rnd_work(c), employer=rnd_company(c), employer_phone=landline(c[4]), income=income(7000, 0.45),
                    contacts=[p for p in phones if p != phones[j]][:2] + ([mobile()] if R.random() < 0.4 else []),
                    device_id=shared_dev if (shared_dev and j < 2) else device(), ip=home_ip if R.random() < 0.6 else ip())
families(16)

def colleagues(emp, prov, city, dist, campus, area, n, corp=None):
    c = [cc for cc in CITIES if cc[1] == city][0]
    hr = landline(area)
    for i in range(n):
        kw = {}
        if corp and R.random() < 0.6: kw = dict(channel='corp_payroll', referrer=corp)
        a = app('colleagues', False, rday(), home_address=rnd_home(c), work_address=with_prefix(prov, city, dist, R.choice(campus), 0.3, 0.8),
                employer=emp, employer_phone=hr if R.random() < 0.85 else landline(area), income=income(9500, 0.4, 4500, 50000),
                ip=ip('222.73.0.0/16') if R.random() < 0.15 else ip(), **kw)
colleagues('粤海新能源汽车股份有限公司', '广东省', '深圳市', '坪山区', ['坪山区比亚迪路3009号', '坪山比亚迪路3009号粤海工业园', '坪山街道比亚迪路3009号'], '0755', 28, corp='EMP-YH01')
colleagues('江南数智科技集团有限公司', '浙江省', '杭州市', '余杭区', ['文一西路969号江南数智园区', '文一西路969号5号楼', '余杭文一西路969号'], '0571', 22)
colleagues('中铁华建第十四工程局有限公司', '山东省', '济南市', '历城区', ['工业北路1号', '工业北路一号中铁华建大厦'], '0531', 14)

# ================================================================== NORMAL
N_TARGET = 3000
n_normal = N_TARGET - len(APPS) - 60   # leave room for repeat applications
for i in range(n_normal):
    c = R.choices(CITIES, CW)[0]
    k = R.random()
    if k < 0.08: emp, ep, work = R.choice(['个体经营', '自由职业', '网约车司机', '外卖骑手']), '', ''
    else: emp, ep, work = rnd_company(c), (landline(c[4]) if R.random() < 0.7 else mobile()), rnd_work(c)
    app('normal', False, rday(), home_address=rnd_home(c), work_address=work, employer=emp, employer_phone=ep,
        income=income(7000, 0.5), id_number=id_number(c[3] if R.random() < 0.45 else None, 20, 58))
# repeat applications by the same ordinary customers (later date, same identity, sometimes a new device/ip)
base_norm = [a for a in APPS if a['group'] == 'normal']
for a0 in R.sample(base_norm, 60):
    d = a0['applied_at'].date() + timedelta(R.randint(7, 90))
    if d > P1: d = P1
    a = dict(a0); a['applied_at'] = ts(d); a['_repeat_of'] = a0
    if R.random() < 0.5: a['ip'] = ip()
    if R.random() < 0.2: a['device_id'] = device()
    if R.random() < 0.3: a['income'] = income(a0['income'], 0.1)
    APPS.append(a)

# ================================================================== ids and write
custs = {}
R.shuffle(APPS)
APPS.sort(key=lambda a: a['applied_at'])
for i, a in enumerate(APPS):
    a['application_id'] = 'AP%08d' % (26060001 + i * 3 + R.randint(0, 2))
cids = list(range(300001, 300001 + len(APPS) * 2, 2)); R.shuffle(cids)
ci = 0
for a in APPS:
    if '_repeat_of' in a: continue
    a['customer_id'] = 'U%06d' % cids[ci]; ci += 1
for a in APPS:
    if '_repeat_of' in a: a['customer_id'] = a['_repeat_of']['customer_id']

FIELDS = ['application_id', 'applied_at', 'customer_id', 'name', 'id_number', 'phone', 'home_address', 'work_address', 'employer',
          'employer_phone', 'income', 'device_id', 'ip', 'contacts', 'channel', 'referrer']
with open(os.path.join(OUT, 'applications.jsonl'), 'w', encoding='utf-8') as f:
    for a in APPS:
        row = {k: a[k] for k in FIELDS}
        row['applied_at'] = a['applied_at'].isoformat()
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
truth = {'applications': {a['application_id']: {'packaged': a['packaged'], 'group': a['group']} for a in APPS},
         'clusters': {pid: sorted(a['application_id'] for a in lst) for pid, lst in CLUSTERS.items()}}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
print('applications', len(APPS))
