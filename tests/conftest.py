from __future__ import annotations

import os
from pathlib import Path

import pytest

from demo_cache import fast_demo
from ethics_tui.service.context import Context

# documents in the bundled Sarabun whatever fonts this machine has (see pdf/fonts.py)
os.environ.setdefault("ETHICS_TUI_BUNDLED_FONT", "1")


#: files whose tests take seconds each (one app walking many screens, browsers, PDF galleries):
#: collected first, so that each xdist worker starts with its share of them and the run does not
#: end with one worker alone on a long test
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
