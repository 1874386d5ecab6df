"""Issue 15 item 17: control characters are refused at the model boundary and never printed raw."""

from __future__ import annotations

import json

import pytest

from ethics_tui.cli import main
from ethics_tui.errors import ValidationError
from ethics_tui.model.notices import Notice
from ethics_tui.model.settings import Division
from ethics_tui.model.text import bad_char, printable
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.staff import STAFF
from ethics_tui.service.staff_io import export_file, import_file
from tests.test_staff_import import GOOD, HEADER, write_csv


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\n", "\t", "\r"])
def test_single_line_fields_refuse_controls(ch):
    assert bad_char(f"สม{ch}ชาย") == ch
    with pytest.raises(ValidationError) as exc:
        Division(name=f"กอง{ch}คลัง").validate()
    assert "U+" in exc.value.errors["name"][0]


def test_multi_line_fields_allow_newline_and_tab_only():
    assert bad_char("บรรทัด ๑\r\nบรรทัด ๒\n\tย่อหน้า", multiline=True) is None
    for ch in ("\x1b", "\x00", "\x07", "\r", "\x9b"):
        assert bad_char(f"a{ch}b", multiline=True) == ch
    errors = {}
    try:
        Notice(kind="circular", title="ทดสอบ", body="ข้อ ๑\nข้อ ๒\x1b[2J").validate()
    except ValidationError as exc:
        errors = exc.errors
    assert "body" in errors and "U+001B" in errors["body"][1]


def test_a_form_gets_a_field_error(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    from ethics_tui.model.staff import Staff

    with pytest.raises(ValidationError) as exc:
        staff_svc.add(
            ctx,
            Staff(
                prefix="นาย",
                first_name="สม\x1b]0;pwned\x07ชาย",
                last_name="ใจดี",
                position="นิติกร",
                division_id=d.id,
                staff_type="ลูกจ้างประจำ",
            ),
        )
    assert set(exc.value.errors) == {"first_name"}
    assert not ctx.store.load().get(STAFF)


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\x07"])
def test_import_names_the_row_and_column(ctx, tmp_path, ch):
    bad = list(GOOD[1])
    bad[3] = f"บุญ{ch}มา"
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, GOOD[0], bad]))
    assert not plan.ok
    assert [(e.row, e.column) for e in plan.errors] == [(3, "นามสกุล")]
    assert "U+" in plan.errors[0].th
    assert not ctx.store.load().get(STAFF)


def test_a_new_division_name_with_a_control_character_is_refused(ctx, tmp_path):
    bad = list(GOOD[1])
    bad[6] = "กอง\x1bคลัง"
    plan = import_file(ctx, write_csv(tmp_path / "s.csv", [HEADER, bad]))
    assert [(e.row, e.column) for e in plan.errors] == [(2, "กอง")]
    assert not plan.divisions_created


@pytest.fixture
def escaped(demo_ctx):
    """A name with escapes saved before the check existed."""
    with demo_ctx.store.transaction() as tx:
        doc = dict(demo_ctx.store.load()[STAFF]["1"])
        doc["first_name"] = "สม\x1b[2J\x1b]0;pwned\x07ชาย\x9b31m"
        tx.put(STAFF, 1, doc)
    return demo_ctx


def test_staff_list_never_prints_raw_escapes(escaped, capsys, monkeypatch):
    import io
    import sys

    data = str(escaped.store.dir)
    for extra in ((), ("--json",)):
        monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
        assert main(["--data", data, "--user", "viewer", "staff", "list", *extra]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in "\x1b\x07\x9b\x00"), extra
        assert "pwned" in out
    assert printable("a\x1bb") == "a\\x1bb"


def test_xlsx_export_survives_old_control_characters(escaped, tmp_path):
    from openpyxl import load_workbook

    assert export_file(escaped, tmp_path / "s.xlsx") == 58
    names = [c.value for c in load_workbook(tmp_path / "s.xlsx").active["C"]]
    assert any(n and "\\x1b[2J" in n for n in names)
    json.dumps(names)
