"""The free text of a complaint case, sealed in the complaints vault (issue 14): the subject,
and each step's note and its extra text. Split from :mod:`ethics_tui.service.complaints`."""

from __future__ import annotations

from dataclasses import replace

from ethics_tui.model.complaints import Complaint
from ethics_tui.service import vault
from ethics_tui.service.context import Context

KIND = "complaint"

#: free text of a case sealed in the complaints vault: the subject, and each step's note and
#: its extra text (reason / body / finding / method). Dates, steps, channel, type, status and
#: the receipt code stay plain (they are what the statistics count and the lookup shows).
SEALED_CASE_FIELDS = ("subject",)
SEALED_STEP_FIELDS = ("note", "reason", "body", "finding", "method")
PLAIN_EXTRA = ("evidence",)  # a code ("enough" / "not_enough"), counted


def _seal_step(ctx: Context, h: dict) -> dict:
    h = dict(h)
    if h.get("note"):
        h["note"] = (
            vault.seal(ctx, "complaints", h["note"], f"{KIND}:note") if isinstance(h["note"], str) else h["note"]
        )
    h["extra"] = {
        k: (vault.seal(ctx, "complaints", v, f"{KIND}:{k}") if k not in PLAIN_EXTRA and isinstance(v, str) and v else v)
        for k, v in (h.get("extra") or {}).items()
    }
    return h


def _reveal_step(ctx: Context, h: dict) -> dict:
    h = dict(h)
    h["note"] = vault.reveal(ctx, h.get("note", ""), f"{KIND}:note")
    h["extra"] = {
        k: (v if k in PLAIN_EXTRA else vault.reveal(ctx, v, f"{KIND}:{k}")) for k, v in (h.get("extra") or {}).items()
    }
    return h


def _sealed_doc(ctx: Context, c: Complaint) -> dict:
    """The stored form of a case: its subject and step texts sealed (sealed ones kept)."""
    d = c.to_dict()
    if isinstance(d.get("subject"), str) and d["subject"]:
        d["subject"] = vault.seal(ctx, "complaints", d["subject"], f"{KIND}:subject")
    d["history"] = [_seal_step(ctx, h) for h in d.get("history", [])]
    return d


def _revealed(ctx: Context, c: Complaint) -> Complaint:
    """A copy with the subject and step texts readable (or "ปกปิด" without the key)."""
    return replace(
        c, subject=vault.reveal(ctx, c.subject, f"{KIND}:subject"), history=[_reveal_step(ctx, h) for h in c.history]
    )
