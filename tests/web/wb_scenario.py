"""A small lender written through the real pipeline: complaints and customers into the store,
the batch scan run over them, its results saved and its online index written.

Two templated campaigns (an agency pushing 停息挂账 with a shared agent phone and WeChat; a
credit-repair shop filing from one device) and a handful of genuine complaints, two of them
urgent (double deduction, abusive collection).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from qinglang.phones import phone_info
from qinglang.schema import Complaint, Customer

SH = ZoneInfo("Asia/Shanghai")
PASSWORD = "correct horse battery staple"
USERS = {"lead1": "lead", "analyst1": "analyst", "auditor1": "auditor"}
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=SH)
AGENT_PHONE = "13912345678"
AGENT_WECHAT = "tingxi_dz888"
ID_NUMBER = "110101199003074518"

# borrowers' numbers from different provinces (real prefixes so 归属地 resolves)
BORROWER_PHONES = [
    "13800138000",
    "13512345671",
    "13612345672",
    "13712345673",
    "15012345674",
    "15112345675",
    "15212345676",
    "15812345677",
    "18612345679",
    "18712345670",
    "13312345671",
    "17712345672",
    "18912345673",
    "13012345674",
    "13112345675",
    "13212345676",
    "15512345677",
    "15612345678",
    "18512345679",
    "13912345670",
    "13811112222",
    "13922223333",
]

CAMPAIGN_A = (
    "本人{name}，因疫情失业收入中断，目前无力偿还贵司借款本金{amount}元。现要求贵司立即停息挂账，"
    "减免全部罚息和违约金，分{n}期偿还本金。如不同意，我将向银保监会和人民银行投诉贵司暴力催收。"
    "我已全权委托代理人处理，请联系代理人电话{agent}，微信{wechat}。"
)
CAMPAIGN_B = (
    "你好，我是{name}，我的征信出现逾期记录，但逾期是因为你们系统原因没有成功扣款，要求你们在{n}个工作日内"
    "消除我的征信不良记录，并出具非恶意逾期证明，否则我将起诉你们并向监管部门反映。"
)
GENUINE = [
    "我昨天还款的时候被重复扣款了两次，银行卡多扣了1200元，麻烦尽快退回，这个钱是我下个月房租。",
    "你们的催收员每天打电话辱骂我，还威胁要爆通讯录，骚扰我家人和同事，我已经按时还款了，请处理这个人。",
    "App 里的还款日期显示不对，明明是15号却提示我已经逾期，请核实一下。",
    "我想提前结清贷款，但是客服一直说系统繁忙，请告诉我提前还款的具体流程和手续费。",
    "请问为什么我的额度突然降低了？我从来没有逾期过，希望给个解释。",
]
NAMES = [
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨磊",
    "赵敏",
    "黄强",
    "周杰",
    "吴霞",
    "徐明",
    "孙丽",
    "马超",
    "朱琳",
    "胡斌",
    "郭亮",
    "何梅",
    "高翔",
    "林涛",
    "罗佳",
    "梁宇",
    "谢婷",
]


@dataclass
class Scenario:
    db_url: str
    out_dir: Path
    run_id: str
    campaign_members: dict[str, list[str]] = field(default_factory=dict)  # "A"/"B" -> complaint ids
    genuine_ids: list[str] = field(default_factory=list)
    incident_ids: list[str] = field(default_factory=lambda: [f"I{j:03d}" for j in range(15)])
    clusters: dict[str, str] = field(default_factory=dict)  # "A"/"B" -> cluster_id found by the scan


def build_records() -> tuple[list[Complaint], list[Customer], dict[str, list[str]], list[str]]:
    complaints: list[Complaint] = []
    customers: list[Customer] = []
    members: dict[str, list[str]] = {"A": [], "B": []}
    k = 0

    def customer(i: int) -> str:
        cid = f"U{i:04d}"
        phone = BORROWER_PHONES[i % len(BORROWER_PHONES)]
        customers.append(
            Customer(
                customer_id=cid,
                name=NAMES[i % len(NAMES)],
                phone=phone,
                principal=10000 + 500 * i,
                next_due_date=(T0 + timedelta(days=10)).date(),
                overdue_days=i % 40,
                extra={"id_number": ID_NUMBER if i == 0 else f"3201021988010{i:04d}"[:17] + "X"},
                phone_info=phone_info(phone),
            )
        )
        return cid

    for j in range(10):
        cid = customer(k)
        phone = BORROWER_PHONES[k % len(BORROWER_PHONES)]
        text = CAMPAIGN_A.format(
            name=NAMES[k % len(NAMES)],
            amount=20000 + 1000 * j,
            n=24 + j % 3,
            agent=AGENT_PHONE,
            wechat=AGENT_WECHAT,
        )
        complaints.append(
            Complaint(
                complaint_id=f"A{j:03d}",
                received_at=T0 + timedelta(minutes=7 * j),
                channel="regulator",
                customer_id=cid,
                phone=phone,
                text=text,
                ip="101.22.33.44",
                device_id=f"devA{j % 3}",
                phone_info=phone_info(phone),
                attachments=[f"A{j:03d}_hardship.png"] if j < 2 else [],
            )
        )
        members["A"].append(f"A{j:03d}")
        k += 1
    for j in range(6):
        cid = customer(k)
        phone = BORROWER_PHONES[k % len(BORROWER_PHONES)]
        complaints.append(
            Complaint(
                complaint_id=f"B{j:03d}",
                received_at=T0 + timedelta(days=1, minutes=11 * j),
                channel="app",
                customer_id=cid,
                phone=phone,
                text=CAMPAIGN_B.format(name=NAMES[k % len(NAMES)], n=3 + j % 2),
                ip=f"59.1.2.{j}",
                device_id="devB-shared",
                phone_info=phone_info(phone),
            )
        )
        members["B"].append(f"B{j:03d}")
        k += 1
    genuine: list[str] = []
    for j, text in enumerate(GENUINE):
        cid = customer(k)
        phone = BORROWER_PHONES[k % len(BORROWER_PHONES)]
        complaints.append(
            Complaint(
                complaint_id=f"G{j:03d}",
                received_at=T0 + timedelta(days=2, hours=j),
                channel="hotline",
                customer_id=cid,
                phone=phone,
                text=text,
                phone_info=phone_info(phone),
            )
        )
        genuine.append(f"G{j:03d}")
        k += 1
    # a real incident: 15 customers, one double deduction, within 3 hours, worded three ways
    for j in range(15):
        cid = f"U{k:04d}"
        customers.append(Customer(customer_id=cid, name=NAMES[k % len(NAMES)], overdue_days=0))
        complaints.append(
            Complaint(
                complaint_id=f"I{j:03d}",
                received_at=T0 + timedelta(days=3, minutes=11 * j),
                channel="app",
                customer_id=cid,
                text=INCIDENT[j % len(INCIDENT)].format(amount=300 + 17 * j),
            )
        )
        k += 1
    return complaints, customers, members, genuine


INCIDENT = [
    "今天早上同一期被扣了两次款，银行卡多扣了{amount}元，请尽快退还多扣的钱",
    "今天同一期被扣了两次，多扣了{amount}元，麻烦尽快退还多扣的款项",
    "早上收到短信同一期扣了两次款，多扣{amount}元，请退还多扣的钱",
]


def write_scenario(db_url: str, out_dir: Path) -> Scenario:
    """Store, scan, save and index the scenario at `db_url`; outputs in `out_dir`."""
    import json

    from qinglang.materials import FLAG_THRESHOLD, MaterialResult
    from qinglang.materials.codes import combine, finding
    from qinglang.online import ARTIFACT_NAME, OnlineIndex, complaint_fingerprint
    from qinglang.scan import run_scan
    from qinglang.store import open_store, save_scan

    out_dir.mkdir(parents=True, exist_ok=True)
    complaints, customers, members, genuine = build_records()
    store = open_store(db_url)
    store.add_customers(customers)
    store.add_complaints(complaints)
    result = run_scan(complaints, {c.customer_id: c for c in customers})
    index = OnlineIndex.from_scan(result, {c.complaint_id: complaint_fingerprint(c) for c in complaints})
    index.save(out_dir)
    from PIL import Image

    Image.new("RGB", (64, 48), (200, 30, 30)).save(out_dir / "A000_hardship.png")
    # A000's hardship proof is the same file as A001's, filed for another borrower: the finding the
    # materials check emits for that (crossdoc), built with its own helpers so code and weight are real
    reused = finding(
        "material_reused_across_borrowers",
        "文件内容完全相同（SHA-256 一致）：A001_hardship.png（借款人 U0001）与本件（U0000）",
        "byte-identical file (same SHA-256): A001_hardship.png (borrower U0001) and this file (U0000)",
        refs=["A001_hardship.png"],
    )
    # what the check read off the document (OCR fields, a PDF's earlier revision) carries the
    # borrower's name and ID number: analysts must see them masked (tests/web/test_web_pii_sweep.py)
    revised = finding(
        "material_pdf_incremental_edit",
        f"修订前文本：姓名：{NAMES[0]} 身份证号：{ID_NUMBER} 电话 {BORROWER_PHONES[0]}",
        f"earlier revision's text: name {NAMES[0]}, ID {ID_NUMBER}, phone {BORROWER_PHONES[0]}",
    )
    material = MaterialResult(
        file="A000_hardship.png",
        score=combine([reused, revised]),
        flagged=combine([reused, revised]) >= FLAG_THRESHOLD,
        findings=[reused, revised],
        fields={"name": NAMES[0], "id_number": ID_NUMBER, "id_numbers": [ID_NUMBER]},
        complaint_ids=["A000"],
        customer_ids=["U0000"],
    )
    with (out_dir / "materials_scored.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(material.to_json(), ensure_ascii=False) + "\n")
    run_id = "scan-test-1"
    save_scan(
        store,
        run_id,
        {"out_dir": str(out_dir.resolve()), "threshold": 0.5},
        result.summary(),
        result.scored,
        [c.cluster for c in result.clusters],
        artifacts={ARTIFACT_NAME: index.to_bytes()},
    )
    store.close()
    sc = Scenario(
        db_url=db_url, out_dir=out_dir, run_id=run_id, campaign_members=members, genuine_ids=genuine
    )
    for label, ids in members.items():
        for cr in result.clusters:
            if set(ids) & set(cr.cluster.complaint_ids):
                sc.clusters[label] = cr.cluster.cluster_id
                break
    return sc


def artifacts_dir() -> Path:
    """test-artifacts/web/ at the repository root (gitignored): screenshots and exported packs."""
    d = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
    d.mkdir(parents=True, exist_ok=True)
    return d
