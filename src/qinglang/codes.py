"""The one table of evidence codes: stable identifier, scope, default weight, zh, en.

Every reason qinglang writes (campaign, complaint, material file, post) carries a code from this
table; docs/signals.md and docs/materials.md mirror it and a test keeps them in step. Weights are
defaults: `DetectionConfig.weights` overrides them per run (and the run records it), later
learned from analyst verdicts. A code may live in two scopes with different defaults
(`agency_demands` is 0.3 for a campaign where most members make the package, 0.2 for one
complaint), so the key is (scope, code).

`dynamic` rows carry a weight computed at run time (a membership is the campaign's score times
its strength; a material family takes its strongest finding); their table weight is the factor
or cap the docs quote.
"""

from __future__ import annotations

from dataclasses import dataclass

SCOPES = ("campaign", "complaint", "material", "post")


@dataclass(frozen=True)
class EvidenceCode:
    code: str
    scope: str
    weight: float
    zh: str
    en: str
    family: str | None = None  # material findings: the complaint-level family they roll up into
    dynamic: bool = False


_ROWS: tuple[EvidenceCode, ...] = (
    # -- campaign signals (signals/campaign.py); formula weights: the table weight is the cap
    EvidenceCode(
        "shared_agent_contact",
        "campaign",
        0.6,
        "多名客户的投诉出现同一代理人联系方式",
        "one agent contact quoted by many customers' complaints",
        dynamic=True,
    ),
    EvidenceCode(
        "one_phone_many_customers",
        "campaign",
        0.6,
        "同一投诉电话代多名客户投诉",
        "one complainant phone speaks for many customers",
        dynamic=True,
    ),
    EvidenceCode(
        "template_batch",
        "campaign",
        0.45,
        "多名客户的投诉出自同一模板",
        "many customers' complaints follow one template",
        dynamic=True,
    ),
    EvidenceCode(
        "fake_lawyer_licence",
        "campaign",
        0.4,
        "所称律师执业证号实为信用代码或无效号码",
        "a quoted lawyer licence number is a credit code or invalid",
    ),
    EvidenceCode(
        "agency_demands",
        "campaign",
        0.3,
        "多数投诉提出代理机构式诉求",
        "most members make an agency's package of demands",
    ),
    EvidenceCode(
        "shared_device",
        "campaign",
        0.3,
        "不同客户的投诉来自同样的设备",
        "different customers' complaints filed from the same devices",
    ),
    EvidenceCode(
        "suspicious_materials",
        "campaign",
        0.25,
        "附件材料存在伪造、篡改或复用迹象",
        "attachments show forgery, tampering or reuse",
    ),
    EvidenceCode(
        "region_concentration",
        "campaign",
        0.2,
        "投诉人手机号集中于一地，远超客户基数",
        "complainant phones concentrated in one city far beyond the customer base",
    ),
    EvidenceCode(
        "burst",
        "campaign",
        0.15,
        "短时间内集中投诉，远超全量投诉节奏",
        "a burst far above the lender's own complaint rhythm",
    ),
    EvidenceCode(
        "due_date_timing",
        "campaign",
        0.15,
        "集中在客户还款日前提交",
        "filed just before the borrowers' due dates",
    ),
    EvidenceCode(
        "black_gray_vocabulary",
        "campaign",
        0.15,
        "投诉含黑灰产用语",
        "members use black/gray-industry vocabulary",
    ),
    EvidenceCode(
        "shared_ip_block", "campaign", 0.15, "大量投诉来自同一 IP 段", "many members filed from one IP block"
    ),
    EvidenceCode("overdue_borrowers", "campaign", 0.1, "投诉客户多处于逾期", "most customers are overdue"),
    EvidenceCode(
        "incident_guard",
        "campaign",
        -0.7,
        "疑似真实事件（无组织者关联）",
        "looks like a real incident (no organiser tie)",
    ),
    EvidenceCode(
        "co_timed_filing",
        "campaign",
        0.3,
        "多个独立团伙在相同时段成批提交、诉求相同：同一机构",
        "separately tied groups filed in the same sessions with the same demands: one agency",
    ),
    EvidenceCode(
        "coached_wave",
        "campaign",
        0.3,
        "一批投诉在同一时段集中提交同一套代理机构式诉求：统一组织代投或指导投诉",
        "complaints carrying the same agency package filed in one session: filed or coached together",
    ),
    EvidenceCode(
        "shared_office",
        "campaign",
        0.3,
        "多个团伙的投诉来自同一个只有它们使用的办公网络：同一机构",
        "separately tied groups filed from one office network that only they use: one agency",
    ),
    EvidenceCode(
        "sim_pool",
        "campaign",
        0.3,
        "多个团伙各用虚拟运营商号码为多名借款人投诉，诉求同类、时段重合：同一机构的租用号卡池",
        "separately tied groups each filing for several borrowers from virtual-operator SIMs, asking the same "
        "kind of thing in the same period: one agency's rented SIM pool",
    ),
    EvidenceCode(
        "coached_script",
        "campaign",
        0.3,
        "多个不同时段的指导投诉会话用同一份话术：同一指导群",
        "coached sessions at different hours written from one script: one coaching group",
    ),
    EvidenceCode(
        "similarity_only",
        "campaign",
        -1.0,
        "无协同证据，仅相似/时间集中：列为观察，得分封顶（不认定团伙）",
        "no evidence of coordination, only similarity or timing: on watch, score capped (not a campaign)",
        dynamic=True,
    ),
    EvidenceCode(
        "reported_party",
        "campaign",
        0.0,
        "多名客户在具体诉求中提及同一号码：投诉对象，非组织者",
        "one number quoted in many customers' grievances: the party complained about, not an organiser",
    ),
    EvidenceCode(
        "small_cluster",
        "campaign",
        -0.5,
        "涉及客户少于 3 名：两名客户同时投诉常属巧合",
        "fewer than 3 customers: two customers alike are a coincidence as often as a campaign",
    ),
    # -- complaint signals (signals/record.py)
    EvidenceCode(
        "campaign_member",
        "complaint",
        1.0,
        "属于疑似代投诉团伙",
        "member of a suspected complaint campaign",
        dynamic=True,
    ),
    EvidenceCode(
        "watch_member",
        "complaint",
        0.0,
        "所在簇为观察对象（相似或集中，但无协同证据），不计分",
        "member of a cluster on watch (similar or timed, no evidence of coordination): not scored",
    ),
    EvidenceCode(
        "campaign_timing_match",
        "complaint",
        0.0,
        "按还款日时机与诉求关联到团伙（较弱关联）",
        "attached to a due-date-timed campaign by timing and demands (weaker link)",
    ),
    EvidenceCode(
        "fake_lawyer_licence",
        "complaint",
        0.4,
        "本投诉所称律师执业证号为信用代码或无效号码",
        "this complaint quotes a fake licence number",
    ),
    EvidenceCode(
        "agency_demands",
        "complaint",
        0.2,
        "本投诉提出代理机构式诉求",
        "this complaint makes an agency's package of demands",
    ),
    EvidenceCode(
        "black_gray_vocabulary",
        "complaint",
        0.15,
        "本投诉含黑灰产用语或变体写法",
        "this complaint uses jargon or code words",
    ),
    # -- complaint-level roll-ups of the material findings (materials/__init__.py)
    EvidenceCode(
        "material_forged",
        "complaint",
        0.0,
        "附件材料存在伪造或篡改迹象",
        "an attachment shows signs of forgery or tampering",
        dynamic=True,
    ),
    EvidenceCode(
        "material_reused_across_borrowers",
        "complaint",
        0.0,
        "附件材料被多个借款人重复使用",
        "an attachment is reused across borrowers",
        dynamic=True,
    ),
    EvidenceCode(
        "material_name_mismatch",
        "complaint",
        0.0,
        "附件材料上的身份信息不是该借款人",
        "an attachment names someone other than the borrower",
        dynamic=True,
    ),
    EvidenceCode(
        "material_fake_licence",
        "complaint",
        0.0,
        "律师函资质可疑（执业证号/事务所）",
        "the lawyer letter's credentials are fake",
        dynamic=True,
    ),
    # -- the alliance (alliance/member.py): shown, not scored
    EvidenceCode(
        "alliance_confirmed",
        "complaint",
        0.0,
        "该投诉中的指标已被 N 家联盟成员确认为黑灰产（含最早发现时间）",
        "an indicator in this complaint was confirmed as black/gray by N alliance members (with first seen)",
    ),
    # -- material findings (materials/*.py)
    EvidenceCode(
        "material_meta_editor",
        "material",
        0.5,
        "元数据显示经图片/PDF 编辑软件保存",
        "metadata names an image or PDF editor as the last writer",
        family="material_forged",
    ),
    EvidenceCode(
        "material_meta_modified_later",
        "material",
        0.15,
        "修改时间明显晚于拍摄/创建时间",
        "modified well after it was taken / created",
        family="material_forged",
    ),
    EvidenceCode(
        "material_jpeg_requantized",
        "material",
        0.1,
        "声称相机拍摄，但 JPEG 量化表是 libjpeg 标准表（弱佐证：许多手机和扫描仪也用标准表，单独不足以标记）",
        "camera EXIF but standard libjpeg quantisation tables (weak support only: many phones and "
        "scanners use them; never flags on its own)",
        family="material_forged",
    ),
    EvidenceCode(
        "material_pdf_incremental_edit",
        "material",
        0.6,
        "PDF 有追加修订（多个 %%EOF），列出改动",
        "PDF has incremental updates (several %%EOF); the changes are shown",
        family="material_forged",
    ),
    EvidenceCode(
        "material_pdf_produced_after_issue",
        "material",
        0.5,
        "PDF 文件生成时间远晚于其落款日期",
        "the PDF was produced long after the date printed on it",
        family="material_forged",
    ),
    EvidenceCode(
        "material_pixel_patch",
        "material",
        0.55,
        "图像局部噪声与周围纸面不一致（疑似粘贴/涂改区域）",
        "a region's noise level differs from the paper around it: likely pasted or painted over",
        family="material_forged",
    ),
    EvidenceCode(
        "material_reused_across_borrowers",
        "material",
        0.7,
        "同一或近似图片被不同借款人作为材料提交",
        "the same or a near-same image is attached for different borrowers",
        family="material_reused_across_borrowers",
    ),
    EvidenceCode(
        "material_text_reused_across_borrowers",
        "material",
        0.6,
        "同一版式、同一编号/身份证号，仅姓名不同，出现在不同借款人的材料中",
        "same layout and serial / ID number, only the name differs, for different borrowers",
        family="material_reused_across_borrowers",
    ),
    EvidenceCode(
        "material_id_invalid",
        "material",
        0.5,
        "身份证号校验位、出生日期或地区码无效",
        "resident ID number fails its checksum, birth date or region code",
        family="material_forged",
    ),
    EvidenceCode(
        "material_name_mismatch",
        "material",
        0.5,
        "材料上的姓名不是该借款人",
        "the name on the document is not the borrower's",
        family="material_name_mismatch",
    ),
    EvidenceCode(
        "material_name_inconsistent",
        "material",
        0.5,
        "同一份材料内出现不同的姓名（粘贴未改全）",
        "two different names inside one document (a paste that missed one)",
        family="material_forged",
    ),
    EvidenceCode(
        "material_id_mismatch",
        "material",
        0.5,
        "材料上的身份证号不是该借款人的",
        "the ID number on the document is not the borrower's",
        family="material_name_mismatch",
    ),
    EvidenceCode(
        "material_issued_after_complaint",
        "material",
        0.5,
        "出具日期晚于投诉提交日期",
        "issue date is after the complaint that attached it",
        family="material_forged",
    ),
    EvidenceCode(
        "material_issued_long_after_event",
        "material",
        0.5,
        "出具日期远晚于所证明事件",
        "issued long after the event it certifies",
        family="material_forged",
    ),
    EvidenceCode(
        "material_event_after_issue",
        "material",
        0.5,
        "所证明事件日期晚于出具日期",
        "the certified event is dated after the document's own issue date",
        family="material_forged",
    ),
    EvidenceCode(
        "material_stay_contradicts_dates",
        "material",
        0.5,
        "所写住院天数与入院、出院日期不符",
        "the stated length of stay contradicts the admission and discharge dates",
        family="material_forged",
    ),
    EvidenceCode(
        "material_date_impossible",
        "material",
        0.5,
        "材料上的日期在日历上不存在（如 2月30日）",
        "a date on the document does not exist in the calendar (such as 30 February)",
        family="material_forged",
    ),
    EvidenceCode(
        "material_seal_issuer_mismatch",
        "material",
        0.35,
        "印章文字与出具单位不符",
        "seal text does not match the issuing body",
        family="material_forged",
    ),
    EvidenceCode(
        "material_seal_names_other_body",
        "material",
        0.55,
        "印章环形文字清楚读出另一个（名称相近的）单位，不是出具单位",
        "the seal's ring text clearly reads another (look-alike) body than the issuer",
        family="material_forged",
    ),
    EvidenceCode(
        "material_seal_copied",
        "material",
        0.55,
        "同一个印章印迹（设计、环形文字、墨迹逐笔一致）出现在不同文件上（数字复制）",
        "one seal impression (same design, ring text and ink, stroke by stroke) on two different "
        "documents (a digital copy)",
        family="material_forged",
    ),
    EvidenceCode(
        "material_fake_licence",
        "material",
        0.6,
        "律师执业证号格式无效或填的是机构信用代码",
        "lawyer licence number malformed or is an organisation's credit code",
        family="material_fake_licence",
    ),
    EvidenceCode(
        "material_not_law_firm",
        "material",
        0.5,
        "律师函出具方不是律师事务所（信用代码非 31 开头或名称不符）",
        "the lawyer letter's issuer is not a law firm (credit code not 31…, or name)",
        family="material_fake_licence",
    ),
    EvidenceCode(
        "material_uscc_invalid",
        "material",
        0.3,
        "统一社会信用代码校验失败",
        "unified social credit code fails its checksum",
        family="material_forged",
    ),
    EvidenceCode(
        "material_unreadable",
        "material",
        0.1,
        "文件无法解析",
        "the file cannot be parsed",
        family="material_forged",
    ),
    # -- post signals (posts/scoring.py)
    EvidenceCode(
        "post_intent",
        "post",
        1.0,
        "意图模型判定为广告/招代理的概率",
        "the intent model's probability that the post is an ad or recruitment",
        dynamic=True,
    ),
    EvidenceCode(
        "post_lexicon_term",
        "post",
        1.0,
        "出现黑灰产用语（按用语权重，变体写法加权）",
        "black/gray-industry term (its lexicon weight, more for a disguised spelling)",
        dynamic=True,
    ),
    EvidenceCode(
        "post_private_contact",
        "post",
        0.4,
        "留有私人联系方式（配合黑灰产用语时更强）",
        "private contact (stronger next to black/gray terms)",
        dynamic=True,
    ),
    EvidenceCode(
        "post_no_reach",
        "post",
        0.0,
        "未留联系方式或私聊邀请：广告证据减半",
        "no contact or invitation to message: ad evidence counted at half",
    ),
    EvidenceCode(
        "post_context_suppressed",
        "post",
        0.0,
        "用语出现在非广告语境（警示/公告/新闻/提问等，由意图模型判定），不计分",
        "terms inside a post the intent model reads as not an ad (warning, notice, news, question...), not counted",
    ),
)

CODES: dict[tuple[str, str], EvidenceCode] = {(r.scope, r.code): r for r in _ROWS}


def code(scope: str, name: str) -> EvidenceCode:
    """The row of (scope, code); an unknown code is a programming error, said plainly."""
    try:
        return CODES[(scope, name)]
    except KeyError:
        raise KeyError(f"unknown evidence code {scope}.{name}; add it to qinglang.codes") from None


def default_weight(scope: str, name: str) -> float:
    return code(scope, name).weight


def in_scope(scope: str) -> list[EvidenceCode]:
    """Rows of one scope in table order (the order docs list them)."""
    return [r for r in _ROWS if r.scope == scope]
