#!/usr/bin/env python3
# Assembles files from hand-written texts in this folder. Standard library only. Fixed seed.
import json, random, csv, datetime as dt, os, re
R = random.Random(20260313)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026,3,1,0,0,tzinfo=TZ); END = dt.datetime(2026,4,30,23,59,59,tzinfo=TZ)

def lines(fn):
    with open(os.path.join(HERE,fn),encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f]
def nonblank(fn): return [l for l in lines(fn) if l.strip()]
def blocks(fn):
    out=[];cur=[]
    for l in lines(fn):
        if l.strip(): cur.append(l)
        elif cur: out.append(cur);cur=[]
    if cur: out.append(cur)
    return out

# ---------- identity helpers ----------
SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIV = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽峰浩宇鹏飞斌彬辉波建国文博志新兵")
used_names=set(); used_phones=set(); used_ids=set()
def name():
    while True:
        n = R.choice(SUR) + ''.join(R.choice(GIV) for _ in range(R.choice([1,2,2])))
        if n not in used_names: used_names.add(n); return n
PREF = ['130','131','132','133','135','136','137','138','139','150','151','152','155','156','157','158','159','176','177','180','181','182','183','185','186','187','188','189','198','199','166']
def phone(prefs=PREF):
    while True:
        p = R.choice(prefs)+''.join(str(R.randint(0,9)) for _ in range(8))
        if p not in used_phones: used_phones.add(p); return p
def cid():
    while True:
        c = 'C%07d' % R.randint(1000000,9999999)
        if c not in used_ids: used_ids.add(c); return c
OCT1=[36,39,58,59,60,61,106,110,111,113,114,115,117,118,119,120,121,122,123,124,125,139,140,171,175,180,182,218,219,220,221,222,223]
def ip():
    return '%d.%d.%d.%d'%(R.choice(OCT1),R.randint(1,254),R.randint(0,254),R.randint(2,253))
def dev(): return 'dev-'+''.join(R.choice('0123456789abcdef') for _ in range(16))
def at(day, h0=8, h1=23):
    d = dt.datetime(2026,day[0],day[1],tzinfo=TZ)
    return d + dt.timedelta(seconds=R.randint(h0*3600, h1*3600-1))
def rday(a=(3,1), b=(4,30)):
    d0=dt.date(2026,*a); d1=dt.date(2026,*b)
    d=d0+dt.timedelta(days=R.randint(0,(d1-d0).days)); return (d.month,d.day)
PINYIN=['zhang','wang','li','liu','chen','yang','huang','zhao','wu','zhou','xu','sun','ma','zhu','hu','guo','lin','luo']
def email_addr():
    return R.choice(PINYIN)+R.choice(['','_','.'])+R.choice(['xiao','ming','hua','jun','li','fang','yu','tao'])+str(R.randint(10,9999))+R.choice(['@qq.com','@163.com','@126.com','@sina.com'])

CN={'一':1,'两':2,'二':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9,'十':10}
def parse_overdue(t):
    m = re.search(r'逾期(?:了|快)?([0-9]+|[一二两三四五六七八九十]+)(多)?(天|周|个多月|个月)', t)
    if not m: return None
    s=m.group(1)
    if s.isdigit(): n=int(s)
    elif s.startswith('十'): n=10+(CN.get(s[1:],0) if len(s)>1 else 0)
    elif len(s)>=2 and s[1]=='十': n=CN[s[0]]*10+(CN.get(s[2:],0) if len(s)>2 else 0)
    else: n=CN.get(s,3)
    u=m.group(3)
    if u=='周': n*=7
    if '月' in u: n*=30
    if m.group(2): n+=R.randint(1,4)
    return n

customers={}; complaints=[]
def new_customer(principal=None, own_phone=None):
    c=cid(); customers[c]={'customer_id':c,'name':name(),'phone':own_phone or phone(),
        'principal':principal or R.choice([3000,5000,6000,8000,10000,12000,15000,20000,25000,30000,40000,50000]),
        'next_due_date':'','overdue_days':0,'_set':False}
    return c
