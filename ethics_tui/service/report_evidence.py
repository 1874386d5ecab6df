"""The publish-ready ITA evidence folder of a year: every file of every item of the year's
item table (service/ita_items.py), named after the item and the year, plus an index.

``index.html`` (and ``index.csv`` / ``index.xlsx``) lists item → title → file → SHA-256 → a URL
column the webmaster fills in; the office uploads the folder as it is and pastes the links into
ITAS. Items whose file could not be made, or whose records are missing (a red check), are red.
Every PDF is recorded in the audit log, so ``verify-pdf`` recognises it.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.service import report
from ethics_tui.service.access import require
from ethics_tui.service.context import Context

STATUS_TH = {"green": "พร้อม", "amber": "ควรตรวจ", "red": "ขาด"}
COLOURS = {"green": "#1b5e20", "amber": "#8a5a00", "red": "#c62828"}


@dataclass
class Entry:
    order: int
    code: str
    title: str
    shows: str
    output: str
    period: str  # Thai label of the records period
    file: str  # file name in the folder ("" when it could not be made)
    sha256: str
    url: str
    status: str  # green / amber / red
    note: str  # the check's message, or why the file is missing


def file_name(item, index: int, output: str, period) -> str:
    return f"{item.file_code(index)}-{output}-{period.tag}.pdf"


def build(ctx: Context, fy: int, out: Path, base_url: str = "", today: date | None = None, signer=None) -> list[Entry]:
    """Write every file (signed with ``signer`` when given: service/pdf_sign.py) and return the
    index entries (in the table's order)."""
    from ethics_tui.pdf.authenticity import sha256_file
    from ethics_tui.service import ita_items
    from ethics_tui.service.ita_outputs import outputs

    entries = []
    table = ita_items.load(ctx, fy)
    for i, item in enumerate(table.items, 1):
        for name, rule in item.uses():
            p = ita_items.period(rule, fy, today)
            fname = file_name(item, i, name, p)
            try:
                status, th, _en = outputs()[name].check(ctx, p)
                path = outputs()[name].write(ctx, p, out / fname)
                if signer is not None:
                    from ethics_tui.service.pdf_sign import sign

                    sign(ctx, path, signer, reason=f"ITA {fy} {item.code}")
                digest = sha256_file(path)
            except UserError as exc:
                entries.append(
                    Entry(
                        i,
                        item.code,
                        item.title,
                        item.shows,
                        name,
                        p.label(),
                        "",
                        "",
                        "",
                        "red",
                        f"จัดทำไฟล์ไม่ได้: {exc.th}",
                    )
                )
                continue
            url = (base_url.rstrip("/") + "/" + fname) if base_url else ""
            entries.append(Entry(i, item.code, item.title, item.shows, name, p.label(), fname, digest, url, status, th))
        if not item.uses():
            entries.append(
                Entry(
                    i,
                    item.code,
                    item.title,
                    item.shows,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "red",
                    "โปรแกรมไม่ได้จัดทำหลักฐานข้อนี้ ต้องจัดทำเอง",
                )
            )
    return entries


HEADERS = ("ลำดับ", "ข้อ", "ชื่อรายการ", "ไฟล์", "SHA-256", "URL", "สถานะ", "หมายเหตุ", "ช่วงข้อมูล")


def _rows(entries: list[Entry]) -> list[list[str]]:
    return [
        [str(e.order), e.code, e.title, e.file, e.sha256, e.url, STATUS_TH.get(e.status, e.status), e.note, e.period]
        for e in entries
    ]


def write_html(path: Path, entries: list[Entry], *, office: str, fy: int, note: str) -> Path:
    from ethics_tui.store.atomic import atomic_write_bytes

    esc = html.escape
    rows = []
    for e in entries:
        link = f'<a href="{esc(e.file)}">{esc(e.file)}</a>' if e.file else "<b>ไม่มีไฟล์</b>"
        missing = e.status == "red"
        rows.append(
            f'<tr class="item {e.status}{" missing" if missing else ""}" data-code="{esc(e.code)}" '
            f'data-status="{e.status}" style="color:{COLOURS.get(e.status, "#000")}">'
            f"<td>{e.order}</td><td>{esc(e.code)}</td><td>{esc(e.title)}<br><small>{esc(e.period)}</small></td>"
            f'<td>{link}</td><td><code>{esc(e.sha256)}</code></td><td class="url">'
            f"{f'<a href={chr(34)}{esc(e.url)}{chr(34)}>{esc(e.url)}</a>' if e.url else ''}</td>"
            f"<td>{esc(STATUS_TH.get(e.status, e.status))}</td><td>{esc(e.note)}</td></tr>"
        )
    red = sum(e.status == "red" for e in entries)
    doc = f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<title>หลักฐาน ITA ปี {fy} {esc(office)}</title>
<style>body{{font-family:"TH Sarabun New",Sarabun,"Noto Sans Thai",Tahoma,sans-serif;margin:1.5em}}table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #999;padding:4px;vertical-align:top}}th{{background:#eee}}
tr.red{{background:#fdecea;font-weight:bold}}code{{font-size:70%;word-break:break-all}}</style></head>
<body><h1>หลักฐานการประเมิน ITA ปี พ.ศ. {fy}</h1>
<p id="office">{esc(office)}</p>
<p id="note">{esc(note)}</p>
<p id="summary">รายการทั้งหมด {len(entries)} ไฟล์ · ขาด {red} รายการ (สีแดง) · จัดทำเมื่อ {date.today().isoformat()}</p>
<table id="items"><thead><tr>{"".join(f"<th>{h}</th>" for h in HEADERS[:8])}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<p>คอลัมน์ URL: ผู้ดูแลเว็บไซต์กรอกที่อยู่ของไฟล์เมื่ออัปโหลดแล้ว แล้วนำไปกรอกในระบบ ITAS
(SHA-256 ใช้ตรวจว่าไฟล์บนเว็บไซต์ตรงกับที่ส่งออกจากระบบ: ethics-tui verify-pdf)</p>
</body></html>
"""
    atomic_write_bytes(path, doc.encode("utf-8"))
    return path


def write_csv(path: Path, entries: list[Entry]) -> Path:
    from ethics_tui.store.atomic import atomic_write_bytes

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADERS)
    w.writerows(_rows(entries))
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))  # BOM: Thai Excel opens it right
    return path


def write_xlsx(path: Path, entries: list[Entry], fy: int) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ethics_tui.store.atomic import atomic_write_bytes

    wb = Workbook()
    ws = wb.active
    ws.title = f"ITA {fy}"
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for e, row in zip(entries, _rows(entries)):
        ws.append(row)
        if e.status == "red":
            for cell in ws[ws.max_row]:
                cell.font = Font(color="C62828", bold=True)
    for col, width in zip("ABCDEFGHI", (6, 12, 50, 40, 20, 40, 10, 50, 30)):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(path, buf.getvalue())
    return path


def write_evidence(
    ctx: Context, fy: int, out_dir: Path | str, base_url: str = "", today: date | None = None, signer=None
) -> list[Path]:
    """Write the evidence folder of ITA year ``fy`` into ``out_dir``. Returns the paths written
    (the PDFs, then index.html, index.csv and index.xlsx)."""
    from ethics_tui.service import ita_items
    from ethics_tui.service.settings import get_settings

    require(ctx, "report.read")
    report.check_fy(fy)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"สร้างโฟลเดอร์ {out} ไม่ได้ ({exc.strerror})", f"Cannot create {out} ({exc.strerror})") from None
    entries = build(ctx, fy, out, base_url, today, signer)
    table = ita_items.load(ctx, fy)
    office = get_settings(ctx).office_name
    paths = [out / e.file for e in entries if e.file]
    paths.append(write_html(out / "index.html", entries, office=office, fy=fy, note=table.note))
    paths.append(write_csv(out / "index.csv", entries))
    paths.append(write_xlsx(out / "index.xlsx", entries, fy))
    ctx.store.log_event(
        "export",
        "ita-evidence",
        fy,
        note=f"{len(entries)} entries, {sum(e.status == 'red' for e in entries)} red",
        actor=ctx.actor,
    )
    return paths


def entries_of(path: Path) -> list[dict]:
    """Read an index.csv back (tests, and re-checking a folder)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
