import json, random, sys, os, re, datetime as dt
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ta import A, A_REG; from tb import B; from tc import C; from td import D
from tinc import INC; from thb import HB; from tvw import VW; from tg import G; from th import H
from tf import F; from tcc import CC; from trp import RP; from tbg import BG
from tp1 import P1; from tp2 import P2
R = random.Random(20261201)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026,9,1,0,0,tzinfo=TZ); END = dt.datetime(2026,10,31,23,59,59,tzinfo=TZ)

SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIV = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯俊峰琳雪梅晨欣怡佳婷颖倩斌波飞鑫亮健志国海燕春秋冬云龙")
used_phones=set(); used_names=set()
PFX=["130","131","132","133","134","135","136","137","138","139","150","151","152","153","155","156","157","158","159","177","180","181","182","183","185","186","187","188","189","191","198","199"]
RESERVED={"13925176608","15013847726","17620953381","13480267715","18938842106","16521487730","17188326504"}
def phone(pfx=None):
    while True:
        p=(pfx or R.choice(PFX))+"".join(R.choice("0123456789") for _ in range(11-len(pfx or "000")))
        if p not in used_phones and p not in RESERVED: used_phones.add(p); return p
def name():
    while True:
        n=R.choice(SUR)+R.choice(GIV)+(R.choice(GIV) if R.random()<0.7 else "")
        if n not in used_names: used_names.add(n); return n
used_dev=set()
def dev():
    while True:
        d="dv-"+"".join(R.choice("0123456789abcdef") for _ in range(12))
        if d not in used_dev: used_dev.add(d); return d
IPPFX=["58.48","61.141","113.66","117.136","120.229","123.112","171.8","183.197","220.181","222.73","36.110","39.144","42.236","59.172","101.80","112.96","124.64","175.0","182.150","218.17","221.226","223.104","27.38","49.77"]
def ip(): return f"{R.choice(IPPFX)}.{R.randint(0,255)}.{R.randint(1,254)}"
def email_addr():
    if R.random()<0.5: return f"{R.randint(10000000,3999999999)}@qq.com"
    s="".join(R.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(R.randint(3,7)))
    return f"{s}{R.randint(1,2005)}@{R.choice(['163.com','126.com','sina.com','outlook.com','139.com'])}"
def ts(d): return d.replace(microsecond=0).isoformat()
def rnd_time(a,b): return a+dt.timedelta(seconds=R.randint(0,int((b-a).total_seconds())))
def D_(y,m,d,h=0,mi=0): return dt.datetime(y,m,d,h,mi,tzinfo=TZ)

customers={}; cseq=[0]
def new_cust(ph=None, overdue=None, due=None, ref=None):
    cseq[0]+=1; cid=f"C10{cseq[0]:05d}"
    ref = ref or D_(2026,10,1)
    if overdue is None: overdue = R.choice([0,0,0,0,R.randint(1,60)])
    if due is None:
        if overdue>0: due=(ref-dt.timedelta(days=overdue)).date()
        else: due=(ref+dt.timedelta(days=R.randint(4,28))).date()
    customers[cid]=dict(customer_id=cid,name=name(),phone=ph or phone(),principal=R.choice(range(2000,50001,500)),next_due_date=str(due),overdue_days=overdue)
    return cid
complaints=[]
def add(t,channel,cid,ph,text,group,intent,ipx=None,devx=None,em=None):
    if channel=="email": text=f"【发件邮箱】{em or email_addr()}\n"+text
    c=dict(received_at=ts(t),channel=channel,customer_id=cid,phone=ph,text=text)
    if ipx: c["ip"]=ipx
    if devx: c["device_id"]=devx
    complaints.append((c,group,intent))
def netinfo(ch, myip, mydev):
    if ch in("app","social"): return myip,mydev
    if ch=="email": return myip,None
    return None,None

