"""Typed-ahead keys: one key at a time, so that no keystroke is lost or misread.

Textual forwards a key to the focused widget and runs the screen's bindings only when the key
bubbles back to the app, so keys typed quickly after ``n`` reached the list (where a/d/e/i/x
are commands) before the new form was even pushed, and a Tab in a burst moved the focus after
the rest of the burst had gone into the old field. Here the app holds each further key while
a key that may change the screen or the focus is being handled, and while a screen just
pushed has not yet focused its first field; then it lets the held keys through in order.

Plain characters typed into a text field are never held: they queue up in that field anyway.
"""

from __future__ import annotations

from collections import deque

from textual import events

POLL = 0.01  # seconds between checks while a key is being handled
MAX_POLLS = 50  # never hold keys longer than about half a second
TURNS = 3  # turns of the app's queue a new screen gets to focus its field


def _text_field(widget) -> bool:
    from textual.widgets import Input, TextArea

    return isinstance(widget, (Input, TextArea))


class TypeAhead:
    def __init__(self, app) -> None:
        self.app = app
        self.queue: deque[events.Key] = deque()
        self.flight: events.Key | None = None  # the key being handled
        self.screen = None  # the screen when it was sent
        self.bubbled = False
        self.confirmed = False
        self.polls = 0
        self.turns = 0
        self.timer = None

    def _needs_hold(self, event: events.Key) -> bool:
        focused = self.app.focused
        return not (focused is not None and _text_field(focused) and event.is_printable and event.key != "tab")

    async def raw_key(self, event: events.Key, forward) -> None:
        """A key from the terminal: forward it now (``await forward(event)``) or hold it."""
        if self.flight is not None or self.queue:
            self.queue.append(event)
            self._schedule()
            return
        await self._send(event, forward)

    async def _send(self, event: events.Key, forward) -> None:
        self._forward = forward
        if self._needs_hold(event):
            self.flight, self.screen, self.bubbled, self.polls = event, self.app.screen, False, 0
            self.confirmed, self.turns = False, 0
        target = self.app.focused or self.app.screen
        await forward(event)
        if self.flight is not None and not event.is_forwarded:
            self.bubbled = True  # a priority binding took it at once (only a new screen may wait)
            self.app.call_later(self.check)
            return
        if self.flight is not None:
            # checked again once the widget has handled it (a key it stops never comes back)
            target.call_later(self.app.call_later, self.check)
            self._schedule()

    def bubbled_back(self, event: events.Key) -> None:
        """The key came back to the app (its bindings run now)."""
        if event is self.flight:
            self.bubbled = True
            self.app.call_later(self.check)

    def _schedule(self) -> None:
        if self.timer is None:
            self.timer = self.app.set_timer(POLL, self._tick)

    async def _tick(self) -> None:
        self.timer = None
        await self.check()

    def _settled(self) -> bool:
        event = self.flight
        if event is None:
            return True
        self.polls += 1
        if self.polls > MAX_POLLS:
            return True
        # a key stopped on its way up (the screen stops it too, just before it reaches the app)
        # or back at the app, where the bindings run
        if not (self.bubbled or event._stop_propagation):
            return False
        screen = self.app.screen
        if screen is self.screen:
            return True
        # a screen was pushed or popped: wait until it has focused its field (the scrolling
        # body a form auto-focuses first is not where typed keys belong)
        if not screen.is_mounted or not getattr(screen, "typeahead_ready", True):
            return False
        focused = screen.focused
        if focused is not None and not any(w.focusable for w in focused.walk_children()):
            return True
        # a screen that focuses nothing or a container: a few turns of the app's queue let its
        # deferred focus arrive, then the keys go on (no waiting on a clock)
        self.turns += 1
        return self.turns > TURNS

    @property
    def idle(self) -> bool:
        return self.flight is None and not self.queue

    async def check(self) -> None:
        if self.flight is None and not self.queue:
            return
        if not self._settled():
            self.confirmed = False
            if self.turns:  # counting turns of the queue
                self.app.call_later(self.check)
            else:
                self._schedule()
            return
        if self.flight is not None and not self.confirmed:
            # once more through the app's queue: what the key set going (the bubbled key, a
            # screen's deferred focus) is queued there before this check
            self.confirmed = True
            self.app.call_later(self.check)
            return
        self.flight, self.confirmed = None, False
        while self.queue and self.flight is None:
            await self._send(self.queue.popleft(), self._forward)
