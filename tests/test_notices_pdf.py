"""PDFs and CLI of the notices register, read back with pdftotext."""

from __future__ import annotations

import io
import json
import sys

import pytest
from demo_cache import fast_demo

from ethics_tui.cli import main
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import demo, notices_pdf
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.thai.digits import to_thai_digits


@pytest.fixture
def office(ctx, monkeypatch):
    monkeypatch.setattr(demo, "REGISTERS", ("notices",))
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


def _circular(office):
    return next(n for n in svc.list_notices(office) if n.kind == "circular" and n.number == 1)


def test_signoff_lists_exactly_the_pending_audience(office, tmp_path):
    n = _circular(office)
    pending = [p for p in acks.people(office, n.id) if not p.done]
    done = [p for p in acks.people(office, n.id) if p.done]
    assert pending and done
    path, page_map = notices_pdf.export_signoff(office, n.id, tmp_path / "s.pdf")
    texts = pages(path)
    whole = squash("".join(texts))
    for p in pending:
        assert squash(p.name) in whole
    for p in done:
        assert squash(p.name) not in whole
    assert f"รวมทั้งสิ้น{to_thai_digits(len(pending))}คน" in whole
    number = squash("ที่ อด ๗๙๙๐๑/ว ๑")
    for text in texts:  # number and title on every page
        assert number in squash(text) and squash(n.title) in squash(text)
    assert len(texts) >= 2 and sorted(page_map) == list(range(1, len(texts) + 1))
    assert sorted(i for ids in page_map.values() for i in ids) == sorted(p.staff_id for p in pending)
    # "mark this sheet page" ticks exactly page 2
    changed = acks.mark_page(office, n.id, 2)
    assert sorted(changed) == sorted(page_map[2])
    assert acks.coverage(office, n.id).done == len(done) + len(page_map[2])


def test_announcement_and_circular_letters(office, tmp_path):
    ann = next(n for n in svc.list_notices(office) if n.kind == "announcement")
    text = squash("".join(pages(notices_pdf.export_announcement(office, ann.id, tmp_path / "a.pdf"))))
    assert squash("สิ่งที่ควรปฏิบัติ") in text and squash("สิ่งที่ไม่ควรปฏิบัติ") in text
    for item in ann.dos + ann.donts:
        assert squash(item["text"]) in text
    c = _circular(office)
    text = squash("".join(pages(notices_pdf.export_circular(office, c.id, tmp_path / "c.pdf"))))
    assert squash("ที่ อด ๗๙๙๐๑/ว ๑") in text
    assert squash("สิ่งที่ส่งมาด้วย") in text and squash(c.enclosures[0]["title"]) in text
    with pytest.raises(Exception) as err:
        notices_pdf.export_circular(office, ann.id, tmp_path / "x.pdf")
    assert "ไม่ใช่หนังสือเวียน" in str(err.value)


def test_coverage_report(office, tmp_path):
    c = _circular(office)
    cov = acks.coverage(office, c.id)
    text = squash("".join(pages(notices_pdf.export_coverage(office, tmp_path / "r.pdf", c.id))))
    assert squash("รายงานการรับทราบประกาศและหนังสือเวียน") in text
    for _division, people in cov.pending:
        for p in people:
            assert squash(p.name) in text


def _run(monkeypatch, capsys, *argv, password="demo1234"):
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_ack_coverage_and_pdf(office, monkeypatch, capsys, tmp_path):
    data = str(office.store.dir)
    c = _circular(office)
    person = next(p for p in acks.people(office, c.id) if not p.done)
    code, out, _ = _run(
        monkeypatch, capsys, "notices", "coverage", str(c.id), "--json", "--data", data, "--user", "viewer"
    )
    before = json.loads(out)
    assert code == 0 and person.code in json.dumps(before["pending_by_division"], ensure_ascii=False)
    code, out, err = _run(
        monkeypatch, capsys, "notices", "ack", str(c.id), "--staff", person.code, "--data", data, "--user", "viewer"
    )
    assert code == 1 and "ไม่มีสิทธิ์" in err
    code, out, _ = _run(
        monkeypatch, capsys, "notices", "ack", str(c.id), "--staff", person.code, "--data", data, "--user", "hr"
    )
    assert code == 0
    code, out, _ = _run(monkeypatch, capsys, "notices", "coverage", str(c.id), "--json", "--data", data, "--user", "hr")
    assert json.loads(out)["acknowledged"] == before["acknowledged"] + 1
    code, _, err = _run(
        monkeypatch,
        capsys,
        "notices",
        "ack",
        str(c.id),
        "--staff",
        person.code,
        "--date",
        "31/02/2568",
        "--data",
        data,
        "--user",
        "hr",
    )
    assert code == 1 and err.strip()
    out_pdf = tmp_path / "signoff.pdf"
    code, _, _ = _run(
        monkeypatch, capsys, "pdf", "signoff", str(c.id), "-o", str(out_pdf), "--data", data, "--user", "hr"
    )
    assert code == 0 and squash(person.name) not in squash("".join(pages(out_pdf)))
    code, out, _ = _run(monkeypatch, capsys, "verify-pdf", str(out_pdf), "--data", data, "--user", "hr")
    assert code == 0