# ---------- Agency A: coached self-filing ----------
sess=[(D_(2026,9,14,7,40),D_(2026,9,14,9,20),range(0,10)),(D_(2026,9,16,12,5),D_(2026,9,16,13,20),range(10,20)),
      (D_(2026,9,17,19,50),D_(2026,9,17,22,0),range(20,30)),(D_(2026,9,20,14,10),D_(2026,9,20,16,30),range(30,37)),
      (D_(2026,9,20,18,0),D_(2026,9,21,15,30),range(37,40))]
acust=[]
for a,b,idx in sess:
    for i in idx:
        ch,text=A[i]; t=rnd_time(a,b)
        od=R.choice([R.randint(8,75)]*4+[0]); due=None
        if od==0: due=(t+dt.timedelta(days=R.randint(1,7))).date()
        cid=new_cust(overdue=od,due=due,ref=t); c=customers[cid]
        myip,mydev=ip(),dev(); acust.append((cid,t))
        i1,d1=netinfo(ch,myip,mydev)
        add(t,ch,cid,c["phone"],text,"agency_a","agency_package",i1,d1)
for text,(cid,t) in zip(A_REG,R.sample(acust,len(A_REG))):
    tt=t+dt.timedelta(days=R.randint(1,5),hours=R.randint(-3,3))
    tt=tt.replace(hour=R.randint(9,17))
    add(tt,"regulator",cid,customers[cid]["phone"],text,"agency_a","agency_package")

# ---------- Agency B: multi-channel agency ----------
BPH=["15013847726","17620953381","13480267715"]; BEM=["xiecheng_fw@163.com","yh_xieshang@126.com"]
BDEV=[dev() for _ in range(4)]; BIP=[f"183.14.92.{x}" for x in (23,24,57,101)]+["223.104.18.77","117.136.40.212"]
bdays=[D_(2026,9,8),D_(2026,9,10),D_(2026,9,15),D_(2026,9,23),D_(2026,9,29),D_(2026,10,9),D_(2026,10,14),D_(2026,10,21)]
border=list(range(len(B))); R.shuffle(border)
for k,i in enumerate(border):
    ch,text=B[i]; day=bdays[k%len(bdays)]
    t=rnd_time(day.replace(hour=9,minute=20),day.replace(hour=18,minute=10))
    if ch=="regulator": t=t+dt.timedelta(days=R.randint(1,5))
    od=R.randint(12,120) if R.random()<0.9 else 0
    due=(t+dt.timedelta(days=R.randint(1,6))).date() if od==0 else None
    cid=new_cust(overdue=od,due=due,ref=t); c=customers[cid]
    text=text.replace("{n}",c["name"])
    ph=R.choice(BPH) if (ch!="app" or R.random()<0.6) else c["phone"]
    if ch=="regulator": ph=R.choice([c["phone"],R.choice(BPH)])
    ipx=devx=None
    if ch in("app","social","other"): ipx,devx=R.choice(BIP),BDEV[k%len(BDEV)]
    if ch=="email": ipx=R.choice(BIP[:4])
    add(t,ch,cid,ph,text,"agency_b","agency_package",ipx,devx,em=R.choice(BEM))

# ---------- Agency C: credit repair ----------
CDEV=[dev() for _ in range(3)]; CEM="xinli_zx@163.com"
for i,(ch,text) in enumerate(C):
    while True:
        day=D_(2026,9,22)+dt.timedelta(days=R.randint(0,37))
        if day.weekday()<5: break
    t=rnd_time(day.replace(hour=9,minute=40),day.replace(hour=17,minute=40))
    od=R.randint(20,200)
    cid=new_cust(overdue=od,ref=t); c=customers[cid]; text=text.replace("{n}",c["name"])
    ph=c["phone"] if ch=="app" else ("18938842106" if R.random()<0.7 else c["phone"])
    ipx=devx=None
    if ch in("app","social","other"): ipx,devx=f"119.123.45.{R.choice([11,12,36,88])}",R.choice(CDEV)
    if ch=="email": ipx=f"119.123.45.{R.choice([11,12,36,88])}"
    add(t,ch,cid,ph,text,"agency_c","agency_package",ipx,devx,em=CEM)

