"""The models' (Thai, English) label tables live in ethics_tui/model/labels.toml (issue 16)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from ethics_tui.model import appraisal, committee, complaints, notices, staff, training, user
from ethics_tui.model.labels import labels_of, read_catalog


def test_every_table_of_the_catalog_is_a_model_constant_in_its_order():
    tables = read_catalog(files("ethics_tui.model").joinpath("labels.toml").read_text(encoding="utf-8"))
    modules = {
        m.__name__.rsplit(".", 1)[1]: m for m in (appraisal, committee, complaints, notices, staff, training, user)
    }
    assert len(tables) >= 20
    for name, rows in tables.items():
        module, constant = name.split(".")
        assert getattr(modules[module], constant.upper()) == rows, name
    assert list(complaints.STEP_LABELS) == list(complaints.STEPS)
    assert user.ROLE_LABELS["admin"] == ("ผู้ดูแลระบบ", "administrator")
    assert appraisal.ACK_LABELS[""] == ("รอรับทราบ", "awaiting")
    assert tuple(staff.TYPE_LABELS) == staff.ALL_STAFF_TYPES  # every accepted type has its English


def test_an_unknown_table_and_a_bad_pair_are_refused_by_name():
    with pytest.raises(KeyError, match=r"no table \[complaints.nothing\]"):
        labels_of("complaints.nothing")
    with pytest.raises(ValueError, match=r"\[user.role_labels\] 'hr' should be \[Thai, English\]"):
        read_catalog('[user.role_labels]\nadmin = ["ผู้ดูแลระบบ", "administrator"]\nhr = ["เจ้าหน้าที่บุคคล"]\n')


def test_the_catalog_ships_as_package_data():
    root = Path(__file__).parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["ethics_tui"]
    assert "model/*.toml" in patterns and "registers/*.toml" in patterns
