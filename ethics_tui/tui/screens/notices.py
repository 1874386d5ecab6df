"""ประกาศและหนังสือเวียน: the list of announcements and circulars, with their coverage.

Keys: n new announcement, c new circular, e/enter edit (draft) or tick off (published),
p publish/issue, ctrl+e print (document + sign-off sheet), k tick off, g coverage,
w per person, v new version, l add a channel, d delete a draft, x coverage report.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.errors import UserError
from ethics_tui.model.notices import CHANNELS, KIND_LABELS, STATUS_LABELS, Notice
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service.access import require
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.notices_forms import NoticeFormModal, PublishModal
from ethics_tui.tui.widgets.confirm import ask_then
from ethics_tui.tui.widgets.export import export_documents
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells
from ethics_tui.tui.widgets.saving import confirm_write, run_write

COLUMNS = (("id", 4), ("kind", 12), ("number", 17), ("title", 34), ("status", 11), ("date", 12), ("cov", 12))


class NoticesScreen(
    ListScreen,
    table_id="nt-table",
    columns=COLUMNS,
    flex="title",
    min_flex=16,
    priority=("status", "date", "cov", "number", "kind", "id"),
    column_label="nt_col_{}",
    title_key="nt_title",
    no_selection="nt_no_selection",
):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("notices")

    def compose_top(self) -> ComposeResult:
        yield Static("", id="nt-count", markup=False)

    def records(self):
        self.covs = {c.notice.id: c for c in acks.coverage_all(self.ctx)}
        return svc.list_notices(self.ctx)

    def row_cells(self, n: Notice) -> list[Text]:
        cov = self.covs.get(n.id)
        number = self.d(svc.number_text(self.ctx, n))
        cov_text = ""
        if cov is not None:
            cov_text = self.d(f"{cov.done}/{cov.total} {int(cov.percent)}%")  # floor: never 100 % early
        version = f" (v{n.version})" if n.version > 1 else ""
        values = [
            str(n.id),  # an identifier (the CLI's --id): Arabic digits whatever the office's digits
            self.pick(KIND_LABELS[n.kind]),
            number,
            n.title + version,
            self.pick(STATUS_LABELS[n.status]),
            self.d(format_date(n.dated, "abbr", lang=self.lang)),
            cov_text,
        ]
        out = cells(values, "dim" if n.status == "superseded" else "")
        if cov is not None and cov.done < cov.total:
            out[-1].stylize("bold yellow")
        return out

    def after_reload(self) -> None:
        below = sum(c.done < c.total for c in self.covs.values())
        self.query_one("#nt-count", Static).update(self.d(self.t("nt_count", n=len(self.rows), m=below)))

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
                self.notify(self.t("nt_published", title=saved.title, n=self.d(saved.audience_size)), markup=False)

        self.app.push_screen(PublishModal(n), done)

    def action_version(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        n = self._selected(published=True)
        if n is None:
            return

        draft = svc.version_draft(self.ctx, n.id)  # stored only when the form is saved

        question = self.t("nt_confirm_version", title=n.title)
        ask_then(
            self, question, lambda: self.app.push_screen(NoticeFormModal(draft.kind, draft), self._saved), danger=False
        )

    def action_delete(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        n = self._selected()
        if n is None:
            return

        question = self.t("nt_confirm_delete", title=n.title)
        confirm_write(self, question, lambda: svc.delete_draft(self.ctx, n.id), lambda _r: self.reload())

    def action_channel(self) -> None:
        require(self.ctx, "notices.write")  # refused before a form opens, not at save
        from ethics_tui.tui.widgets.dialogs import ChoiceModal

        n = self._selected(published=True)
        if n is None:
            return

        def done(key: str | None) -> None:
            if key:
                run_write(
                    self,
                    lambda: svc.add_channel(self.ctx, n.id, key),
                    lambda _r: self.notify(self.t("nt_saved", title=n.title), markup=False),
                )

        options = [(self.pick(v), k) for k, v in CHANNELS.items()]
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

    def export(self, notice_id: int | None, what: str) -> None:
        export_pdfs(self, notice_id, what)


def export_pdfs(screen, notice_id: int | None, what: str) -> None:
    """Write the notice's PDFs (or the coverage report) in the export worker; notify the paths.
    Their names are fixed (per notice): a file already there is replaced only if the user says so."""
    ctx = screen.ctx
    if what == "report":
        docs = [("notices-coverage", {"id": notice_id})]
    else:
        n = svc.get(ctx, notice_id)
        docs = [(n.kind, {"id": n.id})]  # "announcement" / "circular"
        if n.published and acks.coverage(ctx, n.id).pending:
            docs.append(("signoff", {"id": n.id}))
    export_documents(screen, docs, "nt_exported", group="notices-pdf")
