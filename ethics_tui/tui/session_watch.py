"""A session open while an administrator changes its account: the services already see the
current record at every call (``access.current_user``); this watch tells the person at the
screen and takes away what they may no longer see. Disabled, or the password reset: signed
out. A role taken away: back to the home screen, built again for the roles that remain (the
register screen that was open goes, with what it showed). A role given: only said."""

from __future__ import annotations

CHECK_EVERY = 5.0  # seconds between checks: a stat of main.json, the record parsed only when changed


def _shape(user) -> tuple:
    return (user.id, frozenset(user.roles), user.active, user.must_change)


def remember(app) -> None:
    """Note the account as it is at sign-in (the sign-in screen calls this), so that a change
    made before the first check is told too."""
    user = app.ctx.user if app.ctx is not None else None
    app.session_seen = _shape(user) if user is not None else None


def check(app) -> str:
    """Compare the signed-in user's record with what this session last saw; act on a change.
    Returns what it did: "" (nothing), "signed-out", "home" or "told"."""
    from ethics_tui.service.access import current_user
    from ethics_tui.service.users import role_names

    ctx = app.ctx
    if ctx is None or ctx.user is None:
        app.session_seen = None
        return ""
    seen = getattr(app, "session_seen", None)
    user = current_user(ctx)
    now = _shape(user)
    if seen is None or seen[0] != now[0]:  # a new sign-in: nothing to compare with
        app.session_seen = now
        return ""
    if now == seen:
        return ""
    if not user.active or user.must_change:
        app.action_sign_out(asked=False)  # nothing typed can be saved by this account any more
        if ctx.user is not None:  # queued writes first: the next check signs out
            return ""
        app.session_seen = None
        app.notify(app.t("session_account_closed"), severity="warning", timeout=30, markup=False)
        return "signed-out"
    app.session_seen = now
    lost = sorted(seen[1] - now[1])
    if lost:
        app.go_home()
        app.notify(
            app.t("session_roles_lost", roles=role_names(lost, app.lang)), severity="warning", timeout=30, markup=False
        )
        return "home"
    app.notify(app.t("session_roles_gained", roles=role_names(sorted(now[1] - seen[1]), app.lang)), markup=False)
    return "told"
