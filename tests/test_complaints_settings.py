"""Complaint settings (channels, due days, retention): the service and ``complaints settings``."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.complaints import DEFAULT_CHANNELS, DEFAULT_DUE_DAYS, Complaint, Identity
from ethics_tui.service import complaints as svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.complaints_docs import add_channel, parse_positive, remove_channel
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A demo office (complaints register only) in a data folder, as the CLI sees it."""
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ("complaints",))
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 50))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    fast_demo(Context.open(folder, actor="tester"))  # the demo command itself: test_cli.py
    return folder


def cli(folder, *args) -> int:
    return main(["--data", str(folder), *args])


def as_user(folder, name: str) -> Context:
    return demo_sign_in(Context.open(folder), name)


def snapshot(folder) -> tuple[dict, dict, list[str]]:
    """What a settings change would write: the settings and cases tables, and their audit lines
    (signing in is audited too, so the files as a whole do change)."""
    tables = json.loads((folder / "main.json").read_text(encoding="utf-8"))
    audit = (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return (
        tables.get("complaint_settings", {}),
        tables.get("complaints", {}),
        [x for x in audit if "complaint-settings" in x],
    )


# -- service --------------------------------------------------------------------------------
def test_defaults_then_save_is_audited_with_field_names_only(data):
    o = as_user(data, "complaints")
    s = svc.get_settings(o)
    assert s.channels == list(DEFAULT_CHANNELS) and s.due_days == DEFAULT_DUE_DAYS and s.rev == 0
    s.channels = add_channel(s.channels, "  ไปรษณีย์   อิเล็กทรอนิกส์ ")
    s.due_days["review"] = 20
    saved = svc.save_settings(o, s)
    assert saved.rev == 1
    again = svc.get_settings(o)
    assert again.channels[-1] == "ไปรษณีย์ อิเล็กทรอนิกส์" and again.due_days["review"] == 20
    audit = (data / "audit.jsonl").read_text(encoding="utf-8")
    line = [x for x in audit.splitlines() if "complaint-settings" in x][-1]
    assert "channels" in line and "due_days" in line and "ไปรษณีย์" not in line
    stale = svc.get_settings(o)
    stale.rev = 0  # someone else saved meanwhile
    stale.retention_years = 11
    with pytest.raises(UserError):
        svc.save_settings(o, stale)


def test_channel_helpers_refuse_duplicates_unknown_and_the_last():
    with pytest.raises(UserError, match="อยู่แล้ว"):
        add_channel(["Line OA"], "line  oa")
    with pytest.raises(UserError, match="ว่าง"):
        add_channel(["Line OA"], "   ")
    with pytest.raises(UserError, match="ไม่มีช่องทาง"):
        remove_channel(["Line OA"], "Facebook")
    with pytest.raises(UserError, match="อย่างน้อยหนึ่ง"):
        remove_channel(["Line OA"], "line oa")
    assert remove_channel(["Line OA", "Facebook"], "FACEBOOK") == ["Line OA"]
    assert parse_positive("๑๕", "วัน", "days", most=365) == 15
    for bad in ("0", "-3", "1.5", "abc", "", "366"):
        with pytest.raises(UserError):
            parse_positive(bad, "วัน", "days", most=365)


def test_removed_channel_is_kept_by_its_cases_and_refused_for_new_intake(data):
    o = as_user(data, "complaints")
    used = svc.list_cases(o)[0]
    s = svc.get_settings(o)
    s.channels = remove_channel(s.channels, used.channel)
    svc.save_settings(o, s)
    assert svc.get(o, used.id).channel == used.channel  # the case keeps its text
    fy = used.fiscal_year
    assert svc.stats(o, fy).by_channel.get(used.channel, 0) >= 1  # and is still counted
    c = Complaint(datetime.now().isoformat(timespec="minutes"), used.channel, "grievance", "ถนนชำรุด")
    with pytest.raises(ValidationError) as err:
        svc.intake(o, c, Identity(anonymous=True))
    assert "channel" in err.value.errors


def test_only_complaints_and_admin_may_change_settings(data):
    for name in ("admin", "complaints"):
        u = as_user(data, name)
        s = svc.get_settings(u)
        s.retention_years += 1
        assert svc.save_settings(u, s).retention_years == s.retention_years
    before = snapshot(data)
    for name in ("hr", "committee", "executive", "viewer"):
        u = as_user(data, name)
        s = svc.get_settings(u)
        s.channels.append("ช่องทางแอบเพิ่ม")
        with pytest.raises(AccessDenied):
            svc.save_settings(u, s)
    assert snapshot(data) == before


# -- CLI ------------------------------------------------------------------------------------
def test_cli_shows_the_settings_to_anyone(data, capsys):
    capsys.readouterr()
    assert cli(data, "complaints", "settings") == 0
    out = capsys.readouterr().out
    assert "Traffy Fondue" in out and "ตรวจสอบเบื้องต้น: 15 วัน" in out and "10 ปี" in out


def test_cli_adds_and_removes_channels(data, capsys):
    capsys.readouterr()
    assert (
        cli(
            data,
            "--user",
            "complaints",
            "complaints",
            "settings",
            "--add-channel",
            "ไปรษณีย์อิเล็กทรอนิกส์",
            "--add-channel",
            "TikTok",
            "--remove-channel",
            "facebook",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "บันทึกการตั้งค่าเรื่องร้องเรียนแล้ว" in out
    assert "ยังคงบันทึกช่องทางเดิม" in out  # removing says that cases keep their channel
    ch = svc.get_settings(as_user(data, "complaints")).channels
    assert ch[-2:] == ["ไปรษณีย์อิเล็กทรอนิกส์", "TikTok"] and "Facebook" not in ch
    assert cli(data, "--user", "admin", "complaints", "settings", "--remove-channel", "TikTok") == 0
    assert "TikTok" not in svc.get_settings(as_user(data, "admin")).channels


def test_cli_sets_due_days_and_retention(data, capsys):
    assert (
        cli(
            data,
            "--user",
            "complaints",
            "complaints",
            "settings",
            "--due",
            "fact-finding",
            "๔๕",
            "--due",
            "ตรวจสอบเบื้องต้น",
            "20",
            "--retention",
            "12",
        )
        == 0
    )
    s = svc.get_settings(as_user(data, "complaints"))
    assert (s.due_days["fact_finding"], s.due_days["review"], s.retention_years) == (45, 20, 12)
    assert "ใช้กับขั้นตอนที่บันทึกหลังจากนี้" in capsys.readouterr().out
    assert cli(data, "--user", "complaints", "complaints", "settings", "--due", "review", "20") == 0
    assert "ไม่มีอะไรเปลี่ยน" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--due", "review", "0"], "ต้องเป็นจำนวนเต็มบวก"),
        (["--due", "review", "-5"], "ต้องเป็นจำนวนเต็มบวก"),
        (["--due", "review", "สิบ"], "ต้องเป็นจำนวนเต็มบวก"),
        (["--due", "review", "2.5"], "ต้องเป็นจำนวนเต็มบวก"),
        (["--due", "review", "400"], "ต้องไม่เกิน 365"),
        (["--due", "reveiw", "5"], "ไม่รู้จักขั้นตอน"),
        (["--retention", "0"], "อายุการเก็บ"),
        (["--add-channel", "TikTok", "--due", "review", "x"], "ต้องเป็นจำนวนเต็มบวก"),
        (["--add-channel", "line oa"], "อยู่แล้ว"),
        (["--remove-channel", "MySpace"], "ไม่มีช่องทาง"),
    ],
)
def test_cli_refuses_bad_values_and_writes_nothing(data, capsys, args, says):
    before = snapshot(data)
    capsys.readouterr()
    assert cli(data, "--user", "complaints", "complaints", "settings", *args) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert snapshot(data) == before


def test_cli_refuses_other_roles_and_anonymous_changes(data, capsys):
    before = snapshot(data)
    capsys.readouterr()
    assert cli(data, "--user", "viewer", "complaints", "settings", "--add-channel", "TikTok") == 1
    assert "ไม่มีสิทธิ์ตั้งค่าเรื่องร้องเรียน" in capsys.readouterr().err
    assert cli(data, "complaints", "settings", "--retention", "12") == 1
    assert "--user" in capsys.readouterr().err
    assert cli(data, "--user", "hr", "--lang", "en", "complaints", "settings", "--due", "review", "9") == 1
    assert "may not change complaint settings" in capsys.readouterr().err
    assert snapshot(data) == before
