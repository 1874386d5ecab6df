"""Corruption complaints and grievances (measure 7): the case, its steps, its settings.

The case record holds only what is not confidential (dates, channel, type, subject, status,
the history of steps). The complainant's identity and contact, the accused and the details are
kept apart, sealed in the "complaints" vault (see :data:`CONFIDENTIAL`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import label, labels_of
from ethics_tui.model.record import Record
from ethics_tui.model.text import TextChecked
from ethics_tui.thai.dates import fiscal_year_range, format_date

# -- receipt codes ----------------------------------------------------------------------------
#: No 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6-confusables, U/V: easy to read aloud and to type back.
CODE_ALPHABET = "ACDEFHJKMNPQRTWXY3479"
CODE_GROUPS = (4, 4, 2)
CODE_LEN = sum(CODE_GROUPS)
_CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LEN}}}$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def new_code() -> str:
    """A random receipt code such as ``K7QM-3XPA-9D`` (secrets; about 44 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
    return format_code(raw)


def format_code(raw: str) -> str:
    out, i = [], 0
    for n in CODE_GROUPS:
        out.append(raw[i : i + n])
        i += n
    return "-".join(out)


def normalize_code(text: str) -> str | None:
    """The canonical code for what a person typed or read aloud (any case, spaces, dashes,
    Thai digits), or None when it cannot be a receipt code."""
    s = re.sub(r"[\s\-–—_.]", "", str(text or "")).translate(_THAI_DIGITS).upper()
    if not _CODE_RE.match(s):
        return None
    return format_code(s)


# -- the workflow -----------------------------------------------------------------------------
KINDS = ("corruption", "grievance")
KIND_LABELS = labels_of("complaints.kind_labels")

STEPS = ("received", "review", "not_accepted", "referred", "fact_finding", "concluded", "notified", "closed")
STEP_LABELS = labels_of("complaints.step_labels")
#: step -> steps that may follow it
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("review",),
    "review": ("not_accepted", "referred", "fact_finding"),
    "fact_finding": ("concluded",),
    "referred": ("concluded", "notified"),
    "not_accepted": ("notified",),
    "concluded": ("notified",),
    "notified": ("closed",),
    "closed": (),
}
#: an anonymous complainant cannot be told: these steps may close directly (the receipt code
#: lookup tells them the status)
ANONYMOUS_CLOSE_FROM = ("not_accepted", "referred", "concluded")
#: the office's handling has ended (ITA "ดำเนินการแล้วเสร็จ")
FINISHED = ("not_accepted", "referred", "concluded", "notified", "closed")
#: extra field each step requires: step -> (field, th label, en label)
STEP_REQUIRES = {
    "not_accepted": ("reason", "เหตุผลที่ไม่รับ", "reason"),
    "referred": ("body", "หน่วยงานที่ส่งเรื่องไป", "receiving body"),
    "concluded": ("finding", "ผลการพิจารณา", "finding"),
    "notified": ("method", "วิธีแจ้งผล", "notification method"),
}
DAMRONGTHAM = "ศูนย์ดำรงธรรม"

#: the default channels as stored (Thai) -> (Thai, English); the office may add its own
CHANNEL_LABELS = labels_of("complaints.channel_labels")
DEFAULT_CHANNELS = tuple(CHANNEL_LABELS)
#: days allowed in each step before the next is due (practice, unconfirmed: a setting)
DEFAULT_DUE_DAYS = {
    "received": 3,
    "review": 15,
    "fact_finding": 60,
    "referred": 15,
    "not_accepted": 15,
    "concluded": 15,
    "notified": 30,
}
DEFAULT_RETENTION_YEARS = 10  # ระเบียบงานสารบรรณ: ordinary records are kept at least 10 years

#: confidential field -> vault. Stored apart from the case, in the "complaint_identities" table.
CONFIDENTIAL = {
    "complainant_name": "complaints",
    "complainant_contact": "complaints",
    "accused_text": "complaints",
    "accused_staff_id": "complaints",
    "executive_accused": "complaints",
    "details": "complaints",
}


