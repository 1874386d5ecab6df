"""The per-year ITA item table (data, not code) and the readiness checklist computed from it.

The table ships as ``ethics_tui/templates/ita-items-<year>.toml`` for 2568 and 2569, marked
"check against the year's ITAS manual". An office copies it into ``<data>/ita/`` and edits it;
the copy wins. Item numbers change between years and kinds of agency: they are never in code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import fiscal_year_range, format_date

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PERIODS = {
    "current_fy": ("ปีงบประมาณที่ประเมิน", "the assessed fiscal year"),
    "previous_fy": ("ปีงบประมาณก่อนหน้า", "the previous fiscal year"),
    "first_half": ("6 เดือนแรกของปีงบประมาณ", "the first six months of the fiscal year"),
    "as_of": ("ณ วันที่", "on a date"),
}
STATUS_ORDER = {"green": 0, "amber": 1, "red": 2}


@dataclass(frozen=True)
class Period:
    rule: str
    fy: int  # the fiscal year whose records are used
    start: date
    end: date

    @property
    def half(self) -> bool:
        return self.rule == "first_half"

    @property
    def tag(self) -> str:
        """For file names: 2568, 2569-h1, 2569-asof."""
        return {"first_half": f"{self.fy}-h1", "as_of": f"{self.fy}-asof"}.get(self.rule, str(self.fy))

    def label(self) -> str:
        if self.rule == "as_of":
            return f"ณ วันที่ {format_date(self.end, 'full')}"
        what = "6 เดือนแรก ปีงบประมาณ" if self.half else "ปีงบประมาณ"
        return f"{what} พ.ศ. {self.fy} ({format_date(self.start, 'abbr')} - {format_date(self.end, 'abbr')})"


def period(rule: str, year: int, today: date | None = None) -> Period:
    """The records period of ``rule`` for the ITA of ``year`` (B.E.)."""
    fy = year - 1 if rule == "previous_fy" else year
    start, end = fiscal_year_range(fy)
    if rule == "first_half":
        end = date(start.year + 1, 3, 31)
    elif rule == "as_of":
        end = min(end, today or date.today())
    elif rule not in PERIODS:
        raise UserError(
            f"ช่วงเวลา “{rule}” ไม่ถูกต้อง (ใช้ {', '.join(PERIODS)})", f"Unknown period '{rule}' (use {', '.join(PERIODS)})"
        )
    return Period(rule, fy, start, end)


@dataclass
class Item:
    code: str
    title: str
    shows: str = ""
    period: str = "current_fy"
    outputs: list[str] = field(default_factory=list)  # "name" or "name@period"
    kind: str = "OIT"
    slug: str = ""

    def file_code(self, index: int) -> str:
        """The item's part of a file name: the code when it is plain ASCII (O13), else ``slug``."""
        import re

        code = re.sub(r"[^A-Za-z0-9-]", "", self.slug or self.code)
        return code or f"item{index:02d}"

    def uses(self) -> list[tuple[str, str]]:
        """(output name, period rule) pairs."""
        out = []
        for spec in self.outputs:
            name, _, rule = spec.partition("@")
            out.append((name.strip(), (rule or self.period).strip()))
        return out


@dataclass
class Table:
    year: int
    items: list[Item]
    note: str = ""
    checked: bool = False
    source: Path | None = None

    @property
    def from_office(self) -> bool:
        return self.source is not None and TEMPLATES not in self.source.parents


def office_path(ctx: Context, year: int) -> Path:
    return Path(ctx.store.dir) / "ita" / f"ita-items-{year}.toml"


def shipped_path(year: int) -> Path:
    return TEMPLATES / f"ita-items-{year}.toml"


def shipped_years() -> list[int]:
    return sorted(int(p.stem.rsplit("-", 1)[1]) for p in TEMPLATES.glob("ita-items-*.toml"))


def parse(text: str, source: Path | None = None) -> Table:
    from ethics_tui.service import ita_outputs

    where = str(source or "")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"อ่านตารางรายการ ITA {where} ไม่ได้: {exc}", f"Cannot read the ITA item table {where}: {exc}"
        ) from None
    items = []
    for i, raw in enumerate(data.get("item", []), 1):
        if not isinstance(raw, dict) or not str(raw.get("code", "")).strip() or not str(raw.get("title", "")).strip():
            raise UserError(
                f"ตารางรายการ ITA {where}: รายการที่ {i} ต้องมี code และ title",
                f"ITA item table {where}: item {i} needs a code and a title",
            )
        outputs = raw.get("outputs", [])
        if not isinstance(outputs, list):
            outputs = [outputs]
        item = Item(
            str(raw["code"]).strip(),
            str(raw["title"]).strip(),
            str(raw.get("shows", "")),
            str(raw.get("period", "current_fy")),
            [str(o) for o in outputs],
            str(raw.get("kind", "OIT")),
            str(raw.get("slug", "")),
        )
        for name, rule in item.uses():
            if name not in ita_outputs.outputs():
                raise UserError(
                    f"ตารางรายการ ITA {where}: ข้อ {item.code} อ้างถึงผลงาน “{name}” ที่ไม่มีในโปรแกรม "
                    f"(มี {', '.join(ita_outputs.outputs())})",
                    f"ITA item table {where}: item {item.code} names an unknown output '{name}'",
                )
            if rule not in PERIODS:
                raise UserError(
                    f"ตารางรายการ ITA {where}: ข้อ {item.code} ใช้ช่วงเวลา “{rule}” ที่ไม่รู้จัก",
                    f"ITA item table {where}: item {item.code} has an unknown period '{rule}'",
                )
        items.append(item)
    try:
        year = int(data.get("year", 0))
    except (TypeError, ValueError):
        year = 0
    return Table(year, items, str(data.get("note", "")), bool(data.get("checked", False)), source)


