"""The typed declaration of a register: one ``RegisterSpec`` per register, written as data in
``ethics_tui/registers/<name>.toml`` and read by :func:`load_spec` into the dataclasses below
(an unknown, missing or ill-typed key is refused, naming the file and the key). The code a
register's spec points to (PDF writer adapters, file-name hooks) sits in ``<name>.py`` next to it.

A spec is plain data: it names its screen, its services and its hooks by dotted name
(``"package.module:attribute"``), so that reading it imports nothing heavy and the core never
imports Textual. Everything that used to list the registers by hand reads the specs instead:
the home screen and the palette, the screens' keys (``actions``) and their permission check,
the CLI ``pdf KIND`` commands (``documents``), ``verify``, the yearly report and the demo.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import tomllib
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union, get_args, get_origin, get_type_hints

Text = tuple[str, str]  # (Thai, English)


def resolve(dotted: str):
    """``"package.module:attr"`` -> the object (``"package.module"`` -> the module)."""
    module, _, attr = dotted.partition(":")
    obj = importlib.import_module(module)
    for part in attr.split(".") if attr else ():
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True)
class Action:
    """One key of the register's screen (and, with ``palette``, one command-palette entry).

    ``action`` is the screen's action as in Textual's ``BINDINGS`` (``"new"``,
    ``"new('circular')"``). A user without ``permission`` does not see the key in the footer or
    the palette, and pressing it anyway is refused in Thai before any form opens. ``writes``
    says the action changes records: such an action always names a permission (checked by
    tests), so that no form opens only to refuse at ctrl+s.
    """

    key: str
    action: str
    label: Text | str  # the footer label (a str: a key of the TUI text catalog, for sub-screens)
    permission: str | None = None
    palette: Text | None = None  # "group: verb" palette title; None: not in the palette
    show: bool = True  # shown in the footer (False: a working key listed only in help)
    writes: bool = False

    @property
    def name(self) -> str:
        """The action without its arguments (``"new('circular')"`` -> ``"new"``)."""
        return self.action.split("(")[0]


@dataclass(frozen=True)
class Param:
    """One input of a document writer, and how the CLI asks for it."""

    name: str  # the writer's keyword argument: "id", "fy", "half", "form", "codes"
    help: Text
    kind: str = "int"  # "int" | "flag" | "choice" | "list" (a repeatable text option)
    option: str = ""  # the CLI option ("--fy"); empty: a positional argument
    required: bool = True
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One kind of PDF the register writes; the CLI offers it as ``pdf KIND``.

    ``writer`` is called as ``writer(ctx, out, **params) -> Path`` (one verb, one shape; thin
    adapters sit in the spec module where a service function has another shape). The default
    file name is ``file_name.format(**params, **name_fields(ctx, **params))`` (``name_fields``
    looks up what the name needs, e.g. an order's number); the CLI and the TUI both take it from
    here (service/documents.py). A "/" in it names a sub-folder of the export folder. A
    confidential document goes to the data folder's ``confidential-exports/`` with a time
    stamp added, never to the shared export folder. ``progress``: the writer takes a
    ``progress(done, total)`` keyword (the TUI shows a bar for a long one).
    """

    kind: str
    title: Text
    writer: str  # dotted name
    params: tuple[Param, ...] = ()
    file_name: str = ""  # e.g. "training-memo-{id}.pdf"
    name_fields: str | None = None  # dotted name of fn(ctx, **params) -> dict of more name fields
    permission: str = "pdf.export"
    confidential: bool = False
    aliases: tuple[str, ...] = ()
    progress: bool = False


@dataclass(frozen=True)
class RegisterSpec:
    key: str  # e.g. "committee"
    label: Text  # home menu label
    permission: str  # needed to open the register
    screen: str  # dotted name of its GuardedScreen subclass (taking ``then=None``)
    #: service modules to import so that the register's permissions exist (register_permissions)
    services: tuple[str, ...] = ()
    #: table -> dotted model class (``from_doc``; ``validate()`` where it has one)
    tables: dict[str, str] = field(default_factory=dict)
    #: the tables ``verify`` loads into their model (others are checked by hand in verify.py)
    verify: tuple[str, ...] = ()
    hotkey: str = ""  # a free key on the home screen (s, t, b, r are taken)
    order: int = 100  # position in the home menu
    badge: str | None = None  # fn(ctx, lang) -> str, a short status after the home label
    home_alerts: str | None = None  # fn(ctx) -> [(th, en)], lines under the home counts
    demo: str | None = None  # fn(ctx) adding the register's demo data (ctx: the demo admin)
    #: report activity key (model/report.ACTIVITIES) -> fn(ctx, fy, today) -> Facts
    report_facts: dict[str, str] = field(default_factory=dict)
    actions: tuple[Action, ...] = ()
    #: more palette entries that are not keys of the screen: (Thai, English, then)
    commands: tuple[tuple[str, str, str], ...] = ()
    documents: tuple[Document, ...] = ()

    def label_in(self, lang: str) -> str:
        return self.label[1] if lang == "en" else self.label[0]

    def action_permissions(self) -> dict[str, str]:
        """Action name -> the permission it needs (the screen's ``ACTION_PERMISSIONS``)."""
        return {a.name: a.permission for a in self.actions if a.permission}


class SpecError(ValueError):
    """A register's TOML declaration is not a valid spec (the message names the file and key)."""


def load_spec(path: Path) -> RegisterSpec:
    """Read ``<name>.toml`` into a :class:`RegisterSpec`, refusing unknown, missing and ill-typed
    keys with a :class:`SpecError` that names the file and the key (``actions[2].palette``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{path}: not valid TOML: {exc}") from None
    return _build(RegisterSpec, data, path, "")


def _build(cls, table, path: Path, where: str):
    """A dataclass from a TOML table, every key checked against the class's fields."""
    if not isinstance(table, dict):
        raise SpecError(f"{path}: key '{where}' should be a table, not {table!r}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = _hints(cls)
    prefix = f"{where}." if where else ""
    for key in table:
        if key not in fields:
            raise SpecError(f"{path}: unknown key '{prefix}{key}' (known: {', '.join(fields)})")
    for name, f in fields.items():
        if name not in table and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise SpecError(f"{path}: missing key '{prefix}{name}'")
    return cls(**{k: _convert(v, hints[k], path, f"{prefix}{k}") for k, v in table.items()})


@functools.cache
def _hints(cls) -> dict:
    return get_type_hints(cls)  # evaluates the annotations' text: once per class


def _convert(value, hint, path: Path, where: str):
    """A TOML value as the field's type: arrays become tuples, tables nested dataclasses."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        for option in args:
            if option is not type(None):
                try:
                    return _convert(value, option, path, where)
                except SpecError:
                    pass
    elif dataclasses.is_dataclass(hint):
        return _build(hint, value, path, where)
    elif origin is tuple and isinstance(value, list):
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0], path, f"{where}[{i}]") for i, v in enumerate(value))
        if len(value) == len(args):
            return tuple(_convert(v, a, path, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
    elif origin is dict and isinstance(value, dict):
        return {k: _convert(v, args[1], path, f"{where}.{k}") for k, v in value.items()}
    elif isinstance(hint, type) and isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    raise SpecError(f"{path}: key '{where}' should be {_describe(hint)}, not {value!r}")


def _describe(hint) -> str:
    if hint == Text:
        return "[Thai, English]"
    if isinstance(hint, type):
        return "a table" if dataclasses.is_dataclass(hint) else hint.__name__
    return str(hint).replace("ethics_tui.registers.spec.", "")
