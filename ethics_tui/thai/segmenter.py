"""pythainlp's ``newmm`` word segmenter and ``tcc`` clusters, without importing all of pythainlp.

``import pythainlp.tokenize`` runs the package's ``__init__``, which imports most of the library
(soundex, spelling, tagging, transliteration, ...): about 6 MiB of memory for the life of the
process, while the line breaker needs four small modules. This module runs pythainlp's own
files for those four (``tokenize/tcc.py``, ``tokenize/tcc_p.py``, ``tokenize/_utils.py`` and
``tokenize/newmm.py``), each as a private module, so the segmentation is pythainlp's code, not a
copy. ``newmm.py`` imports one name from the package (the default dictionary, which the line
breaker never uses: it always passes its own); that one import line is left out.

If the installed pythainlp does not have these files as expected, the public functions are used
(same results, more memory). tests/test_thai_dictionary.py checks both against pythainlp's
``word_tokenize`` / ``subword_tokenize``.
"""

from __future__ import annotations

import importlib.util
import os
import types
from collections.abc import Callable

_NEWMM_IMPORTS = (
    "from pythainlp.tokenize import word_dict_trie\n",
    "from pythainlp.tokenize.tcc_p import tcc_pos_array\n",
)


def folder() -> str:
    """pythainlp's package folder (found without importing the package), or ""."""
    spec = importlib.util.find_spec("pythainlp")
    return (spec.submodule_search_locations or [""])[0] if spec and spec.submodule_search_locations else ""


def _module(name: str, path: str, source: str | None = None, **names: object) -> types.ModuleType:
    mod = types.ModuleType(f"ethics_tui.thai._pythainlp_{name}")
    mod.__file__ = path
    mod.__dict__.update(names)
    if source is None:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    exec(compile(source, path, "exec"), mod.__dict__)  # pythainlp's own file
    return mod


def _private() -> tuple[Callable[[str, object], list[str]], Callable[[str], list[str]]]:
    base = os.path.join(folder(), "tokenize")
    tcc = _module("tcc", os.path.join(base, "tcc.py"))
    tcc_p = _module("tcc_p", os.path.join(base, "tcc_p.py"))
    utils = _module("utils", os.path.join(base, "_utils.py"))
    path = os.path.join(base, "newmm.py")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if not all(line in source for line in _NEWMM_IMPORTS):
        raise ImportError("pythainlp newmm.py: unexpected imports")
    for line in _NEWMM_IMPORTS:
        source = source.replace(line, "")
    newmm = _module("newmm", path, source, tcc_pos_array=tcc_p.tcc_pos_array, word_dict_trie=None)
    segment, rejoin = newmm.segment, utils.rejoin_formatted_num

    def word_tokenize(text: str, custom_dict: object) -> list[str]:
        # = pythainlp word_tokenize(text, engine="newmm", custom_dict=..., keep_whitespace=True)
        if not text or not isinstance(text, str):
            return []
        return rejoin(segment(text, custom_dict))

    def subword_tokenize(text: str) -> list[str]:
        # = pythainlp subword_tokenize(text, engine="tcc")
        if not text or not isinstance(text, str):
            return []
        return tcc.segment(text)

    return word_tokenize, subword_tokenize


def _public() -> tuple[Callable[[str, object], list[str]], Callable[[str], list[str]]]:
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    return (
        lambda text, custom_dict: word_tokenize(text, engine="newmm", custom_dict=custom_dict, keep_whitespace=True),
        lambda text: subword_tokenize(text, engine="tcc"),
    )


_FUNCS: tuple[Callable[[str, object], list[str]], Callable[[str], list[str]]] | None = None


def _funcs() -> tuple[Callable[[str, object], list[str]], Callable[[str], list[str]]]:
    global _FUNCS
    if _FUNCS is None:
        try:
            _FUNCS = _private()
        except (OSError, ImportError, SyntaxError, AttributeError):
            _FUNCS = _public()
    return _FUNCS


def newmm(text: str, custom_dict: object) -> list[str]:
    """pythainlp ``word_tokenize(text, engine="newmm", custom_dict=..., keep_whitespace=True)``."""
    return _funcs()[0](text, custom_dict)


def tcc(text: str) -> list[str]:
    """pythainlp ``subword_tokenize(text, engine="tcc")``: Thai character clusters."""
    return _funcs()[1](text)
