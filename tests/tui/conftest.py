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
