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


Block = str | NumberedList | Members  # a paragraph, a numbered list or a member list


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
    text: str = ""  # optional paragraph after the fields
    signatures: list[tuple[str, Signer]] = field(default_factory=list)  # (caption, signer)
    dated: date | None = None
