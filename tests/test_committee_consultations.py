"""Consultations: handlers from the committee in force, the sealed requester, counts-only stats,
the demo, the CLI and the PDFs (read back with pdftotext)."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from datetime import date, timedelta

import pytest
from demo_cache import fast_demo

from ethics_tui.cli import main
from ethics_tui.errors import ValidationError
from ethics_tui.model.committee import Consultation
from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.service import committee as svc
from ethics_tui.service import committee_consultations
from ethics_tui.service import demo
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import fiscal_year

SECRET = "นายลับเฉพาะ ไม่ปรากฏ"


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office with the committee's demo records only, signed in as admin."""
    monkeypatch.setattr(demo, "REGISTERS", ("committee",))
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


@pytest.fixture
def committee(office):
    return demo.demo_sign_in(Context(store=office.store), "committee")


def consultation(ctx, **kw) -> Consultation:
    members = svc.current_committee(ctx)
    base = Consultation(
        consulted_on=date.today().isoformat(),
        channel="line",
        category="การรับของขวัญและประโยชน์อื่นใด",
        question="ได้รับกระเช้าจากผู้รับเหมา",
        requester_kind="outsider",
        requester=SECRET,
        advice="ให้ส่งคืน",
        status="advised",
        handled_by=[members[0].name],
    )
    return replace(base, **kw)


def test_demo_has_an_issued_order_and_a_dozen_consultations(office, committee):
    orders = svc.list_orders(office)
    assert {o.status for o in orders} == {"issued", "superseded"}
    current = svc.in_force(office)
    assert current.number and len(current.members) >= 5 and current.authority
    assert len(committee_consultations.list_consultations(committee)) == 12
    assert svc.home_alerts(office)  # the demo term ends within 30 days


def test_handlers_must_sit_on_the_committee_that_day(committee):
    with pytest.raises(ValidationError) as err:
        committee_consultations.save_consultation(committee, consultation(committee, handled_by=["นายไม่ใช่ กรรมการ"]))
    assert "handled_by" in err.value.errors
    long_ago = (date.today() - timedelta(days=3000)).isoformat()
    with pytest.raises(ValidationError) as err:
        committee_consultations.save_consultation(committee, consultation(committee, consulted_on=long_ago))
    assert "ไม่มีคณะ" in err.value.errors["handled_by"][0]
    for bad in (
        {"channel": "fax"},
        {"category": "ไม่มีในรายการ"},
        {"requester": ""},
        {"requester_kind": "alien"},
        {"advice": "", "status": "closed"},
        {"question": " "},
        {"consulted_on": (date.today() + timedelta(days=2)).isoformat()},
        {"follow_up": (date.today() - timedelta(days=1)).isoformat()},
    ):
        with pytest.raises(ValidationError):
            committee_consultations.save_consultation(committee, consultation(committee, **bad))


def test_requester_is_sealed_and_never_in_lists_stats_exports_or_the_audit_log(
    office, committee, tmp_path, monkeypatch, capsys
):
    saved = committee_consultations.save_consultation(committee, consultation(committee))
    data_dir = office.store.dir
    assert SECRET not in (data_dir / "main.json").read_text(encoding="utf-8")
    listed = next(c for c in committee_consultations.list_consultations(committee) if c.id == saved.id)
    assert SECRET not in json.dumps(listed.to_dict(), ensure_ascii=False)
    assert (
        committee_consultations.list_consultations(committee, "ลับเฉพาะ") == []
    )  # the search never looks at the requester
    opened = committee_consultations.get_consultation(committee, saved.id)
    assert opened.requester == SECRET
    opened.status, opened.follow_up = "closed", date.today().isoformat()
    committee_consultations.save_consultation(committee, opened)  # unchanged requester: the ciphertext is kept
    assert committee_consultations.get_consultation(committee, saved.id).requester == SECRET
    stats = committee_consultations.stats(committee, fiscal_year(date.today()))
    assert SECRET not in json.dumps(stats, ensure_ascii=False) and stats["statuses"]["closed"] >= 1
    audit = (data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert SECRET not in audit and "ลับเฉพาะ" not in audit
    views = [json.loads(x) for x in audit.splitlines() if '"view"' in x]
    assert any(v["kind"] == "consultation" and v["id"] == saved.id and v["actor"] == "committee" for v in views)
    # the CLI statistics and every committee PDF carry no requester either
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 10))
    capsys.readouterr()
    assert (
        main(["--data", str(data_dir), "--user", "committee", "consultations", "stats", "--fy", str(stats["fy"])]) == 0
    )
    assert SECRET not in capsys.readouterr().out
    for kind in ("order", "order-signoff"):
        pdf = svc.export_pdf(office, svc.in_force(office).id, tmp_path / f"{kind}.pdf", kind)
        assert "ลับเฉพาะ" not in squash(pdftotext(pdf))
    # someone without the key sees "ปกปิด", and an anonymous record holds no name at all
    nokey = Context(store=office.store, user=committee.user)
    assert committee_consultations.get_consultation(nokey, saved.id).requester == "ปกปิด"
    anon = committee_consultations.save_consultation(
        committee, consultation(committee, requester_kind="anonymous", requester="")
    )
    assert office.store.load()["consultations"][str(anon.id)]["requester"] == ""


