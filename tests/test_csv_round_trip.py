"""CSV read as Excel writes it; export then import is the identity (service/csv_input.py,
sheets.csv_value); the dry run counts as the import does; Thai messages naming the row."""

import csv

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.sheets import csv_cell, csv_value
from ethics_tui.service.staff_io import export_file, import_file
from tests.test_staff_import import GOOD, HEADER, write_csv

TRICKY = ["=1+1", "'=1+1", "''=1+1", "'สมชาย", "'-5", "-5", "'0812", " =1", "@ก", "+66 x", "'", "", "ก'=", "=A1'"]


@pytest.mark.parametrize("value", TRICKY)
def test_reading_a_cell_undoes_exactly_what_the_export_wrote(value):
    assert csv_value(csv_cell(value)) == value


def test_an_apostrophe_the_export_did_not_add_stays(ctx, tmp_path):
    rows = [HEADER, *(list(r) for r in GOOD)]
    rows[1][4], rows[2][4], rows[3][4] = "'นิติกร", "'=1+1", "''=2"
    import_file(ctx, write_csv(tmp_path / "s.csv", rows))
    got = {r.staff.first_name: r.staff.position for r in staff_svc.search(ctx)}
    assert got == {"สมชาย": "'นิติกร", "กาญจนา": "=1+1", "ปราณี": "'=2"}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(ctx, tmp_path, suffix):
    rows = [HEADER, *(list(r) for r in GOOD)]
    rows[1][4], rows[2][4], rows[3][4] = "'=1+1", '=HYPERLINK("http://x","ก")', "'นิติกร"
    rows[1][10] = "+66 81 234 5678"
    import_file(ctx, write_csv(tmp_path / "s.csv", rows))
    before = {r.staff.first_name: r.staff.to_dict() for r in staff_svc.search(ctx)}
    out = tmp_path / f"out{suffix}"
    assert export_file(ctx, out) == 3
    dry = import_file(ctx, out, dry_run=True)
    assert (dry.added, dry.updated, dry.unchanged) == (0, 0, 3), [e.message() for e in dry.errors]
    done = import_file(ctx, out)
    assert (done.added, done.updated, done.unchanged) == (0, 0, 3)
    assert {r.staff.first_name: r.staff.to_dict() for r in staff_svc.search(ctx)} == before


def test_dry_run_counts_what_the_import_does(ctx, tmp_path):
    import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD]))
    rows = [
        HEADER,
        [*GOOD[0]],
        [*GOOD[1]],
        [*GOOD[2]],
        ["", "นาย", "ใหม่", "คนใหม่", "คนงาน", "", "กองช่าง", "ลูกจ้างประจำ"],
    ]
    rows[1][4] = "หัวหน้าสำนักปลัด"  # a change
    rows[2][6] = "กองใหม่"  # moves to a division still to be created: a change
    path = write_csv(tmp_path / "s2.csv", rows)
    dry = import_file(ctx, path, dry_run=True)
    done = import_file(ctx, path)
    assert (dry.added, dry.updated, dry.unchanged) == (done.added, done.updated, done.unchanged) == (1, 2, 1)


def test_doubled_quotes_and_semicolons_far_down_the_file(ctx, tmp_path):
    """Only the delimiter is guessed: a ``""`` after the first 4 kB is still one quote."""
    lines = [";".join(HEADER)]
    for i in range(150):
        lines.append(f"{2000 + i};นาย;คน{i:03d};ทดสอบ;นิติกร;;กองคลัง;พนักงานส่วนตำบล;;;")
    lines.append('3000;นาย;ท้าย;สุด;"ผู้ช่วย ""พิเศษ""; งานบุคคล";;กองคลัง;พนักงานส่วนตำบล;;;')
    path = tmp_path / "semi.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    assert len("\n".join(lines[:-1])) > 4096  # characters: what the sniffer was given
    plan = import_file(ctx, path)
    assert plan.ok and plan.added == 151, [e.message() for e in plan.errors]
    assert staff_svc.search(ctx, "ท้าย")[0].staff.position == 'ผู้ช่วย "พิเศษ"; งานบุคคล'


def test_old_mac_line_endings(ctx, tmp_path):
    """Excel for Mac's 'CSV (Macintosh)' ends lines with CR alone."""
    path = tmp_path / "mac.csv"
    path.write_bytes("\r".join(",".join(r) for r in [HEADER, *GOOD]).encode("utf-8"))
    plan = import_file(ctx, path)
    assert plan.ok and plan.added == 3, [e.message() for e in plan.errors]


def test_a_row_in_tis620_among_utf8_rows_is_named(ctx, tmp_path):
    path = tmp_path / "mixed.csv"
    lines = [",".join(r) for r in [HEADER, *GOOD]]
    data = b"\n".join([*(x.encode("utf-8") for x in lines[:3]), lines[3].encode("cp874")])
    path.write_bytes(data + b"\n")
    with pytest.raises(UserError) as exc:
        import_file(ctx, path)
    assert "แถวที่ 4" in exc.value.th and "UTF-8" in exc.value.th and "row 4" in exc.value.en
    assert staff_svc.count(ctx) == 0


def test_a_whole_tis620_file_still_imports(ctx, tmp_path):
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, *GOOD], encoding="cp874"))
    assert plan.ok and plan.added == 3


def test_undecodable_bytes_name_the_row(ctx, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\n" + b"\x81\x82,\xff\n")
    with pytest.raises(UserError) as exc:
        import_file(ctx, path)
    assert "แถวที่ 2" in exc.value.th and "CSV" in exc.value.th


def test_a_cell_over_the_field_limit_is_a_thai_message_naming_the_row(ctx, tmp_path):
    """An opened quote never closed swallows the rest of the file into one cell."""
    rows = [",".join(HEADER), *(",".join(r) for r in GOOD)]
    rows[2] += ',"never closed'
    path = tmp_path / "long.csv"
    path.write_text("\n".join(rows) + "\n" + "ก" * (csv.field_size_limit() + 10) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        import_file(ctx, path)
    assert "แถวที่ 3" in exc.value.th and "131,072" in exc.value.th
    assert "field larger" not in exc.value.th and "field limit" not in exc.value.th
    assert "row 3" in exc.value.en


def test_a_mapped_import_reads_each_apostrophe_once(ctx, tmp_path):
    """staff-map import writes the mapped table to a CSV and imports that: the apostrophe the
    first read undid must not be undone a second time."""
    from ethics_tui.service import staff_mapping as sm

    rows = [["ชื่อ - สกุล", "ตำแหน่งในสายงาน", "สังกัด", "ประเภท"], ["นายเอก ทดสอบ", "''=1", "กองคลัง", "ลูกจ้างประจำ"]]
    columns = {"full_name": "ชื่อ - สกุล", "position": "ตำแหน่งในสายงาน", "division": "สังกัด", "staff_type": "ประเภท"}
    preset = sm.Preset("x", columns)
    plan, _mapped = sm.import_mapped(ctx, write_csv(tmp_path / "m.csv", rows), preset)
    assert plan.ok and plan.added == 1, [e.message() for e in plan.errors]
    assert staff_svc.search(ctx, "เอก")[0].staff.position == "'=1"
