"""Changing a nomination on the training screen: ``u`` (or ``e`` on the nominations table)
edits it before the executive decides, ``x`` withdraws it with a reason, enter on a nomination
lists what may be done with it (the key line is full at 80x24: these keys are in f1 and the
palette). The rules are the service's (:mod:`ethics_tui.service.training_changes`); a refusal
comes before any form opens, in Thai, saying what to do instead."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from ethics_tui.model.staff import Staff
from ethics_tui.model.training import WITHDRAW_REASONS, Nomination, Opportunity
from ethics_tui.service.access import can, require
from ethics_tui.service.training_changes import edit_nomination, edit_refusal, withdraw, withdraw_refusal
from ethics_tui.tui.screens.training_forms import ReasonForm, _d, _date, _Form, _money, _number, _required
from ethics_tui.tui.widgets.fields import people_options


class NominationEditModal(_Form):
    """The person, the nominator, the rationale, the date and this person's cost (blank: the
    opportunity's cost per person)."""

    def __init__(self, nom: Nomination, opp: Opportunity, staff: list[Staff], directors: list[Staff]) -> None:
        super().__init__()
        self.nom, self.opp = nom, opp
        self.staff, self.directors = staff, directors
        self.title_text = self.t("tr_nom_edit_title", title=opp.title)

    def compose_fields(self) -> ComposeResult:
        n = self.nom
        yield self.person("staff_id", n.staff_id)
        yield self.sel("nominated_by", people_options(self.directors), n.nominated_by, True)
        yield self.inp("rationale", n.rationale, True)
        yield self.inp("nominated_on", _d(n.nominated_on), True, True)
        ph = self.t("tr_cost_ph", cost=f"{self.opp.cost_per_person:,.2f}")
        value = "" if n.cost is None else _money(n.cost) or "0"
        yield self.row("cost", Input(value, id="f-cost", compact=True, placeholder=ph))
        if n.forwarded_on:
            yield Static(self.t("tr_edit_forwarded"), classes="hint", markup=False)

    def collect(self):
        errors: dict = {}
        day = _date(self, "nominated_on", errors, True)
        typed = self.input_value("cost").strip()
        cost = _number(self, "cost", errors) if typed else None
        staff_id, by, rationale = (
            self.person_value("staff_id"),
            self.select_value("nominated_by"),
            self.input_value("rationale"),
        )
        _required(errors, staff_id=staff_id, nominated_by=by, rationale=rationale)
        return replace(
            self.nom, staff_id=staff_id, nominated_by=by, rationale=rationale, nominated_on=day, cost=cost
        ), errors

    def save(self, value: Nomination) -> Nomination:
        return edit_nomination(self.ctx, value)


class WithdrawModal(ReasonForm):
    """Withdraw with a reason (a standard one, or free text): required."""

    REASONS = WITHDRAW_REASONS
    FIELDS = ("withdraw_code", "withdraw_text", "withdrawn_on")
    NEEDS_REASON = ("การถอนการเสนอชื่อต้องระบุเหตุผล", "a withdrawal needs a reason")
    TYPE_REASON = ("ต้องพิมพ์เหตุผลที่ถอน", "type the reason for the withdrawal")
    hint_key = "tr_withdraw_hint"

    def __init__(self, nom: Nomination, name: str) -> None:
        super().__init__()
        self.nom = nom
        self.title_text = self.t("tr_withdraw_title", name=name)

    def save(self, value) -> Nomination:
        code, text, day = value
        return withdraw(self.ctx, self.nom.id, code, text, date.fromisoformat(day), rev=self.nom.rev)


class NominationChanges:
    """The training screen's nomination changes (mixed into ``TrainingScreen``)."""

    def _changeable(self, refusal_of) -> Nomination | None:
        """The highlighted nomination, if it may be changed: a refusal comes before any form."""
        require(self.ctx, "training.write")
        n = self.need_nom()
        refusal = refusal_of(n) if n is not None else None
        if refusal is not None:
            raise refusal
        return n

    def _open(self, form, message) -> None:
        """Push ``form``; once it saved, reload with the nomination kept and ``message(saved)``."""

        def done(saved: Nomination | None) -> None:
            if saved is not None:
                self.reload()
                self.show_nominations(keep=saved.id)
                self.notify(message(saved), markup=False)

        self.app.push_screen(form, done)

    def action_edit_nomination(self) -> None:
        n = self._changeable(edit_refusal)
        if n is None:
            return
        staff = self.active_staff()
        people = staff + [s for s in self._people(n.staff_id, n.nominated_by) if s not in staff]
        directors = [s for s in people if s.position.startswith(DIRECTORS) or s.id == n.nominated_by] or people

        def message(saved: Nomination) -> str:
            key = "tr_nom_edited_again" if n.forwarded_on and not saved.forwarded_on else "tr_nom_edited"
            return self.t(key, name=self.name_of(saved.staff_id))

        self._open(NominationEditModal(n, self.opps[n.opportunity_id], people, directors), message)

    def action_withdraw(self) -> None:
        n = self._changeable(withdraw_refusal)
        if n is None:
            return
        name = self.name_of(n.staff_id)
        self._open(
            WithdrawModal(n, name),
            lambda saved: self.t("tr_withdrawn", name=name, reason=saved.withdraw_reason(self.lang)),
        )

    def row_chosen(self, table) -> None:
        """Enter on a nomination: what this user may do with it, as a short menu."""
        if table.id != "tr-noms":
            return
        n = self.noms.get(table.record_id or 0)
        if n is None:
            return
        from ethics_tui.tui.widgets.dialogs import ChoiceModal

        rows = [
            ("edit_nomination", "u", "training.write", edit_refusal(n) is None),
            ("withdraw", "x", "training.write", withdraw_refusal(n) is None),
            ("outcome", "o", "training.write", n.decision == "approved" and not n.withdrawn),
            ("approve", "a", "training.decide", not (n.decision or n.withdrawn)),
            ("reject", "r", "training.decide", not (n.decision or n.withdrawn)),
        ]
        options = [(f"{self.t(f'act:training:{a}')} ({k})", a) for a, k, perm, ok in rows if ok and can(self.ctx, perm)]
        if not options:
            self.notify(self.t("tr_no_row_actions"), markup=False)
            return
        title = self.t("tr_row_actions", name=self.name_of(n.staff_id))

        async def chosen(action: str | None) -> None:
            if action:
                await self.run_action(action)  # as its key would: the permission checked again

        self.app.push_screen(ChoiceModal(title, options), chosen)

    def _people(self, *ids: int) -> list[Staff]:
        from ethics_tui.service import training as svc

        staff = svc.staff_map(self.ctx)
        return [staff[i] for i in ids if i in staff]


#: who nominates: the division directors and the heads of the office
DIRECTORS = ("ผู้อำนวยการ", "หัวหน้าสำนัก", "ปลัด", "รองปลัด")
