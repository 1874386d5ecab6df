"""Shared service helpers: errors.found (a missing record) and service/year_docs.py (one document per fiscal year)."""

from __future__ import annotations

import pytest

from ethics_tui.errors import NotFoundError, found
from ethics_tui.service import committee, staff


def test_found_passes_a_record_and_refuses_none():
    assert found({"a": 1}, "ไม่พบ", "missing") == {"a": 1}
    assert found({}, "ไม่พบ", "missing") == {}  # an empty document is still a document
    with pytest.raises(NotFoundError) as info:
        found(None, "ไม่พบกองรหัส 9", "No division 9")
    assert (info.value.th, info.value.en) == ("ไม่พบกองรหัส 9", "No division 9")


def test_services_keep_their_not_found_messages(ctx):
    with pytest.raises(NotFoundError) as info:
        staff.get(ctx, 999)
    assert info.value.message("en") == "No staff member 999" and info.value.th == "ไม่พบบุคลากรรหัส 999"
    with pytest.raises(NotFoundError, match="ไม่พบคำสั่งรหัส 5"):
        committee.issue(ctx, 5)


def test_year_documents_are_created_then_updated_with_their_revision(ctx):
    """report row texts and ITA texts share service/year_docs.py: one document per fiscal year."""
    from ethics_tui.service import ita_texts
    from ethics_tui.service.year_docs import year_doc

    assert year_doc(ctx, ita_texts.TABLE, 2569) == {}
    ita_texts.save(ctx, 2569, "complaint_unit", "กองกลาง")
    ita_texts.save(ctx, 2569, "eth_h1", "หัวข้อ")
    ita_texts.save(ctx, 2570, "eth_h1", "อีกปี")
    doc = year_doc(ctx, ita_texts.TABLE, 2569)
    assert doc == {"fy": 2569, "sections": {"complaint_unit": "กองกลาง", "eth_h1": "หัวข้อ"}, "rev": 2}
    assert ita_texts.get(ctx, 2570, "eth_h1") == "อีกปี"
    assert len(ctx.store.load()[ita_texts.TABLE]) == 2
