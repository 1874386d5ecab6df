"""A screen that shows one fiscal year at a time: `[` / `]` step a year, `y` types one."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.list_screen import DigitsMixin
from ethics_tui.tui.widgets.prompt import TextPromptModal

#: the year keys, first in the subclass's BINDINGS
YEAR_BINDINGS: list[BindingType] = [
    Binding("left_square_bracket", "year(-1)", "rp_prev"),
    Binding("right_square_bracket", "year(1)", "rp_next"),
    Binding("y", "choose_year", "rp_year"),
]


class FiscalYearScreen(DigitsMixin, GuardedScreen):
    """The base of the report and ITA item screens. Subclasses define ``reload()``."""

    #: none here: each screen places YEAR_BINDINGS among its own keys (Textual keeps a base
    #: class's keys first in the key line, whatever order the subclass lists them in)
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, then: str | None = None, fy: int | None = None) -> None:
        super().__init__()
        from ethics_tui.service.report import default_fy

        self.then = then
        self.fy = fy or default_fy()
        self.checks = []
        self.digits = "arabic"

    def recreate(self) -> FiscalYearScreen:
        return type(self)(fy=self.fy)

    def reload(self) -> None:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def action_year(self, step: int) -> None:
        self.fy += step
        self.reload()

    def action_choose_year(self) -> None:
        from ethics_tui.service.report import parse_fy  # a bad year: the prompt shows the reason

        def chosen(fy: int | None) -> None:
            if fy:
                self.fy = fy
                self.reload()

        prompt = TextPromptModal(
            self.t("rp_year"), self.t("rp_fy_prompt"), apply_digits(self.fy, self.digits), on_save=parse_fy
        )
        self.app.push_screen(prompt, chosen)
