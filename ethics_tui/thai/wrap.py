"""Line wrapping for Thai text on a terminal: lines break between words, never inside one.

Thai has no spaces between words, and Rich (hence Textual) wraps only at spaces, so a long
Thai line is cut wherever the width runs out ("พั|ฒนา"). :func:`wrap_thai` breaks lines at the
word boundaries that :func:`ethics_tui.thai.wordbreak.insert_breaks` finds (pythainlp
``newmm``; dates, "ที่ ๑/๒๕๖๘" and names kept whole; no break after an opening bracket or
before closing punctuation) and at existing spaces. Widths are measured in terminal cells with
:func:`rich.cells.cell_len`, so Thai vowel and tone marks count 0. A single word wider than the
line is cut into dictionary parts (``split_long``) and, failing that, between characters
(never before a mark). Results are cached per (text, width).

Core module: Rich only (for ``cell_len``), never Textual.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

from ethics_tui.thai.wordbreak import NBSP, ZWSP, insert_breaks, split_long

_THAI_LETTER = re.compile(r"[\u0e01-\u0e4f]")
_SPACE = " \t"


def _units(line: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``line`` of its unbreakable units; runs of spaces are units too."""
    if not line:
        return []
    broken = insert_breaks(line) if _THAI_LETTER.search(line) else line
    units: list[tuple[int, int]] = []
    pos = 0  # position in ``line``
    start = 0
    glued = False  # the previous piece ended at a ZWSP (a word boundary without space)

    def close(end: int) -> None:
        nonlocal start
        if end > start:
            units.append((start, end))
        start = end

    i = 0
    while i < len(broken):
        c = broken[i]
        if c == ZWSP:
            close(pos)
            glued = True
            i += 1
            continue
        while pos < len(line) and line[pos] == ZWSP:  # a ZWSP typed in the text: a break
            close(pos)
            pos += 1
            start = pos
        if c in _SPACE:
            if pos > start and line[start] not in _SPACE:
                close(pos)
            pos += 1
            glued = False
            if pos >= len(line) or line[pos] not in _SPACE:
                close(pos)
            i += 1
            continue
        if c == NBSP and pos < len(line) and line[pos] in " \u00a0":  # a name's space(s): kept
            while pos < len(line) and line[pos] in " \u00a0":
                pos += 1
            i += 1
            continue
        if glued and units and pos == start:
            # "๑/๒๕๖๘", "ITA-O13": no break between two non-Thai pieces
            prev_end = units[-1][1]
            if (
                prev_end == pos
                and not _THAI_LETTER.match(line[prev_end - 1])
                and not _THAI_LETTER.match(c)
                and line[prev_end - 1] not in _SPACE
            ):
                start = units.pop()[0]
        glued = False
        pos += 1
        i += 1
    close(len(line))
    return units


def _clusters(word: str) -> list[str]:
    """Characters with their zero-width marks attached (a mark never starts a line)."""
    out: list[str] = []
    for ch in word:
        if out and cell_len(ch) == 0:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _split(piece: str, width: int) -> list[str]:
    if " " in piece.strip(" "):  # a date or name wider than the line: at its spaces first
        parts = re.findall(r"\S+| +", piece)
    else:
        parts = list(split_long(piece)) if len(piece) > 1 else [piece]
    if len(parts) < 2 or "".join(parts) != piece:
        parts = _clusters(piece)
    out: list[str] = []
    for p in parts:
        out.extend(_split(p, width) if cell_len(p) > width and len(p) > 1 and p != piece else [p])
    return out


@lru_cache(maxsize=4096)
def _spans(line: str, width: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each wrapped line of ``line`` (no newline), trailing spaces dropped."""
    lines: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    cur_w = 0  # width up to the end of the last word (spaces after it not counted yet)
    pending = 0  # cells of spaces after the last word

    def flush() -> None:
        nonlocal cur_start, cur_w, pending
        if cur_start is not None:
            lines.append((cur_start, cur_end))
        cur_start, cur_w, pending = None, 0, 0

    queue = list(_units(line))
    while queue:
        s, e = queue.pop(0)
        text = line[s:e]
        if text[0] in _SPACE:
            if cur_start is not None:
                pending += cell_len(text)
            continue
        w = cell_len(text)
        if cur_start is not None and cur_w + pending + w <= width:
            cur_w += pending + w
            pending = 0
            cur_end = e
            continue
        if cur_start is not None:
            flush()
        if w <= width or len(text) == 1:
            cur_start, cur_end, cur_w = s, e, w
            continue
        # one word wider than the line: cut it into parts and lay those out
        sub, at = [], s
        for p in _split(text, width):
            sub.append((at, at + len(p)))
            at += len(p)
        if len(sub) < 2:  # cannot be cut (should not happen): let it overflow
            cur_start, cur_end, cur_w = s, e, w
            continue
        queue[:0] = sub
    flush()
    return tuple(lines) or ((0, 0),)


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of each wrapped line (explicit newlines kept as breaks)."""
    width = max(1, width)
    out: list[tuple[int, int]] = []
    base = 0
    for line in text.split("\n"):
        out.extend((base + s, base + e) for s, e in _spans(line, width))
        base += len(line) + 1
    return out


def wrap_thai(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` terminal cells, lines broken between words.

    Existing spaces are break points (dropped at the break); explicit newlines are kept; a
    word is cut only when it alone is wider than ``width``."""
    return [text[s:e].replace(ZWSP, "") for s, e in wrap_spans(text, width)]
