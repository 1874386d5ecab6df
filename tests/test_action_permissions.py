"""Every permission a screen declares for its actions exists, and names a real action."""

from __future__ import annotations

import importlib
import pkgutil

from ethics_tui.service.access import PERMISSIONS
from ethics_tui.tui import screens
from ethics_tui.tui.crash import GuardedScreen


def _screen_classes() -> list[type]:
    found = []
    for mod in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"ethics_tui.tui.screens.{mod.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, GuardedScreen) and obj.__module__ == module.__name__:
                found.append(obj)
    return found


def test_declared_permissions_exist_and_name_real_actions():
    classes = _screen_classes()
    declared = [c for c in classes if c.ACTION_PERMISSIONS]
    assert len(declared) >= 15
    for cls in declared:
        actions = {b.action.split("(")[0] for b in cls.BINDINGS}
        for action, perm in cls.ACTION_PERMISSIONS.items():
            assert perm in PERMISSIONS, (cls.__name__, action, perm)
            assert action in actions, (cls.__name__, action)
            assert hasattr(cls, f"action_{action}"), (cls.__name__, action)


def test_every_register_screen_guards_its_new_key():
    """A register screen with an `n` key that creates something declares who may use it."""
    names = {
        "StaffScreen",
        "SettingsScreen",
        "CommitteeScreen",
        "ConsultationsScreen",
        "NoticesScreen",
        "TickOffScreen",
        "TrainingScreen",
        "TrainingQuestionsScreen",
        "AppraisalScreen",
        "AppraisalResultsScreen",
        "AppraisalGrievancesScreen",
        "ComplaintsScreen",
        "DestructionScreen",
        "ReportScreen",
        "UsersScreen",
        "StaffAccountsScreen",
    }
    by_name = {c.__name__: c for c in _screen_classes()}
    for name in names:
        assert by_name[name].ACTION_PERMISSIONS, name


def test_the_app_has_no_class_name_permission_table():
    import ethics_tui.tui.app as app

    assert not hasattr(app, "CORE_ACTION_PERMISSIONS")
