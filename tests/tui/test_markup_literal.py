"""Office text is shown as text, never read as Textual/Rich markup (QA2).

A division, a staff name, a circular's title, a complaint channel and a training title are given
``[b]x[/b] [@click=app.quit]y[/]`` and every list and form that shows them is opened at 80x24:
the text shows literally (nothing of it parsed as markup: the parsers are watched), no error,
and the app does not quit."""

from __future__ import annotations

import re

import pytest
from rich.text import Text
from textual.content import Content
from tui_helpers import notifications, settle, start

from ethics_tui.service import complaints

SIZE = (80, 24)
CANARY = "[b]x[/b] [@click=app.quit]y[/]"
TABLES = {
    "divisions": ("name",),
    "staff": ("first_name",),
    "notices": ("title",),
    "training_opportunities": ("title",),
    "complaints": ("channel",),
}


def plant(ctx) -> None:
    """The canary in front of every such text of the demo office (the channel: also in the
    complaint settings, as a channel the office uses)."""
    s = complaints.get_settings(ctx)
    s.channels = [f"{CANARY} {c}" for c in s.channels]
    data = ctx.store.load()
    with ctx.store.transaction(actor="test") as tx:
        tx.put(complaints.SETTINGS, 1, {**s.to_dict(), "rev": s.rev + 1})
        for table, fields in TABLES.items():
            for key, doc in data.get(table, {}).items():
                tx.put(table, int(key), {**doc, **{f: f"{CANARY} {doc[f]}" for f in fields}})
        tx.log("update", "test", 0, ["canary"])


@pytest.fixture
def parsed(monkeypatch):
    """Every markup parse that saw the canary (the text went to a widget as markup)."""
    seen: list[str] = []
    for cls in (Content, Text):
        original = cls.from_markup.__func__

        def watch(klass, markup, *a, _original=original, **k):
            if "@click=app.quit" in str(markup):
                import traceback

                ours = [
                    f for f in traceback.extract_stack() if "ethics_tui" in f.filename and "crash" not in f.filename
                ]
                seen.append(
                    f"{str(markup)[:40]!r} at {ours[-1].filename.split('/')[-1]}:{ours[-1].lineno}"
                    if ours
                    else str(markup)[:40]
                )
            return _original(klass, markup, *a, **k)

        monkeypatch.setattr(cls, "from_markup", classmethod(watch))
    return seen


async def visit(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def waiting_sinks(app) -> list[str]:
    """Text that would be parsed once drawn (a Select's list not opened yet, a table row or an
    option scrolled out of sight, a toast): the canary given as a str to a widget that reads
    markup."""
    from textual.widgets import DataTable, OptionList, Select

    def bad(value) -> bool:  # a str that reads as markup (an escaped one, "\\[@click", does not)
        return isinstance(value, str) and re.search(r"(?<!\\)\[@click", value) is not None

    out = []
    for w in app.screen.query(Select):
        out += [f"Select#{w.id} {p[:25]!r}" for p, _v in w._options if bad(p)]
    for w in app.screen.query(OptionList):
        out += [f"OptionList#{w.id} {o.prompt[:25]!r}" for o in w.options if w._markup and bad(o.prompt)]
    for w in app.screen.query(DataTable):
        out += [f"DataTable#{w.id} {c[:25]!r}" for row in w._data.values() for c in row.values() if bad(c)]
    out += [f"toast {n.message[:25]!r}" for n in app._notifications if n.markup and bad(n.message)]
    return out


def check(app, parsed: list[str], where: str, found: list[str]) -> None:
    assert app.is_running, f"the app quit at {where}"
    parsed += waiting_sinks(app)
    if parsed:
        found.append(f"{where}: {sorted(set(parsed))}")
        parsed.clear()
    assert not [n for n in notifications(app) if "ไม่คาดคิด" in n or "nexpected" in n], notifications(app)


TOURS = {
    # user: [(keys from the home screen, what opens)...]; each goes back home with escape
    "admin": [
        (("s",), "staff list"),
        (("s", "n"), "new staff form"),
        (("s", "enter"), "staff form of a member"),
        (("t",), "settings (divisions)"),
        (("t", "e"), "settings form"),
        (("f",), "training list"),
        (("f", "e"), "training form"),
        (("f", "m"), "nomination form"),
        (("f", "t"), "attendance form"),
        (("f", "y"), "training year view"),
        (("f", "q"), "training questions"),
        (("o",), "notices list"),
        (("o", "k"), "acknowledgement ticks"),
        (("o", "g"), "notice coverage"),
        (("o", "w"), "person's notices"),
        (("o", "n"), "announcement form"),
        (("o", "c"), "circular form"),
        (("c",), "committee orders"),
        (("c", "n"), "order form"),
        (("c", "e"), "order form of an order"),
        (("a",), "appraisal"),
        (("a", "enter"), "appraisal entry"),
        (("a", "g"), "grievances"),
        (("u",), "users"),
        (("u", "n"), "user form"),
        (("y",), "staff accounts"),
        (("m",), "yearly report"),
    ],
    "complaints": [
        (("p",), "complaints list"),
        (("p", "n"), "intake form"),
        (("p", "enter"), "case info"),
        (("p", "m"), "step form"),
        (("p", "s"), "complaint settings"),
        (("p", "t"), "complaint statistics"),
        (("p", "d"), "destruction list"),
    ],
    "committee": [
        (("c",), "committee orders"),
        (("c", "k"), "consultations"),
        (("c", "k", "n"), "consultation form"),
        (("c", "k", "m"), "consultation summary"),
    ],
}


LITERAL = {
    "staff list",
    "staff form of a member",
    "training list",
    "nomination form",
    "notices list",
    "notice coverage",
    "appraisal entry",
    "intake form",
    "case info",
    "complaint settings",
}


@pytest.mark.parametrize("user", sorted(TOURS))
async def test_office_text_is_shown_literally_everywhere(make_app, demo_ctx, parsed, user):
    plant(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, user)
        home, found = app.screen, []
        for keys, where in TOURS[user]:
            await visit(pilot, *keys)
            assert app.screen is not home, f"{where} did not open"
            if where in LITERAL:  # drawn as typed, brackets and all
                assert "[b]x[/b]" in app.export_screenshot().replace("&#160;", " "), where
            check(app, parsed, where, found)
            for _ in range(4):
                if app.screen is home:
                    break
                await visit(pilot, "escape")
            assert app.screen is home, f"{where}: could not go back home"
    assert found == [], "\n".join(found)


def test_lists_and_selects_are_built_plain():
    """Every Select, OptionList, SelectionList and DataTable of the TUI is built through
    widgets/plain.py (a new screen cannot bring markup back by building Textual's own)."""
    from pathlib import Path

    import ethics_tui.tui

    widgets = "Select|OptionList|SelectionList|DataTable"
    bare = re.compile(rf"(?<![\w.])({widgets})(\[\w+\])?\(|^class \w+\(({widgets})\):")
    root = Path(ethics_tui.tui.__file__).parent
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "plain.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line.strip()) and not line.lstrip().startswith("#")
    ]
    assert found == []
