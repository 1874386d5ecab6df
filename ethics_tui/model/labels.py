"""(Thai, English) label pairs, and tables of them keyed by a stored code.

Models declare their tables as ``{code: (th, en)}`` (``STATUS_LABELS``, ``STEP_LABELS``...);
the CLI, the TUI and the PDF writers show one half with :func:`pick` or :func:`label`.
"""

from __future__ import annotations

from collections.abc import Mapping

#: a (Thai, English) pair
Pair = tuple[str, str]


def pick(pair: Pair, lang: str) -> str:
    """The ``lang`` half of a (Thai, English) pair: English for "en", Thai otherwise."""
    return pair[1] if lang == "en" else pair[0]


def label(table: Mapping[str, Pair], key: str, lang: str = "th") -> str:
    """The label of ``key`` in ``table`` in ``lang``; an unknown key is shown as it is."""
    return pick(table.get(key, (key, key)), lang)
