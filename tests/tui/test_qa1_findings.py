"""QA1 (a new HR officer from an empty office): the findings that block her job or lose data,
written as tests that FAIL on the code as it is (base 5d97672) and pass once fixed.

1. Column mapping: after a failed check, fixing the file and checking again (ctrl+r says the file
   is valid) still refuses ctrl+s ("ยังนำเข้าไม่ได้: ไฟล์มีข้อผิดพลาด 2 รายการ") until the dialog
   is closed: ``StaffMapModal.bad`` is never cleared by a check that passes.
2. An office spreadsheet with a title row above the headers ("บัญชีรายชื่อพนักงาน ... ประจำปี") is
   refused: the title is read as the header (ordinary import and column mapping alike).
3. Importing the same file (no code column) twice adds everyone again: no warning, duplicates.
4. "พนักงานครู" (the staff type of an อบต.'s teachers) is refused; the message lists four types
   while the model also takes "ข้าราชการครู".
5. Appraisal fast entry: scores typed for a person and then escape ("esc กลับตาราง") are dropped
   without a question (forms ask before dropping typed data; this entry does not).
6. The first backup of a new office fails: b, enter on "โฟลเดอร์สำรองของโปรแกรม <data>/backups"
   says "ไม่พบโฟลเดอร์ … — เสียบไดรฟ์ USB หรือเลือกโฟลเดอร์ที่มีอยู่": the folder is made only by
   the first automatic backup (service/backups.backup_now checks is_dir before it sees that the
   folder is the program's own)."""

from __future__ import annotations

from pathlib import Path

from textual.screen import ModalScreen
from textual.widgets import Input
from tui_helpers import settle, signed_in, text_of

from ethics_tui.service import appraisal as ap_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_io
from ethics_tui.tui.screens.staff_import import StaffImportModal
from ethics_tui.tui.screens.staff_import_map import StaffMapModal

SMALL = (80, 24)
HEADER = "ลำดับที่,ชื่อ-สกุล,ตำแหน่ง,ส่วนราชการ,ประเภทพนักงาน\n"
BAD = HEADER + "1,นายคิวเอ หนึ่งทดสอบ,คนงานทั่วไป,กองคลัง,ลูกจ้างชั่วคราว\n"  # unknown staff type
GOOD = HEADER + "1,นายคิวเอ หนึ่งทดสอบ,คนงานทั่วไป,กองคลัง,พนักงานจ้างทั่วไป\n"


def write_cp874(path: Path, text: str) -> Path:
    """A CSV as Excel on a Thai Windows saves it: cp874, CRLF."""
    path.write_bytes(text.replace("\n", "\r\n").encode("cp874"))
    return path


