"""QA1's staff import findings (a new HR officer importing her office's own Excel files), the
service side: teachers and the other names of the staff types, the header row below a title
row, the usual headers of an office's own sheet, the same file imported twice."""

from __future__ import annotations

import csv
import io

import pytest

from ethics_tui.model.staff import ALL_STAFF_TYPES, staff_type_of
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.staff_io import import_file
from ethics_tui.service.staff_preview import preview_rows

HEAD = ["คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "กอง", "ประเภทบุคลากร"]


def write_csv(path, rows, encoding="utf-8-sig"):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    "written",
    ["พนักงานครู", "พนักงานครูองค์การบริหารส่วนตำบล", "พนักงานครูเทศบาล", "พนักงานครู อบต.", "ข้าราชการครู"],
)
def test_the_teachers_names_are_one_stored_type(ctx, tmp_path, written):
    rows = [HEAD, ["นาง", "มาลี", "สอนดี", "ครู", "กองการศึกษา", written]]
    plan = import_file(ctx, write_csv(tmp_path / "ครู.csv", rows))
    assert plan.ok, [e.message() for e in plan.errors]
    assert [r.staff.staff_type for r in staff_svc.search(ctx)] == ["ข้าราชการครู"]


def test_other_names_and_spacing_of_the_staff_types():
    assert staff_type_of(" พนักงานจ้าง ตามภารกิจ ") == "พนักงานจ้างตามภารกิจ"
    assert staff_type_of("พนักงานจ้างภารกิจ") == "พนักงานจ้างตามภารกิจ"
    assert staff_type_of("พนักงาน อบต.") == "พนักงานส่วนตำบล"
    assert staff_type_of("ลูกจ้างชั่วคราว") == "ลูกจ้างชั่วคราว"  # unknown: left as written


def test_an_unknown_staff_type_names_every_accepted_type(ctx, tmp_path):
    rows = [HEAD, ["นาย", "คิวเอ", "ทดสอบ", "คนงาน", "กองคลัง", "ลูกจ้างชั่วคราว"]]
    plan = import_file(ctx, write_csv(tmp_path / "x.csv", rows), dry_run=True)
    (err,) = plan.errors
    assert "ลูกจ้างชั่วคราว" in err.th
    assert all(t in err.th and t in err.en for t in ALL_STAFF_TYPES)


TITLE = "บัญชีรายชื่อพนักงานองค์การบริหารส่วนตำบล ประจำปีงบประมาณ 2570"
PEOPLE = [
    ["นาย", "หัวตาราง", "อยู่แถวสาม", "นักจัดการงานทั่วไป", "กองคลัง", "พนักงานส่วนตำบล"],
    ["นาง", "มีชื่อ", "เรื่องด้านบน", "เจ้าพนักงานธุรการ", "กองคลัง", "ไม่มีประเภทนี้"],
]


