"""The Textual application. The only module the CLI imports to start the TUI.

Start-up: open the data folder; an empty folder gets the first-start choice, a damaged one the
problem screen (restore the newest good backup, or quit), otherwise the home screen.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.worker import Worker, WorkerFailed, WorkerState

from ethics_tui.errors import StorageError, UserError
from ethics_tui.service.context import Context
from ethics_tui.tui import crash, idle, session_watch
from ethics_tui.tui.commands import EthicsCommands
from ethics_tui.tui.i18n import localize_bindings, pick, t
from ethics_tui.tui.typeahead import TypeAhead

_IMPORTED_AT = time.time()


def seconds_since_process_start() -> float:
    """Seconds since this process started (Linux /proc; elsewhere since this module loaded)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time() - _IMPORTED_AT


def _staff_user(ctx) -> bool:
    from ethics_tui.model.user import STAFF_ROLE

    return ctx is not None and ctx.user is not None and STAFF_ROLE in ctx.user.roles


class EthicsApp(App):
    CSS_PATH = "app.tcss"
    COMMANDS = {EthicsCommands}  # Textual's English built-ins (Keys, Maximize, Theme...) hidden
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "help"),
        Binding("f2", "toggle_lang", "lang"),
        Binding("ctrl+l", "sign_out", "sign_out", priority=True),
        Binding("ctrl+q", "quit", "quit", priority=True),
        Binding("ctrl+o", "open_exports", "open_exports", show=False),
        # in a text box: select all, as in Word and Excel (Textual's ctrl+a goes to the start; home
        # still does); before the box's own keys, so priority
        Binding("ctrl+a", "select_all_text", "select_all", show=False, priority=True),
    ]

    def __init__(self, data_dir: Path, lang: str = "th") -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.lang = "en" if lang == "en" else "th"
        self.ctx: Context | None = None
        self.log_path: Path = self.data_dir / "logs" / crash.LOG_NAME
        self.unexpected_errors: list[BaseException] = []
        self.started = False
        self._check_pending = False  # open_database left the database check for after paint
        self.idle = idle.IdleWatch()
        self.typeahead = TypeAhead(self)
        self.last_export: Path | None = None  # what ctrl+o opens the folder of (tui/export_notice.py)
        localize_bindings(self, self.lang)

    #: the app's actions that need a permission (home's b and r keys, the palette): hidden and
    #: refused for other roles (hr backs up, only admin restores)
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {"backup": "backup.create", "restore": "backup.restore"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sign-out shows in the footer only while someone is signed in; backup and restore only
        for a role that may use them."""
        signed_in = self.ctx is not None and getattr(self.ctx, "user", None) is not None
        if action == "sign_out":
            return signed_in
        if crash.action_permission(self, action):
            return signed_in and crash.action_allowed(self, action)
        return True

    def t(self, key: str, **kwargs: object) -> str:
        return t(key, self.lang, **kwargs)

    # -- start-up --------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.log_path = crash.setup_logging(self.data_dir)
        self.title = self.t("app_title")
        self.set_interval(idle.CHECK_EVERY, lambda: idle.check(self))
        self.set_interval(session_watch.CHECK_EVERY, lambda: session_watch.check(self))
        self.open_database()

    async def on_event(self, event) -> None:
        self.idle.touch(event)
        if isinstance(event, events.Key):  # typed-ahead keys are handled one at a time
            if not event.is_forwarded:
                await self.typeahead.raw_key(event, super().on_event)
                return
            self.typeahead.bubbled_back(event)
        await super().on_event(event)

    def on_descendant_focus(self, event) -> None:
        """In a browser session a blinking cursor is a WebSocket frame twice a second per tab."""
        if self.is_web and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def on_ready(self) -> None:
        self.started = True
        crash.logger.info("start-up %.3f s (process start to first screen)", seconds_since_process_start())
        if self._check_pending:
            self.call_after_refresh(self._check_after_paint)
        if os.environ.get("ETHICS_TUI_EXIT_ON_READY") == "1":
            self.exit()

    def open_database(self) -> None:
        # each screen module is imported only on the path that shows it (start-up time)
        from ethics_tui.tui.screens.sign_in import SignInScreen, needs_sign_in

        try:
            self.ctx = Context.open(self.data_dir, lang=self.lang)
        except StorageError as exc:  # CorruptDatabaseError included: never overwritten
            from ethics_tui.tui.screens.problem import DatabaseProblemScreen

            self.ctx = None
            self.push_screen(DatabaseProblemScreen(exc))
            return
        if self.ctx.store.is_empty():
            from ethics_tui.tui.screens.first_start import FirstStartScreen

            self.push_screen(FirstStartScreen())
        elif not self._main_read():
            # the usual start: show the sign-in screen at once and read the database (all of
            # it: one file) only after the first paint (_check_after_paint)
            self._check_pending = True
            self.push_screen(SignInScreen())
        elif self._needs_admin():
            from ethics_tui.tui.screens.admin_setup import AdminSetupScreen

            self.push_screen(AdminSetupScreen())
        elif needs_sign_in(self.ctx):
            self.push_screen(SignInScreen())
        else:
            from ethics_tui.tui.screens.home import HomeScreen

            self._set_subtitle()
            self.push_screen(HomeScreen())
        pick = 1 if self.lang == "en" else 0
        for notice in self.ctx.store.notices:
            self.notify(notice[pick], severity="warning", timeout=10, markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice; after an export's notice, what its documents want the user to know
        (e.g. no emblem file is set), each once (``pdf.base.take_warnings``). Never read as
        markup, whatever ``markup`` says (a screen's notify passes True): a message carries
        office text (a title, a name, a file), see ``widgets/plain.py``."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)
        base = sys.modules.get("ethics_tui.pdf.base")  # no document written yet: nothing to say
        for th, en in base.take_warnings() if base else ():
            super().notify(en if self.lang == "en" else th, severity="warning", timeout=15, markup=False)

    def _main_read(self) -> bool:
        """Whether the main database is already parsed (open() had to read it)."""
        from ethics_tui.store.database import MAIN

        return MAIN in self.ctx.store._cache

    def _check_after_paint(self) -> None:
        """What open_database left for after the first paint: a database damaged inside gets
        the problem screen; an office without accounts gets the administrator's set-up."""
        from ethics_tui.tui.screens.sign_in import SignInScreen

        self._check_pending = False
        if self.ctx is None or not isinstance(self.screen, SignInScreen) or self.ctx.user is not None:
            return  # someone already moved on (signed in, quit): nothing left to decide
        try:
            needs_admin = self._needs_admin()
        except StorageError as exc:
            from ethics_tui.tui.screens.problem import DatabaseProblemScreen

            self.ctx = None
            self._clear_screens()
            self.push_screen(DatabaseProblemScreen(exc))
            return
        if needs_admin:
            self.go_home()  # shows the administrator's set-up

    def _needs_admin(self) -> bool:
        """An office without any account: the administrator must be created first."""
        from ethics_tui.service.access import setup_mode

        if self.ctx is None or self.ctx.store.is_empty() or not setup_mode(self.ctx):
            return False
        from ethics_tui.store import integrity

        # accounts the audit log knows were made are not "none yet": StorageError, not set-up
        # (open() leaves this to here so that the first paint parses nothing)
        integrity.check_main_present(self.ctx.store)
        return True

    def _set_subtitle(self) -> None:
        """The office, and who is signed in with which roles."""
        from ethics_tui.service.settings import get_settings
        from ethics_tui.service.users import role_names

        if self.ctx is None:
            self.sub_title = ""
            return
        parts = [get_settings(self.ctx).office_name]
        user = self.ctx.user
        self._who = None
        if user is not None:
            roles = role_names(user.roles, self.lang)
            name = user.display_name or user.username
            parts.append(self.t("signed_in_as", name=name, roles=roles))
            self._who = (parts[-1], self.t("signed_in_as", name=name, roles="").removesuffix(" ()"), name)
        self.sub_title = " · ".join(p for p in parts if p)

    def format_title(self, title: str, sub_title: str):
        """The header at this width: what is cut first is the app's title, then the office, then
        the roles; the user's name last."""
        from rich.cells import cell_len
        from textual.content import Content

        room = getattr(self, "_width", self.size.width) - 18  # the icon (8) left, the clock space (10) right
        if not sub_title or cell_len(f"{title} — {sub_title}") <= room:
            return super().format_title(title, sub_title)
        who = getattr(self, "_who", None) or ()
        for text in (sub_title, *who):
            if cell_len(text) <= room:
                return Content(text)
        return Content(who[-1] if who else sub_title)

    def on_resize(self, event: events.Resize) -> None:
        from textual.widgets import Header
        from textual.widgets._header import HeaderTitle

        self._width = event.size.width
        for screen in self.screen_stack:  # each header fits its text to the new width
            for header in screen.query(Header):
                header.query_one(HeaderTitle).update(header.format_title())

    def _clear_screens(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def go_home(self, sign_in_hint: str = "", username: str = "") -> None:
        """Show the home screen (or the sign-in screen while nobody is signed in)."""
        from ethics_tui.tui.screens.home import HomeScreen
        from ethics_tui.tui.screens.sign_in import SignInScreen, needs_sign_in

        self._clear_screens()
        self._set_subtitle()
        if self._needs_admin():
            from ethics_tui.tui.screens.admin_setup import AdminSetupScreen

            self.push_screen(AdminSetupScreen())
            return
        if needs_sign_in(self.ctx):
            self.push_screen(SignInScreen(sign_in_hint, username))
            return
        if _staff_user(self.ctx):  # staff self-service: their documents, nothing else
            from ethics_tui.tui.screens.my_documents import MyDocumentsScreen

            self.push_screen(MyDocumentsScreen())
            return
        self.push_screen(HomeScreen())

    # -- errors ----------------------------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        """A UserError is explained; anything else is logged and shown as a short message."""
        if isinstance(exc, WorkerFailed):
            exc = exc.error
        if isinstance(exc, UserError):
            self.notify(exc.message(self.lang), severity="error", timeout=10, markup=False)
            return
        self.unexpected_errors.append(exc)
        crash.logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        self.notify(self.t("unexpected", path=self.log_path), severity="error", timeout=15, markup=False)

    async def _dispatch_action(self, namespace, action_name, params) -> bool:
        try:
            self._check_action_permission(namespace, action_name, params)
            return await super()._dispatch_action(namespace, action_name, params)
        except Exception as exc:
            self.report_error(exc)
            return True

    def _check_action_permission(self, namespace, action_name: str, params: tuple[object, ...] = ()) -> None:
        """Refuse (AccessDenied, shown as a Thai notification) a screen action the role lacks.

        Keys are already hidden through ``GuardedScreen.check_action`` (and refused by its
        ``on_key``); this covers an action dispatched another way."""
        perm = crash.action_permission(namespace, action_name, params)
        if perm and self.ctx is not None:
            from ethics_tui.service.access import require

            require(self.ctx, perm)

    def _handle_exception(self, error: Exception) -> None:
        """Last resort (Textual internals): log it; never print a traceback on the screen."""
        if self.started and self.is_running:
            self.report_error(error)
            return
        real = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(real, UserError):
            message = real.message(self.lang)
        else:
            self.unexpected_errors.append(real)
            crash.logger.error("fatal error", exc_info=(type(real), real, real.__traceback__))
            message = self.t("fatal", path=self.log_path)
        self.exit(return_code=1, message=Text(message))

    def push_screen(self, screen, callback=None, wait_for_dismiss=False):
        if callback is not None:
            callback = crash.guard(self, callback)
        return super().push_screen(screen, callback, wait_for_dismiss=wait_for_dismiss)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    # -- navigation ------------------------------------------------------------------------
    def _needs_data(self) -> bool:
        from ethics_tui.tui.screens.sign_in import needs_sign_in

        return (
            self.ctx is not None
            and not self.ctx.store.is_empty()
            and not self._needs_admin()
            and not needs_sign_in(self.ctx)
            and not _staff_user(self.ctx)
        )

    def action_home(self) -> None:
        if self._needs_data():
            self.after_leaving_forms(self.go_home)

    def after_leaving_forms(self, then) -> None:
        """Run ``then`` (sign-out, quit, home: each closes every form) at once, or, when a form
        holds typed data not yet saved, only after the user agrees to drop it (the question
        escape asks in the form)."""
        from ethics_tui.tui.widgets.confirm import ask_then
        from ethics_tui.tui.widgets.form import FormModal

        if any(isinstance(s, FormModal) and s.has_unsaved_changes() for s in self.screen_stack):
            ask_then(self, self.t("discard_changes"), then)
        else:
            then()

    def action_staff(self, then: str | None = None) -> None:
        from ethics_tui.tui.screens.staff import StaffScreen

        if self._needs_data():
            self._show(StaffScreen, then)

    def action_settings(self, then: str | None = None) -> None:
        from ethics_tui.tui.screens.settings import SettingsScreen

        if self._needs_data():
            self._show(SettingsScreen, then)

    def action_open_register(self, key: str, then: str | None = None) -> None:
        """Open a plug-in register screen (see tui/registers.py), checking the role first."""
        from ethics_tui.service.access import require
        from ethics_tui.tui.registers import find

        if not self._needs_data():
            return
        reg = find(key)
        if reg is None:
            return
        require(self.ctx, reg.permission)  # a refusal becomes a Thai notification
        self._show(reg.screen, then)

    def _show(self, screen: type, then: str | None) -> None:
        """Open ``screen`` with ``then`` (an action to run once open), or, when that screen is
        already on top, run ``then`` on it."""
        if isinstance(self.screen, screen):
            if then:
                self.call_next(self.screen.run_action, then)
            return
        self.push_screen(screen(then=then))

    def action_toggle_lang(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return
        self.lang = "en" if self.lang == "th" else "th"
        if self.ctx is not None:
            self.ctx.lang = self.lang
        localize_bindings(self, self.lang)
        self.title = self.t("app_title")
        if self.ctx is not None and not self.ctx.store.is_empty():
            self._set_subtitle()
        rebuilt = [s.recreate() for s in self.screen_stack[1:] if hasattr(s, "recreate")]
        self._clear_screens()
        for screen in rebuilt:
            self.push_screen(screen)
        self.refresh_bindings()

    # -- the signed-in user ----------------------------------------------------------------
    def action_command_palette(self) -> None:
        from ethics_tui.tui.commands import open_palette

        open_palette(self)

    async def action_quit(self) -> None:
        from ethics_tui.tui.widgets.write_queue import refuse_while_writing

        if not refuse_while_writing(self):  # typed-ahead writes still queued are stored first
            self.after_leaving_forms(self.exit)

    def action_sign_out(self, asked: bool = True) -> None:
        """Forget the user and their keys; back to the sign-in screen. A form with typed data
        asks first, except at the idle sign-out (``asked=False``: nobody is at the PC)."""
        from ethics_tui.tui.widgets.write_queue import refuse_while_writing

        if self.ctx is None or self.ctx.user is None or refuse_while_writing(self):
            return
        if asked:
            self.after_leaving_forms(self._sign_out_now)
        else:
            self._sign_out_now()

    def _sign_out_now(self) -> None:
        from ethics_tui.service.users import sign_out

        if self.ctx is None or self.ctx.user is None:
            return
        sign_out(self.ctx)
        self.forget_toasts()  # the previous user's messages do not greet the next one
        self.go_home()  # the next person at the PC is often someone else: an empty username
        self.notify(self.t("signed_out"), markup=False)

    def forget_toasts(self, *messages: str) -> None:
        """Clear the toasts (at sign-out and sign-in: a save or export of the previous user that
        ended after sign-out is not shown to the next one); the data folder's notices stay.
        With ``messages``: only the toasts saying one of them (a form's "not valid yet" once it
        saved, an export's "exporting…" once it ended), the others stay."""
        keep = {pick(n, self.lang) for n in self.ctx.store.notices} if self.ctx is not None else set()
        gone = [
            toast
            for toast in self._notifications
            if toast.message not in keep and (not messages or toast.message in messages)
        ]
        for toast in gone:
            del self._notifications[toast]
        if gone or not messages:
            self._refresh_notifications()

    def action_change_password(self) -> None:
        from ethics_tui.tui.screens.users_forms import PasswordModal

        if self.ctx is None or self.ctx.user is None or isinstance(self.screen, PasswordModal):
            return

        def done(result) -> None:
            if result is not None:
                self.notify(self.t("password_changed"), markup=False)

        self.push_screen(PasswordModal(), done)

    def action_approve_keys(self) -> None:
        from ethics_tui.tui.screens.users_keys import GrantsModal

        if not self._needs_data() or isinstance(self.screen, GrantsModal):
            return

        def done(_granted) -> None:
            if hasattr(self.screen, "refresh_counts"):
                self.screen.refresh_counts()

        self.push_screen(GrantsModal(), done)

    def tell_approvable(self) -> None:
        """After sign-in: say when users wait for a key this user holds."""
        from ethics_tui.tui.screens.users_keys import approvable

        n = len(approvable(self.ctx))
        if n:
            self.notify(self.t("grants_waiting", n=n), severity="warning", timeout=10, markup=False)

    def action_help(self) -> None:
        """f1 on any screen, a form's dialog too (GuardedModal binds it): the keys the user may
        use there, in the office's digits as the menu writes them ("๖–๗")."""
        from ethics_tui.thai.digits import apply_digits
        from ethics_tui.tui.commands import available
        from ethics_tui.tui.screens.help import HelpModal, app_keys, screen_keys

        if isinstance(self.screen, HelpModal):
            return
        digits = "arabic"
        if self.ctx is not None:
            from ethics_tui.service.settings import get_settings

            digits = get_settings(self.ctx).digits
        keys = [(k, apply_digits(d, digits)) for k, d in screen_keys(self.screen)]
        commands = [apply_digits(title, digits) for title, _action in available(self)]
        self.push_screen(HelpModal(keys, commands, app_keys(self.screen)))

    def action_select_all_text(self) -> None:
        """ctrl+a: the focused text box's whole text selected (typing or pasting then replaces
        it: QA pasted a path into a pre-filled export path and got both); elsewhere nothing."""
        from textual.widgets import Input, TextArea

        box = self.focused
        if isinstance(box, (Input, TextArea)):
            box.select_all()

    def action_open_exports(self) -> None:
        from ethics_tui.tui.export_notice import open_exports

        open_exports(self)

    # -- backup and restore ----------------------------------------------------------------
    def action_backup(self) -> None:
        from ethics_tui.service.access import require

        if self._needs_data():
            require(self.ctx, "backup.create")  # a refusal becomes a Thai notification
            from ethics_tui.tui.screens.backup_dialog import BackupModal

            self.push_screen(
                BackupModal(self.ctx.store.backups_dir),
                lambda folder: self._backup(folder) if folder is not None else None,
            )

    @work(thread=True, exclusive=True, exit_on_error=False, group="backup")
    def _backup(self, folder: Path) -> None:
        from ethics_tui.service.backups import backup_now

        try:  # <folder>/manual-<stamp>.zip, named like every backup so the newest is found
            path = backup_now(self.ctx, to_dir=folder)
        except UserError as exc:
            self.call_from_thread(self.report_error, exc)
            return
        self.call_from_thread(self.notify, self.t("backup_done", path=path), timeout=10, markup=False)

    def action_restore(self) -> None:
        from ethics_tui.service.backups import describe, newest_backup
        from ethics_tui.service.input_files import normalize_path
        from ethics_tui.tui.widgets.confirm import ConfirmModal
        from ethics_tui.tui.widgets.prompt import TextPromptModal

        if self.ctx is None:
            return
        # the newest backup of any kind (a damaged database is restored from its own screen)
        newest = newest_backup(self.ctx)
        default = str(newest) if newest else str(self.ctx.store.backups_dir) + os.sep

        def confirmed(path: Path, yes: bool | None) -> None:
            if yes:
                self.restore_from(path)

        def chosen(text: str | None) -> None:
            if text:
                path = normalize_path(text)
                try:
                    about = describe(self.ctx, path)
                except UserError as exc:  # a missing or bad file: a Thai message, no question
                    self.report_error(exc)
                    return
                modal = ConfirmModal(self.restore_question(about))
                self.push_screen(modal, lambda yes: confirmed(path, yes))

        self.push_screen(
            TextPromptModal(
                self.t("restore_title"),
                self.t("restore_path"),
                default,
                path="open",
                suffixes=(".zip",),
                submit_label=self.t("restore_check"),
            ),
            chosen,
        )

    def restore_question(self, about) -> str:
        from ethics_tui.service.settings import get_settings
        from ethics_tui.thai.dates import format_date
        from ethics_tui.thai.digits import apply_digits

        when = "?"
        if about.created is not None:
            when = f"{format_date(about.created.date(), 'abbr', lang=self.lang)} {about.created:%H:%M}"
        size = f"{about.size / 1024:,.0f} KB" if about.size < 1 << 20 else f"{about.size / (1 << 20):,.1f} MB"
        text = self.t(
            "restore_confirm",
            path="\x00",
            when=when,
            size=size,
            staff=about.staff,
            docs=about.documents,
            acks=about.acks,
        )
        text = apply_digits(text, get_settings(self.ctx).digits) if self.ctx is not None else text
        return text.replace("\x00", str(about.path))  # a path keeps its own digits

    @work(thread=True, exclusive=True, exit_on_error=False, group="backup")
    def restore_from(self, path: Path) -> None:
        """Restore a backup (the service checks the role; a damaged database may always be
        restored, since nobody can sign in to it)."""
        from ethics_tui.service.backups import restore
        from ethics_tui.store.database import Store

        ctx = self.ctx if self.ctx is not None else Context(store=Store(self.data_dir), lang=self.lang)
        try:
            saved = restore(ctx, Path(path))
        except UserError as exc:
            self.call_from_thread(self.report_error, exc)
            return
        self.call_from_thread(self._restored, saved)

    def _restored(self, saved: Path | None) -> None:
        message = self.t("restore_done", path=saved) if saved else self.t("restore_done_plain")
        self._clear_screens()
        self.ctx = None
        self.open_database()
        self.notify(message, timeout=12, markup=False)


def run_app(data_dir: Path, lang: str = "th") -> int:
    """Run the TUI on ``data_dir``; returns the process exit code."""
    app = EthicsApp(Path(data_dir), lang)
    app.run()
    return app.return_code or 0
