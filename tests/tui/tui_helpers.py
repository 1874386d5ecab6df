"""Helpers for the Pilot tests: reading what the screen shows, waiting for workers."""

from __future__ import annotations

SIZE = (120, 40)


def text_of(widget) -> str:
    """The plain text a Static (or similar) currently shows."""
    return str(widget.render())


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def settle(pilot) -> None:
    """Wait for thread workers, then for the messages they posted.

    A worker whose screen was closed by its own last step (the sign-in worker's callback opens
    the home screen) ends as cancelled after its work is done: that is not a failure here."""
    from textual.worker import WorkerCancelled

    for _ in range(5):
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue
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


async def type_text(pilot, text: str) -> None:
    """Type ``text`` as a terminal sends it: every key carries its character (Pilot's press()
    drops the character of Thai vowel and tone marks, which a real terminal sends)."""
    from textual import events
    from textual.keys import _character_to_key

    for ch in text:
        event = events.Key(_character_to_key(ch), ch)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
        await pilot.pause()
