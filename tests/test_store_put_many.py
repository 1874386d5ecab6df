"""Transaction.put_many: several documents written whole in one pass, the public call that
service code uses instead of TinyDB's private Table._update_table."""

from __future__ import annotations

import pytest

from ethics_tui.store.database import Store


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "data").open(daily_backup=False)


def _table(store, name):
    return {int(k): v for k, v in store.load().get(name, {}).items()}


def test_put_many_replaces_and_adds_in_one_audited_write(store):
    with store.transaction(actor="t") as tx:
        tx.table("things").insert_multiple([{"n": 1}, {"n": 2}, {"n": 3}])
        tx.log("create", "things")
    with store.transaction(actor="t") as tx:
        tx.put_many("things", {2: {"n": "สอง"}, 7: {"n": 7}})
        tx.log("update", "things")
    assert _table(store, "things") == {1: {"n": 1}, 2: {"n": "สอง"}, 3: {"n": 3}, 7: {"n": 7}}
    with store.transaction(actor="t") as tx:  # the next new id is above the highest written
        assert tx.table("things").insert({"n": 8}) == 8
        tx.log("create", "things")


def test_put_many_replace_all_leaves_exactly_the_given_documents(store):
    with store.transaction(actor="t") as tx:
        tx.table("things").insert_multiple([{"n": 1}, {"n": 2}, {"n": 3}])
        tx.log("create", "things")
    docs = {5: {"n": 5}, 6: {"n": 6}}
    with store.transaction(actor="t") as tx:
        tx.put_many("things", docs, replace_all=True)
        tx.log("update", "things")
    docs[5]["n"] = "changed after the call"  # the store kept its own copy
    assert _table(store, "things") == {5: {"n": 5}, 6: {"n": 6}}
    with store.transaction(actor="t") as tx:  # ids are not reused after a replace_all
        assert tx.table("things").insert({"n": 7}) == 7
        tx.log("create", "things")


def test_put_many_of_nothing_changes_nothing(store):
    with store.transaction(actor="t") as tx:
        tx.table("things").insert({"n": 1})
        tx.log("create", "things")
    with store.transaction(actor="t") as tx:
        tx.put_many("things", {})
        tx.log("update", "things")
    assert _table(store, "things") == {1: {"n": 1}}
