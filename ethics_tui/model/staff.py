"""A staff member of the office."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import label, labels_of
from ethics_tui.model.record import Record

STAFF_TYPES = (
    "พนักงานส่วนตำบล",
    "ลูกจ้างประจำ",
    "พนักงานจ้างตามภารกิจ",
    "พนักงานจ้างทั่วไป",
)
#: Also accepted (DOMAIN.md: teachers in child-development centres, municipal staff).
EXTRA_STAFF_TYPES = ("ข้าราชการครู", "พนักงานเทศบาล", "พนักงานส่วนจังหวัด")
ALL_STAFF_TYPES = STAFF_TYPES + EXTRA_STAFF_TYPES
#: Other names an office's own sheet uses for a type (spaces ignored) -> the type as stored. The
#: teachers of an อบต. / เทศบาล (child-development centres, its schools) are called
#: พนักงานครูองค์การบริหารส่วนตำบล / พนักงานครูเทศบาล, or ข้าราชการครู(และบุคลากรทางการศึกษา)
#: since the local teachers' title changed: all are stored as the one teacher type, ข้าราชการครู.
STAFF_TYPE_ALIASES = {
    "พนักงานครู": "ข้าราชการครู",
    "พนักงานครูองค์การบริหารส่วนตำบล": "ข้าราชการครู",
    "พนักงานครูอบต.": "ข้าราชการครู",
    "พนักงานครูเทศบาล": "ข้าราชการครู",
    "พนักงานครูส่วนท้องถิ่น": "ข้าราชการครู",
    "ข้าราชการครูและบุคลากรทางการศึกษา": "ข้าราชการครู",
    "ข้าราชการครูและบุคลากรทางการศึกษาองค์การบริหารส่วนตำบล": "ข้าราชการครู",
    "ข้าราชการครูและบุคลากรทางการศึกษาเทศบาล": "ข้าราชการครู",
    "ครู": "ข้าราชการครู",
    "พนักงานอบต.": "พนักงานส่วนตำบล",
    "พนักงานองค์การบริหารส่วนตำบล": "พนักงานส่วนตำบล",
    "พนักงานจ้างภารกิจ": "พนักงานจ้างตามภารกิจ",
    "พนักงานอบจ.": "พนักงานส่วนจังหวัด",
}


def staff_type_of(text: str) -> str:
    """The stored staff type for ``text`` as an office writes it (spaces ignored, aliases
    followed); ``text`` itself (trimmed) when it names none."""
    key = "".join(str(text or "").split())
    for stored in ALL_STAFF_TYPES:
        if key == stored:
            return stored
    return STAFF_TYPE_ALIASES.get(key, str(text or "").strip())


#: every staff type (as stored, Thai) -> (Thai, English) label
TYPE_LABELS = labels_of("staff.type_labels")


def type_label(staff_type: str, lang: str = "th") -> str:
    """A staff type in ``lang`` (the stored Thai for a type the table does not know)."""
    return label(TYPE_LABELS, staff_type, lang)


COMMON_PREFIXES = ("นาย", "นาง", "นางสาว")

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9๐-๙+\-\s(),#]{6,40}$")
_CODE_RE = re.compile(r"^[\w\-/.]{1,30}$")


@dataclass
class Staff(Record):
    SINGLE_LINE = (
        "prefix",
        "first_name",
        "last_name",
        "position",
        "staff_type",
        "code",
        "level",
        "start_date",
        "email",
        "phone",
    )

    prefix: str
    first_name: str
    last_name: str
    position: str
    division_id: int
    staff_type: str
    code: str = ""
    level: str = ""
    start_date: str = ""  # ISO date (Gregorian) or ""
    email: str = ""
    phone: str = ""
    active: bool = True
    id: int | None = None
    rev: int = 0

    @property
    def full_name(self) -> str:
        """ "นายสมชาย ใจดี": the prefix joins the first name without a space."""
        return f"{self.prefix}{self.first_name} {self.last_name}".strip()

    def start(self) -> date | None:
        return date.fromisoformat(self.start_date) if self.start_date else None

    def validate(self) -> None:
        """Raise ValidationError with every bad field (Thai and English reasons)."""
        errors: dict[str, tuple[str, str]] = {}
        for name, th, en in (
            ("prefix", "คำนำหน้า", "prefix"),
            ("first_name", "ชื่อ", "first name"),
            ("last_name", "นามสกุล", "last name"),
            ("position", "ตำแหน่ง", "position"),
        ):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                errors[name] = (f"ต้องกรอก{th}", f"{en} is required")
            elif len(value) > 120:
                errors[name] = (f"{th}ยาวเกิน 120 ตัวอักษร", f"{en} is longer than 120 characters")
        if not isinstance(self.level, str) or len(self.level) > 120:
            errors["level"] = ("ระดับยาวเกิน 120 ตัวอักษร", "level is longer than 120 characters")
        if not isinstance(self.division_id, int) or self.division_id <= 0:
            errors["division_id"] = ("ต้องเลือกกอง", "division is required")
        if self.staff_type not in ALL_STAFF_TYPES:
            errors["staff_type"] = (
                "ประเภทบุคลากรต้องเป็น " + " / ".join(ALL_STAFF_TYPES),
                "staff type must be one of " + " / ".join(ALL_STAFF_TYPES),
            )
        if self.code and not _CODE_RE.match(self.code):
            errors["code"] = (
                "รหัสต้องเป็นตัวอักษร ตัวเลข - / . ไม่เกิน 30 ตัว ไม่มีช่องว่าง",
                "code: letters, digits, - / . only, at most 30, no spaces",
            )
        if self.email and not _EMAIL_RE.match(self.email):
            errors["email"] = ("อีเมลไม่ถูกต้อง", "invalid e-mail address")
        if self.phone and not _PHONE_RE.match(self.phone):
            errors["phone"] = ("หมายเลขโทรศัพท์ไม่ถูกต้อง", "invalid phone number")
        if self.start_date:
            try:
                d = date.fromisoformat(self.start_date)
                if d > date.today().replace(year=date.today().year + 1):
                    errors["start_date"] = ("วันที่เริ่มงานอยู่ในอนาคตไกลเกินไป", "start date is too far in the future")
                elif d.year < 1940:
                    errors["start_date"] = ("วันที่เริ่มงานเก่าเกินไป", "start date is too old")
            except (TypeError, ValueError):
                errors["start_date"] = ("วันที่เริ่มงานไม่ถูกต้อง", "invalid start date")
        if not isinstance(self.active, bool):
            errors["active"] = ("สถานะไม่ถูกต้อง", "invalid active flag")
        if errors:
            raise ValidationError(errors)
