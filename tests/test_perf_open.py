"""Opening a data folder costs the same with 1 or 300 acknowledgement files (issue 20, item 3)."""

from __future__ import annotations

import re

import pytest

from ethics_tui.errors import CorruptDatabaseError
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.store import migrations
from ethics_tui.store.database import Store


def _count_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = Store._parse

    def counting(self, path, raw=None):
        parsed.append(path.name)
        return real(self, path, raw)

    monkeypatch.setattr(Store, "_parse", counting)
    return parsed


def _many_acks(store: Store, n: int) -> None:
    for i in range(100, 100 + n):
        with store.transaction(f"acks-{i}", actor="t") as tx:
            tx.table("acks").insert({"staff_id": 1, "status": "pending"})


def test_open_parses_no_file_and_a_staff_list_only_main(demo_ctx, monkeypatch):
    _many_acks(demo_ctx.store, 20)
    parsed = _count_parses(monkeypatch)
    ctx = demo_sign_in(Context.open(demo_ctx.store.dir), "viewer")
    assert parsed == ["main.json"]  # the sign-in; open() itself read no file
    assert len(staff_svc.search(ctx)) == 58
    assert parsed == ["main.json"]


def test_damage_inside_a_file_is_still_found_and_never_overwritten(demo_ctx):
    path = demo_ctx.store.path("acks-1")
    raw = path.read_bytes()
    meta_at = raw.rfind(b',"_meta":')  # the store writes _meta last: keep it whole
    broken = raw[:80] + b"\x00not json" + raw[meta_at:]
    path.write_bytes(broken)
    store = Store(demo_ctx.store.dir).open()  # looks right at both ends: open() does not parse it
    with pytest.raises(CorruptDatabaseError):
        store.load("acks-1")
    with pytest.raises(CorruptDatabaseError), store.transaction("acks-1") as tx:
        tx.table("acks").insert({"x": 1})
    assert path.read_bytes() == broken


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"_meta":{"1":{"schema":1}}', b"[]"])
def test_a_damaged_acks_file_is_still_reported_on_open(demo_ctx, garbage):
    path = demo_ctx.store.path("acks-2")
    path.write_bytes(garbage)
    with pytest.raises(CorruptDatabaseError):
        Store(demo_ctx.store.dir).open()
    assert path.read_bytes() == garbage


def test_a_truncated_file_is_reported_on_open(demo_ctx):
    path = demo_ctx.store.path("main")
    raw = path.read_bytes()
    for cut in (1, 2, 3, 100, len(raw) // 2):
        path.write_bytes(raw[:-cut])
        with pytest.raises(CorruptDatabaseError):  # at open, or at the first read at the latest
            Store(demo_ctx.store.dir).open().load()
        if cut >= 3:  # the end no longer looks like a closed file: found by open() itself
            with pytest.raises(CorruptDatabaseError):
                Store(demo_ctx.store.dir).open()
        assert path.read_bytes() == raw[:-cut]


def test_an_old_schema_is_still_migrated_on_open(demo_ctx):
    path = demo_ctx.store.path("acks-3")
    raw = path.read_bytes()
    assert re.search(rb'"_meta":\{"1":\{"schema":\d', raw)
    path.write_bytes(re.sub(rb'"_meta":\{"1":\{"schema":\d', b'"_meta":{"1":{"schema":0', raw, count=1))
    store = Store(demo_ctx.store.dir).open()
    assert store.load("acks-3")["_meta"]["1"]["schema"] == migrations.CURRENT_SCHEMA
    assert all(d.get("rev") == 0 for d in store.load("acks-3")["acks"].values())
