import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.service.context import Context

ROOT = Path(__file__).resolve().parents[1]


U = ("--user", "admin")


@pytest.fixture(autouse=True)
def demo_password_on_stdin(monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 20))


def run(capsys, *argv):
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.fixture
def data(tmp_path):
    """A folder holding the demo office (copied: the demo command is tested below)."""
    d = tmp_path / "data"
    fast_demo(Context.open(d, actor="tester"))
    return d


def test_demo_fills_empty_folder_and_refuses_a_full_one(tmp_path, capsys):
    data = tmp_path / "data"
    assert run(capsys, "--data", str(data), "demo")[0] == 0
    rc, out, _ = run(capsys, "--data", str(data), *U, "staff", "list")
    assert rc == 0 and "รวม 58 คน" in out
    rc, _, err = run(capsys, "--data", str(data), "demo")
    assert rc == 1 and "มีข้อมูลอยู่แล้ว" in err
    rc, _, err = run(capsys, "--data", str(data), "--lang", "en", "demo")
    assert rc == 1 and "already holds data" in err


def test_staff_list_json(data, capsys):
    rc, out, _ = run(capsys, "--data", str(data), *U, "staff", "list", "--json")
    rows = json.loads(out)
    assert rc == 0 and len(rows) == 58
    assert {"id", "code", "prefix", "first_name", "last_name", "division", "staff_type", "active"} <= set(rows[0])
    rc, out, _ = run(capsys, "--data", str(data), *U, "staff", "list")
    assert "รวม 58 คน" in out


def test_data_from_environment(data, capsys, monkeypatch):
    monkeypatch.setenv("ETHICS_TUI_DATA", str(data))
    rc, out, _ = run(capsys, *U, "staff", "list", "--json")
    assert rc == 0 and len(json.loads(out)) == 58


def test_import_errors_exit_1_in_thai_and_english(tmp_path, capsys):
    d = tmp_path / "d"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ชื่อ,นามสกุล,คำนำหน้า,ตำแหน่ง,กอง,ประเภทบุคลากร,อะไร\nสมชาย,ใจดี,นาย,นิติกร,สำนักปลัด,ครูพิเศษ,x\n", encoding="utf-8"
    )
    rc, out, err = run(capsys, "--data", str(d), "staff", "import", str(bad))
    assert rc == 1 and "แถว 2 คอลัมน์ ประเภทบุคลากร" in err and "ไม่ได้บันทึก" in err
    assert "อะไร" in err  # unknown column warning
    rc, out, err = run(capsys, "--data", str(d), "staff", "import", str(bad), "--lang", "en")
    assert rc == 1 and "row 2, column ประเภทบุคลากร" in err
    rc, out, _ = run(capsys, "--data", str(d), "staff", "list", "--json")
    assert json.loads(out) == []


def test_import_dry_run_then_real(tmp_path, capsys):
    d = tmp_path / "d"
    template = ROOT / "templates" / "staff-template.csv"
    rc, out, _ = run(capsys, "--data", str(d), "staff", "import", str(template), "--dry-run")
    assert rc == 0 and "ยังไม่บันทึก" in out and "เพิ่ม 3" in out
    rc, out, _ = run(capsys, "--data", str(d), "staff", "import", str(template))
    assert rc == 0 and "เพิ่ม 3 แก้ไข 0 สร้างกองใหม่ 2" in out
    rc, out, _ = run(capsys, "--data", str(d), "--lang", "en", "staff", "import", str(template))
    assert "added 0, updated 0, divisions created 0 (3 unchanged)" in out  # was "updated 3"


