from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
import textual.app
import textual.pilot

from demo_cache import fast_demo
from ethics_tui.service.context import Context

# documents in the bundled Sarabun whatever fonts this machine has (see pdf/fonts.py)
os.environ.setdefault("ETHICS_TUI_BUNDLED_FONT", "1")

#: how long Pilot's wait for an idle app sleeps between looks (Textual: 20 ms, with at least one
#: sleep after every key press and pause; that wait was half of the suite's wall time)
IDLE_SLICE = 0.002


def _update_pending_screen() -> bool:
    """Run the active app's pending screen update now (layout, scroll, repaint, recompose,
    after-refresh callbacks), as Textual's 1/60 s update timer would a few ms later, and as
    ``Pilot.pause`` does after its wait. True when there was one."""
    from textual._context import active_app

    try:
        screen = active_app.get().screen
    except Exception:  # no app, or no screen yet
        return False
    pending = (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )
    if pending:
        screen._on_timer_update()
    return bool(pending)


async def _wait_for_idle(min_sleep: float = IDLE_SLICE, max_sleep: float = 1) -> None:
    """Textual's ``wait_for_idle`` (pilot.py, app.py: after every key and pause) with a short
    slice and more conditions. Idle is: the process used no CPU in the last slice (threads
    included), the event loop has nothing else ready to run, *and* the screen had no update
    pending (one that was is run, and the wait goes on). The original guesses the last two
    from a 20 ms sleep."""
    import asyncio
    from time import monotonic, process_time

    loop = asyncio.get_running_loop()
    start = monotonic()
    while True:
        cpu = process_time()
        await asyncio.sleep(IDLE_SLICE)
        elapsed = monotonic() - start
        if elapsed >= max_sleep:
            return
        if elapsed <= min_sleep or process_time() - cpu >= IDLE_SLICE / 20:
            continue
        # nothing else ready to run: a key still passing from the driver to the app to the
        # screen is a callback in the loop's ready queue (under load the process can sleep
        # between those steps, which the CPU test alone reads as idle)
        if not getattr(loop, "_ready", None) and not _update_pending_screen():
            return


textual.app.wait_for_idle = _wait_for_idle
textual.pilot.wait_for_idle = _wait_for_idle


#: Python's collector runs its youngest generation every 700 new container objects; a Pilot
#: step makes tens of thousands (Textual's styles, segments, messages), so collections took a
#: fifth of the TUI tests' CPU. The tests' own objects are frozen out of every collection and
#: the young generation is collected every 20,000: the same objects are freed, fewer times.
GC_THRESHOLDS = (20_000, 10, 10)


def pytest_configure(config: pytest.Config) -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


#: files whose tests take seconds each (one app walking many screens, browsers, PDF galleries):
#: collected first, so that the run does not end with one worker alone on a long test. The
#: Makefile runs xdist with ``--dist worksteal``: with the default ``load`` a first chunk of a
#: quarter of each worker's share went to each worker, so one worker got all the slow tests and
#: ran two minutes after the other had finished.
SLOW_FIRST = (
    "tests/tui/test_snapshots.py",
    "tests/web/",
    "tests/tui/test_action_guard.py",
    "tests/tui/test_register_specs_tui.py",
    "tests/pdf/test_pdf_gallery.py",
    "tests/tui/",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return next((i for i, prefix in enumerate(SLOW_FIRST) if item.nodeid.startswith(prefix)), len(SLOW_FIRST))

    items.sort(key=rank)  # stable: each file keeps its order


#: the scrypt cost tests use instead of the real one (crypto.SCRYPT_N, 2**14: ~70 ms a sign-in);
#: stored records keep their own cost, so signing in stays the same code path
TEST_SCRYPT_N = 2**10


@pytest.fixture(autouse=True)
def _cheap_password_hashing(request, monkeypatch):
    """Every password record made in a test costs 2**10 instead of 2**14 (hundreds of demo
    sign-ins per run). Tests of the real cost, or of the dummy record of unknown users (built at
    import with the real cost), are marked ``real_kdf``."""
    if request.node.get_closest_marker("real_kdf"):
        return
    from ethics_tui.store import crypto

    monkeypatch.setattr(crypto, "SCRYPT_N", TEST_SCRYPT_N)


def _fsync_checked(fd) -> None:
    """``os.fsync`` without the wait for the disk: the file descriptor is still checked (a
    closed or wrong one raises as fsync would). What a kill leaves behind is tested with real
    processes (test_crash_and_concurrency.py), which keep the real fsync."""
    os.fstat(fd if isinstance(fd, int) else fd.fileno())


@pytest.fixture(autouse=True)
def _no_disk_flush(request, monkeypatch):
    """Durability against power loss cannot be checked in a test; the disk waits (3 fsyncs a
    save, ~0.5-4 ms each) are skipped. Tests that need the real call are marked ``real_fsync``."""
    if not request.node.get_closest_marker("real_fsync"):
        monkeypatch.setattr(os, "fsync", _fsync_checked)


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    """An opened, empty data folder."""
    return Context.open(tmp_path / "data", actor="tester")


@pytest.fixture
def demo_ctx(ctx: Context) -> Context:
    """The demo office, signed in as the demo admin (roles admin + hr)."""
    from ethics_tui.service.demo import demo_sign_in

    fast_demo(ctx)
    return demo_sign_in(ctx, "admin")