def load(ctx: Context, year: int) -> Table:
    """The office's table for ``year`` if it has one, else the shipped one, else the nearest
    earlier shipped year (with its year replaced, and the note saying so)."""
    for path in (office_path(ctx, year), shipped_path(year)):
        if path.is_file():
            table = parse(path.read_text(encoding="utf-8-sig"), path)
            table.year = year
            return table
    earlier = [y for y in shipped_years() if y < year] or shipped_years()
    if not earlier:
        raise UserError("ไม่พบตารางรายการ ITA", "No ITA item table found")
    base = max(earlier)
    table = parse(shipped_path(base).read_text(encoding="utf-8"), shipped_path(base))
    table.year = year
    table.note = f"ยังไม่มีตารางของปี {year}: ใช้ตารางปี {base} ไปก่อน — ตรวจสอบกับคู่มือ ITAS ของปี {year}" + (
        f" ({table.note})" if table.note else ""
    )
    return table


def copy_to_office(ctx: Context, year: int) -> Path:
    """Copy the table in use for ``year`` into ``<data>/ita/`` for the office to edit."""
    from ethics_tui.store.atomic import atomic_write_bytes

    dest = office_path(ctx, year)
    if dest.exists():
        raise UserError(f"มีไฟล์ {dest} อยู่แล้ว — แก้ไขไฟล์นั้นได้เลย", f"{dest} already exists; edit it")
    src = load(ctx, year).source
    text = src.read_text(encoding="utf-8") if src else ""
    text = text.replace(f"year = {load(ctx, year).year}", f"year = {year}") if src else text
    dest.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(dest, text.encode("utf-8"))
    ctx.store.log_event("export", "ita-items", year, note=dest.name, actor=ctx.actor)
    return dest


@dataclass
class ItemCheck:
    """One item of the checklist: the worst status of its outputs, with their messages."""

    item: Item
    status: str  # green / amber / red
    lines: list[tuple[str, str, str]]  # (status, th, en) per output used
    register: str = "report"

    def message(self, lang: str = "th") -> str:
        worst = [ln for ln in self.lines if ln[0] == self.status] or self.lines
        text = "; ".join(ln[2] if lang == "en" else ln[1] for ln in worst)
        return f"{self.item.code} {self.item.title if lang != 'en' else ''}: {text}".replace("  ", " ")


def checklist(ctx: Context, year: int, today: date | None = None) -> list[ItemCheck]:
    """The readiness of every item of ``year``'s table, in table order."""
    from ethics_tui.service import ita_outputs

    out = []
    for item in load(ctx, year).items:
        lines, register = [], "report"
        for name, rule in item.uses():
            line = ita_outputs.outputs()[name].check(ctx, period(rule, year, today))
            if STATUS_ORDER.get(line[0], 2) >= max((STATUS_ORDER.get(x[0], 2) for x in lines), default=-1):
                register = ita_outputs.outputs()[name].register
            lines.append(line)
        if not lines:
            lines = [("amber", "โปรแกรมไม่ได้จัดทำหลักฐานข้อนี้", "this program does not produce this item")]
        worst = max((ln[0] for ln in lines), key=lambda s: STATUS_ORDER.get(s, 2))
        out.append(ItemCheck(item, worst, lines, register))
    return out


def readiness(ctx: Context, year: int, today: date | None = None) -> list:
    """The item checklist as report ``Check`` records (what the home screen lists)."""
    from ethics_tui.model.report import Check

    out = []
    for c in checklist(ctx, year, today):
        worst = [ln for ln in c.lines if ln[0] == c.status] or c.lines
        out.append(
            Check(
                f"ita-{c.item.code}",
                c.status,
                f"{c.item.code} {c.item.title}: " + "; ".join(x[1] for x in worst),
                f"{c.item.code}: " + "; ".join(x[2] for x in worst),
                c.register,
            )
        )
    return out
