"""Workbench labels, Chinese first with English alongside.

Templates call `t("key")`; a missing English label falls back to Chinese and a missing key shows
the key itself, so a forgotten label is visible rather than an error.
"""

from __future__ import annotations

LANGS = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("清朗 · 分析工作台", "Qinglang · analyst workbench"),
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "username": ("用户名", "Username"),
    "password": ("密码", "Password"),
    "login_failed": ("用户名或密码错误", "Wrong username or password"),
    "lineage_new": ("新出现", "new"),
    "lineage_continued": ("延续", "continued"),
    "lineage_split": ("拆分自", "split"),
    "lineage_merged": ("合并", "merged"),
    "lineage_from": ("对应上次扫描的", "previous scan's"),
    "lineage_delta": ("较上次 +{a} 件 / −{r} 件", "+{a} / −{r} complaints since the last scan"),
    "lineage_new_indicators": ("新线索", "new indicators"),
    "campaign_key": ("团伙编号", "Campaign key"),
    "campaign_evidence": (
        "团伙证据（每项信号及其数据）",
        "Campaign evidence (every signal with its figures)",
    ),
    "graph_cap": ("图中显示最新 {n} / {m} 件投诉", "the graph shows the newest {n} of {m} complaints"),
    "members_page": ("第 {a}–{b} 件 / 共 {m} 件", "{a}–{b} of {m}"),
    "sort_newest": ("最新在前", "Newest first"),
    "sort_oldest": ("最早在前", "Oldest first"),
    "sort_score": ("按分数", "By score"),
    "bulk_selected": ("已选 {n} 件", "{n} selected"),
    "select_page": ("全选本页", "Select this page"),
    "bulk_genuine": ("标记为真实投诉", "Mark genuine"),
    "bulk_answered": ("标记为已答复", "Mark answered"),
    "dlg_bulk_text": (
        "将把选中的 {n} 件投诉标记为“{v}”，每件都记入审计日志。",
        "The {n} selected complaints will be marked “{v}”; each is written to the audit log.",
    ),
    "absorbed_keys": ("已并入", "merged in"),
    "order_changes": ("新增与增长优先", "New and growing first"),
    "order_score": ("按分数", "By score"),
    "where_now": ("最新扫描中为", "In the latest scan"),
    "lane_total": ("待答复 {n} 件（时限 {d} 天）", "{n} waiting for an answer (SLA {d} days)"),
    "sla_overdue": ("已超时（{d} 天）", "overdue ({d} days)"),
    "sla_left": ("剩 {d} 天", "{d} days left"),
    "login_locked": ("尝试次数过多，请稍后再试", "Too many failed attempts: try again later"),
    "reason": ("理由", "Reason"),
    "queue": ("疑似团伙队列", "Suspected campaigns"),
    "quick_lane": ("真实投诉快速通道", "Genuine complaints — quick lane"),
    "quick_lane_hint": (
        "未被判为团伙、需要尽快答复的真实诉求（消费者权益保护）",
        "Unflagged complaints that need a fast answer (consumer protection)",
    ),
    "incidents": (
        "真实事件（同一故障集中投诉，优先处理）",
        "Incidents (one fault, many customers: answer first)",
    ),
    "incident_line": ("{n} 件 / {c} 名客户", "{n} complaints / {c} customers"),
    "status_campaign": ("团伙", "campaign"),
    "status_watch": ("观察", "watch"),
    "status_incident": ("真实事件", "incident"),
    "status_cluster": ("一般簇", "cluster"),
    "cases": ("案件", "Cases"),
    "audit": ("审计日志", "Audit log"),
    "campaign": ("团伙", "Campaign"),
    "campaigns": ("团伙", "Campaigns"),
    "score": ("评分", "Score"),
    "size": ("投诉数", "Complaints"),
    "time_span": ("时间跨度", "Time span"),
    "top_reasons": ("主要理由", "Top reasons"),
    "verdict": ("结论", "Verdict"),
    "no_scan": ("尚无扫描结果：请先运行 qinglang scan。", "No scan yet: run `qinglang scan` first."),
    "timeline": ("投诉时间线（集中爆发）", "Timeline (the burst)"),
    "template": ("模板文本", "Template text"),
    "member_diffs": ("成员与模板的差异（高亮为不同之处）", "Members vs template (differences highlighted)"),
    "graph": ("关联图谱", "Entity graph"),
    "geo": ("手机号归属地分布", "Phone 归属地 (region) distribution"),
    "organizers": ("组织者候选", "Organiser candidates"),
    "why": ("依据", "Why"),
    "indicators": ("关联指标", "Indicators"),
    "materials": ("材料核验", "Materials findings"),
    "members": ("成员投诉", "Member complaints"),
    "kind": ("类型", "Kind"),
    "value": ("值", "Value"),
    "count": ("次数", "Count"),
    "complaint": ("投诉", "Complaint"),
    "received_at": ("接收时间", "Received"),
    "channel": ("渠道", "Channel"),
    "phone": ("电话", "Phone"),
    "region": ("归属地", "Region"),
    "reasons": ("判定理由", "Reasons"),
    "weight": ("权重", "Weight"),
    "customer": ("客户借款情况", "Customer's loan"),
    "name": ("姓名", "Name"),
    "principal": ("本金", "Principal"),
    "next_due": ("下次还款日", "Next due date"),
    "overdue_days": ("逾期天数", "Days overdue"),
    "id_number": ("身份证号", "ID number"),
    "history": ("该客户的其他投诉", "Customer's other complaints"),
    "confirm": ("确认为团伙", "Confirm campaign"),
    "dismiss": ("排除", "Dismiss"),
    "mark_genuine": ("标记为真实投诉", "Mark genuine"),
    "mark_answered": ("已答复（移出快速通道）", "Answered (leave the quick lane)"),
    "answered": ("已答复", "Answered"),
    "police_filed": ("公安已立案", "Police filed a case"),
    "police_declined": ("公安不予立案", "Police declined"),
    "police_closed": ("公安已结案", "Police closed the case"),
    "note": ("备注", "Note"),
    "add_note": ("添加备注", "Add note"),
    "notes": ("备注与结论记录", "Verdicts and notes"),
    "who": ("操作人", "Who"),
    "when": ("时间", "When"),
    "unmask": ("显示完整号码（将记录审计）", "Show full numbers (audited)"),
    "masked_hint": ("号码已脱敏", "Numbers are masked"),
    "case": ("案件", "Case"),
    "status": ("状态", "Status"),
    "status_open": ("新建（待审）", "New (to review)"),
    "status_under_review": ("审查中", "Under review"),
    "status_referred": ("已移送", "Referred"),
    "status_closed": ("已结案", "Closed"),
    "move_to": ("变更为", "Move to"),
    "export_pack": ("导出证据包（固化证据）", "Export evidence pack"),
    "open_case": ("查看案件", "Open case"),
    "created": ("创建", "Created"),
    "action": ("操作", "Action"),
    "target": ("对象", "Target"),
    "detail": ("详情", "Detail"),
    "role": ("角色", "Role"),
    "similarity": ("相似度", "Similarity"),
    "urgency": ("紧急事项", "Urgency"),
    "genuine": ("已标记真实", "Marked genuine"),
    "file": ("文件", "File"),
    "findings": ("发现", "Findings"),
    "none": ("无", "None"),
    "saved": ("已保存", "Saved"),
    "submitted": ("在线提交", "Submitted online"),
    "first_seen": ("首次", "First seen"),
    "last_seen": ("最后", "Last seen"),
    "run": ("扫描批次", "Scan run"),
    "materials_clean": ("另有 {n} 个文件未发现问题（未列出）", "{n} more files showed nothing (not listed)"),
    # governance: confirmation dialogs, role rules, the audit page
    "dialog_note": ("备注（写入记录）", "Note (kept in the record)"),
    "dialog_note_required": ("备注（必填，写入记录）", "Note (required, kept in the record)"),
    "dialog_cancel": ("取消", "Cancel"),
    "dialog_ok": ("确定", "Go ahead"),
    "note_required": ("请填写备注", "A note is required"),
    "dlg_confirm_text": (
        "将 {id} 确认为团伙：记录你的结论，并为它新建案件（待审）。",
        "Confirm {id} as a campaign: your verdict is recorded and a case is opened for it.",
    ),
    "dlg_dismiss_text": (
        "将 {id} 排除（不是团伙）：记录你的结论和备注，它不再按团伙处理。",
        "Dismiss {id} (not a campaign): your verdict and note are recorded; it is no longer treated as a campaign.",
    ),
    "dlg_dismiss_case_text": (
        "将 {id} 排除：其案件 {case}（{status}）将随之结案，你的备注写入案件记录；结案后不能重新打开。",
        "Dismiss {id}: its case {case} ({status}) is closed with it and your note goes into the case's "
        "record; a closed case cannot be reopened.",
    ),
    "dismiss_locked": (
        "该团伙的案件 {case} 为「{status}」，只有组长可以排除",
        "This campaign's case {case} is {status}: only a lead may dismiss it",
    ),
    "dlg_genuine_text": (
        "将投诉 {id} 标记为真实投诉：它进入快速通道，需尽快答复。",
        "Mark complaint {id} genuine: it enters the quick lane for a fast answer.",
    ),
    "dlg_answered_text": (
        "将投诉 {id} 标记为已答复：它移出快速通道。",
        "Mark complaint {id} answered: it leaves the quick lane.",
    ),
    "dlg_move_text": (
        "将案件 {id} 从「{from_}」变更为「{to}」。案件只能向前推进，不能退回。",
        "Move case {id} from {from_} to {to}. A case only moves forward, never back.",
    ),
    "dlg_refer_text": (
        "将案件 {id} 移送公安（已移送）：以已导出的证据包为移送材料；移送后只能结案，不能退回。",
        "Refer case {id} to the police: the exported evidence pack is what is handed over; a referred "
        "case can only be closed afterwards.",
    ),
    "dlg_close_text": (
        "将案件 {id} 结案：结案后不能重新打开。",
        "Close case {id}: a closed case cannot be reopened.",
    ),
    "referral_needs_pack": (
        "移送前须先导出证据包（固化证据）",
        "Export the evidence pack before referring the case",
    ),
    "audit_total": ("共 {n} 条", "{n} entries"),
    "audit_range": ("第 {a}–{b} 条，共 {n} 条", "{a}–{b} of {n}"),
    "all": ("全部", "All"),
    "target_id_hint": ("对象编号", "target id"),
    "date_from": ("起始日期", "From"),
    "date_to": ("截止日期", "To"),
    "apply_filter": ("筛选", "Filter"),
    "clear_filter": ("清除筛选", "Clear"),
    "export_csv": ("导出 CSV（将记录审计）", "Export CSV (audited)"),
    "prev_page": ("上一页", "Previous"),
    "next_page": ("下一页", "Next"),
}


def translator(lang: str):
    """A `t(key, **fmt)` for templates in `lang`."""
    idx = 1 if lang == "en" else 0

    def t(key: str, **fmt: object) -> str:
        pair = LABELS.get(key)
        if pair is None:
            return key
        text = pair[idx] or pair[0]
        return text.format(**fmt) if fmt else text

    return t
