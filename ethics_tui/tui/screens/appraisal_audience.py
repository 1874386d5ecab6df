"""Who is appraised in an open round (a on the rounds screen): tick or untick people with space;
typing in the search box narrows the list (name, code, position, division). People already
scored are ticked and cannot be unticked. ctrl+s saves the difference through
``appraisal_audience.set_audience``, whose refusals show at the list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal_audience
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.screens.appraisal import round_label
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainSelectionList

#: people listed at once; a larger office narrows the list by typing
LIMIT = 300


class AudienceModal(FormModal):
    DEFAULT_CSS = """
    AudienceModal #f-audience { height: 8; width: 1fr; }
    AudienceModal #ap-aud-count { margin-top: 1; }
    """

    def __init__(self, rnd: m.AppraisalRound) -> None:
        super().__init__()
        self.rnd = rnd
        self.digits = get_settings(self.ctx).digits
        people = appraisal_audience.audience(self.ctx, rnd.id)
        self.original = frozenset(people)
        self.chosen = set(people)
        self.scored = {sid for sid, scored in people.items() if scored}
        self.listed: set[int] = set()
        self.total = 0
        self.title_text = self.t("ap_aud_title", round=round_label(rnd, self.digits))

    def compose_fields(self) -> ComposeResult:
        search = Input(placeholder=self.t("ap_aud_search_ph"), id="f-search", compact=True)
        yield FieldRow(self.t("ap_aud_search"), search, "search")
        yield FieldRow(self.t("ap_aud_people"), PlainSelectionList(id="f-audience", compact=True), "audience")
        yield Static("", id="ap-aud-count", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.fill("")

    def _fit_body(self) -> None:
        super()._fit_body()
        room = self.size.height * 95 // 100 - self.CHROME_ROWS
        for box in self.query("#f-audience"):
            rows = max(4, min(24, room - 4))  # the search row, the count line, spare
            box.styles.height = box.styles.max_height = rows

    # -- the list --------------------------------------------------------------------------
    def fill(self, text: str) -> None:
        """List the people matching ``text`` (the active staff, and anyone in the round)."""
        self.sync()  # the ticks of the list being replaced
        rows, total, _listed = staff_svc.search_page(self.ctx, text, include_inactive=True, limit=LIMIT + 50)
        rows = [r for r in rows if r.staff.active or r.staff.id in self.chosen][:LIMIT]
        self.total = total
        box = self.query_one("#f-audience", SelectionList)
        self._filling = True
        try:
            box.clear_options()
            box.add_options(
                [
                    Selection(
                        Text(self.person_label(r)),
                        r.staff.id,
                        r.staff.id in self.chosen,
                        disabled=r.staff.id in self.scored,
                    )
                    for r in rows
                ]
            )
        finally:
            self._filling = False
        if rows:
            box.highlighted = 0  # space ticks the first person at once
        self.listed = {r.staff.id for r in rows}
        self.show_count()

    def person_label(self, row) -> str:
        s = row.staff
        text = " · ".join(x for x in (s.code, s.full_name, s.position) if x)
        return text + (f" ({self.t('ap_aud_scored')})" if s.id in self.scored else "")

    def show_count(self) -> None:
        added, removed = self.chosen - self.original, self.original - self.chosen
        line = self.t("ap_aud_count", n=len(self.chosen), added=len(added), removed=len(removed))
        if self.total > len(self.listed):
            line += " · " + self.t("ap_aud_more", shown=len(self.listed), total=self.total)
        self.query_one("#ap-aud-count", Static).update(apply_digits(line, self.digits))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        if getattr(self, "_filling", False):
            return
        self.sync()
        self.show_count()
        self._revalidate()

    def sync(self) -> None:
        """``chosen`` from the ticks of the people listed (the others keep theirs)."""
        ticked = set(self.query_one("#f-audience", SelectionList).selected)
        self.chosen = (self.chosen - self.listed) | ticked | (self.scored & self.chosen)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-search":
            self.fill(event.value)
        super().on_input_changed(event)

    # -- the form --------------------------------------------------------------------------
    def _keys_hint(self) -> str:
        return self.t("ap_aud_keys")

    def has_unsaved_changes(self) -> bool:
        self.sync()
        return self.chosen != self.original  # the search text is not a change

    def collect(self):
        self.sync()  # a tick whose message has not arrived yet counts
        add = sorted(self.chosen - self.original)
        remove = sorted(self.original - self.chosen)
        return (add, remove), {}

    def save(self, value) -> int:
        add, remove = value
        return appraisal_audience.set_audience(self.ctx, self.rnd.id, add, remove)
