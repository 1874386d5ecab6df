"""Read a PDF's pages back (``pdftotext -bbox-layout``) and find what an officer would reject.

Used by the gallery tests (issue 13): two text lines overlapping, text outside the margins,
a page whose only content is a signature / closing / total / heading, a header word broken
across lines, a known name broken where it would have fitted.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

MM = 72 / 25.4  # points per mm


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>", re.S)


def read_pages(path: str | Path) -> list[Page]:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RuntimeError("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([exe, "-enc", "UTF-8", "-bbox-layout", str(path), "-"], capture_output=True, check=True)
    pages = []
    for n, m in enumerate(_PAGE.finditer(out.stdout.decode("utf-8")), 1):
        lines = []
        for lm in _LINE.finditer(m.group(3)):
            text = " ".join(unescape(w) for w in _WORD.findall(lm.group(5)))
            lines.append(Line(text, *(float(lm.group(i)) for i in range(1, 5))))
        lines.sort(key=lambda ln: (round(ln.y0), ln.x0))
        pages.append(Page(n, float(m.group(1)), float(m.group(2)), lines))
    return pages


def overlaps(page: Page, tol: float = 1.0) -> list[tuple[Line, Line]]:
    """Pairs of line boxes that share more than ``tol`` points both across and down."""
    out = []
    ls = page.lines
    for i, a in enumerate(ls):
        for b in ls[i + 1 :]:
            if b.y0 >= a.y1 - tol:
                continue
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol:
                out.append((a, b))
    return out


def outside(page: Page, side_mm: float = 12.0, edge_mm: float = 5.0) -> list[Line]:
    """Lines closer than ``side_mm`` to the left/right paper edge or ``edge_mm`` to top/bottom."""
    s, e = side_mm * MM, edge_mm * MM
    return [
        ln
        for ln in page.lines
        if ln.x0 < s - 0.5 or ln.x1 > page.width - s + 0.5 or ln.y0 < e or ln.y1 > page.height - e
    ]


_HEADER_ZONE = 16 * MM  # page numbers and running titles sit above this
_ALONE = re.compile(
    r"^(\(.*\)|รวม.*|ประกาศ ณ วันที่.*|สั่ง ณ วันที่.*|ให้ไว้ ณ วันที่.*|ขอแสดงความนับถือ|"
    r"จึงเรียนมา.*|ลงชื่อ.*|ตำแหน่ง.*|[๐-๙0-9]+\.\s*\S{0,60}|.{0,45})$"
)


def lonely(page: Page) -> bool:
    """A page (after the first) holding only a few short closing lines: a signature block,
    "ประกาศ ณ วันที่ …", a total, or a heading, without any body text or table row."""
    if page.number == 1:
        return False
    body = [ln for ln in page.lines if ln.y0 > _HEADER_ZONE]
    if not body or len(body) > 5:
        return False
    text_w = page.width - 50 * MM
    wide = [ln for ln in body if ln.x1 - ln.x0 > 0.6 * text_w]
    return not wide and all(_ALONE.match(ln.text.strip()) for ln in body)


_HEADING = re.compile(r"^([0-9๐-๙]+(\.[0-9๐-๙]+)*\.?(\s|$)|.{1,60}:$)")
_FOOT_FURNITURE = re.compile(r"^(/.*\.\.\.|ลับ|ลับมาก|ลับที่สุด|ปกปิด)$")


def _body(page: Page) -> list[Line]:
    return [ln for ln in page.lines if ln.y0 > _HEADER_ZONE and not _FOOT_FURNITURE.match(ln.text.strip())]


def heading_at_foot(page: Page, next_page: Page | None) -> Line | None:
    """A heading or table title ("๖. รายละเอียด…", "ตารางที่ ๑:") standing alone as the last
    line of a page, its content on the next page. A numbered list item that the next page
    continues with the next number is not a heading."""
    if next_page is None:
        return None
    body = _body(page)
    if len(body) < 2:
        return None
    bottom = max(ln.y0 for ln in body)
    last = [ln for ln in body if ln.y0 > bottom - 2]
    if len(last) != 1:
        return None  # a table row or two signature columns
    ln = last[0]
    if ln.x1 - ln.x0 > 0.6 * (page.width - 50 * MM) or ln.x0 > page.width / 2 or not _HEADING.match(ln.text.strip()):
        return None
    following = _body(next_page)
    if following:
        first = min(following, key=lambda x: (round(x.y0), x.x0))
        if re.match(r"^[0-9๐-๙]+(\.[0-9๐-๙]+)*\.?\s", first.text.strip()):
            return None  # the list goes on: this was an item
    return ln


def _between_words(name: str, k: int) -> bool:
    """Whether cutting ``name`` after ``k`` characters falls between two of its words."""
    if name[k - 1 : k + 1].find(" ") >= 0:
        return True
    from ethics_tui.thai.wordbreak import words

    pos = 0
    for w in words(name):
        pos += len(w)
        if pos == k:
            return True
    return False


def broken(page: Page, words: list[str], *, may_break_at_spaces: bool = True) -> list[tuple[str, Line, Line]]:
    """Known words/names split across two lines of the same column on ``page``.

    A name wider than its column may break at its own spaces (``may_break_at_spaces``), but
    only if it would not have fitted on the line where it was broken."""
    out = []
    index: dict[str, set[str]] = {}  # the two characters either side of a line end -> names
    for w in words:
        for j in range(len(w) - 1):
            index.setdefault(w[j : j + 2], set()).add(w)
    ls = page.lines

    def next_below(a: Line) -> Line | None:
        below = [b for b in ls if b.y0 >= a.y1 - 1 and b.y0 - a.y1 < 12 and min(a.x1, b.x1) - max(a.x0, b.x0) > 0]
        return min(below, key=lambda ln: (ln.y0, abs(ln.x0 - a.x0))) if below else None

    for a in ls:
        b = next_below(a)
        if b is None:
            continue
        ta, tb = a.text.rstrip()[-80:], b.text.lstrip()[:80]
        c, more = b, ""
        while len(tb) + len(more) < 60 and (c := next_below(c)) is not None:  # a word over 3+ lines
            more += c.text.strip()
        for joiner in ("", " "):
            joined = ta + joiner + tb + more
            cut = len(ta)
            if not ta or not tb:
                continue
            for w in index.get(ta[-1] + (joiner or tb[0]), ()):
                p = joined.find(w)
                while p >= 0 and p + len(w) <= cut:
                    p = joined.find(w, p + 1)
                if p < 0 or p >= cut or p + len(w) <= cut + len(joiner):
                    continue  # not across the line end
                per_char = (a.x1 - a.x0) / max(len(a.text), 1)
                column = max(a.x1, b.x1) - min(a.x0, b.x0)
                if may_break_at_spaces and _between_words(w, cut - p) and len(w) * per_char > column * 0.98:
                    continue  # wider than its column: a break between its words is right
                if may_break_at_spaces and any(
                    len(w2) > len(w)
                    and w in w2
                    and len(w2) * per_char > column * 0.98
                    and 0 <= (q := joined.find(w2)) < cut < q + len(w2)
                    for w2 in index.get(ta[-1] + (joiner or tb[0]), ())
                ):
                    continue  # part of a longer name too wide for the column, broken between words
                out.append((w, a, b))
    return out


def problems(
    path: str | Path, *, names: list[str] = (), header_words: list[str] = (), side_mm: float = 12.0
) -> list[str]:
    """Every finding for the PDF at ``path`` as "page N: …" lines (empty: the file passes)."""
    found = []
    pages = read_pages(path)
    for page in pages:
        nxt = pages[page.number] if page.number < len(pages) else None
        if (h := heading_at_foot(page, nxt)) is not None:
            found.append(f"page {page.number}: heading alone at the page foot: {h.text[:40]!r}")
        for a, b in overlaps(page):
            found.append(f"page {page.number}: lines overlap: {a.text[:30]!r} / {b.text[:30]!r}")
        for ln in outside(page, side_mm):
            found.append(f"page {page.number}: outside the margins: {ln.text[:40]!r} at x {ln.x0:.0f}-{ln.x1:.0f}")
        if lonely(page):
            found.append(f"page {page.number}: only closing lines: {[ln.text[:30] for ln in page.lines][:5]}")
        for w, a, b in broken(page, list(header_words), may_break_at_spaces=False):
            found.append(f"page {page.number}: header word broken: {w!r} ({a.text[-15:]!r} | {b.text[:15]!r})")
        for w, a, b in broken(page, list(names)):
            found.append(f"page {page.number}: name broken: {w!r} ({a.text[-20:]!r} | {b.text[:20]!r})")
    return found
