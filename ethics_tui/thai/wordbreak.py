"""Thai line-break preparation: U+200B between words, proper names kept whole.

Thai is written without spaces between words. fpdf2 wraps lines at U+200B (zero-width
space), so :func:`insert_breaks` puts one between the words that pythainlp (engine
``newmm``) finds. Proper names (people, the office, divisions) are never split: they are
cut out of the text before segmentation and kept as unbreakable runs (spaces inside a
name become U+00A0 no-break spaces).

pythainlp's segmenter is loaded lazily, on first use (start-up of the program must not pay
for it), from its own files without importing the whole library (:mod:`.segmenter`). Its
dictionary is loaded once per process into one joined string (:func:`dictionary`, about 1 MiB,
built in well under 0.1 s) rather than pythainlp's own trie (about 0.35 s) or a set of the
words (about 10 MiB), with identical segmentation.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable
from functools import lru_cache

ZWSP = "\u200b"
NBSP = "\u00a0"

_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _has_thai(text: str) -> bool:
    return bool(_THAI.search(text))


class _Dictionary:
    """pythainlp's word list with the one method ``newmm`` needs, ``prefixes``; compact.

    pythainlp's own :class:`~pythainlp.util.Trie` costs about 0.35 s to build (62,106
    insertions of one Python node per character), and a set of the words about 10 MiB (one
    string object per word). Here the words of two letters or more are sorted and joined, with
    a newline before and after each, into one string (about 1 MiB); a small dict gives, for
    each two-letter start, the stretch of that string holding the words with that start. The
    words of one letter are a small set. :meth:`prefixes` walks a start's stretch with
    ``str.find`` like a trie walk: it returns the same
    prefixes in the same order (shortest first), so segmentation is identical.
    """

    __slots__ = ("_joined", "_longest", "_ones", "_size", "_spans")
    SEP = "\n"  # never inside a word: the word list is read line by line

    def __init__(self, words: str | Iterable[str]) -> None:
        """``words``: the words, or the text of the word list (one word a line): better, as a
        list of 62,106 strings held by the caller would still be alive below."""
        self._joined, self._ones, self._longest, self._size, bounds = self._pack(words)
        # Made only now, when the build's 62,106 temporary strings are freed: a long-lived object
        # made among them would keep their memory pages in use for the life of the process.
        self._spans: dict[str, int] = {  # two-letter start -> (first << 24) | end, in _joined
            self._joined[bounds[i] + 1 : bounds[i] + 3]: (bounds[i] << 24) | (bounds[i + 1] + 1)
            for i in range(len(bounds) - 1)
        }

    @classmethod
    def _pack(cls, words: str | Iterable[str]) -> tuple[str, str, int, int, array]:
        """The joined words, the one-letter words (one string), the longest length, the count,
        and the offsets in the joined string where each two-letter start's words begin (plus
        the last separator)."""
        ws = [w.strip() for w in (words.splitlines() if isinstance(words, str) else words)]
        ws.sort()  # in place, duplicates next to each other; few big temporary blocks
        sep, ones, parts, bounds = cls.SEP, [], [], array("I")
        pos, prev, last, size, longest = 0, "", "", 0, 1
        for w in ws:
            if not w or w == last:
                continue
            last = w
            size += 1
            if len(w) == 1:
                ones.append(w)
                continue
            if w[:2] != prev:
                bounds.append(pos)
                prev = w[:2]
            parts.append(w)
            pos += len(w) + 1
            longest = max(longest, len(w))
        bounds.append(pos)
        del ws
        joined = sep + sep.join(parts) + sep
        return joined, "".join(ones), longest, size, bounds

    def __bool__(self) -> bool:
        return True

    def __len__(self) -> int:
        return self._size

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if len(word) == 1:
            return word in self._ones  # a one-letter string: a substring test is a membership test
        span = self._spans.get(word[:2])
        sep = self.SEP
        return (
            span is not None and sep not in word and f"{sep}{word}{sep}" in self._joined[span >> 24 : span & 0xFFFFFF]
        )

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        n = len(text)
        res = []
        if start < n and text[start] in self._ones:
            res.append(text[start])
        span = self._spans.get(text[start : start + 2]) if start + 2 <= n else None
        if span is None:
            return res
        joined, sep = self._joined, self.SEP
        lo, hi = span >> 24, span & 0xFFFFFF
        stop = min(n, start + self._longest)
        cut = text.find(sep, start, stop)  # no word holds a separator
        if cut >= 0:
            stop = cut
        for end in range(start + 2, stop + 1):
            piece = text[start:end]
            # the smallest word starting with piece (piece itself, if it is a word: it sorts first)
            at = joined.find(sep + piece, lo, hi)
            if at < 0:
                break  # no word starts with piece: none with a longer piece either
            if joined[at + 1 + len(piece)] == sep:
                res.append(piece)
            lo = at  # the words starting with a longer piece come at or after this one
        return res


_DICT: _Dictionary | None = None


def _word_list() -> str:
    """The text of pythainlp's word list (words_th.txt, what ``thai_words()`` reads), read
    directly: without the frozenset ``thai_words()`` would keep for the whole process (10 MiB)."""
    import os

    from ethics_tui.thai.segmenter import folder

    path = os.path.join(folder(), "corpus", "words_th.txt")
    if not os.path.isfile(path):  # another layout: the library's own loader
        from pythainlp.corpus import thai_words

        return "\n".join(thai_words())
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def dictionary() -> _Dictionary:
    """The pythainlp word list, loaded once per process (thread-safe enough: a race builds it twice)."""
    global _DICT
    if _DICT is None:
        _DICT = _Dictionary(_word_list())
        _give_back_freed_memory()
    return _DICT


def _give_back_freed_memory() -> None:
    """Return to the system the memory the build freed (about 3.5 MiB on Linux).

    The build's temporary blocks (the file's text, the sorted lines) are freed but glibc keeps
    the pages below the long-lived joined string, for the life of the process, unless asked
    (``malloc_trim``). Elsewhere (no glibc): nothing to do here.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        pass