def test_export_verify_backup_restore(data, tmp_path, capsys):
    assert run(capsys, "--data", str(data), *U, "staff", "export", str(tmp_path / "s.xlsx"))[0] == 0
    assert (tmp_path / "s.xlsx").stat().st_size > 1000
    rc, out, _ = run(capsys, "--data", str(data), "verify")
    assert rc == 0 and "ถูกต้อง" in out
    rc, out, _ = run(capsys, "--data", str(data), *U, "backup", "-o", str(tmp_path / "b.zip"))
    assert rc == 0 and zipfile.is_zipfile(tmp_path / "b.zip")
    # break the audit log: verify reports it and exits 1
    audit = data / "audit.jsonl"
    lines = audit.read_text(encoding="utf-8").splitlines()
    audit.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    rc, out, _ = run(capsys, "--data", str(data), "verify")
    assert rc == 1 and "พบปัญหา" in out
    # a damaged backup is refused, the good one restores
    (tmp_path / "junk.zip").write_bytes(b"PK junk")
    rc, _, err = run(capsys, "--data", str(data), *U, "restore", str(tmp_path / "junk.zip"))
    assert rc == 1 and "ใช้ไม่ได้" in err
    rc, out, _ = run(capsys, "--data", str(data), *U, "restore", str(tmp_path / "b.zip"))
    assert rc == 0 and "กู้คืน" in out
    assert run(capsys, "--data", str(data), "verify")[0] == 0


def test_corrupt_database_is_reported_without_traceback(data, capsys):
    (data / "main.json").write_text("{oops", encoding="utf-8")
    rc, out, err = run(capsys, "--data", str(data), *U, "staff", "list")
    assert rc == 1 and "เสียหาย" in err and "Traceback" not in err + out
    assert (data / "main.json").read_text(encoding="utf-8") == "{oops"
    rc, out, _ = run(capsys, "--data", str(data), "verify")
    assert rc == 1


def test_unexpected_error_is_logged_not_shown(data, capsys, monkeypatch):
    import ethics_tui.service.staff as staff_svc

    def boom(*a, **k):
        raise ZeroDivisionError("x")

    monkeypatch.setattr(staff_svc, "search", boom)
    rc, out, err = run(capsys, "--data", str(data), *U, "staff", "list")
    assert rc == 1 and "ZeroDivisionError" in err and "Traceback" not in err
    assert "Traceback" in (data / "logs" / "ethics-tui.log").read_text(encoding="utf-8")


def test_the_crash_log_names_the_command_and_options_never_values():
    from ethics_tui.cli import build_parser, command_line_shape

    words = ["--data", "/secret/dir", "appraisal", "grievance", "--grounds=sealed", "--to", "นายก", "0005"]
    assert command_line_shape(build_parser(), words) == "ethics-tui --data appraisal grievance --grounds --to"


def test_core_and_cli_load_thai_and_xlsx_libraries_only_when_used(data):
    # Textual: tests/test_core_no_textual.py
    code = (
        "import sys\n"
        "import ethics_tui.cli, ethics_tui.store.backup, ethics_tui.service.staff_io, ethics_tui.service.verify\n"
        "import ethics_tui.service.demo, ethics_tui.thai, ethics_tui.model.staff\n"
        "import pkgutil, importlib, ethics_tui\n"
        "for m in pkgutil.walk_packages(ethics_tui.__path__, 'ethics_tui.'):\n"
        "    if not m.name.startswith('ethics_tui.tui'):\n"
        "        importlib.import_module(m.name)\n"
        "from ethics_tui.cli import main\n"
        f"assert main(['--data', {str(data)!r}, '--user', 'admin', 'staff', 'list', '--json']) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pythainlp', 'openpyxl')]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, input="demo1234\n")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_import_takes_a_dropped_path_with_its_quotes(tmp_path, capsys):
    """A file dragged onto the terminal arrives as '/path/with space/staff.csv' (quotes and
    all, when the officer pastes it inside quotes): the TUI understands it, so does the CLI."""
    import shutil

    d = tmp_path / "d"
    folder = tmp_path / "ไฟล์ ของ HR"
    folder.mkdir()
    shutil.copy(ROOT / "templates" / "staff-template.csv", folder / "staff.csv")
    rc, out, err = run(capsys, "--data", str(d), "staff", "import", f"'{folder / 'staff.csv'}'", "--dry-run")
    assert rc == 0 and "เพิ่ม 3" in out, err
