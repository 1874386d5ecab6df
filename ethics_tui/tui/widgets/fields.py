"""Form helpers for the fields every register form has: dates (typed in B.E.), people and
choices. The form modals (widgets/form.py) read their inputs through these, so a date is
parsed and its error worded the same way in every form.

A choice (a Select) has one rule for its blank "— เลือก —" line: while the field shows a value
(the record's, or a default the user sees) there is no blank line to pick; with no value the
blank is there and reading it is refused at the field (:func:`read_choice`), never taken as
a value (a yes/no left blank was saved as ไม่ใช่: an ethics course stored as not one)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from textual.widgets import Input, Select

from ethics_tui.errors import UserError
from ethics_tui.thai.dates import format_date, parse_date
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import ThaiDate

DATE_REQUIRED = ("ต้องกรอกวันที่", "a date is required")
CHOICE_REQUIRED = ("ต้องเลือก", "choose one")
YES_NO_REQUIRED = ("เลือก ใช่ หรือ ไม่ใช่", "choose yes or no")


def date_text(value: date | str | None) -> str:
    """A stored date (ISO or date) as the form shows it: dd/mm/yyyy B.E.; "" when unset."""
    return format_date(value, "numeric") if value else ""


def date_input(form, name: str, value: date | str | None = None, *, required: bool = False) -> Input:
    """An Input for a B.E. date with the date placeholder and validator (id ``f-<name>``)."""
    from ethics_tui.tui.widgets.validators import Required

    validators = [Required(form.t("required"))] if required else []
    validators.append(ThaiDate(form.lang))
    return Input(date_text(value), placeholder=form.t("date_ph"), id=f"f-{name}", compact=True, validators=validators)


def typed_date(
    text: str, field: str, errors: dict, required: bool = False, missing: tuple[str, str] = DATE_REQUIRED
) -> date | None:
    """The date typed in ``text`` (B.E. or A.D., Thai or Arabic digits); None when empty or
    wrong, the reason then in ``errors[field]`` (Thai, English)."""
    text = (text or "").strip()
    if not text:
        if required:
            errors[field] = missing
        return None
    try:
        return parse_date(text)
    except UserError as exc:
        errors[field] = (exc.th, exc.en)
        return None


def read_date(
    form, name: str, errors: dict, required: bool = False, missing: tuple[str, str] = DATE_REQUIRED
) -> date | None:
    """The date in the form's field ``name`` (see :func:`typed_date`)."""
    return typed_date(form.input_value(name), name, errors, required, missing)


def read_iso(form, name: str, errors: dict, required: bool = False, missing: tuple[str, str] = DATE_REQUIRED) -> str:
    """:func:`read_date` as an ISO string ("" when empty or wrong)."""
    day = read_date(form, name, errors, required, missing)
    return day.isoformat() if day else ""


def people_options(staff: Iterable) -> list[tuple[str, int]]:
    """(label, staff id) for a Select of people: "name · position"."""
    return [(f"{s.full_name} · {s.position}", s.id) for s in staff]


def choice_options(labels: Mapping[str, tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """(label, key) for a Select of (Thai, English) labelled choices."""
    return [(pair[1] if lang == "en" else pair[0], key) for key, pair in labels.items()]


def choice_select(form, name: str, options, value=None, *, default=None) -> Select:
    """A Select of ``options`` (id ``f-<name>``) showing ``value``, else ``default``: with
    either, no blank line; with neither, the blank "— เลือก —" that :func:`read_choice` refuses."""
    shown = next((v for v in (value, default) if v is not None and any(o == v for _, o in options)), None)
    return PlainSelect(
        options,
        value=Select.NULL if shown is None else shown,
        allow_blank=shown is None,
        prompt=form.t("choose"),
        id=f"f-{name}",
        compact=True,
    )


def yes_no_select(form, name: str, value: bool | None = None, *, default: bool | None = None) -> Select:
    """A ใช่ / ไม่ใช่ choice (:func:`choice_select`); read it with :func:`read_yes_no`."""
    return choice_select(form, name, [(form.t("tryn_no"), False), (form.t("tryn_yes"), True)], value, default=default)


def read_choice(form, name: str, errors: dict, missing: tuple[str, str] = CHOICE_REQUIRED):
    """The value chosen in the form's Select ``name``; None when blank, the reason then in
    ``errors[name]`` (Thai, English)."""
    value = form.select_value(name)
    if value is None:
        errors[name] = missing
    return value


def read_yes_no(form, name: str, errors: dict) -> bool:
    """The ใช่ / ไม่ใช่ chosen; a blank is refused at the field ("เลือก ใช่ หรือ ไม่ใช่")."""
    return bool(read_choice(form, name, errors, YES_NO_REQUIRED))
