"""One round's results: the fast score-entry table, notification, signed acknowledgement,
refusal with a witness, reopen with a reason, grievances, import and the notices PDF.

Entry by keyboard: enter on a row, type the results score, enter, the competency score,
enter: it is saved, the row updates in place and the next open row is ready for typing.
The save goes through the screen's ordered write queue (widgets/write_queue.py): a bad score is
refused at once at its field; a good one shows in the row at once (marked "⋯" until stored)
while the next row is typed, also when another PC holds the database. A save that fails puts
its row, and every row saved after it, back to what is stored, with a Thai message.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model import appraisal as m
from ethics_tui.registers.spec import Action
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_io, appraisal_review
from ethics_tui.service.access import can
from ethics_tui.thai.dates import format_date, parse_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.i18n import TEXT, pick
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.appraisal import late_line, round_label
from ethics_tui.tui.widgets.confirm import ask_then
from ethics_tui.tui.widgets.export import export_documents
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.record_table import cells
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.write_queue import write_queue

COLUMNS = (
    ("code", 6),
    ("name", 24),
    ("division", 14),
    ("results", 7),
    ("competency", 7),
    ("total", 7),
    ("level", 12),
    ("stage", 16),
    ("clock", 14),
)


class AppraisalResultsScreen(
    ListScreen,
    table_id="ap-results",
    columns=COLUMNS,
    flex="name",
    min_flex=14,
    # the status (told / signed / refused) before the level: at 80 columns the level, which
    # the total already says, gives way so the officer sees who has been told or has signed
    priority=("code", "results", "competency", "total", "stage", "level", "clock", "division"),
    column_label="ap_col_{}",
    title_id="ap-res-title",
    enter_action="enter_row",
):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("s", "sign", "ap_sign", "appraisal.write"),
        Action("r", "refuse", "ap_refuse", "appraisal.write"),
        Action("o", "reopen", "ap_reopen", "appraisal.write"),
        Action("m", "notify_one", "ap_notify", "appraisal.write"),
        Action("g", "grievance", "ap_file", "appraisal.write"),
        Action("i", "import", "ap_import", "appraisal.write"),
        Action("h", "history", "ap_history", "appraisal.people"),  # after the writing keys: at 80x24 hr finds it in f1
        Action("p", "notice", "ap_notice", show=False),
        Action("ctrl+e", "export", "ap_export"),
    )

    def __init__(self, round_id: int, then: str | None = None) -> None:
        super().__init__(then)
        self.round_id = round_id
        self.rnd = svc.get_round(self.ctx, round_id)
        self.load_digits()  # the title, composed before mount, shows the round in them
        self.editing: int | None = None
        self.pending: Counter[int] = Counter()  # queued score saves per result id
        self._told = False

    def recreate(self) -> AppraisalResultsScreen:
        return AppraisalResultsScreen(self.round_id)

    def title_text(self) -> str:
        return self.t("ap_results_title", round=round_label(self.rnd, self.digits))

    def compose_top(self) -> ComposeResult:
        yield Static("", id="ap-res-late", markup=False)

    def compose_bottom(self) -> ComposeResult:
        with Horizontal(id="ap-entry"):
            yield Label("", id="ap-entry-who", markup=False)
            yield Label(self.t("ap_entry_results", w=self.d(self.rnd.weights["results"])))
            yield Input(id="in-results", compact=True, max_length=6)
            yield Label(self.t("ap_entry_competency", w=self.d(self.rnd.weights["competency"])))
            yield Input(id="in-competency", compact=True, max_length=6)
        yield Static(self.t("ap_entry_hint"), classes="hint", id="ap-entry-hint")

    def prepare(self) -> None:
        self.query_one("#ap-entry").styles.height = 1
        late = self.query_one("#ap-res-late", Static)  # the criteria announced after the round began
        warning = late_line(self, self.rnd)
        late.update(warning)
        late.display = bool(warning)
        late.styles.color, late.styles.text_style, late.styles.padding = "yellow", "bold", (0, 1)
        for box in self.query(Input):
            box.styles.width = 10
        self.query_one("#ap-entry-who").styles.width = 30
        self.table.styles.height = "1fr"
        if not can(self.ctx, "appraisal.write"):
            self.query_one("#ap-entry").display = False
            self.query_one("#ap-entry-hint").display = False

    def resumed(self) -> None:
        pass  # rows are refreshed by the actions that change them

    def after_reload(self) -> None:
        if not self._told and any(r.hidden for r in self.rows.values()):
            self._told = True
            self.notify(self.t("ap_no_scores"), markup=False)

    # -- the table -------------------------------------------------------------------------
    def records(self):
        return svc.list_results(self.ctx, self.round_id)

    def record_id(self, row: svc.ResultRow) -> int:
        return row.result.id

    def row_cells(self, row: svc.ResultRow) -> list[Text]:
        r, s, n = row.result, row.scores, self.d
        if row.hidden:
            nums = [self.t("ap_hidden")] * 3 + [self.t("ap_hidden")]
        elif s is None:
            nums = ["", "", "", ""]
        else:
            level = s.level if self.lang != "en" else m.LEVELS_EN.get(s.level, s.level)
            # not stored yet: on the total, which every width shows (the level gives way at 80)
            total = ("⋯ " if r.id in self.pending else "") + n(m.fmt(s.total))
            nums = [n(m.fmt(s.results)), n(m.fmt(s.competency)), total, level]
        stage = pick(m.STAGE_LABELS[r.stage], self.lang)
        values = [row.staff.code, row.staff.full_name, row.division, *nums, stage, self._clock(row)]
        out = cells(values, "dim" if r.locked else "")
        for i in (3, 4, 5):
            out[i].justify = "right"
        return out

    def _clock(self, row: svc.ResultRow) -> str:
        if row.grievances:
            g = row.grievances[-1]
            return pick(m.GRIEVANCE_LABELS[g.status], self.lang) + (f" ({self.t('ap_late')})" if g.late else "")
        left = row.days_left(date.today())
        if left is None or left < 0:
            return ""
        return self.t("ap_days", n=self.d(left))

    def refresh_row(self, result_id: int) -> None:
        row = svc.get_result(self.ctx, result_id)
        self.rows[result_id] = row
        self.table.update_record(result_id, self.row_cells(row))

    def _selected(self) -> svc.ResultRow | None:
        return self.selected()

    # -- fast entry ------------------------------------------------------------------------
    def action_enter_row(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.begin_entry(rid)

    def begin_entry(self, rid: int) -> None:
        if not can(self.ctx, "appraisal.write"):
            svc.set_scores(self.ctx, rid)  # raises the Thai refusal
        row = self.rows[rid]
        if row.result.locked:
            raise UserError(
                "ผลการประเมินนี้รับทราบแล้วจึงถูกล็อก — กด o เพื่อเปิดแก้ไขพร้อมเหตุผล",
                "This result is acknowledged and locked; press o to reopen it with a reason",
            )
        self.editing = rid
        s = row.scores
        self.query_one("#ap-entry-who", Label).update(f"{row.staff.code} {row.staff.full_name}")
        self.query_one("#in-results", Input).value = m.fmt(s.results) if s else ""
        self.query_one("#in-competency", Input).value = m.fmt(s.competency) if s else ""
        box = self.query_one("#in-results", Input)
        box.focus()
        box.select_all()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "in-results":
            box = self.query_one("#in-competency", Input)
            box.focus()
            box.select_all()
        elif event.input.id == "in-competency":
            self.save_entry()

    def save_entry(self) -> None:
        rid = self.editing
        if rid is None:
            return
        results = self.query_one("#in-results", Input).value
        competency = self.query_one("#in-competency", Input).value
        row = self.rows[rid]
        try:
            scores = svc.check_scores(self.rnd, results, competency)
        except ValidationError as exc:
            # name each field by its label, not its key: "ผลสัมฤทธิ์ของงาน: คะแนนต้องอยู่ระหว่าง 0 ถึง 70"
            field = next(iter(exc.errors))
            pick_i = 1 if self.lang == "en" else 0
            text = "; ".join(
                f"{m.COMPONENT_LABELS[k][pick_i]}: {v[pick_i]}" if k in m.COMPONENT_LABELS else v[pick_i]
                for k, v in exc.errors.items()
            )
            self.notify(apply_digits(text, self.digits), severity="error", markup=False)
            box = self.query_one("#in-competency" if field == "competency" else "#in-results", Input)
            box.focus()
            box.select_all()  # typing replaces the bad value
            return
        self._queue_scores(row, scores, results, competency)
        self._next_open(rid)

    def _queue_scores(self, row: svc.ResultRow, scores: m.Scores, results: str, competency: str) -> None:
        """Show ``scores`` in the row at once and queue their save (widgets/write_queue.py)."""
        ctx, rid = self.ctx, row.result.id
        self.pending[rid] += 1
        self.rows[rid] = replace(row, scores=scores)
        self.table.update_record(rid, self.row_cells(self.rows[rid]))

        def landed() -> None:
            self.pending[rid] -= 1
            if self.pending[rid] <= 0:
                del self.pending[rid]
                self.refresh_row(rid)  # what is stored (put back when the save failed)

        def stored(_result) -> None:
            landed()
            total, level = apply_digits(m.fmt(scores.total), self.digits), scores.level
            self.notify(self.t("ap_saved", name=row.staff.full_name, total=total, level=level), markup=False, timeout=3)

        work = lambda: svc.set_scores(ctx, rid, results, competency)
        write_queue(self).put(work, stored, landed, row.staff.full_name)

    def _next_open(self, rid: int) -> None:
        table = self.table
        index = table.get_row_index(str(rid))
        for i in range(index + 1, table.row_count):
            key = int(table.coordinate_to_cell_key((i, 0)).row_key.value)
            if not self.rows[key].result.locked:
                table.move_cursor(row=i)
                self.begin_entry(key)
                return
        self.end_entry()

    def end_entry(self) -> None:
        self.editing = None
        self.query_one("#ap-entry-who", Label).update("")
        for box in self.query(Input):  # no stale value left under the next person's name
            box.value = ""
        self.table.focus()

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        if self.editing is not None and self._entry_typed():
            name = self.rows[self.editing].staff.full_name
            ask_then(self, self.t("ap_entry_discard", name=name), self.end_entry)  # as a form asks
            return
        if self.editing is not None or isinstance(self.focused, Input):
            self.end_entry()
            return
        self.app.pop_screen()

    def _entry_typed(self) -> bool:
        """Whether the score boxes hold something other than the person's stored scores."""
        s = self.rows[self.editing].scores
        stored = (m.fmt(s.results) if s else "", m.fmt(s.competency) if s else "")
        typed = tuple(self.query_one(f"#{name}", Input).value.strip() for name in ("in-results", "in-competency"))
        return typed != stored

    def _refreshed(self, rid: int):
        def done(value) -> None:
            if value is not None:
                self.refresh_row(rid)
                self.notify(self.t("ap_done", name=self.rows[rid].staff.full_name), markup=False)

        return done

    def _dated_write(self, label_key: str, write) -> None:
        """Ask the date (today offered) for the selected person, then ``write(ctx, result id, day)``."""
        row = self._selected()
        if row is None:
            return
        rid = row.result.id

        def done(text: str | None) -> None:
            if text:
                day = parse_date(text)
                run_write(self, lambda: write(self.ctx, rid, day), self._refreshed(rid))

        label = self.t(label_key, name=row.staff.full_name)
        self.app.push_screen(
            TextPromptModal(self.t("ap_date_title"), label, format_date(date.today(), "numeric")), done
        )

    def action_sign(self) -> None:
        self._dated_write("ap_sign_date", appraisal_review.acknowledge)

    def action_notify_one(self) -> None:
        self._dated_write("ap_notify_date", appraisal_review.mark_notified)

    def action_refuse(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import RefusalModal

        row = self._selected()
        if row is not None:
            self.app.push_screen(RefusalModal(row), self._refreshed(row.result.id))

    def action_reopen(self) -> None:
        row = self._selected()
        if row is None:
            return
        rid = row.result.id
        modal = TextPromptModal(
            self.t("ap_reopen"),
            self.t("ap_reopen_reason"),
            on_save=lambda text: appraisal_review.reopen(self.ctx, rid, text),
        )
        self.app.push_screen(modal, self._refreshed(rid))

    def action_grievance(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import GrievanceModal

        row = self._selected()
        if row is None:
            return

        def done(g) -> None:
            self._refreshed(row.result.id)(g)
            if g is not None and g.late:
                self.notify(self.t("ap_filed_late"), severity="warning", markup=False)

        self.app.push_screen(GrievanceModal(row), done)

    def action_history(self) -> None:
        from ethics_tui.tui.screens.appraisal_history import AppraisalHistoryScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(AppraisalHistoryScreen(row.result.id))

    def action_import(self) -> None:
        def check(text: str):
            from ethics_tui.service.input_files import normalize_path

            plan = appraisal_io.import_scores(self.ctx, self.round_id, normalize_path(text))
            if plan.errors:
                lines = "\n".join(e.message(self.lang) for e in plan.errors[:12])
                raise UserError(*_pair("ap_import_failed", errors=lines))
            return plan

        def done(plan) -> None:
            if plan is not None:
                self.reload()
                self.notify(self.t("ap_import_done", n=plan.scored), markup=False)

        self.app.push_screen(
            TextPromptModal(
                self.t("ap_import"), self.t("ap_import_title"), on_save=check, path="open", suffixes=(".csv", ".xlsx")
            ),
            done,
        )

    def action_export(self) -> None:
        self._export(None)

    def action_notice(self) -> None:
        row = self._selected()
        if row is not None:
            self._export(row.staff.code)

    def _export(self, code: str | None) -> None:
        params = {"round_id": self.round_id, "codes": [code] if code else None}
        export_documents(self, [("appraisal-notices", params)], "ap_exported")


def _pair(key: str, **kw) -> tuple[str, str]:
    th, en = TEXT[key]
    return th.format(**kw), en.format(**kw)