# ---------- Agency D: SIM pool, relatives ----------
SIM=[phone(R.choice(["165","170","171","167"])) for _ in range(20)]
DDEV=[dev() for _ in range(2)]
simuse=SIM+R.sample(SIM,13); R.shuffle(simuse)
for i,(ch,text) in enumerate(D):
    day=D_(2026,10,5)+dt.timedelta(days=R.randint(0,15))
    t=day.replace(hour=22)+dt.timedelta(minutes=R.randint(0,210))
    od=R.randint(15,90) if R.random()<0.85 else 0
    due=(t+dt.timedelta(days=R.randint(1,6))).date() if od==0 else None
    cid=new_cust(overdue=od,due=due,ref=t); c=customers[cid]; text=text.replace("{n}",c["name"])
    ph=simuse[i]; ipx=devx=None
    if ch=="app": ipx,devx=f"36.99.136.{R.randint(2,250)}",R.choice(DDEV)
    if ch=="regulator": ph="16521487730" if R.random()<0.5 else ph; t=t+dt.timedelta(days=R.randint(1,4)); t=t.replace(hour=R.randint(9,16))
    add(t,ch,cid,ph,text,"agency_d","agency_package",ipx,devx)

# ---------- generic genuine helper ----------
def genuine(t,ch,text,group,intent,overdue=None,due=None,cid=None,ph=None,ipx="auto",devx="auto"):
    if cid is None: cid=new_cust(overdue=overdue,due=due,ref=t)
    c=customers[cid]; myip,mydev=ip(),dev()
    i1,d1=netinfo(ch,myip,mydev)
    if ipx!="auto": i1=ipx if ch in("app","social","email") else None
    if devx!="auto": d1=devx if ch in("app","social") else None
    add(t,ch,cid,ph or c["phone"],text,group,intent,i1,d1)
    return cid
def spread(): 
    t=rnd_time(START,END-dt.timedelta(days=1))
    h=R.choices(range(24),weights=[1,1,0,0,0,0,1,3,6,8,9,9,8,8,8,8,7,6,6,7,8,7,5,3])[0]
    return t.replace(hour=h)
for ch,text in INC:
    t=rnd_time(D_(2026,10,12,10,3),D_(2026,10,12,13,5))
    genuine(t,ch,text,"incident_fangkuan","grievance",overdue=0,due=(t+dt.timedelta(days=31)).date())
for ch,text in HB:
    t=rnd_time(D_(2026,9,27,8,15),D_(2026,9,27,12,15))
    genuine(t,ch,text,"hardship_burst","hardship",overdue=R.randint(6,35))
for ch,text in VW:
    t=rnd_time(D_(2026,10,18,9),D_(2026,10,25,22))
    genuine(t,ch,text,"viral_wording","grievance",overdue=0)
for ch,it,text in G:
    t=spread(); intent="representative" if it=="r" else "grievance"
    ph=phone() if it=="r" else None
    genuine(t,ch,text,"grievance",intent,ph=ph)
for ch,pre,text in H:
    t=spread()
    if pre: genuine(t,ch,text,"hardship","hardship",overdue=0,due=(t+dt.timedelta(days=R.randint(0,3))).date())
    else: genuine(t,ch,text,"hardship","hardship",overdue=R.randint(3,60))
IMAP={"g":"grievance","h":"hardship","o":"other","r":"representative"}
for share,mem in F:
    t0=spread(); shared_ph=phone(); shared_dev=dev(); shared_ip=ip(); first=True
    for k,(ch,it,text) in enumerate(mem):
        t=t0+dt.timedelta(minutes=R.randint(3,50)) if k else t0
        if "昨天" in text: t=t0+dt.timedelta(days=1,minutes=R.randint(0,120))
        od=R.randint(3,30) if it=="h" else 0
        cid=new_cust(ph=shared_ph if (share=="phone" and k==0) else None,overdue=od,ref=t)
        if share=="phone":
            genuine(t,ch,text,"family",IMAP[it],cid=cid,ph=shared_ph,ipx=shared_ip,devx=shared_dev)
        else:
            genuine(t,ch,text,"family",IMAP[it],cid=cid,ipx=shared_ip,devx=shared_dev)