def set_status(c, when, overdue=None, due_in=None, settled=False):
    cu=customers[c]
    if cu['_set']: return
    cu['_set']=True
    d=when.date()
    if settled: cu['next_due_date']=''; cu['overdue_days']=0; return
    if overdue and overdue>0:
        cu['overdue_days']=overdue; cu['next_due_date']=(d-dt.timedelta(days=overdue)).isoformat()
    else:
        cu['overdue_days']=0; cu['next_due_date']=(d+dt.timedelta(days=due_in if due_in is not None else R.randint(1,30))).isoformat()
def add(when, channel, c, ph, text, group, intent, camp=None, ipa=None, device=None, email=None):
    assert START<=when<=END, when
    if channel=='email':
        text='发件人：%s\n%s'%(email or email_addr(), text)
    rec={'received_at':when.isoformat(),'channel':channel,'customer_id':c,'phone':ph,'text':text}
    if ipa: rec['ip']=ipa
    if device: rec['device_id']=device
    complaints.append((rec,group,intent,camp))
def genuine_meta(channel, own_dev=None):
    ipa=dev_=None
    if channel in ('app','social'): ipa=ip(); dev_=own_dev or dev()
    elif channel=='regulator': ipa=ip()
    elif channel=='email' and R.random()<0.5: ipa=ip()
    return ipa, dev_

organizers={}
# ---------- Agency A: coached self-filing group ----------
A = nonblank('a_coached.txt')
organizers['AG_A']=['lin_laoshi668','738291046']
batches=[((3,4),13),((3,18),13),((4,6),14)]
slots=[]
for (m,d),n in batches:
    for i in range(n): slots.append((m,d))
R.shuffle(A)
for i,t in enumerate(A):
    m,d=slots[i]; base=dt.date(2026,m,d)
    late = R.random()<0.25
    day=base+dt.timedelta(days=(R.randint(5,10) if late else R.randint(0,3)))
    when=at((day.month,day.day),8,24)
    ch=R.choice(['app','app','regulator','regulator','hotline','social'])
    c=new_customer(); ph=customers[c]['phone']
    if '快到了' in t or '下周就到' in t: set_status(c,when,due_in=R.randint(2,7))
    else:
        od=parse_overdue(t)
        if od is None: od = 14 if '十几天' in t else (24 if '二十多天' in t else R.randint(4,60))
        set_status(c,when,overdue=od)
    home=ip(); d_=dev()
    ipa = home if ch in ('app','regulator','social') else None
    dv = d_ if ch in ('app','social') else None
    add(when,ch,c,ph,t,'AG_A','agency_package','AG_A',ipa,dv)

# ---------- Agency B: 委托代理人 / 家属 agents ----------
Bp=['13651872390','18917302264','15821946037']; Bm=['anhe_fw01@163.com','anhe_fw02@163.com']
Bblock='101.87.142'; Bcard='6222021001134567888'
organizers['AG_B']=Bp+Bm+[Bcard, Bblock+'.0/24']
for p in Bp: used_phones.add(p)
for t in nonblank('b_proxy.txt'):
    ch,txt=t.split('|',1)
    day=rday((3,3),(4,28))
    while dt.date(2026,*day).weekday()>=5: day=rday((3,3),(4,28))
    when=at(day,9,18)
    c=new_customer()
    od=R.choice([None]*1+[1]*0) 
    if R.random()<0.12: set_status(c,when,due_in=R.randint(1,7))
    else: set_status(c,when,overdue=R.randint(3,120))
    ph=R.choice(Bp[:2]) if R.random()<0.8 else Bp[2]
    if ch=='email':
        add(when,ch,c,ph,txt,'AG_B','agency_package','AG_B','%s.%d'%(Bblock,R.randint(10,60)),None,R.choice(Bm))
    else:
        add(when,ch,c,ph,txt,'AG_B','agency_package','AG_B')

# ---------- Agency C: rented SIM cards, retired weekly ----------
Cblock='183.14.207'; Cdevs=[dev(),dev()]
sims=[]; start=dt.date(2026,3,2)
while start<=dt.date(2026,4,24):
    life=R.randint(4,7); sims.append((phone(['170','171','165','167','162']),start,life))
    start=start+dt.timedelta(days=life+R.randint(0,2))
