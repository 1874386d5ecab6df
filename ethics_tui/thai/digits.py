"""Thai digits (U+0E50-U+0E59) <-> Arabic digits."""

from __future__ import annotations

import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

#: Office digits preference values.
DIGITS_THAI = "thai"
DIGITS_ARABIC = "arabic"


def to_thai_digits(text: object) -> str:
    """``"25/11/2568"`` -> ``"๒๕/๑๑/๒๕๖๘"``. Non-digits are kept."""
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: object) -> str:
    """``"๒๕/๑๑/๒๕๖๘"`` -> ``"25/11/2568"``. Non-digits are kept."""
    return str(text).translate(_TO_ARABIC)


#: a run of Latin letters and digits with at least one letter: an identifier ("O13", "v2",
#: "K7QM"), whose digits stay Arabic under Thai digits
_LATIN_CODE = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")


def apply_digits(text: object, digits: str = DIGITS_ARABIC) -> str:
    """Render ``text`` with the office's digits preference (``"thai"`` or ``"arabic"``); under
    Thai digits a Latin code keeps its digits (ITA item "O13", not "O๑๓")."""
    if digits == DIGITS_THAI:
        s = str(text)
        if not any(c.isascii() and c.isalpha() for c in s):
            return to_thai_digits(s)
        out, at = [], 0
        for m in _LATIN_CODE.finditer(s):
            out += [to_thai_digits(s[at : m.start()]), m.group()]
            at = m.end()
        return "".join([*out, to_thai_digits(s[at:])])
    return to_arabic_digits(text)
