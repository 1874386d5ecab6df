"""Staff import (CSV/XLSX, all-or-nothing) and export (CSV with BOM / XLSX).

The format is documented in README.md and templates/staff-template.csv.
openpyxl is imported only when an XLSX file is read or written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.staff import ALL_STAFF_TYPES, Staff, staff_type_of
from ethics_tui.model.text import bad_char, cell_text
from ethics_tui.service import sheets
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.settings import DIVISIONS
from ethics_tui.service.staff import STAFF
from ethics_tui.thai.dates import ThaiDateError, format_date, parse_date
from ethics_tui.thai.digits import to_arabic_digits

# (field, Thai header, English alias, required)
COLUMNS = (
    ("code", "รหัส", "code", False),
    ("prefix", "คำนำหน้า", "prefix", True),
    ("first_name", "ชื่อ", "first_name", True),
    ("last_name", "นามสกุล", "last_name", True),
    ("position", "ตำแหน่ง", "position", True),
    ("level", "ระดับ", "level", False),
    ("division", "กอง", "division", True),
    ("staff_type", "ประเภทบุคลากร", "staff_type", True),
    ("start_date", "วันที่เริ่มงาน", "start_date", False),
    ("email", "อีเมล", "email", False),
    ("phone", "โทรศัพท์", "phone", False),
    ("status", "สถานะ", "status", False),
)
THAI_HEADER = {f: th for f, th, _, _ in COLUMNS}
ACTIVE_WORDS = {"ใช้งาน", "active", "ปฏิบัติงาน", ""}
INACTIVE_WORDS = {"ไม่ใช้งาน", "พ้นสภาพ", "inactive"}
_FIELD_LABEL_EN = {f: en for f, _, en, _ in COLUMNS}


@dataclass
class RowError:
    row: int  # row number in the file, header = 1
    column: str  # header as written in the file (or the Thai name when missing)
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        if lang == "en":
            return f"row {self.row}, column {self.column}: {self.en}"
        return f"แถว {self.row} คอลัมน์ {self.column}: {self.th}"


@dataclass
class ImportPlan:
    """The result of checking a file: rows ready to save, or every error found."""

    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, staff fields + division)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # matched an existing record with the same values
    divisions_created: list[str] = field(default_factory=list)
    #: staff fields that the file has a column for; an update keeps the others as they were
    present: set[str] = field(default_factory=set)
    #: the row of the file taken as the header (a title may stand above it)
    header_row: int = 1

    @property
    def ok(self) -> bool:
        return not self.errors


# -- reading files --------------------------------------------------------------------------
def read_table(path: Path | str) -> list[list[object]]:
    """All rows of a CSV or XLSX file as lists of cell values (header first). A CSV is read as
    Excel writes it, the app's own export protection undone (service/csv_input.py).

    Bounded memory on hostile files (service/input_files.py): regular files of at most
    IMPORT_MAX_BYTES only; an XLSX is checked for zip bombs and read streaming."""
    from ethics_tui.service.csv_input import read_csv_rows
    from ethics_tui.service.input_files import IMPORT_MAX_BYTES, read_regular, read_sheet_rows

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ""):
        raise UserError(
            f"ไม่รองรับไฟล์ชนิด {suffix} — ใช้ .csv หรือ .xlsx",
            f"Unsupported file type {suffix}; use .csv or .xlsx",
        )
    raw = read_regular(path, IMPORT_MAX_BYTES, "ไฟล์นำเข้า", "import file")
    if suffix in (".xlsx", ".xlsm"):
        return read_sheet_rows(raw, path)
    return read_csv_rows(raw, path)


# -- checking -------------------------------------------------------------------------------
def _map_header(header: list[object], plan: ImportPlan) -> dict[str, int]:
    """field -> column index. The app's own headers (Thai, or the English names) first; then the
    usual other names of an office's sheet (staff_headers.ALIASES: สังกัด, ส่วนราชการ, ประเภท,
    ชื่อ-สกุล...) for the fields still missing. A full-name column stands for the prefix, first
    and last names when they have no columns of their own."""
    from ethics_tui.service.staff_headers import field_of, quietly_skipped, squash

    hrow = plan.header_row
    own = {}
    for f, th, en, _ in COLUMNS:
        own[squash(th)] = f
        own[squash(en)] = f
        own[squash(en.replace("_", " "))] = f
    mapping: dict[str, int] = {}
    later: list[tuple[int, str, str]] = []  # (column, header, field) by another name
    for idx, cell in enumerate(header):
        name = cell_text(cell).lstrip("\ufeff").strip()
        if not name:
            continue
        f = own.get(squash(name))
        if f is None:
            f = field_of(name)
            if f is not None:
                later.append((idx, name, f))
            elif not quietly_skipped(name):
                plan.warnings.append((f"ไม่รู้จักคอลัมน์ “{name}” — ข้ามไป", f"Unknown column '{name}' ignored"))
            continue
        if f in mapping:
            plan.errors.append(RowError(hrow, name, "หัวคอลัมน์ซ้ำ", "duplicate column header"))
            continue
        mapping[f] = idx
    names = {"prefix", "first_name", "last_name"}
    for idx, name, f in later:
        if f in mapping or (f == "full_name" and names <= set(mapping)):
            plan.warnings.append(
                (f"คอลัมน์ “{name}” ซ้ำกับคอลัมน์ที่มีแล้ว — ข้ามไป", f"Column '{name}' repeats another column; ignored")
            )
            continue
        mapping[f] = idx
    has_full = "full_name" in mapping
    for f, th, en, required in COLUMNS:
        if required and f not in mapping and not (has_full and f in names):
            plan.errors.append(
                RowError(hrow, th, f"ไม่มีคอลัมน์ที่จำเป็น “{th}” ({en})", f"required column '{en}' ({th}) is missing")
            )
    return mapping


def check_rows(ctx: Context, table: list[list[object]]) -> ImportPlan:
    """Validate every row against the current data. Nothing is written."""
    from ethics_tui.service.staff_headers import header_index, header_note
    from ethics_tui.thai.names import split_full_name

    plan = ImportPlan()
    h = header_index(table)
    plan.header_row = h + 1
    if not table or not any(cell_text(c) for c in table[h]):
        plan.errors.append(RowError(1, "-", "ไฟล์ว่างหรือไม่มีแถวหัวตาราง", "the file is empty or has no header row"))
        return plan
    if h:
        plan.warnings.append(header_note(h))
    mapping = _map_header(table[h], plan)
    if plan.errors:
        return plan
    header_names = {f: cell_text(table[h][i]) for f, i in mapping.items()}
    full = mapping.get("full_name")
    for f in ("prefix", "first_name", "last_name"):
        if full is not None and f not in mapping:
            header_names[f] = header_names["full_name"]
    fields = set(mapping) - {"full_name"} | ({"prefix", "first_name", "last_name"} if full is not None else set())
    plan.present = {"active" if f == "status" else "division_id" if f == "division" else f for f in fields}
    from ethics_tui.service.people import division_docs, staff_docs
    from ethics_tui.service.staff_match import Matcher, match_rows

    divisions = {" ".join(d["name"].split()): int(k) for k, d in division_docs(ctx).items()}
    seen_codes: dict[str, int] = {}
    new_divisions: list[str] = []
    for rownum, row in enumerate(table[h + 1 :], start=h + 2):
        values = {f: cell_text(row[i]) if i < len(row) else "" for f, i in mapping.items()}
        raw_date = row[mapping["start_date"]] if "start_date" in mapping and mapping["start_date"] < len(row) else None
        if not any(values.values()):
            continue  # blank row
        if full is not None:  # "นายสมชาย ใจดี" in one column: the parts their own columns leave empty
            for f, part in zip(("prefix", "first_name", "last_name"), split_full_name(values.pop("full_name"))):
                if not values.get(f):
                    values[f] = part

        def err(f: str, th: str, en: str) -> None:
            plan.errors.append(RowError(rownum, header_names.get(f, THAI_HEADER[f]), th, en))  # noqa: B023 - called in this loop step

        start = ""
        if isinstance(raw_date, (datetime, date)):
            start = (raw_date.date() if isinstance(raw_date, datetime) else raw_date).isoformat()
        elif values.get("start_date"):
            try:
                start = parse_date(values["start_date"]).isoformat()
            except ThaiDateError as exc:
                err("start_date", exc.th, exc.en)
                start = None
        div_name = " ".join(values.get("division", "").split())
        status = values.get("status", "").casefold()
        if status in INACTIVE_WORDS:
            active = False
        elif status in ACTIVE_WORDS:
            active = True
        else:
            err("status", "สถานะต้องเป็น ใช้งาน หรือ ไม่ใช้งาน", "status must be ใช้งาน (active) or ไม่ใช้งาน (inactive)")
            active = True
        code = to_arabic_digits(values.get("code", ""))
        if code:
            if code in seen_codes:
                err("code", f"รหัส “{code}” ซ้ำกับแถว {seen_codes[code]}", f"code {code} repeats row {seen_codes[code]}")
            seen_codes.setdefault(code, rownum)
        staff = Staff(
            prefix=values.get("prefix", ""),
            first_name=values.get("first_name", ""),
            last_name=values.get("last_name", ""),
            position=values.get("position", ""),
            division_id=1,  # checked separately by name
            staff_type=staff_type_of(values.get("staff_type", "")),
            code=code,
            level=values.get("level", ""),
            start_date=start or "",
            email=values.get("email", ""),
            phone=values.get("phone", ""),
            active=active,
        )
        if not div_name:
            err("division", "ต้องกรอกกอง", "division is required")
        else:
            bad = bad_char(div_name)
            if bad is not None:
                err(
                    "division",
                    f"มีอักขระควบคุมที่ไม่อนุญาต (U+{ord(bad):04X})",
                    f"contains a control character that is not allowed (U+{ord(bad):04X})",
                )
                div_name = ""
        try:
            staff.validate()
        except ValidationError as exc:
            for f, (th, en) in exc.errors.items():
                if f == "staff_type" and staff.staff_type:
                    th = f"ไม่รู้จักประเภทบุคลากร “{staff.staff_type}” — ใช้ " + " / ".join(ALL_STAFF_TYPES)
                    en = f"unknown staff type '{staff.staff_type}'; use " + " / ".join(ALL_STAFF_TYPES)
                err(f if f in THAI_HEADER else "division", th, en)
        if div_name and div_name not in divisions and div_name not in new_divisions:
            new_divisions.append(div_name)
        record = staff.to_dict()
        record["division"] = div_name
        plan.rows.append((rownum, record))
    match_rows(plan, Matcher(staff_docs(ctx), {v: k for k, v in divisions.items()}), header_names)
    if not plan.rows and not plan.errors:
        plan.errors.append(RowError(2, "-", "ไม่มีข้อมูลบุคลากรในไฟล์", "the file has no staff rows"))
    plan.divisions_created = new_divisions
    return plan


def import_file(ctx: Context, path: Path | str, dry_run: bool = False) -> ImportPlan:
    """Check the whole file; if every row is good and not ``dry_run``, save all in one write."""
    from ethics_tui.service.staff_match import Ambiguous, Matcher

    require(ctx, "staff.write")
    table = read_table(path)
    plan = check_rows(ctx, table)
    if plan.errors or dry_run:
        return plan
    with ctx.store.transaction(actor=ctx.actor) as tx:
        divs = tx.table(DIVISIONS)
        staff_table = tx.table(STAFF)
        div_ids = {" ".join(d["name"].split()): d.doc_id for d in divs.all()}
        for name in plan.divisions_created:
            if name not in div_ids:
                div_ids[name] = divs.insert({"name": name, "active": True, "rev": 1})
        matcher = Matcher({d.doc_id: d for d in staff_table.all()}, {v: k for k, v in div_ids.items()})
        inserts = []
        # recount against the data under the lock (another PC may have imported meanwhile)
        plan.added = plan.updated = plan.unchanged = 0
        for _rownum, rec in plan.rows:
            try:
                found, _how = matcher.find(rec)
            except Ambiguous:  # another PC added a namesake since the check
                raise UserError(
                    "ข้อมูลบุคลากรเปลี่ยนไประหว่างตรวจ — ตรวจไฟล์อีกครั้ง", "Staff changed since the check; check the file again"
                ) from None
            if found is not None:
                rec, changed = matcher.update(found, rec, plan.present)
                if changed:
                    rec["rev"] = int(matcher.docs[found].get("rev", 0)) + 1
                    tx.put(STAFF, found, rec)
                    plan.updated += 1
                else:
                    plan.unchanged += 1
            else:
                rec = dict(rec)
                rec["division_id"] = div_ids[rec.pop("division")]
                rec["rev"] = 1
                inserts.append(rec)
                plan.added += 1
        if inserts:
            staff_table.insert_multiple(inserts)
        tx.log(
            "import",
            "staff",
            None,
            note=f"{Path(path).name}: added {plan.added}, updated {plan.updated}, "
            f"divisions created {len(plan.divisions_created)}",
        )
    return plan


# -- export ---------------------------------------------------------------------------------
def export_rows(ctx: Context) -> list[list[str]]:
    from ethics_tui.service.staff import search

    rows = [[th for _, th, _, _ in COLUMNS]]
    for r in search(ctx, include_inactive=True):
        s = r.staff
        rows.append(
            [
                s.code,
                s.prefix,
                s.first_name,
                s.last_name,
                s.position,
                s.level,
                r.division,
                s.staff_type,
                format_date(s.start_date, "numeric") if s.start_date else "",
                s.email,
                s.phone,
                "ใช้งาน" if s.active else "ไม่ใช้งาน",
            ]
        )
    return rows


def export_file(ctx: Context, path: Path | str) -> int:
    """Write all staff to ``path`` (.csv UTF-8 with BOM, or .xlsx). Returns the row count."""
    from ethics_tui.store.atomic import atomic_write_bytes

    require(ctx, "staff.export")
    path = Path(path)
    rows = export_rows(ctx)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        payload = sheets.csv_bytes(rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "บุคลากร"
        for r in rows:
            sheets.append_row(ws, r)
        out = io.BytesIO()
        wb.save(out)
        payload = out.getvalue()
    else:
        raise UserError(
            f"ส่งออกได้เฉพาะ .csv หรือ .xlsx (ไม่ใช่ {suffix or 'ไม่มีนามสกุลไฟล์'})",
            f"Export supports .csv or .xlsx only (not {suffix or 'no extension'})",
        )
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, payload)
    ctx.store.log_event("export", "staff", None, note=f"{path.name}: {len(rows) - 1} rows", actor=ctx.actor)
    return len(rows) - 1
