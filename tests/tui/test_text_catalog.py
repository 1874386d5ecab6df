"""The TUI's texts: the data catalogs hold exactly the texts the Python tables held."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import ethics_tui.tui

# The merged (Thai, English) table as it stood before the texts moved out of Python
# (tui/i18n.py, tui/screens/*_text.py and the screens' own label blocks), dumped once.
BEFORE = Path(__file__).parent / "data" / "texts_before_toml.json"


def _import_every_tui_module() -> None:
    for info in pkgutil.walk_packages(ethics_tui.tui.__path__, "ethics_tui.tui."):
        importlib.import_module(info.name)


def test_every_text_is_as_it_was():
    from ethics_tui.tui.i18n import TEXT

    _import_every_tui_module()
    before = {key: tuple(pair) for key, pair in json.loads(BEFORE.read_text(encoding="utf-8")).items()}
    now = dict(TEXT)
    assert sorted(set(before) - set(now)) == []
    assert sorted(set(now) - set(before)) == []
    assert {k: v for k, v in now.items() if v != before[k]} == {}
