"""Each ITA output read back from its PDF, with figures equal to the registers' own services."""

from datetime import date

import pytest

from ethics_tui.errors import UserError
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import ita_complaints, ita_ethics, ita_hr, ita_items, ita_texts
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.dates import fiscal_year, fiscal_year_range
from ethics_tui.thai.digits import to_arabic_digits

YEAR = fiscal_year(date.today()) - 1  # the demo's report year (see test_report.FY) is the ITA year here
CUR = YEAR + 1  # the demo's complaints are mostly in the current fiscal year


def as_user(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


def read(path) -> str:
    return to_arabic_digits(squash("".join(pages(path))))


def flat(text: str) -> str:
    return to_arabic_digits(squash(text))


@pytest.fixture
def hr(demo_ctx):
    return as_user(demo_ctx, "hr")


def test_hr_criteria_plan_and_the_late_criteria_warning(hr, tmp_path):
    from ethics_tui.service import appraisal

    p = ita_items.period("current_fy", YEAR)
    rounds = [r for r in appraisal.list_rounds(hr) if r.fiscal_year == YEAR]
    text = read(ita_hr.write_criteria_plan(hr, p, tmp_path / "o13.pdf"))
    for part in (
        "การสรรหาและคัดเลือก",
        "การแต่งตั้ง",
        "การพัฒนาบุคลากร",
        "การประเมินผลการปฏิบัติงาน",
        "การให้รางวัลและการสร้างขวัญกำลังใจ",
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    ):
        assert flat(part) in text
    for r in rounds:
        assert flat(f"รอบที่ {r.round_no}") in text and flat(ita_hr._d(r.criteria_published)) in text
    # the score split in Thai words and whole numbers, as the criteria announcement prints it
    # (it read "สัดส่วนคะแนน results 70, competency 30" and "ดีเด่น ตั้งแต่ 90.00")
    assert "results" not in text and "competency" not in text
    assert flat("ผลสัมฤทธิ์ของงาน 70") in text and ".00" not in text
    assert ita_hr.late_criteria(hr, YEAR) == [] and ita_hr.check_criteria_plan(hr, p)[0] == "green"
    # the round-2 notice dated after the round starts: a warning in the checklist and the pack
    r2 = next(r for r in rounds if r.round_no == 2)
    late_day = r2.period()[0].replace(day=5)
    r2.criteria_published = late_day.isoformat()
    appraisal.update_round(hr, r2)
    late = ita_hr.late_criteria(hr, YEAR)
    assert [(x.round_no, x.published) for x in late] == [(2, late_day)]
    status, th, _en = ita_hr.check_criteria_plan(hr, p)
    assert status == "amber" and "หลังวันเริ่มรอบ" in th
    assert flat("หลังวันเริ่มรอบ") in read(ita_hr.write_criteria_plan(hr, p, tmp_path / "o13b.pdf"))
    ita_texts.save(hr, YEAR, "hr_plan", "แผนอัตรากำลังสามปี ฉบับทดสอบ")
    assert flat("แผนอัตรากำลังสามปี ฉบับทดสอบ") in read(ita_hr.write_criteria_plan(hr, p, tmp_path / "o13c.pdf"))


def test_hr_annual_report_figures_and_officer_sections(hr, tmp_path):
    from ethics_tui.service import appraisal, training, training_stats

    p = ita_items.period("current_fy", YEAR)
    text = read(ita_hr.write_annual_report(hr, p, tmp_path / "o14.pdf"))
    # the year is named once, with its dates (it read "ประจำปีงบประมาณ พ.ศ. Y (ปีงบประมาณ พ.ศ. Y (…))")
    assert text.count(flat(f"ปีงบประมาณ พ.ศ. {YEAR}")) == 2  # the subject line and the first sentence
    assert "))" not in text
    for r in (r for r in appraisal.list_rounds(hr) if r.fiscal_year == YEAR):
        total = sum(int(v) for v in r.tally.values())
        assert flat(f"รอบที่ {r.round_no}: ผู้รับการประเมิน {total} คน") in text
        for lvl, n in r.tally.items():
            assert flat(f"{lvl} {n} คน") in text
    st = training_stats.stats(hr, YEAR)
    noms = training.list_nominations(hr, fy=YEAR)
    assert flat(f"เสนอชื่อ {len(noms)} ราย อนุมัติ {sum(n.decision == 'approved' for n in noms)} ราย") in text
    assert flat(f"ได้รับการพัฒนา {st.with_opportunity} จาก {st.staff_total} คน") in text
    for title, *_ in st.ethics_events:
        assert flat(title) in text
    assert flat("ยังไม่ได้บันทึก") in text and ita_hr.check_annual_report(hr, p)[0] == "amber"
    for key, words in (
        ("ar_recruitment", "รับโอนนักทรัพยากรบุคคล 1 ราย"),
        ("ar_rewards", "มอบเกียรติบัตร 3 ราย"),
        ("ar_morale", "จัดกิจกรรมวันท้องถิ่นไทย"),
    ):
        ita_texts.save(hr, YEAR, key, words)
    text = read(ita_hr.write_annual_report(hr, p, tmp_path / "o14b.pdf"))
    assert flat("รับโอนนักทรัพยากรบุคคล 1 ราย") in text and flat("จัดกิจกรรมวันท้องถิ่นไทย") in text
    assert ita_hr.check_annual_report(hr, p)[0] == "green"
    assert ita_texts.get(hr, YEAR + 1, "ar_rewards") == ""  # stored per year


def test_ethics_pack_figures_equal_the_registers(hr, demo_ctx, tmp_path):
    from ethics_tui.service import committee_consultations, notices_acks, training_stats

    p = ita_items.period("current_fy", YEAR)
    d = ita_ethics.pack(hr, p)
    text = read(ita_ethics.write_pack(hr, p, tmp_path / "o15.pdf"))
    assert d["codes"] and d["orders"] and d["dos"] and d["trainings"]
    for c in d["codes"]:
        n_id = next(
            n.id
            for n in __import__("ethics_tui.service.notices", fromlist=["x"]).list_notices(hr)
            if n.title == c["title"] and n.published
        )
        cov = notices_acks.coverage(hr, n_id)
        assert (c["done"], c["total"]) == (cov.done, cov.total)
        assert flat(f"รับทราบ {cov.done} จาก {cov.total} คน") in text
    boss = as_user(demo_ctx, "committee")
    assert sum(d["consultations"].values()) == committee_consultations.stats(boss, YEAR)["total"]
    assert flat(f"รวม {committee_consultations.stats(boss, YEAR)['total']} ครั้ง") in text
    assert [t[0] for t in d["trainings"]] == [e[0] for e in training_stats.stats(hr, YEAR).ethics_events]
    for o in d["orders"]:
        assert flat(o["subject"]) in text


def test_a_working_group_order_satisfies_the_ethics_item(ctx):
    assert ita_ethics.body_kind("แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม") == "คณะทำงานขับเคลื่อนจริยธรรม"
    assert "คณะที่ปรึกษา" in ita_ethics.body_kind("แต่งตั้งคณะที่ปรึกษาทางจริยธรรม")


def test_working_group_order_counts_in_the_pack(hr, tmp_path):
    from ethics_tui.service import committee

    p = ita_items.period("current_fy", YEAR)
    old = committee.list_orders(hr)[-1]
    with hr.store.transaction(actor="test") as tx:  # no ethics body at all, then a working-group order
        tx.table(committee.ORDERS).truncate()
    assert not ita_ethics.pack(hr, p)["orders"] and ita_ethics.check_pack(hr, p)[0] == "red"
    order = committee.new_order(hr)
    order.subject = "แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม"
    order.members, order.authority, order.preamble = list(old.members), old.authority, old.preamble
    start = fiscal_year_range(YEAR)[0]
    order.term_start, order.term_end = start.isoformat(), start.replace(year=start.year + 2).isoformat()
    order = committee.save_draft(hr, order)
    committee.issue(hr, order.id, order_date=start)
    d = ita_ethics.pack(hr, p)
    assert [o["kind"] for o in d["orders"]] == ["คณะทำงานขับเคลื่อนจริยธรรม"]
    assert ita_ethics.check_pack(hr, p)[0] != "red"
    assert flat("แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม") in read(ita_ethics.write_pack(hr, p, tmp_path / "o15.pdf"))


def test_guideline_and_channels_from_the_settings(demo_ctx, tmp_path):
    from ethics_tui.service import complaints

    officer = as_user(demo_ctx, "complaints")
    s = complaints.get_settings(officer)
    s.due_days["review"] = 11
    s.status_contact = "โทร 042-000-123 ต่อ 5"
    complaints.save_settings(officer, s)
    p = ita_items.period("current_fy", YEAR)
    text = read(ita_complaints.write_guideline(officer, p, tmp_path / "o16.pdf"))
    for ch in s.channels:
        assert flat(ch) in text
    assert flat("ตรวจสอบเบื้องต้น ภายใน 11 วัน") in text
    assert flat("สำนักปลัด (ศูนย์รับเรื่องร้องเรียน)") in text and flat("นายอำเภอ") in text
    assert flat("ป.ป.ช.") in text and flat("ไม่แสวงหาข้อเท็จจริงเอง") in text
    assert ita_complaints.check_guideline(officer, p)[0] == "green"
    text = read(ita_complaints.write_channels(officer, p, tmp_path / "o17.pdf"))
    assert all(flat(ch) in text for ch in s.channels)


def test_complaint_statistics_by_month_quarter_half_and_year(demo_ctx, tmp_path):
    from ethics_tui.service import complaints

    officer = as_user(demo_ctx, "complaints")
    for year, rule in ((CUR, "current_fy"), (CUR, "first_half"), (YEAR, "current_fy")):
        p = ita_items.period(rule, year)
        t = ita_complaints.stats_table(officer, p)
        svc = complaints.stats(officer, year, half=p.half)
        assert len(t["months"]) == (6 if p.half else 12) and len(t["quarters"]) == (2 if p.half else 4)
        assert sum(r.received for r in t["months"]) == svc.received
        assert sum(r.received for r in t["quarters"]) == svc.received
        last = t["half_year"] if p.half else t["year"]
        assert (last.received, last.finished, last.in_progress) == (svc.received, svc.finished, svc.in_progress)
        half = complaints.stats(officer, year, half=True)
        assert (t["half_year"].received, t["half_year"].finished) == (half.received, half.finished)
    p = ita_items.period("current_fy", CUR)
    text = read(ita_complaints.write_stats(officer, p, tmp_path / "o18.pdf"))
    svc = complaints.stats(officer, CUR)
    assert svc.received  # the demo has complaints this year
    assert flat(complaints.statement(svc)) in text and flat("ไตรมาสที่ 4") in text and flat(f"ตุลาคม {CUR - 1}") in text
    # the subject reads as Thai: "… ประจำปีงบประมาณ พ.ศ. Y" (it was "…มิชอบประจำปี ปีงบประมาณ …")
    assert flat(f"เรื่อง สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {CUR}") in text
    half = read(ita_complaints.write_stats(officer, ita_items.period("first_half", CUR), tmp_path / "h1.pdf"))
    assert flat(f"ประพฤติมิชอบ รอบ 6 เดือนแรก ปีงบประมาณ พ.ศ. {CUR}") in half
    # none: said in words
    text = read(ita_complaints.write_stats(officer, ita_items.period("current_fy", 2500), tmp_path / "none.pdf"))
    assert flat("ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ และไม่มีเรื่องร้องเรียนทั่วไป") in text


def test_annual_ethics_report_counts_and_editable_headings(hr, tmp_path):
    from ethics_tui.service import complaints

    p = ita_items.period("current_fy", YEAR)
    a = ita_ethics.annual(hr, p)
    d = ita_ethics.pack(hr, p)
    assert a["circulars"] == len(d["codes"]) and a["acked"] == sum(c["done"] for c in d["codes"])
    assert a["complaints"] == complaints.stats(hr, YEAR).received
    ita_texts.save(hr, YEAR, "eth_h1", "หัวข้อตามแบบของ ก.ม.จ. ข้อหนึ่ง")
    text = read(ita_ethics.write_annual(hr, p, tmp_path / "eth.pdf"))
    assert flat("หัวข้อตามแบบของ ก.ม.จ. ข้อหนึ่ง") in text
    assert flat(f"{a['acked']} / {a['targeted']}") in text and flat(f"{a['consultations']} ครั้ง") in text


def test_itas_headcount_by_type_without_names(hr, tmp_path):
    from ethics_tui.service import staff

    on = fiscal_year_range(YEAR)[1]  # 30 September
    cut = on.replace(year=on.year - 1)
    rows = staff.search(hr, "")
    expected = {}
    for r in rows:
        if r.staff.start() and r.staff.start() <= cut:
            expected[r.staff.staff_type] = expected.get(r.staff.staff_type, 0) + 1
    h = ita_hr.headcount(hr, on)
    assert {k: v for k, v in h.by_type.items() if v} == expected and h.total == sum(expected.values())
    # someone who started exactly a year before counts; a day later does not
    newbie = rows[0].staff
    newbie.start_date = date.fromordinal(cut.toordinal() + 1).isoformat()
    staff.update(hr, newbie)
    assert ita_hr.headcount(hr, on).total == h.total - 1
    newbie = staff.get(hr, newbie.id)
    newbie.start_date = cut.isoformat()
    staff.update(hr, newbie)
    assert ita_hr.headcount(hr, on).total == h.total
    text = read(
        ita_hr.write_headcount(hr, ita_items.Period("as_of", YEAR, fiscal_year_range(YEAR)[0], on), tmp_path / "hc.pdf")
    )
    assert flat(f"รวม {h.total} คน") in text
    assert flat(newbie.last_name) not in text and flat(rows[1].staff.last_name) not in text


def test_public_list_of_excellent_results(hr, demo_ctx, tmp_path):
    from ethics_tui.service import appraisal

    p = ita_items.period("current_fy", YEAR)
    groups = ita_hr.excellent(hr, YEAR)
    text = read(ita_hr.write_excellent(hr, p, tmp_path / "ex.pdf"))
    for r in (r for r in appraisal.list_rounds(hr) if r.fiscal_year == YEAR):
        rows = appraisal.list_results(hr, r.id)
        for lvl in ("ดีเด่น", "ดีมาก"):
            names = sorted(x.staff.full_name for x in rows if x.scores and x.scores.level == lvl)
            got = next(g for g in groups if g[0] == r.round_no and g[1] == lvl)[2]
            assert sorted(n for n, *_ in got) == names
            assert flat(f"รอบที่ {r.round_no} ระดับ{lvl} ({len(names)} คน)") in text
            for n in names[:3]:
                assert flat(n) in text
        low = [x.staff.full_name for x in rows if x.scores and x.scores.level in ("พอใช้", "ต้องปรับปรุง")]
        assert all(flat(n) not in text for n in low if n not in {g for grp in groups for g, *_ in grp[2]})
    with pytest.raises(UserError):
        ita_hr.excellent(as_user(demo_ctx, "viewer"), YEAR)


def test_cli_headcount_on_a_date(demo_ctx, tmp_path, monkeypatch, capsys):
    import io
    import json
    import sys

    from ethics_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    on = fiscal_year_range(YEAR)[1]
    day = f"{on.day}/{on.month}/{on.year + 543}"
    assert (
        main(
            [
                "--data",
                str(demo_ctx.store.dir),
                "--user",
                "hr",
                "report",
                "headcount",
                "--on",
                day,
                "--json",
                "-o",
                str(tmp_path / "hc.pdf"),
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    h = ita_hr.headcount(as_user(demo_ctx, "hr"), on)
    assert out["total"] == h.total and out["by_type"] == h.by_type and out["on"] == on.isoformat()
    assert flat(f"รวม {h.total} คน") in read(tmp_path / "hc.pdf")
