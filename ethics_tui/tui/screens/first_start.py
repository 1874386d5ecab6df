"""First start on an empty folder: set up a new office, or load the demo office."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.errors import UserError
from ethics_tui.model.settings import OfficeSettings
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.screens.settings_form import OfficeSettingsModal
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.plain import PlainOptionList


class FirstStartScreen(GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "new_office", "new_office"),
        Binding("2", "demo", "demo"),
        Binding("q", "app.quit", "quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="first"):
            yield Static(self.t("first_title"), classes="screen-title")
            yield Static(self.t("first_body", path=self.ctx.store.dir.resolve()), markup=False)
            yield PlainOptionList(
                Option(self.t("first_new"), id="new_office"), Option(self.t("first_demo"), id="demo"), id="choice"
            )
            yield Static("", id="first-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choice", OptionList).focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(event.option.id or "")

    def action_new_office(self) -> None:
        def done(saved: OfficeSettings | None) -> None:
            if saved is None:
                return
            from ethics_tui.service.settings import list_divisions

            self.app.notify(self.t("office_created", n=len(list_divisions(self.ctx))), markup=False)
            self.app.go_home()

        self.app.push_screen(OfficeSettingsModal(OfficeSettings(), wizard=True), done)

    def action_demo(self) -> None:
        self.query_one("#first-status", Static).update(self.t("demo_loading"))
        self._load_demo()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load_demo(self) -> None:
        from ethics_tui.service.demo import load_demo

        try:
            load_demo(self.ctx)
        except UserError as exc:
            self.app.call_from_thread(self._demo_failed, exc)
            return
        self.app.call_from_thread(self._demo_done)

    def _demo_failed(self, exc: UserError) -> None:
        self.query_one("#first-status", Static).update(exc.message(self.lang))
        self.notify(exc.message(self.lang), severity="error", markup=False)

    def _demo_done(self) -> None:
        from ethics_tui.service import demo

        self.app.notify(self.t("demo_done"))
        for th, en in self.ctx.store.notices:  # the demo office's recovery code
            self.app.notify(en if self.lang == "en" else th, timeout=60, markup=False)
        password = getattr(demo, "DEMO_PASSWORD", "")
        self.app.go_home(sign_in_hint=self.t("demo_hint", pw=password) if password else "", username="admin")
