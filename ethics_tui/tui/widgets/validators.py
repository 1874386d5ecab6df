"""Input validators: they mark a field invalid as it is typed (the form shows the reason)."""

from __future__ import annotations

from textual.validation import ValidationResult, Validator

from ethics_tui.errors import UserError
from ethics_tui.thai.dates import parse_date


class Required(Validator):
    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        return self.success() if value.strip() else self.failure()


class ThaiDate(Validator):
    """An optional B.E. date as users type it (25/11/2568, ๒๕/๑๑/๒๕๖๘, 25 พ.ย. 2568, ISO)."""

    def __init__(self, lang: str = "th") -> None:
        super().__init__()
        self.lang = lang

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_date(value)
        except UserError as exc:
            return self.failure(exc.message(self.lang))
        return self.success()
