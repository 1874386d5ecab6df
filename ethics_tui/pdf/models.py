"""Plain data for the document layouts. Registers build these; layouts only draw them.

Text is given as typed (Thai or Arabic digits); the layouts apply the office's digits
setting and Thai line breaking. Dates are ``datetime.date`` (Gregorian) and print in B.E.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Signer:
    name: str = ""  # "นายสมชาย ใจดี"; empty = the office's executive
    position: str = ""  # may hold several lines separated by "\n"


@dataclass
class NumberedList:
    items: list[str]
    title: str = ""  # optional line before the list


@dataclass
class Member:
    name: str
    position: str
    role: str  # ประธาน / รองประธาน / กรรมการ / กรรมการและเลขานุการ / ผู้ช่วยเลขานุการ


@dataclass
class Members:
    members: list[Member]


class Heading(str):
    """A heading in a body: kept with the lines that follow it (never at a page foot)."""


Block = str | NumberedList | Members  # a paragraph (a Heading is one), a numbered list or a member list


@dataclass
class OrderDoc:
    """คำสั่ง"""

    number: int
    year_be: int
    subject: str
    body: list[Block]
    signed_on: date
    effective: str = "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"
    signer: Signer = field(default_factory=Signer)


@dataclass
class AnnouncementDoc:
    """ประกาศ, with a two-part list of Dos (ควรปฏิบัติ) and Don'ts (ไม่ควรปฏิบัติ)."""

    subject: str
    body: list[Block]
    announced_on: date
    dos: list[str] = field(default_factory=list)
    donts: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=lambda: ["จึงประกาศมาเพื่อทราบโดยทั่วกัน"])
    signer: Signer = field(default_factory=Signer)


@dataclass
class CircularDoc:
    """หนังสือเวียน: "ที่ <prefix>/ว N"."""

    number: int
    subject: str
    to: str
    body: list[Block]
    dated: date
    references: list[str] = field(default_factory=list)  # อ้างถึง
    enclosures: list[str] = field(default_factory=list)  # สิ่งที่ส่งมาด้วย
    closing: str = "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ"
    sign_off: str = "ขอแสดงความนับถือ"
    signer: Signer = field(default_factory=Signer)
    unit: str = "สำนักปลัด งานการเจ้าหน้าที่"  # issuing unit, bottom left
    #: "external": หนังสือภายนอก form (Garuda 3 cm centred, address, ขอแสดงความนับถือ);
    #: "memo": บันทึกข้อความ form for the office's own staff (Garuda 1.5 cm top left)
    form: str = "external"


@dataclass
class SignoffPerson:
    name: str
    position: str
    division: str
    note: str = ""


@dataclass
class SignoffDoc:
    """ใบลงชื่อรับทราบ for one document."""

    document_title: str  # the document being acknowledged
    people: list[SignoffPerson]
    divisions: list[str] = field(default_factory=list)  # print order; others follow
    heading: str = "ใบลงชื่อรับทราบ"
    dated: date | None = None
    date_label: str = "วันที่"  # e.g. "พิมพ์เมื่อ"
    running_title: str = ""  # printed at the top of every page from page 2, with the page number


@dataclass
class ReportRow:
    """One row of the six-column ITA report table."""

    measure: str  # มาตรการ/กิจกรรม
    steps: str  # ขั้นตอน/วิธีการปฏิบัติ
    unit: str  # หน่วยงานผู้รับผิดชอบ
    period: str  # ระยะเวลาดำเนินการ
    summary: str  # สรุปผลการดำเนินการ
    outcome: str  # ผลลัพธ์หรือความสำเร็จ


@dataclass
class ReportGroup:
    title: str  # "6.มาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล"
    rows: list[ReportRow]


@dataclass
class ReportDoc:
    title: str
    fiscal_year_be: int
    groups: list[ReportGroup]
    intro: str = ""
    as_of: str = ""  # "(ข้อมูลถึงวันที่ … ปีงบประมาณยังไม่สิ้นสุด)" while the year is not over


@dataclass
class SlipField:
    label: str
    value: str = ""  # empty = a dotted blank to fill in by hand


@dataclass
class SlipDoc:
    """A one-page form or slip: title, labelled fields, signature / witness block."""

    title: str
    fields: list[SlipField]
    number: str = ""  # "เลขที่ ..." at the top right
    classification: str = ""  # e.g. "ลับ": printed at the top and the bottom of every page
    text: str = ""  # optional paragraph after the fields
    signatures: list[tuple[str, Signer]] = field(default_factory=list)  # (caption, signer)
    dated: date | None = None


@dataclass
class MemoColumn:
    title: str
    width: float  # mm; the widths of a memo table add up to about 160 (the text block)
    align: str = "L"  # L / C / R


@dataclass
class MemoTable:
    columns: list[MemoColumn]
    rows: list[list[str]]  # a cell may hold several lines separated by "\n"
    note: str = ""  # a bold line right under the table (e.g. a total)
    size: float = 13


@dataclass
class DecisionBox:
    """The executive's box under a memo: a heading, tick choices, and the signature."""

    choices: list[str]  # "( ) อนุมัติ" ...
    heading: str = "ความเห็นและคำสั่งของผู้บริหาร"
    signer: Signer = field(default_factory=Signer)  # empty = the office's executive


@dataclass
class MemoDoc:
    """บันทึกข้อความ (internal memo): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, the body, an
    optional table, more paragraphs, the closing, the signature and an optional decision box.

    Unlike the other layouts, an empty ``signer.name`` is left as a dotted line to sign (the
    officer who prepares a memo is not the executive)."""

    unit: str  # ส่วนราชการ before the office name, e.g. "สำนักปลัด งานการเจ้าหน้าที่"
    subject: str
    to: str  # เรียน
    body: list[Block]
    dated: date
    number: str = ""  # printed after "<letter prefix>/"; empty = a blank to fill in by hand
    table: MemoTable | None = None
    after_table: list[Block] = field(default_factory=list)
    closing: str = "จึงเรียนมาเพื่อโปรดพิจารณา"
    signer: Signer = field(default_factory=Signer)
    decision: DecisionBox | None = None


@dataclass
class AppraisalNoticeDoc:
    """แบบแจ้งผลการประเมินผลการปฏิบัติงาน: one page per person. The layout adds the
    "วันที่แจ้งผล" line, the grievance right, and the appraiser's, appraisee's and witness's
    blocks (dates filled in where recorded, dotted lines otherwise)."""

    period: str  # "ปีงบประมาณ 2569 รอบที่ 2 (1 เม.ย. 2569 - 30 ก.ย. 2569)"
    fields: list[SlipField]  # name, position, division, scores, level, comment
    appraiser: Signer
    appraisee: Signer
    grievance_days: int = 30
    notified_on: date | None = None
    signed_on: date | None = None  # the appraisee signed
    refused_on: date | None = None  # the appraisee refused in front of the witness
    refusal_note: str = ""
    witness: Signer = field(default_factory=Signer)  # empty name: a dotted line
    title: str = "แบบแจ้งผลการประเมินผลการปฏิบัติงาน"
