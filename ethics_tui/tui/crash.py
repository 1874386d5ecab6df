"""No traceback reaches the screen: errors become a notification plus a log file.

* :class:`GuardedScreen` catches exceptions raised by the message handlers of a screen (and of
  widgets inside it whose messages bubble to it) and by its thread workers.
* :func:`guard` wraps callbacks (modal results, palette commands).
* ``EthicsApp`` catches exceptions in actions (key bindings) and, as a last resort, overrides
  ``App._handle_exception``.

A :class:`~ethics_tui.errors.UserError` is expected (bad input, a busy database, a full disk):
its Thai or English message is shown and nothing is logged. Anything else is logged with its
traceback to ``<data>/logs/ethics-tui.log`` and shown as a short error notification.
"""

from __future__ import annotations

import functools
import inspect
import logging
import tempfile
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from ethics_tui.logfile import LOG_NAME, open_log

R = TypeVar("R")
logger = logging.getLogger("ethics_tui.tui")


def setup_logging(data_dir: Path) -> Path:
    """Log to ``<data>/logs/ethics-tui.log`` (or the temp folder when that is not writable)."""
    for folder in (Path(data_dir) / "logs", Path(tempfile.gettempdir()) / "ethics-tui-logs"):
        try:
            path = open_log(folder)  # this account only (logfile.py)
            # backslashreplace: text with lone surrogates (a mis-decoded file name) is logged, never a crash
            handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace", delay=True)
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        return path
    return Path(tempfile.gettempdir()) / LOG_NAME


def guard(app, func):
    """Wrap a sync or async callback so that its errors are reported, not raised."""
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def async_wrapper(*args, **kwargs):
            try:
                return await func(*args, **kwargs)
            except Exception as exc:
                app.report_error(exc)
                return None

        return async_wrapper

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            app.report_error(exc)
            return None

    return wrapper


def action_permission(node, action: str, parameters: tuple[object, ...] = ()) -> str | None:
    """The permission ``node`` (a screen, the app) declares for ``action`` (None: anyone who sees
    the screen): its ``ACTION_PERMISSIONS``, or, for an action whose permission depends on its
    parameters (home's register keys), what its ``permission_for(action, parameters)`` says."""
    for_parameters = getattr(node, "permission_for", None)
    perm = for_parameters(action, parameters) if for_parameters is not None else None
    return perm or (getattr(node, "ACTION_PERMISSIONS", None) or {}).get(action)


def action_allowed(node, action: str, parameters: tuple[object, ...] = ()) -> bool:
    """False when ``node`` declares a permission for ``action`` that the signed-in user lacks."""
    perm = action_permission(node, action, parameters)
    ctx = getattr(node.app, "ctx", None)
    if not perm or ctx is None:
        return True
    from ethics_tui.service.access import can

    return can(ctx, perm)


def cover_key_lines(screen, covered: bool) -> None:
    """Hide (or show again) the keys of ``screen``'s key line, keeping the row: the screen does
    not move under the dialog. The keys stay built, so they come back as they were (or as the
    footer rebuilt them meanwhile, hidden too)."""
    from ethics_tui.tui.widgets.footer import Footer

    for line in screen.query(Footer):
        line.set_class(covered, "-covered")


