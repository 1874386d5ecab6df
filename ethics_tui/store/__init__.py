"""Safe TinyDB storage: atomic locked writes, audit log, backups, migrations."""

from ethics_tui.store.database import Store

__all__ = ["Store"]
