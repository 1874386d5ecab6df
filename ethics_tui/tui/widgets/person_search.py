"""Picking a person from the staff register by keyboard: a search box and the matches under it.

Type part of a name, code, position or division (the register's own search,
``service.staff.search``); down goes to the list, enter (in the box: the first match) picks.
Down at the last match stays there: it never wraps round to the first line, which in the
committee member dialog is the outsider line (a name typed to search became an outsider's,
not linked to the register). Used by the committee member dialog and the training nomination
forms (new and edit)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static

from ethics_tui.tui.widgets.form import SEARCH_BOX_MAX
from ethics_tui.tui.widgets.plain import PlainOptionList, plain_option

OUTSIDER = "outsider"


class MatchList(PlainOptionList):
    """The matches: down stops at the last line and up at the first (no wrapping round); up
    on the first line goes back to the search box."""

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted:
            super().action_cursor_up()
        else:
            self.parent.query_one(Input).focus()


class PersonSearch(Vertical):
    """``value``: the staff id picked (None: nobody yet, or the outsider line). ``outsider``: the
    text of a first line that picks nobody from the register (the committee's outsider), or
    None. ``chosen``: the text of a line under the list naming the person picked ({name}), or
    "" for none (the form shows the choice itself)."""

    DEFAULT_CSS = """
    PersonSearch { height: auto; width: 1fr; }
    PersonSearch MatchList { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    PersonSearch .person-chosen { color: $text-muted; }
    """
    LIMIT = 30

    class Picked(Message):
        """A line was picked: ``staff_id`` None is the outsider line."""

        def __init__(self, search: PersonSearch, staff_id: int | None) -> None:
            super().__init__()
            self.search = search
            self.staff_id = staff_id

    def __init__(
        self,
        ctx,
        *,
        placeholder: str = "",
        outsider: str | None = None,
        chosen: str = "",
        value: int | None = None,
        lines: int = 7,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.ctx = ctx
        self.placeholder, self.outsider, self.chosen_text, self.lines = placeholder, outsider, chosen, lines
        self._value = value

    def compose(self) -> ComposeResult:
        yield Input(id="f-search", compact=True, placeholder=self.placeholder, max_length=SEARCH_BOX_MAX)
        box = MatchList(id="staff-pick", compact=True)
        box.styles.height = self.lines
        yield box
        if self.chosen_text:
            yield Static("", classes="person-chosen", markup=False)

    def on_mount(self) -> None:
        self.fill("")
        self._show_chosen()

    @property
    def value(self) -> int | None:
        return self._value

    @value.setter
    def value(self, staff_id: int | None) -> None:
        self._value = staff_id
        self._show_chosen()

    def focus(self, scroll_visible: bool = True) -> PersonSearch:
        """The search box takes the focus (a form's "first error" or first field)."""
        self.query_one(Input).focus(scroll_visible)
        return self

    def fill(self, text: str) -> None:
        from ethics_tui.service import committee as committee_svc
        from ethics_tui.service import staff as staff_svc

        box = self.query_one(MatchList)
        box.clear_options()
        if self.outsider is not None:
            box.add_option(plain_option(self.outsider, id=OUTSIDER))
        for row in staff_svc.search(self.ctx, text, limit=self.LIMIT):
            s = row.staff
            title = committee_svc.position_title(s.position, s.level)
            line = Text(f"{s.full_name} — {title} · {row.division}")  # a name is never markup
            box.add_option(plain_option(line, id=str(s.id)))
        first = 1 if self.outsider is not None else 0
        if text and box.option_count > first:
            box.highlighted = first  # enter in the box takes the first match
        else:
            box.highlighted = 0 if self.outsider is not None else None

    def _show_chosen(self) -> None:
        lines = self.query(".person-chosen")
        if not lines:
            return
        from ethics_tui.service import staff as staff_svc

        name = staff_svc.get(self.ctx, self._value).full_name if self._value else ""
        lines.first(Static).update(self.chosen_text.format(name=name) if name else "")

    def _pick(self, option_id: str | None) -> None:
        if option_id is None:
            return
        staff_id = None if option_id == OUTSIDER else int(option_id)
        if staff_id is not None:
            self.value = staff_id
        self.post_message(self.Picked(self, staff_id))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-search":
            self.fill(event.value)  # the form still sees the change (escape asks before discarding)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box takes the highlighted line (the first match once something is
        typed), as enter in the list does; with nothing highlighted it goes to the next field."""
        box = self.query_one(MatchList)
        if event.input.id != "f-search" or box.highlighted is None:
            return
        event.stop()
        self._pick(box.get_option_at_index(box.highlighted).id)

    def key_down(self, event: events.Key) -> None:
        """Down in the search box goes to the list, on the line it highlights."""
        if self.screen.focused is self.query_one(Input):
            event.stop()
            self.query_one(MatchList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)
