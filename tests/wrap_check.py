"""Shared check for the Thai wrapping tests: every line ends where the segmenter ends a word."""

from __future__ import annotations

from ethics_tui.thai.wordbreak import words


def boundaries(text: str) -> set[int]:
    """Offsets where pythainlp newmm (the segmenter) ends a word, plus every space."""
    out = {0, len(text)}
    for line_start, line in _lines(text):
        pos = line_start
        for w in words(line):
            pos += len(w)
            out.add(pos)
    out.update(i for i, c in enumerate(text) if c.isspace())
    out.update(i + 1 for i, c in enumerate(text) if c.isspace())
    return out


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def line_ends(text: str, lines: list[str]) -> list[int]:
    """Where each wrapped line ends in ``text`` (the lines are ``text`` less the spaces at breaks)."""
    pos, ends = 0, []
    for line in lines:
        while pos < len(text) and text[pos].isspace() and not text.startswith(line, pos):
            pos += 1
        assert text.startswith(line, pos), (text[pos : pos + 30], line)
        pos += len(line)
        ends.append(pos)
    return ends


def assert_between_words(text: str, lines: list[str]) -> None:
    cuts = boundaries(text)
    for line, end in zip(lines, line_ends(text, lines)):
        assert end in cuts, f"line {line!r} ends inside a word: {text[max(0, end - 8) : end]}|{text[end : end + 8]}"
