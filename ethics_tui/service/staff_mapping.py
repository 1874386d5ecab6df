"""Staff import by column mapping, with saved presets: map an export of the office's personnel
system (LHR, or its own Excel register) once, then import it every year.

The mapped file is turned into the app's own import format (service/staff_io.py COLUMNS) and
imported by ``staff_io.import_file`` (all-or-nothing, audited). National ID numbers are never
stored: a column that holds 13-digit numbers (or whose header names the ID card) is skipped, and
mapping it to any field is refused.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.service import sheets
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.staff_headers import ALIASES, header_index, squash
from ethics_tui.thai.digits import to_arabic_digits
from ethics_tui.thai.names import split_full_name

TABLE = "staff_import_presets"
#: the app's fields, plus ``full_name`` (one column "นายสมชาย ใจดี", split on import)
FIELDS = (
    "code",
    "prefix",
    "first_name",
    "last_name",
    "full_name",
    "position",
    "level",
    "division",
    "staff_type",
    "start_date",
    "email",
    "phone",
    "status",
)
ID_HEADER_WORDS = ("เลขประจำตัวประชาชน", "บัตรประชาชน", "เลขบัตร", "citizen", "nationalid", "idcard", "pid")
_ID_RE = re.compile(r"^\d{13}$")
_squash = squash


def header_row(table: list[list[object]], columns: dict[str, str] | None = None) -> int:
    """The index of ``table``'s header row (below a title row, staff_headers.header_index);
    ``columns``: a mapping whose source headers count as header words too."""
    return header_index(table, (columns or {}).values())


def header_cells(table: list[list[object]]) -> list[object]:
    """The cells of the header row (empty for an empty table)."""
    return table[header_row(table)] if table else []


def looks_like_id(value) -> bool:
    """13 digits (Thai or Arabic, dashes and spaces ignored): a national ID number."""
    s = re.sub(r"[\s\-]", "", to_arabic_digits(str(value or "")))
    return bool(_ID_RE.match(s))


def id_columns(table: list[list[object]], at: int = 0) -> set[int]:
    """Columns that hold national ID numbers (header words, or most filled cells are 13 digits);
    ``at``: the index of the header row."""
    if not table:
        return set()
    header, rows = table[at], table[at + 1 :]
    out = set()
    for i, h in enumerate(header):
        if any(w in _squash(h) for w in ID_HEADER_WORDS):
            out.add(i)
            continue
        cells = [r[i] for r in rows if i < len(r) and str(r[i] or "").strip()]
        if cells and sum(looks_like_id(c) for c in cells) * 2 >= len(cells):
            out.add(i)
    return out


@dataclass
class Preset:
    name: str
    columns: dict[str, str] = field(default_factory=dict)  # field -> header in the source file
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {source value: app value}
    id: int | None = None
    SINGLE_LINE = ("name",)  # model/text.py: control characters, tab and newline refused

    def validate(self) -> None:
        from ethics_tui.model.text import text_errors

        errors = {}
        text = text_errors(self)  # the name one line, no ESC/BEL: `staff-map presets` prints it
        if not self.name.strip() or len(self.name) > 80:
            errors["name"] = ("ต้องตั้งชื่อชุดการจับคู่ (ไม่เกิน 80 ตัวอักษร)", "give the preset a name (at most 80 characters)")
        elif "name" in text:
            errors["name"] = text["name"]
        bad = [f for f in self.columns if f not in FIELDS]
        if bad:
            errors["columns"] = (f"ไม่รู้จักช่อง {', '.join(bad)}", f"unknown field(s) {', '.join(bad)}")
        if "full_name" not in self.columns and not {"first_name", "last_name"} <= set(self.columns):
            errors["columns"] = (
                "ต้องจับคู่คอลัมน์ชื่อ-สกุล หรือทั้งชื่อและนามสกุล",
                "map the full name, or both first and last names",
            )
        if errors:
            raise ValidationError(errors)


def suggest(header: list[object]) -> dict[str, str]:
    """A first guess: field -> header, from usual header words."""
    out: dict[str, str] = {}
    for h in header:
        key = _squash(h)
        for f, words in ALIASES.items():
            if f not in out and key in {_squash(w) for w in words}:
                out[f] = str(h).strip()
                break
    if "full_name" in out and "first_name" in out and _squash(out["first_name"]) == _squash(out["full_name"]):
        del out["first_name"]
    return out


def presets(ctx: Context) -> list[Preset]:
    require(ctx, "staff.write")
    rows = ctx.store.load().get(TABLE, {})
    return sorted(
        (Preset(d["name"], dict(d.get("columns", {})), dict(d.get("values", {})), int(k)) for k, d in rows.items()),
        key=lambda p: p.name,
    )


def get_preset(ctx: Context, name: str) -> Preset:
    for p in presets(ctx):
        if p.name == name:
            return p
    raise UserError(f"ไม่พบชุดการจับคู่คอลัมน์ “{name}”", f"No column-mapping preset '{name}'")


def save_preset(ctx: Context, preset: Preset) -> Preset:
    require(ctx, "staff.write")
    preset.name = preset.name.strip()
    preset.validate()
    doc = {"name": preset.name, "columns": preset.columns, "values": preset.values}
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(TABLE)
        old = next((d for d in table.all() if d.get("name") == preset.name), None)
        if old is None:
            preset.id = table.insert(doc)
        else:
            preset.id = old.doc_id
            tx.put(TABLE, old.doc_id, doc)
        tx.log("update" if old else "create", "staff_import_preset", preset.id, list(preset.columns))
    return preset


@dataclass
class Mapped:
    #: the app's Thai headers and the rows, each at the row number it has in the source file
    #: (empty rows above the header and in place of blank rows, so errors name the file's rows)
    table: list[list[str]]
    skipped: list[str]  # source headers skipped as national ID columns
    at: int = 0  # the index of the header row


def apply(table: list[list[object]], preset: Preset) -> Mapped:
    """The source table in the app's import format. Refuses a mapped ID column."""
    from ethics_tui.service.staff_io import COLUMNS

    if not table:
        raise UserError("ไฟล์ว่าง", "The file is empty")
    at = header_row(table, preset.columns)
    header = [str(h or "").lstrip("\ufeff").strip() for h in table[at]]
    ids = id_columns(table, at)
    index = {}
    for f, h in preset.columns.items():
        matches = [i for i, x in enumerate(header) if _squash(x) == _squash(h)]
        if not matches:
            raise UserError(f"ไม่พบคอลัมน์ “{h}” ในไฟล์ (จับคู่กับ {f})", f"Column '{h}' (mapped to {f}) is not in the file")
        if matches[0] in ids:
            raise UserError(
                f"คอลัมน์ “{h}” มีเลขประจำตัวประชาชน 13 หลัก — โปรแกรมไม่เก็บเลขนี้ จับคู่กับ {f} ไม่ได้",
                f"Column '{h}' holds 13-digit national ID numbers; the program never stores them",
            )
        index[f] = matches[0]
    out_fields = [
        c[0]
        for c in COLUMNS
        if c[0] in index or (c[0] in ("prefix", "first_name", "last_name") and "full_name" in index)
    ]
    rows: list[list[str]] = [[] for _ in range(at)]
    rows.append([next(th for f2, th, _, _ in COLUMNS if f2 == f) for f in out_fields])
    for raw in table[at + 1 :]:
        vals = {f: str(raw[i]).strip() if i < len(raw) and raw[i] is not None else "" for f, i in index.items()}
        if not any(vals.values()):
            rows.append([])
            continue
        if "full_name" in vals:
            p, first, last = split_full_name(vals.pop("full_name"))
            vals.setdefault("prefix", p)
            vals.setdefault("first_name", first)
            vals.setdefault("last_name", last)
        for f, table_of in preset.values.items():
            if vals.get(f) in table_of:
                vals[f] = table_of[vals[f]]
        for f, v in vals.items():
            if looks_like_id(v):
                raise UserError(
                    f"พบเลข 13 หลักในช่อง {f} — โปรแกรมไม่เก็บเลขประจำตัวประชาชน",
                    f"A 13-digit number in {f}: national ID numbers are never stored",
                )
        rows.append([vals.get(f, "") for f in out_fields])
    return Mapped(rows, [header[i] for i in sorted(ids)], at)


def import_mapped(ctx: Context, path: Path | str, preset: Preset, dry_run: bool = False):
    """Map ``path`` with ``preset`` and import it with the ordinary all-or-nothing import.
    Returns (ImportPlan, Mapped)."""
    from ethics_tui.service.staff_io import import_file, read_table

    require(ctx, "staff.write")
    mapped = apply(read_table(path), preset)
    with tempfile.TemporaryDirectory(prefix="ethics-map-") as tmp:
        out = Path(tmp) / f"{Path(path).stem}-mapped.csv"
        # written as the export writes and read back undoing exactly that (sheets.csv_value):
        # a value is not stripped of an apostrophe twice
        out.write_bytes(sheets.csv_bytes(mapped.table))
        plan = import_file(ctx, out, dry_run=dry_run)
    return plan, mapped
