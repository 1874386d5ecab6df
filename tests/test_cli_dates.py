"""The CLI's text output in English gives dates as the English TUI does (``1 Oct 2569``: B.E.,
the month in English), never ISO and never the Thai month; Thai output keeps the Thai date and
``--json`` keeps ISO dates (machine-readable)."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest

from ethics_tui.cli import main
from ethics_tui.service import committee, complaints, training
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.dates import MONTHS_ABBR, format_date, today

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
THAI_DATE = re.compile(r"\d{1,2} (" + "|".join(re.escape(m) for m in MONTHS_ABBR) + r") \d{4}")


def _run(capsys, monkeypatch, data, user: str, *argv: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 3))
    capsys.readouterr()
    rc = main(["--data", str(data), "--user", user, *argv])
    out, err = capsys.readouterr()
    assert rc in (0, 1), err
    return out + err


def en(d) -> str:
    return format_date(d, "abbr", lang="en")


def as_user(demo_ctx, user: str):
    return demo_sign_in(Context(store=demo_ctx.store), user)


TEXT_COMMANDS = [
    ("hr", "staff", "list"),
    ("hr", "orders", "list"),
    ("hr", "orders", "current"),
    ("hr", "training", "list"),
    ("hr", "training", "questions"),
    ("committee", "consultations", "stats", "--fy", "2569"),
    ("complaints", "complaints", "list"),
    ("hr", "report", "readiness", "--fy", "2569"),
    ("hr", "report", "items", "--fy", "2569"),
    ("hr", "appraisal", "rounds"),
]


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=lambda a: " ".join(a[1:3]))
def test_english_text_output_has_no_iso_and_no_thai_dates(demo_ctx, capsys, monkeypatch, argv):
    user, *rest = argv
    text = _run(capsys, monkeypatch, demo_ctx.store.dir, user, "--lang", "en", *rest)
    assert text.strip()
    assert not ISO.search(text), ISO.search(text)
    assert not THAI_DATE.search(text), THAI_DATE.search(text)


def test_orders_in_english_thai_and_json(demo_ctx, capsys, monkeypatch):
    data = demo_ctx.store.dir
    order = committee.list_orders(as_user(demo_ctx, "hr"))[0]
    text = _run(capsys, monkeypatch, data, "hr", "--lang", "en", "orders", "list")
    assert f"[{en(order.term_start)} – {en(order.term_end)}]" in text
    thai = _run(capsys, monkeypatch, data, "hr", "orders", "list")
    assert f"[{format_date(order.term_start, 'abbr')} – {format_date(order.term_end, 'abbr')}]" in thai
    rows = json.loads(_run(capsys, monkeypatch, data, "hr", "--lang", "en", "orders", "list", "--json"))
    assert {r["term_end"] for r in rows} >= {order.term_end} and all(ISO.fullmatch(r["term_start"]) for r in rows)
    current = committee.in_force(as_user(demo_ctx, "hr"), today())
    text = _run(capsys, monkeypatch, data, "hr", "--lang", "en", "orders", "current")
    assert f"term ends {en(current.term_end)}" in text
    text = _run(capsys, monkeypatch, data, "hr", "--lang", "en", "orders", "current", "--date", "1/1/2500")
    assert "No ethics committee was in force on 1 Jan 2500" in text


def test_training_list_and_questions_in_english(demo_ctx, capsys, monkeypatch):
    hr = as_user(demo_ctx, "hr")
    opp = training.list_opportunities(hr, None)[0]
    text = _run(capsys, monkeypatch, demo_ctx.store.dir, "hr", "--lang", "en", "training", "list")
    assert f"  {en(opp.start_date)}  " in text
    q = training.list_questions(hr)[0]
    text = _run(capsys, monkeypatch, demo_ctx.store.dir, "hr", "--lang", "en", "training", "questions")
    assert f"#{q.id} {en(q.asked_on)} " in text


def test_complaints_list_status_and_exports_in_english(demo_ctx, capsys, monkeypatch):
    data = demo_ctx.store.dir
    officer = as_user(demo_ctx, "complaints")
    case = next(c for c in complaints.list_cases(officer) if c.due)
    text = _run(capsys, monkeypatch, data, "complaints", "--lang", "en", "complaints", "list")
    assert en(case.received_date) in text and en(case.due) in text
    text = _run(capsys, monkeypatch, data, "complaints", "--lang", "en", "complaints", "status", case.code)
    assert not ISO.search(text) and not THAI_DATE.search(text)
    assert f"next step due {en(case.due)}" in text or f"  {en(case.received_date)}  " in text
    _run(capsys, monkeypatch, data, "complaints", "pdf", "complaint-receipt", str(case.id))
    text = _run(capsys, monkeypatch, data, "complaints", "--lang", "en", "complaints", "exports")
    at = json.loads((data / "exports.json").read_text(encoding="utf-8"))
    stamp = next(d["at"] for d in at["exports"].values() if d.get("confidential"))
    assert f"{en(stamp[:10])} {stamp[11:16]}" in text and not ISO.search(text)


def test_destruction_list_in_english(demo_ctx, capsys, monkeypatch):
    data = demo_ctx.store.dir
    _run(capsys, monkeypatch, data, "complaints", "complaints", "destruction", "prepare")
    text = _run(capsys, monkeypatch, data, "complaints", "--lang", "en", "complaints", "destruction", "list")
    from datetime import date

    assert f"{en(date.today())} 1 case(s)" in text and "เรื่อง" not in text
    thai = _run(capsys, monkeypatch, data, "complaints", "complaints", "destruction", "list")
    assert f"{format_date(date.today(), 'abbr')} 1 เรื่อง" in thai


def test_verify_pdf_and_consultation_months_in_english(demo_ctx, capsys, monkeypatch, tmp_path):
    from datetime import date

    data = demo_ctx.store.dir
    out = tmp_path / "order.pdf"
    order = committee.list_orders(as_user(demo_ctx, "hr"))[0]
    _run(capsys, monkeypatch, data, "hr", "pdf", "order", str(order.id), "-o", str(out))
    text = _run(capsys, monkeypatch, data, "hr", "--lang", "en", "verify-pdf", str(out))
    assert f"exported {format_date(date.today(), 'full', lang='en')} by hr" in text and not ISO.search(text)
    text = _run(capsys, monkeypatch, data, "committee", "--lang", "en", "consultations", "stats", "--fy", "2569")
    assert "  Oct " in text and "  Sep " in text


def test_notices_ack_says_the_day_in_english(demo_ctx, capsys, monkeypatch):
    from ethics_tui.service import notices_acks

    hr = as_user(demo_ctx, "hr")
    notice_id = next(c.notice.id for c in notices_acks.coverage_all(hr) if c.pending_count)
    cov = notices_acks.coverage(hr, notice_id)
    code = cov.pending[0][1][0].code
    argv = ("notices", "ack", str(cov.notice.id), "--staff", code, "--date", "2/10/2569")
    text = _run(capsys, monkeypatch, demo_ctx.store.dir, "hr", "--lang", "en", *argv)
    assert "Recorded 1 acknowledgement(s) (2 October 2569)" in text
