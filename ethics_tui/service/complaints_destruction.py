"""Destroying expired complaint records by the สารบรรณ procedure, instead of a silent purge.

1. ``prepare``: list the closed cases past their retention date (within 60 days after the
   calendar year ends; a later list is allowed and marked late);
2. ``set_committee``: the committee that reviews the list (its order and members);
3. ``approve``: the approving official and date;
4. ``destroy``: the cases and their sealed identities are deleted in one transaction, one
   ``destroy`` audit entry per case. The list itself is kept (and exported as PDF / CSV).

The kept list holds no confidential field and no subject: number, receipt code, fiscal year,
received date, type, closing date and retention date only.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from ethics_tui.errors import UserError, ValidationError, found
from ethics_tui.model import complaints as m
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import format_date

TABLE = "complaint_destructions"
STATUSES = ("listed", "committee", "approved", "destroyed")
STATUS_LABELS = {
    "listed": ("จัดทำบัญชีแล้ว", "listed"),
    "committee": ("ตั้งคณะกรรมการแล้ว", "committee set"),
    "approved": ("อนุมัติให้ทำลายแล้ว", "approved"),
    "destroyed": ("ทำลายแล้ว", "destroyed"),
}


def list_due(on: date) -> date:
    """The last day to list the year's expired records: 60 days after 31 December."""
    return date(on.year - 1, 12, 31) + timedelta(days=60)


def _rows(ctx: Context) -> dict[int, dict]:
    return {int(k): dict(v, id=int(k)) for k, v in ctx.store.load().get(TABLE, {}).items()}


def rounds(ctx: Context) -> list[dict]:
    require(ctx, "complaints.purge")
    return sorted(_rows(ctx).values(), key=lambda r: r["id"], reverse=True)


def get(ctx: Context, rid: int) -> dict:
    require(ctx, "complaints.purge")
    row = found(_rows(ctx).get(int(rid)), f"ไม่พบบัญชีขอทำลายเลขที่ {rid}", f"No destruction list {rid}")
    return row


def _entry(c) -> dict:
    return {
        "case_id": c.id,
        "number": c.number,
        "fiscal_year": c.fiscal_year,
        "code": c.code,
        "received": c.received_date.isoformat(),
        "kind": c.kind,
        "closed": (c.step_date("closed") or c.finished_on() or c.received_date).isoformat(),
        "retention_until": c.retention_until,
    }


def prepare(ctx: Context, on: date | None = None) -> dict:
    """Step 1: the list of closed cases past retention on ``on``."""
    from ethics_tui.service import complaints

    require(ctx, "complaints.purge")
    on = on or date.today()
    if on > date.today():
        raise ValidationError({"date": ("วันที่อยู่ในอนาคต", "the date is in the future")})
    if any(r["status"] != "destroyed" for r in _rows(ctx).values()):
        raise UserError(
            "มีบัญชีขอทำลายที่ยังไม่เสร็จ ให้ดำเนินการบัญชีนั้นให้เสร็จก่อน", "A destruction list is still in progress; finish it first"
        )
    found = [
        c
        for c in complaints._cases(ctx)
        if c.status == "closed" and c.retention_until and date.fromisoformat(c.retention_until) < on
    ]
    if not found:
        raise UserError("ไม่มีเรื่องที่พ้นอายุการเก็บ", "No case is past its retention date")
    doc = {
        "listed_on": on.isoformat(),
        "due_by": list_due(on).isoformat(),
        "late": on > list_due(on),
        "entries": [_entry(c) for c in sorted(found, key=lambda c: (c.fiscal_year, c.number))],
        "committee_order": "",
        "committee": [],
        "approved_on": "",
        "approver": "",
        "destroyed_on": "",
        "status": "listed",
        "rev": 1,
    }
    with ctx.store.transaction(actor=ctx.actor) as tx:
        rid = tx.table(TABLE).insert(doc)
        tx.log("create", "complaint_destruction", rid, ["entries"], note=f"{len(found)} case(s)")
    return dict(doc, id=rid)


def _update(ctx: Context, rid: int, want: tuple[str, ...], change, action: str, fields: list[str]) -> dict:
    require(ctx, "complaints.purge")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(TABLE).get(doc_id=int(rid)), f"ไม่พบบัญชีขอทำลายเลขที่ {rid}", f"No destruction list {rid}")
        doc = dict(doc)
        if doc["status"] not in want:
            have = STATUS_LABELS[doc["status"]]
            raise UserError(f"บัญชีนี้อยู่ในขั้น “{have[0]}” จึงทำขั้นนี้ไม่ได้", f"This list is at '{have[1]}': not allowed now")
        change(doc, tx)
        doc["rev"] = int(doc.get("rev", 0)) + 1
        tx.put(TABLE, int(rid), doc)
        tx.log(action, "complaint_destruction", int(rid), fields)
    return dict(doc, id=int(rid))


def set_committee(ctx: Context, rid: int, order: str, members: list[str]) -> dict:
    """Step 2: the committee's order (e.g. "ที่ 12/2569") and its members (at least three)."""
    order = (order or "").strip()
    members = [x.strip() for x in members if x and x.strip()]
    errors = {}
    if not order:
        errors["order"] = ("ต้องระบุคำสั่งแต่งตั้งคณะกรรมการทำลายหนังสือ", "give the committee's order")
    if len(members) < 3:
        errors["members"] = ("คณะกรรมการต้องมีอย่างน้อย 3 คน", "the committee needs at least three members")
    if errors:
        raise ValidationError(errors)

    def change(doc, tx):
        doc["committee_order"], doc["committee"], doc["status"] = order, members, "committee"

    return _update(ctx, rid, ("listed", "committee"), change, "update", ["committee_order", "committee"])