def step_label(step: str, lang: str = "th") -> str:
    return label(STEP_LABELS, step, lang)


def kind_label(kind: str, lang: str = "th") -> str:
    return label(KIND_LABELS, kind, lang)


def channel_label(channel: str, lang: str = "th") -> str:
    """A default channel in ``lang``; a channel the office added, as typed."""
    return label(CHANNEL_LABELS, channel, lang)


@dataclass
class Step:
    """One step of the history: its date (as it happened), who recorded it, and a note."""

    step: str
    date: str  # ISO date
    actor: str
    note: str = ""
    extra: dict = field(default_factory=dict)  # reason / body / finding / method / evidence
    recorded: str = ""  # ISO datetime of the entry


@dataclass
class Identity(TextChecked):
    """The confidential part of a case (plaintext, only ever in memory)."""

    anonymous: bool = True
    complainant_name: str = ""
    complainant_contact: str = ""
    accused_staff_id: int | None = None
    accused_text: str = ""
    executive_accused: bool = False
    details: str = ""

    def sealed_dict(self) -> dict:
        return {
            "complainant_name": self.complainant_name.strip(),
            "complainant_contact": self.complainant_contact.strip(),
            "accused_text": self.accused_text.strip(),
            "accused_staff_id": str(self.accused_staff_id) if self.accused_staff_id else "",
            "executive_accused": "1" if self.executive_accused else "",
            "details": self.details.strip(),
        }

    @classmethod
    def from_revealed(cls, anonymous: bool, d: dict) -> Identity:
        sid = d.get("accused_staff_id") or ""
        return cls(
            anonymous=anonymous,
            complainant_name=d.get("complainant_name") or "",
            complainant_contact=d.get("complainant_contact") or "",
            accused_staff_id=int(sid) if str(sid).isdigit() else None,
            accused_text=d.get("accused_text") or "",
            executive_accused=d.get("executive_accused") == "1",
            details=d.get("details") or "",
        )

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if not self.anonymous and not self.complainant_name.strip():
            errors["complainant_name"] = (
                "ต้องกรอกชื่อผู้ร้องเรียน หรือเลือก “ไม่ประสงค์ออกนาม”",
                "enter the complainant's name, or mark the complaint anonymous",
            )
        if self.anonymous and (self.complainant_name.strip() or self.complainant_contact.strip()):
            errors["complainant_name"] = (
                "เรื่องไม่ประสงค์ออกนามต้องไม่มีชื่อหรือช่องทางติดต่อ",
                "an anonymous complaint carries no name or contact",
            )
        for name, limit in (
            ("complainant_name", 200),
            ("complainant_contact", 300),
            ("accused_text", 300),
            ("details", 5000),
        ):
            if len(getattr(self, name)) > limit:
                errors[name] = (f"ยาวเกิน {limit} ตัวอักษร", f"longer than {limit} characters")
        if errors:
            raise ValidationError(errors)


