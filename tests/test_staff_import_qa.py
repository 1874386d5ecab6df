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
