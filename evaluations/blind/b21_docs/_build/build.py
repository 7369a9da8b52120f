# Builds the b21_docs evaluation set. Run: /work/main/.venv/bin/python _build/build.py
import os, io, sys, json, csv, random, shutil, datetime as dt
import numpy as np
from PIL import Image, ImageDraw
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib
from lib import cn_date, make_id, id_check
import templates as T

SEED = 210817
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ATT = os.path.join(OUT, 'attachments')
rng = random.Random(SEED)
D = dt.date

# ------------------------------------------------------------------ issuers
def rs(text, **kw):
    s = dict(shape='round', text=text, center='star', rx=150, fs=40, font='zen', span=250)
    s.update(kw); return s

ISS = {
 'C1': dict(name='杭州云帆网络科技有限公司', addr='杭州市西湖区文三路478号华星时代广场A座12楼', seal=rs('杭州云帆网络科技有限公司')),
 'C2': dict(name='杭州云启网络科技有限公司', addr='杭州市滨江区网商路599号4幢8楼', seal=rs('杭州云启网络科技有限公司')),
 'C3': dict(name='深圳市鼎盛电子有限公司', addr='深圳市宝安区西乡街道宝源路1065号', seal=rs('深圳市鼎盛电子有限公司', reg='4403060208817', fs=42, span=240)),
 'C4': dict(name='武汉楚天建材贸易有限公司', addr='武汉市洪山区珞喻路718号', seal=rs('武汉楚天建材贸易有限公司', font='hei', border=8, inner_ring=True)),
 'C5': dict(name='郑州恒达物流有限公司', addr='郑州市管城回族区航海东路1369号', seal=dict(shape='oval', text='郑州恒达物流有限公司', center=None, bottom='财务专用章', rx=170, ry=115, fs=34, span=220, font='zen')),
 'C6': dict(name='郑州恒通物流有限公司', addr='郑州市经开区第八大街126号', seal=dict(shape='oval', text='郑州恒通物流有限公司', center=None, bottom='财务专用章', rx=170, ry=115, fs=34, span=220, font='zen')),
 'H1': dict(name='南宁市第二人民医院', seal=rs('南宁市第二人民医院', bottom='诊断证明专用章', fs=44, span=220, rx=145)),
 'H2': dict(name='南宁市第三人民医院', seal=rs('南宁市第三人民医院', bottom='诊断证明专用章', fs=44, span=220, rx=145)),
 'H3': dict(name='长沙市中心医院', seal=rs('长沙市中心医院', bottom='诊断证明专用章', fs=46, span=200, rx=140, font='hei')),
 'H4': dict(name='厦门市第五医院', seal=dict(shape='oval', text='厦门市第五医院', center='病案管理专用章', rx=165, ry=110, fs=36, span=200, font='hei')),
 'H5': dict(name='西安市雁塔区人民医院', seal=rs('西安市雁塔区人民医院', bottom='死亡证明专用章', fs=40, span=230, rx=150)),
 'V1': dict(name='上林县白圩镇东坪村民委员会', tel='0771-5231146', seal=rs('上林县白圩镇东坪村民委员会', fs=36, span=260, rx=155, font='ming')),
 'V2': dict(name='上林县白圩镇西坪村民委员会', tel='0771-5231872', seal=rs('上林县白圩镇西坪村民委员会', fs=36, span=260, rx=155, font='ming')),
 'V3': dict(name='吉安县永和镇锦源村民委员会', tel='0796-8461023', seal=rs('吉安县永和镇锦源村民委员会', fs=36, span=255, rx=150, font='kai')),
 'S1': dict(name='成都市武侯区浆洗街街道办事处', seal=rs('成都市武侯区浆洗街街道办事处', fs=34, span=265, rx=155)),
 'S2': dict(name='成都市武侯区簇桥街道办事处', seal=rs('成都市武侯区簇桥街道办事处', fs=34, span=265, rx=155)),
 'S3': dict(name='郑州市金水区花园路街道办事处', seal=rs('郑州市金水区花园路街道办事处', fs=34, span=260, rx=150, reg='4101050012071')),
 'L1': dict(name='广东正平律师事务所', en='GUANGDONG ZHENGPING LAW FIRM', addr='广州市天河区珠江新城华夏路16号富力盈凯广场28楼', tel='020-38825516', area='4401', seal=rs('广东正平律师事务所', fs=44, span=230)),
 'L2': dict(name='广东正和律师事务所', en='GUANGDONG ZHENGHE LAW FIRM', addr='广州市越秀区东风中路410号时代地产中心19楼', tel='020-83569027', area='4401', seal=rs('广东正和律师事务所', fs=44, span=230)),
 'L3': dict(name='北京市京信律师事务所', en='BEIJING JINGXIN LAW FIRM', addr='北京市朝阳区建国门外大街甲6号SK大厦15层', tel='010-65681132', area='1101', seal=rs('北京市京信律师事务所', fs=42, span=235, font='hei')),
 'LA': dict(name='湖南衡信律师事务所', en='HUNAN HENGXIN LAW FIRM', addr='长沙市岳麓区麓谷大道627号', tel='0731-88126630', area='4301', seal=rs('湖南衡信律师事务所', fs=44, span=230, font='hei')),
 'LB': dict(name='上海启明律师事务所', en='SHANGHAI QIMING LAW FIRM', addr='上海市浦东新区张杨路500号华润时代广场', tel='021-58361207', area='3101', seal=rs('上海启明律师事务所', fs=44, span=230)),
 'LC': dict(name='深圳安和律师事务所', en='SHENZHEN ANHE LAW FIRM', addr='深圳市福田区深南大道6008号', tel='0755-83920471', area='4403', seal=rs('深圳安和律师事务所', fs=44, span=230, font='kai')),
 'LD': dict(name='浙江法衡律师事务所', en='ZHEJIANG FAHENG LAW FIRM', addr='杭州市上城区解放东路29号迪凯银座', tel='0571-86753310', area='3301', seal=dict(shape='oval', text='浙江法衡律师事务所', center='star', rx=165, ry=125, fs=38, span=220, font='zen')),
 'SB1': dict(name='杭州市社会保险管理服务中心', seal=rs('杭州市社会保险管理服务中心', bottom='业务专用章', fs=30, span=260, rx=120, border=6)),
 'SB2': dict(name='成都市社会保险事业管理局', seal=rs('成都市社会保险事业管理局', bottom='业务专用章', fs=30, span=255, rx=120, border=6)),
}
for k, v in ISS.items():
    v['seal'] = dict(v['seal'])