@dataclass
class Complaint(Record):
    received_at: str  # ISO datetime, minutes
    channel: str
    kind: str
    subject: str
    anonymous: bool = True
    code: str = ""
    number: int = 0  # running number within the fiscal year (เลขรับ)
    fiscal_year: int = 0
    status: str = "received"
    due: str = ""  # ISO date the current step is due ("" when closed)
    evidence: str = ""  # "", "enough", "not_enough": enough evidence to proceed?
    history: list[dict] = field(default_factory=list)
    retention_until: str = ""  # ISO date
    handler: str = ""  # username who registered / handles the case
    id: int | None = None
    rev: int = 0

    @property
    def received(self) -> datetime:
        return datetime.fromisoformat(self.received_at)

    @property
    def received_date(self) -> date:
        return self.received.date()

    def steps(self) -> list[Step]:
        return [Step(**{k: v for k, v in h.items() if k in Step.__dataclass_fields__}) for h in self.history]

    def step_date(self, step: str) -> date | None:
        """The (first) date the case reached ``step``."""
        for h in self.history:
            if h.get("step") == step:
                return date.fromisoformat(h["date"])
        return None

    def finished_on(self) -> date | None:
        """The date the office's handling ended (the first finishing step), if it has."""
        for h in self.history:
            if h.get("step") in FINISHED:
                return date.fromisoformat(h["date"])
        return None

    def overdue(self, today: date) -> bool:
        return bool(self.due) and self.status != "closed" and date.fromisoformat(self.due) < today

    def validate(self, channels: list[str] | tuple[str, ...] | None = None) -> None:
        errors: dict[str, tuple[str, str]] = {}
        try:
            when = datetime.fromisoformat(self.received_at)
            if when.date() > date.today():
                errors["received_at"] = ("วันที่รับเรื่องอยู่ในอนาคต", "the received date is in the future")
            elif when.year < 2000:
                errors["received_at"] = ("วันที่รับเรื่องเก่าเกินไป", "the received date is too old")
        except (TypeError, ValueError):
            errors["received_at"] = ("วันเวลาที่รับเรื่องไม่ถูกต้อง", "invalid received date and time")
        if not (self.channel or "").strip():
            errors["channel"] = ("ต้องเลือกช่องทาง", "choose a channel")
        elif channels is not None and self.channel not in channels:
            errors["channel"] = ("ช่องทางนี้ไม่อยู่ในรายการที่ตั้งไว้", "this channel is not in the list")
        if self.kind not in KINDS:
            errors["kind"] = ("ต้องเลือกประเภทเรื่อง", "choose the type")
        subject = "sealed" if isinstance(self.subject, dict) else (self.subject or "").strip()  # sealed: checked before
        if not subject:
            errors["subject"] = ("ต้องกรอกเรื่อง", "subject is required")
        elif len(subject) > 200:
            errors["subject"] = ("เรื่องยาวเกิน 200 ตัวอักษร", "subject is longer than 200 characters")
        if not isinstance(self.anonymous, bool):
            errors["anonymous"] = ("ค่าไม่ถูกต้อง", "invalid value")
        if self.status not in STEPS:
            errors["status"] = ("สถานะไม่ถูกต้อง", "invalid status")
        if errors:
            raise ValidationError(errors)


@dataclass
class ComplaintSettings(TextChecked):
    channels: list[str] = field(default_factory=lambda: list(DEFAULT_CHANNELS))
    due_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DUE_DAYS))
    retention_years: int = DEFAULT_RETENTION_YEARS
    status_contact: str = ""  # how to ask about the status (printed on the receipt)
    rev: int = 0

    @classmethod
    def from_dict(cls, data: dict | None) -> ComplaintSettings:
        data = data or {}
        s = cls()
        if isinstance(data.get("channels"), list) and data["channels"]:
            s.channels = [str(c) for c in data["channels"]]
        due = dict(DEFAULT_DUE_DAYS)
        due.update({k: int(v) for k, v in (data.get("due_days") or {}).items() if k in DEFAULT_DUE_DAYS})
        s.due_days = due
        s.retention_years = int(data.get("retention_years") or DEFAULT_RETENTION_YEARS)
        s.status_contact = str(data.get("status_contact") or "")
        s.rev = int(data.get("rev") or 0)
        return s

    def to_dict(self) -> dict:
        return asdict(self)

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        names = [c.strip() for c in self.channels]
        if not names or any(not c for c in names):
            errors["channels"] = ("ต้องมีช่องทางอย่างน้อยหนึ่งช่องทาง และห้ามเว้นว่าง", "at least one non-empty channel")
        elif len(set(names)) != len(names):
            errors["channels"] = ("มีช่องทางซ้ำกัน", "a channel is listed twice")
        for k, v in self.due_days.items():
            if not isinstance(v, int) or not 1 <= v <= 365:
                errors[f"due_{k}"] = ("จำนวนวันต้องอยู่ระหว่าง 1-365", "days must be between 1 and 365")
        if not isinstance(self.retention_years, int) or not 1 <= self.retention_years <= 50:
            errors["retention_years"] = ("อายุการเก็บต้องอยู่ระหว่าง 1-50 ปี", "retention must be 1-50 years")
        if errors:
            raise ValidationError(errors)