@lru_cache(maxsize=8192)
def _segment(chunk: str) -> tuple[str, ...]:
    from ethics_tui.thai.segmenter import newmm  # lazy: loads pythainlp's segmenter

    return tuple(newmm(chunk, dictionary()))


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
        self._pattern: re.Pattern[str] | bool | None = False  # False: not compiled yet
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
_UNITS = "บาท|คน|ชุด|ฉบับ|ราย|วัน|เดือน|ปี|ครั้ง|ชั่วโมง|หน้า|เรื่อง|แห่ง|ข้อ|รายการ|หลักสูตร|ตำแหน่ง|เล่ม|แผ่น|คะแนน|โครงการ"
#: number-with-unit groups kept on one line where they fit (like names): dates, "ที่ ๑/๒๕๖๘",
#: "พ.ศ. ๒๕๖๙", "๓,๐๐๐ บาท", "มาตรา ๖๐", phone numbers, e-mail addresses
GROUPS = (
    rf"{_D}{{1,2}}[ \u00a0]+(?:{_MONTHS})[ \u00a0]*(?:(?:พ\.ศ\.|ค\.ศ\.)[ \u00a0]*)?{_D}{{2,4}}",
    rf"ที่[ \u00a0]+[ก-ฮ]{{1,3}}[ \u00a0]*{_D}+(?:\.{_D}+)*/(?:ว[ \u00a0]*)?{_D}+",  # ที่ อด ๗๑๒๐๑/ว ๑๒
    rf"ที่[ \u00a0]+{_D}+/{_D}{{2,4}}",  # ที่ ๑/๒๕๖๘
    rf"(?:พ\.ศ\.|ค\.ศ\.)[ \u00a0]*{_D}{{4}}",
    rf"(?:มาตรา|ข้อ)[ \u00a0]+{_D}+(?:/{_D}+)?",
    rf"ร้อยละ[ \u00a0]*{_D}+(?:\.{_D}+)?",  # ร้อยละ ๗๐
    rf"(?:(?:โทร\.?|โทรศัพท์|โทรสาร)[ \u00a0]*)?{_D}{{1,3}}(?:[ -]{_D}{{3,4}}){{2,3}}(?:[ \u00a0]*ต่อ[ \u00a0]*{_D}+)?",
    rf"{_D}[{_D[1:-1]},]*(?:\.{_D}+)?[ \u00a0]*(?:{_UNITS})",
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    r"แนวทาง",  # newmm reads "แนวทางการ…" as "แนว | ทางการ"
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
        # Break opportunities around the name, but none inside it, nor after an opening
        # bracket or before closing punctuation: "(ร้อยละ ๙๓.๑)" never leaves "(" at a line end.
        if out and not out[-1][-1:].isspace() and out[-1][-1:] not in _OPENERS:
            out.append(ZWSP)
        out.append(name)
        pos = m.end()
        if pos < len(text) and not text[pos].isspace() and text[pos] not in _CLOSERS:
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
    from ethics_tui.thai.segmenter import tcc  # lazy

    trie = dictionary()
    clusters = [c for c in tcc(word) if c]
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
    """Load pythainlp's segmenter and its dictionary now (e.g. in a background thread)."""
    _segment("ทดสอบการตัดคำ")
