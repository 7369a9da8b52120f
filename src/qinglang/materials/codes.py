"""Finding codes of the material checks: stable identifiers, default weights, meanings.

One table (mirrored in docs/materials.md) so an analyst can look up any code a report shows.
Weights are configuration, not truth: they are the starting point that analyst verdicts tune.
A file's score combines its findings as a noisy-OR, 1 - prod(1 - w), so independent pieces of
evidence add up without ever exceeding 1.
"""

from __future__ import annotations

from qinglang.schema import Evidence

# code: (weight, complaint-level family, meaning zh, meaning en)
CODES: dict[str, tuple[float, str, str, str]] = {
    "material_meta_editor": (0.5, "material_forged", "元数据显示经图片/PDF 编辑软件保存",
                             "metadata names an image or PDF editor as the last writer"),
    "material_meta_modified_later": (0.15, "material_forged", "修改时间明显晚于拍摄/创建时间",
                                     "modified well after it was taken / created"),
    "material_jpeg_requantized": (0.25, "material_forged", "声称相机原图，但 JPEG 量化表是软件重新压缩的",
                                  "claims a camera original but the JPEG tables show a software re-save"),
    "material_pdf_incremental_edit": (0.6, "material_forged", "PDF 有追加修订（多个 %%EOF），列出改动",
                                      "PDF has incremental updates (several %%EOF); the changes are shown"),
    "material_pdf_produced_after_issue": (0.5, "material_forged", "PDF 文件生成时间远晚于其落款日期",
                                          "the PDF was produced long after the date printed on it"),
    "material_reused_across_borrowers": (0.7, "material_reused_across_borrowers",
                                         "同一或近似图片被不同借款人作为材料提交",
                                         "the same or a near-same image is attached for different borrowers"),
    "material_text_reused_across_borrowers": (0.6, "material_reused_across_borrowers",
                                              "同一版式、同一编号/身份证号，仅姓名不同，出现在不同借款人的材料中",
                                              "same layout and serial / ID number, only the name differs, "
                                              "for different borrowers"),
    "material_id_invalid": (0.5, "material_forged", "身份证号校验位、出生日期或地区码无效",
                            "resident ID number fails its checksum, birth date or region code"),
    "material_name_mismatch": (0.5, "material_name_mismatch", "材料上的姓名不是该借款人",
                               "the name on the document is not the borrower's"),
    "material_name_inconsistent": (0.5, "material_forged", "同一份材料内出现不同的姓名（粘贴未改全）",
                                   "two different names inside one document (a paste that missed one)"),
    "material_id_mismatch": (0.45, "material_name_mismatch", "材料上的身份证号不是该借款人的",
                             "the ID number on the document is not the borrower's"),
    "material_issued_after_complaint": (0.5, "material_forged", "出具日期晚于投诉提交日期",
                                        "issue date is after the complaint that attached it"),
    "material_issued_long_after_event": (0.4, "material_forged", "出具日期远晚于所证明事件",
                                         "issued long after the event it certifies"),
    "material_event_after_issue": (0.5, "material_forged", "所证明事件日期晚于出具日期",
                                   "the certified event is dated after the document's own issue date"),
    "material_seal_issuer_mismatch": (0.35, "material_forged", "印章文字与出具单位不符",
                                      "seal text does not match the issuing body"),
    "material_seal_copied": (0.55, "material_forged", "不同单位/不同文件上出现像素级相同的印章（数字复制）",
                             "a pixel-identical seal impression on documents of different issuers "
                             "(a digital copy)"),
    "material_fake_licence": (0.6, "material_fake_licence", "律师执业证号格式无效或填的是机构信用代码",
                              "lawyer licence number malformed or is an organisation's credit code"),
    "material_not_law_firm": (0.5, "material_fake_licence", "律师函出具方不是律师事务所（信用代码非 31 开头或名称不符）",
                              "the lawyer letter's issuer is not a law firm (credit code not 31…, or name)"),
    "material_uscc_invalid": (0.3, "material_forged", "统一社会信用代码校验失败",
                              "unified social credit code fails its checksum"),
    "material_unreadable": (0.1, "material_forged", "文件无法解析", "the file cannot be parsed"),
}

COMPLAINT_CODES: dict[str, tuple[str, str]] = {
    "material_forged": ("附件材料存在伪造或篡改迹象", "an attachment shows signs of forgery or tampering"),
    "material_reused_across_borrowers": ("附件材料被多个借款人重复使用", "an attachment is reused across borrowers"),
    "material_name_mismatch": ("附件材料上的身份信息不是该借款人", "an attachment names someone other than the borrower"),
    "material_fake_licence": ("律师函资质可疑（执业证号/事务所）", "the lawyer letter's credentials are fake"),
}


def finding(code: str, detail_zh: str, detail_en: str, refs: list[str] | None = None) -> Evidence:
    weight = CODES[code][0]
    return Evidence(code=code, weight=weight, detail_zh=detail_zh, detail_en=detail_en, refs=refs or [])


def combine(findings: list[Evidence]) -> float:
    """Noisy-OR of weights, counting each code once (the strongest instance)."""
    best: dict[str, float] = {}
    for f in findings:
        best[f.code] = max(best.get(f.code, 0.0), f.weight)
    p = 1.0
    for w in best.values():
        p *= 1.0 - max(0.0, min(1.0, w))
    return round(1.0 - p, 4)
