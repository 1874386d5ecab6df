"""The order form (members from the staff register or outsiders, roles, duties, preamble) and
the member picker. Saving goes through the committee service; a read-only view for issued orders."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from ethics_tui.model import committee as m
from ethics_tui.model.committee import Order, OrderMember
from ethics_tui.model.labels import label
from ethics_tui.service import committee as svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.screens.committee_members import MEMBER_COLUMNS, MembersRow, MembersTable
from ethics_tui.tui.widgets.fields import choice_options, read_iso
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.person_search import PersonSearch
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import Required, ThaiDate

FORM_CSS = """
#dialog { width: 110; }
.field-line TextArea { height: 5; width: 1fr; }
#members { height: 4; width: 1fr; overflow-x: hidden; }
.member-side { width: 22; height: auto; }
.member-side Button { margin: 0 1 0 0; }
#staff-pick { height: 7; width: 1fr; }
"""


def read_date(form: FormModal, name: str, errors: dict, required: bool = False) -> str:
    """ISO date typed (B.E.) in field ``name``; errors go to ``errors``."""
    return read_iso(form, name, errors, required, ("ต้องระบุวันที่", "a date is required"))


def be(iso: str) -> str:
    return format_date(iso, "numeric") if iso else ""


class OrderFormModal(FormModal[Order | None]):
    """Draft or edit an order; ``read_only`` shows an issued order without saving."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_member", "new", priority=True),
        Binding("ctrl+up", "move_member(-1)", show=False),
        Binding("ctrl+down", "move_member(1)", show=False),
    ]

    def __init__(self, order: Order, read_only: bool = False, title: str = "") -> None:
        """``title`` names an unsaved draft's purpose ("ร่างคำสั่งแทนคำสั่งที่ …")."""
        super().__init__()
        self.original = order
        self.members = [replace(x) for x in order.members]
        self.read_only = read_only
        if read_only:
            status = pick(m.ORDER_STATUSES[order.status], self.lang)
            self.title_text = self.t("cm_view_title", ref=order.ref, status=status)
        else:
            self.title_text = title or self.t("cm_edit_title" if order.id else "cm_new_title")

    def compose_fields(self) -> ComposeResult:
        o = self.original
        ro = self.read_only
        yield FieldRow(
            self.t("cm_f_subject") + " *",
            Input(o.subject, id="f-subject", compact=True, disabled=ro, validators=[Required(self.t("required"))]),
            "subject",
        )
        for name in ("order_date", "term_start", "term_end"):
            box = Input(
                be(getattr(o, name)),
                id=f"f-{name}",
                compact=True,
                disabled=ro,
                placeholder=self.t("date_ph"),
                validators=[ThaiDate(self.lang)],
            )
            yield FieldRow(self.t(f"cm_f_{name}"), box, name)
        yield FieldRow(
            self.t("cm_f_authority"),
            Input(o.authority, id="f-authority", compact=True, disabled=ro, placeholder=self.t("cm_authority_ph")),
            "authority",
        )
        for name in ("signer_name", "signer_position"):
            yield FieldRow(
                self.t(f"cm_f_{name}"),
                Input(getattr(o, name), id=f"f-{name}", compact=True, disabled=ro, placeholder=self.t("cm_signer_ph")),
                name,
            )
        digits = get_settings(self.ctx).digits  # a label to read, as in the list: ๑/๒๕๖๙
        options = [
            (apply_digits(f"{x.ref} ({be(x.term_start)} – {be(x.term_end)})", digits), x.id)
            for x in svc.list_orders(self.ctx, m.ISSUED)
            if x.id != o.id
        ]
        value = o.supersedes if any(v == o.supersedes for _, v in options) else Select.NULL
        yield FieldRow(
            self.t("cm_f_supersedes"),
            PlainSelect(
                options, value=value, prompt=self.t("cm_no_supersede"), id="f-supersedes", compact=True, disabled=ro
            ),
            "supersedes",
        )
        buttons = [
            Button(self.t("cm_add_staff"), id="add-member", compact=True, disabled=ro),
            Button(self.t("cm_edit_member"), id="edit-member", compact=True, disabled=ro),
            Button(self.t("cm_remove_member"), id="remove-member", compact=True, disabled=ro),
        ]
        table = MembersTable(id="members", cursor_type="row", zebra_stripes=True)
        yield MembersRow(self.t("cm_f_members") + " *", table, buttons)
        yield FieldRow(
            self.t("cm_f_duties"), TextArea("\n".join(o.duties), id="f-duties", read_only=ro, compact=True), "duties"
        )
        # as the order prints it: the office's name (an issued order: the authority too), not the
        # template's {office}
        preamble = svc.printed_preamble(self.ctx, o) if ro else svc.preamble_for_editing(self.ctx, o.preamble)
        yield FieldRow(
            self.t("cm_f_preamble"), TextArea(preamble, id="f-preamble", read_only=ro, compact=True), "preamble"
        )
        yield Static(self.t("cm_preamble_printed" if ro else "cm_order_preamble_hint"), classes="hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#dialog").add_class("wide")
        table = self.query_one("#members", DataTable)
        self.refresh_members()
        if self.read_only:
            self.query_one("#save", Button).display = False
            for button in self.query("#add-member, #edit-member, #remove-member"):
                button.display = False  # an issued order (or a viewer): nothing to add or remove
            self.query_one("#cancel", Button).label = self.t("form_view_only_close")  # nothing to cancel
            self.query_one("#form-keys", Static).update(self.t("cm_view_keys"))  # not "ctrl+s save"
            table.focus()

    def extra_values(self) -> tuple:
        return tuple(replace(x) for x in self.members)  # escape asks before discarding members

    def _fit_body(self) -> None:
        super()._fit_body()
        tables = self.query(MembersTable)
        if tables:
            table = tables.first()
            table.fit(self.body_rows())
            if table.size.width != table.cut_for:  # the columns chosen again for the new width
                self.call_after_refresh(self._recut)

    def _recut(self) -> None:
        if self.is_attached:  # (not after the form closed meanwhile)
            self.refresh_members(self._cursor())

    def refresh_members(self, cursor: int | None = None) -> None:
        table = self.query_one("#members", MembersTable)
        rows = [(label(m.ROLE_LABELS, x.role, self.lang), x.name, x.position or "") for x in self.members]
        table.show(rows, [self.t(key) for key in MEMBER_COLUMNS], cursor)
        table.fit(self.body_rows())

    def _cursor(self) -> int | None:
        table = self.query_one("#members", DataTable)
        return table.cursor_row if table.row_count else None

    # -- member actions ----------------------------------------------------------------------
    def action_add_member(self) -> None:
        if not self.read_only:
            self.app.push_screen(MemberModal(None), self._member_added)

    def _member_added(self, member: OrderMember | None) -> None:
        if member is not None:
            self.members.append(member)
            self.refresh_members(len(self.members) - 1)
            self._revalidate()

    def action_edit_member(self) -> None:
        i = self._cursor()
        if i is None or self.read_only:
            return

        def done(member: OrderMember | None) -> None:
            if member is not None:
                self.members[i] = member
                self.refresh_members(i)
                self._revalidate()

        self.app.push_screen(MemberModal(self.members[i]), done)

    def action_remove_member(self) -> None:
        i = self._cursor()
        if i is not None and not self.read_only:
            del self.members[i]
            self.refresh_members(i)
            self._revalidate()

    def action_move_member(self, step: int) -> None:
        i = self._cursor()
        if i is None or self.read_only or not 0 <= i + step < len(self.members):
            return
        self.members[i], self.members[i + step] = self.members[i + step], self.members[i]
        self.refresh_members(i + step)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "add-member": self.action_add_member,
            "edit-member": self.action_edit_member,
            "remove-member": self.action_remove_member,
        }
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()
            return
        super().on_button_pressed(event)

    # -- form ----------------------------------------------------------------------------------
    def collect(self) -> tuple[Order, dict[str, tuple[str, str]]]:
        errors: dict[str, tuple[str, str]] = {}
        dates = {name: read_date(self, name, errors) for name in ("order_date", "term_start", "term_end")}
        duties = [x.strip() for x in self.query_one("#f-duties", TextArea).text.splitlines() if x.strip()]
        order = replace(
            self.original,
            subject=self.input_value("subject"),
            authority=self.input_value("authority"),
            signer_name=self.input_value("signer_name"),
            signer_position=self.input_value("signer_position"),
            preamble=self.query_one("#f-preamble", TextArea).text.strip(),
            duties=duties,
            members=[replace(x) for x in self.members],
            supersedes=self.select_value("supersedes"),
            **dates,
        )
        return order, model_errors(errors, order.validate)

    def action_submit(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        super().action_submit()

    def save(self, value: Order) -> Order:
        return svc.save_draft(self.ctx, value)


class MemberModal(FormModal[OrderMember | None]):
    """Pick a staff member (search the register) or type an outsider; choose the role."""

    DEFAULT_CSS = FORM_CSS

    def __init__(self, member: OrderMember | None) -> None:
        super().__init__()
        self.original = member
        self.staff_id = member.staff_id if member else None
        self.title_text = self.t("cm_member_title")

    def compose_fields(self) -> ComposeResult:
        x = self.original
        search = PersonSearch(self.ctx, placeholder=self.t("cm_search_ph"), outsider=self.t("cm_outsider"))
        yield FieldRow(self.t("cm_f_search"), search, "search")
        yield Static("", id="linked", classes="hint", markup=False)
        yield FieldRow(
            self.t("cm_f_name") + " *",
            Input(x.name if x else "", id="f-name", compact=True, validators=[Required(self.t("required"))]),
            "name",
        )
        yield FieldRow(
            self.t("cm_f_position"), Input(x.position if x else "", id="f-position", compact=True), "position"
        )
        value = x.role if x and x.role in m.ROLES else Select.NULL
        yield FieldRow(
            self.t("cm_f_role") + " *",
            PlainSelect(
                choice_options(m.ROLE_LABELS, self.lang),
                value=value,
                prompt=self.t("choose"),
                id="f-role",
                compact=True,
            ),
            "role",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#dialog").add_class("wide")
        self.show_link()

    def show_link(self) -> None:
        text = self.t("cm_not_linked")
        if self.staff_id:
            text = self.t("cm_linked", name=staff_svc.get(self.ctx, self.staff_id).full_name)
        self.query_one("#linked", Static).update(text)

    def on_person_search_picked(self, event: PersonSearch.Picked) -> None:
        event.stop()
        self._pick(event.staff_id)

    def _pick(self, staff_id: int | None) -> None:
        if staff_id is None:  # the outsider line
            self.staff_id = None
            name = self.query_one("#f-name", Input)
            if not name.value.strip():  # the name typed in the search box is the outsider's
                name.value = self.query_one("#f-search", Input).value.strip()
            name.focus()
        else:
            s = staff_svc.get(self.ctx, staff_id)
            self.staff_id = s.id
            self.query_one("#f-name", Input).value = s.full_name
            self.query_one("#f-position", Input).value = svc.position_title(s.position, s.level)
            self.query_one("#f-role", Select).focus()
        self.show_link()

    def collect(self) -> tuple[OrderMember, dict[str, tuple[str, str]]]:
        member = OrderMember(
            self.input_value("name"), self.input_value("position"), self.select_value("role") or "", self.staff_id
        )
        errors = {}
        if not member.name:
            errors["name"] = ("ต้องกรอกชื่อ-สกุล", "the name is required")
        if member.role not in m.ROLES:
            errors["role"] = ("ต้องเลือกบทบาทในคณะ", "choose a role")
        return member, errors
