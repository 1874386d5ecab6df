"""Issue 15 item 15: hostile import files and enclosures cannot exhaust memory or hang.

The memory tests run the import in a child process under RLIMIT_AS (1.5 GB), so a regression
fails with MemoryError instead of eating the machine."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.service import input_files
from ethics_tui.service import notices as notices_svc
from ethics_tui.service.staff_io import read_table
from tests.test_notices import circular, office  # noqa: F401 - fixture
from tests.test_staff_import import GOOD, HEADER, write_csv

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 1536 * 1024 * 1024


def _run_limited(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter limited to 1.5 GB of address space."""
    prelude = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
        sys.path.insert(0, {str(ROOT)!r})
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _far_cell_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for c, v in enumerate(HEADER, start=1):
        ws.cell(1, c, v)
    for c, v in enumerate(GOOD[0], start=1):
        ws.cell(2, c, v)
    ws["XFD1048576"] = "x"
    wb.save(path)
    return path


def test_a_tiny_xlsx_with_a_cell_at_xfd1048576_reads_in_bounded_memory(tmp_path):
    path = _far_cell_xlsx(tmp_path / "far.xlsx")
    assert path.stat().st_size < 10_000
    done = _run_limited(
        f"""
        from ethics_tui.service.staff_io import read_table
        rows = read_table({str(path)!r})
        print(len(rows), max(len(r) for r in rows))
        """
    )
    assert done.returncode == 0, done.stderr[-2000:]
    n_rows, widest = map(int, done.stdout.split())
    assert n_rows == 2 and widest == len(HEADER)


def test_the_far_cell_file_imports_its_real_rows(tmp_path):
    path = _far_cell_xlsx(tmp_path / "far.xlsx")
    done = _run_limited(
        f"""
        from ethics_tui.service.context import Context
        from ethics_tui.service.staff_io import import_file
        plan = import_file(Context.open({str(tmp_path / "data")!r}), {str(path)!r}, dry_run=True)
        print(plan.ok, plan.added)
        """
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "1"]


def _bomb(path: Path, unpacked: int) -> Path:
    """A valid xlsx whose sheet XML is padded with ``unpacked`` bytes of whitespace."""
    from openpyxl import Workbook

    good = path.with_suffix(".good.xlsx")
    wb = Workbook()
    wb.active.append(HEADER)
    wb.save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                zi = zipfile.ZipInfo(info.filename)
                zi.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(zi, "w") as out:
                    head, tail = data.split(b"<sheetData>")
                    out.write(head + b"<sheetData>")
                    block = b" " * (1 << 20)
                    for _ in range(unpacked >> 20):
                        out.write(block)
                    out.write(tail)
            else:
                dst.writestr(info, data)
    return path


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path, monkeypatch):
    bomb = _bomb(tmp_path / "bomb.xlsx", 8 << 20)
    assert bomb.stat().st_size < 100_000

    def never(*a, **k):
        raise AssertionError("openpyxl opened a zip bomb")

    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(UserError) as exc:
        read_table(bomb)
    assert "บีบอัดมากผิดปกติ" in exc.value.th
    monkeypatch.setattr(input_files, "XLSX_MAX_RATIO", 10**9)
    monkeypatch.setattr(input_files, "XLSX_MAX_UNCOMPRESSED", 4 << 20)
    with pytest.raises(UserError) as exc:
        read_table(bomb)
    assert "แตกไฟล์จะใหญ่ถึง" in exc.value.th


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_special_files_are_refused_without_reading(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "folder.csv"
        path.mkdir()
    done = _run_limited(
        f"""
        from ethics_tui.errors import UserError
        from ethics_tui.service.staff_io import read_table
        try:
            read_table({str(path)!r})
        except UserError as exc:
            print(exc.th)
        """
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert ("ไม่ใช่ไฟล์ธรรมดา" in done.stdout) or ("เป็นโฟลเดอร์" in done.stdout)


def test_the_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "big.csv", [HEADER, *GOOD * 20])
    monkeypatch.setattr(input_files, "IMPORT_MAX_BYTES", 1000)
    real_open = os.open
    opened = []
    monkeypatch.setattr(input_files.os, "open", lambda *a, **k: (opened.append(a), real_open(*a, **k))[1])
    with pytest.raises(UserError) as exc:
        read_table(path)
    assert "ใหญ่เกินไป" in exc.value.th and "too large" in exc.value.en
    assert opened == []  # refused from the size alone


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(input_files, "SHEET_MAX_ROWS", 5)
    with pytest.raises(UserError) as exc:
        read_table(write_csv(tmp_path / "many.csv", [HEADER, *GOOD * 3]))
    assert "แถว" in exc.value.th


# -- enclosures ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "too-big"])
def test_hostile_enclosures_are_refused(office, tmp_path, monkeypatch, kind):  # noqa: F811
    path = tmp_path / "x.pdf"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"%PDF" + b"x" * 5000)
        monkeypatch.setattr(input_files, "ENCLOSURE_MAX_BYTES", 4096)
    with pytest.raises(ValidationError) as exc:
        circular(office, enclosures=[{"title": "แนบ", "path": str(path)}])
    assert "enclosures" in exc.value.errors
    assert (
        not [p for p in (office.store.dir / "files").rglob("*") if p.is_file()]
        if (office.store.dir / "files").exists()
        else True
    )


def test_enclosures_are_copied_streaming(office, tmp_path, monkeypatch):  # noqa: F811
    src = tmp_path / "big.pdf"
    with open(src, "wb") as f:
        f.write(b"%PDF" + os.urandom(3 << 20))
    real = Path.read_bytes

    def read_bytes(self):  # the store reads its own files whole; the enclosure must stream
        if self.name.endswith(".pdf"):
            raise AssertionError("whole file read")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    n = circular(office, enclosures=[{"title": "แนบ", "path": str(src)}])
    stored = notices_svc.enclosure_path(office, n.enclosures[0])
    monkeypatch.undo()
    assert stored is not None and stored.read_bytes() == src.read_bytes()
    assert not [p for p in stored.parent.iterdir() if ".tmp-" in p.name]


def test_a_killed_enclosure_copy_is_cleaned_on_open(office, tmp_path):  # noqa: F811
    from ethics_tui.store.database import Store

    folder = office.store.dir / notices_svc.FILES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / "incoming.tmp-4242-0a1b2c3d"
    stale.write_bytes(b"half")
    users = folder / "scan.tmp-final.pdf"
    users.write_bytes(b"keep")
    Store(office.store.dir).open()
    assert not stale.exists() and users.exists()
