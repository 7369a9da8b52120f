#!/usr/bin/env python3
"""Generator for voice_v3 (fixed seed). Python 3 stdlib + espeak-ng + sox."""
import csv, json, os, random, subprocess, datetime as dt, shutil

SEED = 3031201
R = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REC = os.path.join(OUT, 'recordings')
TMP = os.path.join(OUT, '_build', 'tmp')
os.makedirs(REC, exist_ok=True)
os.makedirs(TMP, exist_ok=True)
TZ = dt.timezone(dt.timedelta(hours=8))

SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁龙林欣怡佳雪婷倩琳颖慧晶晨阳波鑫志国庆海峰亮成东春梅燕云莉丹')
used_phones = set()


def name(sur=None):
    return (sur or R.choice(SUR)) + R.choice(GIV) + (R.choice(GIV) if R.random() < 0.6 else '')


def phone():
    while True:
        p = R.choice(['13', '15', '18', '17', '19']) + ''.join(R.choice('0123456789') for _ in range(9))
        if p not in used_phones:
            used_phones.add(p)
            return p


# ------------------------------------------------------------------ speakers
VARIANTS_M = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'klatt', 'klatt2', 'klatt3', 'iven', 'iven2', 'max',
              'john', 'ed', 'grandpa', 'benjamin', 'david', 'edward', 'norbert', 'paul']
VARIANTS_F = ['f1', 'f2', 'f3', 'f4', 'f5', 'klatt4', 'klatt6', 'aunty', 'grandma', 'linda', 'belinda', 'anika']
speakers = {}  # sid -> params


def new_params(sex=None):
    sex = sex or R.choice('MF')
    v = R.choice(VARIANTS_M if sex == 'M' else VARIANTS_F)
    return dict(sex=sex, voice='cmn+' + v, ep=R.randint(25, 75), es=R.randint(205, 265),
                shift=R.randint(-350, 350), tempo=round(R.uniform(0.9, 1.12), 3),
                eqf=R.choice([400, 700, 1000, 1400, 1800, 2400]), eqg=round(R.uniform(-6, 6), 1),
                bass=round(R.uniform(-4, 4), 1), treble=round(R.uniform(-4, 3), 1))


def close_to(p):
    """another person who sounds similar: same base voice, nearby pitch, slightly different colour"""
    q = dict(p)
    q['ep'] = max(0, min(99, p['ep'] + R.choice([-6, -4, 4, 6])))
    q['shift'] = p['shift'] + R.choice([-110, -80, 80, 110])
    q['tempo'] = round(p['tempo'] * R.uniform(0.95, 1.05), 3)
    q['eqg'] = round(p['eqg'] + R.uniform(-2.5, 2.5), 1)
    q['es'] = p['es'] + R.randint(-12, 12)
    return q


# agency staff: 3 agencies, staff share the agency's number pool
AGENCIES = {'A': dict(numbers=[phone() for _ in range(3)], staff=[15, 12, 9]),
            'B': dict(numbers=[phone() for _ in range(2)], staff=[14, 11]),
            'C': dict(numbers=[phone()], staff=[8])}
sid_n = [0]


def new_sid():
    sid_n[0] += 1
    return None  # placeholder; real ids assigned later


spk_list = []  # (key, kind, params, ncalls, extra)
for ag, a in AGENCIES.items():
    for i, n in enumerate(a['staff']):
        spk_list.append(dict(key='ag%s%d' % (ag, i), kind='agency', params=new_params(), n=n, agency=ag))
FAM_N = [3, 2, 3, 2, 3]
for i, n in enumerate(FAM_N):
    spk_list.append(dict(key='fam%d' % i, kind='family', params=new_params(), n=n))
N_SINGLE = 72
N_OWN = 52
for i in range(N_SINGLE):
    spk_list.append(dict(key='s%d' % i, kind='single', params=new_params(), n=1, own=(i < N_OWN)))

# look-alike pairs: (source, target) -> target copies source's base voice with a nearby pitch
by_key = {s['key']: s for s in spk_list}
PAIRS = [('agA0', 'agB0'), ('agA1', 's3'), ('agB1', 'fam1'), ('agC0', 's60'), ('fam0', 's10'), ('agA2', 's55'),
         ('s20', 's21'), ('fam3', 's30')]
for a, b in PAIRS:
    if b in by_key:
        by_key[b]['params'] = close_to(by_key[a]['params'])
        by_key[b]['close_to'] = a

