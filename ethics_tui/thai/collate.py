"""Thai dictionary order for lists of names: pythainlp's collation, many names at once.

Sorting Thai by code point puts every name that starts with a leading vowel (เ แ โ ใ ไ) after
every other name: "เกียรติ" after "อำนาจ". ``pythainlp.util.collate`` sorts in dictionary order
("almost", in its own words): tone marks are set aside, a leading vowel is read after the
consonant it precedes, and the first tone mark is put back at the end as a tie-break.

Its key is three regular-expression passes per word, ~7 µs a name; importing it runs
pythainlp's whole ``__init__`` (~7 MiB, ~0.1 s). A staff list of 30,000 people is sorted again
after every change of the staff table, so ``sort_keys`` makes the same keys for all names in
three passes over one joined string instead. tests/test_thai_collate.py checks the order equals
``pythainlp.util.collate`` on the demo office's names and on generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: pythainlp.util.collate's two patterns: a tone mark (็ to ์), a leading vowel and its consonant
_TONE = re.compile(r"[็-์]")
_LEAD_VOWEL = re.compile(r"([เ-ไ])([ก-ฮ])")
#: the first tone mark of each line (empty when none): one match per line, blank lines too
_FIRST_TONE = re.compile(r"^[^\n็-์]*([็-์]?)[^\n]*$", re.M)
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " "})


def sort_keys(texts: Sequence[str]) -> list[str]:
    """Each text's key in Thai dictionary order (pythainlp's ``collate`` key), in input order."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or "\r" in joined:  # a text with a line break
        joined = "\n".join(t.translate(_LINE_BREAKS) for t in texts)
    # the swap without a replacement template (CPython 3.11 expands one per match in Python):
    # split gives [text, vowel, consonant, text, ...]; the pairs trade places
    parts = _LEAD_VOWEL.split(_TONE.sub("", joined))
    parts[1::3], parts[2::3] = parts[2::3], parts[1::3]
    bare = "".join(parts).split("\n")
    tones = _FIRST_TONE.findall(joined)
    return [b + t for b, t in zip(bare, tones, strict=True)]


def sort_key(text: str) -> str:
    """One text's key in Thai dictionary order (for short lists; many at once: ``sort_keys``)."""
    return sort_keys([text])[0]


def sorted_thai(
    items: Iterable[T], texts: Callable[[T], tuple[str, ...]], first: Callable[[T], tuple] = lambda _: ()
) -> list[T]:
    """``items`` sorted by ``first(item)``, then by the strings ``texts(item)`` (a tuple of the
    same length for every item) in Thai dictionary order; ties keep their order."""
    items = list(items)
    columns = [texts(item) for item in items]
    width = len(columns[0]) if columns else 0
    keys = sort_keys([text for row in columns for text in row])
    order = sorted(range(len(items)), key=lambda i: (first(items[i]), keys[i * width : (i + 1) * width]))
    return [items[i] for i in order]