# -- statistics (counts only) ----------------------------------------------------------------
@dataclass
class Stats:
    fiscal_year: int
    half: bool
    start: date
    end: date
    as_of: date
    received: int = 0
    finished: int = 0
    in_progress: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    finished_by_kind: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "fiscal_year": self.fiscal_year,
            "period": "half" if self.half else "year",
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "received": self.received,
            "finished": self.finished,
            "in_progress": self.in_progress,
            "by_channel": self.by_channel,
            "by_kind": self.by_kind,
            "finished_by_kind": self.finished_by_kind,
            "statement": {"th": statement(self, "th"), "en": statement(self, "en")},
        }


def period(fy: int, half: bool) -> tuple[date, date]:
    start, end = fiscal_year_range(fy)
    return (start, date(start.year + 1, 3, 31)) if half else (start, end)


def count(cases: list[Complaint], fy: int, half: bool, today: date, channels: list[str]) -> Stats:
    """The statistics of ``cases``; finished / in progress as at the end of the period (or today)."""
    start, end = period(fy, half)
    s = Stats(fy, half, start, end, min(end, today))
    s.by_kind = {k: 0 for k in KINDS}
    s.finished_by_kind = {k: 0 for k in KINDS}
    s.by_channel = {ch: 0 for ch in channels}
    for c in cases:
        if not start <= c.received_date <= end:
            continue
        s.received += 1
        s.by_kind[c.kind] = s.by_kind.get(c.kind, 0) + 1
        s.by_channel[c.channel] = s.by_channel.get(c.channel, 0) + 1
        done = c.finished_on()
        if done is not None and done <= s.as_of:
            s.finished += 1
            s.finished_by_kind[c.kind] = s.finished_by_kind.get(c.kind, 0) + 1
    s.in_progress = s.received - s.finished
    return s


def period_label(s: Stats, lang: str = "th") -> str:
    if lang == "en":
        what = "first six months of" if s.half else "fiscal year"
        return f"{what} FY {s.fiscal_year} B.E. ({format_date(s.start, 'abbr', lang='en')} to {format_date(s.end, 'abbr', lang='en')})"
    what = "รอบ 6 เดือนแรก ปีงบประมาณ" if s.half else "ปีงบประมาณ"
    return f"{what} พ.ศ. {s.fiscal_year} ({format_date(s.start, 'abbr')} - {format_date(s.end, 'abbr')})"


def statement(s: Stats, lang: str = "th") -> str:
    """The ITA sentence, explicit when there were none."""
    when = period_label(s, lang)
    if lang == "en":
        if s.received == 0:
            return f"In the {when} the office received no complaints (no corruption or misconduct complaints and no general grievances)."
        parts = [
            f"In the {when} the office received {s.received} complaint(s): {s.finished} finished, {s.in_progress} in progress."
        ]
        if s.by_kind.get("corruption", 0) == 0:
            parts.append("There were no corruption or misconduct complaints.")
        return " ".join(parts)
    if s.received == 0:
        return f"ใน{when} ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ และไม่มีเรื่องร้องเรียนทั่วไป"
    parts = [
        (
            f"ใน{when} มีเรื่องร้องเรียนทั้งหมด {s.received} เรื่อง ดำเนินการแล้วเสร็จ {s.finished} เรื่อง "
            f"อยู่ระหว่างดำเนินการ {s.in_progress} เรื่อง"
        )
    ]
    if s.by_kind.get("corruption", 0) == 0:
        parts.append("ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
    return " ".join(parts)
