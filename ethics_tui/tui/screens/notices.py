"""ประกาศและหนังสือเวียน: the list of announcements and circulars, with their coverage.

Keys: n new announcement, c new circular, e/enter edit (draft) or tick off (published),
p publish/issue, ctrl+e print (document + sign-off sheet), k tick off, g coverage,
w per person, v new version, l add a channel, d delete a draft, x coverage report.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.errors import UserError
from ethics_tui.model.notices import CHANNELS, KIND_LABELS, STATUS_LABELS, Notice
from ethics_tui.service import documents
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service.access import require
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.screens.notices_forms import NoticeFormModal, PublishModal
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.tables import cursor_id, fit_columns, kept

COLUMNS = (("id", 4), ("kind", 12), ("number", 17), ("title", 34), ("status", 11), ("date", 12), ("cov", 12))


class NoticesScreen(GuardedScreen):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("notices")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("notices"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.digits = "arabic"
        self.rows: dict[int, Notice] = {}

    def recreate(self) -> NoticesScreen:
        return NoticesScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("nt_title"), classes="screen-title")
        yield Static("", id="nt-count", markup=False)
        yield DataTable(id="nt-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        self.cols = fit_columns(
            self.table,
            COLUMNS,
            lambda k: self.t(f"nt_col_{k}"),
            self.app.size.width,
            "title",
            16,
            ("status", "date", "cov", "number", "kind", "id"),
        )
        self.reload()
        self.table.focus()
        self.run_then()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def table(self) -> DataTable:
        return self.query_one("#nt-table", DataTable)

    def _cells(self, n: Notice, cov) -> list[Text]:
        pick = 1 if self.lang == "en" else 0
        number = apply_digits(svc.number_text(self.ctx, n), self.digits)
        cov_text = ""
        style = "dim" if n.status == "superseded" else ""
        if cov is not None:
            cov_text = apply_digits(
                f"{cov.done}/{cov.total} {int(cov.percent)}%", self.digits
            )  # floor: never 100 % early
        version = f" (v{n.version})" if n.version > 1 else ""
        values = [
            apply_digits(n.id, self.digits),
            KIND_LABELS[n.kind][pick],
            number,
            n.title + version,
            STATUS_LABELS[n.status][pick],
            apply_digits(format_date(n.dated, "abbr"), self.digits),
            cov_text,
        ]
        out = [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]
        if cov is not None and cov.done < cov.total:
            out[-1].stylize("bold yellow")
        return out

    def reload(self, select_id: int | None = None) -> None:
        table = self.table
        keep = select_id if select_id is not None else self.selected_id()
        table.clear()
        self.rows = {}
        covs = {c.notice.id: c for c in acks.coverage_all(self.ctx)}
        below = sum(c.done < c.total for c in covs.values())
        for n in svc.list_notices(self.ctx):
            cov = covs.get(n.id)
            self.rows[n.id] = n
            table.add_row(*kept(self._cells(n, cov), self.cols), key=str(n.id))
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.query_one("#nt-count", Static).update(
            apply_digits(self.t("nt_count", n=len(self.rows), m=below), self.digits)
        )

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    def _selected(self, published: bool | None = None) -> Notice | None:
        nid = self.selected_id()
        if nid is None:
            self.notify(self.t("nt_no_selection"), severity="warning")
            return None
        n = svc.get(self.ctx, nid)
        if published and not n.published:
            self.notify(self.t("nt_draft_only"), severity="warning")
            return None
        return n

    # -- actions ---------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new(self, kind: str) -> None:
        require(self.ctx, "notices.write")
        self.app.push_screen(NoticeFormModal(kind), self._saved)

    def _saved(self, n: Notice | None) -> None:
        if n is not None:
            self.reload(select_id=n.id)
            self.notify(self.t("nt_saved", title=n.title), markup=False)

    def action_edit(self) -> None:
        n = self._selected()
        if n is None:
            return
        if n.published:
            self.action_ticks()
            return
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        self.app.push_screen(NoticeFormModal(n.kind, n), self._saved)

    def action_publish(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        n = self._selected()
        if n is None:
            return
        if n.published:
            raise UserError("เอกสารนี้เผยแพร่แล้ว", "This document is already published")

        def done(saved: Notice | None) -> None:
            if saved is not None:
                self.reload(select_id=saved.id)
                self.notify(
                    self.t("nt_published", title=saved.title, n=apply_digits(saved.audience_size, self.digits)),
                    markup=False,
                )

        self.app.push_screen(PublishModal(n), done)

    def action_version(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        n = self._selected(published=True)
        if n is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                draft = svc.new_version(self.ctx, n.id)
                self.reload(select_id=draft.id)
                self.app.push_screen(NoticeFormModal(draft.kind, draft), self._saved)

        self.app.push_screen(ConfirmModal(self.t("nt_confirm_version", title=n.title), danger=False), done)

    def action_delete(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        n = self._selected()
        if n is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                svc.delete_draft(self.ctx, n.id)
                self.reload()

        self.app.push_screen(ConfirmModal(self.t("nt_confirm_delete", title=n.title)), done)

    def action_channel(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        from ethics_tui.tui.screens.notices_coverage import ChoiceModal

        n = self._selected(published=True)
        if n is None:
            return
        pick = 1 if self.lang == "en" else 0

        def done(key: str | None) -> None:
            if key:
                svc.add_channel(self.ctx, n.id, key)
                self.notify(self.t("nt_saved", title=n.title), markup=False)

        options = [(v[pick], k) for k, v in CHANNELS.items()]
        self.app.push_screen(ChoiceModal(self.t("nt_channel_title"), options), done)

    def action_ticks(self) -> None:
        from ethics_tui.tui.screens.notices_ticks import TickOffScreen

        n = self._selected(published=True)
        if n is not None:
            self.app.push_screen(TickOffScreen(n.id))

    def action_coverage(self) -> None:
        from ethics_tui.tui.screens.notices_coverage import CoverageScreen

        n = self._selected(published=True)
        if n is not None:
            self.app.push_screen(CoverageScreen(n.id))

    def action_person(self) -> None:
        from ethics_tui.tui.screens.notices_coverage import PersonCoverageScreen

        self.app.push_screen(PersonCoverageScreen())

    def action_print(self) -> None:
        n = self._selected()
        if n is not None:
            self.export(n.id, "document")

    def action_report(self) -> None:
        self.export(self.selected_id(), "report")

    @work(thread=True, exclusive=True, exit_on_error=False, group="notices-pdf")
    def export(self, notice_id: int | None, what: str) -> None:
        export_pdfs(self, notice_id, what)


def export_pdfs(screen, notice_id: int | None, what: str) -> None:
    """Worker body shared by the screens: write the PDFs, then notify with their paths."""
    app = screen.app
    ctx = screen.ctx
    try:
        paths: list[Path] = []
        if what == "report":
            paths.append(documents.write(ctx, "notices-coverage", id=notice_id))
        else:
            n = svc.get(ctx, notice_id)
            paths.append(documents.write(ctx, n.kind, id=n.id))  # "announcement" / "circular"
            if n.published and acks.coverage(ctx, n.id).pending:
                paths.append(documents.write(ctx, "signoff", id=n.id))
    except UserError as exc:
        app.call_from_thread(screen.notify, exc.message(screen.lang), severity="error", markup=False)
        return
    except OSError as exc:
        app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
        return
    from ethics_tui.tui.export_notice import export_done, full

    msg = screen.t("nt_exported", paths=", ".join(str(full(p)) for p in paths))
    app.call_from_thread(export_done, app, msg, paths)
