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


@pytest.fixture
def split_staff(demo_ctx):
    """The demo office with the staff table in a file of its own (as in a large office)."""
    demo_ctx.store.split_at = 5
    s = staff_svc.search(demo_ctx)[0].staff
    s.phone = "0833333333"
    staff_svc.update(demo_ctx, s)
    assert "staff" in demo_ctx.store.load().entries
    return demo_ctx


def _edit_first(ctx, **fields):
    """Save the first person with ``fields`` changed; (everyone as listed before, the saved one)."""
    people = [r.staff for r in staff_svc.search(ctx)]
    first = staff_svc.get(ctx, people[0].id)
    for k, v in fields.items():
        setattr(first, k, v)
    return people, staff_svc.update(ctx, first)


def test_a_split_table_save_writes_only_the_record_and_still_refuses_duplicates(split_staff):
    ctx = split_staff
    people, a = _edit_first(ctx, code="K-1")  # the index follows the file this save wrote
    assert staff_svc._CODES._key[0] == ctx.store.load().entries["staff"]["file"]  # not rebuilt next save
    docs = ctx.store.load()["staff"]
    assert docs[str(a.id)]["code"] == "K-1"
    others = {k: d for k, d in docs.items() if k != str(a.id)}
    assert all(d["code"] != "K-1" for d in others.values())
    b = staff_svc.get(ctx, people[1].id)
    b.code = "K-1"
    with pytest.raises(ValidationError):
        staff_svc.update(ctx, b)
    new = staff_svc.get(ctx, people[2].id)
    new.code = "K-1"
    with pytest.raises(ValidationError):
        staff_svc.add(ctx, new)
    new.code = "K-2"
    added = staff_svc.add(ctx, new)
    assert staff_svc.get(ctx, added.id).code == "K-2"
    assert added.id > max(p.id for p in people)
    again = staff_svc.get(ctx, people[3].id)
    again.code = "K-2"
    with pytest.raises(ValidationError):  # the code this process just added
        staff_svc.update(ctx, again)
    again.code = "K-3"
    again.division_id = 999_999
    with pytest.raises(ValidationError):  # a division that does not exist
        staff_svc.update(ctx, again)
    assert staff_svc.get(ctx, people[3].id).code == people[3].code


def test_a_code_saved_by_another_process_into_a_table_file_is_seen(split_staff):
    ctx = split_staff
    people, _ = _edit_first(ctx, phone="0844444444")  # index built for the file this process wrote
    other = demo_sign_in(Context.open(ctx.store.dir), "hr")
    other.store.split_at = 5
    theirs = staff_svc.get(other, people[1].id)
    theirs.code = "Q-7"
    staff_svc.update(other, theirs)
    mine = staff_svc.get(ctx, people[0].id)
    mine.code = "Q-7"
    with pytest.raises(ValidationError):
        staff_svc.update(ctx, mine)


def test_a_table_file_edited_in_place_is_indexed_again(split_staff):
    import json

    ctx = split_staff
    people, _ = _edit_first(ctx, phone="0855555555")
    path = ctx.store.dir / ctx.store.load().entries["staff"]["file"]
    docs = json.loads(path.read_text("utf-8"))
    docs[str(people[1].id)]["code"] = "E-5"  # an edit outside the program, same file name
    path.write_text(json.dumps(docs, ensure_ascii=False, separators=(",", ":")) + " ", "utf-8")
    mine = staff_svc.get(ctx, people[0].id)
    mine.code = "E-5"
    with pytest.raises(ValidationError):
        staff_svc.update(ctx, mine)
