"""Names every document keeps whole: the office's own, its divisions and the usual posts.

Layouts add the people, positions and divisions of their own records; these are the names
any office document may mention (issue 13 item 6). Each is kept on one line where it fits;
when wider than its column it breaks between its words, never inside one (see wordbreak).
"""

from __future__ import annotations

from ethics_tui.model.settings import DEFAULT_DIVISIONS, OFFICE_TYPES, OfficeSettings

#: committees, bodies and documents that appear in the office's texts
BODIES = (
    "คณะที่ปรึกษาทางจริยธรรม",
    "คณะทำงานให้คำปรึกษาด้านจริยธรรม",
    "คณะทำงานขับเคลื่อนจริยธรรม",
    "คณะกรรมการกลางพนักงานส่วนท้องถิ่น",
    "คณะกรรมการกลางพนักงานส่วนตำบล",
    "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
    "ศูนย์ดำรงธรรมจังหวัด",
    "ศูนย์ดำรงธรรมอำเภอ",
    "ราชกิจจานุเบกษา",
    "ประมวลจริยธรรมของผู้บริหารท้องถิ่น",
    "ประมวลจริยธรรมของสมาชิกสภาท้องถิ่น",
    "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
    "งานการเจ้าหน้าที่",
)


def _short_type(office_type: str) -> str:
    return {"องค์การบริหารส่วนตำบล": "อบต.", "องค์การบริหารส่วนจังหวัด": "อบจ."}.get(office_type, "")


def office_names(settings: OfficeSettings) -> list[str]:
    """The office, its district and province, its divisions and the usual posts."""
    s = settings
    out = [s.office_name, s.executive_name, s.executive_title, *BODIES, *DEFAULT_DIVISIONS]
    if s.district:
        out += [f"อำเภอ{s.district}", s.district]
    if s.province:
        out += [f"จังหวัด{s.province}", s.province]
    kind = s.office_type if s.office_type in OFFICE_TYPES else OFFICE_TYPES[0]
    place = s.office_name[len(kind) :] if s.office_name.startswith(kind) else ""
    for t in {kind, s.office_type} - {""}:
        out += [f"นายก{t}", f"ปลัด{t}", f"รองปลัด{t}", f"หัวหน้าสำนักปลัด{t}", f"สมาชิกสภา{t}"]
        if place:
            out += [f"นายก{t}{place}", f"ปลัด{t}{place}", f"หัวหน้าสำนักปลัด{t}{place}"]
    short = _short_type(kind)
    if short:
        out += [f"นายก{short}", f"ปลัด{short}", f"รองปลัด{short}"]
    for d in DEFAULT_DIVISIONS:
        if d.startswith("กอง"):
            out.append(f"ผู้อำนวยการ{d}")
        elif d == "สำนักปลัด":
            out.append("หัวหน้าสำนักปลัด")
    return [n for n in out if n and n.strip()]


#: levels that Thai documents join to the line position ("นักทรัพยากรบุคคล" + "ชำนาญการ")
LINE_LEVELS = ("ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส")


def position_with_level(position: str, level: str, *, other_levels: bool = False) -> str:
    """ "นักทรัพยากรบุคคล" + "ชำนาญการ" -> "นักทรัพยากรบุคคลชำนาญการ", never the level twice
    (issue 13 item 9: a position typed with its level already in it stays as typed). Other
    levels (e.g. "อำนวยการท้องถิ่น ระดับกลาง") follow after a space with ``other_levels``."""
    position, level = (position or "").strip(), (level or "").strip()
    if not level or position.replace(" ", "").endswith(level.replace(" ", "")):
        return position
    if level in LINE_LEVELS:
        return position + level
    return f"{position} {level}".strip() if other_levels else position
