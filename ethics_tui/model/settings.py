"""Office settings and divisions."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields

from ethics_tui.errors import ValidationError
from ethics_tui.model.text import TextChecked

OFFICE_TYPES = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "องค์การบริหารส่วนจังหวัด")
DIGITS_CHOICES = ("thai", "arabic")
#: "year": exports go into a subfolder per fiscal year (exports/2569/...); "flat": all in one
EXPORTS_LAYOUTS = ("year", "flat")


@dataclass
class OfficeSettings(TextChecked):
    SINGLE_LINE = (
        "office_name",
        "office_type",
        "district",
        "province",
        "phone",
        "email",
        "executive_name",
        "executive_title",
        "letter_prefix",
        "digits",
        "emblem_path",
        "exports_dir",
        "exports_layout",
        "sign_in_place",
    )

    office_name: str = ""  # full name, e.g. "องค์การบริหารส่วนตำบลเชียงพิณ"
    office_type: str = OFFICE_TYPES[0]
    district: str = ""  # อำเภอ
    province: str = ""  # จังหวัด
    address: str = ""  # postal address, printed on letters
    phone: str = ""
    email: str = ""
    executive_name: str = ""  # e.g. "นายสมชาย ใจดี"
    executive_title: str = ""  # e.g. "นายกองค์การบริหารส่วนตำบลเชียงพิณ"
    letter_prefix: str = ""  # outgoing letter prefix, e.g. "อด ๗๑๒๐๑"
    digits: str = "thai"  # "thai" or "arabic": digits on documents and screens
    emblem_path: str = ""  # optional emblem/logo image for orders and announcements
    font_path: str = ""  # optional TH Sarabun .ttf for documents (else found on the system, else Sarabun scaled)
    title_pt: int = 16  # nominal size of document titles (คำสั่ง…, ประกาศ…), as in the office's templates
    idle_minutes: int = 15  # sign out a session left idle this long (0 = never)
    exports_dir: str = ""  # where every export goes ("" = exports/ beside the data folder); service.exports
    exports_layout: str = "year"  # EXPORTS_LAYOUTS: a subfolder per fiscal year, or all in one folder
    #: where staff sign in, printed on their account slips ("http://192.168.1.10:8000", "the HR
    #: office's PC"); "" = the slip says to ask the HR officer
    sign_in_place: str = ""
    rev: int = 0

    @classmethod
    def from_dict(cls, data: dict) -> OfficeSettings:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def configured(self) -> bool:
        return bool(self.office_name.strip())

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if not self.office_name.strip():
            errors["office_name"] = ("ต้องกรอกชื่อหน่วยงาน", "Office name is required")
        if self.digits not in DIGITS_CHOICES:
            errors["digits"] = ("ตัวเลขต้องเป็น thai หรือ arabic", "Digits must be thai or arabic")
        if self.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", self.email.strip()):
            errors["email"] = ("อีเมลไม่ถูกต้อง", "Invalid e-mail address")
        try:
            title_ok = 12 <= int(str(self.title_pt or 16).strip()) <= 36
        except ValueError:
            title_ok = False
        if not title_ok:
            errors["title_pt"] = ("ขนาดตัวอักษรหัวเรื่องต้องเป็นตัวเลข 12 ถึง 36 พอยต์", "Title size must be 12 to 36 pt")
        if self.font_path and not str(self.font_path).strip().lower().endswith(".ttf"):
            errors["font_path"] = ("ไฟล์แบบอักษรต้องเป็น .ttf (เช่น THSarabunNew.ttf)", "The font must be a .ttf file")
        if (
            not isinstance(self.idle_minutes, int)
            or isinstance(self.idle_minutes, bool)
            or not 0 <= self.idle_minutes <= 480
        ):
            errors["idle_minutes"] = (
                "นาทีที่ออกจากระบบเมื่อไม่มีการใช้งานต้องเป็น 0-480 (0 = ไม่ออกเอง)",
                "idle sign-out minutes must be 0-480 (0 = never)",
            )
        if self.exports_layout not in EXPORTS_LAYOUTS:
            errors["exports_layout"] = (
                "เลือกแยกโฟลเดอร์ตามปีงบประมาณ หรือรวมไว้ในโฟลเดอร์เดียว",
                "choose a folder per fiscal year or one folder",
            )
        if len(self.sign_in_place or "") > 200:
            errors["sign_in_place"] = ("ที่เข้าสู่ระบบยาวเกิน 200 ตัวอักษร", "where to sign in: at most 200 characters")
        if errors:
            raise ValidationError(errors)


@dataclass
class Division(TextChecked):
    SINGLE_LINE = ("name",)

    name: str
    active: bool = True
    id: int | None = None
    rev: int = 0

    @classmethod
    def from_doc(cls, doc_id: int, data: dict) -> Division:
        return cls(
            name=data.get("name", ""),
            active=bool(data.get("active", True)),
            id=doc_id,
            rev=int(data.get("rev", 0)),
        )

    def to_dict(self) -> dict:
        return {"name": self.name, "active": self.active, "rev": self.rev}

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError({"name": ("ต้องกรอกชื่อกอง", "Division name is required")})


DEFAULT_DIVISIONS = (
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา ศาสนาและวัฒนธรรม",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม",
    "กองยุทธศาสตร์และงบประมาณ",
    "หน่วยตรวจสอบภายใน",
)
