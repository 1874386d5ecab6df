"""Helpers for the Pilot tests: reading what the screen shows, waiting for workers."""

from __future__ import annotations

from contextlib import asynccontextmanager

SIZE = (120, 40)


def text_of(widget) -> str:
    """The plain text a Static (or similar) currently shows."""
    return str(widget.render())


def footer_problems(app, size: tuple[int, int]) -> list[str]:
    """What is wrong with the key line of the current screen (none: []): every key drawn whole
    inside the screen, and on a screen that is not a dialog the palette key (ctrl+p) always
    there. A screen without a key line: []."""
    from textual.screen import ModalScreen
    from textual.widgets._footer import FooterKey

    from ethics_tui.tui.widgets.footer import Footer, key_width

    lines = app.screen.query(Footer)
    if not lines:
        return []
    line = lines.first()
    shown = list(line.query(FooterKey))
    palette = any(k.has_class("-command-palette") for k in shown)
    bad = [] if palette or isinstance(app.screen, ModalScreen) else ["no palette key"]
    for k in shown:
        if k.region.right > size[0] or k.region.width < key_width(k) - 1:
            bad.append(f"key {k.key_display} {k.description!r} cut: {k.region}")
    if sum(k.region.width for k in shown) > line.region.width + 1:
        bad.append(f"keys wider than the line ({line.region.width})")
    return bad


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def settle(pilot) -> None:
    """Wait for thread workers, then for the messages they posted; again while a message
    handled meanwhile started another worker (a picked file submits its field, whose handler
    starts the check: under load that worker was not running yet at the first look).

    A worker whose screen was closed by its own last step (the sign-in worker's callback opens
    the home screen) ends as cancelled after its work is done: that is not a failure here."""
    from textual.worker import WorkerCancelled

    for _ in range(10):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            return


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


@asynccontextmanager
async def signed_in(make_app, ctx, role: str, *keys: str, size=(80, 24), lang: str = "th"):
    """The demo office as ``role`` at ``size`` in ``lang``, after ``keys`` pressed from home one by one."""
    from demo_cache import fast_demo

    if ctx.store.is_empty():  # a test may have built it first (to read the files before)
        fast_demo(ctx)
    app = make_app(ctx.store.dir, lang)
    async with app.run_test(size=size) as pilot:
        await start(pilot, role)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        yield app, pilot


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


async def check_asks_before_replacing(pilot, key: str, folder) -> list:
    """Drive an export to fixed names on the screen in front: ``key`` with nothing there writes
    at once (the new files under ``folder``); once they are there, ``key`` asks first, naming the
    files (or their folder): n and escape keep each byte for byte, y replaces them. Returns the
    files. The one driver of the replace tests (tests/tui/test_export_replace.py)."""
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    app = pilot.app
    screen = app.screen
    listed = lambda: {p for p in folder.rglob("*") if p.is_file()}
    before = listed()
    await pilot.press(key)
    await settle(pilot)
    assert app.screen is screen, "no file there: written at once, no question"
    written = sorted(listed() - before)
    assert written, f"{key} wrote nothing under {folder}"
    heads = {p: p.read_bytes()[:4] for p in written}
    earlier = b"an earlier export, printed and signed"
    for p in written:
        p.write_bytes(earlier)
    for answer in ("n", "escape", "y"):
        await pilot.press(key)
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmModal), f"{key} replaced {written[0].name} without asking"
        text = question.question
        assert all(str(p) in text for p in written) or str(written[0].parent) in text, text
        await pilot.press(answer)
        await settle(pilot)
        assert app.screen is screen
        for p in written:
            kept = p.read_bytes() == earlier
            assert kept == (answer != "y"), (answer, p.name)
            assert kept or p.read_bytes().startswith(heads[p])
    return written
