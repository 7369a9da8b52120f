"""The list of attachments to build. Order is fixed; file names are assigned later (neutral names).

Fields: k (internal key), t (template), cap (phone|scan|png|pdf), iss (issuer key), kinds (forgery kinds),
cg (complaint group: same value => one complaint with several attachments, same customer),
opt: capture/forgery options.
"""

G = []  # genuine


def g(k, t, cap, iss, cg=None, **opt):
    G.append(dict(k=k, t=t, cap=cap, iss=iss, kinds=[], cg=cg, opt=opt))


# ---- ten pairs of issuers whose seals differ only in the ring text ----
g("G01", "diagnosis", "phone", "h1", pair="P01")
g("G02", "diagnosis", "scan", "h2", pair="P01")
g("G03", "inpatient", "pdf", "hw1", pair="P02", producer="his")
g("G04", "discharge", "phone", "hw2", pair="P02")
g("G05", "police", "phone", "pol1", pair="P03")
g("G06", "police", "scan", "pol2", pair="P03", scanner_exif=True)
g("G07", "unemp_reg", "png", "hrs1", pair="P04", png="edoc")
g("G08", "unemp_reg", "pdf", "hrs2", pair="P04", producer="wk")
g("G09", "poverty", "phone", "vil1", pair="P05")
g("G10", "poverty", "phone", "vil2", pair="P05", noexif=True)
g("G11", "unemployment", "scan", "st1", pair="P06")
g("G12", "unemployment", "phone", "st2", pair="P06")
g("G13", "resignation", "pdf", "co1", pair="P07", producer="word")
g("G14", "furlough", "png", "co2", pair="P07", png="edoc")
g("G15", "lawyer", "pdf", "lf1", pair="P08", producer="word365")
g("G16", "lawyer", "phone", "lf2", pair="P08")
g("G17", "dibao", "scan", "mz1", pair="P09", scanner_exif=True)
g("G18", "dibao", "phone", "mz2", pair="P09", tekun=True)
g("G19", "court_mediation", "pdf", "ct1", pair="P10", producer="wps")
g("G20", "court_notice", "scan", "ct2", pair="P10", gray=True)
# ---- other genuine documents ----
g("G21", "diagnosis", "pdf", "h1", producer="his", eseal_shared="h1")
g("G22", "inpatient", "pdf", "h1", producer="his", eseal_shared="h1")
g("G23", "diagnosis", "phone", "hp", cg="CG5")
g("G24", "diagnosis", "png", "hr", png="shot", app="榕医大一附院")
g("G25", "diagnosis", "phone", "hm", noexif=True)
g("G26", "diagnosis", "scan", "hp")
g("G27", "inpatient", "scan", "hr", cg="CG1", scanner_exif=True)
g("G28", "discharge", "phone", "hr", cg="CG1")
g("G29", "discharge", "png", "hm", png="shot", app="健康榕川")
g("G30", "death", "phone", "h2")
g("G31", "death", "scan", "hw1", cg="CG2")
g("G32", "cremation", "phone", "bin", cg="CG2")
g("G33", "resignation", "phone", "co3")
g("G34", "resignation", "png", "co5", png="edoc")
g("G35", "resignation", "scan", "co7")
g("G36", "income", "pdf", "co8", producer="word", benign_incremental=True)
g("G37", "income", "scan", "co5", scanner_exif=True)
g("G38", "unemployment", "phone", "st3")
g("G39", "unemp_reg", "png", "hrs1", png="shot", app="澜州人社")
g("G40", "poverty", "phone", "vil3")
g("G41", "dibao", "scan", "mz2")
g("G42", "lawyer", "pdf", "lf3", producer="word")
g("G43", "lawyer", "phone", "lf1")
g("G44", "lawyer", "scan", "lf3")
g("G45", "isolation", "phone", "cdc")
g("G46", "police", "phone", "pol3")
g("G47", "court_notice", "pdf", "ct1", producer="wps")
g("G48", "diagnosis", "phone", "hw1", cg="CG3")
g("G49", "inpatient", "phone", "hw1", cg="CG3")
g("G50", "furlough", "phone", "co6")
g("G51", "furlough", "scan", "co4", gray=True)
g("G52", "discharge", "pdf", "h2", producer="his")
g("G53", "unemp_reg", "png", "hrs2", png="edoc")
g("G54", "diagnosis", "phone", "h2", cg="CG4")
g("G55", "resignation", "pdf", "co9", producer="word")
g("G56", "poverty", "scan", "vil1")
g("G57", "isolation", "pdf", "cdc", producer="wk")
g("G58", "diagnosis", "phone", "hw2", noexif=True)
g("G59", "death", "phone", "hp")
g("G60", "income", "phone", "co1")

F = []  # forged


def f(k, t, cap, iss, kinds, cg=None, **opt):
    F.append(dict(k=k, t=t, cap=cap, iss=iss, kinds=kinds, cg=cg, opt=opt))


U = "uscc_as_lawyer_licence"
E = "edited_image"
RU = "reused_across_borrowers"
EP = "edited_pdf_incremental"
SC = "seal_copied_across_issuers"
NM = "name_id_mismatch"
DT = "date_inconsistent"
IV = "invalid_id_number"