def approve(ctx: Context, rid: int, on: date, approver: str) -> dict:
    """Step 3: the official who approved the destruction, and when."""
    approver = (approver or "").strip()
    if not approver:
        raise ValidationError({"approver": ("ต้องระบุผู้อนุมัติ", "give the approver")})
    row = get(ctx, rid)
    if on > date.today() or on < date.fromisoformat(row["listed_on"]):
        raise ValidationError(
            {
                "date": (
                    "วันที่อนุมัติต้องไม่ก่อนวันจัดทำบัญชีและไม่อยู่ในอนาคต",
                    "the approval date must be between the listing date and today",
                )
            }
        )

    def change(doc, tx):
        doc["approved_on"], doc["approver"], doc["status"] = on.isoformat(), approver, "approved"

    return _update(ctx, rid, ("committee",), change, "approve", ["approved_on", "approver"])


def destroy(ctx: Context, rid: int, on: date) -> dict:
    """Step 4: delete the listed cases and their sealed identities; the list is kept."""
    from ethics_tui.service.complaints import CASES, IDENTITIES, KIND

    row = get(ctx, rid)
    if row.get("approved_on") and (on < date.fromisoformat(row["approved_on"]) or on > date.today()):
        raise ValidationError(
            {
                "date": (
                    "วันที่ทำลายต้องไม่ก่อนวันอนุมัติและไม่อยู่ในอนาคต",
                    "the destruction date must be between the approval and today",
                )
            }
        )

    def change(doc, tx):
        ids = [e["case_id"] for e in doc["entries"]]
        cases, idents = tx.table(CASES), tx.table(IDENTITIES)
        cases.remove(doc_ids=[i for i in ids if cases.get(doc_id=i)])
        idents.remove(doc_ids=[i for i in ids if idents.get(doc_id=i)])
        for i in ids:
            tx.log("destroy", KIND, i, ["case", *m.CONFIDENTIAL], note=f"destruction list {rid}")
        doc["destroyed_on"], doc["status"] = on.isoformat(), "destroyed"

    return _update(ctx, rid, ("approved",), change, "update", ["destroyed_on", "status"])


# -- the kept list, exported ----------------------------------------------------------------
COLUMNS = ("ลำดับ", "เลขรับ", "รหัสรับเรื่อง", "วันที่รับ", "ประเภท", "วันที่ยุติ", "เก็บถึง")


def table_rows(row: dict) -> list[list[str]]:
    return [
        [
            str(i),
            f"{e['number']}/{e['fiscal_year']}",
            e["code"],
            format_date(e["received"], "abbr"),
            m.kind_label(e["kind"]),
            format_date(e["closed"], "abbr"),
            format_date(e["retention_until"], "abbr"),
        ]
        for i, e in enumerate(row["entries"], 1)
    ]


def export_csv(ctx: Context, rid: int, path: Path | str) -> Path:
    from ethics_tui.store.atomic import atomic_write_bytes

    row = get(ctx, rid)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    w.writerows(table_rows(row))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))
    ctx.store.log_event("export", "complaint_destruction", rid, note=path.name, actor=ctx.actor)
    return path


def export_pdf(ctx: Context, rid: int, path: Path | str) -> Path:
    """บัญชีหนังสือขอทำลาย as a memo: the list, the committee, approval and destruction."""
    from ethics_tui.pdf.models import MemoColumn, MemoTable
    from ethics_tui.service.ita_outputs import render_memo

    row = get(ctx, rid)
    d = lambda iso: format_date(iso, "full") if iso else "-"  # noqa: E731
    table = MemoTable(
        [
            MemoColumn(c, w, "C" if i in (0, 1) else "L")
            for i, (c, w) in enumerate(zip(COLUMNS, (12, 20, 34, 24, 26, 22, 22)))
        ],
        table_rows(row),
        size=12,
    )
    body = [
        f"ตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ ให้สำรวจหนังสือที่ครบอายุการเก็บภายใน 60 วันหลังจากวันสิ้นปีปฏิทิน "
        f"งานรับเรื่องร้องเรียนจัดทำบัญชีหนังสือขอทำลายเมื่อ {d(row['listed_on'])} จำนวน {len(row['entries'])} เรื่อง ดังนี้"
        + (" (จัดทำหลังกำหนด)" if row.get("late") else "")
    ]
    after = [
        f"คณะกรรมการทำลายหนังสือ: คำสั่ง{row['committee_order'] or ' -'} "
        + (", ".join(row["committee"]) if row["committee"] else "ยังไม่ได้แต่งตั้ง"),
        f"ผู้อนุมัติ: {row['approver'] or '-'} เมื่อ {d(row['approved_on'])}",
        f"ทำลายเมื่อ: {d(row['destroyed_on'])} สถานะ: {STATUS_LABELS[row['status']][0]}",
        "บัญชีนี้เก็บไว้เป็นหลักฐาน (ไม่มีชื่อผู้ร้องเรียน ผู้ถูกร้องเรียน หรือรายละเอียดของเรื่อง)",
    ]
    return render_memo(
        ctx,
        Path(path),
        f"บัญชีหนังสือขอทำลาย (เรื่องร้องเรียนที่ครบอายุการเก็บ) เลขที่ {rid}",
        body,
        table=table,
        after=after,
        kind="complaint-destruction",
        ref=rid,
        closing="จึงเรียนมาเพื่อโปรดทราบ",
    )
