"""เอกสารที่ต้องรับทราบ: the only screen of a staff self-service account.

The documents addressed to the signed-in staff member (pending first); the highlighted one's
text and enclosure names below; ``a`` acknowledges it after a yes/no in the person's own name.
The screen keeps the hash of the version it shows and the service records exactly that.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.model.notices import KIND_LABELS, Notice
from ethics_tui.service import notices_self
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.tables import cursor_id


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


class MyDocumentsScreen(GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "acknowledge", "my_ack"),
        Binding("f", "files", "my_files"),
        Binding("f5", "refresh", "my_refresh"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.docs: dict[int, notices_self.MyDocument] = {}
        self.shown: tuple[int, str] | None = None  # (notice id, hash of the version shown)
        self.digits = "arabic"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("my_title"), classes="screen-title")
        yield Static("", id="my-count", markup=False)
        yield DataTable(id="my-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="my-text-box"):
            yield Static("", id="my-text", markup=False)
        yield Static(self.t("my_hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        table = self.table
        table.styles.height = 8
        self.query_one("#my-text-box").styles.height = "1fr"
        self.query_one("#my-text").styles.width = "100%"
        for key, width in (("kind", 12), ("title", 36), ("state", 22)):
            table.add_column(self.t(f"my_col_{key}"), key=key, width=width)
        self.reload()
        table.focus()

    @property
    def table(self) -> DataTable:
        return self.query_one("#my-table", DataTable)

    def _state(self, d: notices_self.MyDocument) -> Text:
        if d.done:
            when = apply_digits(format_date(d.date, "abbr"), self.digits)
            return Text(self.t("my_done", date=when), style="green", no_wrap=True, overflow="ellipsis")
        return Text(self.t("my_pending"), style="bold yellow", no_wrap=True)

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else cursor_id(self.table)
        docs = notices_self.my_documents(self.ctx)
        table = self.table
        table.clear()
        self.docs = {d.id: d for d in docs}
        pick = 1 if self.lang == "en" else 0
        for d in docs:
            title = d.notice.title + (f" (v{d.notice.version})" if d.notice.version > 1 else "")
            table.add_row(
                Text(KIND_LABELS[d.notice.kind][pick], no_wrap=True),
                Text(title, no_wrap=True, overflow="ellipsis"),
                self._state(d),
                key=str(d.id),
            )
        if keep in self.docs:
            table.move_cursor(row=table.get_row_index(str(keep)))
        pending = sum(not d.done for d in docs)
        count = self.t("my_count", n=pending, m=len(docs)) if docs else self.t("my_none")
        self.query_one("#my-count", Static).update(apply_digits(count, self.digits))
        self._show(cursor_id(table))

    def _show(self, notice_id: int | None) -> None:
        box = self.query_one("#my-text", Static)
        d = self.docs.get(notice_id) if notice_id is not None else None
        if d is None:
            self.shown = None
            box.update("")
            return
        self.shown = (d.id, notices_self.document_hash(d.notice))
        box.update(apply_digits(document_text(self.ctx, d.notice), self.digits))

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

        def answered(yes: bool | None) -> None:
            if yes:
                notices_self.acknowledge(self.ctx, notice_id, digest)
                self.reload(select=notice_id)
                self.notify(self.t("my_acked"), markup=False)

        self.app.push_screen(ConfirmModal(question, danger=False), answered)
