"""Thai line-break preparation: U+200B between words, proper names kept whole.

Thai is written without spaces between words. fpdf2 wraps lines at U+200B (zero-width
space), so :func:`insert_breaks` puts one between the words that pythainlp (engine
``newmm``) finds. Proper names (people, the office, divisions) are never split: they are
cut out of the text before segmentation and kept as unbreakable runs (spaces inside a
name become U+00A0 no-break spaces).

pythainlp is imported lazily, inside the function; start-up of the program must not pay
for it. Its dictionary is loaded once per process into a set (:func:`dictionary`, about
0.06 s) rather than pythainlp's own trie (about 0.35 s), with identical segmentation.
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


class _Dictionary:
    """pythainlp's word list with the one method ``newmm`` needs, ``prefixes``.

    pythainlp's own :class:`~pythainlp.util.Trie` costs about 0.35 s to build (62,106
    insertions of one Python node per character). A set of the words plus, for every
    three-letter start, the length of the longest word with that start, builds in about
    0.06 s and returns the same prefixes in the same order, so segmentation is identical.
    """

    __slots__ = ("_reach", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        ws: set[str] = set()
        reach: dict[str, int] = {}
        for w in words:
            w = w.strip()
            if not w:
                continue
            ws.add(w)
            k = w[:3]
            if len(w) > reach.get(k, 0):
                reach[k] = len(w)
        self._words = ws
        self._reach = reach

    def __bool__(self) -> bool:
        return True

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        words = self._words
        n = len(text)
        res = []
        if start < n and text[start] in words:
            res.append(text[start])
        if start + 2 <= n and text[start : start + 2] in words:
            res.append(text[start : start + 2])
        end = min(n, start + self._reach.get(text[start : start + 3], 0))
        for i in range(start + 3, end + 1):
            piece = text[start:i]
            if piece in words:
                res.append(piece)
        return res


_DICT: _Dictionary | None = None


def dictionary() -> _Dictionary:
    """The pythainlp word list, loaded once per process (thread-safe enough: a race builds it twice)."""
    global _DICT
    if _DICT is None:
        from pythainlp.corpus import thai_words  # lazy: heavy import

        _DICT = _Dictionary(thai_words())
    return _DICT


@lru_cache(maxsize=8192)
def _segment(chunk: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize  # lazy: heavy import

    return tuple(word_tokenize(chunk, engine="newmm", custom_dict=dictionary(), keep_whitespace=True))


def words(text: str) -> list[str]:
    """The words of ``text`` by pythainlp ``newmm`` (whitespace tokens kept)."""
    if not text:
        return []
    return list(_segment(text))


_OPENERS = "([{“‘\"'"
_CLOSERS = ")]}”’\"',.:;!?ๆฯ%"


def _break_plain(text: str) -> str:
    if not _has_thai(text):
        return text
    out: list[str] = []
    prev = ""
    for tok in _segment(text):
        if not tok:
            continue
        # No ZWSP next to real whitespace (a space is already a break opportunity).
        # Nor after an opening bracket or before closing punctuation: "(งาน" and "งาน)" stay together.
        if (
            out
            and not prev.isspace()
            and not tok.isspace()
            and prev[-1] != ZWSP
            and prev[-1] not in _OPENERS
            and tok[0] not in _CLOSERS
        ):
            out.append(ZWSP)
        out.append(tok)
        prev = tok
    return "".join(out)


class NameSet:
    """The names to keep whole in one document, normalised and compiled once.

    Build one per document (``ThaiPDF`` does) and pass it to :func:`insert_breaks`: the
    names are sorted and the pattern compiled once, not on every call, and the results of
    :func:`insert_breaks` are cached on the set itself (bounded), so a 10,000-name set is
    neither re-sorted nor re-hashed per text.
    """

    __slots__ = ("__weakref__", "_cache", "_pattern", "key")
    CACHE_MAX = 32768

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.key: tuple[str, ...] = tuple(sorted({n.strip() for n in names if n and n.strip()}))
        self._pattern: re.Pattern[str] | None | bool = False  # False: not compiled yet
        self._cache: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.key)

    def __iter__(self):
        return iter(self.key)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is False:
            self._pattern = _compile(self.key)
        return self._pattern  # type: ignore[return-value]

    def breaks(self, line: str) -> str:
        out = self._cache.get(line)
        if out is None:
            out = _break_line(line, self.pattern)
            if len(self._cache) >= self.CACHE_MAX:
                self._cache.pop(next(iter(self._cache)))  # bounded: drop the oldest entry
            self._cache[line] = out
        return out


_D = "[0-9\u0e50-\u0e59]"
_MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|"
    "ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\."
)
_UNITS = "บาท|คน|ชุด|ฉบับ|ราย|วัน|เดือน|ปี|ครั้ง|ชั่วโมง|หน้า|เรื่อง|แห่ง|ข้อ|รายการ|หลักสูตร|ตำแหน่ง|เล่ม|แผ่น"
#: number-with-unit groups kept on one line where they fit (like names): dates, "ที่ ๑/๒๕๖๘",
#: "พ.ศ. ๒๕๖๙", "๓,๐๐๐ บาท", "มาตรา ๖๐", phone numbers, e-mail addresses
GROUPS = (
    rf"{_D}{{1,2}}[ \u00a0]+(?:{_MONTHS})[ \u00a0]*(?:(?:พ\.ศ\.|ค\.ศ\.)[ \u00a0]*)?{_D}{{2,4}}",
    rf"ที่[ \u00a0]+[ก-ฮ]{{1,3}}[ \u00a0]*{_D}+(?:\.{_D}+)*/(?:ว[ \u00a0]*)?{_D}+",  # ที่ อด ๗๑๒๐๑/ว ๑๒
    rf"ที่[ \u00a0]+{_D}+/{_D}{{2,4}}",  # ที่ ๑/๒๕๖๘
    rf"(?:พ\.ศ\.|ค\.ศ\.)[ \u00a0]*{_D}{{4}}",
    rf"(?:มาตรา|ข้อ)[ \u00a0]+{_D}+(?:/{_D}+)?",
    rf"(?:(?:โทร\.?|โทรศัพท์|โทรสาร)[ \u00a0]*)?{_D}{{1,3}}(?:[ -]{_D}{{3,4}}){{2,3}}(?:[ \u00a0]*ต่อ[ \u00a0]*{_D}+)?",
    rf"{_D}[{_D[1:-1]},]*(?:\.{_D}+)?[ \u00a0]*(?:{_UNITS})",
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
)


def _compile(names: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first so that "องค์การบริหารส่วนตำบลเชียงพิณ" wins over "เชียงพิณ".
    cleaned = sorted(names, key=len, reverse=True)
    alternatives = []
    for name in cleaned:
        # A space inside a name may have been typed as any run of spaces/NBSP.
        parts = [re.escape(p) for p in re.split(r"[ \u00a0]+", name)]
        alternatives.append(r"[ \u00a0]+".join(parts))
    return re.compile("|".join([*alternatives, *GROUPS]))


def _break_line(text: str, pattern: re.Pattern[str]) -> str:
    text = text.replace(ZWSP, "")
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


@lru_cache(maxsize=16)
def _name_set(key: tuple[str, ...]) -> NameSet:
    return NameSet(key)


_EMPTY = NameSet()


def name_set(names: Iterable[str] = ()) -> NameSet:
    """A :class:`NameSet` for ``names`` (the same object for the same names, bounded)."""
    if isinstance(names, NameSet):
        return names
    if not names:
        return _EMPTY
    return _name_set(tuple(sorted({n.strip() for n in names if n and n.strip()})))


def insert_breaks(text: str, names: Iterable[str] | NameSet = ()) -> str:
    """Return ``text`` with U+200B between Thai words; ``names`` stay unbroken.

    Existing U+200B are removed first, so the function is idempotent. Newlines are
    preserved (each line is segmented on its own). Results are cached per name set; pass a
    :class:`NameSet` built once per document when there are many names.
    """
    if not text:
        return text
    ns = name_set(names)
    if "\n" in text:
        return "\n".join(ns.breaks(line) for line in text.split("\n"))
    return ns.breaks(text)


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
    from pythainlp.tokenize import subword_tokenize  # lazy

    trie = dictionary()
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
