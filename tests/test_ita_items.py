"""The per-year ITA item table is data: shipped for 2568 and 2569, editable by the office,
never hard-coded; the readiness checklist is computed per item from it."""

import json

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import ita_items
from ethics_tui.service.ita_outputs import outputs


@pytest.mark.parametrize("year", [2568, 2569])
def test_shipped_tables_parse_and_name_known_outputs(ctx, year):
    table = ita_items.load(ctx, year)
    assert table.year == year and not table.from_office
    assert "ITAS" in table.note and not table.checked  # marked "check against the year's ITAS manual"
    codes = [i.code for i in table.items]
    assert {"O13", "O14", "O15", "O16", "O17", "O18", "O26"} <= set(codes)
    for item in table.items:
        assert item.title and item.shows
        for name, rule in item.uses():
            assert name in outputs() and rule in ita_items.PERIODS
    o14 = next(i for i in table.items if i.code == "O14")
    assert ita_items.period(o14.period, year).fy == year - 1  # the HR annual report is of the previous year
    o13 = next(i for i in table.items if i.code == "O13")
    assert ("แผน" in o13.title) == (year >= 2569)  # the plan joined the HR item in 2569


def test_periods():
    half = ita_items.period("first_half", 2569)
    assert (half.start.isoformat(), half.end.isoformat(), half.tag) == ("2025-10-01", "2026-03-31", "2569-h1")
    prev = ita_items.period("previous_fy", 2569)
    assert (prev.fy, prev.start.isoformat(), prev.end.isoformat()) == (2568, "2024-10-01", "2025-09-30")
    with pytest.raises(UserError):
        ita_items.period("next_decade", 2569)


def test_office_copy_wins_and_can_be_edited(ctx):
    dest = ita_items.copy_to_office(ctx, 2569)
    assert dest.parent.name == "ita" and dest.is_file()
    dest.write_text(dest.read_text(encoding="utf-8").replace('code = "O13"', 'code = "O12"'), encoding="utf-8")
    table = ita_items.load(ctx, 2569)
    assert table.from_office and table.items[0].code == "O12"
    with pytest.raises(UserError):
        ita_items.copy_to_office(ctx, 2569)  # never overwrites the office's edits


def test_a_broken_table_is_a_thai_message_not_a_traceback(ctx):
    path = ita_items.office_path(ctx, 2569)
    path.parent.mkdir(parents=True)
    path.write_text('[[item]]\ncode = "O13"\ntitle = "x"\noutputs = ["no-such-output"]\n', encoding="utf-8")
    with pytest.raises(UserError) as exc:
        ita_items.load(ctx, 2569)
    assert "no-such-output" in exc.value.th
    path.write_text("year = [", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        ita_items.load(ctx, 2569)
    assert "อ่านตารางรายการ ITA" in exc.value.th


def test_a_later_year_without_a_table_borrows_the_latest_and_says_so(ctx):
    table = ita_items.load(ctx, 2571)
    assert table.year == 2571 and "2569" in table.note and "2571" in table.note


def test_checklist_per_item_on_an_empty_office(ctx):
    from ethics_tui.service.settings import add_division

    add_division(ctx, "สำนักปลัด")
    checks = {c.item.code: c for c in ita_items.checklist(ctx, 2569)}
    assert list(checks) == [i.code for i in ita_items.load(ctx, 2569).items]  # table order
    assert checks["O13"].status == "red" and checks["O15"].status == "red"
    assert checks["O18"].status == "green"  # "no complaints" is itself the evidence
    lines = ita_items.readiness(ctx, 2569)
    assert lines[0].key == "ita-O13" and lines[0].register == "appraisal"


def test_demo_checklist_and_cli(demo_ctx, tmp_path, capsys):
    from ethics_tui.cli import main
    from ethics_tui.service.demo import DEMO_PASSWORD

    checks = ita_items.checklist(demo_ctx, 2569)
    assert {c.status for c in checks} <= {"green", "amber", "red"}
    import io
    import sys

    sys.stdin = io.StringIO(DEMO_PASSWORD + "\n")
    try:
        main(["--data", str(demo_ctx.store.dir), "--user", "hr", "report", "items", "--fy", "2569", "--json"])
    finally:
        sys.stdin = sys.__stdin__
    out = json.loads(capsys.readouterr().out)
    assert [i["code"] for i in out["items"]] == [c.item.code for c in checks]