def titled_xlsx(path, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.append([])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_header_below_a_title_row_is_found_and_named(ctx, tmp_path, kind):
    rows = [HEAD, *PEOPLE]
    if kind == "xlsx":
        path = titled_xlsx(tmp_path / "รายชื่อ.xlsx", rows)
    else:  # as Excel saves it: the title's row padded with commas, an empty row
        path = write_csv(tmp_path / "รายชื่อ.csv", [[TITLE, "", "", "", "", ""], [""] * 6, *rows], "cp874")
    plan = import_file(ctx, path, dry_run=True)
    assert plan.header_row == 3
    assert any("แถวที่ 3 เป็นหัวตาราง" in th for th, _ in plan.warnings), plan.warnings
    # the rows keep the file's numbers: the bad type is in row 5
    assert [(e.row, e.column) for e in plan.errors] == [(5, "ประเภทบุคลากร")]


def test_mapped_import_finds_the_header_below_a_title_row_too(ctx, tmp_path):
    from ethics_tui.service import staff_mapping as sm
    from ethics_tui.service.staff_io import read_table

    head = ["ลำดับที่", "ชื่อ - นามสกุล", "ตำแหน่ง", "สังกัด", "ประเภทพนักงาน"]
    rows = [head, ["1", "นายหัวตาราง อยู่แถวสาม", "นักจัดการงานทั่วไป", "กองคลัง", "พนักงานครู"]]
    path = titled_xlsx(tmp_path / "map.xlsx", rows)
    table = read_table(path)
    assert sm.header_row(table) == 2 and sm.header_cells(table) == head
    preset = sm.Preset("x", sm.suggest(sm.header_cells(table)))
    plan, mapped = sm.import_mapped(ctx, path, preset)
    assert plan.ok and plan.added == 1, [e.message() for e in plan.errors]
    assert plan.header_row == 3 and mapped.at == 2
    (s,) = [r.staff for r in staff_svc.search(ctx)]
    assert (s.prefix, s.first_name, s.last_name, s.staff_type) == ("นาย", "หัวตาราง", "อยู่แถวสาม", "ข้าราชการครู")


def test_plain_import_reads_the_usual_headers_of_an_office_sheet(ctx, tmp_path):
    """สังกัด / ส่วนราชการ (division), ประเภท (staff type), one column ชื่อ-สกุล split with the
    name rules (thai/names.py), a running number skipped without a word."""
    rows = [
        ["ที่", "ชื่อ - นามสกุล", "ตำแหน่ง", "ส่วนราชการ", "ประเภท"],
        ["1", "ว่าที่ร้อยตรี ดร.สมชาย ใจดี", "ปลัด", "สำนักปลัด", "พนักงานส่วนตำบล"],
        ["2", "นางคุณากร ศรีสุข", "นักวิชาการศึกษา", "กองการศึกษา", "พนักงานส่วนตำบล"],
    ]
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", rows))
    assert plan.ok and plan.added == 2, [e.message() for e in plan.errors]
    assert plan.warnings == []
    got = {(r.staff.prefix, r.staff.first_name, r.staff.last_name, r.division) for r in staff_svc.search(ctx)}
    assert got == {("ว่าที่ร้อยตรี ดร.", "สมชาย", "ใจดี", "สำนักปลัด"), ("นาง", "คุณากร", "ศรีสุข", "กองการศึกษา")}
    rows = [["ชื่อ-สกุล", "ตำแหน่ง", "สังกัด", "ประเภทบุคลากร"], ["นายเอก ทดสอบ", "นิติกร", "กองคลัง", "ลูกจ้างประจำ"]]
    plan = import_file(ctx, write_csv(tmp_path / "t.csv", rows), dry_run=True)
    assert plan.ok and plan.added == 1, [e.message() for e in plan.errors]


def test_the_app_s_own_header_wins_over_another_name_of_the_same_field(ctx, tmp_path):
    rows = [[*HEAD, "สังกัด"], ["นาย", "เอก", "ทดสอบ", "นิติกร", "กองคลัง", "ลูกจ้างประจำ", "อบต.ตัวอย่าง"]]
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", rows), dry_run=True)
    assert plan.ok and plan.rows[0][1]["division"] == "กองคลัง"
    assert any("สังกัด" in th for th, _ in plan.warnings)


def test_importing_the_same_sheet_again_updates_the_people(ctx, tmp_path):
    """No code column: the second import recognises everyone by name, adds nobody, says so."""
    rows = [HEAD, ["นาย", "ซ้ำ", "สองครั้ง", "คนงาน", "กองคลัง", "พนักงานจ้างทั่วไป"]]
    rows.append(["นางสาว", "ซ้ำอีก", "สองหน", "ภารโรง", "กองคลัง", "พนักงานจ้างทั่วไป"])
    path = write_csv(tmp_path / "s.csv", rows)
    assert import_file(ctx, path).added == 2
    again = import_file(ctx, path, dry_run=True)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)  # as the import would count
    assert "ตรงกับบุคลากรที่มีอยู่แล้ว" in again.warnings[0][0] and again.warnings[0][0].startswith("2 แถว")
    assert [r.action for r in preview_rows(ctx, again)] == ["same", "same"]
    rows[2][0] = "นาง"  # she married: the title changes, the person is the same
    rows[2][3] = "นักการภารโรง"
    done = import_file(ctx, write_csv(tmp_path / "s2.csv", rows))
    assert (done.added, done.updated, done.unchanged) == (0, 1, 1)
    people = {r.staff.first_name: r.staff for r in staff_svc.search(ctx)}
    assert len(people) == 2 and (people["ซ้ำอีก"].prefix, people["ซ้ำอีก"].position) == ("นาง", "นักการภารโรง")


