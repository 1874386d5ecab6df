"""Office text is shown as text, never read as markup.

Textual reads a ``str`` given to most widgets as content markup: a division named
``ส่วนโยธา [/]`` raised MarkupError (the staff form did not open), ``กอง[b]คลัง`` showed as
"กองคลัง" and ``[@click=app.quit]…[/]`` became a link running an app action (QA2). Whatever
carries a name, a title, a channel, a file name… the user or an import typed goes through here:

- ``PlainSelect`` for every Select (its options and the value shown are plain text);
- ``PlainOptionList`` / ``plain_option`` and ``PlainSelectionList`` for option lists;
- ``plain(text)`` for a ``Static.update`` / ``Label`` of a widget that reads markup;
- ``PlainDataTable`` for every table (str cells and column labels escaped: the table reads
  them with Rich markup, and a cell stays a str, drawn and wrapped as before);
- toasts: ``EthicsApp.notify`` never reads markup.

The program's own texts hold no markup either, so nothing is lost. Textual's type-to-search
in a Select list reads ``Text`` prompts (not ``Content``), hence ``Text`` for the options.
``tests/tui/test_markup_literal.py`` walks the screens with ``[@click=app.quit]`` in the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, OptionList, Select, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection


def plain(text: Any) -> Any:
    """``text`` as content that is never parsed as markup (a non-str is returned as it is)."""
    return Content(text) if isinstance(text, str) else text


def _prompt(prompt: Any) -> Any:
    return Text(prompt) if isinstance(prompt, str) else prompt


def plain_options(options: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A Select's ``(prompt, value)`` pairs with every str prompt as plain ``Text``."""
    return [(_prompt(prompt), value) for prompt, value in options]


def plain_option(prompt: Any, id: str | None = None, disabled: bool = False) -> Option:
    """An OptionList option whose str prompt is plain text."""
    return Option(_prompt(prompt), id=id, disabled=disabled)


class PlainSelect(Select):
    """A Select whose option prompts (and so the value it shows) are plain text."""

    def __init__(self, options: Iterable[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(plain_options(options), **kwargs)

    def set_options(self, options: Iterable[tuple[Any, Any]]) -> None:
        super().set_options(plain_options(options))


class PlainOptionList(OptionList):
    """An OptionList whose str prompts are plain text (``markup=False``)."""

    def __init__(self, *content: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(*content, **kwargs)


class PlainSelectionList(SelectionList):
    """A SelectionList whose ``(prompt, value[, selected])`` str prompts are plain text."""

    def _make_selection(self, selection: Any) -> Selection:
        if isinstance(selection, tuple) and selection and isinstance(selection[0], str):
            selection = (Text(selection[0]), *selection[1:])
        return super()._make_selection(selection)


def _cell(value: Any) -> Any:
    return escape(value) if isinstance(value, str) else value


class PlainDataTable(DataTable):
    """A DataTable whose str cells and column labels are shown as typed (escaped for the Rich
    markup the table reads them with)."""

    def add_column(self, label: Any, **kwargs: Any) -> Any:
        return super().add_column(_cell(label), **kwargs)

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:
        if isinstance(kwargs.get("label"), str):
            kwargs["label"] = escape(kwargs["label"])
        return super().add_row(*(_cell(c) for c in cells), **kwargs)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:
        super().update_cell(row_key, column_key, _cell(value), **kwargs)
