"""The one export worker of the register screens.

:func:`run_export` runs ``job(progress)`` in a thread worker (the screen stays responsive), shows
a :class:`~textual.widgets.ProgressBar` while a long job reports its steps through ``progress(done,
total)`` (the evidence set, sign-off sheets for 1,000 staff), reports a UserError or OSError in
Thai (English in the English UI) and notifies with the full path(s) of what was written.
No export replaces a file without asking: ``run_export(..., replaces=path(s))`` (an export to a
fixed file name) asks first through :func:`ask_before_replacing`, :func:`export_documents` does so
for documents to their default names, :func:`ask_before_writing_into` for a folder (the ITA
evidence set). Names with a time stamp (confidential exports, account slips) and the path prompts
(which ask themselves) pass no ``replaces``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ethics_tui.errors import UserError
from ethics_tui.tui.export_notice import export_done, full
from ethics_tui.tui.widgets.confirm import ask_then
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
    replaces: Path | Iterable[Path] | None = None,
    **fmt: object,
):
    """Run ``job(progress)`` in a thread worker of ``screen``; returns the Worker (None when
    ``replaces`` names a file already there: the worker starts once the user agrees).

    ``message``: a label key formatted with ``path``/``paths`` (the full paths, joined) and
    ``n`` (their count) plus ``fmt``, or a function of the paths. ``announce``: say "exporting…"
    first. ``after(paths)``: run on the UI thread once the job succeeded (reload, hand the file to a
    browser). ``progress(done, total)`` may be called from the job's thread as often as it likes.
    A job that returns None wrote nothing and is not announced. ``min_steps``: a job reporting
    fewer steps shows no bar (1 for a job whose every step is slow: the evidence set).
    ``replaces``: the fixed path(s) the job writes; any already a file is replaced only if the user
    says so (:func:`ask_before_replacing`)."""
    if replaces is not None:
        kw = dict(group=group, announce=announce, timeout=timeout, after=after, title=title, min_steps=min_steps)
        start = lambda: run_export(screen, job, message, **kw, **fmt)
        if any(Path(p).is_file() for p in _paths(replaces)):
            ask_before_replacing(screen, replaces, start)
            return None
        return start()
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
            if announce:  # its "exporting…" toast ends with it, whatever the outcome
                app.call_from_thread(app.forget_toasts, working)
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

    working = screen.t("export_working")
    if announce:
        screen.notify(working, timeout=2)
    return screen.run_worker(body, thread=True, exclusive=True, exit_on_error=False, group=group)


def _paths(path: Path | Iterable[Path]) -> list[Path]:
    return [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]


#: the files a replace question names at most (more: "…"; the dialog fits 80x24)
ASK_MAX = 4


def ask_before_replacing(screen, path: Path | Iterable[Path], write: Callable[[], Any]) -> None:
    """Call ``write()`` at once, or, when ``path`` (or one of several) is already a file, only after
    the user agrees to replace it (the path prompts' question, y/n): n and escape write nothing,
    the files stay."""
    there = [p for p in _paths(path) if p.is_file()]
    if not there:
        write()
        return
    if len(there) == 1:
        question = screen.t("overwrite_file", path=full(there[0]))
    else:
        names = [str(full(p)) for p in there[:ASK_MAX]] + (["…"] if len(there) > ASK_MAX else [])
        question = screen.t("overwrite_files", paths="\n".join(names))
    ask_then(screen, question, write)


def ask_before_writing_into(screen, folder: Path, write: Callable[[], Any]) -> None:
    """A folder export (the ITA evidence set: the index links to the files beside it, so the set
    stays in its one folder): ask before writing into it when it already holds files."""
    folder = Path(folder)
    if folder.is_dir() and any(p.is_file() for p in folder.iterdir()):
        ask_then(screen, screen.t("overwrite_folder", dir=full(folder)), write)
    else:
        write()


def export_documents(screen, docs: list[tuple[str, dict]], message: str | Callable = "export_saved", **kw) -> None:
    """Write each ``(kind, params)`` document (``service.documents``) to its default path in the
    export worker, asking first when one is already a file (a confidential kind's name has a
    time stamp: never there). The permission is checked before the question."""
    from ethics_tui.service import documents
    from ethics_tui.service.access import require

    ctx = screen.ctx
    try:
        for kind, _params in docs:
            require(ctx, documents.document(kind).permission)
        outs = [documents.default_path(ctx, kind, **params) for kind, params in docs]
    except UserError as exc:
        screen.notify(exc.message(screen.lang), severity="error", markup=False, timeout=10)
        return

    def job(progress) -> list[Path]:
        return [documents.write(ctx, kind, out, progress=progress, **params) for (kind, params), out in zip(docs, outs)]

    run_export(screen, job, message, replaces=outs, **kw)
