"""One version of a document in force (a QA finding of 30 Nov, service layer)."""

from __future__ import annotations

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import UserError
from ethics_tui.model.notices import Notice
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.thai.dates import today


def test_two_new_version_drafts_of_one_notice_cannot_both_be_published(ctx, monkeypatch):
    """QA 30 Nov: v twice on one published circular stored two version-2 drafts; both
    published, so two versions were in force and everyone had to acknowledge twice."""
    from dataclasses import replace

    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    office = demo.demo_sign_in(ctx, "admin")
    first = svc.save_draft(
        office,
        Notice(kind="circular", title="แจ้งเวียน", to="ทุกท่าน", body="ก", dated=today().isoformat()),
    )
    n = svc.publish(office, first.id)
    a = svc.save_draft(office, svc.version_draft(office, n.id))  # v, ctrl+s
    with pytest.raises(UserError, match="มีร่างฉบับปรับปรุง"):
        svc.version_draft(office, n.id)  # v again on the same row: the draft is named, nothing made
    # a second draft made another way (an older program, another PC): publishing it is refused
    b = svc.save_draft(office, replace(a, id=None, rev=0))
    svc.publish(office, a.id)
    files = {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()}
    with pytest.raises(UserError, match="มีฉบับใหม่แล้ว"):
        svc.publish(office, b.id)
    assert {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()} == files
    assert svc.get(office, b.id).status == "draft"
