"""User forms: add a user (also the first administrator), change roles, set a password."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.user import ROLE_LABELS, ROLES, User, check_password
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody
from ethics_tui.tui.i18n import TEXT
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainSelect, PlainSelectionList
from ethics_tui.tui.widgets.validators import Required


def role_list(lang: str, selected: list[str], field: str = "roles") -> SelectionList[str]:
    pick = 1 if lang == "en" else 0
    items = [(f"{ROLE_LABELS[r][pick]} ({r})", r, r in selected) for r in ROLES]
    return PlainSelectionList(*items, id=f"f-{field}", compact=True)


def password_inputs(modal: FormModal, label_key: str = "f_password") -> ComposeResult:
    yield FieldRow(modal.t(label_key) + " *", Input(id="f-password", password=True, compact=True), "password")
    yield FieldRow(modal.t("f_confirm") + " *", Input(id="f-confirm", password=True, compact=True), "confirm")


def password_errors(modal: FormModal, field: str = "password") -> dict[str, tuple[str, str]]:
    password = modal.query_one("#f-password", Input).value
    confirm = modal.query_one("#f-confirm", Input).value
    try:
        check_password(password)
    except ValidationError as exc:
        return {field: exc.errors["password"]}
    if password != confirm:
        return {"confirm": TEXT["password_mismatch"]}
    return {}


class _SelectionMixin:
    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._revalidate()  # type: ignore[attr-defined]


class UserFormModal(_SelectionMixin, FormModal["tuple[User, list[str]] | None"]):
    """A new user with a temporary password. ``first=True``: the office's first administrator
    (setup mode), who chooses their own password and starts with the roles admin + hr.

    Dismisses (user, pending vaults) once created."""

    def __init__(self, staff_options: list[tuple[str, int]], *, first: bool = False) -> None:
        super().__init__()
        self.staff_options = staff_options
        self.first = first
        self.title_text = self.t("admin_setup_title" if first else "new_user")

    def compose_fields(self) -> ComposeResult:
        required = [Required(self.t("required"))]
        yield FieldRow(
            self.t("f_username") + " *", Input(id="f-username", compact=True, validators=required), "username"
        )
        yield FieldRow(
            self.t("f_display_name") + " *",
            Input(id="f-display_name", compact=True, validators=required),
            "display_name",
        )
        roles = ["admin", "hr"] if self.first else []
        yield FieldRow(self.t("f_roles") + " *", role_list(self.lang, roles), "roles")
        staff = PlainSelect(self.staff_options, prompt=self.t("no_staff_link"), id="f-staff_id", compact=True)
        yield FieldRow(self.t("f_staff_link"), staff, "staff_id")
        yield from password_inputs(self, "f_password" if self.first else "f_temp_password")
        if not self.first:
            yield Static(self.t("temp_password_note"), classes="hint")

    def collect(self):
        roles = list(self.query_one("#f-roles", SelectionList).selected)
        staff_id = self.select_value("staff_id")
        value = {
            "username": self.input_value("username").lower(),
            "display_name": self.input_value("display_name"),
            "roles": roles,
            "staff_id": staff_id,
            "password": self.query_one("#f-password", Input).value,
        }
        errors: dict[str, tuple[str, str]] = {}
        try:
            User(value["username"], value["display_name"], roles).validate()
        except ValidationError as exc:
            errors.update(exc.errors)
        if self.first and "admin" not in roles:
            errors["roles"] = ("ผู้ใช้คนแรกต้องเป็นผู้ดูแลระบบ (admin)", "the first user must be an admin")
        errors.update(password_errors(self))
        return value, errors

    def save(self, value: dict):
        return users_svc.create_user(
            self.ctx,
            value["username"],
            value["display_name"],
            value["roles"],
            value["password"],
            staff_id=value["staff_id"],
            must_change=not self.first,
        )


class RolesModal(_SelectionMixin, FormModal["list[str] | None"]):
    """Change a user's roles. Dismisses the vaults now waiting for approval."""

    def __init__(self, user: User) -> None:
        super().__init__()
        self.user = user
        self.title_text = self.t("roles_title", user=user.username)

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(self.t("f_roles") + " *", role_list(self.lang, self.user.roles), "roles")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#f-roles", SelectionList).focus()

    def collect(self):
        roles = list(self.query_one("#f-roles", SelectionList).selected)
        if not roles:
            return roles, {"roles": ("ต้องเลือกบทบาทอย่างน้อยหนึ่งบทบาท", "choose at least one role")}
        return roles, {}

    def save(self, roles: list[str]) -> list[str]:
        return users_svc.set_roles(self.ctx, self.user.username, roles, expected_rev=self.user.rev)


class PasswordModal(FormModal["list[str] | None"]):
    """``username=None``: the signed-in user changes their own password (asks the current one).
    Otherwise an administrator sets a temporary password for ``username``; dismisses the
    vaults that now wait for approval."""

    def __init__(self, username: str | None = None) -> None:
        super().__init__()
        self.username = username
        self.title_text = self.t("reset_title", user=username) if username else self.t("change_password_title")

    def compose_fields(self) -> ComposeResult:
        if self.username is None:
            current = Input(id="f-current", password=True, compact=True)
            yield FieldRow(self.t("current_password") + " *", current, "current")
            yield from password_inputs(self, "new_password")
        else:
            yield Static(self.t("reset_note"), classes="hint")
            yield from password_inputs(self, "f_temp_password")
            lost = sum(users_custody.reset_loss(self.ctx, self.username).values())
            if lost:  # the last key holder, no recovery code: the loss must be confirmed by number
                yield Static(self.t("reset_loss_warning", user=self.username, n=lost), classes="hint", markup=False)
                yield FieldRow(
                    self.t("reset_loss_confirm", n=lost), Input(id="f-confirm_loss", compact=True), "confirm_loss"
                )

    def collect(self):
        errors = password_errors(self)
        if self.username is None and not self.query_one("#f-current", Input).value:
            errors["current"] = TEXT["required"]
        return self.query_one("#f-password", Input).value, errors

    def save(self, password: str) -> list[str]:
        if self.username is None:
            try:
                users_svc.change_password(self.ctx, self.query_one("#f-current", Input).value, password)
            except ValidationError:
                raise
            except UserError as exc:  # the current password is wrong: say so at that field
                raise ValidationError({"current": (exc.th, exc.en)}) from None
            return []
        confirm = None
        if self.query("#f-confirm_loss"):
            from ethics_tui.thai.digits import to_arabic_digits

            typed = to_arabic_digits(self.query_one("#f-confirm_loss", Input).value).strip()
            confirm = int(typed) if typed.isdecimal() else None
        try:
            return users_svc.reset_password(self.ctx, self.username, password, confirm_loss=confirm)
        except users_custody.KeyLossError as exc:
            raise ValidationError({"confirm_loss": (exc.th, exc.en)}) from None
