"""Pure Thai helpers: digits, Buddhist Era dates, fiscal years. No I/O, no Textual."""

from ethics_tui.thai.dates import (
    appraisal_round,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    format_date,
    parse_date,
)
from ethics_tui.thai.digits import apply_digits, to_arabic_digits, to_thai_digits

__all__ = [
    "apply_digits",
    "appraisal_round",
    "fiscal_quarter",
    "fiscal_year",
    "fiscal_year_range",
    "format_date",
    "parse_date",
    "to_arabic_digits",
    "to_thai_digits",
]
