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
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Input, Static, TextArea

from ethics_tui.errors import UserError
from ethics_tui.service import complaints_destruction as dx
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.screens.appraisal_forms import _DateForm
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.form import FieldRow
from ethics_tui.tui.widgets.tables import cursor_id
from ethics_tui.tui.widgets.validators import Required

STEP_HINT = {
    "listed": ("ขั้นต่อไป: กด c บันทึกคำสั่งแต่งตั้งคณะกรรมการทำลายหนังสือ", "Next: press c to record the committee's order"),
    "committee": ("ขั้นต่อไป: กด a บันทึกวันที่และผู้อนุมัติให้ทำลาย", "Next: press a to record the approval"),
    "approved": ("ขั้นต่อไป: กด ctrl+d ทำลายเรื่องตามบัญชี", "Next: press ctrl+d to destroy the listed records"),
    "destroyed": ("ทำลายแล้ว บัญชียังเก็บไว้ (e PDF · v CSV)", "Destroyed; the list is kept (e PDF · v CSV)"),
}


def _title(modal, th: str, en: str) -> str:
    """A dialog title in the office's digits."""
    return apply_digits(_(modal.lang, th, en), get_settings(modal.ctx).digits)


class CommitteeModal(_DateForm):
    DEFAULT_CSS = "CommitteeModal TextArea { height: 5; width: 1fr; }"

    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row
        self.title_text = _title(
            self, f"คณะกรรมการทำลายหนังสือ (บัญชีเลขที่ {row['id']})", f"Destruction committee (list {row['id']})"
        )

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


class ApproveModal(_DateForm):
    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row
        self.title_text = _title(self, f"อนุมัติให้ทำลาย (บัญชีเลขที่ {row['id']})", f"Approval (list {row['id']})")

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


class DestroyModal(_DateForm):
    """The destruction date; the screen then asks once more, naming how many records go."""

    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row
        self.title_text = _title(
            self,
            f"ทำลายเรื่องตามบัญชีเลขที่ {row['id']} ({len(row['entries'])} เรื่อง)",
            f"Destroy the records of list {row['id']} ({len(row['entries'])})",
        )

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


