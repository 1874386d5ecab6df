"""A command that writes a name of its own choosing (no -o) never replaces a file silently: it
refuses (exit 1, a Thai or English message naming the file and --overwrite), leaves the file byte
for byte and records no export; --overwrite replaces it, and so does -o naming it (the user typed
that name). The account slips' names are new every time."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ethics_tui.cli import main
from ethics_tui.service import documents, privacy, training, training_docs
from ethics_tui.service.exports import export_folder
from ethics_tui.thai.dates import fiscal_year, today


def _run(capsys, monkeypatch, data: Path, user: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 3))
    capsys.readouterr()
    rc = main(["--data", str(data), "--user", user, *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def _audit(data: Path) -> list[dict]:
    return [json.loads(line) for line in (data / "audit.jsonl").read_text(encoding="utf-8").splitlines()]


def _order(ctx) -> tuple[list[str], Path]:
    return ["pdf", "order", "1"], documents.default_path(ctx, "order", id=1)


def _training(ctx) -> tuple[list[str], Path]:
    fy = training.fiscal_years(ctx)[-1]
    return ["training", "export", "--fy", str(fy)], training_docs.default_path(ctx, f"training-{fy}.xlsx", fy)


def _privacy(ctx) -> tuple[list[str], Path]:
    return ["privacy", "record"], privacy.record_path(ctx)


FILE_COMMANDS = {
    "pdf order": ("hr", _order),
    "training export": ("hr", _training),
    "privacy record": ("admin", _privacy),
}


@pytest.mark.parametrize("name", FILE_COMMANDS)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_default_named_file_already_there_is_refused_and_kept(demo_ctx, capsys, monkeypatch, name, lang):
    data = demo_ctx.store.dir
    user, which = FILE_COMMANDS[name]
    argv, path = which(demo_ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"the officer's own copy\n")
    before = _audit(data)
    rc, out, err = _run(capsys, monkeypatch, data, user, "--lang", lang, *argv)
    assert rc == 1 and out == ""
    assert str(path) in err and "--overwrite" in err and "Traceback" not in err
    assert ("already exists; nothing was written" in err) if lang == "en" else ("อยู่แล้ว จึงไม่ได้เขียนทับ" in err)
    assert path.read_bytes() == b"the officer's own copy\n"
    new = _audit(data)[len(before) :]
    assert [e["action"] for e in new] == ["login"]  # the sign-in every --user command records; no export


@pytest.mark.parametrize("name", ["training export", "privacy record"])
def test_overwrite_or_o_naming_the_file_replaces_it(demo_ctx, capsys, monkeypatch, name):
    data = demo_ctx.store.dir
    user, which = FILE_COMMANDS[name]
    argv, path = which(demo_ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    for extra in (["--overwrite"], ["-o", str(path)]):
        path.write_bytes(b"old")
        before = len(_audit(data))
        rc, out, err = _run(capsys, monkeypatch, data, user, *argv, *extra)
        assert rc == 0, err
        assert str(path) in out and path.read_bytes() != b"old"
        if name == "privacy record":  # (the training XLSX is not in the audit log: see docs/STATUS.md)
            assert "export-pdf" in {e["action"] for e in _audit(data)[before:]}


def test_a_new_default_name_is_written_without_overwrite(demo_ctx, capsys, monkeypatch):
    argv, path = _privacy(demo_ctx)
    rc, out, err = _run(capsys, monkeypatch, demo_ctx.store.dir, "admin", *argv)
    assert rc == 0, err
    assert path.is_file() and str(path) in out


def test_the_evidence_folder_holding_files_is_refused(demo_ctx, capsys, monkeypatch):
    fy = fiscal_year(today())
    folder = export_folder(demo_ctx, fy) / f"ita-{fy}"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("published", encoding="utf-8")
    before = _audit(demo_ctx.store.dir)
    rc, out, err = _run(
        capsys, monkeypatch, demo_ctx.store.dir, "hr", "--lang", "en", "report", "evidence", "--fy", str(fy)
    )
    assert rc == 1 and out == ""
    assert f"The folder {folder} already holds files" in err and "--overwrite" in err
    assert [p.name for p in folder.iterdir()] == ["index.html"]
    assert (folder / "index.html").read_text(encoding="utf-8") == "published"
    assert [e["action"] for e in _audit(demo_ctx.store.dir)[len(before) :]] == ["login"]


def test_permission_is_checked_before_the_file(demo_ctx, capsys, monkeypatch):
    """A user who may not write the document hears that, not that its file is there."""
    argv, path = _privacy(demo_ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    rc, _out, err = _run(capsys, monkeypatch, demo_ctx.store.dir, "viewer", "--lang", "en", *argv)
    assert rc == 1 and "--overwrite" not in err


def _help(capsys, *argv: str) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ("pdf", "order"),
        ("pdf", "training-report"),
        ("training", "export"),
        ("privacy", "record"),
        ("report", "evidence"),
    ],
)
def test_commands_with_a_default_name_offer_overwrite(capsys, argv):
    assert "--overwrite" in _help(capsys, *argv)


def test_confidential_documents_have_fresh_names_and_no_overwrite(capsys):
    assert "--overwrite" not in _help(capsys, "pdf", "complaint-receipt")


# -- account slips: a new name every time ------------------------------------------------------
def test_two_sets_of_slips_in_the_same_second_get_two_files(demo_ctx):
    import time_machine

    from ethics_tui.service import staff_accounts
    from ethics_tui.service.people import staff_docs

    ids = sorted(int(k) for k in staff_docs(demo_ctx))[:4]
    with time_machine.travel("2026-11-30 10:00:00+07:00", tick=False):
        first = staff_accounts.export_slips(demo_ctx, staff_accounts.create_accounts(demo_ctx, ids[:2]))
        kept = first.read_bytes()
        second = staff_accounts.export_slips(demo_ctx, staff_accounts.create_accounts(demo_ctx, ids[2:]))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # the local time, whatever the zone
    assert first.name == f"staff-slips-{stamp}.pdf"
    assert second.name == f"staff-slips-{stamp}-2.pdf"
    assert first.read_bytes() == kept and second.read_bytes() != kept
    assert first.parent == second.parent == export_folder(demo_ctx)


def test_slips_that_fail_to_save_leave_no_empty_file(demo_ctx, monkeypatch):
    from ethics_tui.pdf.base import ThaiPDF
    from ethics_tui.service import staff_accounts
    from ethics_tui.service.people import staff_docs

    ids = sorted(int(k) for k in staff_docs(demo_ctx))[:1]
    slips = staff_accounts.create_accounts(demo_ctx, ids)

    def full_disk(self, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ThaiPDF, "save", full_disk)
    with pytest.raises(OSError):
        staff_accounts.export_slips(demo_ctx, slips)
    assert not list(export_folder(demo_ctx).glob("staff-slips-*"))


def test_cli_reissue_twice_in_one_second_keeps_both_sets(demo_ctx, capsys, monkeypatch):
    import time_machine

    from ethics_tui.service import staff_accounts
    from ethics_tui.service.people import staff_docs

    docs = staff_docs(demo_ctx)
    ids = sorted(int(k) for k in docs)[:1]
    staff_accounts.create_accounts(demo_ctx, ids)
    code = docs[str(ids[0])]["code"]
    paths = []
    with time_machine.travel("2026-11-30 10:00:00+07:00", tick=False):
        for _ in range(2):
            rc, out, err = _run(
                capsys,
                monkeypatch,
                demo_ctx.store.dir,
                "hr",
                "--lang",
                "en",
                "staff-accounts",
                "reissue",
                "--staff",
                code,
            )
            assert rc == 0, err
            paths.append(next(w for w in out.split() if w.endswith(".pdf")))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    assert [Path(p).name for p in paths] == [f"staff-slips-{stamp}.pdf", f"staff-slips-{stamp}-2.pdf"]
    assert all(Path(p).is_file() for p in paths)
