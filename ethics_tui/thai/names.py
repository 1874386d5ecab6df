"""People's names without their titles, for the guards that compare names (issue 14).

``name_key("นายปิยะ มูลสาร") == name_key("ปิยะ มูลสาร") == "ปิยะมูลสาร"``: titles (นาย, นาง,
นางสาว, น.ส., ว่าที่ร้อยตรี, ดร., military and police ranks, academic titles...) are dropped
from the front, then spaces and dots. "นายก" is not a title of a person here ("นายกมล" is นาย +
กมล); the executive is recognised by :func:`mentions_executive_title`.
"""

from __future__ import annotations

import re

#: longest first: "นางสาว" before "นาง", "ว่าที่ร้อยตรีหญิง" before "ว่าที่ร้อยตรี"
TITLES = tuple(
    sorted(
        (
            "นาย",
            "นาง",
            "นางสาว",
            "น.ส.",
            "น.ส",
            "เด็กชาย",
            "เด็กหญิง",
            "ด.ช.",
            "ด.ญ.",
            "ว่าที่ร้อยตรีหญิง",
            "ว่าที่ร้อยตรี",
            "ว่าที่ร.ต.หญิง",
            "ว่าที่ร.ต.",
            "ว่าที่ร้อยโท",
            "ว่าที่ร.ท.",
            "ว่าที่ร้อยเอก",
            "ว่าที่ร.อ.",
            "ว่าที่",
            "ร้อยตรี",
            "ร้อยโท",
            "ร้อยเอก",
            "พันตรี",
            "พันโท",
            "พันเอก",
            "ร.ต.",
            "ร.ท.",
            "ร.อ.",
            "พ.ต.",
            "พ.ท.",
            "พ.อ.",
            "สิบตรี",
            "สิบโท",
            "สิบเอก",
            "จ่าสิบตรี",
            "จ่าสิบโท",
            "จ่าสิบเอก",
            "ส.ต.",
            "ส.ท.",
            "ส.อ.",
            "จ.ส.ต.",
            "จ.ส.ท.",
            "จ.ส.อ.",
            "ร.ต.ต.",
            "ร.ต.ท.",
            "ร.ต.อ.",
            "พ.ต.ต.",
            "พ.ต.ท.",
            "พ.ต.อ.",
            "ด.ต.",
            "ดร.",
            "ดร",
            "ผศ.",
            "รศ.",
            "ศ.",
            "ผศ.ดร.",
            "รศ.ดร.",
            "ศ.ดร.",
            "นพ.",
            "พญ.",
            "ทพ.",
            "ทพญ.",
            "คุณ",
            "หญิง",
            "หม่อมราชวงศ์",
            "ม.ร.ว.",
            "หม่อมหลวง",
            "ม.ล.",
        ),
        key=len,
        reverse=True,
    )
)

_SPACE_DOT = re.compile(r"[\s.·]+")


def strip_titles(name: str) -> str:
    """``name`` without the titles at its front (repeatedly: "ว่าที่ร้อยตรี ดร. สมชาย")."""
    text = " ".join(str(name or "").split())
    changed = True
    while changed and text:
        changed = False
        for title in TITLES:
            if text.startswith(title) and len(text) > len(title):
                rest = text[len(title) :].lstrip()
                if rest:
                    text, changed = rest, True
                    break
    return text


def name_key(name: str) -> str:
    """The comparable form of a person's name: titles dropped, no spaces or dots."""
    return _SPACE_DOT.sub("", strip_titles(name))


def text_key(text: str) -> str:
    """A free text squashed the same way (to look for a :func:`name_key` inside it)."""
    return _SPACE_DOT.sub("", str(text or ""))


def same_person(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka) and ka == kb


def names_in(text: str, name: str, minimum: int = 4) -> bool:
    """Whether the person ``name`` (any title, any spacing) is written in ``text``."""
    key = name_key(name)
    return len(key) >= minimum and key in text_key(text)


#: words naming the local executive; "นายก" counts only as a word of its own
EXECUTIVE_WORDS = (
    "นายกองค์การบริหารส่วน",
    "นายกเทศมนตรี",
    "นายกอบต",
    "นายกอบจ",
    "นายกฯ",
    "รองนายก",
    "ผู้บริหารท้องถิ่น",
    "นายกเมืองพัทยา",
)
_NAYOK_ALONE = re.compile("นายก(?=$|[^\u0e00-\u0e7f]|ฯ)")


def mentions_executive_title(text: str) -> bool:
    """ "นายก อบต.", "นายกเทศมนตรี", "รองนายกฯ" or "นายก" as a word of its own ("นายกมล" is not)."""
    squashed = text_key(text)
    return any(w in squashed for w in EXECUTIVE_WORDS) or bool(_NAYOK_ALONE.search(" ".join(str(text or "").split())))


def split_full_name(text: str) -> tuple[str, str, str]:
    """One cell "นายสมชาย ใจดี" (or "นาย สมชาย ใจดี", "ว่าที่ร้อยตรี ดร.สมชาย ใจดี") as
    (prefix, first name, last name). The prefix is the titles at the front (:data:`TITLES`,
    longest first); a second title is taken only when a space or a dot separates it from the
    first ("นางคุณากร" is นาง + คุณากร, not นาง + คุณ + ากร). The last name is what follows the
    first space after the first name."""
    text = " ".join(str(text or "").split())
    prefix = ""
    rest = text
    while rest:
        title = next((t for t in TITLES if rest.startswith(t) and len(rest) > len(t)), None)
        if title is None or (prefix and not (prefix.endswith((" ", ".")))):
            break
        after = rest[len(title) :]
        if not after.strip():
            break
        prefix += title + (" " if after.startswith(" ") else "")
        rest = after.lstrip()
    first, _, last = rest.partition(" ")
    return prefix.strip(), first, last.strip()