# ------------------------------------------------------------------ people
SURN = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐韩冯邓曹彭曾萧田董潘袁蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIV = ['建军', '秀英', '伟', '洋', '静', '帆', '磊', '丽', '杰', '敏', '强', '倩', '超', '红梅', '斌', '晓燕', '军', '晓峰', '丽娟', '志勇', '海燕', '宇', '婷', '涛',
       '冬梅', '建华', '阳', '飞', '小红', '然', '雨', '洁', '文', '芳', '浩', '琳', '娟', '明', '雪', '国庆', '婉', '振东', '桂兰', '春生', '玉珍', '德胜', '佳怡', '子豪',
       '淑芬', '志刚', '美玲', '家乐', '海波', '晨', '凤英', '立新', '金凤', '鹏', '秋菊', '永红']
FEMALE = set(['秀英', '静', '丽', '敏', '倩', '红梅', '晓燕', '丽娟', '海燕', '婷', '冬梅', '小红', '雨', '洁', '芳', '琳', '娟', '雪', '婉', '桂兰', '玉珍', '佳怡', '淑芬', '美玲', '凤英', '金凤', '秋菊'])
AREAS = [('330106', '杭州市西湖区', 1950), ('440106', '广州市天河区', 1950), ('510107', '成都市武侯区', 1950), ('410105', '郑州市金水区', 1950),
         ('430104', '长沙市岳麓区', 1950), ('350203', '厦门市思明区', 1950), ('610113', '西安市雁塔区', 1950), ('450103', '南宁市青秀区', 1950),
         ('450125', '上林县', 1950), ('360821', '吉安县', 1950), ('420111', '武汉市洪山区', 1950), ('440306', '深圳市宝安区', 1950),
         # codes created after many holders' birth years
         ('440115', '广州市南沙区', 2005), ('330110', '杭州市余杭区', 2001), ('110115', '北京市大兴区', 2001), ('320117', '南京市溧水区', 2013),
         ('500156', '重庆市武隆区', 2016), ('510116', '成都市双流区', 2016), ('430112', '长沙市望城区', 2011)]
used_names = set()

def new_person(r, area=None, older=False):
    while True:
        nm = r.choice(SURN) + r.choice(GIV)
        if nm not in used_names:
            used_names.add(nm); break
    a = area or r.choice(AREAS)
    by = r.randint(1958, 1975) if older else r.randint(1976, 2002)
    b = D(by, r.randint(1, 12), r.randint(1, 28))
    fem = nm[1:] in FEMALE
    seq = r.randint(10, 499) * 2 + (0 if fem else 1)
    return dict(name=nm, id=make_id(a[0], b, seq), birth=b, gender='女' if fem else '男', area=a)

def age_at(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

# ------------------------------------------------------------------ field data
def fields(tpl, iss_key, p, issue, r, **ov):
    iss = ISS[iss_key]
    d = dict(issuer=iss['name'], issuer_addr=iss.get('addr', ''), seal=iss['seal'], name=p['name'], id=p['id'], gender=p['gender'],
             issue=issue, ang=r.uniform(-25, 25), seed=r.randint(0, 10 ** 6))
    if tpl == 'lizhi':
        st = issue - dt.timedelta(days=r.randint(400, 2400))
        d.update(start=st, leave=issue - dt.timedelta(days=r.randint(0, 20)), dept=r.choice(['销售部', '运营部', '技术部', '仓储部', '客服中心']),
                 pos=r.choice(['销售专员', '运营主管', '软件工程师', '仓库管理员', '客服专员']),
                 reason=r.choice(['公司业务调整', '部门裁撤', '经营困难进行经济性裁员', '本人申请']), fk=r.choice(['ming', 'kai']))
    elif tpl == 'shiye':
        d.update(no='WH%s%05d' % (issue.strftime('%Y%m'), r.randint(1, 99999)), addr=p['area'][1] + r.choice(['浆洗街', '人民路', '花园路', '新华路']) + '%d号' % r.randint(1, 300),
                 prev=r.choice(['成都锦华商贸有限公司', '四川蓉通物流有限公司', '河南中原快捷餐饮有限公司', '郑州新航电子厂']),
                 reg=issue - dt.timedelta(days=r.randint(20, 150)), reason=r.choice(['劳动合同期满终止', '用人单位经济性裁员', '单位关闭破产']))
    elif tpl == 'pinkun':
        d.update(addr=iss['name'].replace('村民委员会', '村').replace('民委员会', '') + r.choice(['三组', '五组', '下屯']) + '%d号' % r.randint(1, 90),
                 members=r.randint(3, 7), reason=r.choice(['本人长期患病', '家中老人瘫痪在床', '子女上学开支大且本人务工受伤', '去年遭受洪灾房屋受损']),
                 income='%d' % (r.randint(8, 30) * 1000), level=r.choice(['低收入', '困难', '脱贫监测']), tel=iss.get('tel', ''))
    elif tpl in ('zhenduan', 'zhuyuan'):
        d.update(no='%d' % r.randint(10 ** 7, 10 ** 8 - 1), age=age_at(p['birth'], issue),
                 dept=r.choice(['内科', '骨科', '神经内科', '肿瘤科', '心内科']),
                 diag=r.choice(['腰椎间盘突出症（L4-5）伴左下肢神经根病变', '2型糖尿病伴周围神经病变', '右股骨颈骨折术后', '乳腺恶性肿瘤术后化疗期',
                                '冠状动脉粥样硬化性心脏病，不稳定型心绞痛', '重度抑郁发作，不伴精神病性症状']),
                 advice=r.choice(['建议全休三个月，避免重体力劳动，定期复查。', '建议继续住院治疗或居家休养，暂不宜从事工作，每月门诊复诊。',
                                  '建议休息六周，术后一个月复查，不适随诊。']),
                 doctor=r.choice(['陈志明', '刘海涛', '黄晓琳', '李卫东', '周敏']))
        if tpl == 'zhuyuan':
            dis = issue - dt.timedelta(days=r.randint(0, 5))
            n = r.randint(6, 25)
            d.update(adm=dis - dt.timedelta(days=n), dis=dis, days=n, dept=d['dept'] + ' %d床' % r.randint(1, 60))
    elif tpl == 'siwang':
        death = issue - dt.timedelta(days=r.randint(0, 3))
        d.update(no='N6101%s%06d' % (issue.strftime('%Y'), r.randint(1, 999999)), birth=p['birth'], death=death,
                 place=r.choice(['医院', '家中']), cause=r.choice(['急性心肌梗死', '脑出血', '肺癌晚期多器官功能衰竭', '交通事故致重度颅脑损伤']),
                 addr=p['area'][1] + r.choice(['长安南路', '小寨东路', '电子二路']) + '%d号' % r.randint(1, 200), doctor=r.choice(['王海燕', '赵斌']))
    elif tpl == 'lvshi':
        d.update(issuer_en=iss.get('en', ''), tel=iss.get('tel', ''), lawyer=r.choice(['林志远', '陈嘉明', '黄思源', '罗建平', '吴雅婷']),
                 no='（%d）%s律函字第%03d号' % (issue.year, iss['name'][:2], r.randint(1, 399)),
                 lic=lib.lawyer_licence(iss.get('area', '4401'), r.randint(2008, 2020), r.randint(0, 1), r),
                 body=['一、委托人因失业及家庭变故，目前确无能力按原合同约定履行还款义务，委托人并无恶意逃废债务之意。',
                       '二、请贵司停止通过电话、短信等方式向委托人及其亲友进行催收，如需沟通，请直接与本律师联系。',
                       r.choice(['三、委托人申请停息挂账，并按实际还款能力分期偿还本金，请贵司于收函后十五日内书面回复。',
                                 '三、委托人请求贵司减免逾期产生的罚息及违约金，并协商个性化分期还款方案。'])])
    elif tpl == 'shouru':
        d.update(**{'from': issue - dt.timedelta(days=r.randint(40, 160))}, amount='%d' % (r.randint(15, 25) * 100),
                 before='%d' % (r.randint(50, 120) * 100), contact=r.choice(['张会计', '刘主任', '人事部王女士']), tel='0371-6%07d' % r.randint(0, 9999999))
    elif tpl == 'shebao':
        rows = []
        last = D(issue.year, issue.month, 1) - dt.timedelta(days=r.randint(60, 150))
        m = D(last.year, last.month, 1)
        for i in range(8):
            rows.append(['%d-%02d' % (m.year, m.month), '养老保险', '%d.00' % (4462 if iss_key == 'SB1' else 4071), '%.2f' % ((4462 if iss_key == 'SB1' else 4071) * 0.08), '已实缴'])
            m = D(m.year - (m.month == 1), 12 if m.month == 1 else m.month - 1, 1)
        d.update(status='暂停缴费（中断）', last='%d年%02d月' % (last.year, last.month), rows=rows,
                 vcode=''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(12)), ang=0)
    d.update(ov)
    return d