def test_stats_count_by_month_and_category(committee):
    fy = fiscal_year(date.today())
    before = committee_consultations.stats(committee, fy)
    committee_consultations.save_consultation(committee, consultation(committee))
    after = committee_consultations.stats(committee, fy)
    assert after["total"] == before["total"] + 1
    assert [mo for mo, _ in after["months"]] == [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    month = dict(after["months"])[date.today().month]
    assert month == dict(before["months"])[date.today().month] + 1
    cat = "การรับของขวัญและประโยชน์อื่นใด"
    assert after["categories"][cat] == before["categories"].get(cat, 0) + 1
    assert sum(after["categories"].values()) == after["total"] == sum(after["statuses"].values())


def test_cli_orders_and_stats(office, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 10))
    data = str(office.store.dir)
    current = svc.in_force(office)
    capsys.readouterr()
    assert main(["--data", data, "--user", "viewer", "orders", "list"]) == 0
    out = capsys.readouterr().out
    assert current.ref in out and "ถูกแทนที่" in out
    assert main(["--data", data, "--user", "viewer", "orders", "current", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["order_id"] == current.id and shown["members"][0]["role"] == "ประธาน"
    old = next(o for o in svc.list_orders(office) if o.status == "superseded")
    day = (date.fromisoformat(old.term_start) + timedelta(days=5)).strftime("%d/%m/") + str(
        date.fromisoformat(old.term_start).year + 543
    )
    assert main(["--data", data, "--user", "viewer", "orders", "current", "--date", day]) == 0
    assert old.ref in capsys.readouterr().out
    assert main(["--data", data, "--user", "viewer", "orders", "current", "--date", "01/01/2500"]) == 1
    assert (
        main(["--data", data, "--user", "viewer", "consultations", "stats", "--fy", "2569"]) == 1
    )  # counts: not for viewers
    assert "ไม่มีสิทธิ์" in capsys.readouterr().err
    fy = fiscal_year(date.today() - timedelta(days=60))
    assert main(["--data", data, "--user", "executive", "consultations", "stats", "--fy", str(fy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1


def test_pdf_order_and_signoff_read_back(office, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 10))
    order = svc.in_force(office)
    out = tmp_path / "order.pdf"
    assert main(["--data", str(office.store.dir), "--user", "hr", "pdf", "order", str(order.id), "-o", str(out)]) == 0
    text = squash(pdftotext(out))
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")  # the demo office prints Thai digits
    for expected in (
        "คำสั่งองค์การบริหารส่วนตำบลบ้านดอนแก้ว",
        f"ที่{order.ref.translate(digits)}",
        "เรื่องแต่งตั้งคณะที่ปรึกษาทางจริยธรรม",
        squash(order.authority),
        "ให้คณะที่ปรึกษาทางจริยธรรมมีอำนาจหน้าที่ดังนี้",
        *(squash(x.name) for x in order.members),
        "กรรมการและเลขานุการ",
        "ให้ยกเลิกคำสั่ง",
        "สั่งณวันที่",
        "(นายประเสริฐศรีสุข)",
    ):
        assert squash(expected) in text, expected
    assert "{authority}" not in text and "{office}" not in text
    capsys.readouterr()
    assert main(["--data", str(office.store.dir), "--user", "viewer", "verify-pdf", str(out)]) == 0
    sheet = tmp_path / "signoff.pdf"
    assert (
        main(
            [
                "--data",
                str(office.store.dir),
                "--user",
                "viewer",
                "pdf",
                "order-signoff",
                str(order.id),
                "-o",
                str(sheet),
            ]
        )
        == 0
    )
    text = squash(pdftotext(sheet))
    assert "ใบลงชื่อรับทราบการแต่งตั้ง" in text and all(squash(x.name) in text for x in order.members)
    assert f"รวมทั้งสิ้น{str(len(order.members)).translate(digits)}คน" in text
    # a draft prints with a blank number, and its authority placeholder shows what to fill in
    draft = svc.successor(office, order.id)
    draft.authority = ""
    svc.save_draft(office, draft)
    pdf = svc.export_pdf(office, draft.id, tmp_path / "draft.pdf")
    assert "ระบุบทบัญญัติกฎหมายที่ให้อำนาจ" in squash(pdftotext(pdf))
