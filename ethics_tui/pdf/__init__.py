"""The Thai official document engine (fpdf2 + HarfBuzz + pythainlp line breaking).

Layouts take plain data (:mod:`ethics_tui.pdf.models`) and an output path. Import the
layout modules directly; this package only exposes light names so that importing it stays
cheap (fpdf2 and pythainlp load on first use).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ethics_tui.pdf.authenticity import sha256_file

if TYPE_CHECKING:
    from ethics_tui.model.settings import OfficeSettings

SAMPLE_KINDS = ("order", "announcement", "circular", "signoff", "report", "slip", "memo")


def write_sample(kind: str, path: str | Path, settings: OfficeSettings | None = None) -> Path:
    """Write a sample PDF of layout ``kind`` (see :data:`SAMPLE_KINDS`)."""
    from ethics_tui.pdf.samples import write_sample as _write

    return _write(kind, path, settings)


__all__ = ["SAMPLE_KINDS", "sha256_file", "write_sample"]