for ch,text in CC:
    t=rnd_time(D_(2026,9,20),D_(2026,10,20)); genuine(t,ch,text,"collector_cited","grievance",overdue=R.randint(1,14))
for seq in RP:
    cid=None; t=rnd_time(D_(2026,9,5,9),D_(2026,9,25,20)); myip,mydev=ip(),dev()
    for ch,it,text in seq:
        cid=genuine(t,ch,text,"repeat",IMAP[it],cid=cid,overdue=R.randint(5,20) if it=="h" else 0,ipx=myip,devx=mydev)
        t=t+dt.timedelta(days=R.randint(5,14),hours=R.randint(-4,4))
for ch,it,text in BG:
    genuine(spread(),ch,text,"background",IMAP[it])

# ---------- assemble ----------
R.shuffle(complaints)
camp={};groups={};intents={};rows=[]
for i,(c,g,it) in enumerate(complaints,1):
    cid=f"B10-{i:06d}"; c2={"complaint_id":cid}; c2.update(c); rows.append(c2)
    camp[cid]=g if g.startswith("agency_") else None; groups[cid]=g; intents[cid]=it
with open(f"{OUT}/complaints.jsonl","w",encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r,ensure_ascii=False)+"\n")
import csv
with open(f"{OUT}/customers.csv","w",encoding="utf-8",newline="") as f:
    w=csv.DictWriter(f,fieldnames=["customer_id","name","phone","principal","next_due_date","overdue_days"]); w.writeheader()
    for c in customers.values(): w.writerow(c)
org={
 "agency_a":["13925176608","ajie_shangan88","738215649"],
 "agency_b":BPH+["zhou_xs2026"]+BEM+BDEV+["6222024007185563917","183.14.92.0/24"],
 "agency_c":["18938842106","2851937406","xinli_zx",CEM,"91440300MA5H7K2Q3N"]+CDEV+["6217852600031942086","119.123.45.0/24"],
 "agency_d":["16521487730"]+SIM+DDEV+["6230582000114478662","36.99.136.0/24"],
}
json.dump({"campaigns":camp,"organizers":org,"groups":groups,"complaint_intent":intents},open(f"{OUT}/truth.json","w",encoding="utf-8"),ensure_ascii=False,indent=1)
# posts
P=P1+P2; order=list(range(len(P))); R.shuffle(order)
def ptime(text,intent):
    if "10月12日" in text or "放款未到账" in text or "放款成功没到账" in text: return rnd_time(D_(2026,10,12,15),D_(2026,10,15,20))
    if "冰雹" in text: return rnd_time(D_(2026,9,27,7),D_(2026,10,8,20))
    if "担保服务费" in text and "必看" in text: return D_(2026,10,17,21,14)
    if "担保服务费" in text or "担保费" in text: return rnd_time(D_(2026,10,18),D_(2026,10,31,20))
    if "17188326504" in text: return rnd_time(D_(2026,10,10),D_(2026,10,30))
    return rnd_time(START,END)
posts=[];pt={}
for k,i in enumerate(order,1):
    plat,acct,intent,ag,contacts,text=P[i]; pid=f"B10-P{k:04d}"
    posts.append(dict(post_id=pid,platform=plat,account=acct,posted_at=ts(ptime(text,intent)),text=text))
    pt[pid]=dict(intent=intent,is_ad=intent in("service_ad","recruitment"),contacts=[x.lower() for x in contacts],agency=ag)
with open(f"{OUT}/posts.jsonl","w",encoding="utf-8") as f:
    for p in posts: f.write(json.dumps(p,ensure_ascii=False)+"\n")
json.dump({"posts":pt},open(f"{OUT}/posts_truth.json","w",encoding="utf-8"),ensure_ascii=False,indent=1)
print(len(rows),len(customers),len(posts))
