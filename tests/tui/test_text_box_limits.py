"""Every text box has a length limit (widgets/form.py TEXT_BOX_MAX, SEARCH_BOX_MAX): a box
without one took 200,000 keys sent one by one (a terminal without bracketed paste) and queued a
Changed message holding the whole text for each, memory climbing past 900 MB (QA2)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input
from tui_helpers import settle, signed_in

from ethics_tui.tui.widgets.form import SEARCH_BOX_MAX, TEXT_BOX_MAX


async def _send(pilot, text: str) -> None:
    """Keys as a terminal without bracketed paste sends them: all at once, one event each."""
    for ch in text:
        event = events.Key(ch, ch)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await settle(pilot)


async def test_a_search_box_stops_at_its_limit(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s") as (app, pilot):
        box = app.screen.query_one("#filter", Input)
        box.focus()
        await _send(pilot, "a" * (SEARCH_BOX_MAX + 50))
        assert len(box.value) == SEARCH_BOX_MAX


async def test_every_box_of_a_form_has_a_limit(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s", "n") as (app, pilot):
        boxes = list(app.screen.query(Input))
        assert boxes
        assert all(0 < b.max_length <= TEXT_BOX_MAX for b in boxes), [(b.id, b.max_length) for b in boxes]
