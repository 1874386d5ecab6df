"""Officer-written texts of the ITA outputs, stored per fiscal year (table ``ita_texts``).

The registers give the figures; these sections say what no register records: the office's
recruitment, appointment, reward and morale criteria, the HR plan, what was done on
recruitment / rewards / morale in the year, the responsible unit for complaints, and the
headings of the annual ethics report (editable until the official form for อปท. is known).
An empty stored value means "use the default", so improved defaults reach every office.
"""

from __future__ import annotations

from ethics_tui.errors import ValidationError
from ethics_tui.service.access import ALL, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.year_docs import save_year_doc, year_doc

register_permissions(
    {"ita.read": ALL, "ita.write": ("hr", "executive", "admin")},
    {
        "ita.read": ("ดูหลักฐาน ITA", "view the ITA evidence"),
        "ita.write": ("แก้ไขข้อความหลักฐาน ITA", "edit the ITA evidence texts"),
    },
)

TABLE = "ita_texts"
MAX_LEN = 4000

#: key -> (Thai label, English label, default text)
SECTIONS: dict[str, tuple[str, str, str]] = {
    "crit_recruitment": (
        "หลักเกณฑ์การสรรหาและคัดเลือก",
        "recruitment and selection criteria",
        "สรรหาและเลือกสรรตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัด (ก.อบต.จังหวัด) "
        "เรื่อง หลักเกณฑ์และเงื่อนไขเกี่ยวกับการบริหารงานบุคคล โดยเปิดเผยและประกาศรับสมัครทั่วไป",
    ),
    "crit_appointment": (
        "หลักเกณฑ์การแต่งตั้ง",
        "appointment criteria",
        "แต่งตั้ง โอน ย้าย และเลื่อนระดับตามหลักเกณฑ์ของ ก.อบต.จังหวัด โดยคำนึงถึงความรู้ความสามารถและผลการปฏิบัติงาน",
    ),
    "crit_development": (
        "หลักเกณฑ์การพัฒนาบุคลากร",
        "staff development criteria",
        "ผู้อำนวยการกองเสนอรายชื่อตามตำแหน่งและหน้าที่ งานการเจ้าหน้าที่ตรวจตามหลักเกณฑ์ "
        "และผู้บริหารอนุมัติพร้อมเหตุผล ผู้ไม่ได้รับคัดเลือกสอบถามเหตุผลได้",
    ),
    "crit_morale": (
        "หลักเกณฑ์การให้รางวัลและสร้างขวัญกำลังใจ",
        "reward and morale criteria",
        "พิจารณาเลื่อนขั้นค่าตอบแทนตามผลการประเมินผลการปฏิบัติงาน และยกย่องบุคลากรที่มีผลงานดีเด่น",
    ),
    "hr_plan": (
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
        "HR management and development plan",
        "ดำเนินการตามแผนอัตรากำลัง 3 ปี และแผนพัฒนาบุคลากรของหน่วยงาน ได้แก่ การสรรหาให้ครบตามกรอบอัตรากำลัง "
        "การพัฒนาบุคลากรทุกคนอย่างน้อยปีละหนึ่งครั้ง การประเมินผลการปฏิบัติงานปีละ 2 รอบ และการส่งเสริมคุณธรรมจริยธรรม",
    ),
    "ar_recruitment": ("ผลการสรรหาและแต่งตั้ง", "recruitment and appointment results", ""),
    "ar_rewards": ("ผลการให้รางวัลและยกย่อง", "rewards given", ""),
    "ar_morale": ("ผลการสร้างขวัญกำลังใจและสวัสดิการ", "morale and welfare", ""),
    "complaint_unit": ("หน่วยงานผู้รับผิดชอบเรื่องร้องเรียน", "unit responsible for complaints", "สำนักปลัด (ศูนย์รับเรื่องร้องเรียน)"),
    "eth_h1": ("หัวข้อรายงานจริยธรรม 1", "ethics report heading 1", "การส่งเสริมให้บุคลากรรับทราบและยึดถือประมวลจริยธรรม"),
    "eth_h2": ("หัวข้อรายงานจริยธรรม 2", "ethics report heading 2", "การให้คำปรึกษาและกลไกขับเคลื่อนจริยธรรม"),
    "eth_h3": ("หัวข้อรายงานจริยธรรม 3", "ethics report heading 3", "การพัฒนาและอบรมด้านจริยธรรม"),
    "eth_h4": ("หัวข้อรายงานจริยธรรม 4", "ethics report heading 4", "การรับเรื่องร้องเรียนและการดำเนินการ"),
}


def _doc(ctx: Context, fy: int) -> dict:
    return year_doc(ctx, TABLE, fy)


def get(ctx: Context, fy: int, key: str) -> str:
    """The text of ``key`` for ``fy`` (the default when never written)."""
    require(ctx, "ita.read")
    stored = str(_doc(ctx, fy).get("sections", {}).get(key, "") or "")
    return stored or SECTIONS[key][2]


def all_texts(ctx: Context, fy: int) -> dict[str, str]:
    return {k: get(ctx, fy, k) for k in SECTIONS}


def save(ctx: Context, fy: int, key: str, text: str) -> None:
    require(ctx, "ita.write")
    if key not in SECTIONS:
        raise ValidationError({"section": (f"ไม่รู้จักหัวข้อ {key}", f"unknown section {key}")})
    text = str(text or "").strip()
    if len(text) > MAX_LEN:
        raise ValidationError({key: ("ข้อความยาวเกิน 4,000 ตัวอักษร", "text longer than 4,000 characters")})
    if text == SECTIONS[key][2].strip():
        text = ""

    def set_text(data: dict) -> None:
        data["sections"] = {**data.get("sections", {}), key: text}

    save_year_doc(ctx, TABLE, fy, set_text, [key], kind=TABLE, empty={"sections": {}})
