"""Fair selection for training, study visits and scholarships (measure 6, step 5; ITA item I15).

Records: an :class:`Opportunity` (a course, a study visit, a scholarship, or the office's own
in-house project with an attendance list), a :class:`Nomination` of one person for one
opportunity (with the HR forward date, the executive's decision and the outcome), a
:class:`Budget` line per fiscal year, and a :class:`Question` from someone not selected.
Dates are ISO strings (Gregorian); the fiscal year comes from the opportunity's start date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import labels_of, pick
from ethics_tui.model.record import Record
from ethics_tui.model.text import check_date, check_text
from ethics_tui.thai.dates import fiscal_year

#: the kinds as stored (Thai) -> (Thai, English) label
KIND_LABELS = labels_of("training.kind_labels")
KINDS = tuple(KIND_LABELS)
KIND_EN = {kind: en for kind, (_th, en) in KIND_LABELS.items()}

APPROVED, REJECTED = "approved", "rejected"
DECISIONS = ("", APPROVED, REJECTED)
ATTENDED, COMPLETED, ABSENT = "attended", "completed", "absent"
OUTCOMES = ("", ATTENDED, COMPLETED, ABSENT)

#: Standard rejection reasons (the seed names the first two); "other" needs free text.
REJECT_REASONS = labels_of("training.reject_reasons")
STATUS_LABELS = labels_of("training.status_labels")
#: Why a nomination was withdrawn; "other" needs free text (docs/training.md, "Changes").
WITHDRAW_REASONS = labels_of("training.withdraw_reasons")
WITHDRAWN = "withdrawn"


@dataclass
class Opportunity(Record):
    kind: str
    title: str
    start_date: str
    course_key: str = ""  # "the same course" across sessions; defaults to the title
    organizer: str = ""  # empty with in_house = the office itself
    invite_no: str = ""  # the invitation letter's number ("ที่ มท 0808.2/ว 1234")
    invite_date: str = ""
    end_date: str = ""
    location: str = ""
    cost_registration: float = 0.0  # per person
    cost_travel: float = 0.0
    cost_allowance: float = 0.0
    seats: int = 0  # 0 = not limited
    eligibility: str = ""
    ethics: bool = False  # ethics / anti-corruption content (ITA counts it)
    in_house: bool = False  # the office's own project (budget ordinance), with attendance
    project_budget: float = 0.0  # in-house: the amount in the budget ordinance
    attendees: list[int] = field(default_factory=list)  # in-house: staff ids who attended
    outside_count: int = 0  # in-house: citizens and other outside participants
    id: int | None = None
    rev: int = 0

    @property
    def fiscal_year(self) -> int:
        return fiscal_year(date.fromisoformat(self.start_date))

    @property
    def cost_per_person(self) -> float:
        return round(self.cost_registration + self.cost_travel + self.cost_allowance, 2)

    @property
    def key(self) -> str:
        return " ".join((self.course_key or self.title).split()).casefold()

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if self.kind not in KINDS:
            errors["kind"] = (
                "ประเภทต้องเป็น " + " / ".join(KINDS),
                "kind must be one of " + " / ".join(KIND_EN.values()),
            )
        check_text(errors, "title", self.title, "ชื่อหลักสูตร/โครงการ", "title", required=True)
        for name, th, en in (
            ("course_key", "รหัสหลักสูตร", "course key"),
            ("organizer", "ผู้จัด", "organizer"),
            ("invite_no", "เลขที่หนังสือเชิญ", "invitation number"),
            ("location", "สถานที่", "location"),
        ):
            check_text(errors, name, getattr(self, name), th, en, limit=200)
        check_text(errors, "eligibility", self.eligibility, "คุณสมบัติผู้เข้าร่วม", "eligibility", limit=1000)
        start = check_date(errors, "start_date", self.start_date, "วันเริ่ม", "start date", required=True)
        end = check_date(errors, "end_date", self.end_date, "วันสิ้นสุด", "end date")
        check_date(errors, "invite_date", self.invite_date, "วันที่หนังสือเชิญ", "invitation date")
        if start and end and end < start:
            errors["end_date"] = ("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "the end date is before the start date")
        for name, th, en in (
            ("cost_registration", "ค่าลงทะเบียน", "registration"),
            ("cost_travel", "ค่าเดินทาง", "travel"),
            ("cost_allowance", "ค่าเบี้ยเลี้ยง/ที่พัก", "allowance"),
            ("project_budget", "งบประมาณโครงการ", "project budget"),
        ):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or v > 10_000_000:
                errors[name] = (f"{th}ต้องเป็นจำนวนเงิน 0-10,000,000 บาท", f"{en} must be 0-10,000,000 baht")
        for name, th, en in (
            ("seats", "จำนวนที่นั่ง", "seats"),
            ("outside_count", "ผู้เข้าร่วมจากภายนอก", "outside participants"),
        ):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 100_000:
                errors[name] = (f"{th}ต้องเป็นจำนวนเต็ม 0 ขึ้นไป", f"{en} must be a whole number, 0 or more")
        for name, th, en in (("ethics", "ด้านจริยธรรม/ต่อต้านทุจริต", "ethics"), ("in_house", "หน่วยงานจัดเอง", "in-house")):
            if not isinstance(getattr(self, name), bool):  # a blank answer is not a "no"
                errors[name] = (f"{th}: เลือก ใช่ หรือ ไม่ใช่", f"{en}: choose yes or no")
        if not isinstance(self.attendees, list) or not all(isinstance(a, int) for a in self.attendees):
            errors["attendees"] = ("รายชื่อผู้เข้าร่วมไม่ถูกต้อง", "invalid attendance list")
        elif self.attendees and not self.in_house:
            errors["attendees"] = (
                "บันทึกรายชื่อผู้เข้าร่วมได้เฉพาะโครงการที่หน่วยงานจัดเอง",
                "attendance lists are kept for in-house projects only",
            )
        if errors:
            raise ValidationError(errors)


@dataclass
class Nomination(Record):
    opportunity_id: int
    staff_id: int
    nominated_by: int  # staff id of the division director
    rationale: str  # relevance to the position and the assigned duties
    nominated_on: str
    forwarded_on: str = ""  # HR forwards to the executive
    decision: str = ""  # "", approved, rejected
    decided_on: str = ""
    decided_by: str = ""  # username of the executive
    reject_code: str = ""  # key of REJECT_REASONS
    reject_text: str = ""  # free text (required for "other")
    outcome: str = ""  # "", attended, completed, absent
    certificate_date: str = ""
    absent_reason: str = ""
    conditions: str = ""  # scholarships: conditions of the grant
    bond_months: int = 0  # scholarships: the bond period
    cost: float | None = None  # this person's cost when it differs from the opportunity's
    withdrawn_on: str = ""  # withdrawn (kept, never deleted): frees the seat and the budget
    withdrawn_by: str = ""  # username of the HR officer
    withdraw_code: str = ""  # key of WITHDRAW_REASONS
    withdraw_text: str = ""  # free text (required for "other")
    outcome_note: str = ""  # why a recorded outcome was corrected (the last correction)
    id: int | None = None
    rev: int = 0

    @property
    def withdrawn(self) -> bool:
        return bool(self.withdrawn_on)

    @property
    def status(self) -> str:
        if self.withdrawn_on:
            return WITHDRAWN
        if self.outcome:
            return self.outcome
        if self.decision:
            return self.decision
        return "forwarded" if self.forwarded_on else "nominated"

    @property
    def selected(self) -> bool:
        """Approved, not withdrawn, not recorded as absent: the person got the opportunity."""
        return self.decision == APPROVED and self.outcome != ABSENT and not self.withdrawn_on

    def cost_for(self, opp: Opportunity) -> float:
        """The cost of this nomination: its own when set, else the opportunity's per person."""
        return opp.cost_per_person if self.cost is None else round(float(self.cost), 2)

    def withdraw_reason(self, lang: str = "th", text: bool = True) -> str:
        """The withdrawal's reason (label and free text; ``text=False``: the label only)."""
        if not self.withdrawn_on:
            return ""
        base = pick(WITHDRAW_REASONS.get(self.withdraw_code, ("", "")), lang)
        if not text or not self.withdraw_text:
            return base
        return self.withdraw_text if self.withdraw_code == "other" or not base else f"{base} ({self.withdraw_text})"

    def reject_reason(self, lang: str = "th") -> str:
        if self.decision != REJECTED:
            return ""
        base = pick(REJECT_REASONS.get(self.reject_code, ("", "")), lang)
        if self.reject_code == "other" or not base:
            return self.reject_text
        return f"{base} ({self.reject_text})" if self.reject_text else base

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        for name, th, en in (
            ("opportunity_id", "โอกาส", "opportunity"),
            ("staff_id", "ผู้ได้รับการเสนอชื่อ", "person"),
            ("nominated_by", "ผู้เสนอชื่อ (ผู้อำนวยการกอง)", "nominated by (division director)"),
        ):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                errors[name] = (f"ต้องเลือก{th}", f"{en} is required")
        check_text(
            errors,
            "rationale",
            self.rationale,
            "เหตุผลความเกี่ยวข้องกับตำแหน่งและหน้าที่",
            "rationale (relevance to duties)",
            required=True,
            limit=1000,
        )
        nominated = check_date(errors, "nominated_on", self.nominated_on, "วันที่เสนอชื่อ", "nomination date", required=True)
        forwarded = check_date(errors, "forwarded_on", self.forwarded_on, "วันที่ส่งผู้บริหาร", "forward date")
        decided = check_date(
            errors, "decided_on", self.decided_on, "วันที่พิจารณา", "decision date", required=bool(self.decision)
        )
        check_date(errors, "certificate_date", self.certificate_date, "วันที่ได้รับวุฒิบัตร", "certificate date")
        if nominated and forwarded and forwarded < nominated:
            errors["forwarded_on"] = ("วันที่ส่งต้องไม่ก่อนวันที่เสนอชื่อ", "forwarded before the nomination date")
        if nominated and decided and decided < nominated:
            errors["decided_on"] = ("วันที่พิจารณาต้องไม่ก่อนวันที่เสนอชื่อ", "decided before the nomination date")
        if self.decision not in DECISIONS:
            errors["decision"] = ("ผลการพิจารณาไม่ถูกต้อง", "invalid decision")
        if self.decision == REJECTED:
            if self.reject_code not in REJECT_REASONS:
                errors["reject_code"] = ("การไม่อนุมัติต้องระบุเหตุผล", "a rejection needs a reason")
            elif self.reject_code == "other" and not self.reject_text.strip():
                errors["reject_text"] = ("ต้องพิมพ์เหตุผลที่ไม่อนุมัติ", "type the reason for the rejection")
        check_text(errors, "reject_text", self.reject_text, "เหตุผล", "reason", limit=500)
        if self.outcome not in OUTCOMES:
            errors["outcome"] = ("ผลการเข้าร่วมไม่ถูกต้อง", "invalid outcome")
        elif self.outcome and self.decision != APPROVED:
            errors["outcome"] = ("บันทึกผลการเข้าร่วมได้เฉพาะรายที่อนุมัติแล้ว", "only approved nominations have an outcome")
        if self.outcome == ABSENT and not self.absent_reason.strip():
            errors["absent_reason"] = ("ต้องระบุเหตุผลที่ไม่ได้เข้าร่วม", "give the reason for not attending")
        b = self.bond_months
        if isinstance(b, bool) or not isinstance(b, int) or not 0 <= b <= 600:
            errors["bond_months"] = ("ระยะเวลาชดใช้ทุนต้องเป็นจำนวนเดือน 0-600", "bond period must be 0-600 months")
        c = self.cost
        if c is not None and (isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 <= c <= 10_000_000):
            errors["cost"] = ("ค่าใช้จ่ายต้องเป็นจำนวนเงิน 0-10,000,000 บาท", "cost must be 0-10,000,000 baht")
        self._validate_withdrawal(errors, nominated)
        check_text(errors, "outcome_note", self.outcome_note, "เหตุผลที่แก้ไขผล", "reason for the correction", limit=500)
        if errors:
            raise ValidationError(errors)

    def _validate_withdrawal(self, errors: dict, nominated) -> None:
        check_text(errors, "withdraw_text", self.withdraw_text, "เหตุผล", "reason", limit=500)
        withdrawn = check_date(errors, "withdrawn_on", self.withdrawn_on, "วันที่ถอน", "withdrawal date")
        if not self.withdrawn_on:
            return
        if self.withdraw_code not in WITHDRAW_REASONS:
            errors["withdraw_code"] = ("การถอนการเสนอชื่อต้องระบุเหตุผล", "a withdrawal needs a reason")
        elif self.withdraw_code == "other" and not self.withdraw_text.strip():
            errors["withdraw_text"] = ("ต้องพิมพ์เหตุผลที่ถอน", "type the reason for the withdrawal")
        if nominated and withdrawn and withdrawn < nominated:
            errors["withdrawn_on"] = ("วันที่ถอนต้องไม่ก่อนวันที่เสนอชื่อ", "withdrawn before the nomination date")
        if self.outcome or self.decision == REJECTED:
            errors["withdrawn_on"] = (
                "ถอนได้เฉพาะรายที่ยังไม่ได้พิจารณาหรืออนุมัติแล้วแต่ยังไม่ได้บันทึกผล",
                "only an undecided, or approved and not yet attended, nomination can be withdrawn",
            )


