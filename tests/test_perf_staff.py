"""A staff save checks the code without reading every record (issue 20, item 4)."""

from __future__ import annotations

import pytest
from tinydb.table import Table

from ethics_tui.errors import ValidationError
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in


def test_a_save_reads_no_other_record_and_duplicates_are_still_refused(demo_ctx, monkeypatch):
    people = staff_svc.search(demo_ctx)
    a, b = people[0].staff, people[1].staff
    a.phone = "0811111111"
    staff_svc.update(demo_ctx, a)  # builds the index once

    def no_scan(self, *args, **kwargs):
        raise AssertionError("a save must not read every record")

    monkeypatch.setattr(Table, "all", no_scan)
    monkeypatch.setattr(Table, "__iter__", no_scan)
    a = staff_svc.get(demo_ctx, a.id)
    a.code = "X-1"
    staff_svc.update(demo_ctx, a)
    b = staff_svc.get(demo_ctx, b.id)
    b.code = "X-1"
    with pytest.raises(ValidationError):
        staff_svc.update(demo_ctx, b)
    old = staff_svc.get(demo_ctx, people[0].staff.id)
    assert old.code == "X-1"
    # the old code is free again once its owner changed it
    b.code = people[0].staff.code
    staff_svc.update(demo_ctx, b)
    copy = staff_svc.get(demo_ctx, people[2].staff.id)
    with pytest.raises(ValidationError):  # people[2]'s code is taken
        staff_svc.add(demo_ctx, copy)
    copy.code = "NEW-1"
    new = staff_svc.add(demo_ctx, copy)
    with pytest.raises(ValidationError):  # and now NEW-1 is, by a record this process added
        staff_svc.add(demo_ctx, staff_svc.get(demo_ctx, new.id))


def test_a_code_saved_by_another_process_is_seen(demo_ctx):
    people = staff_svc.search(demo_ctx)
    mine = staff_svc.get(demo_ctx, people[0].staff.id)
    mine.phone = "0822222222"
    staff_svc.update(demo_ctx, mine)  # index built in this "process"
    other = demo_sign_in(Context.open(demo_ctx.store.dir), "hr")  # another store, same folder
    theirs = staff_svc.get(other, people[1].staff.id)
    theirs.code = "Z-9"
    staff_svc.update(other, theirs)
    mine = staff_svc.get(demo_ctx, people[0].staff.id)
    mine.code = "Z-9"
    with pytest.raises(ValidationError):
        staff_svc.update(demo_ctx, mine)
