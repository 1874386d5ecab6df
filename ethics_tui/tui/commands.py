"""The command palette (ctrl+p): Thai "group: verb" titles for every action."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (label key, action on the app)
COMMANDS = (
    ("cmd_home", "app.home"),
    ("cmd_staff", "app.staff"),
    ("cmd_staff_new", "app.staff('new')"),
    ("cmd_staff_import", "app.staff('import')"),
    ("cmd_staff_export", "app.staff('export')"),
    ("cmd_settings", "app.settings"),
    ("cmd_divisions", "app.settings('add_division')"),
    ("cmd_backup", "app.backup"),
    ("cmd_restore", "app.restore"),
    ("cmd_lang", "app.toggle_lang"),
    ("cmd_quit", "app.quit"),
)
NEEDS_DATA = {"app.home", "app.settings", "app.backup"}


class EthicsCommands(Provider):
    """One provider for the registers that exist; titles follow the app's language."""

    def _available(self):
        app = self.app
        ready = app._needs_data()
        for key, action in COMMANDS:
            if not ready and (action.startswith(("app.staff", "app.settings")) or action in NEEDS_DATA):
                continue
            yield app.t(key), action
        if ready:
            from ethics_tui.service.access import can
            from ethics_tui.tui.registers import registers

            for reg in registers():
                if not can(app.ctx, reg.permission):
                    continue
                yield reg.label(app.lang), f"app.open_register('{reg.key}')"
                for th, en, then in reg.commands:
                    arg = f", '{then}'" if then else ""
                    yield (en if app.lang == "en" else th), f"app.open_register('{reg.key}'{arg})"

    async def discover(self) -> Hits:
        for title, action in self._available():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=action)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action), text=title)
