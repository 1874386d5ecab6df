"""errors.found: a missing record becomes a NotFoundError in Thai and English."""

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
