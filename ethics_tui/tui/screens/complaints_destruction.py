"""ทำลายเรื่องร้องเรียนที่พ้นอายุการเก็บ: the สารบรรณ destruction procedure, step by step.

Opened with ``d`` on the complaints screen (or the palette "เรื่องร้องเรียน: ทำลายเรื่อง…").
n list the expired records (no subject, no identity) · c the committee's order and members ·
a the approval (date, approver) · ctrl+d destroy (asks, naming how many records) · e the kept list
as PDF · v as CSV · esc back. Roles: complaints or admin (``complaints.purge``); every step goes
through ``service.complaints_destruction``, which checks the order of the steps and audits.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static, TextArea

from ethics_tui.errors import UserError
from ethics_tui.registers.spec import Action
from ethics_tui.service import complaints_destruction as dx
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.appraisal_forms import _DateForm
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.form import FieldRow
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import RecordTable
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.validators import Required

STEP_HINT = {
    "listed": ("ขั้นต่อไป: กด c บันทึกคำสั่งแต่งตั้งคณะกรรมการทำลายหนังสือ", "Next: press c to record the committee's order"),
    "committee": ("ขั้นต่อไป: กด a บันทึกวันที่และผู้อนุมัติให้ทำลาย", "Next: press a to record the approval"),
    "approved": ("ขั้นต่อไป: กด ctrl+d ทำลายเรื่องตามบัญชี", "Next: press ctrl+d to destroy the listed records"),
    "destroyed": ("ทำลายแล้ว บัญชียังเก็บไว้ (e PDF · v CSV)", "Destroyed; the list is kept (e PDF · v CSV)"),
}


class _ListForm(_DateForm):
    """A step of one destruction list (``row``), titled by ``TITLE`` (Thai, English; ``{id}`` the
    list's number, ``{n}`` how many records it holds) in the office's digits."""

    TITLE = ("", "")

    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row
        title = _(self.lang, *self.TITLE).format(id=row["id"], n=len(row.get("entries", ())))
        self.title_text = apply_digits(title, get_settings(self.ctx).digits)


class CommitteeModal(_ListForm):
    DEFAULT_CSS = "CommitteeModal TextArea { height: 5; width: 1fr; }"
    TITLE = ("คณะกรรมการทำลายหนังสือ (บัญชีเลขที่ {id})", "Destruction committee (list {id})")

    def compose_fields(self) -> ComposeResult:
        L = self.lang
        yield FieldRow(
            _(L, "คำสั่งแต่งตั้งที่", "Order no."),
            Input(
                self.row.get("committee_order", ""),
                id="f-order",
                compact=True,
                placeholder=_(L, "เช่น ที่ 12/2569", "e.g. 12/2569"),
                validators=[Required(self.t("required"))],
            ),
            "order",
        )
        yield FieldRow(
            _(L, "กรรมการ บรรทัดละคน (≥ 3 คน)", "Members, one a line (≥ 3)"),
            TextArea("\n".join(self.row.get("committee", [])), id="f-members", compact=True),
            "members",
        )

    def collect(self):
        members = [x.strip() for x in self.query_one("#f-members", TextArea).text.splitlines() if x.strip()]
        return (self.input_value("order"), members), {}

    def save(self, value):
        return dx.set_committee(self.ctx, self.row["id"], *value)


class ApproveModal(_ListForm):
    TITLE = ("อนุมัติให้ทำลาย (บัญชีเลขที่ {id})", "Approval (list {id})")

    def compose_fields(self) -> ComposeResult:
        L = self.lang
        yield FieldRow(_(L, "วันที่อนุมัติ", "Approved on"), self.date_field("date", date.today()), "date")
        yield FieldRow(
            _(L, "ผู้อนุมัติ (ชื่อและตำแหน่ง)", "Approver (name, position)"),
            Input(
                self.row.get("approver", ""), id="f-approver", compact=True, validators=[Required(self.t("required"))]
            ),
            "approver",
        )

    def collect(self):
        errors: dict = {}
        on = self.read_date("date", errors)
        return (on, self.input_value("approver")), errors

    def save(self, value):
        return dx.approve(self.ctx, self.row["id"], *value)


class DestroyModal(_ListForm):
    """The destruction date; the screen then asks once more, naming how many records go."""

    TITLE = ("ทำลายเรื่องตามบัญชีเลขที่ {id} ({n} เรื่อง)", "Destroy the records of list {id} ({n})")

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(_(self.lang, "วันที่ทำลาย", "Destroyed on"), self.date_field("date", date.today()), "date")

    def collect(self):
        errors: dict = {}
        on = self.read_date("date", errors)
        if on and (on > date.today() or on < date.fromisoformat(self.row["approved_on"] or "0001-01-01")):
            errors["date"] = (
                "วันที่ทำลายต้องไม่ก่อนวันอนุมัติและไม่อยู่ในอนาคต",
                "the destruction date must be between the approval and today",
            )
        return on, errors


class DestructionScreen(
    ListScreen, table_id="dx-lists", columns=(("id", 8), ("on", 14), ("n", 8), ("status", 30)), enter_action=""
):
    DEFAULT_CSS = """
    #dx-lists { height: 6; }
    #dx-entries { height: 1fr; }
    #dx-info { padding: 0 1; height: auto; max-height: 5; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("n", "prepare", "dx_prepare", "complaints.purge"),
        Action("c", "committee", "dx_committee", "complaints.purge"),
        Action("a", "approve", "dx_approve", "complaints.purge"),
        Action("ctrl+d", "destroy", "dx_destroy", "complaints.purge"),
        Action("e", "export('pdf')", "dx_pdf"),
        Action("v", "export('csv')", "dx_csv"),
    )

    HEADS: ClassVar[dict[str, tuple[str, str]]] = {
        "id": ("บัญชี", "List"),
        "on": ("จัดทำเมื่อ", "Listed"),
        "n": ("จำนวน", "Records"),
        "status": ("ขั้นตอน", "Step"),
    }

    def title_text(self) -> str:
        return _(self.lang, "ทำลายเรื่องร้องเรียนที่พ้นอายุการเก็บ (ระเบียบงานสารบรรณ)", "Destroying expired complaint records")

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="dx-info", markup=False)
        # number, code, dates and type only: no subject, no identity
        yield RecordTable(tuple((col, None) for col in dx.COLUMNS), id="dx-entries")

    def column_label(self, key: str) -> str:
        return _(self.lang, *self.HEADS[key]) if key in self.HEADS else key

    def records(self):
        try:
            return dx.rounds(self.ctx)
        except UserError as exc:
            self.notify(exc.message(self.lang), severity="error", markup=False)
            return []

    def record_id(self, r: dict) -> int:
        return r["id"]

    def row_cells(self, r: dict) -> list:
        return [
            self.d(r["id"]),
            self.date(r["listed_on"]),
            self.d(len(r["entries"])),
            self.pick(dx.STATUS_LABELS[r["status"]]),
        ]

    def after_reload(self) -> None:
        self.show_selected()

    def selected(self) -> dict | None:
        rid = self.selected_id()
        return self.rows.get(rid) if rid is not None else None

    def show_selected(self) -> None:
        row = self.selected()
        info = self.query_one("#dx-info", Static)
        entries = self.query_one("#dx-entries", RecordTable)
        L = self.lang
        if row is None:
            entries.load([])
            info.update(
                _(
                    L,
                    "ยังไม่มีบัญชีขอทำลาย กด n เพื่อจัดทำบัญชีเรื่องที่ยุติแล้วและพ้นอายุการเก็บ",
                    "No destruction list yet. Press n to list the closed records past retention.",
                )
            )
            return
        # the receipt code as printed (Arabic), the rest in the office's digits
        entries.load(
            (n, [v if i == 2 else self.d(v) for i, v in enumerate(r)]) for n, r in enumerate(dx.table_rows(row))
        )
        d = self.date
        lines = [
            _(
                L,
                f"บัญชีเลขที่ {row['id']}: {len(row['entries'])} เรื่อง"
                + (" (จัดทำหลังกำหนด 60 วัน)" if row.get("late") else ""),
                f"List {row['id']}: {len(row['entries'])} record(s)" + (" (late)" if row.get("late") else ""),
            ),
            _(
                L,
                f"คณะกรรมการ: คำสั่ง {row['committee_order'] or '-'} ({len(row['committee'])} คน)"
                f" · อนุมัติ: {row['approver'] or '-'} {d(row['approved_on'])}"
                f" · ทำลาย: {d(row['destroyed_on'])}",
                f"Committee: order {row['committee_order'] or '-'} ({len(row['committee'])})"
                f" · approved: {row['approver'] or '-'} {d(row['approved_on'])} · destroyed: {d(row['destroyed_on'])}",
            ),
            _(L, *STEP_HINT[row["status"]]),
        ]
        info.update(self.d("\n".join(lines)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "dx-lists":
            self.show_selected()

    def _need(self) -> dict | None:
        row = self.selected()
        if row is None:
            self.notify(_(self.lang, "ยังไม่มีบัญชี กด n เพื่อจัดทำบัญชี", "No list yet: press n"), severity="warning")
        return row

    def _after(self, saved: dict | None, th: str, en: str) -> None:
        if saved is not None:
            self.reload(select_id=saved["id"])
            self.notify(self.d(_(self.lang, th, en)), markup=False)

    # -- the steps ---------------------------------------------------------------------------
    def action_prepare(self) -> None:
        run_write(
            self,
            lambda: dx.prepare(self.ctx),
            self._prepared,
            failed=lambda exc: self.notify(exc.message(self.lang), severity="warning", markup=False),
        )

    def _prepared(self, row: dict) -> None:
        self._after(
            row,
            f"จัดทำบัญชีเลขที่ {row['id']} แล้ว ({len(row['entries'])} เรื่อง) ขั้นต่อไป: คณะกรรมการ (c)",
            f"List {row['id']} prepared ({len(row['entries'])}); next: the committee (c)",
        )

    def _step(self, modal: type, th: str, en: str) -> None:
        """Open the step's form on the selected list; when saved, say (th, en) what comes next."""
        if (row := self._need()) is not None:
            self.app.push_screen(modal(row), lambda saved: self._after(saved, th, en))

    def action_committee(self) -> None:
        self._step(CommitteeModal, "บันทึกคณะกรรมการแล้ว ขั้นต่อไป: อนุมัติ (a)", "Committee recorded; next: approval (a)")

    def action_approve(self) -> None:
        self._step(ApproveModal, "บันทึกการอนุมัติแล้ว ขั้นต่อไป: ทำลาย (ctrl+d)", "Approval recorded; next: destroy (ctrl+d)")

    def action_destroy(self) -> None:
        row = self._need()
        if row is None:
            return
        if row["status"] != "approved":
            th, en = dx.STATUS_LABELS[row["status"]]
            self.notify(
                _(
                    self.lang,
                    f"บัญชีนี้อยู่ในขั้น “{th}” ยังทำลายไม่ได้ (ต้องมีคณะกรรมการและการอนุมัติก่อน)",
                    f"This list is at '{en}': it cannot be destroyed yet",
                ),
                severity="warning",
                markup=False,
            )
            return
        n = len(row["entries"])

        def dated(on: date | None) -> None:
            if on is None:
                return
            question = _(
                self.lang,
                f"ทำลายเรื่องร้องเรียน {n} เรื่อง ตามบัญชีเลขที่ {row['id']} "
                f"ในวันที่ {format_date(on, 'full')} ?\nเรื่องและข้อมูลลับจะถูกลบถาวร ย้อนกลับไม่ได้ "
                "(บัญชียังเก็บไว้)",
                f"Destroy {n} complaint record(s) of list {row['id']} on {format_date(on, 'full', lang='en')}?\n"
                "The records and their sealed identities are deleted for good (the list is kept).",
            )
            self.app.push_screen(ConfirmModal(self.d(question)), lambda yes: yes and self._destroy(row["id"], on))

        self.app.push_screen(DestroyModal(row), dated)

    def _destroy(self, rid: int, on: date) -> None:
        # a refusal (ValidationError included: a date before the approval) is shown by run_write
        run_write(self, lambda: dx.destroy(self.ctx, rid, on), self._destroyed)

    def _destroyed(self, done: dict) -> None:
        n = len(done["entries"])
        self._after(
            done,
            f"ทำลายแล้ว {n} เรื่อง บัญชียังเก็บไว้ (e PDF · v CSV)",
            f"Destroyed {n} record(s); the list is kept (e PDF · v CSV)",
        )

    def action_export(self, kind: str) -> None:
        from ethics_tui.service.exports import export_folder

        row = self._need()
        if row is None:
            return
        out = export_folder(self.ctx) / f"complaint-destruction-list-{row['id']}.{kind}"
        writer = dx.export_pdf if kind == "pdf" else dx.export_csv
        run_export(
            self,
            lambda progress: writer(self.ctx, row["id"], out) or out,
            lambda paths: str(paths[0]),
            title=kind.upper(),
            group="dx-export",
            replaces=out,
        )
