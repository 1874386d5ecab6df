import csv
import io
import json
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.staff_io import export_file, import_file

HEADER = ["รหัส", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "ระดับ", "กอง", "ประเภทบุคลากร", "วันที่เริ่มงาน", "อีเมล", "โทรศัพท์"]
GOOD = [
    [
        "1001",
        "นาย",
        "สมชาย",
        "ใจดี",
        "นิติกร",
        "ปฏิบัติการ",
        "สำนักปลัด",
        "พนักงานส่วนตำบล",
        "01/10/2560",
        "a@b.go.th",
        "0812345678",
    ],
    ["1002", "นางสาว", "กาญจนา", "บุญมา", "เจ้าพนักงานพัสดุ", "", "กองคลัง", "พนักงานจ้างตามภารกิจ", "๑๕/๐๖/๒๕๖๕", "", ""],
    ["", "นาง", "ปราณี", "ทองดี", "ผู้ดูแลเด็ก", "", "กองการศึกษา ศาสนาและวัฒนธรรม", "พนักงานจ้างทั่วไป", "2023-05-01", "", ""],
]


def write_csv(path, rows, encoding="utf-8", bom=False):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("cp874", False)])
def test_import_csv_encodings(ctx, tmp_path, encoding, bom):
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD], encoding, bom))
    assert plan.ok, [e.message() for e in plan.errors]
    assert (plan.added, plan.updated, len(plan.divisions_created)) == (3, 0, 3)
    rows = {r.staff.first_name: r for r in staff_svc.search(ctx)}
    assert rows["สมชาย"].staff.start_date == "2017-10-01"
    assert rows["กาญจนา"].staff.start_date == "2022-06-15"
    assert rows["ปราณี"].division == "กองการศึกษา ศาสนาและวัฒนธรรม"


def test_english_aliases_any_order_trim_blank_rows_unknown_columns(ctx, tmp_path):
    rows = [
        ["division", "last_name", "first_name", "prefix", "staff_type", "position", "shoe size"],
        [" กองช่าง ", " ใจงาม", "สมศักดิ์ ", "นาย", "ลูกจ้างประจำ", "นายช่างโยธา", "42"],
        ["", "", "", "", "", "", ""],
        ["กองช่าง", "มีสุข", "ชัยวัฒน์", "นาย", "พนักงานจ้างทั่วไป", "คนงาน", ""],
    ]
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", rows))
    assert plan.ok and plan.added == 2
    assert any("shoe size" in th for th, _ in plan.warnings)
    s = staff_svc.search(ctx, "สมศักดิ์")[0]
    assert (s.staff.last_name, s.division) == ("ใจงาม", "กองช่าง")


def test_bad_rows_are_all_listed_and_nothing_is_written(ctx, tmp_path):
    settings_svc.add_division(ctx, "สำนักปลัด")
    before = ctx.store.path().read_bytes()
    rows = [
        HEADER,
        GOOD[0],
        ["1003", "นาย", "", "ใจดี", "นิติกร", "", "สำนักปลัด", "พนักงานส่วนตำบล", "", "", ""],  # row 3: no name
        ["1004", "นาย", "ก", "ข", "นิติกร", "", "สำนักปลัด", "ข้าราชการ", "", "", ""],  # row 4: type
        ["1005", "นาย", "ค", "ง", "นิติกร", "", "สำนักปลัด", "ลูกจ้างประจำ", "31/02/2568", "", ""],  # row 5: date
        ["1001", "นาย", "จ", "ฉ", "นิติกร", "", "สำนักปลัด", "ลูกจ้างประจำ", "", "", ""],  # row 6: dup code
        ["1007", "นาย", "ช", "ซ", "นิติกร", "", "", "ลูกจ้างประจำ", "", "bad-mail", ""],  # row 7: division+email
    ]
    plan = import_file(ctx, write_csv(tmp_path / "bad.csv", rows))
    assert not plan.ok
    got = {(e.row, e.column) for e in plan.errors}
    assert {(3, "ชื่อ"), (4, "ประเภทบุคลากร"), (5, "วันที่เริ่มงาน"), (6, "รหัส"), (7, "กอง"), (7, "อีเมล")} <= got
    msgs = [e.message("th") for e in plan.errors]
    assert any("แถว 5" in m and "31" in m for m in msgs)
    assert all(e.message("en").startswith("row ") for e in plan.errors)
    assert ctx.store.path().read_bytes() == before
    assert staff_svc.count(ctx) == 0


def test_missing_required_columns_and_empty_files(ctx, tmp_path):
    plan = import_file(ctx, write_csv(tmp_path / "a.csv", [["ชื่อ", "นามสกุล"], ["ก", "ข"]]))
    cols = {e.column for e in plan.errors}
    assert {"คำนำหน้า", "ตำแหน่ง", "กอง", "ประเภทบุคลากร"} <= cols
    assert all(e.row == 1 for e in plan.errors)
    (tmp_path / "empty.csv").write_bytes(b"")
    assert not import_file(ctx, tmp_path / "empty.csv").ok
    assert not import_file(ctx, write_csv(tmp_path / "h.csv", [HEADER])).ok


