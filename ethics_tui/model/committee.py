"""The ethics advisory committee: appointment orders (คำสั่ง) and confidential consultations.

No I/O here: the dataclasses, their validation, and the office-editable defaults. The default
preamble deliberately cites no law: ``{authority}`` is a placeholder that the office fills with
the provision that empowers its executive; an order cannot be issued while it is empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import labels_of
from ethics_tui.model.record import Record
from ethics_tui.model.text import check_date, check_text

#: the members' roles as stored (Thai, as the order prints them) -> (Thai, English) label
ROLE_LABELS = labels_of("committee.role_labels")
ROLES = tuple(ROLE_LABELS)
ROLES_EN = {role: en for role, (_th, en) in ROLE_LABELS.items()}
CHAIR, SECRETARY = "ประธาน", "กรรมการและเลขานุการ"

DRAFT, ISSUED, SUPERSEDED, REVOKED = "draft", "issued", "superseded", "revoked"
ORDER_STATUSES = labels_of("committee.order_statuses")

AUTHORITY = "{authority}"
OFFICE = "{office}"
DEFAULT_SUBJECT = "แต่งตั้งคณะที่ปรึกษาทางจริยธรรม"
#: Paragraphs separated by a blank line. {office} and {authority} are filled in when printed.
DEFAULT_PREAMBLE = (
    "เพื่อให้การส่งเสริมคุณธรรมและจริยธรรมของบุคลากรใน{office} เป็นไปตามมาตรการควบคุม ตรวจสอบ "
    "การใช้อำนาจและการบริหารงานบุคคล และเพื่อให้บุคลากรมีผู้ให้คำปรึกษาเกี่ยวกับการปฏิบัติตน"
    "ตามประมวลจริยธรรม โดยเก็บรักษาข้อมูลของผู้ขอคำปรึกษาไว้เป็นความลับ\n\n"
    "อาศัยอำนาจตาม{authority} จึงแต่งตั้งคณะที่ปรึกษาทางจริยธรรม ประกอบด้วย"
)
AUTHORITY_BLANK = "[ระบุบทบัญญัติกฎหมายที่ให้อำนาจ]"
DUTIES_TITLE = "ให้คณะที่ปรึกษาทางจริยธรรมมีอำนาจหน้าที่ ดังนี้"
DEFAULT_DUTIES = (
    "ให้คำปรึกษาแก่บุคลากรเกี่ยวกับการปฏิบัติตนตามประมวลจริยธรรม โดยเก็บรักษาข้อมูลของผู้ขอคำปรึกษาเป็นความลับ",
    "เสนอแนะแนวทางการประพฤติตนทางจริยธรรม (Dos & Don'ts) ต่อผู้บริหาร",
    "สอดส่องดูแลให้มีการปฏิบัติตามประมวลจริยธรรมในหน่วยงาน และรายงานผลต่อผู้บริหาร",
    "ปฏิบัติหน้าที่อื่นตามที่ได้รับมอบหมาย",
)

CHANNELS = labels_of("committee.channels")
REQUESTER_KINDS = labels_of("committee.requester_kinds")
CONSULT_STATUSES = labels_of("committee.consult_statuses")
#: the default consultation categories as stored (Thai) -> (Thai, English); the office may add its own
CATEGORY_LABELS = labels_of("committee.category_labels")
DEFAULT_CATEGORIES = tuple(CATEGORY_LABELS)
#: Years a consultation is kept (PDPA: every record gets a retention date). *(unconfirmed)*
DEFAULT_RETENTION_YEARS = 5

#: field -> vault: the requester's identity is readable by the committee only.
CONFIDENTIAL = {"requester": "committee", "requester_staff_id": "committee"}
#: free text of a consultation, sealed in the committee vault too (it can identify who asked);
#: shown in the committee's own lists, never in statistics, exports or the audit log.
SEALED_TEXT = {"question": "committee", "advice": "committee", "dos_ref": "committee"}
#: everything sealed in a stored consultation
ALL_SEALED = {**CONFIDENTIAL, **SEALED_TEXT}

_MAX = 2000


@dataclass
class OrderMember:
    name: str
    position: str
    role: str
    staff_id: int | None = None  # None = an outsider

    @property
    def person_key(self) -> str:
        return f"s:{self.staff_id}" if self.staff_id else "x:" + "".join(self.name.split())

    @classmethod
    def from_dict(cls, d: dict) -> OrderMember:
        return cls(d.get("name", ""), d.get("position", ""), d.get("role", ""), d.get("staff_id"))


@dataclass
class Order(Record):
    subject: str = DEFAULT_SUBJECT
    preamble: str = DEFAULT_PREAMBLE
    authority: str = ""  # the legal provision, typed by the office (never invented here)
    members: list[OrderMember] = field(default_factory=list)
    duties: list[str] = field(default_factory=lambda: list(DEFAULT_DUTIES))
    term_start: str = ""  # ISO dates (Gregorian)
    term_end: str = ""
    order_date: str = ""
    signer_name: str = ""  # empty = the office's executive
    signer_position: str = ""
    status: str = DRAFT
    number: int | None = None
    year_be: int | None = None
    supersedes: int | None = None  # the order this one replaces (when issued)
    superseded_by: int | None = None
    revoked_on: str = ""
    revoke_reason: str = ""
    id: int | None = None
    rev: int = 0

    @property
    def ref(self) -> str:
        """ "ที่ 12/2568" once issued, else "ร่าง #id"."""
        return f"{self.number}/{self.year_be}" if self.number else f"ร่าง #{self.id or '-'}"

    @classmethod
    def from_doc(cls, doc_id: int, data: dict) -> Order:
        names = {f.name for f in fields(cls)} - {"id", "members"}
        o = cls(id=doc_id, **{k: v for k, v in data.items() if k in names})
        o.members = [OrderMember.from_dict(m) for m in data.get("members", [])]
        o.duties = list(o.duties)
        return o

    def start(self) -> date | None:
        return date.fromisoformat(self.term_start) if self.term_start else None

    def end(self) -> date | None:
        return date.fromisoformat(self.term_end) if self.term_end else None

    def validate(self, for_issue: bool = False) -> None:
        """Raise ValidationError. A draft may be incomplete; ``for_issue`` checks everything."""
        e: dict[str, tuple[str, str]] = {}
        check_text(e, "subject", self.subject, "เรื่อง", "subject", required=True, limit=300)
        check_text(e, "preamble", self.preamble, "ข้อความนำ", "preamble", required=for_issue, limit=5000)
        check_text(e, "authority", self.authority, "บทบัญญัติที่ให้อำนาจ", "legal authority", required=for_issue, limit=1000)
        if for_issue and AUTHORITY not in self.preamble and self.authority.strip() not in self.preamble:
            e["preamble"] = (
                "ข้อความนำต้องมี {authority} เพื่อแสดงบทบัญญัติที่ให้อำนาจ",
                "the preamble must contain {authority} where the legal authority goes",
            )
        start = check_date(
            e, "term_start", self.term_start, "วันเริ่มวาระ", "term start", required=for_issue, missing_th="ต้องระบุ"
        )
        end = check_date(
            e, "term_end", self.term_end, "วันสิ้นสุดวาระ", "term end", required=for_issue, missing_th="ต้องระบุ"
        )
        check_date(e, "order_date", self.order_date, "วันที่สั่ง", "order date", required=for_issue, missing_th="ต้องระบุ")
        if start and end and end <= start:
            e["term_end"] = ("วันสิ้นสุดวาระต้องอยู่หลังวันเริ่มวาระ", "the term must end after it starts")
        duties = [d for d in self.duties if isinstance(d, str) and d.strip()]
        if for_issue and not duties:
            e["duties"] = ("ต้องระบุอำนาจหน้าที่อย่างน้อย 1 ข้อ", "give at least one duty")
        if any(len(d) > _MAX for d in duties):
            e["duties"] = (f"อำนาจหน้าที่ข้อหนึ่งยาวเกิน {_MAX} ตัวอักษร", f"a duty is longer than {_MAX} characters")
        self._check_members(e, for_issue)
        for name, th, en in (
            ("signer_name", "ชื่อผู้ลงนาม", "signer"),
            ("signer_position", "ตำแหน่งผู้ลงนาม", "signer position"),
        ):
            check_text(e, name, getattr(self, name), th, en, limit=300)
        if e:
            raise ValidationError(e)

    def _check_members(self, e: dict, for_issue: bool) -> None:
        seen: set[str] = set()
        for i, m in enumerate(self.members, 1):
            if not m.name.strip():
                e["members"] = (f"สมาชิกลำดับที่ {i} ไม่มีชื่อ", f"member {i} has no name")
            elif m.role not in ROLES:
                e["members"] = (f"บทบาทของ {m.name} ต้องเป็น " + " / ".join(ROLES), f"{m.name}: unknown role")
            elif m.person_key in seen:
                e["members"] = (f"{m.name} มีชื่อซ้ำในคณะ", f"{m.name} is listed twice")
            seen.add(m.person_key)
        if "members" in e:
            return
        chairs = sum(m.role == CHAIR for m in self.members)
        if chairs > 1 or (for_issue and chairs != 1):
            e["members"] = (f"ต้องมีประธานหนึ่งคนพอดี (ขณะนี้ {chairs} คน)", f"exactly one chair is needed (now {chairs})")
        elif for_issue and not any(m.role == SECRETARY for m in self.members):
            e["members"] = ("ต้องมีกรรมการและเลขานุการ", "a secretary (กรรมการและเลขานุการ) is needed")


@dataclass
class Consultation(Record):
    consulted_on: str  # ISO date
    channel: str
    category: str
    question: str
    requester_kind: str = "staff"
    requester: str = ""  # CONFIDENTIAL: name (sealed in the committee vault)
    requester_staff_id: str = ""  # CONFIDENTIAL: staff id, as text (sealed)
    advice: str = ""
    handled_by: list[str] = field(default_factory=list)  # member names of the committee in force
    status: str = "open"
    follow_up: str = ""  # ISO date or ""
    dos_ref: str = ""  # optional link to a Dos & Don'ts item
    retain_until: str = ""
    id: int | None = None
    rev: int = 0

    @classmethod
    def from_doc(cls, doc_id: int, data: dict) -> Consultation:
        c = super().from_doc(doc_id, data)
        c.handled_by = list(c.handled_by)
        return c

    def day(self) -> date:
        return date.fromisoformat(self.consulted_on)

    def validate(self, categories: tuple[str, ...] | list[str] = DEFAULT_CATEGORIES) -> None:
        e: dict[str, tuple[str, str]] = {}
        day = check_date(
            e, "consulted_on", self.consulted_on, "วันที่ขอคำปรึกษา", "date", required=True, missing_th="ต้องระบุ"
        )
        if day and day > date.today():
            e["consulted_on"] = ("วันที่ขอคำปรึกษาอยู่ในอนาคต", "the date is in the future")
        if self.channel not in CHANNELS:
            e["channel"] = ("ช่องทางต้องเป็น " + " / ".join(v[0] for v in CHANNELS.values()), "unknown channel")
        if self.category not in categories:
            e["category"] = ("ต้องเลือกประเภทเรื่องจากรายการ", "choose a category from the list")
        if self.requester_kind not in REQUESTER_KINDS:
            e["requester_kind"] = ("ประเภทผู้ขอคำปรึกษาไม่ถูกต้อง", "unknown requester kind")
        elif self.requester_kind == "anonymous" and (self.requester or self.requester_staff_id):
            e["requester"] = ("ผู้ไม่ประสงค์ออกนามต้องไม่มีชื่อ", "an anonymous requester has no name")
        elif self.requester_kind != "anonymous" and not self.requester:
            e["requester"] = ("ต้องระบุผู้ขอคำปรึกษา (หรือเลือกไม่ประสงค์ออกนาม)", "name the requester (or choose anonymous)")
        check_text(e, "question", self.question, "สรุปคำถาม", "question summary", required=True, limit=_MAX)
        check_text(
            e, "advice", self.advice, "คำแนะนำ", "advice", required=self.status in ("advised", "closed"), limit=_MAX
        )
        if self.status not in CONSULT_STATUSES:
            e["status"] = ("สถานะไม่ถูกต้อง", "unknown status")
        follow = check_date(e, "follow_up", self.follow_up, "วันติดตามผล", "follow-up date")
        if follow and day and follow < day:
            e["follow_up"] = ("วันติดตามผลต้องไม่ก่อนวันที่ขอคำปรึกษา", "follow-up cannot be before the consultation")
        if not self.handled_by:
            e["handled_by"] = ("ต้องระบุกรรมการผู้ให้คำปรึกษา", "choose who handled it")
        check_text(e, "dos_ref", self.dos_ref, "ข้ออ้างอิง Dos & Don'ts", "Dos & Don'ts link", limit=300)
        if e:
            raise ValidationError(e)
