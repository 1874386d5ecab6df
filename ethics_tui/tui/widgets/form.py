"""Form pieces: a labelled field with its error line, and a base for typed form modals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.tui.crash import GuardedModal, R
from ethics_tui.tui.widgets.saving import run_write, saving_text, writing


def too_long(texts: dict[str, str], most: int = 4000) -> dict[str, tuple[str, str]]:
    """The field errors (th, en) of the texts in ``texts`` longer than ``most`` characters."""
    return {
        n: (f"ข้อความยาวเกิน {most:,} ตัวอักษร", f"longer than {most:,} characters")
        for n, v in texts.items()
        if len(v) > most
    }


def model_errors(errors: dict, *checks: Callable[[], object]) -> dict:
    """``errors`` (the form's own) with those each check raises (a model's ``validate``) added;
    for the same field the form's message wins."""
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            errors = {**exc.errors, **errors}
    return errors


#: the most characters a text box takes (above every model's own limit, which the form reports
#: in Thai at its field): a box without a limit took 200,000 keys sent one by one (a terminal
#: without bracketed paste) and queued a Changed message with the whole text for each, memory
#: climbing to ~1 GB; a search box takes fewer (``SEARCH_BOX_MAX``)
TEXT_BOX_MAX = 10_000
SEARCH_BOX_MAX = 200


def capped(box: Input, limit: int = TEXT_BOX_MAX) -> Input:
    """``box`` with at most ``limit`` characters unless it has its own (smaller) limit."""
    if not box.max_length:
        box.max_length = limit
    return box


class FieldRow(Vertical):
    """``label | widget`` with a red error line under it (hidden while there is no error)."""

    def __init__(self, label: str, widget: Widget, field: str) -> None:
        super().__init__(id=f"row-{field}", classes="field-row")
        if isinstance(widget, Input):
            capped(widget)
        self.label = label
        self.widget = widget
        self.field = field

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-line"):
            yield Label(self.label, classes="field-label")
            yield self.widget
        yield Static("", classes="field-error", id=f"err-{self.field}", markup=False)

    def set_error(self, message: str | None) -> None:
        err = self.query_one(".field-error", Static)
        err.update(message or "")
        err.display = bool(message)
        self.set_class(bool(message), "-has-error")