# lawyer letters whose 执业证号 is an 18-character USCC
f("L1", "lawyer", "pdf", "fl1", [U], uscc=("91", "440300", "MA"), producer="word", tone="hard")
f("L2", "lawyer", "pdf", "fl2", [U], cg="CG4", uscc=("31", "310000", "MD"), producer="wps", tone="hard")
f("L3", "lawyer", "pdf", "fl4", [U], uscc=("91", "110105", "MA"), uscc2=True, producer="word", tone="hard")
f("L4", "lawyer", "phone", "fl3", [U], uscc=("91", "440300", "MA"), tone="hard")
f("L5", "lawyer", "scan", "fl6", [U], cg="CG5", uscc=("91", "440101", "D"), tone="polite")
f("L6", "lawyer", "png", "fl5", [U], uscc=("91", "450100", "MA"), png="edoc", tone="hard")
# edited hardship proofs (images)
f("E1", "unemployment", "phone", "st1", [E], edit=dict(fields=["name", "id"], visible=True, software="Adobe Photoshop 25.0 (Windows)"))
f("E2", "poverty", "phone", "vil2", [E], edit=dict(fields=["name", "id"], visible=False, software="Adobe Photoshop 24.7 (Windows)", xmp=True))
f("E3", "diagnosis", "phone", "h2", [E], edit=dict(fields=["name", "id"], visible=True, strip=True))
f("E4", "resignation", "png", "co3", [E], png="edoc", edit=dict(fields=["name", "id"], visible=False, png_software="Adobe ImageReady", xmp=True))
f("E5", "inpatient", "scan", "hw1", [E], edit=dict(fields=["name", "id"], visible=True, software="MTXX 7.5.0.0"))
f("E6", "death", "phone", "h1", [E], edit=dict(fields=["name", "id"], visible=True, strip=True))
# documents re-used across borrowers
f("R1a", "poverty", "phone", "vil1", [RU], reuse=("RG1", "name_id"))
f("R1b", "poverty", "phone", "vil1", [RU], reuse=("RG1", "name_id"))
f("R2a", "diagnosis", "scan", "hp", [RU, NM], reuse=("RG2", "name_only"))
f("R2b", "diagnosis", "scan", "hp", [RU, NM], reuse=("RG2", "name_only"))
f("R3a", "unemp_reg", "png", "hrs2", [RU], png="edoc", reuse=("RG3", "name_id"))
f("R3b", "unemp_reg", "png", "hrs2", [RU], png="edoc", reuse=("RG3", "name_id"))
f("R3c", "unemp_reg", "png", "hrs2", [RU], png="edoc", reuse=("RG3", "name_id"))
# PDFs edited after issue by an incremental update
f("I1", "resignation", "pdf", "co6", [EP], producer="word", incr=dict(fields=["name", "id"], tool="acrobat"))
f("I2", "diagnosis", "pdf", "h2", [EP], producer="his", incr=dict(fields=["name", "id"], tool="foxit"))
f("I3", "unemp_reg", "pdf", "hrs1", [EP], producer="wk", incr=dict(fields=["name", "id"], tool="xchange"))
f("I4", "dibao", "pdf", "mz1", [EP, NM], producer="wps", incr=dict(fields=["name"], tool="wpspdf"))
# seals copied across issuers (pixel-identical seal of another issuer's document in this set)
f("S1", "resignation", "png", "co9", [SC], png="edoc", seal_from="G14")
f("S2", "unemployment", "png", "st1", [SC], png="edoc", seal_from="G07")
f("S3", "diagnosis", "pdf", "h3", [SC], producer="his", seal_from="G21")
f("S4", "poverty", "scan", "gov1", [SC], seal_from="G17")
# name / ID not the borrower's
f("M1", "diagnosis", "phone", "hm", [NM], mismatch="other_person")
f("M2", "unemployment", "scan", "st2", [NM], mismatch="id_other")
f("M3", "resignation", "pdf", "co7", [NM], producer="word", mismatch="name_typo")
f("M4", "lawyer", "phone", "lf2", [NM], mismatch="other_person")
f("M5", "death", "scan", "hw2", [NM], mismatch="other_person")
f("M6", "poverty", "png", "vil3", [NM], png="shot", app="微信", mismatch="name_other")
# dates that make no sense
f("D1", "death", "phone", "h2", [DT], date_bad="death_months_before_issue")
f("D2", "resignation", "pdf", "co1", [DT], producer="word", date_bad="issued_before_event")
f("D3", "diagnosis", "scan", "hw1", [DT], date_bad="issued_after_complaint")
f("D4", "inpatient", "png", "hm", [DT], png="shot", app="健康榕川", date_bad="discharge_before_admission")
# invalid ID numbers
f("V1", "diagnosis", "phone", "hr", [IV], invalid="check_digit")
f("V2", "unemp_reg", "pdf", "hrs2", [IV], producer="wk", invalid="feb30")
f("V3", "resignation", "scan", "co4", [IV], invalid="check_digit")
f("V4", "poverty", "png", "vil1", [IV], png="edoc", invalid="month13")

ALL = G + F
