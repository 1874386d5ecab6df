"""บัญชีบุคลากร: self-service accounts for the staff register (hr / admin).

``n`` gives every active staff member without an account one, with a one-time code; ``r`` a
new code for the highlighted person (a lost slip). Each time a PDF of slips is written to the
exports folder (and offered as a download in a browser session): the codes are in no other file.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_accounts as svc
from ethics_tui.tui.i18n import register_labels
from ethics_tui.tui.registers import Register
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells

register_labels({
    "sa_title": ("บัญชีบุคลากรสำหรับรับทราบเอกสารด้วยตนเอง", "Staff self-service accounts"),
    "sa_count": ("มีบัญชีแล้ว {n} คน จาก {m} คน", "{n} of {m} staff have an account"),
    "sa_col_code": ("รหัส", "code"), "sa_col_name": ("ชื่อ-สกุล", "name"), "sa_col_user": ("ชื่อผู้ใช้", "username"),
    "sa_col_state": ("สถานะ", "status"),
    "sa_none": ("ยังไม่มีบัญชี", "no account"), "sa_first": ("รอเข้าใช้ครั้งแรก", "first sign-in pending"),
    "sa_active": ("ใช้งานแล้ว", "in use"), "sa_disabled": ("ระงับ", "disabled"),
    "sa_new": ("สร้างบัญชีทุกคน", "accounts for all"), "sa_reissue": ("รหัสใหม่", "new code"),
    "sa_new_confirm": ("สร้างบัญชีให้บุคลากรที่ยังไม่มีบัญชีทุกคน และพิมพ์ใบแจ้งรหัสใช้ครั้งเดียว?",
                       "Make an account for every staff member without one, and print the one-time code slips?"),
    "sa_reissue_confirm": ("ออกรหัสใช้ครั้งเดียวใหม่ให้ {name}? รหัสผ่านเดิมจะใช้ไม่ได้",
                           "Issue a new one-time code to {name}? The current password stops working"),
    "sa_done": ("สร้าง/ออกรหัส {n} บัญชี ใบแจ้งรหัส: {path}", "{n} accounts/codes; slips: {path}"),
    "sa_nothing": ("ทุกคนมีบัญชีแล้ว", "Everyone already has an account"),
})


class StaffAccountsScreen(ListScreen, table_id="sa-table",
                          columns=(("code", 8), ("name", 32), ("user", 12), ("state", 18)), column_label="sa_col_{}",
                          title_key="sa_title", enter_action=""):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "create", "sa_new"),
        Binding("r", "reissue", "sa_reissue"),
        Binding("escape", "app.pop_screen", "back"),
    ]
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {"create": "staff_accounts.manage", "reissue": "staff_accounts.manage"}

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
        self.query_one("#sa-count", Static).update(self.t("sa_count", n=have, m=len(self.rows)))

    def action_create(self) -> None:
        self.app.push_screen(ConfirmModal(self.t("sa_new_confirm"), danger=False),
                             lambda yes: self._make(None) if yes else None)

    def action_reissue(self) -> None:
        row = self.selected()
        if row is None:
            return
        sid = row.staff.id
        self.app.push_screen(ConfirmModal(self.t("sa_reissue_confirm", name=row.staff.full_name)),
                             lambda yes: self._make([sid]) if yes else None)

    def _make(self, staff_ids: list[int] | None) -> None:
        from ethics_tui.service.exports import export_path

        def job(progress):
            slips = svc.create_accounts(self.ctx, staff_ids, reissue=staff_ids is not None)
            if not slips:
                self.app.call_from_thread(self.notify, self.t("sa_nothing"), markup=False)
                return None
            self.made = len(slips)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            return svc.export_slips(self.ctx, slips, export_path(self.ctx.store.dir, f"staff-slips-{stamp}.pdf"))

        run_export(self, job, lambda paths: self.t("sa_done", n=self.made, path=paths[0]), group="staff-accounts",
                   timeout=15, after=self._done)

    def _done(self, paths) -> None:
        self.reload()
        path = paths[0]
        if self.app.is_web:  # a browser session: hand the PDF to the browser too
            self.app.deliver_binary(path, save_filename=path.name, open_method="download")


REGISTER = Register(
    key="staff_accounts",
    label_th="บัญชีบุคลากร (รับทราบด้วยตนเอง)",
    label_en="Staff self-service accounts",
    screen=StaffAccountsScreen,
    permission="staff_accounts.manage",
    hotkey="y",
    order=850,
    commands=(("บัญชีบุคลากร: สร้างบัญชีและพิมพ์ใบแจ้งรหัส", "Staff accounts: make accounts and print code slips", "create"),),
)
