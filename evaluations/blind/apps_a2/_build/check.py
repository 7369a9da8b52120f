import json, collections, datetime as dt, os
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
apps=[json.loads(l) for l in open(os.path.join(D,'applications.jsonl'),encoding='utf-8')]
truth=json.load(open(os.path.join(D,'truth.json'),encoding='utf-8'))
F=["application_id","applied_at","customer_id","name","id_number","phone","home_address","work_address","employer","employer_phone","income","device_id","ip","contacts","channel","referrer"]
ids=[a['application_id'] for a in apps]
assert len(ids)==len(set(ids)), 'dup ids'
assert set(ids)==set(truth['applications']), 'truth mismatch'
lo=dt.datetime(2026,3,1,tzinfo=dt.timezone(dt.timedelta(hours=8))); hi=dt.datetime(2026,9,1,tzinfo=lo.tzinfo)
idc=collections.defaultdict(set)
for a in apps:
    assert list(a)==F, a
    t=dt.datetime.fromisoformat(a['applied_at']); assert t.utcoffset()==dt.timedelta(hours=8) and lo<=t<hi, a['applied_at']
    s=a['id_number']; assert len(s)==18 and s[:17].isdigit(), s
    assert "10X98765432"[sum(int(x)*w for x,w in zip(s[:17],W))%11]==s[17], s
    dt.date(int(s[6:10]),int(s[10:12]),int(s[12:14]))
    assert isinstance(a['contacts'],list) and isinstance(a['income'],int)
    idc[s].add(a['customer_id'])
assert all(len(v)==1 for v in idc.values()), 'id->customer not 1:1'
cl=truth['clusters']
for k,v in cl.items():
    for i in v: assert truth['applications'][i]=={'packaged':True,'group':k}
pk=[i for i,x in truth['applications'].items() if x['packaged']]
assert sorted(pk)==sorted(sum(cl.values(),[]))
gc=collections.Counter(x['group'] for x in truth['applications'].values())
print('apps',len(apps),'packaged',len(pk),'clusters',{k:len(v) for k,v in sorted(cl.items())})
print(dict(sorted(gc.items())))
print('OK')
