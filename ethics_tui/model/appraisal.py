"""Appraisal rounds, results, acknowledgements and grievances (measure 6, step 4).

Pure data and rules, no I/O: level bands, score parsing and totals, the grievance clock, and
the check of an imported score table. Scores are Decimals with two places (``"89.99"``);
the level is always derived from the round's own band snapshot, never typed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import labels_of
from ethics_tui.model.record import Record
from ethics_tui.model.text import cell_text
from ethics_tui.thai.dates import appraisal_round, fiscal_year_range
from ethics_tui.thai.digits import to_arabic_digits

LEVELS = ("ดีเด่น", "ดีมาก", "ดี", "พอใช้", "ต้องปรับปรุง")
LEVELS_EN = {"ดีเด่น": "excellent", "ดีมาก": "very good", "ดี": "good", "พอใช้": "fair", "ต้องปรับปรุง": "needs improvement"}
#: level -> lowest total (inclusive); the last band always starts at 0
DEFAULT_BANDS = (("ดีเด่น", "90"), ("ดีมาก", "80"), ("ดี", "70"), ("พอใช้", "60"), ("ต้องปรับปรุง", "0"))
#: component -> weight (the most points it can score); weights add up to 100
COMPONENTS = ("results", "competency")
COMPONENT_LABELS = labels_of("appraisal.component_labels")
DEFAULT_WEIGHTS = {"results": 70, "competency": 30}
GRIEVANCE_DAYS = 30  # days to file after notification (confirmed for municipal staff)
DECISION_DAYS = 90  # days to decide a grievance (unconfirmed practice: a setting)

ROUND_STATUSES = ("open", "notified", "closed")
ROUND_STATUS_LABELS = labels_of("appraisal.round_status_labels")
ACK_LABELS = labels_of("appraisal.ack_labels")
GRIEVANCE_STATUSES = ("filed", "considering", "upheld", "dismissed", "withdrawn")
GRIEVANCE_OPEN = ("filed", "considering")
GRIEVANCE_LABELS = labels_of("appraisal.grievance_labels")
EVENT_LABELS = labels_of("appraisal.event_labels")  # a result's history (service/appraisal_history.py)
CENT = Decimal("0.01")


def _err(name: str, th: str, en: str) -> ValidationError:
    return ValidationError({name: (th, en)})


def parse_score(text: object, name: str = "score", most: Decimal | int = 100) -> Decimal:
    """A score as typed: Arabic or Thai digits, at most two decimals, 0 to ``most``."""
    if isinstance(text, Decimal):
        value = text
    else:
        s = to_arabic_digits(str(text if text is not None else "")).strip()
        if isinstance(text, float):
            s = f"{text:.6f}".rstrip("0").rstrip(".")
        if not s:
            raise _err(name, "ต้องกรอกคะแนน", "a score is required")
        try:
            value = Decimal(s)
        except InvalidOperation:
            raise _err(name, f"คะแนน “{text}” ไม่ใช่ตัวเลข", f"score '{text}' is not a number") from None
    if not value.is_finite():
        raise _err(name, "คะแนนไม่ใช่ตัวเลข", "the score is not a number")
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise _err(name, "คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง", "at most two decimals")
    if value < 0 or value > Decimal(most):
        raise _err(name, f"คะแนนต้องอยู่ระหว่าง 0 ถึง {most}", f"the score must be between 0 and {most}")
    return value.quantize(CENT)


def fmt(value: Decimal | str | None) -> str:
    return "" if value in (None, "") else f"{Decimal(value):.2f}"


def check_bands(bands: list) -> list[list[str]]:
    """Normalise ``[[level, min], ...]``: highest first, strictly falling, the last one at 0."""
    errors = []
    out: list[list[str]] = []
    if not isinstance(bands, (list, tuple)) or not 2 <= len(bands) <= 8:
        raise _err("bands", "ต้องมีระดับผลการประเมิน 2-8 ระดับ", "2 to 8 level bands are needed")
    for item in bands:
        try:
            level, low = item
            value = parse_score(low, "bands")
        except (TypeError, ValueError):
            raise _err("bands", "รูปแบบช่วงคะแนนไม่ถูกต้อง", "invalid band") from None
        if not str(level).strip():
            errors.append(("ต้องมีชื่อระดับ", "every band needs a level name"))
        out.append([str(level).strip(), fmt(value)])
    names = [b[0] for b in out]
    if len(set(names)) != len(names):
        errors.append(("ชื่อระดับซ้ำกัน", "level names repeat"))
    mins = [Decimal(b[1]) for b in out]
    if any(a <= b for a, b in itertools.pairwise(mins)):
        errors.append(("คะแนนขั้นต่ำของแต่ละระดับต้องลดลงตามลำดับ", "band minimums must fall from the top level down"))
    if mins[-1] != 0:
        errors.append(("ระดับสุดท้ายต้องเริ่มที่ 0", "the last band must start at 0"))
    if errors:
        raise ValidationError({"bands": (" · ".join(e[0] for e in errors), " · ".join(e[1] for e in errors))})
    return out


def level_for(total: Decimal | str, bands: list) -> str:
    """The level of ``total`` under ``bands`` (a round's snapshot): first band whose minimum it reaches."""
    value = Decimal(total)
    for level, low in bands:
        if value >= Decimal(low):
            return level
    return bands[-1][0]


def check_weights(weights: dict) -> dict[str, int]:
    try:
        out = {c: int(to_arabic_digits(str(weights[c]))) for c in COMPONENTS}
    except (KeyError, TypeError, ValueError):
        raise _err("weights", "น้ำหนักต้องเป็นจำนวนเต็ม", "weights must be whole numbers") from None
    if any(v < 0 for v in out.values()) or sum(out.values()) != 100:
        raise _err("weights", "น้ำหนักแต่ละองค์ประกอบรวมกันต้องได้ 100", "the component weights must add up to 100")
    return out


def total_of(results: Decimal | None, competency: Decimal | None, total: Decimal | None = None) -> Decimal:
    """Total of the components, or the typed total when the office scores only a total."""
    if results is None and competency is None:
        if total is None:
            raise _err("total", "ต้องกรอกคะแนน", "a score is required")
        return total
    if results is None or competency is None:
        raise _err("competency", "ต้องกรอกคะแนนทั้งสององค์ประกอบ", "both component scores are needed")
    s = results + competency
    if total is not None and total != s:
        raise _err(
            "total",
            f"คะแนนรวม {fmt(total)} ไม่เท่ากับผลรวมองค์ประกอบ {fmt(s)}",
            f"total {fmt(total)} differs from the sum {fmt(s)}",
        )
    return s


def round_period(fy_be: int, round_no: int) -> tuple[date, date]:
    """Round 1: 1 Oct-31 Mar; round 2: 1 Apr-30 Sep, of B.E. fiscal year ``fy_be``."""
    start, end = fiscal_year_range(fy_be)
    if round_no == 1:
        return start, date(start.year + 1, 3, 31)
    return date(end.year, 4, 1), end


def round_of(d: date) -> tuple[int, int]:
    return appraisal_round(d)


def deadline(notified_on: date | str, days: int = GRIEVANCE_DAYS) -> date:
    """Last day to file a grievance: the notified date + ``days`` (may fall in the next fiscal year)."""
    if isinstance(notified_on, str):
        notified_on = date.fromisoformat(notified_on)
    return notified_on + timedelta(days=days)


def days_left(due: date, today: date) -> int:
    """Days until ``due`` (0 on the day itself, negative once it has passed)."""
    return (due - today).days


@dataclass
class AppraisalRound(Record):
    fiscal_year: int  # B.E.
    round_no: int  # 1 or 2
    bands: list = field(default_factory=lambda: [list(b) for b in DEFAULT_BANDS])
    weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    grievance_days: int = GRIEVANCE_DAYS
    decision_days: int = DECISION_DAYS
    criteria_text: str = ""  # the criteria, as announced
    criteria_published: str = ""  # ISO date
    criteria_channels: list = field(default_factory=list)  # e.g. website, notice board
    criteria_file: str = ""  # optional attached file (path as given)
    status: str = "open"
    tally: dict = field(default_factory=dict)  # level -> count (counts only; no people)
    id: int | None = None
    rev: int = 0

    @property
    def title(self) -> str:
        return f"ปีงบประมาณ {self.fiscal_year} รอบที่ {self.round_no}"

    def period(self) -> tuple[date, date]:
        return round_period(self.fiscal_year, self.round_no)

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if not isinstance(self.fiscal_year, int) or not 2500 <= self.fiscal_year <= 2700:
            errors["fiscal_year"] = ("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569", "fiscal year must be B.E., e.g. 2569")
        if self.round_no not in (1, 2):
            errors["round_no"] = ("รอบต้องเป็น 1 หรือ 2", "round must be 1 or 2")
        for name, check in (("bands", check_bands), ("weights", check_weights)):
            try:
                setattr(self, name, check(getattr(self, name)))
            except ValidationError as exc:
                errors.update(exc.errors)
        for name in ("grievance_days", "decision_days"):
            if not isinstance(getattr(self, name), int) or not 1 <= getattr(self, name) <= 365:
                errors[name] = ("จำนวนวันต้องอยู่ระหว่าง 1-365", "days must be 1-365")
        if self.status not in ROUND_STATUSES:
            errors["status"] = ("สถานะรอบไม่ถูกต้อง", "invalid round status")
        if self.criteria_published:
            try:
                date.fromisoformat(self.criteria_published)
            except ValueError:
                errors["criteria_published"] = ("วันที่ประกาศไม่ถูกต้อง", "invalid publication date")
        if len(self.criteria_text) > 20000:
            errors["criteria_text"] = ("หลักเกณฑ์ยาวเกินไป", "the criteria text is too long")
        if errors:
            raise ValidationError(errors)


@dataclass
class Scores:
    """The confidential part of a result (sealed as one JSON value in the hr vault)."""

    total: Decimal
    level: str
    results: Decimal | None = None
    competency: Decimal | None = None
    comment: str = ""

    def to_json(self) -> dict:
        return {
            "results": fmt(self.results),
            "competency": fmt(self.competency),
            "total": fmt(self.total),
            "level": self.level,
            "comment": self.comment,
        }

    @classmethod
    def from_json(cls, d: dict) -> Scores:
        def dec(v):
            return Decimal(v) if v not in ("", None) else None

        return cls(
            total=Decimal(d["total"]),
            level=d.get("level", ""),
            results=dec(d.get("results")),
            competency=dec(d.get("competency")),
            comment=d.get("comment", ""),
        )


@dataclass
class AppraisalResult(Record):
    round_id: int
    staff_id: int
    appraiser_id: int | None = None
    scores: object = ""  # sealed JSON of Scores ("" = not scored yet)
    scored: bool = False  # plain flag for the progress counts
    notified_on: str = ""  # ISO
    ack: str = ""  # "" / "signed" / "refused"
    ack_on: str = ""  # ISO: signed or refused on
    witness_id: int | None = None
    witness_name: str = ""
    witness_position: str = ""
    ack_note: str = ""
    history: list = field(default_factory=list)  # reopen / revision entries (old scores sealed)
    id: int | None = None
    rev: int = 0

    @property
    def locked(self) -> bool:
        return self.ack in ("signed", "refused")

    @property
    def stage(self) -> str:
        """unscored / unnotified / awaiting / signed / refused (the dashboard's buckets)."""
        if not self.scored:
            return "unscored"
        if not self.notified_on:
            return "unnotified"
        return self.ack or "awaiting"


STAGES = ("unscored", "unnotified", "awaiting", "signed", "refused")
STAGE_LABELS = labels_of("appraisal.stage_labels")


def check_ack(outcome: str, on: date, notified_on: str, witness_name: str) -> None:
    if outcome not in ("signed", "refused"):
        raise _err("ack", "ผลการรับทราบต้องเป็น ลงนาม หรือ ไม่ยอมลงนาม", "outcome must be signed or refused")
    if not notified_on:
        raise _err("notified_on", "ยังไม่ได้แจ้งผลการประเมินแก่ผู้นี้", "the result was not notified to this person yet")
    if on < date.fromisoformat(notified_on):
        raise _err("ack_on", "วันที่รับทราบต้องไม่ก่อนวันที่แจ้งผล", "the date cannot be before the notified date")
    if on > date.today():
        raise _err("ack_on", "วันที่รับทราบอยู่ในอนาคต", "the date is in the future")
    if outcome == "refused" and not (witness_name or "").strip():
        raise _err(
            "witness",
            "กรณีไม่ยอมลงนาม ต้องมีพยานลงชื่อว่าได้แจ้งผลแล้ว",
            "a refusal needs a witness who signs that the result was notified",
        )


@dataclass
class Grievance(Record):
    result_id: int
    round_id: int
    filed_on: str  # ISO
    addressed_to: str
    grounds: object = ""  # sealed (hr)
    status: str = "filed"
    outcome: object = ""  # sealed (hr)
    decided_on: str = ""
    late: bool = False
    id: int | None = None
    rev: int = 0

    @property
    def open(self) -> bool:
        return self.status in GRIEVANCE_OPEN

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        try:
            filed = date.fromisoformat(self.filed_on)
        except (TypeError, ValueError):
            errors["filed_on"] = ("ต้องกรอกวันที่ยื่น", "the filing date is required")
            filed = None
        if not str(self.addressed_to).strip():
            errors["addressed_to"] = ("ต้องระบุผู้รับคำร้องทุกข์", "say to whom it is addressed")
        if self.status not in GRIEVANCE_STATUSES:
            errors["status"] = ("สถานะไม่ถูกต้อง", "invalid status")
        if self.decided_on:
            try:
                d = date.fromisoformat(self.decided_on)
                if filed and d < filed:
                    errors["decided_on"] = ("วันที่วินิจฉัยต้องไม่ก่อนวันที่ยื่น", "the decision cannot precede the filing")
            except ValueError:
                errors["decided_on"] = ("วันที่วินิจฉัยไม่ถูกต้อง", "invalid decision date")
        if self.status in ("upheld", "dismissed", "withdrawn") and not self.decided_on:
            errors["decided_on"] = ("ต้องกรอกวันที่มีผล", "the decision date is required")
        if errors:
            raise ValidationError(errors)


# -- import check (pure: the caller reads the file and gives the audience) ------------------
IMPORT_COLUMNS = labels_of("appraisal.import_columns")


def check_score_table(
    table: list[list[object]], audience: dict[str, tuple[int, bool]], weights: dict
) -> tuple[list, list]:
    """Check an imported score table (header first). ``audience`` maps a staff code to
    (result id, locked). Returns (rows, errors): rows are (row number, result id, results,
    competency, total, comment); errors are (row number, column, th, en). Nothing is written."""
    rows: list[tuple] = []
    errors: list[tuple[int, str, str, str]] = []
    if not table or not any(cell_text(c) for c in table[0]):
        return rows, [(1, "-", "ไฟล์ว่างหรือไม่มีแถวหัวตาราง", "the file is empty or has no header row")]
    lookup = {}
    for f, (th, en) in IMPORT_COLUMNS.items():
        lookup[th.casefold()] = lookup[en] = f
    lookup.update({"รหัสบุคลากร": "code", "ผลสัมฤทธิ์ของงาน": "results", "พฤติกรรม": "competency", "รวม": "total"})
    header = [cell_text(c).lstrip("\ufeff").strip() for c in table[0]]
    cols: dict[str, int] = {}
    for i, name in enumerate(header):
        f = lookup.get(name.casefold())
        if f and f in cols:
            errors.append((1, name, "หัวคอลัมน์ซ้ำ", "duplicate column header"))
        elif f:
            cols[f] = i
    if "code" not in cols:
        errors.append((1, "รหัส", "ไม่มีคอลัมน์ “รหัส” (code)", "required column 'code' (รหัส) is missing"))
    if not ({"results", "competency"} <= set(cols) or "total" in cols):
        errors.append(
            (
                1,
                "ผลสัมฤทธิ์",
                "ต้องมีคอลัมน์ ผลสัมฤทธิ์ และ สมรรถนะ หรือคอลัมน์ คะแนนรวม",
                "columns results and competency, or total, are required",
            )
        )
    if errors:
        return rows, errors
    seen: dict[str, int] = {}
    for n, raw in enumerate(table[1:], start=2):
        v = {f: cell_text(raw[i]) if i < len(raw) else "" for f, i in cols.items()}
        if not any(v.values()):
            continue

        def err(f: str, th: str, en: str, n: int = n) -> None:
            errors.append((n, header[cols[f]] if f in cols else f, th, en))

        code = to_arabic_digits(v["code"])
        who = audience.get(code)
        if not code:
            err("code", "ต้องกรอกรหัส", "code is required")
        elif code in seen:
            err("code", f"รหัส {code} ซ้ำกับแถว {seen[code]}", f"code {code} repeats row {seen[code]}")
        elif who is None:
            err("code", f"รหัส {code} ไม่อยู่ในรายชื่อผู้รับการประเมินของรอบนี้", f"code {code} is not in this round's audience")
        elif who[1]:
            err(
                "code",
                f"ผลของรหัส {code} รับทราบแล้ว (ล็อก) — ต้องเปิดแก้ไขก่อน",
                f"the result of {code} is acknowledged (locked)",
            )
        seen.setdefault(code, n)
        parsed: dict[str, Decimal | None] = {}
        for f, most in (("results", weights["results"]), ("competency", weights["competency"]), ("total", 100)):
            parsed[f] = None
            if v.get(f):
                try:
                    parsed[f] = parse_score(v[f], f, most)
                except ValidationError as exc:
                    err(f, *next(iter(exc.errors.values())))
                    parsed[f] = Decimal(-1)
        if all(x is None or x >= 0 for x in parsed.values()):
            try:
                total_of(parsed["results"], parsed["competency"], parsed["total"])
            except ValidationError as exc:
                f, (th, en) = next(iter(exc.errors.items()))
                err(f if f in cols else ("total" if "total" in cols else "results"), th, en)
        if who is not None:
            rows.append((n, who[0], parsed["results"], parsed["competency"], parsed["total"], v.get("comment", "")))
    if not rows and not errors:
        errors.append((2, "-", "ไม่มีคะแนนในไฟล์", "the file has no score rows"))
    return rows, errors
