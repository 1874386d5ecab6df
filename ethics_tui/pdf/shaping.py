"""Per-document caches for HarfBuzz shaping in fpdf2.

fpdf2 shapes text again every time it measures or draws it: its line breaker even shapes
each character on its own. The documents we print repeat the same words, names and headers
hundreds of times, so we shape each distinct string once per document and reuse it.

The caches live on a per-font subclass of fpdf2's ``TTFFont`` (the instance's class is
swapped; ``TTFFont`` uses ``__slots__`` so a subclass with empty ``__slots__`` keeps the
layout). Nothing global is patched: other FPDF documents in the process are unaffected.

Cached results stay valid within one document because the glyph subset (the only mutable
state ``shape_text`` touches) only ever grows: a glyph keeps its character id.
"""

from __future__ import annotations

from typing import Any

from fpdf.fonts import TTFFont


def _params_key(params: Any, memo: dict[int, tuple[Any, str]]) -> Any:
    if not params:
        return None
    hit = memo.get(id(params))
    if hit is not None and hit[0] is params:
        return hit[1]
    key = repr(sorted((k, repr(v)) for k, v in params.items()))
    memo[id(params)] = (params, key)  # keep a reference so the id is never reused
    return key


def _make_cached_class(base: type) -> type:
    width_cache: dict[tuple, tuple[int, float]] = {}
    shape_cache: dict[tuple, Any] = {}
    memo: dict[int, tuple[Any, str]] = {}

    def cached(compute: Any, cache: dict, on_hit: Any = None) -> Any:
        def method(self, text, font_size_pt, text_shaping_params):
            key = (text, font_size_pt, _params_key(text_shaping_params, memo))
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = compute(self, text, font_size_pt, text_shaping_params)
            elif on_hit is not None:
                on_hit(self, font_size_pt)
            return hit

        return method

    def note_size(self, font_size_pt) -> None:  # what the uncached get_text_width records
        self.biggest_size_pt = max(self.biggest_size_pt, font_size_pt)

    get_text_width = cached(base.get_text_width, width_cache, note_size)
    shape_text = cached(base.shape_text, shape_cache)

    return type(
        "CachedTTFFont",
        (base,),
        {
            "__slots__": (),
            "get_text_width": get_text_width,
            "shape_text": shape_text,
            "cache_sizes": lambda self: (len(width_cache), len(shape_cache)),
        },
    )


def install_shaping_cache(pdf: Any) -> None:
    """Give every TrueType font already added to ``pdf`` its own shaping caches."""
    for font in pdf.fonts.values():
        if type(font) is TTFFont:
            font.__class__ = _make_cached_class(TTFFont)


def shaped_segments(font: Any, text: str, size_pt: float, params: Any, k: float) -> list:
    """Shaped ``text`` as ``[(dx, dy, escaped_glyph_codes), ...]`` relative to the start of
    the line (user units; ``dy`` downwards), cached per font. Same geometry as fpdf2's
    ``Fragment.render_with_text_shaping`` (no stretching, no character spacing)."""
    cache = _SEGMENT_CACHES.setdefault(id(font), (font, {}))[1]
    key = (text, size_pt)
    hit = cache.get(key)
    if hit is not None:
        return hit
    factor = font.scale * size_pt / 1000 / k
    segments: list[tuple[float, float, str]] = []
    pos_x = pos_y = 0.0
    start = (0.0, 0.0)
    buf = ""
    for ti in font.shape_text(text, size_pt, params):
        if ti["mapped_char"] is None:
            continue
        if ti["x_offset"] or ti["y_offset"]:
            if buf:
                segments.append((*start, buf))
                buf = ""
            start = (pos_x + ti["x_offset"] * factor, pos_y - ti["y_offset"] * factor)
        buf += font.escape_text(chr(ti["mapped_char"]))
        pos_x += ti["x_advance"] * factor
        pos_y += ti["y_advance"] * factor
        if ti["force_positioning"]:
            if buf:
                segments.append((*start, buf))
                buf = ""
            start = (pos_x, pos_y)
    if buf:
        segments.append((*start, buf))
    cache[key] = segments
    return segments


# id(font) -> (font, cache); the font is kept so that its id cannot be reused.
_SEGMENT_CACHES: dict[int, tuple[Any, dict]] = {}


def release(pdf: Any) -> None:
    """Drop the segment caches of ``pdf``'s fonts (called after output)."""
    for font in pdf.fonts.values():
        _SEGMENT_CACHES.pop(id(font), None)
