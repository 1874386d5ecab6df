"""Thai digits (U+0E50-U+0E59) <-> Arabic digits."""

from __future__ import annotations

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


def apply_digits(text: object, digits: str = DIGITS_ARABIC) -> str:
    """Render ``text`` with the office's digits preference (``"thai"`` or ``"arabic"``)."""
    if digits == DIGITS_THAI:
        return to_thai_digits(text)
    return to_arabic_digits(text)
