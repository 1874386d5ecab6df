"""Every screen declares its keys once (issue 16): ``keys(...)`` / ``spec_keys(...)`` build both
``BINDINGS`` and ``ACTION_PERMISSIONS`` from one table, so that a permission always guards a key
the screen has and a key's permission cannot be forgotten in a second list."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import ethics_tui.tui.screens as screens_pkg
from ethics_tui.registers.spec import Action
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import keys, spec_keys


def test_keys_builds_bindings_and_permissions_from_one_table():
    bindings, perms = keys(
        Action("n", "new", "new", "staff.write"),
        Action("e", "export('pdf')", "dx_pdf", "pdf.export", show=False),
        Action("v", "view", "view"),
        Binding("down", "focus_table", show=False),
        back="app.pop_screen",
    )
    assert [(b.key, b.action, b.description, b.show) for b in bindings] == [
        ("n", "new", "new", True),
        ("e", "export('pdf')", "dx_pdf", False),
        ("v", "view", "view", True),
        ("down", "focus_table", "", False),
        ("escape", "app.pop_screen", "back", True),
    ]
    assert perms == {"new": "staff.write", "export": "pdf.export"}
    assert keys(Action("v", "view", "view"), back=None) == ([Binding("v", "view", "view")], {})


def test_spec_keys_put_the_year_keys_first_and_escape_last():
    year = [Binding("y", "choose_year", "rp_year")]
    bindings, perms = spec_keys("report", first=year)
    assert bindings[0].key == "y" and bindings[-1].key == "escape"
    assert perms and all(isinstance(p, str) for p in perms.values())


def _screen_classes():
    for info in pkgutil.iter_modules(screens_pkg.__path__):
        module = importlib.import_module(f"{screens_pkg.__name__}.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, GuardedScreen) and cls.__module__ == module.__name__:
                yield cls


def test_every_declared_permission_guards_a_key_of_its_screen():
    walked = 0
    for cls in _screen_classes():
        actions = {b.action.split("(")[0] for b in cls.BINDINGS if isinstance(b, Binding)}
        for action in cls.ACTION_PERMISSIONS:
            assert action in actions, (cls.__name__, action)
        walked += bool(cls.ACTION_PERMISSIONS)
    assert walked >= 15
