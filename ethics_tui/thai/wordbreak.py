"""Thai line-break preparation: U+200B between words, proper names kept whole.

Thai is written without spaces between words. fpdf2 wraps lines at U+200B (zero-width
space), so :func:`insert_breaks` puts one between the words that pythainlp (engine
``newmm``) finds. Proper names (people, the office, divisions) are never split: they are
cut out of the text before segmentation and kept as unbreakable runs (spaces inside a
name become U+00A0 no-break spaces).

pythainlp is imported lazily, inside the function, because its first call costs about
0.3 s; start-up of the program must not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

ZWSP = "\u200b"
NBSP = "\u00a0"

_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _has_thai(text: str) -> bool:
    return bool(_THAI.search(text))


@lru_cache(maxsize=16)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    # Longest first so that "องค์การบริหารส่วนตำบลเชียงพิณ" wins over "เชียงพิณ".
    cleaned = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = []
    for name in cleaned:
        # A space inside a name may have been typed as any run of spaces/NBSP.
        parts = [re.escape(p) for p in re.split(r"[ \u00a0]+", name)]
        alternatives.append(r"[ \u00a0]+".join(parts))
    return re.compile("|".join(alternatives))


@lru_cache(maxsize=8192)
def _segment(chunk: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize  # lazy: heavy import

    return tuple(word_tokenize(chunk, engine="newmm", keep_whitespace=True))


def words(text: str) -> list[str]:
    """The words of ``text`` by pythainlp ``newmm`` (whitespace tokens kept)."""
    if not text:
        return []
    return list(_segment(text))


def _break_plain(text: str) -> str:
    if not _has_thai(text):
        return text
    out: list[str] = []
    prev = ""
    for tok in _segment(text):
        if not tok:
            continue
        # No ZWSP next to real whitespace (a space is already a break opportunity).
        if out and not prev.isspace() and not tok.isspace() and prev[-1] != ZWSP:
            out.append(ZWSP)
        out.append(tok)
        prev = tok
    return "".join(out)


@lru_cache(maxsize=65536)
def _insert_breaks_cached(text: str, names: tuple[str, ...]) -> str:
    text = text.replace(ZWSP, "")
    pattern = _name_pattern(names)
    if pattern is None:
        return _break_plain(text)
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        before = text[pos : m.start()]
        if before:
            out.append(_break_plain(before))
        name = re.sub(r"[ \u00a0]+", NBSP, m.group(0))
        # Break opportunities around the name, but none inside it.
        if out and not out[-1][-1:].isspace():
            out.append(ZWSP)
        out.append(name)
        pos = m.end()
        if pos < len(text) and not text[pos].isspace():
            out.append(ZWSP)
    rest = text[pos:]
    if rest:
        out.append(_break_plain(rest))
    return "".join(out)


def insert_breaks(text: str, names: Iterable[str] = ()) -> str:
    """Return ``text`` with U+200B between Thai words; ``names`` stay unbroken.

    Existing U+200B are removed first, so the function is idempotent. Newlines are
    preserved (each line is segmented on its own). Results are cached.
    """
    if not text:
        return text
    key = tuple(sorted(set(names))) if names else ()
    if "\n" in text:
        return "\n".join(_insert_breaks_cached(line, key) for line in text.split("\n"))
    return _insert_breaks_cached(text, key)


def strip_breaks(text: str) -> str:
    """Undo :func:`insert_breaks`: drop U+200B and turn U+00A0 back into spaces."""
    return text.replace(ZWSP, "").replace(NBSP, " ")


@lru_cache(maxsize=4096)
def split_long(word: str) -> tuple[str, ...]:
    """Split one word that is too wide for its line into smaller words.

    The word is cut into the fewest dictionary words other than itself (so that a
    compound such as "องค์การบริหารส่วนตำบล" yields "องค์การ", "บริหาร", "ส่วน", "ตำบล"),
    only ever at Thai character cluster (TCC) boundaries, so a mark never leaves its base.
    Stretches no dictionary word covers are taken one cluster at a time. Returns
    ``(word,)`` when it cannot be split.
    """
    if NBSP in word.strip(NBSP):  # a long name: break between its parts first
        head, _, tail = word.strip(NBSP).partition(NBSP)
        return (head + NBSP, tail)
    if len(word) < 2 or not _has_thai(word):
        return (word,)
    from pythainlp.tokenize import subword_tokenize, word_dict_trie  # lazy

    trie = word_dict_trie()
    clusters = [c for c in subword_tokenize(word, engine="tcc") if c]
    cuts = {0}
    pos = 0
    for c in clusters:
        pos += len(c)
        cuts.add(pos)
    n = len(word)
    # best[i] = (cost, parts) for word[:i]; a dictionary word costs 1, a lone cluster 3.
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for i in sorted(cuts):
        if best[i] is None or i == n:
            continue
        cost, parts = best[i]
        steps = [(p, 1) for p in trie.prefixes(word[i:]) if len(p) < n and i + len(p) in cuts]
        nxt = min((j for j in cuts if j > i), default=n)
        steps.append((word[i:nxt], 3))
        for piece, c in steps:
            j = i + len(piece)
            if best[j] is None or cost + c < best[j][0]:
                best[j] = (cost + c, [*parts, piece])
    result = best[n]
    if result is None or len(result[1]) < 2:
        return (word,)
    return tuple(result[1])


def warm_up() -> None:
    """Import pythainlp and load its dictionary now (e.g. in a background thread)."""
    _segment("ทดสอบการตัดคำ")
