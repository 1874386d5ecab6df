"""The TUI reads the register specs (issue 16): a new register is one spec (plus its own screen)
that appears on the home menu, in the palette and in the CLI. That no register screen's footer or
palette offers an action of its spec that a role may not use (80×24) is checked in
test_action_guard.py, in the same walk as the keys."""

from __future__ import annotations

import io
import sys
import textwrap

import pytest
from textual.widgets._footer import FooterKey
from tui_helpers import settle, start

import ethics_tui.registers as registers_pkg
from demo_cache import fast_demo
from ethics_tui.registers import forget
from ethics_tui.tui.commands import available

SMALL = (80, 24)


# For each role, no register screen's footer or palette entry offers an action of its spec that
# the role may not use: checked in test_action_guard.py's walk of every register screen per role
# (one app per role opens each screen once for both checks).


FAKE_SPEC = """
key = "trial"
label = ["ทะเบียนทดลอง", "Trial register"]
permission = "staff.read"
screen = "trial_register_screen:TrialScreen"
hotkey = "z"
order = 95

[[actions]]
key = "n"
action = "new"
label = ["เพิ่มรายการ", "New entry"]
permission = "orders.write"
palette = ["ทะเบียนทดลอง: เพิ่ม", "Trial: new"]
writes = true

[[actions]]
key = "v"
action = "look"
label = ["ดูรายการ", "Look"]
palette = ["ทะเบียนทดลอง: ดู", "Trial: look"]

[[documents]]
kind = "trial-sheet"
title = ["ใบทดลอง", "trial sheet"]
writer = "ethics_tui.registers.trial_register:write_sheet"
file_name = "trial-sheet-{id}.pdf"

[[documents.params]]
name = "id"
help = ["รหัสรายการ", "entry id"]
"""

FAKE_SPEC_CODE = """
from pathlib import Path


def write_sheet(ctx, out, id):
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_bytes(b"%PDF-1.4 sheet " + str(id).encode())
    return Path(out)
"""

FAKE_SCREEN = """
from textual.binding import Binding
from textual.widgets import Footer, Static

from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import spec_bindings, spec_permissions


class TrialScreen(GuardedScreen):
    BINDINGS = [*spec_bindings("trial"), Binding("escape", "app.pop_screen", "back")]
    ACTION_PERMISSIONS = spec_permissions("trial")

    def __init__(self, then=None):
        super().__init__()
        self.then = then

    def compose(self):
        yield Static("trial")
        yield Footer()

    def on_mount(self):
        self.run_then()

    def action_new(self):
        self.notify("new")

    def action_look(self):
        self.notify("looked")
"""


@pytest.fixture
def trial_register(tmp_path, monkeypatch):
    """A register that is only a spec (its TOML file and the module of its PDF writer) and its own
    screen module: nothing else edited."""
    spec_dir, screen_dir = tmp_path / "specs", tmp_path / "screens"
    spec_dir.mkdir()
    screen_dir.mkdir()
    (spec_dir / "trial_register.toml").write_text(FAKE_SPEC, encoding="utf-8")
    (spec_dir / "trial_register.py").write_text(FAKE_SPEC_CODE, encoding="utf-8")
    (screen_dir / "trial_register_screen.py").write_text(textwrap.dedent(FAKE_SCREEN), encoding="utf-8")
    monkeypatch.setattr(registers_pkg, "__path__", [*registers_pkg.__path__, str(spec_dir)])
    monkeypatch.syspath_prepend(str(screen_dir))
    forget()
    yield
    forget()
    for name in ("ethics_tui.registers.trial_register", "trial_register_screen"):
        sys.modules.pop(name, None)


async def test_a_new_register_is_one_spec(trial_register, make_app, ctx, monkeypatch, capsys):
    from ethics_tui.cli import main
    from ethics_tui.tui.screens.home import HomeScreen

    fast_demo(ctx)
    # the CLI: pdf trial-sheet, with its help
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["pdf", "--help"])
    assert "trial-sheet" in capsys.readouterr().out
    out = ctx.store.dir.parent / "sheet.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", str(ctx.store.dir), "--user", "viewer", "pdf", "trial-sheet", "7", "-o", str(out)]) == 0
    assert out.read_bytes().endswith(b"sheet 7")
    # the TUI: home menu, palette, hot key, footer keys by role
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "viewer")
        assert isinstance(app.screen, HomeScreen)
        nav = app.screen.query_one("#nav")
        assert "open_register('trial')" in [nav.get_option_at_index(i).id for i in range(nav.option_count)]
        titles = [title for title, _action in available(app)]
        assert "ทะเบียนทดลอง" in titles and "ทะเบียนทดลอง: ดู" in titles
        assert "ทะเบียนทดลอง: เพิ่ม" not in titles  # the viewer may not write
        await pilot.press("z")
        await settle(pilot)
        assert type(app.screen).__name__ == "TrialScreen"
        shown = {fk.key for fk in app.screen.query(FooterKey)}
        assert "v" in shown and "n" not in shown
        await pilot.press("n")
        await settle(pilot)
        assert not any(n.message == "new" for n in app._notifications)


async def test_the_tui_and_the_cli_name_a_document_alike(make_app, ctx, monkeypatch):
    """The coverage report of one notice and an order PDF: the TUI's file (or offered path) is
    the one ``pdf KIND ID`` writes without ``-o``."""
    from textual.widgets import Input

    from ethics_tui.cli import main
    from ethics_tui.service import documents

    fast_demo(ctx)
    exports = ctx.store.dir.parent / "exports"
    exports.mkdir()
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await settle(pilot)
        notice_id = app.screen.selected_id()
        await pilot.press("x")  # the coverage report PDF of the selected notice
        await settle(pilot)
        tui_files = sorted(p.name for p in exports.rglob("*.pdf"))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        order_id = app.screen.selected_id()
        await pilot.press("ctrl+e")
        await settle(pilot)
        offered = app.screen.query_one("#f-text", Input).value
        hr = app.ctx
    assert tui_files == [documents.default_name(hr, "notices-coverage", id=notice_id)]
    assert offered == str(documents.default_path(hr, "order", id=order_id))
    for f in exports.rglob("*.pdf"):
        f.unlink()
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 4))
    assert main(["--data", str(ctx.store.dir), "--user", "hr", "pdf", "notices-coverage", str(notice_id)]) == 0
    assert main(["--data", str(ctx.store.dir), "--user", "hr", "pdf", "order", str(order_id)]) == 0
    assert sorted(p.name for p in exports.rglob("*.pdf")) == sorted([tui_files[0], offered.rsplit("/", 1)[-1]])
