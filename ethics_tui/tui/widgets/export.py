"""The one export worker of the register screens.

:func:`run_export` runs ``job(progress)`` in a thread worker (the screen stays responsive), shows
a :class:`~textual.widgets.ProgressBar` while a long job reports its steps through ``progress(done,
total)`` (the evidence set, sign-off sheets for 1,000 staff), reports a UserError or OSError in
Thai (English in the English UI) and notifies with the full path(s) of what was written.
:func:`ask_before_replacing` asks before an export to a fixed file name replaces the file there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ethics_tui.errors import UserError
from ethics_tui.tui.export_notice import export_done, full
from ethics_tui.tui.widgets.footer import Footer

#: a job reporting fewer steps than this shows no bar (it ends before one would be read)
PROGRESS_MIN = 20

Progress = Callable[[int, int], None]


class ExportProgress(Horizontal):
    """A one-line bar under the screen's content while an export runs."""

    DEFAULT_CSS = """
    ExportProgress { height: 1; padding: 0 1; }
    ExportProgress > Static { width: auto; margin-right: 1; }
    ExportProgress > ProgressBar { width: 1fr; }
    """

    def __init__(self, label: str, total: int) -> None:
        super().__init__(id="export-progress")
        self.label = label
        self.bar = ProgressBar(total=total, show_eta=False)

    def compose(self):
        yield Static(self.label, markup=False)
        yield self.bar


def full_paths(result: Any) -> list[Path]:
    """The absolute paths a job returned (a path, a list of paths, or (path, extra))."""
    if result is None:
        return []
    if isinstance(result, (str, Path)):
        return [full(result)]
    if (
        isinstance(result, tuple)
        and result
        and isinstance(result[0], (str, Path))
        and not all(isinstance(x, (str, Path)) for x in result)
    ):
        return [full(result[0])]
    return [full(p) for p in result if isinstance(p, (str, Path))]


def os_error_text(screen, exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return screen.t("export_os_error", path=exc.filename or "", reason=reason)


def _show_progress(screen, done: int, total: int) -> None:
    if not screen.is_attached:
        return
    found = screen.query(ExportProgress)
    if found:
        box = found.first()
    else:
        box = ExportProgress(screen.t("export_working"), total)
        footers = screen.query(Footer)
        screen.mount(box, before=footers.first() if footers else None)
    box.bar.update(total=total, progress=done)


def _hide_progress(screen) -> None:
    for box in screen.query(ExportProgress):
        box.remove()


def run_export(
    screen,
    job: Callable[[Progress], Any],
    message: str | Callable[[list[Path]], str] = "export_saved",
    *,
    group: str = "export",
    announce: bool = False,
    timeout: float = 12,
    after: Callable[[list[Path]], None] | None = None,
    title: str | None = None,
    min_steps: int = PROGRESS_MIN,
    **fmt: object,
):
    """Run ``job(progress)`` in a thread worker of ``screen``; returns the Worker.

    ``message``: a label key formatted with ``path``/``paths`` (the full paths, joined) and
    ``n`` (their count) plus ``fmt``, or a function of the paths. ``announce``: say "exporting…"
    first. ``after(paths)``: run on the UI thread once the job succeeded (reload, hand the file to a
    browser). ``progress(done, total)`` may be called from the job's thread as often as it likes.
    A job that returns None wrote nothing and is not announced. ``min_steps``: a job reporting
    fewer steps shows no bar (1 for a job whose every step is slow: the evidence set)."""
    app = screen.app
    state = {"pct": -1}

    def progress(done: int, total: int) -> None:
        if total < min_steps:
            return
        pct = int(100 * done / total) if total else 100
        if pct != state["pct"]:  # at most ~100 updates, however many steps
            state["pct"] = pct
            app.call_from_thread(_show_progress, screen, done, total)

    def body() -> None:
        try:
            result = job(progress)
        except UserError as exc:
            app.call_from_thread(screen.notify, exc.message(screen.lang), severity="error", markup=False, timeout=10)
            return
        except OSError as exc:
            app.call_from_thread(screen.notify, os_error_text(screen, exc), severity="error", markup=False, timeout=10)
            return
        finally:
            if state["pct"] >= 0:
                app.call_from_thread(_hide_progress, screen)
        if result is None:
            return
        paths = full_paths(result)
        if after is not None:
            app.call_from_thread(after, paths)
        joined = ", ".join(str(p) for p in paths)
        text = (
            message(paths) if callable(message) else screen.t(message, path=joined, paths=joined, n=len(paths), **fmt)
        )
        app.call_from_thread(export_done, app, text, paths, title=title or "", timeout=timeout)

    if announce:
        screen.notify(screen.t("export_working"), timeout=2)
    return screen.run_worker(body, thread=True, exclusive=True, exit_on_error=False, group=group)


def ask_before_replacing(screen, path: Path, write: Callable[[], Any]) -> None:
    """Call ``write()`` at once, or, when ``path`` is already a file, only after the user agrees to
    replace it (the path prompts' question, y/n): n and escape write nothing, the file stays."""
    if not Path(path).is_file():
        write()
        return
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    def answered(yes: bool | None) -> None:
        if yes:
            write()

    screen.app.push_screen(ConfirmModal(screen.t("overwrite_file", path=full(path))), answered)
