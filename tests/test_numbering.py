import pytest

from ethics_tui.errors import ValidationError
from ethics_tui.service import numbering


def test_sequence_manual_duplicate_and_year_rollover(ctx):
    with ctx.store.transaction() as tx:
        assert numbering.claim(tx, "order", 2568, "a") == 1
        assert numbering.claim(tx, "order", 2568, "b") == 2
        assert numbering.claim(tx, "order", 2568, "manual", 10) == 10
        assert numbering.next_number(tx, "order", 2568) == 11
        with pytest.raises(ValidationError) as exc:
            numbering.claim(tx, "order", 2568, "dup", 2)
        assert "2/2568" in exc.value.errors["number"][0]
        assert numbering.claim(tx, "order", 2569, "new year") == 1
        assert numbering.claim(tx, "circular", 2568, "other sequence") == 1
        with pytest.raises(ValidationError):
            numbering.claim(tx, "order", 2568, "bad", 0)
        with pytest.raises(ValidationError) as exc:
            numbering.claim(tx, "order", 2568, "slip", 55555)
        assert "มากผิดปกติ" in exc.value.errors["number"][0]
        numbering.release(tx, "order", 2568, 10)
        assert numbering.next_number(tx, "order", 2568) == 3