def test_unreadable_and_unsupported_files(ctx, tmp_path):
    from ethics_tui.errors import UserError

    for path, data in ((tmp_path / "x.pdf", b"%PDF"), (tmp_path / "x.xlsx", b"not a zip")):
        path.write_bytes(data)
        with pytest.raises(UserError):
            import_file(ctx, path)
    with pytest.raises(UserError):
        import_file(ctx, tmp_path / "missing.csv")
    (tmp_path / "bin.csv").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError) as exc:
        import_file(ctx, tmp_path / "bin.csv")
    assert "CSV" in exc.value.th
    (tmp_path / "nul.csv").write_bytes("ชื่อ,นามสกุล\n\x00ก,ข\n".encode())
    assert not import_file(ctx, tmp_path / "nul.csv").ok


def test_dry_run_writes_nothing(ctx, tmp_path):
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD]), dry_run=True)
    assert plan.ok and plan.added == 3
    assert ctx.store.is_empty() or staff_svc.count(ctx) == 0


def test_same_code_updates_and_one_write(ctx, tmp_path, monkeypatch):
    import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD]))
    changed = [list(GOOD[0]), GOOD[1]]
    changed[0][4] = "นักทรัพยากรบุคคล"
    writes = []
    real = ctx.store._commit
    monkeypatch.setattr(ctx.store, "_commit", lambda name, *a, **k: (writes.append(name), real(name, *a, **k)))
    plan = import_file(ctx, write_csv(tmp_path / "s2.csv", [HEADER, *changed]))
    assert (plan.added, plan.updated, plan.unchanged, plan.divisions_created) == (0, 1, 1, [])
    assert writes == ["main"]
    assert staff_svc.search(ctx, "สมชาย")[0].staff.position == "นักทรัพยากรบุคคล"
    assert staff_svc.count(ctx) == 3


def test_xlsx_with_real_date_cells_and_numbers(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(
        [2001, "นาย", "อนุชา", "พรหมวงศ์", "นายช่างโยธา", "", "กองช่าง", "พนักงานส่วนตำบล", datetime(2019, 3, 4), "", ""]
    )
    ws.append(
        [2002.0, "นาง", "รัตนา", "สายทอง", "ครู", "", "กองการศึกษา ศาสนาและวัฒนธรรม", "พนักงานส่วนตำบล", "04/03/2562", "", ""]
    )
    wb.save(tmp_path / "s.xlsx")
    plan = import_file(ctx, tmp_path / "s.xlsx")
    assert plan.ok, [e.message() for e in plan.errors]
    got = {r.staff.code: r.staff.start_date for r in staff_svc.search(ctx)}
    assert got == {"2001": "2019-03-04", "2002": "2019-03-04"}


def test_export_csv_bom_and_xlsx_round_trip(demo_ctx, tmp_path):
    n = export_file(demo_ctx, tmp_path / "out.csv")
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and n == 58
    assert "คำนำหน้า" in raw.decode("utf-8-sig").splitlines()[0]
    export_file(demo_ctx, tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert ws.max_row == 59 and ws.cell(1, 2).value == "คำนำหน้า"
    # re-importing an export changes nothing, and says so (it said "updated 58")
    before = json.loads(demo_ctx.store.path().read_text(encoding="utf-8"))["staff"]
    plan = import_file(demo_ctx, tmp_path / "out.csv")
    assert plan.ok and (plan.added, plan.updated, plan.unchanged) == (0, 0, 58)
    after = json.loads(demo_ctx.store.path().read_text(encoding="utf-8"))["staff"]
    assert after == before
    from ethics_tui.errors import UserError

    with pytest.raises(UserError):
        export_file(demo_ctx, tmp_path / "out.doc")


def test_shipped_template_imports(ctx):
    from pathlib import Path

    template = Path(__file__).resolve().parents[1] / "templates" / "staff-template.csv"
    plan = import_file(ctx, template, dry_run=True)
    assert plan.ok, [e.message() for e in plan.errors]


def test_update_keeps_fields_the_file_has_no_column_for(ctx, tmp_path):
    import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD]))
    slim = [
        ["รหัส", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "กอง", "ประเภทบุคลากร"],
        ["1001", "นาย", "สมชาย", "ใจดี", "นิติกร", "กองคลัง", "พนักงานส่วนตำบล"],
    ]
    plan = import_file(ctx, write_csv(tmp_path / "slim.csv", slim))
    assert plan.ok and plan.updated == 1
    row = staff_svc.search(ctx, "สมชาย")[0]
    assert row.division == "กองคลัง"
    assert (row.staff.email, row.staff.phone, row.staff.start_date) == ("a@b.go.th", "0812345678", "2017-10-01")


def test_a_folder_instead_of_a_file_is_refused_in_thai(ctx, tmp_path):
    from ethics_tui.errors import UserError

    with pytest.raises(UserError) as exc:
        import_file(ctx, tmp_path)
    assert "โฟลเดอร์" in exc.value.th and "directory" not in exc.value.th
