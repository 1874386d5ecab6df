"""QA after the merge of the issue 13-20 branches: what users met that no branch's tests saw."""

from __future__ import annotations

import pytest

from ethics_tui.errors import StorageError
from ethics_tui.service import notices_acks


def test_deleted_acks_file_is_refused_on_reading_not_shown_as_nobody_acknowledged(demo_ctx):
    """A deleted acks-N.json made the document read 0/58 (0 %) in coverage, the tick-off list
    and the reports, while a save was refused: reading refuses too and points to restore;
    the register's list leaves that document's figure out instead of a false 0 %."""
    path = sorted(demo_ctx.store.dir.glob("acks-*.json"))[0]
    nid = int(path.stem.split("-")[1])
    before = {c.notice.id for c in notices_acks.coverage_all(demo_ctx)}
    assert nid in before
    path.unlink()
    with pytest.raises(StorageError) as exc:
        notices_acks.coverage(demo_ctx, nid)
    assert "restore" in exc.value.th
    with pytest.raises(StorageError):
        notices_acks.people(demo_ctx, nid)
    after = {c.notice.id for c in notices_acks.coverage_all(demo_ctx)}
    assert after == before - {nid}
