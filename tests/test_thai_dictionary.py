"""The compact word store and the private segmenter give exactly pythainlp's newmm (issue 20).

The line breaker keeps pythainlp's 62,106 words in one joined string (``_Dictionary``) and runs
pythainlp's own newmm / tcc files without importing the whole library (``thai/segmenter.py``).
Checked here against pythainlp itself (its ``Trie`` and its public ``word_tokenize`` /
``subword_tokenize``) over a corpus: the demo office's texts, the seed ITA report, the screens'
locale catalogs, a third of the dictionary's words and random runs of words.
"""

from __future__ import annotations

import ast
import random
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest

from ethics_tui.thai import segmenter, wordbreak

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "ita-report-2568-chiang-phin.txt"  # ../shared beside the checkout


def _strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    texts: list[str] = []
    # every catalog and table of texts: the screens' texts, the register specs, the model labels, templates
    for f in sorted([*(ROOT / "ethics_tui").rglob("*.toml"), *(ROOT / "templates").rglob("*.toml")]):
        _strings(tomllib.loads(f.read_text("utf-8")), texts)
    if SEED.exists():
        texts += SEED.read_text("utf-8").splitlines()
    for f in sorted((ROOT / "ethics_tui" / "service").glob("*demo*.py")):  # the demo office's texts
        texts += [n.value for n in ast.walk(ast.parse(f.read_text("utf-8"))) if isinstance(n, ast.Constant)]
    lines = {line for t in texts if isinstance(t, str) for line in t.split("\n") if wordbreak._has_thai(line)}
    assert len(lines) > 900
    return sorted(lines)


@cache
def _trie():
    from pythainlp.corpus import thai_words
    from pythainlp.util.trie import Trie

    return Trie(thai_words())


def test_prefixes_equal_pythainlp_trie_at_every_position(corpus):
    from pythainlp.corpus import thai_words

    d, trie = wordbreak.dictionary(), _trie()
    words = sorted(thai_words())
    rnd = random.Random(20)
    runs = ["".join(rnd.sample(words, 4)) for _ in range(500)]
    edge = ["", "ก", "ก\nการบ้าน", "การ\n", "\nการ", "กx", "abc", "การบ้านการเมือง" * 20]
    assert len(d) == len({w.strip() for w in words} - {""})
    for text in [*corpus, *words[::3], *runs, *edge]:
        for i in range(len(text) + 1):
            assert d.prefixes(text, i) == trie.prefixes(text, i), (text, i)
    assert all(w.strip() in d for w in words[::97])
    assert "กx" not in d and "" not in d and "การ\nบ้าน" not in d and 3 not in d


def test_words_equal_pythainlp_word_tokenize(corpus):
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    trie = _trie()  # = pythainlp's default dictionary
    for line in corpus:
        assert wordbreak.words(line) == word_tokenize(line, engine="newmm", custom_dict=trie, keep_whitespace=True)
        assert segmenter.tcc(line) == subword_tokenize(line, engine="tcc")


def test_public_fallback_gives_the_same(monkeypatch, corpus):
    """A pythainlp whose files are not as expected: its public functions, same results."""
    private = segmenter._private()
    public = segmenter._public()
    d = wordbreak.dictionary()
    for line in corpus[::7]:
        assert private[0](line, d) == public[0](line, d)
        assert private[1](line) == public[1](line)
    monkeypatch.setattr(segmenter, "_NEWMM_IMPORTS", ("from nowhere import nothing\n",))
    monkeypatch.setattr(segmenter, "_FUNCS", None)
    assert segmenter.newmm("การประเมินคุณธรรม", d) == private[0]("การประเมินคุณธรรม", d)
    assert segmenter._FUNCS[0] is not private[0]


def test_line_breaking_does_not_import_pythainlp():
    """Wrapping a screen's lines loads only the segmenter's files, not the whole library
    (about 6 MiB), nor pythainlp's word frozenset (about 10 MiB)."""
    code = (
        "import sys\n"
        "from ethics_tui.thai.wrap import wrap_thai\n"
        "from ethics_tui.thai.wordbreak import insert_breaks, split_long\n"
        "wrap_thai('องค์การบริหารส่วนตำบลเชียงพิณ การประเมินคุณธรรมและความโปร่งใส', 12)\n"
        "insert_breaks('ที่ ๑/๒๕๖๘ ลงวันที่ ๑ มกราคม ๒๕๖๘'); split_long('องค์การบริหารส่วนตำบล')\n"
        "print(sorted(m for m in sys.modules if m.startswith('pythainlp')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
