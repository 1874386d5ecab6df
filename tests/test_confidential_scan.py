"""The plaintext scan (issue 14): a distinct canary in every free-text field of every
confidential register, written through the services, must appear nowhere outside the entitled
confidential exports: not in any file of the data folder (backups unzipped), the audit log, the
logs, nor any non-confidential export."""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.service import appraisal as ap
from ethics_tui.service import appraisal_review
from ethics_tui.service import committee_consultations
from ethics_tui.service import complaints as cp
from ethics_tui.service import complaints_docs, report, vault
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.store import backup


def _as(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


def _canaries():
    n = iter(range(1000))
    return lambda field: f"QZX{next(n):03d}{field.replace('_', '')}"


def _blobs(path: Path) -> list[tuple[str, bytes]]:
    data = path.read_bytes()
    out = [(str(path), data)]
    if path.suffix in (".zip", ".xlsx"):
        with zipfile.ZipFile(path) as zf:
            out += [(f"{path}!{n}", zf.read(n)) for n in zf.namelist()]
    if path.suffix == ".pdf":
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
        out.append((f"{path} (text)", text))
    return out


def test_no_canary_outside_entitled_confidential_exports(demo_ctx, tmp_path):
    ctx = demo_ctx
    canary = _canaries()
    written: list[str] = []

    def c(field):
        written.append(canary(field))
        return written[-1]

    # complaints: the case, its identity, every step text
    officer = _as(ctx, "complaints")
    now = datetime.now().replace(second=0, microsecond=0) - timedelta(days=3)
    ids = []
    for path in (("fact_finding", "concluded", "notified"), ("referred",), ("not_accepted",)):
        case = cp.intake(
            officer,
            Complaint(
                now.isoformat(timespec="minutes"), cp.get_settings(officer).channels[0], "corruption", c("subject")
            ),
            Identity(
                anonymous=False,
                complainant_name=c("complainant_name"),
                complainant_contact=c("complainant_contact"),
                accused_text=c("accused_text"),
                details=c("details"),
            ),
        )
        ids.append(case.id)
        day = now.date()
        cp.advance(officer, case.id, "review", day, note=c("note"))
        for step in path:
            extra = {"evidence": "enough"} if step in ("fact_finding", "referred") else {}
            if step == "not_accepted":
                extra["evidence"] = "not_enough"
            need = {"not_accepted": "reason", "referred": "body", "concluded": "finding", "notified": "method"}.get(
                step
            )
            if need:
                extra[need] = c(need)
            cp.advance(officer, case.id, step, day, note=c("note"), **extra)
    opened = cp.get(officer, ids[0])
    assert opened.history[1]["note"].startswith("QZX") and opened.subject.startswith("QZX")
    assert cp.get(_as(ctx, "complaints"), ids[0]).history[-1]["extra"]["method"].startswith("QZX")

    # consultations: requester, question, advice, link
    com = _as(ctx, "committee")
    base = committee_consultations.list_consultations(com)[0]
    saved = committee_consultations.save_consultation(
        com,
        replace(
            base,
            id=None,
            rev=0,
            requester_kind="outsider",
            requester=c("requester"),
            requester_staff_id="",
            question=c("question"),
            advice=c("advice"),
            dos_ref=c("dos_ref"),
            status="advised",
            retain_until="",
        ),
    )
    assert committee_consultations.get_consultation(com, saved.id).question.startswith("QZX")
    assert any(x.question.startswith("QZX") for x in committee_consultations.list_consultations(com))

    # appraisal grievances: addressed to, grounds, outcome
    hr = _as(ctx, "hr")
    results = ctx.store.load().get(ap.RESULTS, {})
    rid = next(int(k) for k, r in results.items() if r.get("notified_on"))
    notified = date.fromisoformat(results[str(rid)]["notified_on"])
    g = appraisal_review.file_grievance(hr, rid, notified, c("addressed_to"), c("grounds"))
    appraisal_review.decide_grievance(hr, g.id, "dismissed", notified, c("outcome"))
    assert any(x.grounds.startswith("QZX") for x in appraisal_review.list_grievances(hr, results[str(rid)]["round_id"]))

    # training: a non-selection question names who asked and why (hr vault)
    from ethics_tui.service import training as tr

    staff_id = int(next(iter(ctx.store.load()["staff"])))
    q = tr.ask(hr, staff_id, c("question"), now.date())
    tr.answer(hr, q.id, staff_id, c("answer"), now.date())
    assert any(x.answer.startswith("QZX") for x in tr.list_questions(hr))
    hidden = [x for x in tr.list_questions(_as(ctx, "viewer")) if x.id == q.id][0]
    assert (hidden.question, hidden.answer, hidden.answered) == (vault.HIDDEN_TH, vault.HIDDEN_TH, True)

    # readers without the key see ปกปิด
    viewer_like = _as(ctx, "admin")
    doc = ctx.store.load()[cp.CASES][str(ids[0])]
    assert vault.reveal(viewer_like, doc["subject"], "complaint:subject") == vault.HIDDEN_TH

    # non-confidential exports (counts only)
    out = tmp_path / "exports"
    out.mkdir()
    fy = cp.fiscal_year(now.date())
    complaints_docs.export_pdf(officer, "stats", out / "stats.pdf", fy=fy)
    report.export_pdf(_as(ctx, "admin"), fy, out / "report.pdf")
    report.export_xlsx(_as(ctx, "admin"), fy, out / "report.xlsx")
    (out / "consult-stats.json").write_text(
        json.dumps(committee_consultations.stats(com, fy), ensure_ascii=False), encoding="utf-8"
    )
    # the entitled confidential exports may hold them (kept apart, not scanned)
    entitled = tmp_path / "entitled"
    complaints_docs.export_pdf(officer, "casefile", entitled / "casefile.pdf", case_id=ids[0])
    assert (
        "QZX"
        in subprocess.run(["pdftotext", str(entitled / "casefile.pdf"), "-"], capture_output=True, text=True).stdout
    )

    from ethics_tui.service.verify import verify

    assert verify(ctx.store) == []  # sealed records still load and validate
    backup.create_backup(ctx.store)
    backup.create_backup(ctx.store, tmp_path / "manual.zip")
    files = [p for p in ctx.store.dir.rglob("*") if p.is_file()] + [tmp_path / "manual.zip"]
    files += [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "audit.jsonl" for p in files)
    assert len(set(written)) == len(written) >= 20
    for path in files:
        for where, blob in _blobs(path):
            for needle in written:
                assert needle.encode() not in blob, (needle, where)


def test_text_stored_in_clear_by_an_older_version_is_sealed_at_the_holders_sign_in(demo_ctx):
    ctx = demo_ctx
    officer = _as(ctx, "complaints")
    case = cp.intake(
        officer,
        Complaint(
            datetime.now().isoformat(timespec="minutes"), cp.get_settings(officer).channels[0], "grievance", "เรื่องเดิม"
        ),
        Identity(),
    )
    with ctx.store.transaction(actor="old-version") as tx:  # as an older version stored it
        doc = dict(tx.table(cp.CASES).get(doc_id=case.id))
        doc["subject"] = "QZXoldsubject"
        doc["history"] = [{**doc["history"][0], "note": "QZXoldnote"}]
        tx.put(cp.CASES, case.id, doc)
    assert "QZXold" in (ctx.store.dir / "main.json").read_text(encoding="utf-8")
    _as(ctx, "viewer")  # no key: nothing to do
    assert "QZXold" in (ctx.store.dir / "main.json").read_text(encoding="utf-8")
    officer = _as(ctx, "complaints")
    assert "QZXold" not in (ctx.store.dir / "main.json").read_text(encoding="utf-8")
    got = cp.get(officer, case.id)
    assert (got.subject, got.history[0]["note"]) == ("QZXoldsubject", "QZXoldnote")
