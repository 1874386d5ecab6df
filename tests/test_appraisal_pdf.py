"""Appraisal PDFs read back with pdftotext: notices one page per person, summary, criteria."""

import io

import pytest

from ethics_tui.cli.pdf import find_export
from ethics_tui.pdf.appraisal_notice import WITNESS_NOTE
from ethics_tui.pdf.authenticity import sha256_file
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service import appraisal_pdf
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.digits import to_arabic_digits


@pytest.fixture
def last_round(demo_ctx):
    return svc.list_rounds(demo_ctx)[0]  # the demo's notified round


def flat(text: str) -> str:
    return to_arabic_digits(squash(text))


def test_notices_one_page_per_person_ordered_by_division(demo_ctx, last_round, tmp_path):
    out = appraisal_pdf.write_notices(demo_ctx, last_round.id, tmp_path / "n.pdf")
    rows = svc.list_results(demo_ctx, last_round.id)
    got = pages(out)
    assert len(got) == len(rows) == 58
    for page, row in zip(got, rows):
        text = flat(page)
        assert squash(row.staff.full_name) in text
        assert "แบบแจ้งผลการประเมินผลการปฏิบัติงาน" in text
        assert f"{row.scores.total:.2f}" in text and squash(row.scores.level) in text
        assert "ผู้รับการประเมิน" in text
        assert squash(WITNESS_NOTE) in text
    refused = next(i for i, r in enumerate(rows) if r.result.ack == "refused")
    assert squash(rows[refused].result.witness_name) in flat(got[refused])
    divisions = [r.staff.division_id for r in rows]
    assert divisions == sorted(divisions)
    assert find_export(demo_ctx.store, sha256_file(out))["kind"] == "appraisal-notices"


def test_one_person_and_the_key_is_needed(demo_ctx, last_round, tmp_path):
    code = svc.list_results(demo_ctx, last_round.id)[3].staff.code
    out = appraisal_pdf.write_notices(demo_ctx, last_round.id, tmp_path / "one.pdf", [code])
    assert len(pages(out)) == 1
    executive = demo_sign_in(Context(store=demo_ctx.store), "executive")
    executive.keys = {}  # entitled, but the key was never approved for this user
    with pytest.raises(Exception) as exc:
        appraisal_pdf.write_notices(executive, last_round.id, tmp_path / "x.pdf")
    assert "hr" in str(exc.value)
    viewer = demo_sign_in(Context(store=demo_ctx.store), "viewer")
    with pytest.raises(AccessDenied):
        appraisal_pdf.write_notices(viewer, last_round.id, tmp_path / "y.pdf")


def test_summary_has_counts_not_people(demo_ctx, last_round, tmp_path):
    executive = demo_sign_in(Context(store=demo_ctx.store), "executive")
    out = appraisal_pdf.write_summary(executive, last_round.id, tmp_path / "s.pdf")
    text = flat("".join(pages(out)))
    d = appraisal_review.dashboard(demo_ctx, last_round.id)
    assert f"ระดับดีมาก(ตั้งแต่80){d.levels['ดีมาก']}คน" in text
    assert f"ไม่ยอมลงนาม(มีพยาน){d.stages['refused']}คน" in text
    for row in svc.list_results(demo_ctx, last_round.id):
        assert squash(row.staff.full_name) not in text


def test_criteria_announcement(demo_ctx, last_round, tmp_path, monkeypatch, capsys):
    from ethics_tui.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    out = tmp_path / "c.pdf"
    assert (
        main(
            [
                "pdf",
                "appraisal-criteria",
                str(last_round.id),
                "-o",
                str(out),
                "--data",
                str(demo_ctx.store.dir),
                "--user",
                "viewer",
            ]
        )
        == 0
    )
    text = flat("".join(pages(out)))
    assert "หลักเกณฑ์การประเมินผลการปฏิบัติงาน" in text
    assert "ระดับดีเด่นคะแนนตั้งแต่90ขึ้นไป" in text and "ภายใน30วัน" in text
