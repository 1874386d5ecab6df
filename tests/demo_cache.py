"""The demo office for tests, built once per test process and copied (see fast_demo)."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.service.context import Context

# -- the demo office, built once per test process and copied -----------------------------------
_DEMO_TEMPLATES: dict[tuple, Path] = {}


def fast_demo(ctx: Context, at=None) -> int:
    """``demo.load_demo(ctx)`` for tests: the office is built once per process (per value of
    ``demo.REGISTERS``, which tests narrow) and copied into ``ctx``'s empty folder, which takes
    ~0.1 s instead of seconds. ``ctx.store`` is replaced by a Store opened on the copy. Tests of
    the demo itself (staging, kills) call ``load_demo`` directly. ``at`` (a datetime): build the
    office as on that day (time_machine), for tests whose expected output holds dates."""
    import atexit
    import shutil
    import tempfile

    from ethics_tui.service import demo
    from ethics_tui.store import crypto
    from ethics_tui.store.database import Store

    key = (tuple(demo.REGISTERS), at, crypto.SCRYPT_N)  # the cost of the demo passwords
    template = _DEMO_TEMPLATES.get(key)
    if template is None:
        root = Path(tempfile.mkdtemp(prefix="ethics-demo-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        template = root / "data"
        if at is None:
            demo.load_demo(Context.open(template, actor="tester"))
        else:
            import time_machine

            with time_machine.travel(at, tick=True):
                demo.load_demo(Context.open(template, actor="tester"))
        _DEMO_TEMPLATES[key] = template
    dest = ctx.store.dir
    if not ctx.store.is_empty():
        raise demo._not_empty(ctx.store)
    for item in template.iterdir():
        if item.name == ".ethics.lock":
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, dirs_exist_ok=True)
        else:
            shutil.copy2(item, dest / item.name)
    ctx.store = Store(dest, lock_timeout=ctx.store.lock_timeout, backup_keep=ctx.store.backup_keep).open(
        daily_backup=False
    )  # as load_demo into a folder opened empty: no backup yet
    return len(ctx.store.load().get("staff", {}))
