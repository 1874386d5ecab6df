"""บัญชีบุคลากร: self-service accounts for the staff register (hr / admin).

``n`` gives every active staff member without an account one, with a one-time code; ``r`` a
new code for the highlighted person (a lost slip). Each time a PDF of slips is written to the
exports folder (and offered as a download in a browser session): the codes are in no other file.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_accounts as svc
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells


class StaffAccountsScreen(
    ListScreen,
    table_id="sa-table",
    columns=(("code", 8), ("name", 32), ("user", 12), ("state", 18)),
    column_label="sa_col_{}",
    title_key="sa_title",
    enter_action="",
):
    BINDINGS, ACTION_PERMISSIONS = spec_keys("staff_accounts", back="app.pop_screen")

    def compose_top(self) -> ComposeResult:
        yield Static("", id="sa-count", markup=False)

    def records(self):
        self.accounts = svc.accounts(self.ctx)
        return staff_svc.search(self.ctx)

    def record_id(self, row) -> int:
        return row.staff.id

    def row_cells(self, row) -> list:
        s, user = row.staff, self.accounts.get(row.staff.id)
        if user is None:
            state, style, name = self.t("sa_none"), "dim", ""
        elif not user.active:
            state, style, name = self.t("sa_disabled"), "dim strike", user.username
        else:
            state, style, name = self.t("sa_first" if user.must_change else "sa_active"), "", user.username
        return cells((s.code, s.full_name, name, state), style)

    def after_reload(self) -> None:
        have = sum(1 for sid in self.rows if sid in self.accounts)
        self.query_one("#sa-count", Static).update(self.t("sa_count", n=self.d(have), m=self.d(len(self.rows))))

    def action_create(self) -> None:
        """Asks naming how many accounts it makes and where the slips go."""
        from ethics_tui.service.exports import export_folder

        n = sum(1 for sid in self.rows if sid not in self.accounts)
        if not n:
            self.notify(self.t("sa_nothing"), markup=False)
            return
        question = self.t("sa_new_confirm", n=self.d(n), folder=export_folder(self.ctx))
        self.app.push_screen(ConfirmModal(question, danger=False), lambda yes: self._make(None) if yes else None)

    def action_reissue(self) -> None:
        row = self.selected()
        if row is None:
            return
        sid = row.staff.id
        self.app.push_screen(
            ConfirmModal(self.t("sa_reissue_confirm", name=row.staff.full_name)),
            lambda yes: self._make([sid]) if yes else None,
        )

    def _make(self, staff_ids: list[int] | None) -> None:
        def job(progress):
            slips = svc.create_accounts(self.ctx, staff_ids, reissue=staff_ids is not None)
            if not slips:
                self.app.call_from_thread(self.notify, self.t("sa_nothing"), markup=False)
                return None
            self.made = len(slips)
            return svc.export_slips(self.ctx, slips)  # a new name each time (service.staff_accounts.slips_file)

        run_export(
            self,
            job,
            lambda paths: self.t("sa_done", n=self.made, path=paths[0]),
            group="staff-accounts",
            timeout=15,
            after=self._done,
        )

    def _done(self, paths) -> None:
        self.reload()
        path = paths[0]
        if self.app.is_web:  # a browser session: hand the PDF to the browser too
            self.app.deliver_binary(path, save_filename=path.name, open_method="download")