class DestructionScreen(GuardedScreen):
    DEFAULT_CSS = """
    #dx-lists { height: 6; }
    #dx-entries { height: 1fr; }
    #dx-info { padding: 0 1; height: auto; max-height: 5; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {
        "prepare": "complaints.purge",
        "committee": "complaints.purge",
        "approve": "complaints.purge",
        "destroy": "complaints.purge",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "prepare", "dx_prepare"),
        Binding("c", "committee", "dx_committee"),
        Binding("a", "approve", "dx_approve"),
        Binding("ctrl+d", "destroy", "dx_destroy"),
        Binding("e", "export('pdf')", "dx_pdf"),
        Binding("v", "export('csv')", "dx_csv"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.rows: dict[int, dict] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _(self.lang, "ทำลายเรื่องร้องเรียนที่พ้นอายุการเก็บ (ระเบียบงานสารบรรณ)", "Destroying expired complaint records"),
            classes="screen-title",
        )
        yield DataTable(id="dx-lists", cursor_type="row", zebra_stripes=True)
        yield Static("", id="dx-info", markup=False)
        yield DataTable(id="dx-entries", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        lists = self.query_one("#dx-lists", DataTable)
        for key, th, en in (
            ("id", "บัญชี", "List"),
            ("on", "จัดทำเมื่อ", "Listed"),
            ("n", "จำนวน", "Records"),
            ("status", "ขั้นตอน", "Step"),
        ):
            lists.add_column(_(self.lang, th, en), key=key)
        entries = self.query_one("#dx-entries", DataTable)
        for col in dx.COLUMNS:  # number, code, dates and type only: no subject, no identity
            entries.add_column(col)
        self.reload()
        lists.focus()
        self.run_then()

    def d(self, text: object) -> str:
        return apply_digits(str(text), self.digits)

    def reload(self, select: int | None = None) -> None:
        try:
            rows = dx.rounds(self.ctx)
        except UserError as exc:
            self.notify(exc.message(self.lang), severity="error", markup=False)
            rows = []
        table = self.query_one("#dx-lists", DataTable)
        keep = select if select is not None else cursor_id(table)
        table.clear()
        self.rows = {r["id"]: r for r in rows}
        for r in rows:
            table.add_row(
                self.d(r["id"]),
                format_date(r["listed_on"], "abbr", self.digits),
                self.d(len(r["entries"])),
                pick(dx.STATUS_LABELS[r["status"]], self.lang),
                key=str(r["id"]),
            )
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_selected()

    def selected(self) -> dict | None:
        rid = cursor_id(self.query_one("#dx-lists", DataTable))
        return self.rows.get(rid) if rid is not None else None

    def show_selected(self) -> None:
        row = self.selected()
        info = self.query_one("#dx-info", Static)
        entries = self.query_one("#dx-entries", DataTable)
        entries.clear()
        L = self.lang
        if row is None:
            info.update(
                _(
                    L,
                    "ยังไม่มีบัญชีขอทำลาย กด n เพื่อจัดทำบัญชีเรื่องที่ยุติแล้วและพ้นอายุการเก็บ",
                    "No destruction list yet. Press n to list the closed records past retention.",
                )
            )
            return
        for r in dx.table_rows(row):  # the receipt code as printed (Arabic), the rest in the office's digits
            entries.add_row(*(v if i == 2 else self.d(v) for i, v in enumerate(r)))
        d = lambda iso: format_date(iso, "abbr", self.digits) if iso else "-"  # noqa: E731
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
            self.reload(select=saved["id"])
            self.notify(self.d(_(self.lang, th, en)), markup=False)

    # -- the steps ---------------------------------------------------------------------------
    def action_prepare(self) -> None:
        try:
            row = dx.prepare(self.ctx)
        except UserError as exc:
            self.notify(exc.message(self.lang), severity="warning", markup=False)
            return
        self._after(
            row,
            f"จัดทำบัญชีเลขที่ {row['id']} แล้ว ({len(row['entries'])} เรื่อง) ขั้นต่อไป: คณะกรรมการ (c)",
            f"List {row['id']} prepared ({len(row['entries'])}); next: the committee (c)",
        )

    def action_committee(self) -> None:
        if (row := self._need()) is not None:
            self.app.push_screen(
                CommitteeModal(row),
                lambda saved: self._after(
                    saved, "บันทึกคณะกรรมการแล้ว ขั้นต่อไป: อนุมัติ (a)", "Committee recorded; next: approval (a)"
                ),
            )

    def action_approve(self) -> None:
        if (row := self._need()) is not None:
            self.app.push_screen(
                ApproveModal(row),
                lambda saved: self._after(
                    saved, "บันทึกการอนุมัติแล้ว ขั้นต่อไป: ทำลาย (ctrl+d)", "Approval recorded; next: destroy (ctrl+d)"
                ),
            )

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
                f"Destroy {n} complaint record(s) of list {row['id']} on {on.isoformat()}?\n"
                "The records and their sealed identities are deleted for good (the list is kept).",
            )
            self.app.push_screen(ConfirmModal(self.d(question)), lambda yes: yes and self._destroy(row["id"], on))

        self.app.push_screen(DestroyModal(row), dated)

    def _destroy(self, rid: int, on: date) -> None:
        try:
            done = dx.destroy(self.ctx, rid, on)
        except UserError as exc:  # ValidationError included (a date before the approval)
            self.notify(exc.message(self.lang), severity="error", markup=False)
            return
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
        try:
            (dx.export_pdf if kind == "pdf" else dx.export_csv)(self.ctx, row["id"], out)
        except (UserError, OSError) as exc:
            msg = exc.message(self.lang) if isinstance(exc, UserError) else str(exc)
            self.notify(msg, severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        export_done(self.app, str(full(out)), out, title=kind.upper())

    def action_back(self) -> None:
        self.app.pop_screen()
