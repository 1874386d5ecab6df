"""The yearly measures 6-7 report: figures against independently computed values, honest
statements for empty registers, persisted texts, PDF and XLSX read back, CLI."""

import io
import json
import sys
from datetime import date

import pytest
from openpyxl import load_workbook

from ethics_tui.errors import ValidationError
from ethics_tui.model.report import ACTIVITIES, RowTexts
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import report
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.dates import fiscal_year
from ethics_tui.thai.digits import to_arabic_digits

FY = fiscal_year(date.today()) - 1  # the demo's report year: the last complete fiscal year


def as_user(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


def flat(text: str) -> str:
    return to_arabic_digits(squash(text))


@pytest.fixture
def hr(demo_ctx):
    return as_user(demo_ctx, "hr")


def test_empty_registers_give_honest_statements_not_zeros(ctx):
    from ethics_tui.service.settings import add_division

    add_division(ctx, "สำนักปลัด")
    rows = dict((a.key, cells) for a, (_m, cells) in zip(ACTIVITIES, report.table_rows(ctx, 2568)))
    assert "ไม่มีคำสั่งแต่งตั้งคณะที่ปรึกษาทางจริยธรรม" in rows["committee"][4]
    assert "ไม่มีบุคลากรขอคำปรึกษา" in rows["committee"][4]
    assert "ไม่มีประกาศแนวทางปฏิบัติ" in rows["dos_donts"][4]
    assert "ไม่มีหนังสือเวียน" in rows["codes"][4]
    assert "ไม่มีข้อมูลการประเมิน" in rows["appraisal"][4]
    assert "ไม่มีการบันทึกโอกาสฝึกอบรม" in rows["training"][4]
    assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ และไม่มีเรื่องร้องเรียนทั่วไป" in rows["complaints"][4]
    # no "0 people acknowledged (0%)" or "0 approved" dressed up as activity
    for cells in rows.values():
        assert "ร้อยละ 0" not in cells[5] and "อนุมัติ 0" not in cells[4]
    statuses = {c.key: c.status for c in report.readiness(ctx, 2568)}
    assert statuses["committee"] == "red" and statuses["codes"] == "red" and statuses["ethics-training"] == "red"
    assert "green" not in {statuses[k] for k in ("committee", "dos_donts", "codes", "ethics-training")}


def test_figures_match_the_registers(hr):
    from ethics_tui.service import (
        appraisal,
        appraisal_review,
        complaints,
        notices,
        notices_acks,
        training,
        training_stats,
    )

    rows = {a.key: [flat(c) for c in cells] for a, (_m, cells) in zip(ACTIVITIES, report.table_rows(hr, FY))}
    # circulars: each number and its coverage, computed by the notices service
    for n in notices.list_notices(hr):
        if n.kind == "circular" and n.published:
            cov = notices_acks.coverage(hr, n.id)
            assert flat(f"รับทราบ {cov.done} จาก {cov.total} คน (ร้อยละ {cov.percent:.1f})") in rows["codes"][5]
            assert flat(notices.number_text(hr, n)) in rows["codes"][4]
    # appraisal: the dashboard's counts for each round of the year
    for rnd in appraisal.list_rounds(hr):
        if rnd.fiscal_year == FY:
            d = appraisal_review.dashboard(hr, rnd.id)
            assert flat(f"ลงนามรับทราบ {d.stages['signed']} คน") in rows["appraisal"][4]
            assert flat(f"ไม่ยอมลงนาม (มีพยานลงนาม) {d.stages['refused']} คน") in rows["appraisal"][4]
            assert flat(f"ยื่นร้องทุกข์ {d.grievances_total} เรื่อง") in rows["appraisal"][4]
            for level, n in d.levels.items():
                assert flat(f"{level} {n} คน") in rows["appraisal"][5]
    # training: approvals, rejections, never selected
    st = training_stats.stats(hr, FY)
    noms = training.list_nominations(hr, fy=FY)
    approved = sum(n.decision == "approved" for n in noms)
    rejected = sum(n.decision == "rejected" for n in noms)
    assert flat(f"เสนอชื่อ {len(noms)} ราย ผู้บริหารอนุมัติ {approved} ราย ไม่อนุมัติ {rejected} ราย") in rows["training"][4]
    assert flat(f"ยังไม่เคยได้รับคัดเลือก {len(st.never_selected)} คน") in rows["training"][5]
    # complaints: the public statement of the year and of the half year
    for half in (True, False):
        assert flat(complaints.statement(complaints.stats(hr, FY, half=half))) in rows["complaints"][4]


def test_hand_computed_figures_on_small_fixture(ctx):
    """A tiny office where every figure is known in advance."""
    from ethics_tui.model.complaints import Complaint, Identity
    from ethics_tui.model.notices import Notice
    from ethics_tui.model.staff import Staff
    from ethics_tui.service import complaints, notices, notices_acks, staff, users
    from ethics_tui.service.settings import add_division

    div = add_division(ctx, "สำนักปลัด")
    ids = [staff.add(ctx, Staff("นาย", f"ทดสอบ{i}", "สกุล", "คนงาน", div.id, "พนักงานจ้างทั่วไป")).id for i in range(5)]
    users.create_user(ctx, "boss", "หัวหน้า", ["admin", "hr", "complaints"], "password-1")
    boss = Context(store=ctx.store)
    users.sign_in(boss, "boss", "password-1")
    circ = notices.save_draft(
        boss,
        Notice(kind="circular", title="แจ้งเวียนประมวลจริยธรรม", body="โปรดทราบ", to="พนักงานทุกคน", dated="2024-11-01"),
    )
    notices.publish(boss, circ.id, on=date(2024, 11, 1))
    notices_acks.acknowledge(boss, circ.id, ids[:4], on=date(2024, 11, 5))
    c = complaints.intake(
        boss,
        Complaint(received_at="2024-12-01T10:00", channel="โทรศัพท์", kind="corruption", subject="ขอให้ตรวจสอบการจัดซื้อ"),
        Identity(anonymous=True),
    )
    assert c.fiscal_year == 2568
    rows = {a.key: [flat(x) for x in cells] for a, (_m, cells) in zip(ACTIVITIES, report.table_rows(boss, 2568))}
    assert flat("รับทราบ 4 จาก 5 คน (ร้อยละ 80.0)") in rows["codes"][5]
    assert flat("มีเรื่องร้องเรียนทั้งหมด 1 เรื่อง ดำเนินการแล้วเสร็จ 0 เรื่อง อยู่ระหว่างดำเนินการ 1 เรื่อง") in rows["complaints"][4]
    assert flat("โทรศัพท์ 1 เรื่อง") in rows["complaints"][4]
    checks = {c.key: c for c in report.readiness(boss, 2568)}
    assert checks[f"codes-{circ.id}"].status == "amber" and "80.0" in checks[f"codes-{circ.id}"].th
    notices_acks.acknowledge(boss, circ.id, ids[4:], on=date(2024, 11, 6))
    checks = {c.key: c for c in report.readiness(boss, 2568)}
    assert checks["codes"].status == "green"


def test_readiness_of_the_demo_year_has_an_amber_item(hr):
    checks = report.readiness(hr, FY)
    assert {c.status for c in checks} >= {"amber", "green"}
    assert all(c.register for c in checks)
    keys = {c.key for c in checks}
    assert keys >= {
        "committee",
        "dos_donts",
        "appraisal-1",
        "appraisal-2",
        "training",
        "ethics-training",
        "complaint-stats",
    }
    assert any(k.startswith("codes") for k in keys)


def test_texts_persist_per_year_and_generated_figures_stay(hr, demo_ctx):
    before = report.table_rows(hr, FY)
    row = report.texts(hr, FY)["codes"]
    row.extra_results = "จัดประชุมชี้แจงเพิ่มเติมแก่ผู้ที่ยังไม่ได้ลงนาม"
    row.unit = "งานการเจ้าหน้าที่"
    report.save_row_texts(hr, FY, "codes", row)
    after = dict((a.key, c) for a, (_m, c) in zip(ACTIVITIES, report.table_rows(as_user(demo_ctx, "executive"), FY)))
    assert after["codes"][2] == "งานการเจ้าหน้าที่"
    assert after["codes"][5].endswith("จัดประชุมชี้แจงเพิ่มเติมแก่ผู้ที่ยังไม่ได้ลงนาม")
    assert after["codes"][5].startswith(dict((a.key, c) for a, (_m, c) in zip(ACTIVITIES, before))["codes"][5])
    other = report.texts(hr, FY + 1)["codes"]
    assert other.extra_results == "" and other.unit == ACTIVITIES[2].unit
    with pytest.raises(ValidationError):
        report.save_row_texts(hr, FY, "codes", RowTexts(steps="x" * 5000))
    with pytest.raises(ValidationError):
        report.save_row_texts(hr, FY, "nonsense", RowTexts())
    with pytest.raises(AccessDenied):
        report.save_row_texts(as_user(demo_ctx, "viewer"), FY, "codes", row)
    assert any(e["kind"] == "report_texts" for e in hr.store.audit.entries())


def test_ita_score_in_the_opening_paragraph(hr):
    report.set_ita_score(hr, FY, 90.42)
    text = flat(report.intro(hr, FY))
    assert "90.42" in text and "ระดับผ่าน" in text
    report.set_ita_score(hr, FY, 80)
    assert "ระดับไม่ผ่าน" in report.intro(hr, FY)
    for bad in (-1, 100.5):
        with pytest.raises(ValidationError):
            report.set_ita_score(hr, FY, bad)


def test_pdf_headers_on_every_page_and_figures_present(hr, tmp_path):
    from ethics_tui.service import notices, notices_acks

    report.set_ita_score(hr, FY, 90.42)
    out = report.export_pdf(hr, FY, tmp_path / "r.pdf")
    texts = pages(out)
    assert len(texts) >= 3
    for page in texts:
        for header in ("ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"):
            assert squash(header) in squash(page)
    everything = flat("".join(texts))
    assert "(ต่อ)" in "".join(texts)
    assert "90.42" in everything
    circ = next(n for n in notices.list_notices(hr) if n.kind == "circular" and n.published)
    cov = notices_acks.coverage(hr, circ.id)
    assert flat(f"รับทราบ {cov.done} จาก {cov.total} คน") in everything
    from ethics_tui.cli.pdf import find_export
    from ethics_tui.pdf.authenticity import sha256_file

    assert find_export(hr.store, sha256_file(out)) is not None


def test_xlsx_has_the_same_figures(hr, tmp_path):
    out = report.export_xlsx(hr, FY, tmp_path / "r.xlsx")
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[3][:6] == list(report.COLUMNS)
    cells = [row for row in values if row[0] in {a.title for a in ACTIVITIES}]
    assert [row[0] for row in cells] == [a.title for a in ACTIVITIES]
    expected = [cells_ for _m, cells_ in report.table_rows(hr, FY)]
    assert [row[:6] for row in cells] == expected


def test_cli_measures_readiness_evidence(demo_ctx, tmp_path, monkeypatch, capsys):
    from ethics_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 40))
    data = str(demo_ctx.store.dir)
    base = ["--data", data, "--user", "hr", "report"]
    assert main([*base, "measures", "--fy", str(FY), "-o", str(tmp_path / "m.pdf")]) == 0
    assert main([*base, "measures", "--fy", str(FY), "-o", str(tmp_path / "m.xlsx")]) == 0
    assert main([*base, "measures", "--fy", str(FY), "-o", str(tmp_path / "m.doc")]) == 1
    capsys.readouterr()
    rc = main([*base, "readiness", "--fy", str(FY), "--json"])
    checks = json.loads(capsys.readouterr().out)
    assert {c["status"] for c in checks} >= {"amber"}
    assert rc == (1 if "red" in {c["status"] for c in checks} else 0)  # amber alone exits 0
    assert main([*base, "ita-score", "--fy", str(FY), "๙๐.๔๒"]) == 0
    assert main([*base, "ita-score", "--fy", str(FY), "abc"]) == 1
    assert main([*base, "measures", "--fy", "99", "-o", str(tmp_path / "x.pdf")]) == 1
    capsys.readouterr()
    assert main([*base, "readiness", "--fy", "abc"]) == 1  # an argument's type error, no traceback
    assert "ไม่ถูกต้อง" in capsys.readouterr().err
    out = tmp_path / "ev"
    assert main([*base, "evidence", "--fy", str(FY), "-o", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert {"index.html", "index.csv", "index.xlsx"} <= set(files)
    assert f"O18-complaint-stats-{FY}-h1.pdf" in files and f"O15-ethics-pack-{FY}.pdf" in files
    for f in out.glob("*.pdf"):
        assert main(["--data", data, "--user", "viewer", "verify-pdf", str(f)]) == 0
    half = pages(out / f"O18-complaint-stats-{FY}-h1.pdf")
    assert "6" in to_arabic_digits("".join(half)) or "๖" in "".join(half)
    # the half-year statistics now count as produced
    statuses = {c.key: c.status for c in report.readiness(as_user(demo_ctx, "hr"), FY)}
    assert statuses["complaint-stats"] == "green"


def test_a_report_of_a_year_not_over_says_up_to_which_day(hr, tmp_path):
    """Made mid-year, the report must not read as the whole year's: the intro and the PDF say
    "figures up to <day>", the committee's days count from the start of the year to that day
    (not "of the year"); a year that has ended says nothing of the kind."""
    import time_machine

    from ethics_tui.thai.dates import fiscal_year_range

    current = FY + 1
    day = fiscal_year_range(current)[0].replace(month=11, day=30)  # the 61st day of the year
    with time_machine.travel(day.isoformat() + " 10:00 +0700"):
        so_far = report.as_of(current)
        assert so_far and "ปีงบประมาณยังไม่สิ้นสุด" in so_far[0] and "has not ended" in so_far[1]
        assert report.as_of(FY) is None
        committee = report.facts(hr, current)["committee"]
        said = flat(" ".join(committee.results + [c.th for c in committee.checks]))
        assert "วันของปี" not in said and "ตลอดปี" not in said, said
        assert "30 พฤศจิกายน" in said or "ถึงวันนี้" in said, said
        assert flat("ข้อมูลถึงวันที่ 30 พฤศจิกายน") in flat(report.intro(hr, current))
        out = report.export_pdf(hr, current, tmp_path / "now.pdf")
        assert squash("ปีงบประมาณยังไม่สิ้นสุด") in squash(pages(out)[0])
        done = report.export_pdf(hr, FY, tmp_path / "done.pdf")
        assert squash("ยังไม่สิ้นสุด") not in squash("".join(pages(done)))
