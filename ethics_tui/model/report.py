"""The yearly measures 6-7 report: activities, their editable texts, and readiness checks."""

from __future__ import annotations

from dataclasses import dataclass, field

PERIOD_DEFAULT = "ตลอดปีงบประมาณ"
ITA_PASS_MARK = 85.0

MEASURE_TITLES = {
    6: "6.มาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล",
    7: "7.มาตรการแจ้งเบาะแสการทุจริตและประพฤติมิชอบ",
}


@dataclass(frozen=True)
class Activity:
    key: str
    measure: int
    title: str  # column 1, มาตรการ/กิจกรรม
    steps: str  # default of column 2 (our own words; editable per year)
    unit: str  # default of column 3
    register: str  # TUI register key to jump to from the readiness checklist


# Default texts are written for this product, in plain words; offices edit them per year.
ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "committee",
        6,
        "แต่งตั้งคณะที่ปรึกษาทางจริยธรรม",
        "1. ผู้บริหารออกคำสั่งแต่งตั้งคณะที่ปรึกษาทางจริยธรรม กำหนดองค์ประกอบและหน้าที่\n"
        "2. แจ้งคำสั่งให้บุคลากรทราบ และเปิดให้ขอคำปรึกษาได้โดยรักษาความลับของผู้ขอ\n"
        "3. บันทึกการให้คำปรึกษาและติดตามผล",
        "สำนักปลัด (งานการเจ้าหน้าที่)",
        "committee",
    ),
    Activity(
        "dos_donts",
        6,
        "ประกาศแนวทางปฏิบัติ Dos & Don'ts",
        "1. จัดทำแนวทางสิ่งที่ควรปฏิบัติและไม่ควรปฏิบัติ\n2. ผู้บริหารลงนามประกาศ\n3. เผยแพร่ทางเว็บไซต์ บอร์ดประชาสัมพันธ์ และช่องทางอื่น",
        "สำนักปลัด (งานการเจ้าหน้าที่)",
        "notices",
    ),
    Activity(
        "codes",
        6,
        "แจ้งเวียนประมวลจริยธรรมให้บุคลากรรับทราบ",
        "1. ทำหนังสือเวียนแจ้งประมวลจริยธรรมพร้อมสิ่งที่ส่งมาด้วย\n2. ให้บุคลากรลงลายมือชื่อรับทราบ\n3. ติดตามผู้ที่ยังไม่ได้รับทราบจนครบ",
        "สำนักปลัด/ทุกกอง",
        "notices",
    ),
    Activity(
        "appraisal",
        6,
        "ประเมินผลการปฏิบัติงานอย่างเป็นธรรม",
        "1. ประกาศหลักเกณฑ์การประเมินก่อนเริ่มรอบ\n2. แจ้งผลการประเมินให้ผู้รับการประเมินทราบและลงนามรับทราบ\n"
        "3. กรณีไม่ลงนาม ให้มีพยานลงนามว่าได้แจ้งผลแล้ว\n4. รับเรื่องร้องทุกข์ภายใน 30 วัน",
        "สำนักปลัด/ทุกกอง",
        "appraisal",
    ),
    Activity(
        "training",
        6,
        "คัดเลือกบุคลากรเข้ารับการฝึกอบรม ศึกษาดูงาน และรับทุนอย่างเป็นธรรม",
        "1. ผู้อำนวยการกองเสนอรายชื่อตามตำแหน่งและหน้าที่\n2. งานการเจ้าหน้าที่ตรวจตามหลักเกณฑ์และเสนอผู้บริหาร\n"
        "3. ผู้บริหารอนุมัติหรือไม่อนุมัติพร้อมเหตุผล\n4. ผู้ไม่ได้รับคัดเลือกสอบถามเหตุผลได้",
        "สำนักปลัด/ทุกกอง",
        "training",
    ),
    Activity(
        "complaints",
        7,
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและการคุ้มครองผู้ร้องเรียน",
        "1. เปิดช่องทางร้องเรียนหลายช่องทาง\n2. ออกใบรับเรื่องพร้อมรหัสติดตาม โดยปกปิดตัวผู้ร้องเรียน\n"
        "3. ติดตามการดำเนินการจนแล้วเสร็จและแจ้งผลผู้ร้องเรียน\n4. เผยแพร่สถิติเรื่องร้องเรียนรอบ 6 เดือนและรอบปี",
        "สำนักปลัด",
        "complaints",
    ),
)


@dataclass
class Check:
    """One readiness item: green / amber / red with the reason."""

    key: str
    status: str  # "green" | "amber" | "red"
    th: str
    en: str
    register: str = ""  # TUI register key that fixes it

    def message(self, lang: str = "th") -> str:
        return self.en if lang == "en" else self.th


@dataclass
class Facts:
    """What the records say for one activity in one fiscal year (generated, never typed)."""

    summary: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


@dataclass
class RowTexts:
    """The officer's editable texts for one activity row, stored per fiscal year."""

    steps: str = ""
    unit: str = ""
    period: str = ""
    extra_summary: str = ""  # a sentence the officer adds after the generated summary
    extra_results: str = ""


def ita_level(score: float | None, pass_mark: float = ITA_PASS_MARK) -> str:
    if score is None:
        return ""
    return "ผ่าน" if score >= pass_mark else "ไม่ผ่าน"
