"""QA after the merge of the issue 13-20 branches: what users met that no branch's tests saw."""

from __future__ import annotations

import pytest

from ethics_tui.errors import StorageError
from ethics_tui.service import notices_acks


def test_deleted_acks_file_is_refused_on_reading_not_shown_as_nobody_acknowledged(demo_ctx):
    """A deleted acks-N.json made the document read 0/58 (0 %) in coverage, the tick-off list
    and the reports, while a save was refused: reading refuses too and points to restore;
    the register's list leaves that document's figure out instead of a false 0 %."""
    path = sorted(demo_ctx.store.dir.glob("acks-*.json"))[0]
    nid = int(path.stem.split("-")[1])
    before = {c.notice.id for c in notices_acks.coverage_all(demo_ctx)}
    assert nid in before
    path.unlink()
    with pytest.raises(StorageError) as exc:
        notices_acks.coverage(demo_ctx, nid)
    assert "restore" in exc.value.th
    with pytest.raises(StorageError):
        notices_acks.people(demo_ctx, nid)
    after = {c.notice.id for c in notices_acks.coverage_all(demo_ctx)}
    assert after == before - {nid}


def test_repair_does_not_acknowledge_a_deleted_or_unreadable_file_and_speaks_thai(demo_ctx):
    """verify --repair said "repair recorded; 1 finding acknowledged" for a deleted acks file
    or a garbled main.json (nothing it can repair; the finding stays), appending a repair entry
    per run; and verify then listed the repair with its English note in the Thai line."""
    from ethics_tui.service.verify import verify
    from ethics_tui.store import integrity
    from ethics_tui.store.database import Store

    d = demo_ctx.store.dir
    next(iter(sorted(d.glob("acks-*.json")))).unlink()
    store = Store(d)
    n = len(store.audit.path.read_bytes())
    assert integrity.repair(store, "qa") == []
    assert len(store.audit.path.read_bytes()) == n
    assert verify(Store(d))  # still reported: restore it
    text = store.path().read_text(encoding="utf-8")
    store.path().write_text(text.replace('"first_name":"', '"first_name":"ก', 1), encoding="utf-8")
    store = Store(d)
    assert len(integrity.repair(store, "qa")) == 1  # the outside edit is acknowledged
    ((th, en),) = integrity.repairs(Store(d))
    assert "รับทราบ 1 รายการ" in th and "finding" not in th and "acknowledged" in en


def test_no_line_break_inside_brackets_edges():
    """The report PDF printed "สำนักปลัด (" at a line end and "งานการเจ้าหน้าที่)" on the next:
    a break opportunity was put after an opening bracket (and before closing punctuation)."""
    from ethics_tui.thai.wordbreak import NBSP, ZWSP, insert_breaks

    out = insert_breaks("สำนักปลัด (งานการเจ้าหน้าที่) และ “คุณธรรม” ร้อยละ ๙๓.๑")
    assert f"({ZWSP}" not in out and f"{ZWSP})" not in out
    assert f"“{ZWSP}" not in out and f"{ZWSP}”" not in out
    # (a kept-together group such as "ร้อยละ ๙๓.๑" holds a no-break space)
    assert out.replace(ZWSP, "").replace(NBSP, " ") == "สำนักปลัด (งานการเจ้าหน้าที่) และ “คุณธรรม” ร้อยละ ๙๓.๑"
    assert ZWSP in out  # the Thai words still break
    # nor around a kept-together group or name in brackets (the TUI wrapped "(" alone at a line end)
    out = insert_breaks("รับทราบ ๕๔ จาก ๕๘ คน (ร้อยละ ๙๓.๑) และสำนักปลัด (งานการเจ้าหน้าที่)", ["งานการเจ้าหน้าที่"])
    assert f"({ZWSP}" not in out and f"{ZWSP})" not in out


def test_o18_lines_say_which_period_they_count(demo_ctx):
    """O18 uses the first half and the previous year; both lines read "ไม่มีเรื่องร้องเรียน
    (เอกสารระบุว่าไม่มี)" side by side although the office had complaints (in another year)."""
    from ethics_tui.service import ita_items

    demo_sign = demo_ctx  # admin: complaints statistics are counts only
    o18 = next(c for c in ita_items.checklist(demo_sign, 2569) if c.item.code == "O18")
    texts = [ln[1] for ln in o18.lines]
    assert any("6 เดือนแรก ปีงบประมาณ 2569" in t for t in texts), texts
    assert any(t.startswith("ปีงบประมาณ 2568") for t in texts), texts
    assert len(set(texts)) == len(texts)


def test_corrupt_database_message_has_no_english_parser_text_in_thai(tmp_path):
    """A garbled main.json showed "(Expecting value: line 1 column 1 (char 0))" in the Thai line."""
    from ethics_tui.errors import CorruptDatabaseError
    from ethics_tui.store.database import Store

    (tmp_path / "main.json").write_text("garbage", encoding="utf-8")
    with pytest.raises(CorruptDatabaseError) as exc:
        Store(tmp_path).load()
    assert "Expecting" not in exc.value.th and "เสียหาย" in exc.value.th
    assert "Expecting" in exc.value.en
