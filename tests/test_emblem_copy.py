"""The office emblem is kept in the data folder (service/settings.py): a chosen image is copied
under ``files/emblem/<sha256>``, so documents keep it when the original moves, backups and
restores carry it; bad files are refused at the field and leave nothing behind."""

import os
import subprocess

import pytest
from PIL import Image

from ethics_tui.errors import ConflictError, ValidationError
from ethics_tui.service import backups, committee
from ethics_tui.service import settings as settings_svc
from ethics_tui.service.context import Context
from ethics_tui.store import backup
from image_files import png_header


def data_files(folder) -> dict:
    """Every file under the data folder with its bytes (settings, audit log, copies)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def image_count(pdf) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return len([line for line in listing.splitlines()[2:] if line.strip()])


def _png(path, colour=(200, 160, 0)):
    Image.new("RGB", (120, 120), colour).save(path)
    return path


def _set(ctx, path):
    s = settings_svc.get_settings(ctx)
    s.emblem_path = str(path)
    return settings_svc.save_settings(ctx, s)


def test_a_chosen_emblem_is_copied_and_documents_keep_it_when_the_original_moves(demo_ctx, tmp_path):
    hr = demo_ctx
    original = _png(tmp_path / "ตรา อบต.png")
    saved = _set(hr, original)
    stored = hr.store.load()["settings"]["1"]["emblem_path"]
    assert stored.startswith("files/emblem/") and stored.endswith(".png"), stored
    assert saved.emblem_path == str(hr.store.dir / stored)
    assert (hr.store.dir / stored).read_bytes() == original.read_bytes()
    original.unlink()  # moved away, or this folder opened on another PC
    order = next(o for o in committee.list_orders(hr) if o.number)
    out = committee.export_pdf(hr, order.id, tmp_path / "order.pdf")
    assert image_count(out) == 1
    # saving the settings again as shown (the copy's full path) changes nothing
    again = _set(hr, saved.emblem_path)
    assert again.rev == saved.rev
    assert hr.store.load()["settings"]["1"]["emblem_path"] == stored


def test_backups_carry_the_emblem_and_a_restore_elsewhere_finds_it(demo_ctx, tmp_path):
    _set(demo_ctx, _png(tmp_path / "logo.png"))
    stored = demo_ctx.store.load()["settings"]["1"]["emblem_path"]
    zipped = backups.backup_now(demo_ctx, out=tmp_path / "b.zip")
    import zipfile

    assert stored in zipfile.ZipFile(zipped).namelist()
    other = Context.open(tmp_path / "elsewhere", actor="tester")
    backup.restore_backup(other.store, zipped, actor="tester")
    moved = Context.open(tmp_path / "elsewhere", actor="tester")
    path = settings_svc.get_settings(moved).emblem_path
    assert path == str(moved.store.dir / stored) and os.path.isfile(path)


@pytest.mark.parametrize(
    "kind", ["text renamed .png", "damaged png", "13000 pixels a side", "too large", "folder", "fifo", "missing"]
)
def test_a_bad_emblem_file_is_refused_at_the_field_and_leaves_nothing(demo_ctx, tmp_path, kind):
    path = tmp_path / "emblem.png"
    if kind == "text renamed .png":
        path.write_text("not an image")
    elif kind == "damaged png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    elif kind == "13000 pixels a side":  # a decompression bomb: 0.5 MB on disk, 500 MB of pixels
        png_header(path, 13000, 13000)
    elif kind == "too large":
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.truncate(settings_svc.EMBLEM_MAX_BYTES + 1)
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    before = data_files(demo_ctx.store.dir)
    with pytest.raises(ValidationError) as exc:
        _set(demo_ctx, path)
    th, en = exc.value.errors["emblem_path"]
    assert th and en and "Traceback" not in th
    assert data_files(demo_ctx.store.dir) == before  # settings, audit log, no copy left


def test_a_save_that_fails_removes_its_new_copy(demo_ctx, tmp_path):
    s = settings_svc.get_settings(demo_ctx)
    s.emblem_path = str(_png(tmp_path / "new.png", (10, 20, 30)))
    s.rev -= 1  # someone else saved in the meantime
    before = data_files(demo_ctx.store.dir)
    with pytest.raises(ConflictError):
        settings_svc.save_settings(demo_ctx, s)
    assert data_files(demo_ctx.store.dir) == before


def test_a_set_emblem_that_is_gone_is_reported_as_gone_not_as_unset(demo_ctx, tmp_path):
    """An emblem set before copies were kept, whose file is gone: the export says the file is
    missing (it used to say that none was set)."""
    with demo_ctx.store.transaction(actor="tester") as tx:
        doc = dict(tx.table("settings").get(doc_id=1))
        doc["emblem_path"] = str(tmp_path / "gone.png")
        tx.put("settings", 1, doc)
    from ethics_tui.pdf.base import ThaiPDF

    pdf = ThaiPDF(settings_svc.get_settings(demo_ctx))
    pdf.add_page()
    pdf.emblem()
    assert any("ไม่พบไฟล์ภาพตรา" in th and "gone.png" in th for th, _ in pdf.warnings)