# ------------------------------------------------------------------ captures / helpers
def png_view(img, title, r):
    W, H = 1080, 2340
    can = Image.new('RGB', (W, H), (243, 243, 243))
    dr = ImageDraw.Draw(can)
    dr.rectangle((0, 0, W, 90), fill=(255, 255, 255))
    dr.text((40, 28), '%d:%02d' % (r.randint(8, 22), r.randint(0, 59)), font=lib.font('hei', 34), fill=(0, 0, 0))
    dr.text((W - 40, 28), '5G  %d%%' % r.randint(20, 99), font=lib.font('hei', 30), fill=(0, 0, 0), anchor='ra')
    dr.rectangle((0, 90, W, 210), fill=(255, 255, 255))
    dr.text((W / 2, 150), title, font=lib.font('hei', 40), fill=(20, 20, 20), anchor='mm')
    dr.text((40, 150), '<', font=lib.font('hei', 48), fill=(20, 20, 20), anchor='lm')
    s = 1040 / img.width
    sm = img.resize((1040, round(img.height * s)), Image.LANCZOS)
    can.paste(sm, (20, 240))
    return can, (lambda x, y: (20 + x * s, 240 + y * s))

def when_for(day, r):
    return dt.datetime(day.year, day.month, day.day, r.randint(8, 21), r.randint(0, 59), r.randint(0, 59))

def save(name, data):
    with open(os.path.join(ATT, name), 'wb') as f:
        f.write(data)

def fill_patch(im, box, mp, text, fk, size, color=(25, 25, 25), pad=4, scale=1.0):
    """paste a flat patch over a page-box (mapped through mp) and write new text."""
    x1, y1 = mp(box[0], box[1]); x2, y2 = mp(box[2], box[3])
    x1, x2 = sorted((x1, x2)); y1, y2 = sorted((y1, y2))
    a = np.asarray(im)
    ring = np.concatenate([a[int(y1) - 8:int(y1) - 3, int(x1):int(x2)].reshape(-1, 3), a[int(y2) + 3:int(y2) + 8, int(x1):int(x2)].reshape(-1, 3)])
    bg = tuple(int(v) for v in np.median(ring, axis=0))
    dr = ImageDraw.Draw(im)
    f = lib.font(fk, int(round(size * scale)))
    tw = f.getlength(text)
    dr.rectangle((x1, y1 - pad, max(x2, x1 + tw) + 1, y2 + pad), fill=bg)
    dr.text((x1, y1), text, font=f, fill=color)
    return im

def find_text_op(page, s_contains):
    for op in page.ops:
        if op[0] == 'text' and s_contains in op[3]:
            return op
    return None

def clone_digit(im, page, src_op, src_idx, dst_op, dst_idx, mp):
    """copy the glyph cell of src_op[3][src_idx] over dst_op[3][dst_idx] (same font/size)."""
    def cell(op, i):
        f = lib.font(op[4], op[5])
        x = op[1] + f.getlength(op[3][:i]); w = f.getlength(op[3][i])
        return x - 1, op[2] - 2, x + w + 1, op[2] + op[5] * 1.2
    sb, db = cell(src_op, src_idx), cell(dst_op, dst_idx)
    s1 = [int(round(v)) for v in mp(sb[0], sb[1])]; s2 = [int(round(v)) for v in mp(sb[2], sb[3])]
    d1 = [int(round(v)) for v in mp(db[0], db[1])]
    reg = im.crop((s1[0], s1[1], s2[0], s2[1]))
    im.paste(reg, (d1[0], d1[1]))
    return im

def page_without_seal(page):
    p2 = lib.Page(page.w, page.h); p2.ops = [o for o in page.ops if o[0] != 'seal']; p2.boxes = dict(page.boxes); return p2

def copy_seal_pixels(src_img, src_page, dst_img, dst_xy):
    b = src_page.boxes['seal']
    crop = np.asarray(src_img.crop(tuple(int(v) for v in b))).astype(np.float32)
    dst = np.asarray(dst_img).astype(np.float32).copy()
    x0, y0 = int(dst_xy[0] - crop.shape[1] / 2), int(dst_xy[1] - crop.shape[0] / 2)
    reg = dst[y0:y0 + crop.shape[0], x0:x0 + crop.shape[1]]
    dst[y0:y0 + crop.shape[0], x0:x0 + crop.shape[1]] = reg * crop / 255.0
    return Image.fromarray(dst.astype(np.uint8))

