"""เอกสารที่ต้องรับทราบ: the only screen of a staff self-service account.

The documents addressed to the signed-in staff member (pending first); the highlighted one's
text and enclosure names below; ``a`` acknowledges it after a yes/no in the person's own name.
The screen keeps the hash of the version it shows and the service records exactly that.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from ethics_tui.model.notices import KIND_LABELS, Notice
from ethics_tui.service import notices_self
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cell
from ethics_tui.tui.widgets.saving import confirm_write


def document_text(ctx, n: Notice) -> str:
    """The document as plain text: number, subject, recipients, body or items, enclosures."""
    from ethics_tui.service.notices import number_text

    lines = [number_text(ctx, n), f"เรื่อง {n.title}"]
    if n.to:
        lines.append(f"เรียน {n.to}")
    lines += [f"อ้างถึง {r}" for r in n.references]
    for block in (n.intro, n.body):
        if block.strip():
            lines += ["", block.strip()]
    for heading, items in (("สิ่งที่ควรปฏิบัติ", n.dos), ("สิ่งที่ไม่ควรปฏิบัติ", n.donts)):
        if items:
            lines += ["", heading]
            lines += [
                f"  {i}. {x['text']}" + (f" ({x['note']})" if x.get("note") else "") for i, x in enumerate(items, 1)
            ]
    if n.enclosures:
        lines += ["", "สิ่งที่ส่งมาด้วย"]
        lines += [
            f"  {i}. {e.get('title', '')}" + (f" [{e['name']}]" if e.get("name") else "")
            for i, e in enumerate(n.enclosures, 1)
        ]
    if n.dated:
        lines += ["", format_date(n.dated, "full")]
    return "\n".join(x for x in lines if x is not None).strip()


class MyDocumentsScreen(
    ListScreen,
    table_id="my-table",
    columns=(("kind", 12), ("title", 36), ("state", 22)),
    flex="title",
    min_flex=16,
    priority=("state", "kind"),
    column_label="my_col_{}",
    title_key="my_title",
    enter_action="",
):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "acknowledge", "my_ack"),
        Binding("f", "files", "my_files"),
        Binding("f5", "refresh", "my_refresh"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self.shown: tuple[int, str] | None = None  # (notice id, hash of the version shown)

    @property
    def docs(self) -> dict[int, notices_self.MyDocument]:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static("", id="my-count", markup=False)

    def compose_bottom(self) -> ComposeResult:
        with VerticalScroll(id="my-text-box"):
            yield Static("", id="my-text", markup=False)
        yield Static(self.t("my_hint"), classes="hint")

    def prepare(self) -> None:
        self.table.styles.height = 8
        self.query_one("#my-text-box").styles.height = "1fr"
        self.query_one("#my-text").styles.width = "100%"

    def records(self):
        return notices_self.my_documents(self.ctx)

    def row_cells(self, d: notices_self.MyDocument) -> list:
        title = d.notice.title + (f" (v{d.notice.version})" if d.notice.version > 1 else "")
        if d.done:
            state = cell(self.t("my_done", date=self.date(d.date)), "green")
        else:
            state = cell(self.t("my_pending"), "bold yellow")
        return [self.pick(KIND_LABELS[d.notice.kind]), title, state]

    def after_reload(self) -> None:
        pending = sum(not d.done for d in self.docs.values())
        count = self.t("my_count", n=pending, m=len(self.docs)) if self.docs else self.t("my_none")
        self.query_one("#my-count", Static).update(self.d(count))
        self._show(self.selected_id())

    def _show(self, notice_id: int | None) -> None:
        box = self.query_one("#my-text", Static)
        d = self.docs.get(notice_id) if notice_id is not None else None
        if d is None:
            self.shown = None
            box.update("")
            return
        self.shown = (d.id, notices_self.document_hash(d.notice))
        box.update(self.d(document_text(self.ctx, d.notice)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None:
            self._show(int(event.row_key.value))

    def action_files(self) -> None:
        """The stored enclosure files of the document shown (checked against their SHA-256):
        opened in the browser in a served session, their paths in the terminal."""
        from ethics_tui.service.notices import enclosure_path

        d = self.docs.get(self.shown[0]) if self.shown else None
        files = [e for e in (d.notice.enclosures if d else []) if e.get("file")]
        if not files:
            self.notify(self.t("my_no_files"), markup=False)
            return
        for e in files:
            path = enclosure_path(self.ctx, e)
            name = e.get("name") or e.get("title", "")
            if path is None:
                self.notify(self.t("my_file_damaged", name=name), severity="error", markup=False)
            elif self.app.is_web:
                self.app.deliver_binary(path, save_filename=name or path.name, open_method="browser")
            else:
                self.notify(self.t("my_file_at", path=path), timeout=15, markup=False)

    def action_refresh(self) -> None:
        self.reload()

    def action_acknowledge(self) -> None:
        if self.shown is None:
            self.notify(self.t("my_none"), severity="warning", markup=False)
            return
        notice_id, digest = self.shown
        d = self.docs[notice_id]
        if d.done:
            self.notify(self.t("my_already"), markup=False)
            return
        user = self.ctx.user
        question = self.t("my_confirm", name=user.display_name or user.username, title=d.notice.title)

        confirm_write(
            self,
            question,
            lambda: notices_self.acknowledge(self.ctx, notice_id, digest),
            lambda _r: (self.reload(select_id=notice_id), self.notify(self.t("my_acked"), markup=False)),
            danger=False,
        )
