"""Announcements (ประกาศ) and circulars (หนังสือเวียน) that staff must acknowledge.

Both kinds live in one table (``notices`` in main.json). The acknowledgements of each issued
document live in their own file (``acks-<id>.json``, see service/notices_acks.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import labels_of
from ethics_tui.model.record import Record
from ethics_tui.model.text import check_text

KINDS = ("announcement", "circular")
KIND_LABELS = labels_of("notices.kind_labels")

DRAFT, PUBLISHED, SUPERSEDED = "draft", "published", "superseded"
STATUS_LABELS = labels_of("notices.status_labels")

#: where an announcement was published
CHANNELS = labels_of("notices.channels")

#: how a person acknowledged
METHODS = labels_of("notices.methods")

#: audience modes
AUDIENCES = labels_of("notices.audiences")

#: fields that may not change once a document is published
CONTENT_FIELDS = (
    "title",
    "intro",
    "dos",
    "donts",
    "signer_name",
    "signer_position",
    "dated",
    "number",
    "to",
    "references",
    "body",
    "enclosures",
    "unit",
    "audience",
    "audience_divisions",
    "audience_types",
    "audience_people",
    "standing",
)


@dataclass
class Notice(Record):
    """One version of an announcement or a circular."""

    kind: str
    title: str  # เรื่อง
    intro: str = ""  # announcement: introduction paragraph(s)
    dos: list[dict] = field(default_factory=list)  # [{"text", "note"}]
    donts: list[dict] = field(default_factory=list)
    body: str = ""  # circular: body paragraph(s)
    to: str = ""  # circular: เรียน
    references: list[str] = field(default_factory=list)  # circular: อ้างถึง
    enclosures: list[dict] = field(default_factory=list)  # [{"title", "file", "sha256", "name"}]
    unit: str = "สำนักปลัด งานการเจ้าหน้าที่"  # circular: issuing unit
    form: str = "external"  # circular: "external" (หนังสือภายนอก) or "memo" (บันทึกข้อความ, to own staff)
    signer_name: str = ""  # empty = the office's executive
    signer_position: str = ""
    dated: str = ""  # ISO date of the document (ประกาศ ณ วันที่ / date of the letter)
    number: int | None = None  # circular number (ที่ ... /ว N), claimed at issue
    number_year: int | None = None  # B.E. year of the number sequence
    audience: str = "all"
    audience_divisions: list[int] = field(default_factory=list)
    audience_types: list[str] = field(default_factory=list)
    audience_people: list[int] = field(default_factory=list)
    standing: bool = False  # applies to everyone, always (newcomers join as pending)
    status: str = DRAFT
    issued_on: str = ""  # ISO date the audience was fixed
    audience_size: int = 0
    channels: list[dict] = field(default_factory=list)  # [{"channel", "date"}]
    version: int = 1
    replaces: int | None = None
    replaced_by: int | None = None
    id: int | None = None
    rev: int = 0

    @property
    def published(self) -> bool:
        return self.status != DRAFT

    def date(self) -> date | None:
        return date.fromisoformat(self.dated) if self.dated else None

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if self.kind not in KINDS:
            errors["kind"] = ("ประเภทเอกสารไม่ถูกต้อง", "unknown document kind")
        check_text(errors, "title", self.title, "เรื่อง", "subject", required=True, limit=300)
        check_text(errors, "intro", self.intro, "คำนำ", "introduction", limit=5000)
        check_text(errors, "body", self.body, "เนื้อความ", "body", limit=10000)
        check_text(errors, "to", self.to, "เรียน", "recipients", required=self.kind == "circular", limit=300)
        check_text(errors, "unit", self.unit, "ส่วนราชการเจ้าของเรื่อง", "issuing unit", limit=200)
        check_text(errors, "signer_name", self.signer_name, "ชื่อผู้ลงนาม", "signatory", limit=120)
        check_text(errors, "signer_position", self.signer_position, "ตำแหน่งผู้ลงนาม", "signatory's position", limit=300)
        for name, label in (("dos", ("สิ่งที่ควรปฏิบัติ", "Dos")), ("donts", ("สิ่งที่ไม่ควรปฏิบัติ", "Don'ts"))):
            items = getattr(self, name)
            if not isinstance(items, list) or any(
                not isinstance(i, dict) or not str(i.get("text", "")).strip() or len(str(i.get("text"))) > 1000
                for i in items
            ):
                errors[name] = (
                    f"รายการ{label[0]}ต้องไม่ว่างและยาวไม่เกิน 1000 ตัวอักษร",
                    f"each {label[1]} item must be 1-1000 characters",
                )
        if self.kind == "announcement" and not (self.dos or self.donts) and not self.intro.strip():
            errors["dos"] = ("ต้องมีคำนำหรือรายการอย่างน้อยหนึ่งข้อ", "add an introduction or at least one item")
        if self.form not in ("external", "memo"):
            errors["form"] = ("รูปแบบหนังสือต้องเป็น external หรือ memo", "the letter form must be external or memo")
        if self.kind == "circular" and not self.body.strip():
            errors["body"] = ("ต้องกรอกเนื้อความ", "body is required")
        if not isinstance(self.references, list) or any(
            not isinstance(r, str) or not r.strip() for r in self.references
        ):
            errors["references"] = ("รายการอ้างถึงต้องไม่ว่าง", "references must not be empty")
        if not isinstance(self.enclosures, list) or any(
            not isinstance(e, dict) or not str(e.get("title", "")).strip() for e in self.enclosures
        ):
            errors["enclosures"] = ("สิ่งที่ส่งมาด้วยแต่ละรายการต้องมีชื่อ", "each enclosure needs a title")
        if self.dated:
            try:
                date.fromisoformat(self.dated)
            except (TypeError, ValueError):
                errors["dated"] = ("วันที่ไม่ถูกต้อง", "invalid date")
        if self.number is not None and (not isinstance(self.number, int) or self.number <= 0):
            errors["number"] = ("เลขที่ต้องเป็นจำนวนเต็มบวก", "the number must be a positive integer")
        if self.audience not in AUDIENCES:
            errors["audience"] = ("กลุ่มเป้าหมายไม่ถูกต้อง", "unknown audience")
        elif self.audience == "divisions" and not self.audience_divisions:
            errors["audience"] = ("ต้องเลือกกองอย่างน้อยหนึ่งกอง", "choose at least one division")
        elif self.audience == "types" and not self.audience_types:
            errors["audience"] = ("ต้องเลือกประเภทบุคลากรอย่างน้อยหนึ่งประเภท", "choose at least one staff type")
        elif self.audience == "people" and not self.audience_people:
            errors["audience"] = ("ต้องระบุบุคลากรอย่างน้อยหนึ่งคน", "pick at least one person")
        if self.standing and self.audience != "all":
            errors["standing"] = (
                "เอกสารที่ใช้กับทุกคนตลอดไปต้องมีกลุ่มเป้าหมายเป็นบุคลากรทุกคน",
                "a standing document must target all staff",
            )
        for c in self.channels:
            if not isinstance(c, dict) or c.get("channel") not in CHANNELS:
                errors["channels"] = ("ช่องทางเผยแพร่ไม่ถูกต้อง", "unknown publication channel")
        if errors:
            raise ValidationError(errors)


@dataclass
class Ack:
    """One person's acknowledgement of one issued document (kept in ``acks-<id>.json``)."""

    staff_id: int
    division_id: int = 0  # at issue time (the sheet is grouped by it)
    status: str = "pending"  # pending / acknowledged
    date: str = ""  # ISO date of acknowledgement
    method: str = ""  # key of METHODS
    by: str = ""  # who recorded it
    history: list[dict] = field(default_factory=list)  # previous states, newest last

    @property
    def done(self) -> bool:
        return self.status == "acknowledged"

    @classmethod
    def from_doc(cls, data: dict) -> Ack:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict:
        return asdict(self)


def parse_items(text: str) -> list[dict]:
    """One item per line; "text | explanation" gives an item with a short explanation."""
    out = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        main, _, note = line.partition("|")
        out.append({"text": main.strip(), "note": note.strip()})
    return out


def items_text(items: list[dict]) -> str:
    return "\n".join(i["text"] + (f" | {i['note']}" if i.get("note") else "") for i in items)
