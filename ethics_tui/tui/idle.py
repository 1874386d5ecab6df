"""Idle sign-out: a session left without a key press or a mouse action for the office's
``idle_minutes`` (settings; 0 = never) signs out, in the terminal and in a served browser
session alike. The clock is the monotonic clock, so a changed system time does not matter."""

from __future__ import annotations

import time

from textual import events

CHECK_EVERY = 15.0  # seconds between checks


class IdleWatch:
    def __init__(self) -> None:
        self.last = time.monotonic()

    def touch(self, event: events.Event | None = None) -> None:
        if event is None or isinstance(
            event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Paste)
        ):
            self.last = time.monotonic()

    def idle_seconds(self, now: float | None = None) -> float:
        return (time.monotonic() if now is None else now) - self.last


def idle_limit_minutes(ctx) -> int:
    from ethics_tui.service.settings import get_settings

    try:
        return int(get_settings(ctx).idle_minutes or 0)
    except (TypeError, ValueError):
        return 0


def check(app, now: float | None = None) -> bool:
    """Sign the app's user out if idle too long. Returns True when it did."""
    ctx = app.ctx
    if ctx is None or ctx.user is None:
        app.idle.touch()  # the clock starts at sign-in
        return False
    minutes = idle_limit_minutes(ctx)
    if minutes <= 0 or app.idle.idle_seconds(now) < minutes * 60:
        return False
    app.action_sign_out(asked=False)  # nobody is there to answer: typed data is not kept
    app.notify(app.t("idle_signed_out", n=minutes), severity="warning", timeout=30, markup=False)
    return True
