"""The ethics advisory committee: who sits today, the appointment orders, and their PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.errors import UserError
from ethics_tui.model import committee as m
from ethics_tui.model.committee import Order
from ethics_tui.service import committee as svc
from ethics_tui.service import documents
from ethics_tui.service.access import can
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.screens.committee_dialogs import IssueModal, RevokeModal, TemplateModal
from ethics_tui.tui.screens.committee_form import OrderFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.tables import cursor_id, fit_columns, kept

COLUMNS = (("no", 10), ("date", 13), ("subject", 36), ("status", 14), ("term", 27), ("members", 8))


class CommitteeScreen(GuardedScreen):
    """คณะที่ปรึกษาจริยธรรม: the committee in force and the orders, newest first."""

    DEFAULT_CSS = """
    #cm-current { padding: 0 2; height: auto; max-height: 10; }
    #cm-orders { height: 1fr; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("committee")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("committee"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.digits = "arabic"
        self.rows: dict[int, Order] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("cm_title"), classes="screen-title")
        yield Static("", id="cm-current", markup=False)
        yield DataTable(id="cm-orders", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        self.cols = fit_columns(
            self.table,
            COLUMNS,
            lambda k: self.t(f"cm_col_{k}"),
            self.app.size.width,
            "subject",
            12,
            ("no", "term", "members", "status", "date"),
        )
        self.reload()
        self.table.focus()
        self.run_then()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def table(self) -> DataTable:
        return self.query_one("#cm-orders", DataTable)

    def _d(self, iso: str) -> str:
        return format_date(iso, "abbr", self.digits) if iso else "-"

    def _cells(self, o: Order) -> list[Text]:
        style = {"draft": "italic", "superseded": "dim", "revoked": "dim strike"}.get(o.status, "")
        ref = apply_digits(o.ref if o.number else pick(m.ORDER_STATUSES[m.DRAFT], self.lang), self.digits)
        values = [
            ref,
            self._d(o.order_date),
            o.subject,
            pick(m.ORDER_STATUSES[o.status], self.lang),
            f"{self._d(o.term_start)} – {self._d(o.term_end)}",
            apply_digits(str(len(o.members)), self.digits),
        ]
        return [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        table = self.table
        table.clear()
        self.rows = {o.id: o for o in svc.list_orders(self.ctx)}
        for o in self.rows.values():
            table.add_row(*kept(self._cells(o), self.cols), key=str(o.id))
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_current()

    def show_current(self) -> None:
        order = svc.in_force(self.ctx)
        if order is None:
            today = date.today().isoformat()
            coming = sorted(
                (o for o in self.rows.values() if o.status == "issued" and (o.term_start or "") > today),
                key=lambda o: o.term_start,
            )
            if coming:  # issued, its term not begun: say so rather than "no committee, draft one"
                o = coming[0]
                days = (date.fromisoformat(o.term_start) - date.today()).days
                text = self.t("cm_starts", ref=o.ref, start=self._d(o.term_start), days=days)
                self.query_one("#cm-current", Static).update(apply_digits(text, self.digits))
                return
            self.query_one("#cm-current", Static).update(self.t("cm_none"))
            return
        end = svc._span(order, self.rows)[1] if order.id in self.rows else order.end()
        left = (end - date.today()).days
        lines = [
            self.t(
                "cm_in_force", ref=order.ref, start=self._d(order.term_start), end=self._d(end.isoformat()), left=left
            )
            + (self.t("cm_ending") if left <= 30 else "")
        ]
        lines += [f"  {x.role}: {x.name}" + (f" ({x.position})" if x.position else "") for x in order.members]
        self.query_one("#cm-current", Static).update(apply_digits("\n".join(lines), self.digits))

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    def selected(self) -> Order | None:
        oid = self.selected_id()
        if oid is None:
            self.notify(self.t("no_selection"), severity="warning")
            return None
        return svc.get_order(self.ctx, oid)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new(self) -> None:
        self.app.push_screen(OrderFormModal(svc.new_order(self.ctx)), self._saved)

    def _saved(self, order: Order | None) -> None:
        if order is not None:
            self.reload(select_id=order.id)
            self.notify(self.t("cm_saved"))

    def action_edit(self) -> None:
        order = self.selected()
        if order is not None:
            read_only = order.status != m.DRAFT or not can(self.ctx, "orders.write")
            self.app.push_screen(OrderFormModal(order, read_only=read_only), self._saved)

    def _draft(self) -> Order | None:
        order = self.selected()
        if order is not None and order.status != m.DRAFT:
            self.notify(self.t("cm_only_drafts"), severity="warning")
            return None
        return order

    def action_issue(self) -> None:
        order = self._draft()
        if order is None:
            return

        def done(issued: Order | None) -> None:
            if issued is not None:
                self.reload(select_id=issued.id)
                self.notify(self.t("cm_issued", ref=apply_digits(issued.ref, self.digits)))

        self.app.push_screen(IssueModal(order), done)

    def action_supersede(self) -> None:
        order = self.selected()
        if order is None:
            return
        draft = svc.successor(self.ctx, order.id)
        self.reload(select_id=draft.id)
        self.notify(self.t("cm_successor", ref=order.ref))
        self.app.push_screen(OrderFormModal(draft), self._saved)

    def action_revoke(self) -> None:
        order = self.selected()
        if order is None:
            return
        if order.status != m.ISSUED:
            raise UserError("ยกเลิกได้เฉพาะคำสั่งที่ใช้อยู่", "Only an order in use can be revoked")

        def done(revoked: Order | None) -> None:
            if revoked is not None:
                self.reload(select_id=revoked.id)
                self.notify(self.t("cm_revoked", ref=revoked.ref))

        self.app.push_screen(RevokeModal(order), done)

    def action_delete(self) -> None:
        order = self._draft()
        if order is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                svc.delete_draft(self.ctx, order.id)
                self.reload()
                self.notify(self.t("cm_deleted"))

        self.app.push_screen(ConfirmModal(self.t("cm_delete_confirm", ref=order.ref)), done)

    def action_template(self) -> None:
        def done(value: dict | None) -> None:
            if value is not None:
                self.notify(self.t("cm_template_saved"))

        self.app.push_screen(TemplateModal(("preamble", "duties"), "cm_template_title"), done)

    def action_consultations(self) -> None:
        if not can(self.ctx, "consultations.read"):
            self.notify(self.t("cm_no_consult"), severity="warning")
            return
        self.app.action_open_register("consultations")

    def action_export(self) -> None:
        self._ask_pdf("order")

    def action_signoff(self) -> None:
        self._ask_pdf("order-signoff")

    def _ask_pdf(self, kind: str) -> None:
        order = self.selected()
        if order is None:
            return
        default = str(documents.default_path(self.ctx, kind, id=order.id))

        def done(text: str | None) -> None:
            if text:
                from ethics_tui.service.input_files import normalize_path

                self._export(order.id, normalize_path(text), kind)

        self.app.push_screen(TextPromptModal(self.t("cm_pdf_title"), self.t("cm_pdf_path"), default, path="save"), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, order_id: int, path: Path, kind: str) -> None:
        self.app.call_from_thread(self.notify, self.t("working"), timeout=2)
        try:
            out = documents.write(self.ctx, kind, path, id=order_id)
        except UserError as exc:
            self.app.call_from_thread(self.notify, exc.message(self.lang), severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        self.app.call_from_thread(export_done, self.app, self.t("cm_pdf_done", path=full(out)), out)
