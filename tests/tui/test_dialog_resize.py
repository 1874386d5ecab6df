"""A dialog open while the terminal is resized looks as the same dialog opened afresh at the new
size (80x24): the screens under it are laid out again (Textual lays out only the screen on top,
so a list or home's panels showed through a line off) and the field being typed in keeps its
cursor in view. Compared as screen text: resize-then-look against close-and-open-again."""

from __future__ import annotations

import difflib

from snapshot_helpers import screen_text
from tui_helpers import settle, signed_in, type_text

from ethics_tui.tui.screens.home import HomeScreen


async def _press(pilot, *keys: str) -> None:
    for key in keys:
        if key.startswith("="):  # typed text
            await type_text(pilot, key[1:])
        else:
            await pilot.press(key)
        await settle(pilot)


async def _resized_then_fresh(app, pilot, keys: tuple[str, ...], close: tuple[str, ...]) -> tuple[str, str]:
    """The screen after ``keys`` at 120x40 and a resize to 80x24, then after ``close`` (back
    home) and ``keys`` again at 80x24."""
    await _press(pilot, *keys)
    await pilot.resize_terminal(80, 24)
    await settle(pilot)
    resized = screen_text(app)
    await _press(pilot, *close)
    assert isinstance(app.screen, HomeScreen)
    await _press(pilot, *keys)
    return resized, screen_text(app)


def _same(resized: str, fresh: str) -> None:
    diff = "\n".join(difflib.unified_diff(fresh.splitlines(), resized.splitlines(), "fresh", "resized", lineterm=""))
    assert resized == fresh, diff


async def test_a_form_resized_shows_its_path_as_a_fresh_one(make_app, ctx):
    """The restore prompt (a form): its long path field showed the middle of the path after the
    terminal narrowed, a fresh one shows its end where the cursor is."""
    async with signed_in(make_app, ctx, "admin", size=(120, 40)) as (app, pilot):
        _same(*await _resized_then_fresh(app, pilot, ("r",), ("escape",)))


async def test_a_confirm_over_a_form_over_a_list_resized_is_as_fresh(make_app, ctx):
    """The discard question over the staff form over the staff list: the list two screens down
    kept the rows it had at the old size (a row short at the bottom)."""
    async with signed_in(make_app, ctx, "hr", size=(120, 40)) as (app, pilot):
        keys = ("s", "n", "=นาย", "escape")
        _same(*await _resized_then_fresh(app, pilot, keys, ("y", "escape")))


async def test_the_file_picker_resized_is_as_fresh(make_app, ctx):
    """F2 in the staff import: the picker and the import dialog and list under it."""
    async with signed_in(make_app, ctx, "hr", size=(120, 40)) as (app, pilot):
        _same(*await _resized_then_fresh(app, pilot, ("s", "i", "f2"), ("escape", "escape", "escape")))
