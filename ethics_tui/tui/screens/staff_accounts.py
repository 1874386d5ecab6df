"""บัญชีบุคลากร: self-service accounts for the staff register (hr / admin).

``n`` gives every active staff member without an account one, with a one-time code; ``r`` a
new code for the highlighted person (a lost slip). Each time a PDF of slips is written to the
exports folder (and offered as a download in a browser session): the codes are in no other file.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_accounts as svc
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.tables import cursor_id


class StaffAccountsScreen(GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("staff_accounts"),
        Binding("escape", "app.pop_screen", "back"),
    ]
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("staff_accounts")

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.names: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("sa_title"), classes="screen-title")
        yield Static("", id="sa-count", markup=False)
        yield DataTable(id="sa-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        for key, width in (("code", 8), ("name", 32), ("user", 12), ("state", 18)):
            self.table.add_column(self.t(f"sa_col_{key}"), key=key, width=width)
        self.reload()
        self.table.focus()
        self.run_then()

    @property
    def table(self) -> DataTable:
        return self.query_one("#sa-table", DataTable)

    def reload(self) -> None:
        keep = cursor_id(self.table)
        accounts = svc.accounts(self.ctx)
        table = self.table
        table.clear()
        rows = staff_svc.search(self.ctx)
        self.names = {}
        for r in rows:
            s, user = r.staff, accounts.get(r.staff.id)
            self.names[s.id] = s.full_name
            if user is None:
                state, style, name = self.t("sa_none"), "dim", ""
            elif not user.active:
                state, style, name = self.t("sa_disabled"), "dim strike", user.username
            else:
                state, style, name = self.t("sa_first" if user.must_change else "sa_active"), "", user.username
            table.add_row(
                *(Text(v, style=style, no_wrap=True, overflow="ellipsis") for v in (s.code, s.full_name, name, state)),
                key=str(s.id),
            )
        if keep is not None and str(keep) in {str(k) for k in self.names}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        have = sum(1 for r in rows if r.staff.id in accounts)
        self.query_one("#sa-count", Static).update(self.t("sa_count", n=have, m=len(rows)))

    def action_create(self) -> None:
        self.app.push_screen(
            ConfirmModal(self.t("sa_new_confirm"), danger=False), lambda yes: self._make(None) if yes else None
        )

    def action_reissue(self) -> None:
        sid = cursor_id(self.table)
        if sid is None:
            return
        self.app.push_screen(
            ConfirmModal(self.t("sa_reissue_confirm", name=self.names.get(sid, sid))),
            lambda yes: self._make([sid]) if yes else None,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="staff-accounts")
    def _make(self, staff_ids: list[int] | None) -> None:
        from ethics_tui.service.exports import export_folder

        slips = svc.create_accounts(self.ctx, staff_ids, reissue=staff_ids is not None)
        if not slips:
            self.app.call_from_thread(self.notify, self.t("sa_nothing"), markup=False)
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = svc.export_slips(self.ctx, slips, export_folder(self.ctx) / f"staff-slips-{stamp}.pdf")
        self.app.call_from_thread(self._done, len(slips), path)

    def _done(self, n: int, path) -> None:
        self.reload()
        from ethics_tui.tui.export_notice import export_done, full

        export_done(self.app, self.t("sa_done", n=n, path=full(path)), path, timeout=15)
        if self.app.is_web:  # a browser session: hand the PDF to the browser too
            self.app.deliver_binary(path, save_filename=path.name, open_method="download")
