"""The registers in the TUI: home navigation, hot keys, palette entries and screen keys, all
read from the register specs (:mod:`ethics_tui.registers`, one TOML spec per register).

A register screen takes its keys from its spec's actions table::

    class CommitteeScreen(GuardedScreen):
        BINDINGS, ACTION_PERMISSIONS = spec_keys("committee")

and a sub-screen (or any other screen) declares its keys once, as rows of an actions table
whose labels are keys of the text catalog::

    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("n", "new", "new", "staff.write"),
        Action("e", "edit", "edit"),
    )

so that ``GuardedScreen.check_action`` hides every key the user may not use and the palette
leaves out the same actions. The app opens a register with ``app.open_register(key, then)``;
the permission is checked there (with a Thai refusal) and again by every service call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from textual.binding import Binding

from ethics_tui.registers import RegisterSpec, load_services, resolve, specs
from ethics_tui.registers import find as find_spec
from ethics_tui.registers.spec import Action


@dataclass(frozen=True)
class Register:
    """A register spec as the TUI uses it (the screen class imported on first use); the spec's
    fields (``key``, ``permission``, ``hotkey``, ``order``...) read through."""

    spec: RegisterSpec

    def __getattr__(self, name: str):
        if name == "spec":  # (not set yet: copy/pickle)
            raise AttributeError(name)
        return getattr(self.spec, name)

    @cached_property
    def screen(self) -> type:
        return resolve(self.spec.screen)

    @cached_property
    def badge(self) -> Callable[[object, str], str] | None:
        return resolve(self.spec.badge) if self.spec.badge else None

    @property
    def commands(self) -> tuple[tuple[str, str, str | None, str | None], ...]:
        """Palette entries: (Thai title, English title, ``then`` for the screen, permission)."""
        out = [(a.palette[0], a.palette[1], a.action, a.permission) for a in self.spec.actions if a.palette]
        return (*out, *((th, en, then, None) for th, en, then in self.spec.commands))

    def label(self, lang: str) -> str:
        return self.spec.label_in(lang)


_FOUND: dict[str, Register] = {}


def registers() -> list[Register]:
    """Every register, in home-menu order (their services imported: the permissions exist)."""
    load_services()
    out = []
    for spec in specs():
        reg = _FOUND.get(spec.key)
        if reg is None or reg.spec is not spec:  # (a test may add a spec)
            reg = _FOUND[spec.key] = Register(spec)
        out.append(reg)
    return out


def find(key: str) -> Register | None:
    return next((r for r in registers() if r.key == key), None)


def label_key(register: str, action: str) -> str:
    return f"act:{register}:{action}"


def spec_bindings(key: str) -> list[Binding]:
    """The screen keys of register ``key`` from its spec's actions table; their labels go into
    the app's label table (``tui.i18n``) so that they follow the language."""
    from ethics_tui.tui.i18n import register_labels

    spec = find_spec(key)
    if spec is None:
        raise KeyError(f"no register spec {key!r}")
    register_labels({label_key(key, a.action): a.label for a in spec.actions})
    return [Binding(a.key, a.action, label_key(key, a.action), show=a.show) for a in spec.actions]


def spec_permissions(key: str) -> dict[str, str]:
    """Action name -> permission, for the screen's ``ACTION_PERMISSIONS``."""
    spec = find_spec(key)
    if spec is None:
        raise KeyError(f"no register spec {key!r}")
    return spec.action_permissions()


def keys(*rows: Action | Binding, back: str | None = "back") -> tuple[list[Binding], dict[str, str]]:
    """A screen's ``BINDINGS`` and ``ACTION_PERMISSIONS`` from one table of rows: an ``Action``
    gives a key (its label a catalog key) and, when it names one, its permission; a ``Binding``
    (a key no permission guards) passes through. ``back``: the escape key's action, last."""
    bindings: list[Binding] = []
    permissions: dict[str, str] = {}
    for row in rows:
        if isinstance(row, Binding):
            bindings.append(row)
            continue
        bindings.append(Binding(row.key, row.action, row.label, show=row.show))
        if row.permission:
            permissions[row.name] = row.permission
    if back:
        bindings.append(Binding("escape", back, "back"))
    return bindings, permissions


def spec_keys(key: str, *extra: Action | Binding, back: str | None = "back", first=(), after_back=()):
    """A register screen's ``BINDINGS`` and ``ACTION_PERMISSIONS``: ``first`` (e.g. the year
    keys), then its spec's actions, then ``extra`` rows and the escape key (as in :func:`keys`),
    then the spec's actions named in ``after_back``: the key line keeps the keys that fit in
    this order, so a key used once a year gives way to escape at 80 columns (it stays in the
    palette and the help)."""
    rows, permissions = keys(*extra, back=back)
    spec = spec_bindings(key)
    later = [b for b in spec if b.action in after_back]
    return [*first, *(b for b in spec if b not in later), *rows, *later], {**spec_permissions(key), **permissions}