async def test_map_import_after_fixing_the_file_and_checking_again(tmp_path, make_app, demo_ctx):
    """Keys: s, i, type the path, enter, ctrl+o, ctrl+r (errors shown), fix the file in Excel,
    ctrl+r ("ไฟล์ถูกต้อง: จะเพิ่ม 1 คน"), ctrl+s: refused with the old error count."""
    path = write_cp874(tmp_path / "พนักงานจ้าง.csv", BAD)
    before = staff_svc.count(demo_ctx)
    async with signed_in(make_app, demo_ctx, "admin", "s", "i", size=SMALL) as (app, pilot):
        assert isinstance(app.screen, StaffImportModal)
        app.screen.query_one("#f-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.pause()
        mp = app.screen
        assert isinstance(mp, StaffMapModal)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "ข้อผิดพลาด" in text_of(mp.query_one("#map-status"))
        await pilot.press("ctrl+s")  # refused: the message names this dialog's check key
        await settle(pilot)
        assert "กด ctrl+r ตรวจอีกครั้ง" in text_of(mp.query_one("#map-status"))
        write_cp874(path, GOOD)  # she corrects the file and checks again
        await pilot.press("ctrl+r")
        await settle(pilot)
        status = text_of(mp.query_one("#map-status"))
        assert "ไฟล์ถูกต้อง" in status, status
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert staff_svc.count(app.ctx) == before + 1, text_of(mp.query_one("#map-status"))


def title_row_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["บัญชีรายชื่อพนักงานองค์การบริหารส่วนตำบล ประจำปีงบประมาณ 2570"])
    ws.append([])
    ws.append(["คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "กอง", "ประเภทบุคลากร"])
    ws.append(["นาย", "หัวตาราง", "อยู่แถวสาม", "นักจัดการงานทั่วไป", "กองคลัง", "พนักงานส่วนตำบล"])
    ws.append(["นาง", "มีชื่อ", "เรื่องด้านบน", "เจ้าพนักงานธุรการ", "กองคลัง", "พนักงานจ้างตามภารกิจ"])
    wb.save(path)
    return path


def test_import_finds_the_header_below_a_title_row(tmp_path, demo_ctx):
    """Keys: s, i, /path/รายชื่อพนักงาน2570.xlsx, enter: "ไม่รู้จักคอลัมน์ “บัญชีรายชื่อ…” —
    ข้ามไป" and every required column missing; ctrl+o reads "12 แถว 1 คอลัมน์". She must delete
    the title rows in Excel first."""
    plan = staff_io.import_file(demo_ctx, title_row_xlsx(tmp_path / "รายชื่อพนักงาน2570.xlsx"), dry_run=True)
    assert plan.ok, [e.message() for e in plan.errors]
    assert plan.added == 2


def test_importing_the_same_file_twice_does_not_add_everyone_again(tmp_path, demo_ctx):
    """Keys: s, i, the cp874 CSV, ctrl+o, ctrl+r, ctrl+s; later the same again (she is not sure
    it worked): the preview says "จะเพิ่ม 3 คน" again and saves three duplicates, no word."""
    rows = (
        "คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,กอง,ประเภทบุคลากร\n"
        "นาย,ซ้ำ,สองครั้ง,คนงานทั่วไป,กองคลัง,พนักงานจ้างทั่วไป\n"
        "นาง,ซ้ำอีก,สองหน,ภารโรง,กองคลัง,พนักงานจ้างทั่วไป\n"
    )
    path = write_cp874(tmp_path / "พนักงานจ้าง.csv", rows)
    first = staff_io.import_file(demo_ctx, path)
    assert first.ok and first.added == 2
    again = staff_io.import_file(demo_ctx, path, dry_run=True)
    # either the same people are recognised (nothing to add) or the officer is warned
    assert again.added == 0 or again.warnings, (again.added, again.warnings)


def test_teachers_of_the_office_can_be_imported(tmp_path, demo_ctx):
    """The teachers of an อบต. are "พนักงานครู" (DOMAIN.md: teachers in child-development
    centres). The preview refuses the row: "ไม่รู้จักประเภทบุคลากร “พนักงานครู” — ใช้
    พนักงานส่วนตำบล / ลูกจ้างประจำ / พนักงานจ้างตามภารกิจ / พนักงานจ้างทั่วไป"."""
    rows = "คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,ระดับ,กอง,ประเภทบุคลากร\nนาง,มาลี,สอนดี,ครู,ค.ศ.2,กองคลัง,พนักงานครู\n"
    plan = staff_io.import_file(demo_ctx, write_cp874(tmp_path / "ครู.csv", rows), dry_run=True)
    assert plan.ok, [e.message() for e in plan.errors]


async def test_scores_typed_then_escape_are_not_dropped_silently(make_app, demo_ctx):
    """Keys: a, enter (the round), enter (a person), 55 enter 20, escape: the row stays empty, no
    question. Expected: saved, or asked first as every form does."""
    from datetime import date

    from ethics_tui.model.appraisal import AppraisalRound, round_of
    from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

    people = [r.staff.id for r in staff_svc.search(demo_ctx)][:3]
    rnd = ap_svc.create_round(demo_ctx, AppraisalRound(*round_of(date.today())), staff_ids=people)
    async with signed_in(make_app, demo_ctx, "hr", size=SMALL) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the newest round is the first row
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AppraisalResultsScreen)
        rid = int(next(iter(screen.table.rows)).value)
        await pilot.press("enter", *"55", "enter", *"20")
        await pilot.press("escape")
        await settle(pilot)
        asked = isinstance(app.screen, ModalScreen)
        stored = {r.result.id: r.scores for r in ap_svc.list_results(app.ctx, rnd.id)}[rid]
        assert asked or stored is not None, "typed scores dropped without a question"


async def test_the_first_backup_of_a_new_office_goes_to_the_programs_folder(make_app, demo_ctx):
    """Keys (new office, right after the first start): b, enter. Refused with the USB message."""
    import shutil

    from ethics_tui.tui.screens.backup_dialog import BackupModal

    backups = demo_ctx.store.backups_dir
    async with signed_in(make_app, demo_ctx, "admin", size=SMALL) as (app, pilot):
        # as on the first day of a new office: the folder was empty when the app opened, so the
        # daily backup did not run and backups/ does not exist yet
        shutil.rmtree(backups, ignore_errors=True)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BackupModal)
        await pilot.press("enter")  # the first place: the program's own backup folder
        await settle(pilot)
        from tui_helpers import notifications

        assert list(backups.glob("manual-*.zip")), notifications(app)
