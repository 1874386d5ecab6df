"""Home: the office, the counts, and the registers that exist."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen, action_allowed, logger
from ethics_tui.tui.screens.home_menu import AlertsModal, MenuGrid
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.plain import PlainOptionList
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.thai_text import WrappedStatic

NAV = (("staff", "nav_staff"), ("settings", "nav_settings"), ("backup", "nav_backup"), ("restore", "nav_restore"))


def home_alerts(ctx, lang: str) -> list[str]:
    """The alert lines of every register: the ``home_alerts`` hook its spec names gives (th, en)
    pairs. A failing register is logged and skipped, so that the home screen always opens."""
    from ethics_tui.registers import resolve, specs

    lines = []
    for spec in specs():
        if not spec.home_alerts:
            continue
        try:
            pairs = resolve(spec.home_alerts)(ctx)
        except Exception:
            logger.exception("home_alerts of %s failed", spec.key)
            continue
        lines += [en if lang == "en" else th for th, en in pairs]
    return lines


class HomeScreen(GuardedScreen):
    """Home. Its keys: the core ones below and every register's home key from its spec
    (``hotkey``); ``check_action`` decides, from the register's permission (the app's for b and
    r), which keys the role sees in the help (f1) and may use: another register's key is refused
    in Thai (``GuardedScreen.on_key``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.staff", "staff"),
        Binding("t", "app.settings", "settings"),
        Binding("b", "app.backup", "backup"),
        Binding("r", "app.restore", "restore"),
        Binding("w", "all_alerts", "home_all_alerts", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        from ethics_tui.tui.registers import registers

        for reg in registers():  # the specs read now: a register added at run time has its key
            if reg.hotkey:
                self._bindings.bind(reg.hotkey, f"open_register('{reg.key}')", reg.label(self.app.lang), show=False)

    def permission_for(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """A register key needs the permission to open that register (its spec's)."""
        if action == "open_register" and parameters:
            from ethics_tui.tui.registers import find

            reg = find(str(parameters[0]))
            return reg.permission if reg is not None else None
        return None

    def action_open_register(self, key: str) -> None:
        self.app.action_open_register(key)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="office-name", markup=False)
            yield Static("", id="office-place", markup=False)
            yield Static("", id="office-counts", markup=False)
            yield WrappedStatic("", id="home-alerts", markup=False)
            with Horizontal(id="home-panels"):
                yield PlainOptionList(*self._nav_options(), id="nav")
                yield MenuGrid(id="nav-grid")
                with Vertical(id="readiness-panel"):
                    yield Static("", id="readiness-title", markup=False)
                    yield PlainOptionList(id="readiness")
            yield Static("", id="data-dir", classes="hint", markup=False)
        yield Footer()

    def _nav_options(self) -> list[Option]:
        from ethics_tui.service.access import can
        from ethics_tui.tui.registers import registers

        options = [Option(self.t(NAV[0][1]), id=NAV[0][0])]
        digits = settings_svc.get_settings(self.ctx).digits
        for reg in registers():
            if can(self.ctx, reg.permission):
                badge = ""
                if reg.badge is not None:
                    try:
                        badge = apply_digits(reg.badge(self.ctx, self.app.lang) or "", digits)
                    except Exception:
                        badge = ""
                key = f"{reg.hotkey}  " if reg.hotkey else "   "
                text = key + apply_digits(reg.label(self.app.lang), digits) + (f"  {badge}" if badge else "")
                options.append(Option(Text(text), id=f"open_register('{reg.key}')"))
        # the core entries the role may use (settings can be read by all; backup/restore: the
        # app's permissions, as for the b and r keys)
        options += [Option(self.t(label), id=key) for key, label in NAV[1:] if action_allowed(self.app, key)]
        return options

    def on_mount(self) -> None:
        self._compact: bool | None = None
        self.refresh_counts()
        self._offer_recovery()
        self.query_one("#nav", OptionList).focus()
        self._fit()

    def on_screen_resume(self) -> None:
        if not self.is_current:  # sign-out clears the stack: nobody is signed in to count for
            return
        nav = self.query_one("#nav", OptionList)
        highlighted = nav.highlighted
        nav.clear_options()
        nav.add_options(self._nav_options())
        if highlighted is not None and highlighted < nav.option_count:
            nav.highlighted = highlighted
        self.refresh_counts()

    def refresh_counts(self) -> None:
        ctx = self.ctx
        s = settings_svc.get_settings(ctx)
        self.query_one("#office-name", Static).update(s.office_name or self.t("office_unset"))
        place = " · ".join(x for x in (s.district and f"อ.{s.district}", s.province and f"จ.{s.province}") if x)
        self.query_one("#office-place", Static).update(place)
        divs = len(settings_svc.list_divisions(ctx, include_inactive=False))
        counts = self.t("home_counts", staff=staff_svc.count(ctx), divs=divs)
        self.query_one("#office-counts", Static).update(apply_digits(counts, s.digits))
        self.query_one("#data-dir", Static).update(self.t("home_data", path=ctx.store.dir.resolve()))
        lines = [apply_digits(line, s.digits) for line in home_alerts(ctx, self.app.lang)]
        self._alert_lines = [f"⚠ {line}" for line in lines]
        self._alerts_shown = None
        self._refresh_readiness(s.digits)
        self._sync_approve_option()
        if getattr(self, "_compact", None) is not None:
            self._fit()

    def _refresh_readiness(self, digits: str) -> None:
        """The ITA readiness checklist of the report year, one line per item of the year's ITA
        item table (service/ita_items.py): red and amber first, each jumping to the register
        that fixes it (Enter)."""
        from ethics_tui.service.access import can

        panel = self.query_one("#readiness-panel")
        if not can(self.ctx, "report.read"):
            panel.display = False
            return
        from ethics_tui.service import ita_items
        from ethics_tui.service.report import default_fy
        from ethics_tui.thai.dates import fiscal_year, fiscal_year_range, format_date, today

        fy = fiscal_year(today())  # the current year's progress: work just done shows at once
        try:
            checks = ita_items.readiness(self.ctx, fy)
        except Exception:
            logger.exception("readiness failed")
            panel.display = False
            return
        order = {"red": 0, "amber": 1, "green": 2}
        checks.sort(key=lambda c: order.get(c.status, 3))
        self._readiness = checks
        count = {k: sum(c.status == k for c in checks) for k in order}
        start, end = (format_date(d, "abbr", lang=self.app.lang) for d in fiscal_year_range(fy))
        # m opens the report of the year just ended in Oct-Dec (report.default_fy): say which
        report_fy = default_fy()
        report = ("report", "รายงาน") if report_fy == fy else (f"report of FY {report_fy}", f"รายงานปี {report_fy}")
        title = (
            f"ITA readiness, current FY {fy} ({start} – {end})\n✓ {count['green']} · ! {count['amber']} · "
            f"✗ {count['red']}  (m: {report[0]})"
            if self.app.lang == "en"
            else f"ความพร้อม ITA ปีงบประมาณปัจจุบัน {fy} ({start} – {end})\n✓ {count['green']} · ! {count['amber']} · "
            f"✗ {count['red']}  (m: {report[1]})"
        )
        self._readiness_title = apply_digits(title, digits)
        self._readiness_digits = digits
        self._readiness_width = None
        self._render_readiness()
        panel.display = True

    def _render_readiness(self) -> None:
        """Lay the checklist out for the panel's width, lines broken between Thai words (Rich
        would cut "พั|ฒนา"); redone when the width changes."""
        from ethics_tui.tui.widgets.thai_text import wrapped

        box = self.query_one("#readiness", OptionList)
        title = self.query_one("#readiness-title", Static)
        # room for a vertical scrollbar (2 cells) whether or not one is shown
        width = box.content_region.width - 2 if box.content_region.width > 4 else max(20, self.size.width // 2 - 4)
        key = (width, title.content_region.width)
        if key == self._readiness_width:
            return
        self._readiness_width = key
        title.update(wrapped(self._readiness_title, title.content_region.width or width))
        highlighted = box.highlighted
        box.clear_options()
        marks = {"green": ("✓", "green"), "amber": ("!", "yellow"), "red": ("✗", "red")}
        for i, c in enumerate(self._readiness):
            mark, colour = marks.get(c.status, ("?", "white"))
            text = Text.assemble(
                (f"{mark} ", f"bold {colour}"), apply_digits(c.message(self.app.lang), self._readiness_digits)
            )
            box.add_option(Option(wrapped(text, width, indent=2), id=f"rd-{i}"))
        if highlighted is not None and highlighted < box.option_count:
            box.highlighted = highlighted

    def on_resize(self, event) -> None:
        if getattr(self, "_compact", None) is not None:
            self._fit()
        if getattr(self, "_readiness", None) is not None and self.query_one("#readiness-panel").display:
            self.call_after_refresh(self._render_readiness)

    def _fit(self) -> None:
        """Lay home out for the terminal: the menu in one column while it fits with a few alert
        lines, else in two columns with the readiness checklist under it; the alerts cut to the
        lines left, ending "… และอีก N รายการ" (w shows them all); the checklist scrolls in the
        rows that remain."""
        from ethics_tui.thai.wrap import wrap_spans

        width, height = self.app.size
        text_width = max(10, width - 4)  # the home padding
        nav = self.query_one("#nav", OptionList)
        grid = self.query_one("#nav-grid", MenuGrid)
        grid.set_entries(
            [(str(o.id), o.prompt.plain if isinstance(o.prompt, Text) else str(o.prompt)) for o in nav.options]
        )
        wraps = [len(wrap_spans(line, text_width)) for line in self._alert_lines]
        room = height - 4 - 5  # header, footer, home padding; office name, place, counts, margins
        compact = room - (nav.option_count + 4) - 1 - 1 < min(sum(wraps), 4)
        self.query_one("#home").set_class(compact, "compact")
        self.query_one("#data-dir").display = not compact
        panel = self.query_one("#readiness-panel")
        title = getattr(self, "_readiness_title", "") if panel.display else ""
        if compact:  # no margin under the place; the grid and its border; the title
            room += 1 - (grid.rows + 2) - len(wrap_spans(title, text_width))
            budget = max(2, room - 1 - (5 if title and room >= 8 else 0))
        else:  # the menu with its border and margins, the data folder
            budget = max(2, min(12, room - (nav.option_count + 4) - 1 - 1))
            room -= 1 + 2 + len(wrap_spans(title, max(10, text_width - 50 - 2)))  # data folder, panel margins
        shown = self._show_alerts(wraps, budget)
        box = self.query_one("#readiness", OptionList)
        left = room - (shown + 1 if shown else 0)
        box.display = left >= 3
        box.styles.max_height = max(3, min(14, left))
        if compact != self._compact:
            if compact and nav.has_focus:
                grid.highlighted = nav.highlighted or 0
                grid.focus()
            elif not compact and grid.has_focus:
                nav.highlighted = grid.highlighted
                nav.focus()
            self._compact = compact

    def _show_alerts(self, wraps: list[int], budget: int) -> int:
        """Show the alerts that fit in ``budget`` lines (whole alerts), the last line saying how
        many more there are; returns the lines used."""
        lines = self._alert_lines
        alerts = self.query_one("#home-alerts", WrappedStatic)
        alerts.display = bool(lines)
        if sum(wraps) <= budget:
            shown, text = sum(wraps), "\n".join(lines)
        else:
            n = used = 0
            while n < len(lines) and used + wraps[n] <= budget - 1:
                used += wraps[n]
                n += 1
            more = len(lines) - n
            tail = f"… and {more} more (w: see all)" if self.app.lang == "en" else f"… และอีก {more} รายการ (w: ดูทั้งหมด)"
            shown, text = used + 1, "\n".join([*lines[:n], apply_digits(tail, self._digits())])
        if (text, shown) != self._alerts_shown:
            self._alerts_shown = (text, shown)
            alerts.update(text)
        return shown if lines else 0

    def _digits(self) -> str:
        return getattr(self, "_readiness_digits", None) or settings_svc.get_settings(self.ctx).digits

    def action_all_alerts(self) -> None:
        if self._alert_lines:
            self.app.push_screen(AlertsModal(self.t("home_all_alerts"), self._alert_lines))

    async def on_menu_grid_selected(self, event: MenuGrid.Selected) -> None:
        await self.app.run_action(f"app.{event.entry_id}")

    def _offer_recovery(self) -> None:
        """At first start (the first administrator just made), ask to create the recovery code."""
        from ethics_tui.service import users_custody
        from ethics_tui.service.access import can

        if not getattr(self.app, "offer_recovery", False) or not can(self.ctx, "users.manage"):
            return
        self.app.offer_recovery = False
        if users_custody.recovery_exists(self.ctx):
            return
        from ethics_tui.tui.screens.users_keys import RecoveryCodeModal
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        def answer(yes: bool | None) -> None:
            if yes:
                run_write(
                    self,
                    lambda: users_custody.create_recovery_key(self.ctx),
                    lambda code: self.app.push_screen(RecoveryCodeModal(code), lambda _done: self.refresh_counts()),
                )

        self.app.push_screen(ConfirmModal(self.t("recovery_first_start"), danger=False), answer)

    def _sync_approve_option(self) -> None:
        """An entry "approve confidential keys (N waiting)" while users wait for a key this user
        holds (only a key holder can approve; see users.approve_grants)."""
        from ethics_tui.tui.screens.users_keys import approvable

        nav = self.query_one("#nav", OptionList)
        n = len(approvable(self.ctx))
        has = any(opt.id == "approve_keys" for opt in nav.options)
        if n and has:
            nav.replace_option_prompt("approve_keys", self.t("nav_approve", n=n))
        elif n:
            nav.add_option(Option(self.t("nav_approve", n=n), id="approve_keys"))
        elif has:
            nav.remove_option("approve_keys")

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "readiness":
            check = self._readiness[int(event.option.id.removeprefix("rd-"))]
            if check.register:
                await self.app.run_action(f"app.open_register('{check.register}')")
            return
        await self.app.run_action(f"app.{event.option.id}")
