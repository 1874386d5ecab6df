"""Writes off the event loop: ``run_write(node, work, done)`` runs a service write in a thread.

Every TUI write (a form's save, a confirmed delete/approve/untick on a screen) goes through
:func:`run_write`. The write waits for the store's lock (another program or PC may hold it for
seconds) in a thread worker, so the screen keeps drawing and answering keys meanwhile:

* while it runs, the node shows that it is saving (``busy(True)``; by default a "กำลังบันทึก…"
  line at the bottom of the screen after a short moment) and a second write on the same node is
  refused with that message instead of saving twice;
* ``done(result)`` runs on the event loop once the write is stored; a :class:`UserError` goes to
  ``failed(error)`` (default: a Thai notification), never a traceback;
* a lock wait that runs out (``Store.lock_timeout``) becomes a clear Thai message saying that
  nothing was saved and what was typed is still there;
* anything else is raised in the worker, so the node's guard (tui/crash.py) logs and reports it.

Workers run in the group :data:`WRITE_GROUP` (tests wait for it, see tests/tui/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Static
from textual.worker import Worker

from ethics_tui.errors import StorageError, UserError

WRITE_GROUP = "write"
SAVING = ("กำลังบันทึก…", "Saving…")
#: the badge of a screen write appears only when the write takes longer than this (seconds)
BADGE_DELAY = 0.3


def saving_text(lang: str) -> str:
    return SAVING[1] if lang == "en" else SAVING[0]


def is_lock_wait(exc: BaseException) -> bool:
    """True for the store's "the lock was not free within lock_timeout" error."""
    if not isinstance(exc, StorageError):
        return False
    try:
        from filelock import Timeout
    except ImportError:  # pragma: no cover - filelock is a dependency
        return False
    return isinstance(exc.__cause__, Timeout)


def lock_wait_error(ctx, *, in_form: bool) -> UserError:
    """The message for a lock wait that ran out: who holds it, that nothing was saved, what next."""
    seconds = getattr(getattr(ctx, "store", None), "lock_timeout", 0) or 0
    n = f"{seconds:g}"
    try:
        from ethics_tui.service.settings import get_settings
        from ethics_tui.thai.digits import apply_digits

        n_th = apply_digits(n, get_settings(ctx).digits)
    except Exception:
        n_th = n
    keep_th = " ข้อมูลที่กรอกไว้ยังอยู่ครบ กด ctrl+s เพื่อบันทึกอีกครั้ง" if in_form else " โปรดลองอีกครั้ง"
    keep_en = " What you typed is still here: press ctrl+s to try again." if in_form else " Please try again."
    return UserError(
        f"ยังไม่ได้บันทึก: รอฐานข้อมูลนานเกิน {n_th} วินาที เพราะโปรแกรมหรือเครื่องอื่นกำลังบันทึกอยู่" + keep_th,
        f"Not saved: waited more than {n} s for the database, which another program or PC is saving to." + keep_en,
    )


class SavingBadge(Static):
    """ "กำลังบันทึก…" at the bottom of a screen while a slow write runs."""

    DEFAULT_CSS = """
    SavingBadge {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $warning;
        color: $text;
        text-style: bold;
        padding: 0 1;
    }
    """


def writing(node) -> bool:
    """True while a write started by ``node`` runs, or its keyboard writes wait
    (widgets/write_queue.py): a confirmed write then waits its turn instead of overtaking them."""
    queue = getattr(node, "_write_queue", None)
    return getattr(node, "_write_worker", None) is not None or (queue is not None and queue.waiting > 0)


def saving_badge(node) -> Callable[[bool], None]:
    """The default indicator of a screen write: a badge after BADGE_DELAY, gone when done."""
    state: dict[str, Any] = {}

    def show_badge() -> None:
        badge = SavingBadge(saving_text(node.app.lang), markup=False)
        state["badge"] = badge
        node.screen.mount(badge)

    def busy(on: bool) -> None:
        if on:
            state["timer"] = node.set_timer(BADGE_DELAY, show_badge)
            return
        timer = state.pop("timer", None)
        if timer is not None:
            timer.stop()
        badge = state.pop("badge", None)
        if badge is not None and badge.is_attached:
            badge.remove()

    return busy


def run_write(
    node,
    work: Callable[[], Any],
    done: Callable[[Any], None] | None = None,
    *,
    failed: Callable[[UserError], None] | None = None,
    busy: Callable[[bool], None] | None = None,
    in_form: bool = False,
) -> Worker | None:
    """Run ``work()`` (a service write) in a thread worker of ``node`` (a screen or modal).

    Returns the worker, or None when ``node`` is still saving (the press is refused with the
    saving message). ``done``/``failed``/``busy`` run on the event loop."""
    app = node.app
    if writing(node):
        node.notify(saving_text(app.lang), severity="warning", markup=False)
        return None
    indicator = busy if busy is not None else saving_badge(node)

    def finish(ok: bool, value: Any) -> None:
        node._write_worker = None
        error = None if ok else lock_wait_error(node.ctx, in_form=in_form) if is_lock_wait(value) else value
        if not node.is_attached:  # the screen was left meanwhile: the write stands, a refusal is told
            if error is not None:
                app.notify(error.message(app.lang), severity="error", markup=False)
            return
        indicator(False)
        if error is None:
            if done is not None:
                done(value)
        elif failed is not None:
            failed(error)
        else:
            node.notify(error.message(app.lang), severity="error", markup=False)

    def job() -> None:
        try:
            result = work()
        except UserError as exc:
            app.call_from_thread(finish, False, exc)
            return
        except BaseException:
            app.call_from_thread(_reset, node, indicator)
            raise
        app.call_from_thread(finish, True, result)

    indicator(True)
    worker = node.run_worker(
        job, thread=True, group=WRITE_GROUP, exit_on_error=False, name=f"write:{type(node).__name__}"
    )
    node._write_worker = worker
    return worker


def _reset(node, indicator: Callable[[bool], None]) -> None:
    node._write_worker = None
    indicator(False)


def confirm_write(
    node, question: str, work: Callable[[], Any], done: Callable[[Any], None] | None = None, *, danger: bool = True
) -> None:
    """Ask ``question`` (yes/no); on yes, :func:`run_write` ``work`` and then ``done(result)``."""
    from ethics_tui.tui.widgets.confirm import ask_then

    ask_then(node, question, lambda: run_write(node, work, done), danger=danger)
