"""Pilot test fixtures: an app on a data folder that fails the test on any unexpected error."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethics_tui.tui.app import EthicsApp


@pytest.fixture
def make_app():
    apps: list[EthicsApp] = []

    def factory(data_dir: Path, lang: str = "th") -> EthicsApp:
        app = EthicsApp(Path(data_dir), lang)
        apps.append(app)
        return app

    yield factory
    for app in apps:  # an unexpected error anywhere fails the test
        assert app.unexpected_errors == [], app.unexpected_errors


@pytest.fixture(autouse=True)
def _writes_settle_between_steps(request, monkeypatch):
    """Saves run in thread workers (tui/widgets/saving.py); a Pilot step (press, click, pause)
    here waits until they are stored and their results shown, as a person would before the next
    key, so a test can press ctrl+s and look. Tests of the waiting itself opt out with
    ``@pytest.mark.writes_in_background``."""
    if request.node.get_closest_marker("writes_in_background"):
        return
    from textual.pilot import Pilot
    from textual.worker import WorkerCancelled, WorkerFailed

    from ethics_tui.tui.widgets.saving import WRITE_GROUP

    original = Pilot._wait_for_screen

    async def wait_for_screen(self, timeout: float = 30.0) -> bool:
        result = await original(self, timeout)
        for _ in range(10):  # a save's result may open another form that saves (rare)
            pending = [w for w in self.app.workers if w.group == WRITE_GROUP and not w.is_finished]
            if not pending:
                break
            for worker in pending:
                try:
                    await worker.wait()
                except (WorkerCancelled, WorkerFailed):
                    pass  # a failure is reported by the app (unexpected_errors fails the test)
            result = await original(self, timeout)
        return result

    monkeypatch.setattr(Pilot, "_wait_for_screen", wait_for_screen)
