"""One appraisal result's history as a list of events, oldest first: the notification, the
signature or the refusal, each reopening and each revision after an upheld grievance (with the
scores before and after), and the grievances filed and decided. Read only.

Built from the result itself (its ``history`` entries keep the state each change replaced) and
its grievances. Who may see what is the rule of the results list: ``appraisal.people`` (hr,
executive) sees the events; the scores, the refusal note and the grievances' sealed fields only
with ``appraisal.scores`` and the hr key (else ``hidden`` / "ปกปิด"); a reveal is audited as a
``view`` of the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from ethics_tui.model import appraisal as m
from ethics_tui.model.appraisal import Grievance, Scores
from ethics_tui.service import vault
from ethics_tui.service.access import can, require
from ethics_tui.service.appraisal import VAULT, ResultRow, get_result
from ethics_tui.service.appraisal_review import history, list_grievances
from ethics_tui.service.context import Context

#: the kinds of event, in the order a result lives through them
KINDS = tuple(m.EVENT_LABELS)


@dataclass
class Event:
    on: str  # ISO date (a reopening or revision: the day it was recorded)
    kind: str  # one of KINDS (labels: model.appraisal.EVENT_LABELS)
    scores: Scores | None = None  # the scores in force after the event (None: none, or hidden)
    before: Scores | None = None  # reopened / revised: the scores in force before it
    by: str = ""  # reopened / revised: who recorded it
    reason: str = ""  # reopened: the reason given
    witness: str = ""  # refused: the witness's name
    note: str = ""  # refused (the current refusal only): the note, for who may see scores
    grievance: Grievance | None = None  # filed / decided (sealed fields revealed or "ปกปิด")


@dataclass
class ResultHistory:
    row: ResultRow  # the result as the results list shows it now
    events: list[Event]
    hidden: bool  # the scores exist but are sealed from this user


def result_history(ctx: Context, result_id: int) -> ResultHistory:
    """The events of result ``result_id``, oldest first (see the module docstring)."""
    require(ctx, "appraisal.people")
    row = get_result(ctx, result_id)
    see = can(ctx, "appraisal.scores") and vault.has_key(ctx, VAULT)
    entries = history(ctx, result_id) if can(ctx, "appraisal.scores") else []
    grievances = [g for g in list_grievances(ctx, row.result.round_id) if g.result_id == row.result.id]
    if see and row.result.scored:
        vault.log_view(ctx, "appraisal_result", row.result.id)
    events = _merge(_record_events(row, entries, grievances, see), _grievance_events(grievances))
    return ResultHistory(row, events, hidden=row.result.scored and not see)


def _record_events(row: ResultRow, entries: list[dict], grievances: list[Grievance], see: bool) -> list[Event]:
    """The result's own events in the order they happened. Its life is a chain of states: each
    history entry keeps the state (scores, notification, acknowledgement) its change replaced,
    and the result holds the last one."""
    r = row.result
    current = {
        "ack": r.ack,
        "ack_on": r.ack_on,
        "witness_name": r.witness_name,
        "notified_on": r.notified_on,
        "scores": row.scores,
    }
    states = [*entries, current]
    # a reopening keeps the notification; a revision notifies again (its entry keeps the old date)
    notified = [""] * len(states)
    notified[-1] = r.notified_on
    for i in range(len(entries) - 1, -1, -1):
        notified[i] = entries[i].get("notified_on", "") if entries[i]["kind"] == "revision" else notified[i + 1]
    by_id = {g.id: g for g in grievances}
    out: list[Event] = []
    for i, state in enumerate(states):
        scores = (state.get("scores") or None) if see else None
        if notified[i] and (i == 0 or entries[i - 1]["kind"] == "revision"):
            out.append(Event(notified[i], "notified", scores))
        if state.get("ack"):
            last = i == len(entries)
            note = r.ack_note if last and see else ""
            out.append(
                Event(state.get("ack_on", ""), state["ack"], scores, witness=state.get("witness_name", ""), note=note)
            )
        if i == len(entries):
            break
        h, after = entries[i], (states[i + 1].get("scores") or None) if see else None
        kind = "revised" if h["kind"] == "revision" else "reopened"
        reason = "" if kind == "revised" else h.get("reason", "")
        event = Event(h.get("at", "")[:10], kind, after, before=scores, by=h.get("by", ""), reason=reason)
        if kind == "revised":
            event.grievance = by_id.get(_grievance_id(h.get("reason", "")))
        out.append(event)
    return out


def _grievance_id(reason: str) -> int | None:
    """The grievance a revision followed ("grievance 3")."""
    tail = reason.rpartition(" ")[2]
    return int(tail) if tail.isdigit() else None


def _grievance_events(grievances: list[Grievance]) -> list[Event]:
    out = []
    for g in grievances:
        out.append(Event(g.filed_on, "filed", grievance=g))
        if g.decided_on and not g.open:
            out.append(Event(g.decided_on, "decided", grievance=g))
    return sorted(out, key=lambda e: e.on)


def _merge(record: list[Event], grievances: list[Event]) -> list[Event]:
    """The grievance events placed among the result's own by date (on the same day after them:
    a grievance follows the notification it is about), but always before the revision that
    followed the grievance."""
    out = list(record)
    for g in grievances:
        at = next((i for i, e in enumerate(out) if e.on > g.on), len(out))
        revision = next((i for i, e in enumerate(out) if e.kind == "revised" and e.grievance is g.grievance), at)
        out.insert(min(at, revision), g)
    return out


def event_name(e: Event, lang: str) -> str:
    """What happened, in ``lang``: "แจ้งผล", "คำร้องทุกข์: ฟังขึ้น", "ยื่นคำร้องทุกข์ (เกินกำหนด)"."""
    k = 1 if lang == "en" else 0
    name = m.EVENT_LABELS[e.kind][k]
    if e.kind == "decided":
        return f"{name}: {m.GRIEVANCE_LABELS[e.grievance.status][k]}"
    if e.kind == "filed" and e.grievance.late:
        return f"{name} ({'late' if k else 'เกินกำหนด'})"
    return name
