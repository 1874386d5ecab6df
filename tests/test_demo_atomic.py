"""Issue 15 item 14: the demo is built in a stage folder and switched in whole."""

from __future__ import annotations

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import complaints_demo, demo
from ethics_tui.service.context import Context
from ethics_tui.store import restore
from ethics_tui.store.database import Store


class Killed(BaseException):
    pass


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith((restore.STAGE_PREFIX, restore.OLD_PREFIX))]


def test_a_demo_killed_half_way_leaves_an_empty_folder_and_can_run_again(ctx, monkeypatch):
    def dies(_ctx):
        raise Killed

    monkeypatch.setattr(complaints_demo, "extend_demo", dies)  # a late register (its spec's demo hook): most is built
    with pytest.raises(Killed):
        demo.load_demo(ctx)
    assert ctx.store.is_empty() and not ctx.store.db_names()
    assert not _leftovers(ctx.store.dir)
    monkeypatch.undo()
    assert demo.load_demo(Context.open(ctx.store.dir)) == 58
    signed = demo.demo_sign_in(Context.open(ctx.store.dir), "complaints")
    assert signed.store.load().get("complaints")


def test_a_stage_folder_left_by_a_killed_process_is_removed_on_open(ctx):
    stage = restore.new_stage(ctx.store.dir)
    (stage / "main.json").write_text("{}")
    (stage / "files").mkdir()
    assert Store(ctx.store.dir).open().is_empty()
    assert not _leftovers(ctx.store.dir)


def test_a_half_built_demo_from_the_old_code_is_explained(ctx):
    from ethics_tui.service.settings import SETTINGS

    with ctx.store.transaction() as tx:  # what the old code left when killed after step one
        tx.put(SETTINGS, 1, demo.DEMO_SETTINGS.to_dict())
    with pytest.raises(UserError) as exc:
        demo.load_demo(Context.open(ctx.store.dir))
    assert "สร้างไม่เสร็จ" in exc.value.th and "half-built" in exc.value.en