@dataclass
class Budget(Record):
    fiscal_year: int  # B.E.
    amount: float
    division_id: int = 0  # 0 = office-wide
    note: str = ""
    id: int | None = None
    rev: int = 0

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if (
            isinstance(self.fiscal_year, bool)
            or not isinstance(self.fiscal_year, int)
            or not 2400 <= self.fiscal_year <= 2700
        ):
            errors["fiscal_year"] = ("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568", "fiscal year must be B.E., e.g. 2568")
        a = self.amount
        if isinstance(a, bool) or not isinstance(a, (int, float)) or not 0 <= a <= 1_000_000_000:
            errors["amount"] = ("วงเงินต้องเป็นจำนวนเงิน 0 ขึ้นไป", "amount must be 0 or more")
        if isinstance(self.division_id, bool) or not isinstance(self.division_id, int) or self.division_id < 0:
            errors["division_id"] = ("กองไม่ถูกต้อง", "invalid division")
        if errors:
            raise ValidationError(errors)


@dataclass
class Question(Record):
    """A staff member who was not selected asks why (recorded with the answer)."""

    staff_id: int
    asked_on: str
    question: str
    opportunity_id: int = 0
    answered_by: int = 0  # staff id of the supervisor who answered
    answer: str = ""
    answered_on: str = ""
    id: int | None = None
    rev: int = 0

    @property
    def answered(self) -> bool:
        return isinstance(self.answer, dict) or bool(str(self.answer or "").strip())  # a dict: sealed text

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if isinstance(self.staff_id, bool) or not isinstance(self.staff_id, int) or self.staff_id <= 0:
            errors["staff_id"] = ("ต้องเลือกผู้ถาม", "choose who asked")
        if not isinstance(self.question, dict):  # sealed (hr vault): checked before sealing
            check_text(errors, "question", self.question, "คำถาม", "question", required=True, limit=1000)
        if not isinstance(self.answer, dict):
            check_text(errors, "answer", self.answer, "คำตอบ", "answer", limit=2000)
        asked = check_date(errors, "asked_on", self.asked_on, "วันที่ถาม", "question date", required=True)
        answered = check_date(errors, "answered_on", self.answered_on, "วันที่ตอบ", "answer date", required=self.answered)
        if self.answered and not self.answered_by:
            errors["answered_by"] = ("ต้องระบุผู้ตอบ", "choose who answered")
        if asked and answered and answered < asked:
            errors["answered_on"] = ("วันที่ตอบต้องไม่ก่อนวันที่ถาม", "answered before the question date")
        if errors:
            raise ValidationError(errors)