class _GuardMixin:
    """Report exceptions from this node's message handlers and failed workers."""

    async def _on_message(self, message) -> None:  # Textual's per-message dispatch
        try:
            await super()._on_message(message)  # type: ignore[misc]
        except Exception as exc:
            self.app.report_error(exc)  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.app.report_error(event.worker.error)  # type: ignore[attr-defined]

    def on_screen_suspend(self) -> None:
        """A dialog opened over this one: its key line shows no keys, they would do nothing while
        the dialog is up (the dialog names its own keys). Under a whole screen: not drawn."""
        if self.app.screen.is_modal:  # (already on the stack when this runs)
            cover_key_lines(self, True)

    def on_screen_resume(self) -> None:
        cover_key_lines(self, False)

    def on_resize(self) -> None:
        """The field being typed in keeps its cursor in view, as when the dialog opens (Textual's
        Input keeps its old scroll: a long path showed its middle after the terminal narrowed)."""
        self.call_after_refresh(self._cursor_in_view)

    def _cursor_in_view(self) -> None:
        from textual.geometry import Region
        from textual.widgets import Input

        field = self.focused  # type: ignore[attr-defined]
        if isinstance(field, Input) and field.is_attached:
            field.scroll_to_region(Region(field._cursor_offset, 0, 1, 1), force=True, animate=False)

    def on_idle(self) -> None:
        """Lay out a screen under a dialog too. Textual lays out only the screen on top: after a
        resize, what a screen under the dialog changed in answer (a list refitted, home's panels)
        stayed unshown until the dialog closed, so a dialog open during a resize sat over a
        background a line off from the same dialog opened afresh at that size."""
        if getattr(self, "_layout_required", False) and self in self.app._background_screens:
            self._layout_required = False
            self._refresh_layout()
            stack = self.app.screen_stack
            for screen in stack[stack.index(self) + 1 :]:  # each draws the ones under it: again
                screen.refresh()

    def t(self, key: str, **kwargs: object) -> str:
        return self.app.t(key, **kwargs)  # type: ignore[attr-defined]

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    @property
    def ctx(self):
        return self.app.ctx  # type: ignore[attr-defined]


class GuardedScreen(_GuardMixin, Screen):
    """A screen whose bindings are translated and whose errors are reported.

    ``ACTION_PERMISSIONS`` maps an action name (as in ``BINDINGS``, without its arguments) to the
    service permission it needs (``service.access.PERMISSIONS``). :meth:`check_action` returns
    False for an action the signed-in user may not use, so Textual hides its key from the footer and
    the palette and never runs it; pressing the key anyway shows the Thai refusal (:meth:`on_key`).
    """

    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action_allowed(self, action, parameters)

    def on_key(self, event) -> None:
        """A hidden key pressed anyway (it reached the screen unused): say in Thai why not. The
        permission is the one ``check_action`` hid the key by: the screen's, or the app's for an
        ``app.`` action."""
        from textual.actions import parse

        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            namespace, name, parameters = parse(binding.action)
            node = self.app if namespace == "app" else self
            perm = action_permission(node, name, parameters)
            if perm and not action_allowed(node, name, parameters):
                event.stop()
                event.prevent_default()
                from ethics_tui.service.access import require

                require(self.ctx, perm)  # AccessDenied -> a Thai notification (see _GuardMixin)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from ethics_tui.tui.i18n import localize_bindings

        localize_bindings(self, self.app.lang)

    def hint_text(self, key: str, read_key: str, action: str, **kwargs: object) -> str:
        """The catalog text ``key``, which names the key of ``action`` ("… (กด b)"), or, for a
        role that may not use that action, ``read_key``: the same without the key."""
        return self.t(key if action_allowed(self, action) else read_key, **kwargs)

    def run_then(self) -> None:
        """Run the action a palette entry asked for (``self.then``) once the screen is shown."""
        then = getattr(self, "then", None)
        if then:
            self.then = None
            self.call_after_refresh(self.run_action, then)

    def recreate(self) -> GuardedScreen:
        """A fresh copy of this screen (used to redraw it in another language)."""
        return type(self)()


class GuardedModal(_GuardMixin, ModalScreen[R], Generic[R]):
    """A modal screen whose bindings are translated and whose errors are reported.

    ``BUTTONS`` maps a button id to the action it runs (``{"check": "check"}`` runs
    ``action_check``), so that a button and its key share one action; a button not listed
    (or without an id) cancels. A modal without ``BUTTONS`` handles its own buttons."""

    BUTTONS: ClassVar[dict[str, str]] = {}
    #: f1 opens the help over a dialog too (a dialog stops the app's keys that are not priority
    #: keys): closing it returns to the dialog as it was, whatever was typed kept
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "app.help", "help", show=False)]

    def on_button_pressed(self, event) -> None:
        if self.BUTTONS:
            event.stop()
            getattr(self, f"action_{self.BUTTONS.get(event.button.id or '', 'cancel')}")()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from ethics_tui.tui.i18n import localize_bindings

        localize_bindings(self, self.app.lang)
