"""Where a complaint against the local executive goes: the receiving bodies.

Since the กฎกระทรวง of 2563 (in force 2 Oct 2563) the supervising official investigates the
executive of a local office (นายอำเภอ for an อบต.); citizens also file at ศูนย์ดำรงธรรม
(district or province), ป.ป.ช. จังหวัด and ป.ป.ท. The office itself never does the fact-finding.
"""

from __future__ import annotations

from ethics_tui.model.labels import pick

#: key -> (Thai name, English name). The first is the default for an อบต.
RECEIVING_BODIES: dict[str, tuple[str, str]] = {
    "district_chief": ("นายอำเภอ (ผู้กำกับดูแลองค์การบริหารส่วนตำบล)", "the district chief (supervising official)"),
    "damrongtham_district": ("ศูนย์ดำรงธรรมอำเภอ", "the district Damrongtham centre"),
    "damrongtham_province": ("ศูนย์ดำรงธรรมจังหวัด", "the provincial Damrongtham centre"),
    "nacc_province": ("สำนักงาน ป.ป.ช. ประจำจังหวัด", "the provincial NACC office"),
    "pacc": ("สำนักงาน ป.ป.ท. (เขต)", "the PACC (regional office)"),
}


def supervising_official(office_type: str) -> str:
    """The official who supervises the executive of ``office_type`` (for an อบต.: นายอำเภอ)."""
    t = "".join(str(office_type or "").split())
    if "จังหวัด" in t or "อบจ" in t:
        return "ผู้ว่าราชการจังหวัด"
    if "นคร" in t or "เมือง" in t:
        return "ผู้ว่าราชการจังหวัด"
    return "นายอำเภอ"


def body_names(lang: str = "th", office_type: str = "") -> list[str]:
    names = [pick(v, lang) for v in RECEIVING_BODIES.values()]
    if office_type and lang != "en":
        names[0] = f"{supervising_official(office_type)} (ผู้กำกับดูแล)"
    return names


def is_receiving_body(text: str) -> bool:
    """Does ``text`` name one of the bodies (or ศูนย์ดำรงธรรม, as before)?"""
    s = "".join(str(text or "").split())
    words = ("นายอำเภอ", "ผู้ว่าราชการจังหวัด", "ศูนย์ดำรงธรรม", "ป.ป.ช", "ปปช", "ป.ป.ท", "ปปท")
    return any(w in s for w in words)


def rule_text(lang: str = "th") -> str:
    if lang == "en":
        return (
            "The accused is the local executive: refer the case to the supervising official (the district chief "
            "for an SAO), a Damrongtham centre (district or province), the provincial NACC office or the PACC; "
            "the office does no fact-finding itself"
        )
    return (
        "ผู้ถูกร้องเรียนเป็นผู้บริหารท้องถิ่น ต้องส่งเรื่องไปยังผู้กำกับดูแล (นายอำเภอ สำหรับ อบต.) "
        "ศูนย์ดำรงธรรมอำเภอหรือจังหวัด สำนักงาน ป.ป.ช. ประจำจังหวัด หรือ ป.ป.ท. — หน่วยงานไม่แสวงหาข้อเท็จจริงเอง"
    )
