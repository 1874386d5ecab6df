"""Hints name keys as the key line does: lower case ("f3", "esc", "enter", "ctrl+z"), the way
the footer writes them and ``i18n.key_label`` writes labels. The tick-off hint wrote "F3" over a
key line that says "f3" (QA, stop 24)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tui_helpers import settle, signed_in, text_of

import ethics_tui
from ethics_tui.tui.widgets.footer import Footer

#: a key named in capitals: F-keys, modifiers, and enter/esc/tab/space written as a key ("Enter =
#: …", "(Esc)"), not the English verbs ("Enter a file path", "Delete {file}?")
CAPITALISED_KEY = re.compile(
    r"\bF(?:[1-9]|1[0-2])\b|\b(?:Ctrl|CTRL|Alt|Shift)\+|\b(?:Enter|Esc|Escape|Tab|Space)\b(?= =|\)| ·|$)"
)
PACKAGE = Path(ethics_tui.__file__).parent


def _strings(path: Path):
    """(line, text) of every string constant of a module but its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_no_text_names_a_key_in_capitals():
    from ethics_tui.tui.i18n import TEXT

    found = [f"{key}: {text}" for key, pair in TEXT.items() for text in pair if CAPITALISED_KEY.search(text)]
    for path in sorted((PACKAGE / "tui").rglob("*.py")):
        found += [
            f"{path.relative_to(PACKAGE)}:{line}: {text}"
            for line, text in _strings(path)
            if CAPITALISED_KEY.search(text)
        ]
    assert found == []


def test_the_pattern_finds_what_qa_found():
    assert CAPITALISED_KEY.search("space รับทราบ · F3 วันที่")
    assert CAPITALISED_KEY.search("ความพร้อม (Enter = ไปแก้ที่ทะเบียน)")
    assert not CAPITALISED_KEY.search("Enter a file path") and not CAPITALISED_KEY.search("Delete {file}?")
    assert not CAPITALISED_KEY.search("f3 วันที่ · esc กลับ · ctrl+z ย้อนกลับ")


async def test_the_tick_off_hint_names_its_keys_as_the_key_line(make_app, ctx):
    from textual.widgets._footer import FooterKey

    async with signed_in(make_app, ctx, "hr", "o", "k") as (app, _pilot):
        await settle(_pilot)
        screen = app.screen
        shown = {k.key_display for k in screen.query_one(Footer).query(FooterKey)}
        assert {"f3", "f4", "f5"} <= shown, shown
        hint = " ".join(text_of(w) for w in screen.query(".hint"))
        for key in ("f3", "f4", "f5"):
            assert f"{key} " in hint and key.upper() not in hint, hint
