"""The ethics advisory committee: who sits today, the appointment orders, and their PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.errors import UserError
from ethics_tui.model import committee as m
from ethics_tui.model.committee import Order
from ethics_tui.model.labels import label
from ethics_tui.service import committee as svc
from ethics_tui.service import documents
from ethics_tui.service.access import can
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.committee_dialogs import IssueModal, RevokeModal, TemplateModal
from ethics_tui.tui.screens.committee_form import OrderFormModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.record_table import cells
from ethics_tui.tui.widgets.saving import confirm_write

COLUMNS = (("no", 10), ("date", 13), ("subject", 36), ("status", 12), ("term", 27), ("members", 7))


class CommitteeScreen(
    ListScreen,
    table_id="cm-orders",
    columns=COLUMNS,
    flex="subject",
    min_flex=10,
    priority=("no", "status", "term", "members", "date"),  # a replaced order must not look live
    column_label="cm_col_{}",
    title_key="cm_title",
):
    """คณะที่ปรึกษาจริยธรรม: the committee in force and the orders, newest first."""

    DEFAULT_CSS = """
    #cm-current { padding: 0 2; height: auto; max-height: 10; }
    CommitteeScreen.-short #cm-current { max-height: 5; }
    #cm-orders { height: 1fr; }
    """
    #: 80x24: the orders keep room under the committee in force (again after a resize)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("committee")

    def compose_top(self) -> ComposeResult:
        yield Static("", id="cm-current", markup=False)

    def records(self):
        return svc.list_orders(self.ctx)

    def row_cells(self, o: Order) -> list[Text]:
        style = {"draft": "italic", "superseded": "dim", "revoked": "dim strike"}.get(o.status, "")
        ref = self.d(o.ref if o.number else pick(m.ORDER_STATUSES[m.DRAFT], self.lang))
        values = [
            ref,
            self.date(o.order_date),
            o.subject,
            pick(m.ORDER_STATUSES[o.status], self.lang),
            f"{self.date(o.term_start)} – {self.date(o.term_end)}",
            self.d(len(o.members)),
        ]
        return cells(values, style)

    def after_reload(self) -> None:
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
                text = self.t("cm_starts", ref=o.ref, start=self.date(o.term_start), days=days)
                self.query_one("#cm-current", Static).update(apply_digits(text, self.digits))
                return
            self.query_one("#cm-current", Static).update(self.hint_text("cm_none", "cm_none_read", "new"))
            return
        end = svc._span(order, self.rows)[1] if order.id in self.rows else order.end()
        left = (end - date.today()).days
        lines = [
            self.t(
                "cm_in_force",
                ref=order.ref,
                start=self.date(order.term_start),
                end=self.date(end.isoformat()),
                left=left,
            )
            + (self.t("cm_ending") if left <= 30 else "")
        ]
        lines += [
            f"  {label(m.ROLE_LABELS, x.role, self.lang)}: {x.name}" + (f" ({x.position})" if x.position else "")
            for x in order.members
        ]
        self.query_one("#cm-current", Static).update(apply_digits("\n".join(lines), self.digits))

    def selected(self) -> Order | None:
        order = super().selected()
        return None if order is None else svc.get_order(self.ctx, order.id)

    # -- actions ---------------------------------------------------------------------------
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
        ref = apply_digits(order.ref, self.digits)
        draft = svc.successor_draft(self.ctx, order.id)  # stored only when the form is saved

        def done(saved: Order | None) -> None:
            if saved is not None:
                self.reload(select_id=saved.id)
                self.notify(self.t("cm_successor" if saved.supersedes == order.id else "cm_saved", ref=ref))

        self.app.push_screen(OrderFormModal(draft, title=self.t("cm_successor_title", ref=ref)), done)

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

        confirm_write(
            self,
            self.t("cm_delete_confirm", ref=order.ref),
            lambda: svc.delete_draft(self.ctx, order.id),
            lambda _r: (self.reload(), self.notify(self.t("cm_deleted"))),
        )

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

    def _export(self, order_id: int, path: Path, kind: str) -> None:
        run_export(
            self, lambda progress: documents.write(self.ctx, kind, path, id=order_id), "cm_pdf_done", announce=True
        )