def pdf_name_overlay(orig_path, out_path, page, edits, producer=None):
    """edits: list of (boxkey, newtext, fk, size). Incremental update that covers and rewrites fields."""
    from pypdf import PdfWriter, PdfReader
    from reportlab.pdfgen import canvas
    k = 72.0 / 150
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(page.w * k, page.h * k))
    for key, txt, fk, size in edits:
        b = page.boxes[key]
        c.setFillColorRGB(1, 1, 1)
        c.rect((b[0] - 2) * k, (page.h - b[3] - 2) * k, (b[2] - b[0] + 40) * k, (b[3] - b[1] + 4) * k, stroke=0, fill=1)
        c.setFillColorRGB(20 / 255, 20 / 255, 20 / 255)
        c.setFont(lib.rl_font(fk), size * k)
        c.drawString(b[0] * k, (page.h - b[1] - size * 0.88) * k, txt)
    c.showPage(); c.save(); buf.seek(0)
    ov = PdfReader(buf)
    w = PdfWriter(orig_path, incremental=True)
    w.pages[0].merge_page(ov.pages[0])
    if producer:
        w.add_metadata({'/Producer': producer})
    with open(out_path, 'wb') as f:
        w.write(f)

# ------------------------------------------------------------------ specification of the 80 files
# cap: phone:<light> | scan:<mode> | wechat:phone:<light> | wechat:scan:<mode> | png | pdf_native | pdf_scan
G = lambda f, tpl, iss, cap, cust=None, **kw: dict(f=f, tpl=tpl, iss=iss, cap=cap, cust=cust or f, kinds=[], **kw)
F = lambda f, tpl, iss, cap, kinds, cust=None, **kw: dict(f=f, tpl=tpl, iss=iss, cap=cap, cust=cust or f, kinds=kinds, **kw)
SPECS = [
 G('g01', 'lizhi', 'C1', 'phone:normal'), G('g02', 'lizhi', 'C2', 'scan:color'),
 G('g03', 'shouru', 'C5', 'phone:warm'), G('g04', 'shouru', 'C6', 'wechat:phone:normal'),
 G('g05', 'zhenduan', 'H1', 'phone:shadow'), G('g06', 'zhenduan', 'H2', 'scan:gray'),
 G('g07', 'pinkun', 'V1', 'phone:fold'), G('g08', 'pinkun', 'V2', 'wechat:phone:warm'),
 G('g09', 'shiye', 'S1', 'pdf_scan'), G('g10', 'shiye', 'S2', 'scan:fax'),
 G('g11', 'lvshi', 'L1', 'pdf_native'), G('g12', 'lvshi', 'L2', 'phone:dim'),
 G('g13', 'zhenduan', 'H3', 'phone:normal'), G('g14', 'zhenduan', 'H3', 'wechat:phone:shadow'), G('g15', 'zhenduan', 'H3', 'scan:photocopy2'),
 G('g16', 'zhuyuan', 'H4', 'phone:screen'), G('g17', 'zhuyuan', 'H4', 'scan:color'), G('g18', 'zhuyuan', 'H4', 'pdf_native'),
 G('g19', 'siwang', 'H5', 'phone:warm'), G('g20', 'siwang', 'H5', 'scan:gray'),
 G('g21', 'shebao', 'SB1', 'png'), G('g22', 'shebao', 'SB2', 'pdf_native', special='benign_incremental'), G('g23', 'shebao', 'SB1', 'png'),
 G('g24', 'lizhi', 'C3', 'wechat:scan:color'), G('g25', 'lizhi', 'C4', 'phone:dim'), G('g26', 'shiye', 'S3', 'phone:normal'),
 G('g27', 'pinkun', 'V3', 'scan:color'), G('g28', 'zhuyuan', 'H3', 'scan:color', cust='g13'), G('g29', 'shouru', 'C5', 'pdf_scan'),
 G('g30', 'lvshi', 'L3', 'wechat:phone:normal'), G('g31', 'zhenduan', 'H1', 'phone:fold'), G('g32', 'shebao', 'SB2', 'pdf_native'),
 G('g33', 'siwang', 'H5', 'png'), G('g34', 'lizhi', 'C1', 'png'), G('g35', 'shiye', 'S1', 'phone:warm'),
 G('g36', 'zhuyuan', 'H4', 'wechat:phone:dim'), G('g37', 'pinkun', 'V1', 'scan:gray'), G('g38', 'shouru', 'C6', 'phone:shadow'),
 G('g39', 'zhenduan', 'H2', 'pdf_native'), G('g40', 'lvshi', 'L1', 'phone:normal'),
 # lawyer letters whose 执业证号 is a USCC
 F('f01', 'lvshi', 'LA', 'pdf_native', ['uscc_as_lawyer_licence'], cust='g21', uscc=('91', '430104'), producer='Microsoft® Word 2019'),
 F('f02', 'lvshi', 'LB', 'pdf_native', ['uscc_as_lawyer_licence'], uscc=('31', '310000'), producer='WPS 文字'),
 F('f03', 'lvshi', 'LC', 'phone:normal', ['uscc_as_lawyer_licence'], cust='g26', uscc=('91', '440304')),
 F('f04', 'lvshi', 'LA', 'wechat:phone:warm', ['uscc_as_lawyer_licence'], uscc=('91', '430104')),
 F('f05', 'lvshi', 'LD', 'pdf_scan', ['uscc_as_lawyer_licence'], uscc=('31', '330000')),
 # edited images
 F('f06', 'lizhi', 'C4', 'scan:color', ['edited_image'], special='patch_name_ps'),
 F('f07', 'zhenduan', 'H3', 'wechat:scan:color', ['edited_image'], special='clone_date_digit'),
 F('f08', 'pinkun', 'V3', 'phone:normal', ['edited_image'], special='clone_blank_over_line'),
 F('f09', 'zhuyuan', 'H4', 'scan:gray', ['edited_image'], special='patch_discharge_gimp'),
 F('f10', 'shebao', 'SB1', 'png', ['edited_image'], special='patch_status_png'),
 # re-used across borrowers (groups)
 F('f11', 'zhenduan', 'H1', 'phone:normal', ['reused_across_borrowers'], group='R1'),
 F('f12', 'zhenduan', 'H1', 'phone:warm', ['reused_across_borrowers'], group='R1'),
 F('f13', 'pinkun', 'V2', 'scan:color', ['reused_across_borrowers'], group='R2'),
 F('f14', 'pinkun', 'V2', 'wechat:phone:normal', ['reused_across_borrowers'], group='R2'),
 F('f15', 'pinkun', 'V2', 'phone:dim', ['reused_across_borrowers'], group='R2'),
 F('f16', 'lizhi', 'C2', 'wechat:scan:color', ['reused_across_borrowers'], group='R3'),
 F('f17', 'lizhi', 'C2', 'wechat:scan:color', ['reused_across_borrowers', 'edited_image'], group='R3', special='reuse_patch_of_f16'),
 F('f18', 'siwang', 'H5', 'pdf_scan', ['reused_across_borrowers'], group='R4'),
 F('f19', 'siwang', 'H5', 'phone:normal', ['reused_across_borrowers'], group='R4'),
 F('f20', 'shiye', 'S3', 'scan:gray', ['reused_across_borrowers'], group='R5'),
 F('f21', 'shiye', 'S3', 'scan:gray', ['reused_across_borrowers'], group='R5'),
 # incremental PDF edits
 F('f22', 'zhenduan', 'H2', 'pdf_native', ['edited_pdf_incremental'], special='pdf_inc', producer2='Adobe Acrobat Pro (64-bit) 23.6.20320'),
 F('f23', 'shouru', 'C6', 'pdf_native', ['edited_pdf_incremental'], special='pdf_inc', producer2='Foxit PDF Editor 12.1.2'),
 F('f24', 'shebao', 'SB2', 'pdf_native', ['edited_pdf_incremental'], special='pdf_inc', producer2=None),
 # seals copied across issuers
 F('f25', 'lizhi', 'C3', 'phone:warm', ['seal_copied_across_issuers'], seal_from='C1'),
 F('f26', 'zhenduan', 'H3', 'scan:color', ['seal_copied_across_issuers'], seal_from='H1', special='seal_pixels'),
 F('f27', 'pinkun', 'V3', 'pdf_scan', ['seal_copied_across_issuers'], seal_from='V1'),
 F('f28', 'lvshi', 'L2', 'wechat:phone:normal', ['seal_copied_across_issuers'], seal_from='L1', special='seal_pixels'),
 # name / ID mismatches
 F('f29', 'zhenduan', 'H1', 'phone:normal', ['name_id_mismatch'], special='mm_similar_name'),
 F('f30', 'lizhi', 'C4', 'scan:color', ['name_id_mismatch'], special='mm_other_id'),
 F('f31', 'zhuyuan', 'H3', 'wechat:phone:shadow', ['name_id_mismatch'], special='mm_other_person'),
 F('f32', 'shiye', 'S2', 'png', ['name_id_mismatch'], special='mm_other_birth'),
 F('f33', 'siwang', 'H5', 'pdf_native', ['name_id_mismatch'], special='mm_other_id_siwang'),
 # date inconsistencies
 F('f34', 'zhenduan', 'H2', 'phone:dim', ['date_inconsistent'], cust='g23', special='dt_after_complaint'),
 F('f35', 'shiye', 'S1', 'scan:gray', ['date_inconsistent'], special='dt_feb29'),
 F('f36', 'zhuyuan', 'H4', 'wechat:phone:normal', ['date_inconsistent'], special='dt_discharge_before_admission'),
 F('f37', 'zhuyuan', 'H3', 'pdf_native', ['date_inconsistent'], special='dt_days_mismatch'),
 # invalid ID numbers
 F('f38', 'pinkun', 'V3', 'phone:fold', ['invalid_id_number', 'name_id_mismatch'], special='inv_check'),
 F('f39', 'lizhi', 'C1', 'wechat:scan:gray', ['invalid_id_number', 'name_id_mismatch'], special='inv_date'),
 F('f40', 'shouru', 'C5', 'scan:color', ['invalid_id_number', 'name_id_mismatch'], special='inv_len'),
]

