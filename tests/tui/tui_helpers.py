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


async def start(pilot, username: str = "admin", password: str | None = None) -> None:
    """Let the app open; sign in (demo accounts) when the sign-in screen is shown."""
    from textual.widgets import Input

    from ethics_tui.service.demo import DEMO_PASSWORD
    from ethics_tui.tui.screens.sign_in import SignInScreen

    await pilot.pause()
    screen = pilot.app.screen
    if not isinstance(screen, SignInScreen):
        return
    screen.query_one("#f-username", Input).value = username
    box = screen.query_one("#f-password", Input)
    box.value = DEMO_PASSWORD if password is None else password
    box.focus()
    await pilot.press("enter")
    await settle(pilot)
