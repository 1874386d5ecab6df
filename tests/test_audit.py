import json

import pytest

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.verify import verify


def _lines(store):
    return store.audit.path.read_text(encoding="utf-8").splitlines()


def _write(store, lines):
    store.audit.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store.audit._head = None


@pytest.fixture
def busy(demo_ctx):
    for i in (1, 2, 3):
        s = staff_svc.get(demo_ctx, i)
        s.phone = f"08100000{i:02d}"
        staff_svc.update(demo_ctx, s)
    staff_svc.deactivate(demo_ctx, 4)
    return demo_ctx


def test_entries_record_actor_time_kind_fields(busy):
    entries = [e for e in busy.store.audit.entries() if e["kind"] in ("staff", "demo")]
    assert [e["action"] for e in entries] == ["import", "update", "update", "update", "deactivate"]
    upd = entries[1]
    assert upd["actor"] == "admin" and upd["kind"] == "staff" and upd["id"] == 1
    assert upd["fields"] == ["phone"] and upd["ts"]
    # values are never copied into the log
    assert "0810000001" not in busy.store.audit.path.read_text(encoding="utf-8")
    assert verify(busy.store) == []


def test_edit_is_detected(busy):
    lines = _lines(busy.store)
    e = json.loads(lines[2])
    e["actor"] = "someone-else"
    lines[2] = json.dumps(e, ensure_ascii=False)
    _write(busy.store, lines)
    problems = verify(busy.store)
    assert any("แฮชไม่ตรง" in th for th, _ in problems)


def test_deletion_is_detected(busy):
    lines = _lines(busy.store)
    del lines[2]
    _write(busy.store, lines)
    assert any("ไม่ต่อเนื่อง" in th or "ขาด" in th for th, _ in verify(busy.store))


def test_reordering_is_detected(busy):
    lines = _lines(busy.store)
    lines[1], lines[2] = lines[2], lines[1]
    _write(busy.store, lines)
    assert verify(busy.store)


def test_tail_truncation_is_detected(busy):
    lines = _lines(busy.store)
    _write(busy.store, lines[:-1])
    problems = verify(busy.store)
    assert any("ถูกลบ" in th for th, _ in problems)


def test_garbage_line_is_detected(busy):
    lines = _lines(busy.store)
    lines.insert(2, "not json")
    _write(busy.store, lines)
    assert any("อ่านไม่ได้" in th for th, _ in verify(busy.store))


def test_torn_last_line_is_repaired_on_next_write(busy):
    path = busy.store.audit.path
    with open(path, "ab") as f:
        f.write(b'{"seq": 99, "partial')
    staff_svc.set_active(busy, 4, True)
    assert verify(busy.store) == []
    assert json.loads(_lines(busy.store)[-1])["action"] == "reactivate"
