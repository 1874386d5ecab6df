import json

from ethics_tui.service.verify import verify
from ethics_tui.store.database import Store


def test_demo_office_verifies_clean_and_damaged_register_records_are_reported(demo_ctx):
    store = demo_ctx.store
    assert verify(Store(store.dir)) == []
    data = json.loads(store.path().read_text(encoding="utf-8"))
    data["orders"][next(iter(data["orders"]))]["members"] = "oops"
    nom = next(iter(data["training_nominations"]))
    data["training_nominations"][nom]["staff_id"] = "x"
    store.path().write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = [th for th, _en in verify(Store(store.dir))]
    assert any(p.startswith("orders #") for p in problems)
    assert any(p.startswith(f"training_nominations #{nom}") for p in problems)
