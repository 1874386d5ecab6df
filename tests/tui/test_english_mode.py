"""The English option reads as English at 80×24: dates as B.E. with English month names (never
ISO), committee roles and training kinds in English, column headings whole, the key labels of
the footers in one style (lower case)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date, timedelta

from rich.cells import cell_len
from textual.widgets import DataTable, Select, Static
from textual.widgets._footer import FooterKey
from tui_helpers import settle, signed_in, text_of

import ethics_tui.tui.screens as screens
from ethics_tui.model.committee import ROLES
from ethics_tui.model.training import KINDS
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.i18n import t
from ethics_tui.tui.widgets.list_screen import ListScreen

SMALL = (80, 24)
ISO = re.compile(r"[\d๐-๙]{4}-[\d๐-๙]{2}-[\d๐-๙]{2}")
CAPITALISED = re.compile(r"^[^A-Za-z]*[A-Z][a-z]")  # "Edit", "(De)activate"; not "ITA score"


def english(make_app, ctx, role: str, *keys: str):
    return signed_in(make_app, ctx, role, *keys, size=SMALL, lang="en")


def footer_labels(app) -> list[str]:
    return [k.description for k in app.screen.query(FooterKey)]


async def test_home_alert_gives_the_date_in_english_in_the_office_digits(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "hr") as (app, _pilot):
        alerts = text_of(app.screen.query_one("#home-alerts", Static))
        end = date.today() + timedelta(days=21)  # the demo committee's term
        assert f"ends {format_date(end, 'abbr', 'thai', 'en')}" in alerts, alerts
        assert not ISO.search(alerts)
        assert not any(CAPITALISED.match(x) for x in footer_labels(app)), footer_labels(app)


async def test_committee_roles_in_english_and_lower_case_keys(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "hr", "c") as (app, pilot):
        current = text_of(app.screen.query_one("#cm-current", Static))
        assert "chair: " in current and not any(f"{r}:" in current for r in ROLES), current
        labels = footer_labels(app)
        assert "new" in labels and "edit" in labels, labels
        assert not any(CAPITALISED.match(x) for x in labels), labels
        await pilot.press("e")  # the order in force, read-only in a form
        await settle(pilot)
        members = app.screen.query_one("#members", DataTable)
        roles = {str(members.get_row(k)[0]) for k in members.rows}
        assert "chair" in roles and not roles & set(ROLES), roles


async def test_training_kind_in_english_and_headings_whole(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "hr", "f") as (app, _pilot):
        table = app.screen.query_one("#tr-opps", DataTable)
        kinds = {str(table.get_row(k)[1]) for k in table.rows}
        assert "training" in kinds and not kinds & set(KINDS), kinds
        headings = [str(c.label) for c in table.columns.values()]
        assert "Nominees" in headings, headings


async def test_appraisal_headings_whole_at_80_columns(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "hr", "a") as (app, _pilot):
        table = app.screen.query_one("#ap-rounds", DataTable)
        for c in table.columns.values():
            assert cell_len(str(c.label)) <= c.width, (str(c.label), c.width)
        assert [str(c.label) for c in table.columns.values()][-2:] == ["Staff", "Ack."]
        assert not any(CAPITALISED.match(x) for x in footer_labels(app)), footer_labels(app)


async def test_form_choices_in_english_store_the_thai_value(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "hr", "f", "n") as (app, _pilot):
        kind = app.screen.query_one("#f-kind", Select)
        assert kind.value in KINDS
        assert [str(p) for p, _v in kind._options if _v in KINDS] == ["training", "study visit", "scholarship"]


def test_every_list_heading_fits_its_column_in_both_languages():
    for mod in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"ethics_tui.tui.screens.{mod.name}")

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    cut = [
        (cls.__name__, key, lang)
        for cls in set(subclasses(ListScreen))
        for key, width in cls.COLUMNS
        if width and key != cls.FLEX
        for lang in ("th", "en")
        if cell_len(t(cls.COLUMN_LABEL.format(key), lang)) > width
    ]
    assert cut == []


def test_key_label_style():
    from ethics_tui.tui.i18n import key_label

    assert [key_label(x, "en") for x in ("Save", "new round", "Order PDF", "(De)activate")] == [
        "save",
        "new round",
        "order PDF",
        "(de)activate",
    ]
    assert [key_label(x, "en") for x in ("ITA score", "XLSX", "OK")] == ["ITA score", "XLSX", "OK"]
    assert key_label("บันทึก", "th") == "บันทึก" and key_label("Save", "th") == "Save"


async def test_complaint_channels_in_english_on_the_statistics(make_app, demo_ctx):
    async with english(make_app, demo_ctx, "admin", "p") as (app, _pilot):
        counts = text_of(app.screen.query_one("#cp-counts", Static))
        assert "in person" in counts and "web form" in counts, counts
        assert not re.search("[\u0e01-\u0e4f]", counts), counts  # Thai letters (Thai digits are fine)


async def test_consultation_categories_in_english(make_app, demo_ctx):
    from ethics_tui.model.committee import DEFAULT_CATEGORIES

    async with english(make_app, demo_ctx, "committee", "c", "k") as (app, _pilot):
        table = app.screen.query_one(DataTable)
        column = list(table.columns).index("category")
        cats = {str(table.get_row(k)[column]) for k in table.rows}
        assert "conflict of interest" in cats and not cats & set(DEFAULT_CATEGORIES), cats


async def test_staff_types_in_english_in_the_staff_form(make_app, demo_ctx):
    from ethics_tui.model.staff import ALL_STAFF_TYPES

    async with english(make_app, demo_ctx, "hr", "s", "n") as (app, _pilot):
        box = app.screen.query_one("#f-staff_type", Select)
        shown = [str(p) for p, v in box._options if v in ALL_STAFF_TYPES]
        assert shown[:2] == ["SAO official", "permanent employee"], shown
