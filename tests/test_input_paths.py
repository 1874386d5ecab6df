"""Paths typed, pasted or dropped onto the terminal (issue 17 item 8): one normaliser in the
core, and the hostile-file checks after it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service.input_files import IMPORT_MAX_BYTES, normalize_path, read_regular


@pytest.fixture
def spaced(tmp_path: Path) -> Path:
    f = tmp_path / "รายชื่อ บุคลากร.csv"
    f.write_text("x", encoding="utf-8")
    return f


@pytest.mark.parametrize("wrap", ["'{}'", '"{}"', " '{}' ", '"{}"\n', "'\"{}\"'"])
def test_quotes_from_a_drop_are_stripped(spaced: Path, wrap: str) -> None:
    text = wrap.format(spaced)
    assert normalize_path(text) == spaced
    assert read_regular(text, IMPORT_MAX_BYTES) == b"x"


def test_tilde_is_the_home_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert normalize_path("~/staff.csv") == tmp_path / "staff.csv"
    assert normalize_path("'~/a b.csv'") == tmp_path / "a b.csv"


def test_file_uri(spaced: Path) -> None:
    from urllib.parse import quote

    uri = "file://" + quote(str(spaced))
    assert normalize_path(uri) == spaced
    assert normalize_path("file://localhost" + quote(str(spaced))) == spaced
    assert read_regular(f"'{uri}'", IMPORT_MAX_BYTES) == b"x"


@pytest.mark.skipif(os.sep != "/", reason="on Windows a backslash is the separator")
def test_backslash_escaped_spaces(spaced: Path) -> None:
    escaped = str(spaced).replace(" ", "\\ ")
    assert "\\ " in escaped
    assert normalize_path(escaped) == spaced


def test_plain_path_unchanged(tmp_path: Path) -> None:
    assert normalize_path(str(tmp_path / "a.csv")) == tmp_path / "a.csv"
    assert normalize_path(tmp_path / "a.csv") == tmp_path / "a.csv"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError) as err:
        read_regular(f'"{fifo}"', IMPORT_MAX_BYTES)
    assert "ไม่ใช่ไฟล์ธรรมดา" in err.value.th


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        read_regular(f"'{tmp_path}'", IMPORT_MAX_BYTES)
    assert "เป็นโฟลเดอร์" in err.value.th


def test_a_missing_bare_name_says_which_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as err:
        read_regular("staff.csv", IMPORT_MAX_BYTES)
    assert f"ไม่พบไฟล์ staff.csv ในโฟลเดอร์ {tmp_path}" in err.value.th
    assert str(tmp_path) in err.value.en


def test_removable_drives_lists_mounted_folders(monkeypatch, tmp_path: Path) -> None:
    from ethics_tui.service import input_files

    real = Path
    (tmp_path / "media" / "somchai" / "USB16").mkdir(parents=True)
    monkeypatch.setattr("getpass.getuser", lambda: "somchai")
    orig_iterdir = real.iterdir

    def iterdir(self):
        if str(self).startswith("/media/"):
            return orig_iterdir(tmp_path / str(self).lstrip("/"))
        return orig_iterdir(self)

    monkeypatch.setattr(real, "iterdir", iterdir)
    if os.name != "nt":
        drives = input_files.removable_drives()
        assert any(p.name == "USB16" for p in drives)
