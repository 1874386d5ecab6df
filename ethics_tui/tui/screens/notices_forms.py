"""Editors of the notices register: ``NoticeFormModal`` (announcement with Dos/Don'ts lists, or
circular with targets and enclosures) and ``PublishModal`` (channels, date, number)."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, SelectionList, TextArea

from ethics_tui.errors import ValidationError
from ethics_tui.model.notices import AUDIENCES, CHANNELS, Notice, items_text, parse_items
from ethics_tui.model.staff import ALL_STAFF_TYPES, type_label
from ethics_tui.service import notices as svc
from ethics_tui.service.settings import get_settings, list_divisions
from ethics_tui.thai.dates import today
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.widgets.fields import date_input, date_text, typed_date
from ethics_tui.tui.widgets.file_picker import PathLinesArea, path_label
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.plain import PlainSelect, PlainSelectionList
from ethics_tui.tui.widgets.validators import Required, ThaiDate

ANN_FIELDS = ("title", "dated", "intro", "dos", "donts", "signer_name", "signer_position")
CIRC_FIELDS = (
    "number",
    "dated",
    "title",
    "to",
    "references",
    "body",
    "enclosures",
    "unit",
    "signer_name",
    "signer_position",
)
AREAS = {"intro", "dos", "donts", "references", "body", "enclosures"}
FORM_CSS = """
NoticeFormModal #dialog { width: 110; max-height: 95%; }
NoticeFormModal .field-line TextArea { height: 5; width: 1fr; }
NoticeFormModal .field-label { width: 26; }
"""


def _date_text(iso: str) -> str:
    return date_text(iso)


def _parse_day(typed: str, field: str, errors: dict) -> str:
    day = typed_date(typed, field, errors)
    return day.isoformat() if day else ""


class NoticeFormModal(FormModal[Notice | None]):
    """Draft editor; ctrl+s saves the draft through the service and dismisses it."""

    DEFAULT_CSS = FORM_CSS

    def __init__(self, kind: str, notice: Notice | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.original = notice or Notice(kind=kind, title="", dated=today().isoformat())
        self.title_text = self.t("nt_form_ann" if kind == "announcement" else "nt_form_circ")
        if self.original.id is None and self.original.replaces:  # v: a new version, still unsaved
            version = apply_digits(self.original.version, get_settings(self.ctx).digits)
            self.title_text = self.t("nt_form_version", kind=self.title_text, version=version)

    def _value(self, name: str) -> str:
        n = self.original
        if name == "dated":
            return _date_text(n.dated)
        if name in ("dos", "donts"):
            return items_text(getattr(n, name))
        if name == "references":
            return "\n".join(n.references)
        if name == "enclosures":
            return "\n".join(
                e["title"] + (f" | @{e['sha256'][:12]} {e.get('name', '')}" if e.get("sha256") else "")
                for e in n.enclosures
            )
        if name == "number":
            return str(n.number or "")
        return str(getattr(n, name) or "")

    def compose_fields(self) -> ComposeResult:
        names = ANN_FIELDS if self.kind == "announcement" else CIRC_FIELDS
        for name in names:
            label = self.t(f"nt_f_{name}")
            if name == "enclosures":  # F2 picks a file and adds its "title | file" line
                widget = PathLinesArea(self._value(name), id=f"f-{name}", soft_wrap=True, compact=True)
                label = path_label(label, self.lang)
            elif name in AREAS:
                widget = TextArea(self._value(name), id=f"f-{name}", soft_wrap=True, compact=True)
            else:
                validators = [ThaiDate(self.lang)] if name == "dated" else []
                if name in ("title", "to"):
                    validators = [Required(self.t("required"))]
                widget = Input(
                    self._value(name),
                    id=f"f-{name}",
                    compact=True,
                    validators=validators,
                    placeholder=self.t("date_ph") if name == "dated" else "",
                )
            yield FieldRow(label, widget, name)
        n = self.original
        pick = 1 if self.lang == "en" else 0
        if self.kind != "announcement":  # the letter's form: หนังสือภายนอก or บันทึกข้อความ to own staff
            forms = [(self.t("nt_form_external"), "external"), (self.t("nt_form_memo"), "memo")]
            yield FieldRow(
                self.t("nt_f_form"),
                PlainSelect(forms, value=n.form or "external", allow_blank=False, id="f-form", compact=True),
                "form",
            )
        yield FieldRow(
            self.t("nt_f_audience"),
            PlainSelect(
                [(v[pick], k) for k, v in AUDIENCES.items()],
                value=n.audience,
                allow_blank=False,
                id="f-audience",
                compact=True,
            ),
            "audience",
        )
        divs = [(d.name, d.id, d.id in n.audience_divisions) for d in list_divisions(self.ctx) if d.active]
        yield FieldRow(
            self.t("nt_f_audience_divisions"),
            PlainSelectionList(*divs, id="f-audience_divisions", compact=True),
            "audience_divisions",
        )
        types = [(type_label(x, self.lang), x, x in n.audience_types) for x in ALL_STAFF_TYPES]
        yield FieldRow(
            self.t("nt_f_audience_types"),
            PlainSelectionList(*types, id="f-audience_types", compact=True),
            "audience_types",
        )
        codes = self._codes(n.audience_people)
        yield FieldRow(
            self.t("nt_f_audience_people"), Input(codes, id="f-audience_people", compact=True), "audience_people"
        )
        yield FieldRow(self.t("nt_f_standing"), Checkbox("", n.standing, id="f-standing", compact=True), "standing")

    def _codes(self, ids: list[int]) -> str:
        from ethics_tui.service.people import staff_docs

        staff = staff_docs(self.ctx)
        return ", ".join(str(staff.get(str(i), {}).get("code") or i) for i in ids)

    def _area(self, name: str) -> str:
        return self.query_one(f"#f-{name}", TextArea).text

    def _enclosures(self, errors: dict) -> list[dict]:
        old = {e.get("sha256", "")[:12]: e for e in self.original.enclosures if e.get("sha256")}
        out = []
        for line in self._area("enclosures").splitlines():
            if not line.strip():
                continue
            title, _, ref = (x.strip() for x in line.partition("|"))
            if ref.startswith("@") and ref[1:13] in old:
                out.append({**old[ref[1:13]], "title": title})
            elif ref:
                out.append({"title": title, "path": ref})
            else:
                out.append({"title": title})
        return out

    def collect(self) -> tuple[Notice, dict[str, tuple[str, str]]]:
        errors: dict[str, tuple[str, str]] = {}
        names = ANN_FIELDS if self.kind == "announcement" else CIRC_FIELDS
        values: dict = {}
        for name in names:
            if name == "dated":
                values["dated"] = _parse_day(self.input_value("dated"), "dated", errors)
            elif name == "number":
                typed = self.input_value("number")
                values["number"] = None
                if typed:
                    from ethics_tui.thai.digits import to_arabic_digits

                    try:
                        values["number"] = int(to_arabic_digits(typed))
                    except ValueError:
                        errors["number"] = ("เลขที่ต้องเป็นตัวเลข", "the number must be digits")
            elif name in ("dos", "donts"):
                values[name] = parse_items(self._area(name))
            elif name == "references":
                values[name] = [r.strip() for r in self._area(name).splitlines() if r.strip()]
            elif name == "enclosures":
                values[name] = self._enclosures(errors)
            elif name in AREAS:
                values[name] = self._area(name).strip()
            else:
                values[name] = self.input_value(name)
        if self.kind != "announcement":
            values["form"] = self.select_value("form") or "external"
        values["audience"] = self.select_value("audience") or "all"
        values["audience_divisions"] = list(self.query_one("#f-audience_divisions", SelectionList).selected)
        values["audience_types"] = list(self.query_one("#f-audience_types", SelectionList).selected)
        values["standing"] = self.query_one("#f-standing", Checkbox).value
        codes = [c.strip() for c in self.input_value("audience_people").split(",") if c.strip()]
        values["audience_people"] = []
        if codes:
            try:
                values["audience_people"] = svc.staff_ids_by_code(self.ctx, codes)
            except ValidationError as exc:
                errors["audience_people"] = exc.errors["audience"]
        notice = replace(self.original, **values)
        return notice, model_errors(errors, notice.validate)

    def save(self, value: Notice) -> Notice:
        return svc.save_draft(self.ctx, value)


class PublishModal(FormModal[Notice | None]):
    """Publish an announcement (channels and date) or issue a circular (date and number)."""

    def __init__(self, notice: Notice) -> None:
        super().__init__()
        self.notice = notice
        self.title_text = self.t("nt_publish_title", title=notice.title)
        self.submit_label = self.t("nt_publish_do")  # the button says what it does

    def compose_fields(self) -> ComposeResult:
        pick = 1 if self.lang == "en" else 0
        yield FieldRow(
            self.t("nt_f_pub_date"),
            date_input(self, "on", today()),
            "on",
        )
        if self.notice.kind == "announcement":
            items = [(v[pick], k, k in ("website", "board")) for k, v in CHANNELS.items()]
            yield FieldRow(
                self.t("nt_f_channels"), PlainSelectionList(*items, id="f-channels", compact=True), "channels"
            )
        else:
            yield FieldRow(
                self.t("nt_f_number"), Input(str(self.notice.number or ""), id="f-number", compact=True), "number"
            )

    def collect(self):
        errors: dict = {}
        on = _parse_day(self.input_value("on"), "on", errors) or today().isoformat()
        result = {"on": on, "channels": [], "number": None}
        if self.notice.kind == "announcement":
            result["channels"] = [(c, on) for c in self.query_one("#f-channels", SelectionList).selected]
        else:
            typed = self.input_value("number")
            if typed:
                from ethics_tui.thai.digits import to_arabic_digits

                try:
                    result["number"] = int(to_arabic_digits(typed))
                except ValueError:
                    errors["number"] = ("เลขที่ต้องเป็นตัวเลข", "the number must be digits")
        return result, errors

    def confirm_before_save(self, value: dict) -> str:
        return self.t("nt_publish_final", title=self.notice.title)

    def save(self, value: dict) -> Notice:
        from datetime import date

        return svc.publish(
            self.ctx, self.notice.id, value["channels"], number=value["number"], on=date.fromisoformat(value["on"])
        )
