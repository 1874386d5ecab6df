"""Staff import by column mapping: map an LHR-like export once, save the preset, reuse it the
next year; national ID numbers are never stored."""

import csv
import io

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import staff
from ethics_tui.service import staff_mapping as sm

IDS = ("1409900123456", "3-4099-00654-32-1", "๑๔๐๙๙๐๐๑๑๑๒๒๓")
HEADER = [
    "ลำดับ",
    "เลขที่ตำแหน่ง",
    "เลขประจำตัวประชาชน",
    "ชื่อ - สกุล",
    "ตำแหน่งในสายงาน",
    "ระดับ",
    "สังกัด",
    "ประเภท",
    "วันที่บรรจุ",
    "หมายเหตุ",
]


def lhr_file(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    return path


ROWS = [
    [
        "1",
        "01-0001",
        IDS[0],
        "นายสมชาย ใจดี",
        "ปลัดองค์การบริหารส่วนตำบล",
        "กลาง",
        "สำนักปลัด",
        "พนักงานส่วนตำบล",
        "01/10/2560",
        IDS[0],
    ],
    [
        "2",
        "01-0002",
        IDS[1],
        "นางสาวสมหญิง รักงาน",
        "นักทรัพยากรบุคคล",
        "ชำนาญการ",
        "สำนักปลัด",
        "พนักงานส่วนตำบล",
        "15/05/2565",
        IDS[1],
    ],
    ["3", "04-0001", IDS[2], "นายมานะ ขยัน", "คนงานทั่วไป", "", "กองช่าง", "จ้างภารกิจ", "2 ม.ค. 2567", IDS[2]],
]


def raw_store(ctx) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in ctx.store.dir.glob("*.json")) + (
        ctx.store.dir / "audit.jsonl"
    ).read_text(encoding="utf-8")


def test_id_columns_are_found_by_header_and_by_content(tmp_path):
    from ethics_tui.service.staff_io import read_table

    table = read_table(lhr_file(tmp_path / "lhr.csv", ROWS))
    assert sm.id_columns(table) == {2, 9}  # "เลขประจำตัวประชาชน" by header, "หมายเหตุ" by its 13-digit values
    assert all(sm.looks_like_id(x) for x in IDS) and not sm.looks_like_id("01-0001")


def test_map_once_import_and_never_store_national_ids(ctx, tmp_path):
    from ethics_tui.service.staff_io import read_table

    path = lhr_file(tmp_path / "lhr-2568.csv", ROWS)
    guess = sm.suggest(read_table(path)[0])
    assert guess == {
        "code": "เลขที่ตำแหน่ง",
        "full_name": "ชื่อ - สกุล",
        "position": "ตำแหน่งในสายงาน",
        "level": "ระดับ",
        "division": "สังกัด",
        "staff_type": "ประเภท",
        "start_date": "วันที่บรรจุ",
    }
    preset = sm.Preset("LHR", guess, {"staff_type": {"จ้างภารกิจ": "พนักงานจ้างตามภารกิจ"}})
    plan, mapped = sm.import_mapped(ctx, path, preset)
    assert not plan.errors and plan.added == 3
    assert mapped.skipped == ["เลขประจำตัวประชาชน", "หมายเหตุ"]
    people = {r.staff.code: r.staff for r in staff.search(ctx, "")}
    s = people["01-0002"]
    assert (s.prefix, s.first_name, s.last_name, s.level, s.start_date) == (
        "นางสาว",
        "สมหญิง",
        "รักงาน",
        "ชำนาญการ",
        "2022-05-15",
    )
    assert people["04-0001"].staff_type == "พนักงานจ้างตามภารกิจ"
    text = raw_store(ctx)
    for x in ("1409900123456", "3409900654321", "3-4099-00654-32-1", IDS[2]):
        assert x not in text
    sm.save_preset(ctx, preset)
    # next year: same headers, one promotion, one newcomer; the saved preset maps it again
    rows = [r[:] for r in ROWS]
    rows[1][5] = "ชำนาญการพิเศษ"
    rows.append(
        [
            "4",
            "02-0001",
            "1102003004005",
            "นางมาลี ศรีสุข",
            "ผู้อำนวยการกองคลัง",
            "ต้น",
            "กองคลัง",
            "พนักงานส่วนตำบล",
            "01/10/2568",
            "",
        ]
    )
    plan, _ = sm.import_mapped(ctx, lhr_file(tmp_path / "lhr-2569.csv", rows), sm.get_preset(ctx, "LHR"))
    assert (plan.added, plan.updated, plan.unchanged) == (1, 1, 2)  # the promotion; two as they were
    assert {r.staff.code: r.staff for r in staff.search(ctx, "")}["01-0002"].level == "ชำนาญการพิเศษ"
    assert "1102003004005" not in raw_store(ctx)


def test_mapping_an_id_column_is_refused(ctx, tmp_path):
    path = lhr_file(tmp_path / "lhr.csv", ROWS)
    preset = sm.Preset(
        "bad",
        {
            "code": "เลขประจำตัวประชาชน",
            "full_name": "ชื่อ - สกุล",
            "position": "ตำแหน่งในสายงาน",
            "division": "สังกัด",
            "staff_type": "ประเภท",
        },
    )
    with pytest.raises(UserError, match="เลขประจำตัวประชาชน"):
        sm.import_mapped(ctx, path, preset)
    assert staff.count(ctx) == 0
    with pytest.raises(UserError):
        sm.import_mapped(ctx, path, sm.Preset("x", {"full_name": "ไม่มีคอลัมน์นี้"}))


def test_cli_map_save_and_reuse(ctx, tmp_path, capsys):
    from ethics_tui.cli import main

    path = lhr_file(tmp_path / "lhr.csv", ROWS)
    data = str(ctx.store.dir)
    assert main(["--data", data, "staff-map", "headers", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ข้าม" in out and "→ full_name" in out
    assert (
        main(
            [
                "--data",
                data,
                "staff-map",
                "import",
                str(path),
                "--save-preset",
                "LHR",
                "--value",
                "staff_type:จ้างภารกิจ=พนักงานจ้างตามภารกิจ",
            ]
        )
        == 0
    )
    assert staff.count(ctx) == 3
    assert main(["--data", data, "staff-map", "presets"]) == 0
    assert "LHR:" in capsys.readouterr().out
    assert main(["--data", data, "staff-map", "import", str(path), "--preset", "LHR", "--dry-run"]) == 0
    # the same file with the same preset: the three people are found and nothing changes
    assert "เพิ่ม 0 แก้ไข 0 สร้างกองใหม่ 0 (ไม่เปลี่ยนแปลง 3 คน)" in capsys.readouterr().out
    assert main(["--data", data, "staff-map", "import", str(path), "--map", "code=เลขประจำตัวประชาชน"]) == 1
    assert "เลขประจำตัวประชาชน" in capsys.readouterr().err
