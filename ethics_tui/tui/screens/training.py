"""คัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน: opportunities of a fiscal year, their nominations with the
rule checks, HR forwarding, the executive's approve / reject-with-reason, outcomes, in-house
attendance, the budget, the memo PDF; ``y`` opens the year-end view, ``q`` the questions."""

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
from ethics_tui.model.training import REJECTED, STATUS_LABELS, Nomination, Opportunity
from ethics_tui.service import training as svc
from ethics_tui.service import training_stats
from ethics_tui.service.access import require
from ethics_tui.service.settings import get_settings, list_divisions
from ethics_tui.thai.dates import fiscal_year, format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.screens.training_forms import (
    AttendanceModal,
    BudgetModal,
    NominationFormModal,
    OpportunityFormModal,
    OutcomeModal,
    RejectModal,
)
from ethics_tui.tui.widgets.confirm import ConfirmModal

OPP_COLS = (("date", 12), ("kind", 10), ("title", 46), ("cost", 12), ("seats", 6), ("noms", 8), ("flags", 19))
NOM_COLS = (("name", 26), ("division", 24), ("status", 18), ("checks", 44))
CHECK_STYLE = {"warn": "bold red", "hint": "yellow", "ok": "green"}


def money(v: float | None) -> str:
    return "-" if v is None else f"{v:,.2f}"