CAPTURE_LABEL = {'phone': 'phone_photo', 'scan': 'scanner_jpeg', 'wechat': 'wechat_jpeg', 'png': 'png', 'pdf_native': 'pdf', 'pdf_scan': 'pdf'}

# ------------------------------------------------------------------ customers and complaint dates
customers = {}
cust_order = []
for sp in SPECS:
    lab = sp['cust']
    if lab not in customers:
        older = sp['tpl'] == 'siwang'
        area = None
        if sp['iss'] in ('S1', 'S2', 'SB2'):
            area = rng.choice([AREAS[2], AREAS[17]])
        elif sp['iss'] in ('V1', 'V2'):
            area = AREAS[8]
        elif sp['iss'] == 'V3':
            area = AREAS[9]
        p = new_person(rng, area, older)
        if lab == 'f17':
            while p['gender'] != customers['f16']['gender'] or len(p['name']) != len(customers['f16']['name']):
                p = new_person(rng, area, older)
        start = D(2026, 8, 3)
        recv = start + dt.timedelta(days=rng.randint(0, 56))
        p['recv'] = dt.datetime(recv.year, recv.month, recv.day, rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))
        customers[lab] = p
        cust_order.append(lab)
# force a few holders with district codes newer than birth year
for lab, ai in (('g02', 12), ('g06', 13), ('g13', 14), ('g21', 15), ('g35', 17), ('g17', 16)):
    p = customers[lab]
    a = AREAS[ai]
    b = D(rng.randint(1970, a[2] - 3), rng.randint(1, 12), rng.randint(1, 28))
    p['area'] = a; p['birth'] = b; p['id'] = make_id(a[0], b, int(p['id'][14:17]))

def recv_of(lab):
    return customers[lab]['recv']

# ------------------------------------------------------------------ production
os.makedirs(ATT, exist_ok=True)
for fn in os.listdir(ATT):
    os.remove(os.path.join(ATT, fn))
truth = {}
group_issue = {}
group_base = {}
rendered = {}

def capture(img, page, cap, r, shot_day, title):
    parts = cap.split(':')
    kind = parts[0]
    if kind == 'phone':
        b, mp, im = lib.phone_photo(img, r, parts[1], when=when_for(shot_day, r))
        return b, 'jpg', mp, im
    if kind == 'scan':
        ex = r.choice(lib.SCANNERS) if r.random() < 0.4 else None
        b, mp, im = lib.scan(img, r, parts[1], exif=ex)
        return b, 'jpg', mp, im
    if kind == 'wechat':
        if parts[1] == 'phone':
            b0, mp0, _ = lib.phone_photo(img, r, parts[2], when=when_for(shot_day, r))
        else:
            b0, mp0, _ = lib.scan(img, r, parts[2], rot=r.uniform(-0.3, 0.3))
        b, s, im = lib.wechat(b0, rng=r)
        return b, 'jpg', (lambda x, y: tuple(v * s for v in mp0(x, y))), im
    if kind == 'png':
        can, mp = png_view(img, title, r)
        bb = io.BytesIO(); can.save(bb, 'PNG', optimize=True)
        return bb.getvalue(), 'png', mp, can
    if kind == 'pdf_scan':
        b, mp, im = lib.scan(img, r, r.choice(['color', 'gray']))
        path = '/tmp/b21docs_scratch/tmp_scan.pdf'
        lib.image_pdf(im, path, producer=r.choice(['Canon iR-ADV C3520 PDF', 'EPSON Scan 2', 'KONICA MINOLTA bizhub C300i']), creator='')
        return open(path, 'rb').read(), 'pdf', mp, im
    raise ValueError(cap)

def other_person(r, like=None):
    return new_person(r, like['area'] if like else None)

