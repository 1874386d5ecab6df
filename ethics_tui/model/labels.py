"""(Thai, English) label pairs, and tables of them keyed by a stored code.

The models' tables ``{code: (th, en)}`` (``STATUS_LABELS``, ``STEP_LABELS``...) are data, kept
in ``ethics_tui/model/labels.toml`` (one ``[<model module>.<constant name>]`` table each, e.g.
``[complaints.step_labels]``, in display order) and read with :func:`labels_of`. The CLI, the
TUI and the PDF writers show one half with :func:`pick` or :func:`label`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib.resources import files

#: a (Thai, English) pair
Pair = tuple[str, str]

CATALOG = "labels.toml"
_TABLES: dict[str, dict[str, Pair]] | None = None


def read_catalog(text: str, name: str = CATALOG) -> dict[str, dict[str, Pair]]:
    """``{"<module>.<table>": {code: (th, en)}}`` from the catalog's text; a value that is not
    a [Thai, English] pair of strings raises ``ValueError`` naming the table and the code."""
    tables: dict[str, dict[str, Pair]] = {}
    for module, module_tables in tomllib.loads(text).items():
        for table, rows in module_tables.items():
            for code, pair in rows.items():
                if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                    raise ValueError(f"{name}: [{module}.{table}] {code!r} should be [Thai, English], not {pair!r}")
            tables[f"{module}.{table}"] = {code: (th, en) for code, (th, en) in rows.items()}
    return tables


def labels_of(name: str) -> dict[str, Pair]:
    """The table ``name`` (``"complaints.step_labels"``) of ``labels.toml``, in its order."""
    global _TABLES
    if _TABLES is None:
        _TABLES = read_catalog(files("ethics_tui.model").joinpath(CATALOG).read_text(encoding="utf-8"))
    if name not in _TABLES:
        raise KeyError(f"{CATALOG} has no table [{name}]")
    return dict(_TABLES[name])


def pick(pair: Pair, lang: str) -> str:
    """The ``lang`` half of a (Thai, English) pair: English for "en", Thai otherwise."""
    return pair[1] if lang == "en" else pair[0]


def label(table: Mapping[str, Pair], key: str, lang: str = "th") -> str:
    """The label of ``key`` in ``table`` in ``lang``; an unknown key is shown as it is."""
    return pick(table.get(key, (key, key)), lang)