class TrainingScreen(GuardedScreen):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("training")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("training"),
        Binding("left_square_bracket", "fy(-1)", "tr_prev", show=False),
        Binding("right_square_bracket", "fy(1)", "tr_next", show=False),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.fy = fiscal_year(date.today())
        self.digits = "arabic"
        self.opps: dict[int, Opportunity] = {}
        self.noms: dict[int, Nomination] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("tr_title"), classes="screen-title", markup=False)
        yield Static("", id="tr-budget", markup=False)
        yield DataTable(id="tr-opps", cursor_type="row", zebra_stripes=True)
        yield Static("", id="tr-opp-info", markup=False)
        yield DataTable(id="tr-noms", cursor_type="row", zebra_stripes=True)
        yield Static("", id="tr-checks", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        years = svc.fiscal_years(self.ctx)
        if years and self.fy not in years:
            self.fy = max(y for y in years if y <= self.fy) if any(y <= self.fy for y in years) else years[0]
        for table_id, cols in (("#tr-opps", OPP_COLS), ("#tr-noms", NOM_COLS)):
            table = self.query_one(table_id, DataTable)
            for key, width in cols:
                table.add_column(self.t(f"trc_{key}"), key=key, width=width)
        self.query_one("#tr-opps").styles.height = 12
        self.query_one("#tr-noms").styles.height = "1fr"
        for sid in ("#tr-budget", "#tr-opp-info", "#tr-checks"):
            self.query_one(sid).styles.padding = (0, 1)
        self.query_one("#tr-checks").styles.height = 6
        self.reload()
        self.opp_table.focus()
        self.run_then()

    # -- data ------------------------------------------------------------------------------
    @property
    def opp_table(self) -> DataTable:
        return self.query_one("#tr-opps", DataTable)

    @property
    def nom_table(self) -> DataTable:
        return self.query_one("#tr-noms", DataTable)

    def d(self, text: object) -> str:
        return apply_digits(str(text), self.digits)

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected(self.opp_table)
        self.title = self.t("tr_fy", fy=self.d(self.fy))
        table = self.opp_table
        table.clear()
        self.opps = {o.id: o for o in svc.list_opportunities(self.ctx, self.fy)}
        counts: dict[int, int] = {}
        for n in svc.list_nominations(self.ctx, fy=self.fy):
            counts[n.opportunity_id] = counts.get(n.opportunity_id, 0) + 1
        for o in self.opps.values():
            flags = " ".join(
                x for x in (self.t("tr_in_house") if o.in_house else "", self.t("tr_ethics") if o.ethics else "") if x
            )
            cells = [
                format_date(o.start_date, "abbr", self.digits),
                o.kind,
                self.d(o.title),
                self.d(money(o.cost_per_person)),
                self.d(o.seats or "-"),
                self.d(len(o.attendees) if o.in_house else counts.get(o.id, 0)),
                flags,
            ]
            table.add_row(*[Text(c, no_wrap=True, overflow="ellipsis") for c in cells], key=str(o.id))
        if keep in self.opps:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_budget()
        self.show_nominations()

    def show_budget(self) -> None:
        lines = training_stats.budget_lines(self.ctx, self.fy)
        known = [b for b in lines if b.amount is not None]
        if not known:
            text = self.t("tr_no_budget")
        else:
            text = self.t(
                "tr_budget",
                amount=money(sum(b.amount for b in known)),
                committed=money(sum(b.committed for b in known)),
                spent=money(sum(b.spent for b in known)),
                remaining=money(sum(b.remaining for b in known)),
            )
        self.query_one("#tr-budget", Static).update(self.d(self.t("tr_fy", fy=self.fy) + " · " + text))

    def selected(self, table: DataTable) -> int | None:
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def show_nominations(self, keep: int | None = None) -> None:
        opp = self.opps.get(self.selected(self.opp_table) or 0)
        table = self.nom_table
        keep = keep if keep is not None else self.selected(table)
        table.clear()
        self.noms = {}
        info = self.query_one("#tr-opp-info", Static)
        if opp is None:
            info.update(self.t("tr_none"))
            self.query_one("#tr-checks", Static).update("")
            return
        place = f"{opp.organizer} · {opp.location}".strip(" ·")
        if opp.in_house:
            place += " · " + self.t("tr_attendance", staff=len(opp.attendees), outside=opp.outside_count)
        info.update(self.d(f"{opp.title} — {place}"))
        staff = svc.staff_map(self.ctx)
        divs = {d.id: d.name for d in list_divisions(self.ctx)}
        pick = 1 if self.lang == "en" else 0
        for n in svc.list_nominations(self.ctx, opp.id):
            self.noms[n.id] = n
            s = staff.get(n.staff_id)
            checks = [c for c in training_stats.checks(self.ctx, n) if c.level != "ok"]
            summary = Text()
            for c in checks:
                summary.append("● ", style=CHECK_STYLE[c.level])
            summary.append(self.d("; ".join(c.text(self.lang) for c in checks)) or "✓")
            status = STATUS_LABELS[n.status][pick]
            cells = [
                Text(s.full_name if s else "-"),
                Text(divs.get(s.division_id, "") if s else ""),
                Text(status, style="red" if n.decision == REJECTED else ""),
                summary,
            ]
            for c in cells:
                c.no_wrap, c.overflow = True, "ellipsis"
            table.add_row(*cells, key=str(n.id))
        if keep in self.noms:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_checks()

    def show_checks(self) -> None:
        box = self.query_one("#tr-checks", Static)
        n = self.noms.get(self.selected(self.nom_table) or 0)
        if n is None:
            box.update(self.t("tr_checks_none") if self.opps else "")
            return
        staff = svc.staff_map(self.ctx)
        by = staff.get(n.nominated_by)
        out = Text()
        out.append(
            self.d(
                f"{self.t('tr_nominated_by')}: {by.full_name if by else '-'} · {self.t('tr_rationale')}: {n.rationale}\n"
            )
        )
        for c in training_stats.checks(self.ctx, n):
            out.append("● ", style=CHECK_STYLE[c.level])
            out.append(self.d(c.text(self.lang)) + "\n")
        if n.decision:
            out.append(
                self.d(
                    f"{self.t('tr_decision')}: {STATUS_LABELS[n.decision][1 if self.lang == 'en' else 0]} "
                    f"{format_date(n.decided_on, 'abbr', self.digits)} {n.reject_reason(self.lang)}"
                )
            )
        box.update(out)

    # -- events ----------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "tr-opps":
            self.show_nominations()
        else:
            self.show_checks()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "tr-opps":
            self.action_edit()

    # -- helpers ---------------------------------------------------------------------------
    def need_opp(self) -> Opportunity | None:
        opp = self.opps.get(self.selected(self.opp_table) or 0)
        if opp is None:
            self.notify(self.t("tr_pick_opp"), severity="warning")
        return opp

    def need_nom(self) -> Nomination | None:
        n = self.noms.get(self.selected(self.nom_table) or 0)
        if n is None:
            self.notify(self.t("tr_pick_nom"), severity="warning")
        return n

    def name_of(self, staff_id: int) -> str:
        s = svc.staff_map(self.ctx).get(staff_id)
        return s.full_name if s else str(staff_id)

    def active_staff(self):
        return sorted((s for s in svc.staff_map(self.ctx).values() if s.active), key=lambda s: (s.division_id, s.id))

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_fy(self, step: int) -> None:
        self.fy += step
        self.reload()

    def action_new(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        self.app.push_screen(OpportunityFormModal(None), self._opp_saved)

    def action_edit(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        opp = self.need_opp()
        if opp is not None:
            self.app.push_screen(OpportunityFormModal(svc.get_opportunity(self.ctx, opp.id)), self._opp_saved)

    def _opp_saved(self, opp: Opportunity | None) -> None:
        if opp is None:
            return
        self.fy = opp.fiscal_year
        self.reload(select=opp.id)
        self.notify(self.t("tr_saved", title=opp.title), markup=False)

    def action_nominate(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        opp = self.need_opp()
        if opp is None:
            return
        staff = self.active_staff()
        directors = [s for s in staff if s.position.startswith(("ผู้อำนวยการ", "หัวหน้าสำนัก", "ปลัด", "รองปลัด"))] or staff

        def done(n: Nomination | None) -> None:
            if n is not None:
                self.reload()
                self.show_nominations(keep=n.id)
                self.nom_table.focus()
                self.notify(self.t("tr_nominated", name=self.name_of(n.staff_id)), markup=False)

        self.app.push_screen(NominationFormModal(opp, staff, directors), done)

    def action_forward(self) -> None:
        waiting = [n.id for n in self.noms.values() if not n.forwarded_on]
        n = svc.forward(self.ctx, waiting, date.today())
        self.show_nominations()
        self.notify(self.t("tr_forwarded", n=self.d(n)))

    def action_approve(self) -> None:
        require(self.ctx, "training.decide")  # a refusal becomes a Thai notification
        n = self.need_nom()
        if n is None:
            return
        name, title = self.name_of(n.staff_id), self.opps[n.opportunity_id].title
        if n.decision == REJECTED:  # never reverse a rejection silently (one seat, two approved)
            from ethics_tui.tui.i18n import t

            raise UserError(
                t("tr_approve_rejected", "th", name=name, title=title),
                t("tr_approve_rejected", "en", name=name, title=title),
            )

        def done(yes: bool | None) -> None:
            if yes:
                svc.decide(self.ctx, n.id, True, date.today())
                self.reload()
                self.show_nominations(keep=n.id)
                self.notify(self.t("tr_approved", name=name), markup=False)

        self.app.push_screen(ConfirmModal(self.t("tr_approve_q", name=name, title=title), danger=False), done)

    def action_reject(self) -> None:
        require(self.ctx, "training.decide")
        n = self.need_nom()
        if n is None:
            return
        name = self.name_of(n.staff_id)

        def done(saved: Nomination | None) -> None:
            if saved is not None:
                self.reload()
                self.show_nominations(keep=saved.id)
                self.notify(self.t("tr_rejected", name=name, reason=saved.reject_reason(self.lang)), markup=False)

        self.app.push_screen(RejectModal(n.id, name), done)

    def action_outcome(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        n = self.need_nom()
        if n is None:
            return
        opp = self.opps[n.opportunity_id]

        def done(saved: Nomination | None) -> None:
            if saved is not None:
                self.reload()
                self.show_nominations(keep=saved.id)

        self.app.push_screen(OutcomeModal(n, self.name_of(n.staff_id), opp.kind == "ทุนการศึกษา"), done)

    def action_attendance(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        opp = self.need_opp()
        if opp is None:
            return
        if not opp.in_house:
            self.notify(self.t("tr_not_in_house"), severity="warning")
            return
        self.app.push_screen(AttendanceModal(opp, self.active_staff()), lambda o: o and self.reload(select=o.id))

    def action_budget(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        divs = [(d.name, d.id) for d in list_divisions(self.ctx, include_inactive=False)]
        current = {
            b.division_id: b.amount for b in training_stats.budget_lines(self.ctx, self.fy) if b.amount is not None
        }
        self.app.push_screen(BudgetModal(self.fy, divs, current), lambda b: b and self.reload())

    def action_memo(self) -> None:
        opp = self.need_opp()
        if opp is not None:
            from ethics_tui.service import documents

            self._memo(opp.id, documents.default_path(self.ctx, "training-memo", id=opp.id))

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _memo(self, opp_id: int, path: Path) -> None:
        from ethics_tui.service import documents

        try:
            out = documents.write(self.ctx, "training-memo", path, id=opp_id)
        except UserError as exc:
            self.app.call_from_thread(self.notify, exc.message(self.lang), severity="error", markup=False)
            return
        except OSError as exc:
            self.app.call_from_thread(self.notify, f"{path}: {exc.strerror or exc}", severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        self.app.call_from_thread(export_done, self.app, self.t("tr_exported", path=full(out)), out)

    def action_year(self) -> None:
        from ethics_tui.tui.screens.training_views import TrainingYearScreen

        self.app.push_screen(TrainingYearScreen(self.fy))

    def action_questions(self) -> None:
        from ethics_tui.tui.screens.training_views import TrainingQuestionsScreen

        self.app.push_screen(TrainingQuestionsScreen(), lambda _r: self.reload())
