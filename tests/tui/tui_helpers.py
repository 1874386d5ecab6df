"""Helpers for the Pilot tests: reading what the screen shows, waiting for workers."""

from __future__ import annotations

SIZE = (120, 40)


def text_of(widget) -> str:
    """The plain text a Static (or similar) currently shows."""
    return str(widget.render())


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def settle(pilot) -> None:
    """Wait for thread workers, then for the messages they posted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
