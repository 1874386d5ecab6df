"""Every label the TUI shows, in Thai (default) and English.

The texts live in data catalogs, ``ethics_tui/tui/locale/<area>.toml`` (one per area; each key
has a ``th`` and an ``en`` text), read once at import into :data:`TEXT`. Screens call
``app.t("key")``. Binding descriptions in ``BINDINGS`` are keys of this table and are
translated per screen instance by :func:`localize_bindings`.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from importlib.resources import files
from typing import TYPE_CHECKING

from ethics_tui.model.labels import pick

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LOCALE_PACKAGE = "ethics_tui.tui"
LOCALE_FOLDER = "locale"


def _catalog_errors(name: str, data: dict) -> list[str]:
    return [
        f"{LOCALE_FOLDER}/{name}: {key!r} needs exactly a th and an en text"
        for key, pair in data.items()
        if not (isinstance(pair, dict) and set(pair) == {"th", "en"} and all(isinstance(x, str) for x in pair.values()))
    ]


def load_catalogs(folder: Traversable | None = None) -> dict[str, tuple[str, str]]:
    """Every ``*.toml`` catalog in ``folder`` (the package's ``locale/``) as one ``{key: (th, en)}`` table.

    Read through :mod:`importlib.resources`, so it works from an installed wheel too. A text
    without both languages, or a key that two catalogs give different texts, raises ``ValueError``.
    """
    merged: dict[str, tuple[str, str]] = {}
    folder = folder or files(LOCALE_PACKAGE).joinpath(LOCALE_FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{LOCALE_FOLDER}/{entry.name}: {exc}") from exc
        errors = _catalog_errors(entry.name, data)
        if errors:
            raise ValueError("; ".join(errors))
        for key, pair in data.items():
            text = (pair["th"], pair["en"])
            if merged.get(key, text) != text:
                raise ValueError(f"{LOCALE_FOLDER}/{entry.name}: {key!r} is already defined as {merged[key]!r}")
            merged[key] = text
    return merged


TEXT: dict[str, tuple[str, str]] = load_catalogs()


def register_labels(labels: dict[str, tuple[str, str]]) -> None:
    """Add (Thai, English) labels to :data:`TEXT` at run time (an add-on's, a test's).

    The program's own texts belong in ``locale/*.toml``. A key that is already taken with a different text raises ``ValueError``: two registers
    would otherwise silently change each other's labels. Adding the same text again is fine.
    """
    for key, pair in labels.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise TypeError(f"label {key!r} must be a (Thai, English) pair of strings")
        old = TEXT.get(key)
        if old is not None and old != pair:
            raise ValueError(f"label {key!r} is already defined as {old!r}")
    TEXT.update(labels)


def t(key: str, lang: str = "th", **kwargs: object) -> str:
    """The label ``key`` in ``lang``; unknown keys are returned as they are."""
    pair = TEXT.get(key)
    text = key if pair is None else pick(pair, lang)
    return text.format(**kwargs) if kwargs else text


def th_en(lang: str, th: str, en: str) -> str:
    """``en`` for "en", ``th`` otherwise: for a one-off text that is not in a catalog."""
    return pick((th, en), lang)


def key_label(text: str, lang: str) -> str:
    """A key's label in the footer's one style: in English lower case ("save", "new round",
    "order PDF"), as most labels are written; a leading acronym stays ("ITA score", "XLSX", "OK").
    A catalog text that is also a button's ("Save (ctrl+s)") keeps its capital there. Keys named
    in a hint are lower case too, as the key line writes them ("f3", "esc", "enter", "ctrl+z";
    tests/tui/test_key_names.py)."""
    if lang != "en":
        return text
    for i, ch in enumerate(text):
        if ch.isalpha():
            if ch.isupper() and text[i + 1 : i + 2].islower():
                return text[:i] + ch.lower() + text[i + 1 :]
            return text
    return text


def localize_bindings(node, lang: str) -> None:
    """Translate the descriptions of ``node``'s bindings (they are keys of :data:`TEXT`), in the
    key labels' style (:func:`key_label`).

    Textual copies the class bindings into each instance, so this changes only ``node``. The
    original keys are remembered on the node so that the language can be switched again.
    """
    originals: dict[tuple[str, str], str] = node.__dict__.setdefault("_i18n_binding_keys", {})
    key_to_bindings = node._bindings.key_to_bindings
    for key, bindings in list(key_to_bindings.items()):
        new = []
        for b in bindings:
            text_key = originals.setdefault((b.key, b.action), b.description)
            new.append(replace(b, description=key_label(t(text_key, lang), lang)) if text_key in TEXT else b)
        key_to_bindings[key] = new
