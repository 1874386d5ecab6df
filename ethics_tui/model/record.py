"""The shared ``from_doc`` / ``to_dict`` of the stored record dataclasses."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Self

from ethics_tui.model.text import TextChecked

#: Field names (minus ``id``) per record class, computed once: from_doc runs for every record of every read.
_FIELDS: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(cls)) - {"id"}  # type: ignore[arg-type]
    return names


class Record(TextChecked):
    """Mixin for a dataclass stored as a document: the document id lives in ``id``, not in the data.
    Its ``validate()`` refuses control characters in any text field (model/text.py)."""

    @classmethod
    def from_doc(cls, doc_id: int, data: dict) -> Self:
        """Build from a stored document, keeping only the known fields."""
        names = _field_names(cls)
        return cls(id=doc_id, **{k: v for k, v in data.items() if k in names})  # type: ignore[call-arg]

    def to_dict(self) -> dict:
        """The document to store: every field except ``id``."""
        d = asdict(self)  # type: ignore[call-overload]
        d.pop("id")
        return d