def test_a_code_given_later_goes_to_the_person_of_that_name(ctx, tmp_path):
    rows = [HEAD, ["นาย", "เอก", "ทดสอบ", "นิติกร", "กองคลัง", "ลูกจ้างประจำ"]]
    import_file(ctx, write_csv(tmp_path / "a.csv", rows))
    coded = [["รหัส", *HEAD], ["L-1", *rows[1]]]
    plan = import_file(ctx, write_csv(tmp_path / "b.csv", coded))
    assert (plan.added, plan.updated) == (0, 1)
    assert [r.staff.code for r in staff_svc.search(ctx)] == ["L-1"]
    # another code with that name: a namesake, not the same person
    coded[1][0] = "L-2"
    plan = import_file(ctx, write_csv(tmp_path / "c.csv", coded))
    assert (plan.added, plan.updated) == (1, 0)


def test_namesakes_are_told_apart_by_division_or_refused(ctx, tmp_path):
    person = ["นาย", "สมชาย", "ใจดี", "นิติกร"]
    rows = [HEAD, [*person, "กองคลัง", "ลูกจ้างประจำ"], [*person, "กองช่าง", "ลูกจ้างประจำ"]]
    first = import_file(ctx, write_csv(tmp_path / "a.csv", rows))
    assert first.added == 2 and "ชื่อซ้ำกับแถว 2" in first.warnings[0][0]
    plan = import_file(ctx, write_csv(tmp_path / "b.csv", [HEAD, [*person, "กองช่าง", "พนักงานจ้างทั่วไป"]]))
    assert (plan.added, plan.updated) == (0, 1)
    types = {r.division: r.staff.staff_type for r in staff_svc.search(ctx)}
    assert types == {"กองคลัง": "ลูกจ้างประจำ", "กองช่าง": "พนักงานจ้างทั่วไป"}
    plan = import_file(ctx, write_csv(tmp_path / "c.csv", [HEAD, [*person, "สำนักปลัด", "ลูกจ้างประจำ"]]), True)
    assert [(e.row, "2 คน" in e.th) for e in plan.errors] == [(2, True)]


def test_two_rows_that_are_one_stored_person_are_refused(ctx, tmp_path):
    rows = [HEAD, ["นาย", "เอก", "ทดสอบ", "นิติกร", "กองคลัง", "ลูกจ้างประจำ"]]
    import_file(ctx, write_csv(tmp_path / "a.csv", rows))
    rows.append(["นาย", "เอก", "ทดสอบ", "นิติกร", "กองช่าง", "ลูกจ้างประจำ"])
    plan = import_file(ctx, write_csv(tmp_path / "b.csv", rows), dry_run=True)
    assert [(e.row, "แถว 2" in e.th) for e in plan.errors] == [(3, True)]


def test_a_prefix_column_beside_the_full_name_column(ctx, tmp_path):
    rows = [
        ["คำนำหน้า", "ชื่อ-สกุล", "ตำแหน่ง", "กอง", "ประเภทบุคลากร"],
        ["ว่าที่ร้อยตรี", "สมชาย ใจดี", "นิติกร", "กองคลัง", "ลูกจ้างประจำ"],
        ["", "นางมาลี ดีงาม", "นิติกร", "กองคลัง", "ลูกจ้างประจำ"],
    ]
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", rows))
    assert plan.ok, [e.message() for e in plan.errors]
    got = {(r.staff.prefix, r.staff.first_name, r.staff.last_name) for r in staff_svc.search(ctx)}
    assert got == {("ว่าที่ร้อยตรี", "สมชาย", "ใจดี"), ("นาง", "มาลี", "ดีงาม")}
