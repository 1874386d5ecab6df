"""The home screen's counts read no staff table into memory and show the same (issue 20)."""

from __future__ import annotations

import pytest

from ethics_tui.errors import CorruptDatabaseError
from ethics_tui.model.notices import Notice
from ethics_tui.service import ita_ethics, ita_hr, notices, notices_acks, people, training_stats
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.ita_items import Period
from ethics_tui.store import stream
from ethics_tui.thai.dates import fiscal_year, fiscal_year_range, today


@pytest.fixture
def split_ctx(demo_ctx):
    """The demo office with its staff table in a file of its own, one person inactive and a
    standing circular whose audience changed since it was issued."""
    demo_ctx.store.split_at = 5
    first = staff_svc.search(demo_ctx)[0].staff
    staff_svc.deactivate(demo_ctx, first.id)
    n = notices.save_draft(
        demo_ctx, Notice(kind="circular", title="ทดสอบ", to="ทุกท่าน", body="ทดสอบ", dated="2025-01-01", standing=True)
    )
    notices.publish(demo_ctx, n.id)
    assert "staff" in demo_ctx.store.load().entries
    return demo_ctx


def _fresh(ctx):
    from ethics_tui.store.database import Store

    ctx.store = Store(ctx.store.dir)
    return ctx


def _staff_kept(ctx) -> bool:
    return any(name.startswith("main.staff.") for name in ctx.store._tcache)


def test_streamed_documents_are_the_stored_ones(split_ctx):
    ctx = _fresh(split_ctx)
    staff = list(stream.docs(ctx.store, "staff"))
    assert not _staff_kept(ctx)  # nothing kept
    assert staff == list(ctx.store.load()["staff"].items())
    for n in notices.list_notices(ctx):
        if n.published:
            name = notices_acks.shard(n.id)
            assert dict(stream.docs(ctx.store, "acks", name)) == dict(ctx.store.load(name)["acks"])
    assert dict(stream.docs(ctx.store, "divisions")) == dict(ctx.store.load()["divisions"])
    assert list(stream.docs(ctx.store, "acks", "acks-999999")) == []


def test_a_damaged_table_file_is_still_an_error(split_ctx):
    ctx = _fresh(split_ctx)
    path = ctx.store.dir / ctx.store.load().entries["staff"]["file"]
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(CorruptDatabaseError):
        list(stream.docs(ctx.store, "staff"))


def test_counts_match_the_full_computation(split_ctx):
    ctx = _fresh(split_ctx)
    docs = ctx.store.load()["staff"]
    active, inactive = people.staff_activity(ctx)
    assert active == {int(k) for k, d in docs.items() if d.get("active", True)}
    assert inactive == {int(k) for k, d in docs.items() if not d.get("active", True)}
    covs = notices_acks.coverage_all(ctx)
    assert covs
    for c in covs:
        full = notices_acks._coverage(ctx, c.notice, True)
        assert (c.total, c.done, c.left) == (full.total, full.done, full.left)
        assert (c.total, c.done) == (notices_acks.coverage_counts(ctx, c.notice.id).total, full.done)
    fy = fiscal_year(today())
    st, head = training_stats.stats(ctx, fy), training_stats.headline(ctx, fy)
    assert (
        head.staff_total,
        head.with_opportunity,
        head.never_selected_count,
        head.ethics_events,
        head.open_questions,
    ) == (st.staff_total, st.with_opportunity, len(st.never_selected), st.ethics_events, st.open_questions)
    assert training_stats.ethics_events(ctx, fy) == st.ethics_events


def test_readiness_checks_say_what_the_full_reports_say(split_ctx, monkeypatch):
    ctx = _fresh(split_ctx)
    start, end = fiscal_year_range(fiscal_year(today()))
    p = Period("fy", fiscal_year(today()), start, end)
    full = ita_hr.annual_report(ctx, p)
    check = ita_hr.check_annual_report(ctx, p)
    monkeypatch.setattr(ita_hr, "_annual_parts", lambda ctx, p: full)
    assert ita_hr.check_annual_report(ctx, p) == check
    # the headcount: the active staff by start date, as the staff search lists them
    h = ita_hr.headcount(ctx, end)
    rows = [r.staff for r in staff_svc.search(ctx)]
    assert h.total + h.under_a_year + h.no_start_date == len(rows)
    assert h.no_start_date == sum(1 for s in rows if s.start() is None)
    pack = ita_ethics.pack(ctx, p)
    for c in pack["codes"]:
        assert c["done"] <= c["total"]
    assert pack["trainings"] == training_stats.stats(ctx, p.fy).ethics_events


def test_the_home_counts_keep_no_staff_table(split_ctx):
    from ethics_tui.service import ita_items
    from ethics_tui.tui.screens.home import home_alerts

    ctx = _fresh(split_ctx)
    lines = home_alerts(ctx, "th")
    checks = ita_items.readiness(ctx, fiscal_year(today()))
    assert not _staff_kept(ctx)  # the staff table file was never kept
    cached = _fresh(split_ctx)
    cached.store.load()["staff"]  # a process that holds it gives the same
    assert home_alerts(cached, "th") == lines
    assert [(c.status, c.th) for c in ita_items.readiness(cached, fiscal_year(today()))] == [
        (c.status, c.th) for c in checks
    ]