organizers['AG_C']=[s[0] for s in sims]+['zx_shangan99',Cblock+'.0/24']+Cdevs
CT=nonblank('c_sim.txt')
for i,t in enumerate(CT):
    ch,txt=t.split('|',1)
    sim,s0,life=sims[i%len(sims)]
    day=s0+dt.timedelta(days=R.randint(0,life-1))
    when=at((day.month,day.day),9,21)
    c=new_customer()
    if R.random()<0.1: set_status(c,when,due_in=R.randint(1,7))
    else: set_status(c,when,overdue=(20 if '二十天' in txt else 28 if '快一个月' in txt else R.randint(5,90)))
    if ch=='regulator': add(when,ch,c,sim,txt,'AG_C','agency_package','AG_C','%s.%d'%(Cblock,R.randint(20,80)),R.choice(Cdevs))
    else: add(when,ch,c,sim,txt,'AG_C','agency_package','AG_C')

# ---------- Agency D: pseudo-法务 letters ----------
Dp=['19921706655','19921706677']; Dblock='112.64.118'; Ddevs=[dev(),dev(),dev()]
organizers['AG_D']=Dp+['91310115MA1K4T8Q3C','31050161393600001286','hengzheng_fawu@126.com',Dblock+'.0/24']+Ddevs
for p in Dp: used_phones.add(p)
for t in nonblank('d_legal.txt'):
    ch,txt=t.split('|',1)
    day=rday((3,9),(4,24))
    while dt.date(2026,*day).weekday()>=5: day=rday((3,9),(4,24))
    when=at(day,9,18)
    c=new_customer()
    if R.random()<0.1: set_status(c,when,due_in=R.randint(1,7))
    else: set_status(c,when,overdue=R.randint(10,150))
    ph = Dp[1] if '19921706677' in txt else Dp[0]
    ipa = '%s.%d'%(Dblock,R.randint(30,90)) if ch in ('regulator','email') else None
    dv = R.choice(Ddevs) if ch=='regulator' else None
    add(when,ch,c,ph,txt,'AG_D','agency_package','AG_D',ipa,dv,'hengzheng_fawu@126.com')

# ---------- incident: unauthorised credit inquiry, 2026-03-18 ----------
base=dt.datetime(2026,3,18,10,50,tzinfo=TZ)
for t in nonblank('inc.txt'):
    when=base+dt.timedelta(seconds=int(R.triangular(0,3*3600,2400)))
    ch=R.choice(['app','app','app','hotline','hotline','social','social','regulator','email'])
    c=new_customer()
    if R.random()<0.1: set_status(c,when,settled=True)
    else: set_status(c,when,due_in=R.randint(1,30))
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],t,'incident_credit_inquiry','grievance',None,ipa,dv)

# ---------- hardship burst: e-commerce platform froze merchant settlements, 2026-04-09 ----------
base=dt.datetime(2026,4,9,9,20,tzinfo=TZ)
for t in nonblank('burst.txt'):
    when=base+dt.timedelta(seconds=R.randint(0,4*3600-60))
    ch=R.choice(['app','app','hotline','hotline','social','email'])
    c=new_customer(principal=R.choice([5000,8000,10000,15000,20000,30000]))
    od=parse_overdue(t)
    if '肯定要' in t or '肯定要晚' in t: set_status(c,when,due_in=0)
    else: set_status(c,when,overdue=od if od else R.randint(1,7))
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],t,'hardship_burst','hardship',None,ipa,dv)

# ---------- viral wording: account cancellation, 2026-04-14..21 ----------
for t in nonblank('viral.txt'):
    day=rday((4,14),(4,21)); when=at(day,7,24)
    ch=R.choice(['app','app','email','regulator','social','hotline'])
    c=new_customer(); set_status(c,when,settled=True)
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],t,'viral_wording','grievance',None,ipa,dv)