class FormModal(GuardedModal[R]):
    """A typed form: ``collect()`` reads the fields, ``save()`` stores; ctrl+s submits.

    ``submit`` re-validates everything and shows each error at its field, in Thai (or
    English). Service errors (a duplicate code, say) come back as ValidationError and are shown
    the same way; the modal dismisses only with a saved result.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "save", priority=True),
        Binding("escape", "cancel", "cancel"),
    ]
    title_text = ""
    #: the submit button's word when the form does not save a record (restore: check the file)
    submit_label = ""
    #: set by the screen when the user may only look (no permission to change the record): the
    #: fields cannot be changed, there is no save button and ctrl+s says why, instead of a form
    #: that takes typing and refuses it at ctrl+s
    view_only = False
    #: the title when view_only (a form titled "แก้ไข…" is not edited then)
    view_title_text = ""

    def __init__(self) -> None:
        super().__init__()
        self.submitted_once = False
        #: errors the service raised on the last submit ("number already used"): ``collect``
        #: cannot see them, so they stay shown until the next submit
        self.service_errors: dict[str, tuple[str, str]] = {}

    # -- to implement ----------------------------------------------------------------------
    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def collect(self) -> tuple[Any, dict[str, tuple[str, str]]]:
        """Return (value, errors). ``errors`` maps field -> (th, en)."""
        raise NotImplementedError

    def save(self, value: Any) -> Any:
        """Store the value (may raise ValidationError / UserError); return what to dismiss."""
        return value

    # -- shared ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield from self.compose_fields()
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                word = self.submit_label or self.t("save")
                yield Button(word + " (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button(self.t("cancel") + " (esc)", id="cancel", compact=True)
            yield Static(self._keys_hint(), id="form-keys", classes="hint")

    def _keys_hint(self) -> str:
        return self.t("form_keys_as", label=self.submit_label) if self.submit_label else self.t("form_keys")

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        self._fit_body()
        self.call_after_refresh(self._fit_body)  # counted, now that the dialog is laid out
        for row in self.query(FieldRow):
            row.set_error(None)
        if self.view_only:
            self._show_view_only()
        fields = self.query("Select, Input, SelectionList, TextArea")
        if fields and not self.view_only:  # the first field, whatever kind (a Select above the first Input included),
            self.set_focus(fields.first())  # at once, so typed-ahead keys land in it
        # what the form showed when it opened (after subclasses filled it in): escape asks
        # before throwing away anything typed since
        self._initial = None
        self.call_after_refresh(self._remember_initial)

    #: rows of the dialog besides its scrolling body before it is laid out: borders and padding
    #: (4), the title and its margin (2), the error line (1), the buttons and their margin (2),
    #: the key line (1), one spare; once laid out the rows are counted (``chrome_rows``)
    CHROME_ROWS = 11

    def on_resize(self) -> None:
        self._fit_body()

    def chrome_rows(self) -> int:
        """The dialog's rows besides its scrolling body, as laid out now: its border and padding
        and every other row shown (title, error line while there is one, buttons, key line).
        ``CHROME_ROWS`` until the dialog has a width."""
        from textual.geometry import Size

        dialog, body = self.query_one("#dialog"), self.query_one(".form-body")
        if not dialog.size.width:
            return self.CHROME_ROWS
        placed = dialog.arrange(Size(dialog.size.width, 0))
        rows = placed.total_region.height - sum(p.region.height for p in placed.placements if p.widget is body)
        return rows + dialog.styles.gutter.height

    def body_rows(self) -> int:
        """The rows the scrolling body may take: what the screen leaves (#dialog: max-height 95%)
        after the dialog's other rows, at least 3."""
        return max(3, self.size.height * 95 // 100 - self.chrome_rows())

    def _fit_body(self) -> None:
        """The body scrolls within what the screen leaves after the dialog's other rows, so the
        buttons and the key line (ctrl+s, esc) stay on screen at 80x24 (they fell off the bottom
        of the order and new-round forms); counted once laid out, so no row is left blank under
        the buttons, and again when the error line comes or goes."""
        body = self.query(".form-body")
        if body:
            body.first().styles.max_height = self.body_rows()

    def _show_view_only(self) -> None:
        from textual.widgets import SelectionList, TextArea

        for w in self.query("Select, Input, SelectionList, TextArea"):
            if isinstance(w, TextArea):
                w.read_only = True
            elif isinstance(w, (Input, Select, SelectionList)):
                w.disabled = True
        self.query_one("#save", Button).display = False
        self.query_one("#cancel", Button).label = self.t("form_view_only_close")  # nothing to cancel
        title = self.query_one(".dialog-title", Static)  # "ข้อมูลบุคลากร", not "แก้ไข…", when it has one
        title.update(f"{self.view_title_text or self.title_text} · {self.t('form_view_only')}")
        self.query_one("#form-keys", Static).update(self.t("form_view_only_keys"))
        self.query_one("#cancel", Button).focus()

    def on_key(self, event) -> None:
        """A letter typed on a closed dropdown opens it and searches its options with that letter:
        keys typed ahead after `n` reach a form whose first field is a dropdown (training ประเภท,
        complaints ช่องทาง) and were dropped there; the open list takes the following ones."""
        from textual import events
        from textual.widgets._select import SelectOverlay

        field = self.focused
        if not (isinstance(field, Select) and not field.expanded and event.is_printable and event.character):
            return
        if event.character == " ":  # space opens the list as before
            return
        event.stop()
        event.prevent_default()
        field.expanded = True
        overlay = field.query_one(SelectOverlay)
        overlay.post_message(events.Key(event.key, event.character))

    def _field_values(self) -> tuple:
        from textual.widgets import SelectionList, TextArea

        values = []
        for w in self.query("Select, Input, SelectionList, TextArea"):
            if isinstance(w, TextArea):
                values.append(w.text)
            elif isinstance(w, SelectionList):
                values.append(tuple(w.selected))
            else:
                values.append(w.value)
        return tuple(values) + tuple(self.extra_values())

    def confirm_before_save(self, value: Any) -> str | None:
        """A question to ask (y/n) before saving a valid form, e.g. that an issued document can
        no longer be changed; None saves at once."""
        return None

    def extra_values(self) -> tuple:
        """What else the form holds besides its fields (a member table...): a change there
        also makes escape ask before discarding."""
        return ()

    def _remember_initial(self) -> None:
        self._initial = self._field_values()

    @property
    def typeahead_ready(self) -> bool:
        """Keys typed ahead wait until the form has noted what it showed (tui/typeahead.py)."""
        return getattr(self, "_initial", None) is not None

    def input_value(self, field: str) -> str:
        return self.query_one(f"#f-{field}", Input).value.strip()

    def select_value(self, field: str) -> Any:
        value = self.query_one(f"#f-{field}", Select).value
        return None if value == Select.NULL else value

    def show_errors(self, errors: dict[str, tuple[str, str]]) -> None:
        pick = 1 if self.lang == "en" else 0
        rows = {row.field: row for row in self.query(FieldRow)}
        for name, row in rows.items():
            row.set_error(errors[name][pick] if name in errors else None)
        # errors of fields this form has no row for (the service checked the whole record):
        # the reason alone, never the internal field name ("authority: ...")
        other = [v[pick] for k, v in errors.items() if k not in rows]
        general = self.query_one("#form-error", Static)
        general.update("\n".join(other))
        if general.display != bool(other):
            general.display = bool(other)
            self.call_after_refresh(self._fit_body)  # the error line takes rows from the body

    def focus_first_error(self, errors: dict) -> None:
        for row in self.query(FieldRow):
            if row.field in errors:
                row.widget.focus()
                row.scroll_visible()
                return

    def writes(self) -> bool:
        """True when ``save`` stores something: it then runs in a thread worker
        (widgets/saving.py), so the screen keeps answering while the store's lock is busy."""
        return type(self).save is not FormModal.save

    def action_submit(self) -> None:
        if self.view_only:
            self.notify(self.t("form_view_only_save"), severity="warning", markup=False)
            return
        if writing(self):  # a second ctrl+s while the first save waits: never saves twice
            self.notify(saving_text(self.lang), severity="warning", markup=False)
            return
        self.submitted_once = True
        self.service_errors = {}
        value, errors = self.collect()
        question = self.confirm_before_save(value) if not errors else None
        if question and not getattr(self, "_confirmed", False):
            from ethics_tui.tui.widgets.confirm import ConfirmModal

            def answered(yes: bool | None) -> None:
                if yes:
                    self._confirmed = True
                    try:
                        self.action_submit()
                    finally:
                        self._confirmed = False

            self.app.push_screen(ConfirmModal(question), answered)
            return
        if errors:
            self._show_result(errors)
        elif self.writes():
            run_write(
                self,
                lambda: self.save(value),
                self._saved,
                failed=self._save_failed,
                busy=self._set_saving,
                in_form=True,
            )
        else:
            try:
                self._saved(self.save(value))
            except UserError as exc:
                self._save_failed(exc)

    def notify(self, message: str, *, severity: str = "information", **kwargs: Any) -> None:
        """A toast; the form's warnings and errors ("ข้อมูลยังไม่ถูกต้อง … ช่อง", a refused save)
        are remembered, to be cleared once the form saved (they no longer hold)."""
        if severity != "information":
            self._stale_toasts = {*getattr(self, "_stale_toasts", ()), message}
        super().notify(message, severity=severity, **kwargs)

    def _saved(self, value: Any) -> None:
        self._show_result({})
        stale = getattr(self, "_stale_toasts", ())
        if stale:
            self.app.forget_toasts(*stale)
        self.dismiss(value)

    def _save_failed(self, exc: UserError) -> None:
        """A refused save: field errors at their fields, anything else as a message; the form
        stays open with what was typed."""
        if isinstance(exc, ValidationError):
            self.service_errors = dict(exc.errors)
            self._show_result(self.service_errors)
            return
        self.notify(exc.message(self.lang), severity="error", markup=False)

    def _show_result(self, errors: dict[str, tuple[str, str]]) -> None:
        self.show_errors(errors)
        if errors:
            self.focus_first_error(errors)
            from ethics_tui.service.settings import get_settings
            from ethics_tui.thai.digits import apply_digits

            n = apply_digits(len(errors), get_settings(self.ctx).digits) if self.ctx is not None else len(errors)
            self.notify(self.t("form_has_errors", n=n), severity="warning", markup=False)

    def _set_saving(self, on: bool) -> None:
        """While the save runs: "กำลังบันทึก…" in the key line, the fields and buttons disabled
        (ctrl+s and escape answer with the saving message); afterwards the focus goes back."""
        if on:
            self._focus_before_save = self.focused
        for node in self.query(".form-body, .buttons Button"):
            node.disabled = on
        hint = self.query("#form-keys")  # the key line, not a hint among the fields
        if hint:
            hint.first(Static).update(saving_text(self.lang) if on else self._keys_hint())
            hint.first().set_class(on, "-saving")
        if not on:
            before = getattr(self, "_focus_before_save", None)
            if before is not None and before.is_attached and self.focused is None:
                self.set_focus(before)

    def has_unsaved_changes(self) -> bool:
        """True while the form holds values the user typed and has not saved."""
        initial = getattr(self, "_initial", None)
        return initial is not None and self._field_values() != initial

    def action_cancel(self) -> None:
        if writing(self):  # escape while saving: the form stays (the save decides)
            self.notify(saving_text(self.lang), severity="warning", markup=False)
            return
        if not self.has_unsaved_changes():
            self.dismiss(None)
            return
        from ethics_tui.tui.widgets.confirm import ask_then

        ask_then(self, self.t("discard_changes"), lambda: self.dismiss(None))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_submit()
        elif event.button.id == "cancel":
            self.action_cancel()

    def _revalidate(self) -> None:
        if self.submitted_once:
            _value, errors = self.collect()
            self.show_errors({**self.service_errors, **errors})

    def on_input_changed(self, event: Input.Changed) -> None:
        self._revalidate()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._revalidate()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()