names_for_file = {}
for i, sp in enumerate(SPECS):
    r = random.Random(SEED * 1000 + i)
    cust = customers[sp['cust']]
    recv = recv_of(sp['cust']).date()
    special = sp.get('special', '')
    issue = recv - dt.timedelta(days=r.randint(4, 35))
    if sp['tpl'] == 'lvshi':
        issue = recv - dt.timedelta(days=r.randint(2, 12))
    grp = sp.get('group')
    if grp:
        members = [s for s in SPECS if s.get('group') == grp]
        if grp not in group_issue:
            group_issue[grp] = min(recv_of(s['cust']).date() for s in members) - dt.timedelta(days=r.randint(5, 25))
        issue = group_issue[grp]
    docp = dict(cust)
    note = ''
    # --- person / date manipulations
    if special == 'mm_similar_name':
        nm = cust['name']
        alt = {'伟': '炜', '静': '婧', '丽': '莉', '军': '君', '敏': '民', '强': '蔷', '杰': '洁', '磊': '蕾', '帆': '凡', '洋': '阳', '宇': '雨', '涛': '滔', '明': '铭', '婷': '庭', '芳': '方'}
        last = nm[-1]
        docp['name'] = nm[:-1] + alt.get(last, '晓' if last != '晓' else '小')
        note = 'name on document differs by one character from the borrower; ID is the borrower\'s'
    elif special in ('mm_other_id', 'mm_other_id_siwang'):
        o = new_person(r, cust['area'], older=sp['tpl'] == 'siwang')
        docp['id'] = o['id']; docp['birth'] = o['birth']
        note = 'borrower name with another person\'s (checksum-valid) ID number'
    elif special == 'mm_other_person':
        o = new_person(r, cust['area'])
        docp = o
        note = 'document belongs to a different person (name and ID)'
    elif special == 'mm_other_birth':
        b = cust['birth'] + dt.timedelta(days=r.randint(200, 900))
        docp['birth'] = b
        docp['id'] = make_id(cust['id'][:6], b, int(cust['id'][14:17]))
        note = 'borrower name; ID has a different (valid) birth date, checksum recomputed'
    elif special == 'inv_check':
        good = cust['id']
        bad = good[:17] + [c for c in '0123456789X' if c != good[17]][r.randint(0, 9)]
        docp['id'] = bad; note = 'ID on document is the borrower\'s with a wrong check character'
    elif special == 'inv_date':
        s17 = cust['id'][:6] + '%d0230' % cust['birth'].year + cust['id'][14:17]
        docp['id'] = s17 + id_check(s17); note = 'ID with birth date Feb 30 (check digit computed over it)'
    elif special == 'inv_len':
        k = r.randint(8, 15)
        docp['id'] = cust['id'][:k] + cust['id'][k + 1:]; note = '17-character ID (one digit dropped)'
    if special == 'dt_after_complaint':
        issue = recv + dt.timedelta(days=r.randint(3, 9)); note = 'issue date later than the complaint\'s received date'
    if grp and grp in group_base:
        d = dict(group_base[grp])
        d.update(name=docp['name'], id=docp['id'], gender=docp['gender'])
        if 'age' in d:
            d['age'] = age_at(docp['birth'], issue)
        if sp['tpl'] == 'siwang':
            d['birth'] = docp['birth']
        d['ang'] = d['ang'] + r.uniform(-3, 3)  # re-printed/re-stamped copies only differ slightly
    else:
        iss_key = sp['iss']
        orig_p = docp
        if special in ('patch_name_ps', 'pdf_inc'):
            orig_p = new_person(r, None)  # the document originally belonged to someone else
            while orig_p['gender'] != docp['gender'] or len(orig_p['name']) != len(docp['name']):
                orig_p = new_person(r, None)
            orig_p['birth'] = docp['birth']  # forger picked a template holder of the same sex; age field left as printed
        d = fields(sp['tpl'], iss_key, orig_p, issue, r)
        if grp:
            group_base[grp] = dict(d)
    if sp.get('uscc'):
        d['lic'] = lib.uscc(sp['uscc'][0], sp['uscc'][1], r)
        note = '执业证号 is an 18-char unified social credit code (%s...)' % sp['uscc'][0]
    if sp.get('seal_from') and special != 'seal_pixels':
        d['seal'] = ISS[sp['seal_from']]['seal']
        note = 'seal ring text is %s, document issued as %s' % (ISS[sp['seal_from']]['name'], ISS[sp['iss']]['name'])
    if special == 'dt_feb29':
        d['reg'] = '2026年2月29日'; note = 'registration date 2026-02-29 does not exist'
    if special == 'dt_discharge_before_admission':
        dis = issue - dt.timedelta(days=2)
        d.update(dis=dis, adm=dis + dt.timedelta(days=7), days=7); note = 'discharge date earlier than admission date'
    if special == 'dt_days_mismatch':
        d['days'] = (d['dis'] - d['adm']).days + r.randint(9, 15); note = 'stated length of stay does not match admission/discharge dates'
    if special == 'patch_discharge_gimp':
        dis = issue - dt.timedelta(days=14); d.update(dis=dis, adm=dis - dt.timedelta(days=6), days=6)
    if special == 'patch_status_png':
        d['status'] = '正常缴费'
        d['last'] = '%d年%02d月' % (issue.year, issue.month)
        last = D(issue.year, issue.month, 1); m = last; rows = []
        for k in range(8):
            rows.append(['%d-%02d' % (m.year, m.month), '养老保险', '4462.00', '356.96', '已实缴'])
            m = D(m.year - (m.month == 1), 12 if m.month == 1 else m.month - 1, 1)
        d['rows'] = rows
    if special == 'clone_date_digit':
        # make sure the day has two digits
        if issue.day < 10:
            issue = issue + dt.timedelta(days=10 - issue.day)
            if issue >= recv:
                issue = issue - dt.timedelta(days=20)
            d['issue'] = issue
    page = T.TEMPLATES[sp['tpl']](d)
    if special == 'seal_pixels':
        page = page_without_seal(page)
    img = lib.render(page)
    if special == 'seal_pixels':
        src_iss = sp['seal_from']
        od = fields(sp['tpl'], src_iss, new_person(r), issue - dt.timedelta(days=40), r)
        spage = T.TEMPLATES[sp['tpl']](od)
        simg = lib.render(spage)
        sb = spage.boxes['seal']
        img = copy_seal_pixels(simg, spage, img, ((sb[0] + sb[2]) / 2, (sb[1] + sb[3]) / 2))
        note = 'seal pixels lifted from a %s document onto a %s document' % (ISS[src_iss]['name'], ISS[sp['iss']]['name'])
    shot_day = min(recv, max(issue, recv - dt.timedelta(days=r.randint(0, 3))))
    title = T.DOC_NAMES[sp['tpl']] + ('.pdf' if r.random() < 0.5 else '')
    fname_base = '%s_%s' % (sp['f'], {'lizhi': 'lizhi', 'shiye': 'shiye', 'pinkun': 'pinkun', 'zhenduan': 'zhenduan', 'zhuyuan': 'zhuyuan',
                                       'siwang': 'siwang', 'lvshi': 'lvshi', 'shouru': 'shouru', 'shebao': 'shebao'}[sp['tpl']])
    cap = sp['cap']
    if cap == 'pdf_native':
        path = '/tmp/b21docs_scratch/tmp_native.pdf'
        prod = sp.get('producer') or ('iText® 5.5.13 ©2000-2020 iText Group NV (AGPL-version)' if sp['tpl'] == 'shebao' else None) or r.choice(['iText® 5.5.13 ©2000-2020 iText Group NV (AGPL-version)', 'Microsoft® Word 2016', 'WPS Office', 'Skia/PDF m120'])
        lib.page_pdf(page, path, producer=prod, title=T.DOC_NAMES[sp['tpl']], creator=r.choice(['', 'Writer', 'WPS 文字']))
        data = open(path, 'rb').read()
        ext = 'pdf'
        if special == 'pdf_inc':
            out = '/tmp/b21docs_scratch/tmp_inc.pdf'
            fk = 'hei' if sp['tpl'] == 'shebao' else 'ming'
            size_n = 26 if sp['tpl'] == 'shebao' else (32 if sp['tpl'] == 'shouru' else 30)
            edits = [('name', docp['name'], fk, size_n), ('id', docp['id'], fk, size_n)]
            pdf_name_overlay(path, out, page, edits, producer=sp.get('producer2'))
            data = open(out, 'rb').read()
            note = 'original issued to %s; incremental update overlays name and ID of the borrower' % d['name']
        if special == 'benign_incremental':
            from pypdf import PdfWriter
            w = PdfWriter(path, incremental=True)
            w.add_metadata({'/ModDate': "D:%s+08'00'" % when_for(recv, r).strftime('%Y%m%d%H%M%S'), '/Keywords': '电子证明 已验签'})
            out = '/tmp/b21docs_scratch/tmp_inc.pdf'
            with open(out, 'wb') as fo:
                w.write(fo)
            data = open(out, 'rb').read()
            note = 'genuine e-certificate; an incremental update only adds document metadata (no page change)'
    else:
        data, ext, mp, cim = capture(img, page, cap, r, shot_day, title)
        if special == 'patch_name_ps':
            im = Image.open(io.BytesIO(data)).convert('RGB')
            fill_patch(im, page.boxes['name'], mp, docp['name'], 'hei', 32)
            fill_patch(im, page.boxes['id'], mp, docp['id'], 'hei', 30)
            ex = Image.Exif(); ex[0x0131] = 'Adobe Photoshop 25.0 (Windows)'; ex[0x0132] = when_for(shot_day, r).strftime('%Y:%m:%d %H:%M:%S')
            data = lib.jpeg_bytes(im, quality=92, exif=ex.tobytes(), subsampling=0)
            note = 'name and ID pasted over the original holder\'s (%s) with a flat patch; saved from an image editor' % d['name']
        elif special == 'clone_date_digit':
            im = Image.open(io.BytesIO(data)).convert('RGB')
            dop = find_text_op(page, cn_date(d['issue']))
            iop = find_text_op(page, d['id'])
            ds = dop[3]; pos = ds.index('月') + 2  # second day digit
            day = d['issue'].day
            cands = []
            for j, ch in enumerate(iop[3][:17]):
                nd = (day // 10) * 10 + int(ch)
                if ch != ds[pos] and 1 <= nd <= 28 and D(issue.year, issue.month, nd) < recv:
                    cands.append((j, nd))
            j, nd = cands[r.randint(0, len(cands) - 1)] if cands else (None, None)
            if j is not None:
                clone_digit(im, page, iop, j, dop, pos, mp)
                data = lib.jpeg_bytes(im, quality=80)
                note = 'day of issue date changed from %d to %d by cloning a digit glyph from the ID line; re-saved without metadata' % (day, nd)
        elif special == 'clone_blank_over_line':
            im = Image.open(io.BytesIO(data))
            exif = im.info.get('exif')
            im = im.convert('RGB')
            b = page.boxes['restrict']
            pts = [mp(b[0] - 10, b[1] - 8), mp(b[2] + 10, b[1] - 8), mp(b[2] + 10, b[3] + 8), mp(b[0] - 10, b[3] + 8)]
            xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
            box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
            hgt = box[3] - box[1]
            src = im.crop((box[0], box[1] + hgt + 30, box[2], box[3] + hgt + 30))
            im.paste(src, box[:2])
            data = lib.jpeg_bytes(im, quality=95, exif=exif)
            note = 'the usage-restriction line was covered by a cloned blank paper region; camera EXIF kept'
        elif special == 'patch_discharge_gimp':
            im = Image.open(io.BytesIO(data)).convert('RGB')
            nd = d['dis'] + dt.timedelta(days=9)
            fill_patch(im, page.boxes['dis'], mp, cn_date(nd), 'ming', 28, color=(25, 25, 25))
            fill_patch(im, page.boxes['days'], mp, '%d天' % (d['days'] + 9), 'ming', 28, color=(25, 25, 25))
            ex = Image.Exif(); ex[0x0131] = 'GIMP 2.10.34'
            data = lib.jpeg_bytes(im.convert('L'), quality=85, exif=ex.tobytes())
            note = 'discharge date and length of stay retyped over patches to lengthen the stay (consistent with each other); saved from GIMP'
        elif special == 'patch_status_png':
            im = Image.open(io.BytesIO(data)).convert('RGB')
            new_last = D(issue.year, issue.month, 1) - dt.timedelta(days=100)
            fill_patch(im, page.boxes['status'], mp, '暂停缴费（中断）', 'hei', 26, scale=1040 / 1240, color=(20, 20, 20))
            fill_patch(im, page.boxes['last'], mp, '%d年%02d月' % (new_last.year, new_last.month), 'hei', 26, scale=1040 / 1240, color=(20, 20, 20))
            bb = io.BytesIO(); im.save(bb, 'PNG', optimize=True); data = bb.getvalue()
            note = 'status and last-contribution month typed over a screenshot; the monthly table still shows recent contributions'
        elif special == 'reuse_patch_of_f16':
            base = rendered['f16']
            im = Image.open(io.BytesIO(base['data'])).convert('RGB')
            fk = group_base['R3']['fk']
            fill_patch(im, base['page'].boxes['name'], base['mp'], docp['name'], fk, 32, scale=base['scale'])
            fill_patch(im, base['page'].boxes['id'], base['mp'], docp['id'], fk, 32, scale=base['scale'])
            data = lib.jpeg_bytes(im, quality=80)
            note = 'same image as f16 with name and ID replaced'
    if sp['f'] == 'f16':
        im0 = Image.open(io.BytesIO(data))
        rendered['f16'] = dict(data=data, page=page, mp=mp, scale=(mp(1000, 0)[0] - mp(0, 0)[0]) / 1000.0)
    if grp and not note:
        note = 'same document (number, dates, content) attached for several borrowers with name/ID changed; group %s' % grp
    if sp['tpl'] == 'siwang' and not sp['kinds'] and sp['f'] in ('g19', 'g20', 'g33'):
        note = note or 'same hospital and template as other death certificates, different person'
    fname = fname_base + '.' + ext
    save(fname, data)
    truth['attachments/' + fname] = dict(forged=bool(sp['kinds']), kinds=sp['kinds'], doc_type=T.DOC_NAMES[sp['tpl']],
                                         capture=CAPTURE_LABEL[cap.split(':')[0]], note=note or ('genuine; issuer %s' % ISS[sp['iss']]['name']))
    sp['file'] = 'attachments/' + fname
    sp['doc_person'] = docp
    sp['issue'] = d['issue']
    print(fname, len(data), sp['kinds'])

# ------------------------------------------------------------------ obfuscate file names (sequence-free) and write tables
import hashlib
ren = {}
order = list(truth.keys())
for k in order:
    sp = [s for s in SPECS if s['file'] == k][0]
    h = hashlib.sha1((k + str(SEED)).encode()).hexdigest()[:8]
    ext = k.rsplit('.', 1)[1]
    prefix = {'lizhi': 'lizhi_zhengming', 'shiye': 'shiye_zhengming', 'pinkun': 'pinkun_zhengming', 'zhenduan': 'zhenduan', 'zhuyuan': 'zhuyuan_zhengming',
              'siwang': 'siwang_zhengming', 'lvshi': 'lvshihan', 'shouru': 'shouru_zhengming', 'shebao': 'shebao'}[sp['tpl']]
    nk = 'attachments/%s_%s.%s' % (prefix, h, ext)
    os.rename(os.path.join(OUT, k), os.path.join(OUT, nk))
    ren[k] = nk
    sp['file'] = nk
truth = {ren[k]: v for k, v in sorted(truth.items(), key=lambda kv: ren[kv[0]])}
json.dump({'files': truth}, open(os.path.join(OUT, 'materials_truth.json'), 'w'), ensure_ascii=False, indent=1)

# customers.csv
rows = []
cids = {}
labs = list(cust_order)
rng.shuffle(labs)
for n, lab in enumerate(labs):
    p = customers[lab]
    cid = 'C21%05d' % (31000 + n * 7 + rng.randint(0, 6))
    cids[lab] = cid
    p['phone'] = '1' + rng.choice(['35', '38', '39', '50', '52', '58', '77', '86', '88', '89', '31', '56', '81', '99']) + '%08d' % rng.randint(0, 99999999)
    ndd = p['recv'].date() + dt.timedelta(days=rng.randint(3, 25))
    rows.append([cid, p['name'], p['phone'], '%d.00' % (rng.randint(6, 120) * 500), ndd.isoformat(), rng.choice([0, 0, 5, 12, 31, 45, 67, 95, 120]), p['id']])
rows.sort()
with open(os.path.join(OUT, 'customers.csv'), 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    w.writerows(rows)

# complaints.jsonl
TXT = {
 'lizhi': ['我已经被公司裁员了，现在没有工作没有收入，实在还不上，申请延期还款，附离职证明。', '本人于近期离职，收入中断，请求停息挂账分期，离职证明已上传。'],
 'shiye': ['我目前处于失业状态，已经在街道办了失业登记，申请减免罚息，附失业证明。', '失业半年了，家里开销大，请贵司考虑延期，附街道开的失业证明。'],
 'pinkun': ['家里特别困难，村里开了贫困证明，请求减免利息和违约金。', '我们家是村里的困难户，实在没有能力还款，附村委会证明，请协商还款方案。'],
 'zhenduan': ['我生病了需要长期治疗，医生建议休息，无法工作还款，附医院诊断证明，申请延期。', '本人患病住院治疗中，附诊断证明书，请求暂停催收并减免利息。'],
 'zhuyuan': ['刚出院，住院花了很多钱，现在还款困难，附住院证明，申请分期。', '我住院了一段时间没法上班，附医院的住院证明，希望能延期还款。'],
 'siwang': ['我是借款人{name}的家属，{name}已经去世，家里无力偿还，申请核销债务，附死亡医学证明。', '借款人{name}已因病去世，我们家属请求贵司停止催收并处理后续，附死亡证明。'],
 'lvshi': ['我已委托律师处理与贵司的借款纠纷，请停止一切催收行为，律师函见附件。', '附律师函一份，请贵司按律师函内容在规定时间内回复，停止骚扰。'],
 'shouru': ['公司经营困难我已停岗，每月只有基本生活费，附单位收入证明，申请降低月供。', '收入大幅下降，附公司开具的收入证明，请求延期和减免。'],
 'shebao': ['我的社保已经断缴，说明我确实失业了，附社保参保证明截图，请求延期。', '附社保参保证明，社保中断好几个月了，没有收入，申请停息分期。'],
}
CH = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
comps = []
for lab in cust_order:
    p = customers[lab]
    files = [s for s in SPECS if s['cust'] == lab]
    texts = []
    for s in files:
        t = rng.choice(TXT[s['tpl']]).format(name=p['name'])
        texts.append(t)
    text = texts[0] if len(texts) == 1 else texts[0] + '另外' + texts[1]
    comps.append(dict(received_at=p['recv'].strftime('%Y-%m-%dT%H:%M:%S+08:00'), channel=rng.choice(CH), customer_id=cids[lab],
                      phone=p['phone'], text=text, attachments=[s['file'] for s in files]))
comps.sort(key=lambda c: c['received_at'])
with open(os.path.join(OUT, 'complaints.jsonl'), 'w') as f:
    for n, c in enumerate(comps):
        c = dict(complaint_id='D21-%04d' % (n + 1), **c)
        f.write(json.dumps(c, ensure_ascii=False) + '\n')
print('files', len(truth), 'complaints', len(comps), 'customers', len(rows))

# ------------------------------------------------------------------ self-checks on genuine items
for sp in SPECS:
    if not sp['kinds']:
        p = customers[sp['cust']]
        assert sp['doc_person']['id'] == p['id'] and sp['doc_person']['name'] == p['name'], sp['f']
        assert lib.id_valid(p['id']), sp['f']
        assert sp['issue'] < p['recv'].date(), sp['f']
newer = [lab for lab in cust_order if customers[lab]['area'][2] > customers[lab]['birth'].year]
print('customers whose district code is newer than their birth year:', len(newer))