# ---------- grievances (incl. relatives and real lawyers) ----------
for t in nonblank('griev.txt'):
    kind,txt=t.split('|',1)
    day=rday(); when=at(day,7,23)
    c=new_customer()
    od=parse_overdue(txt)
    if od: set_status(c,when,overdue=od)
    elif any(k in txt for k in ('催收','催款','罚息')) and R.random()<0.6: set_status(c,when,overdue=R.randint(1,10))
    else: set_status(c,when)
    if kind=='G':
        ch=R.choice(['app','app','hotline','hotline','social','regulator','email','other'])
        ipa,dv=genuine_meta(ch); add(when,ch,c,customers[c]['phone'],txt,'grievance','grievance',None,ipa,dv)
    elif kind=='R':
        if '他在医院' in txt: set_status(c,when,overdue=3)
        ch=R.choice(['hotline','app','email']); ipa,dv=genuine_meta(ch)
        add(when,ch,c,phone(),txt,'grievance','representative',None,ipa,dv)
    else:
        ch=R.choice(['email','other']); ipa=ip() if ch=='email' else None
        add(when,ch,c,phone(),txt,'grievance','representative',None,ipa,None)

# ---------- hardship pleas ----------
for t in nonblank('hard.txt'):
    kind,txt=t.split('|',1)
    day=rday(); when=at(day,7,23)
    ch=R.choice(['app','app','hotline','hotline','email','social','regulator'])
    c=new_customer()
    if kind=='P':
        di=0 if '今天' in txt else 1 if '明天' in txt else 2 if ('后天' in txt or '两天后' in txt) else 3 if '三天' in txt or '大后天' in txt else R.randint(0,3)
        if '下周一' in txt: di=3
        set_status(c,when,due_in=di)
    else:
        od=parse_overdue(txt); set_status(c,when,overdue=od or R.randint(3,30))
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],txt,'hardship','hardship',None,ipa,dv)

# ---------- families sharing a phone/device ----------
FAM_INTENT=[['other','other'],['other','grievance'],['other','other','other'],['other','other'],['hardship','other'],['grievance','other','grievance'],['other','grievance'],['other','hardship']]
for fi,bl in enumerate(blocks('family.txt')):
    shared_ph=phone(); shared_dev=dev(); home=ip()
    day=rday()
    for j,t in enumerate(bl):
        when=at(day,8,22)+dt.timedelta(days=R.randint(0,12)*(j>0))
        if when>END: when=END-dt.timedelta(hours=R.randint(1,20))
        c=new_customer(own_phone=(shared_ph if j==0 else None))
        it=FAM_INTENT[fi][j]
        if '晚还了两天' in t: set_status(c,when,overdue=2)
        elif '逾期一天' in t and '我只逾期' in t: set_status(c,when,overdue=1)
        else: set_status(c,when)
        ch=R.choice(['app','app','social'])
        add(when,ch,c,shared_ph,t,'family',it,None,home,shared_dev)

# ---------- unrelated customers quoting one abusive collector's number ----------
organizers_collector='17188452093'
for t in nonblank('collector.txt'):
    day=rday((3,20),(4,8)); when=at(day,8,23)
    ch=R.choice(['app','hotline','hotline','social','regulator'])
    c=new_customer()
    if '没显示逾期' in t: set_status(c,when)
    else: set_status(c,when,overdue=parse_overdue(t) or R.randint(1,12))
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],t,'collector_cited','grievance',None,ipa,dv)

# ---------- repeat complainers ----------
for bl in blocks('repeat.txt'):
    c=new_customer(); ph=customers[c]['phone']; d_=dev()
    day=dt.date(2026,*rday((3,2),(3,30)))
    when=at((day.month,day.day),8,22)
    if '换了' in bl[0]: set_status(c,when,due_in=5)
    else: set_status(c,when)
    for j,t in enumerate(bl):
        w=when+dt.timedelta(days=j*R.randint(5,12), seconds=R.randint(-3600,3600))
        if '还款日' in t and '换绑' in t: w=when+dt.timedelta(days=5,seconds=R.randint(-20000,20000))
        if '逾期一天' in t and '换卡' in t: w=when+dt.timedelta(days=6,seconds=R.randint(-20000,20000))
        ch=R.choice(['app','hotline']); ipa,dv=genuine_meta(ch,d_)
        add(w,ch,c,ph,t,'repeat','grievance',None,ipa,dv)

