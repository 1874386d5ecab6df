"""wrap_thai: lines broken between Thai words (the segmenter's), widths in terminal cells."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from ethics_tui.thai.wordbreak import words
from ethics_tui.thai.wrap import wrap_spans, wrap_thai
from wrap_check import assert_between_words

TEXTS = [
    "ความพร้อม ITA ปีงบประมาณปัจจุบัน ๒๕๖๙ (๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙)",
    "แผนการพัฒนาทรัพยากรบุคคลประจำปีงบประมาณและการดำเนินการตามแผนเพื่อพัฒนาบุคลากร",
    "ยังไม่มีการประเมินผลการปฏิบัติราชการรอบที่ ๑ ของปีงบประมาณนี้ ควรบันทึกผลก่อนรายงาน",
    "มีประกาศเจตจำนงสุจริตของผู้บริหาร ลงวันที่ ๑๕ ตุลาคม ๒๕๖๘ ที่ ๑/๒๕๖๘ (m: รายงาน)",
]


@pytest.mark.parametrize("width", [8, 12, 20, 27, 40])
@pytest.mark.parametrize("text", TEXTS)
def test_lines_end_between_words_and_fit(text, width):
    lines = wrap_thai(text, width)
    assert len(lines) > 1 or cell_len(text) <= width
    longest_word = max(cell_len(w) for w in words(text))
    if longest_word <= width:
        assert_between_words(text, lines)  # never inside a word of the segmenter's list
    assert all(cell_len(line) <= width for line in lines), lines
    assert all(line == line.strip() for line in lines)  # spaces at a break are dropped
    assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost


def test_the_reported_cuts_do_not_happen():
    # issue 17: "พั|ฒนา", "ปีงบประ|มาณ", "ทรัพยาก|รบุคคล"
    for text in TEXTS[:2]:
        for width in range(8, 50):
            joined = "|".join(wrap_thai(text, width))
            assert "พั|ฒนา" not in joined and "ปีงบประ|มาณ" not in joined and "ทรัพยาก|รบุคคล" not in joined


def test_marks_take_no_cells():
    # ปีงบประมาณ: 10 characters, 9 cells (the vowel mark ี takes none): fits a 9-cell line
    assert wrap_thai("ปีงบประมาณ", 9) == ["ปีงบประมาณ"]
    assert wrap_thai("ที่นี่ ที่นั่น", 5) == ["ที่นี่", "ที่นั่น"]


def test_spaces_and_newlines_are_break_points():
    assert wrap_thai("abc def  ghi", 7) == ["abc def", "ghi"]
    assert wrap_thai("a\n\nb c", 1) == ["a", "", "b", "c"]
    assert wrap_thai("", 10) == [""]
    assert wrap_thai("สวัสดี", 0) == wrap_thai("สวัสดี", 1)  # a width below 1 counts as 1


def test_a_word_wider_than_the_line_still_breaks_and_never_before_a_mark():
    word = "องค์การบริหารส่วนตำบล"
    lines = wrap_thai(word, 6)
    assert len(lines) > 1 and "".join(lines) == word
    assert all(cell_len(line) <= 6 for line in lines)
    assert all(cell_len(line[0]) == 1 for line in lines)  # no line starts with a vowel/tone mark
    from ethics_tui.thai.wordbreak import split_long

    parts = split_long(word)  # at its dictionary parts first: องค์ การบริหาร ส่วนตำบล
    cuts = {sum(len(p) for p in parts[:i]) for i in range(len(parts) + 1)}
    lines = wrap_thai(word, 9)
    assert len(lines) > 1 and {sum(len(x) for x in lines[:i]) for i in range(len(lines) + 1)} <= cuts


def test_spans_point_into_the_text_and_are_cached():
    text = TEXTS[1]
    spans = wrap_spans(text, 20)
    assert [text[s:e] for s, e in spans] == wrap_thai(text, 20)
    from ethics_tui.thai.wrap import _spans

    before = _spans.cache_info().hits
    wrap_thai(text, 20)
    assert _spans.cache_info().hits == before + 1


def test_a_table_cell_is_cut_after_whole_words_with_an_ellipsis():
    from ethics_tui.tui.widgets.thai_text import cell, height

    text = TEXTS[1] + " " + TEXTS[2]
    shown = cell(text, 20, max_lines=2)
    lines = shown.plain.split("\n")
    assert len(lines) == 2 == height(shown) and lines[-1].endswith("…")
    assert all(cell_len(line) <= 20 for line in lines)
    assert_between_words(text, [lines[0], lines[1].removesuffix("…")])
