"""Keyboard-flow writes in order, off the event loop: ``write_queue(node).put(work, done, undo)``.

A form saves once and waits (widgets/saving.py ``run_write``). A keyboard flow writes once per
key: a space ticks a person off, enter stores a row of scores, enter saves a mapping preset. The
officer types ahead, so such writes go through one queue per screen:

* ``put`` returns at once. The screen shows the change straight away (the row as it will be,
  marked as pending) and moves on; keys typed meanwhile are handled at once (the cursor moves,
  the search types), also while another program holds the store's lock.
* One thread worker (group :data:`~ethics_tui.tui.widgets.saving.WRITE_GROUP`) runs the queued
  writes strictly in the order they were put, one after the other; it ends when the queue is
  empty and starts again with the next ``put``. ``done(result)`` runs on the event loop after its
  write is stored and before the next write starts, so a write queued after it (an undo) sees
  what ``done`` recorded.
* While writes wait, the screen shows "กำลังบันทึก…" (a badge at the bottom, as ``run_write``).
* A write that fails (a lock wait that ran out, a :class:`UserError`) stops the queue: it and
  every write queued after it are dropped, newest first, each through its ``undo()`` (the screen
  puts the row back to what is stored), and the Thai message says why and lists what was not
  saved (``what`` of each dropped write: a name, a page) - as a notification, or through the
  queue's ``failed(text)`` hook. Keeping the later writes would store them
  out of the order they were typed in (an undo would take back the wrong change) and each
  would wait for the busy lock again; so the rule is simple to tell: nothing from the failed
  key on was saved, and the rows show what is stored.
* Quitting or signing out waits until the queue is empty (:func:`refuse_while_writing`): the
  writes still queued would be lost, or run without the user.
* Anything else is raised in the worker, so the screen's guard (tui/crash.py) reports it; the
  queued writes are dropped the same way.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ethics_tui.errors import UserError
from ethics_tui.tui.widgets.saving import WRITE_GROUP, is_lock_wait, lock_wait_error, saving_badge

NOT_SAVED = (
    "ยังไม่ได้บันทึก {n} รายการ: {what} — ที่แสดงอยู่ตอนนี้คือข้อมูลที่บันทึกไว้จริง",
    "{n} change(s) not saved: {what}. What is shown now is what is stored.",
)
NAMED = 5  # the dropped writes named in the message; more are counted
WAIT_FIRST = (
    "กำลังบันทึก… ยังเหลืออีก {n} รายการ รอให้บันทึกเสร็จก่อนแล้วลองอีกครั้ง",
    "Saving… {n} change(s) still to store; try again when they are saved.",
)
_QUEUES: weakref.WeakSet[WriteQueue] = weakref.WeakSet()


@dataclass
class _Job:
    work: Callable[[], Any]
    done: Callable[[Any], None] | None
    undo: Callable[[], None] | None
    what: str = ""


class WriteQueue:
    """The ordered writes of one screen or modal (see the module text)."""

    def __init__(self, node) -> None:
        self.node = node
        self.jobs: deque[_Job] = deque()  # touched on the event loop only
        self.running: _Job | None = None
        self.active = False  # a worker is draining the queue
        self.failed: Callable[[str], None] | None = None  # shows the failure's text
        self._busy = saving_badge(node)
        _QUEUES.add(self)

    @property
    def waiting(self) -> int:
        """Writes put and not yet stored (or dropped)."""
        return len(self.jobs) + (self.running is not None)

    def put(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        undo: Callable[[], None] | None = None,
        what: str = "",
    ) -> None:
        """Queue ``work()``; ``done(result)`` after it is stored, ``undo()`` if it is dropped;
        ``what`` names it in the message when it is not saved."""
        self.jobs.append(_Job(work, done, undo, what))
        if self.active:
            return
        self.active = True
        self._busy(True)
        self.node.run_worker(
            self._drain, thread=True, group=WRITE_GROUP, exit_on_error=False, name=f"writes:{type(self.node).__name__}"
        )

    # -- on the event loop -------------------------------------------------------------------
    def _next(self) -> _Job | None:
        self.running = self.jobs.popleft() if self.jobs else None
        if self.running is None:
            self.active = False
            self._busy(False)
        return self.running

    def _stored(self, job: _Job, result: Any) -> None:
        self.running = None
        if job.done is not None and self.node.is_attached:
            job.done(result)

    def _stop(self, job: _Job | None, error: UserError | None) -> None:
        dropped = [job] if job is not None else []
        dropped += self.jobs
        self.jobs.clear()
        self.running = None
        self.active = False
        self._busy(False)
        app = self.node.app
        if not self.node.is_attached:  # the screen was left meanwhile: a refusal is still told
            if error is not None:
                app.notify(error.message(app.lang), severity="error", markup=False)
            return
        for each in reversed(dropped):
            if each.undo is not None:
                each.undo()
        if error is None:
            return
        text = failure_text(self.node, error, [each.what for each in dropped])
        if self.failed is not None:
            self.failed(text)
            return
        app.notify(text, severity="error", markup=False)

    # -- in the worker thread ----------------------------------------------------------------
    def _drain(self) -> None:
        app = self.node.app
        while True:
            job = app.call_from_thread(self._next)
            if job is None:
                return
            try:
                result = job.work()
            except UserError as exc:
                error = lock_wait_error(self.node.ctx, in_form=False) if is_lock_wait(exc) else exc
                app.call_from_thread(self._stop, job, error)
                return
            except BaseException:
                app.call_from_thread(self._stop, job, None)
                raise
            try:
                app.call_from_thread(self._stored, job, result)
            except BaseException:  # a bug in done(): reported by the guard, the rest dropped
                app.call_from_thread(self._stop, None, None)
                raise


def failure_text(node, error: UserError, whats: list[str]) -> str:
    """The failed write's message and what was not saved (the failed write and those after it)."""
    lang = node.app.lang
    text = error.message(lang)
    named = [w for w in whats if w]
    if len(whats) > 1 or named:
        from ethics_tui.service.settings import get_settings
        from ethics_tui.thai.digits import apply_digits

        what = ", ".join(named[:NAMED]) + (" …" if len(named) > NAMED else "")
        more = NOT_SAVED[1 if lang == "en" else 0].format(n=len(whats), what=what or "-")
        text += "\n" + (more if lang == "en" else apply_digits(more, get_settings(node.ctx).digits))
    return text


def write_queue(node) -> WriteQueue:
    """The write queue of ``node`` (a screen or modal), made on first use."""
    queue = getattr(node, "_write_queue", None)
    if queue is None:
        queue = node._write_queue = WriteQueue(node)
    return queue


def refuse_while_writing(app) -> bool:
    """True (and says so) while any screen's queued writes are not stored yet, also those of a
    screen already left: the app does not quit or sign out under them."""
    n = sum(q.waiting for q in list(_QUEUES) if q.active and q.node.app is app)
    if n:
        from ethics_tui.service.settings import get_settings
        from ethics_tui.thai.digits import apply_digits

        text = WAIT_FIRST[1 if app.lang == "en" else 0].format(n=n)
        if app.lang != "en":
            text = apply_digits(text, get_settings(app.ctx).digits)
        app.notify(text, severity="warning", markup=False)
    return bool(n)


def queued(node) -> int:
    """Writes of ``node``'s queue not yet stored (0 when it has none)."""
    queue = getattr(node, "_write_queue", None)
    return 0 if queue is None else queue.waiting
