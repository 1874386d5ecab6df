from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ethics_tui.pdf import SAMPLE_KINDS, write_sample
from ethics_tui.pdf.samples import sample_settings


def pytest_configure(config: pytest.Config) -> None:
    # CI installs poppler-utils: fail loudly rather than skip.
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is required for tests/pdf"


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every sample layout, Thai digits."""
    out = tmp_path_factory.mktemp("samples")
    settings = sample_settings("thai")
    return {k: write_sample(k, out / f"{k}.pdf", settings) for k in SAMPLE_KINDS}


@pytest.fixture(scope="session")
def samples_arabic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("samples_arabic")
    settings = sample_settings("arabic")
    return {k: write_sample(k, out / f"{k}.pdf", settings) for k in ("order", "signoff", "slip")}