# ------------------------------------------------------------------ texts
AG_SELF = ['喂，我就是{n}，别再打了，我委托律师了。', '对，我是{n}，没钱，你们去起诉吧。',
           '我是{n}，已经投诉你们了，别打了。', '是我，在协商停息挂账，等通知。',
           '我就是本人，再打我就报警了。', '我是{n}，要先减免利息才还。']
AG_REL = ['我是{n}哥哥，他在外地，跟我说。', '我是他老婆，{n}住院了。',
          '{n}是我表弟，别骚扰他家人。', '我是{n}的律师，请停止催收。',
          '他不在，我是家属，把账单发来。', '我是{n}朋友，他没工作，还不上。']
FAM = ['我是{n}妈妈，他上班去了，我让他回电。', '我是{n}爸爸，这孩子欠多少钱？',
       '{n}是我女儿，她在开车，等会打给你。', '我是他姐姐，{n}出差了，我转告他。',
       '我是{n}爱人，他在洗澡，我帮你转达。', '{n}在睡觉呢，我是她奶奶，什么事？']
OWN = ['喂，我是{n}，钱我过两天就还。', '是我，知道逾期了，发了工资就还。',
       '我是{n}，能不能帮我申请分期？', '喂？我在上班，晚上再说吧。', '好的好的，我今天下午就转账。',
       '我是{n}，上个月已经还了，你们查查。', '哦，贷款的事啊，我周五前处理。', '现在手头紧，能宽限一周吗？',
       '是我本人，已经设置自动扣款了。', '喂，听得到吗？信号不好，回头打给你。']
DIV1 = ['您好，{s}总在开会，我是秘书，您哪位？', '我是{n}同事，她手机落公司了。',
        '我是他室友，{n}不在，晚点再打吧。', '我是{n}，这是我另一个号，什么事？', '您好，这里是前台，{n}今天请假了。']

# ------------------------------------------------------------------ customers and calls
customers = []
calls = []
fam_customers = {}


def add_customer(nm=None):
    cid = None
    c = dict(id=cid, name=nm or name(), phone=phone())
    customers.append(c)
    return c


base = dt.datetime(2026, 3, 2, 9, 0, tzinfo=TZ)


def when():
    d = base + dt.timedelta(days=R.randint(0, 55))
    return d.replace(hour=R.randint(8, 20), minute=R.randint(0, 59), second=R.randint(0, 59))


for s in spk_list:
    k = s['kind']
    if k == 'agency':
        nums = AGENCIES[s['agency']]['numbers']
        for j in range(s['n']):
            c = add_customer()
            txt = R.choice(AG_SELF if R.random() < 0.5 else AG_REL).format(n=c['name'])
            calls.append(dict(spk=s, cust=c, answered_by=R.choice(nums), text=txt, t=when()))
    elif k == 'family':
        sur = R.choice(SUR)
        relphone = phone()
        ncust = s['n'] if s['key'] != 'fam2' else 2  # one relative answers twice for the same borrower
        fc = [add_customer(name(sur)) for _ in range(ncust)]
        s['customers'] = fc
        seq = fc + [fc[0]] * (s['n'] - ncust)
        for c in seq:
            txt = R.choice(FAM).format(n=c['name'])
            calls.append(dict(spk=s, cust=c, answered_by=relphone, text=txt, t=when()))
    else:
        c = add_customer()
        if s['own']:
            txt = R.choice(OWN).format(n=c['name'])
            calls.append(dict(spk=s, cust=c, answered_by='', text=txt, t=when()))
        else:
            txt = R.choice(DIV1).format(n=c['name'], s=c['name'][0])
            calls.append(dict(spk=s, cust=c, answered_by=phone(), text=txt, t=when()))

# opaque ids
R.shuffle(customers)
for c, n in zip(customers, sorted(R.sample(range(100000, 999999), len(customers)))):
    c['id'] = 'B%06d' % n
sids = R.sample(range(100, 999), len(spk_list))
for s, n in zip(spk_list, sids):
    s['sid'] = 'SPK%03d' % n
calls.sort(key=lambda x: x['t'])
for i, c in enumerate(calls):
    c['call_id'] = 'V3-%04d' % (i + 1)