# ---------- background ----------
for t in nonblank('bg.txt'):
    day=rday(); when=at(day,7,23)
    ch=R.choice(['app','app','app','hotline','hotline','social','email','other'])
    c=new_customer()
    if '没有任何欠款' in t or '没有借款' in t: set_status(c,when,settled=True)
    elif R.random()<0.12: set_status(c,when,overdue=R.randint(1,20))
    else: set_status(c,when)
    ipa,dv=genuine_meta(ch)
    add(when,ch,c,customers[c]['phone'],t,'background','other',None,ipa,dv)

# ---------- write complaints ----------
R.shuffle(complaints)
truth={'campaigns':{},'organizers':organizers,'groups':{},'complaint_intent':{}}
with open(os.path.join(OUT,'complaints.jsonl'),'w',encoding='utf-8') as f:
    for i,(rec,g,it,camp) in enumerate(complaints,1):
        k='B13-%06d'%i
        out={'complaint_id':k}; out.update(rec)
        f.write(json.dumps(out,ensure_ascii=False)+'\n')
        truth['campaigns'][k]=camp; truth['groups'][k]=g; truth['complaint_intent'][k]=it
with open(os.path.join(OUT,'truth.json'),'w',encoding='utf-8') as f:
    json.dump(truth,f,ensure_ascii=False,indent=1)
with open(os.path.join(OUT,'customers.csv'),'w',encoding='utf-8',newline='') as f:
    w=csv.writer(f); w.writerow(['customer_id','name','phone','principal','next_due_date','overdue_days'])
    rows=sorted(customers.values(),key=lambda r:r['customer_id'])
    for r in rows: w.writerow([r['customer_id'],r['name'],r['phone'],r['principal'],r['next_due_date'],r['overdue_days']])

# ---------- posts ----------
posts=[]; ptruth={}
acct_pool={}
for l in nonblank('posts.txt'):
    intent,isad,ag,contacts,plat,text=l.split('|',5)
    posts.append((intent,isad=='1',ag or None,[c.lower() for c in contacts.split(',') if c],plat,text))
R.shuffle(posts)
OFFICIAL={'曜石消费金融':'曜石消费金融官方','金融监督管理总局':'金融监管发布','公安':'平安警务','人民法院':'法院发布','征信中心':'征信中心','12378':'金融监管发布','黑猫投诉平台':'黑猫投诉官方','互联网金融协会':'互金协会','反诈中心':'反诈中心','金融监管局通报':'金融监管发布'}
with open(os.path.join(OUT,'posts.jsonl'),'w',encoding='utf-8') as f:
    for i,(intent,isad,ag,contacts,plat,text) in enumerate(posts,1):
        pid='P13-%05d'%i
        acct=None
        if intent in ('notice','lawful_offer','news'):
            for k,v in OFFICIAL.items():
                if k in text and intent!='news': acct=v; break
        if acct is None:
            if ag: acct=acct_pool.setdefault((ag,plat),{'AG_A':'上岸_林老师','AG_B':'安和家事帮','AG_C':'小周说负债','AG_D':'恒正法务咨询'}[ag]+('' if plat in('weibo','zhihu') else '_'+plat[:2]))
            else: acct='user_%06d'%R.randint(0,999999) if intent not in ('news',) else R.choice(['财经早报','都市快讯','金融时报观察','第一财经速递','新京报财经'])
        day=rday(); when=at(day,6,24)
        f.write(json.dumps({'post_id':pid,'platform':plat,'account':acct,'posted_at':when.isoformat(),'text':text},ensure_ascii=False)+'\n')
        ptruth[pid]={'intent':intent,'is_ad':isad,'contacts':contacts,'agency':ag}
with open(os.path.join(OUT,'posts_truth.json'),'w',encoding='utf-8') as f:
    json.dump({'posts':ptruth},f,ensure_ascii=False,indent=1)
print('complaints',len(complaints),'customers',len(customers),'posts',len(posts))
