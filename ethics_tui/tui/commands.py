"""The command palette (ctrl+p): Thai "group: verb" titles for every action the user may run.

Entries the signed-in user's roles do not allow are hidden (the action and the service check
again, so hiding is a convenience, not the protection).
"""

from __future__ import annotations

from functools import partial

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

# (label key, action on the app, permission needed or None)
COMMANDS = (
    ("cmd_home", "app.home", None),
    ("cmd_staff", "app.staff", "staff.read"),
    ("cmd_staff_new", "app.staff('new')", "staff.write"),
    ("cmd_staff_import", "app.staff('import')", "staff.write"),
    ("cmd_staff_export", "app.staff('export')", "staff.export"),
    ("cmd_settings", "app.settings", "settings.read"),
    ("cmd_divisions", "app.settings('add_division')", "divisions.write"),
    ("cmd_backup", "app.backup", "backup.create"),
    ("cmd_restore", "app.restore", "backup.restore"),
)
#: for whoever is signed in (or nobody): (label key, action, needs a signed-in user)
ALWAYS = (
    ("cmd_change_password", "app.change_password", True),
    ("cmd_approve_keys", "app.approve_keys", True),
    ("cmd_sign_out", "app.sign_out", True),
    ("cmd_help", "app.help", False),
    ("cmd_lang", "app.toggle_lang", False),
    ("cmd_quit", "app.quit", False),
)


#: palette entries that do nothing while a dialog is open: the language switches only outside a
#: dialog (it rebuilds the screens: a form would lose what was typed; app.action_toggle_lang)
NOT_OVER_A_DIALOG = frozenset({"app.toggle_lang"})


def working_screen(app):
    """The screen the user works on: the one under the palette while the palette is open."""
    return next((s for s in reversed(app.screen_stack) if not isinstance(s, CommandPalette)), app.screen)


def available(app) -> list[tuple[str, str]]:
    """(title, action) of every palette entry the current user may use, in the app's language;
    over a dialog (a form, a question) only those that work there, so the palette and the help
    (f1) over a form do not offer what would do nothing."""
    from textual.screen import ModalScreen

    out = _entries(app)
    if isinstance(working_screen(app), ModalScreen):
        out = [(title, action) for title, action in out if action not in NOT_OVER_A_DIALOG]
    return out


def _entries(app) -> list[tuple[str, str]]:
    from ethics_tui.service.access import can

    out: list[tuple[str, str]] = []
    ready = app._needs_data()
    if ready:
        for key, action, perm in COMMANDS:
            if perm is None or can(app.ctx, perm):
                out.append((app.t(key), action))
        from ethics_tui.tui.registers import registers

        for reg in registers():
            if not can(app.ctx, reg.permission):
                continue
            out.append((reg.label(app.lang), f"app.open_register('{reg.key}')"))
            for th, en, then, perm in reg.commands:
                if perm and not can(app.ctx, perm):  # the spec's actions table
                    continue
                arg = f", {then!r}" if then else ""  # repr: a then with quotes ("new('circular')") parses
                out.append(((en if app.lang == "en" else th), f"app.open_register('{reg.key}'{arg})"))
    signed_in = app.ctx is not None and app.ctx.user is not None
    for key, action, needs_user in ALWAYS:
        if needs_user and not signed_in:
            continue
        if action == "app.approve_keys" and not (ready and app.ctx.keys):
            continue
        out.append((app.t(key), action))
    return out


class EthicsCommands(Provider):
    """One provider for the registers that exist; titles follow the app's language."""

    async def discover(self) -> Hits:
        for title, action in available(self.app):
            yield DiscoveryHit(title, partial(self.app.run_action, action))  # never the action's name

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action in available(self.app):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action), text=title)


class ThaiCommandPalette(CommandPalette):
    """The palette with its own words in the app's language ("No matches found" included)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        from rich.align import Align
        from rich.text import Text
        from textual.widgets.option_list import Option

        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                from textual.command import CommandList

                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.app.t("cmd_no_match"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def open_palette(app) -> None:
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(ThaiCommandPalette(placeholder=app.t("cmd_search_ph"), id="--command-palette"))