# ------------------------------------------------------------------ audio
def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def render(call):
    p = call['spk']['params']
    cid = call['call_id']
    raw = os.path.join(TMP, cid + '_raw.wav')
    mid = os.path.join(TMP, cid + '_mid.wav')
    noi = os.path.join(TMP, cid + '_noise.wav')
    out = os.path.join(REC, cid + '.wav')
    ep = max(0, min(99, p['ep'] + R.randint(-3, 3)))
    es = p['es'] + R.randint(-8, 8)
    run(['espeak-ng', '-v', p['voice'], '-p', str(ep), '-s', str(es), '-g', str(R.randint(0, 3)),
         '-w', raw, call['text']])
    shift = p['shift'] + R.randint(-25, 25)
    tempo = p['tempo'] * R.uniform(0.97, 1.03)
    hp = R.randint(280, 340)
    lp = R.randint(3200, 3450)
    run(['sox', raw, '-r', '8000', '-c', '1', '-b', '16', mid,
         'pitch', str(shift), 'tempo', '-s', '%.3f' % tempo,
         'equalizer', str(p['eqf']), '1.2q', str(p['eqg']),
         'bass', str(p['bass']), 'treble', str(p['treble']),
         'highpass', str(hp), 'lowpass', str(lp),
         'pad', '%.2f' % R.uniform(0.15, 0.5), '%.2f' % R.uniform(0.2, 0.5),
         'trim', '0', '7.6',
         'gain', '-n', '%.1f' % R.uniform(-9, -3)])
    # pad to >= 3.2 s
    dur = float(subprocess.run(['soxi', '-D', mid], capture_output=True, text=True).stdout.strip())
    if dur < 3.2:
        run(['sox', mid, mid.replace('_mid', '_mid2'), 'pad', '0', '%.2f' % (3.25 - dur + R.uniform(0, 0.3))])
        os.replace(mid.replace('_mid', '_mid2'), mid)
        dur = float(subprocess.run(['soxi', '-D', mid], capture_output=True, text=True).stdout.strip())
    ntype = R.choice(['pinknoise', 'whitenoise', 'brownnoise'])
    run(['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', noi, 'synth', '%.3f' % dur, ntype,
         'highpass', '300', 'lowpass', '3400', 'vol', '%.4f' % R.uniform(0.004, 0.03)])
    run(['sox', '-m', mid, noi, '-b', '16', out, 'fade', 'q', '0.03', '-0', '0.05'])
    for f in (raw, mid, noi):
        os.remove(f)
    call['duration'] = float(subprocess.run(['soxi', '-D', out], capture_output=True, text=True).stdout.strip())


for c in calls:
    render(c)
shutil.rmtree(TMP)

# ------------------------------------------------------------------ write tables
with open(os.path.join(OUT, 'calls.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['call_id', 'customer_id', 'started_at', 'answered_by', 'recording'])
    for c in calls:
        w.writerow([c['call_id'], c['cust']['id'], c['t'].isoformat(), c['answered_by'],
                    'recordings/%s.wav' % c['call_id']])
with open(os.path.join(OUT, 'customers.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone'])
    for c in sorted(customers, key=lambda c: c['id']):
        w.writerow([c['id'], c['name'], c['phone']])
truth = {'speakers': {c['call_id']: c['spk']['sid'] for c in calls},
         'speaker_kind': {s['sid']: s['kind'] for s in sorted(spk_list, key=lambda s: s['sid'])},
         'family_customers': {s['sid']: sorted(c['id'] for c in s['customers'])
                              for s in sorted(spk_list, key=lambda s: s['sid']) if s['kind'] == 'family'}}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
# build record: per-call text and speaker parameters (not needed by consumers)
with open(os.path.join(OUT, '_build', 'render_log.jsonl'), 'w', encoding='utf-8') as f:
    for c in calls:
        f.write(json.dumps(dict(call_id=c['call_id'], speaker=c['spk']['sid'], text=c['text'],
                                duration=round(c['duration'], 3)), ensure_ascii=False) + '\n')
with open(os.path.join(OUT, '_build', 'speaker_params.json'), 'w', encoding='utf-8') as f:
    json.dump({s['sid']: dict(s['params'], kind=s['kind'], close_to=by_key[s['close_to']]['sid'] if s.get('close_to') else None,
                              agency=s.get('agency'))
               for s in spk_list}, f, ensure_ascii=False, indent=1, sort_keys=True)
print(len(calls), len(spk_list), len(customers))
