"""Read PDFs back with poppler's ``pdftotext`` and measure how intact their text layer is.

Used by the tests and the benchmark; not needed to write PDFs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from ethics_tui.thai.wordbreak import NBSP, ZWSP

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_WS = re.compile(r"[\s\u200b\u00a0]+")


def pdftotext(path: str | Path, *, raw: bool = True) -> str:
    """Text of the PDF (pages separated by form feeds). ``raw`` keeps content order."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RuntimeError("pdftotext (poppler-utils) is not installed")
    args = [exe, "-enc", "UTF-8"]
    if raw:
        args.append("-raw")
    result = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pages(path: str | Path, *, raw: bool = True) -> list[str]:
    text = pdftotext(path, raw=raw)
    parts = text.split("\f")
    if parts and not parts[-1].strip():
        parts.pop()
    return parts


def squash(text: str) -> str:
    """Remove all whitespace, U+200B and U+00A0 (for "is the text present" checks)."""
    return _WS.sub("", text)


def intact_words(extracted: str, sources: Iterable[str]) -> tuple[int, int]:
    """How many Thai words of ``sources`` occur intact in ``extracted``.

    Line ends are not counted against a word (the layout breaks lines between words, and
    a reader joins them), but a space, a reordered mark or a decomposed vowel inside a
    word is. Returns ``(intact, total)``.
    """
    from ethics_tui.thai.wordbreak import words

    joined = extracted.replace(ZWSP, "").replace(NBSP, " ")
    joined = re.sub(r"\s*\n\s*", "", joined)  # lines joined as a reader would
    joined = re.sub(r"[ \t]+", " ", joined)
    intact = total = 0
    seen: set[str] = set()
    for src in sources:
        for w in words(src.replace(ZWSP, "").replace(NBSP, " ")):
            w = w.strip()
            if not w or not _THAI.search(w) or w in seen:
                continue
            seen.add(w)
            total += 1
            intact += w in joined
    return intact, total
