"""Round 10 audit of bad input across the public API (principles 1 and 5): every span points
into the caller's text, every visible character lies in exactly one token, bad input gets a
clear error, and the CLI never exits 0 when a document failed.

Each test is the reproducer of one finding of the audit's fuzz script (hostile strings:
invisible characters, combining marks, control characters, lone surrogates) on real Kazakh text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import unicodedata2 as unicodedata
from hypothesis import given
from hypothesis import strategies as st
from strategies import examples

import kaznlp
from kaznlp.cli import EXIT_FAILED, EXIT_OK

REPO = Path(__file__).resolve().parent.parent
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"


def _exact(text: str, tokens) -> list[str]:
    assert all(text[t.start:t.end] == t.text for t in tokens), [(t, text[t.start:t.end]) for t in tokens]
    return [t.text for t in tokens]


# -- tokenize: an invisible character inside a number + unit ------------------------------------

@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200c", "\u200d"])
def test_invisible_between_number_and_unit_keeps_offsets_exact(invisible: str) -> None:
    # the scan reads a copy in which such a character is blank; the blank was a plain space, which
    # the number rule takes inside "5 %": the token said "37 %-ы" where the caller wrote 37<ZWSP>%-ы
    text = f"Сауалнамаға қатысқандардың 37{invisible}%-ы қолдады, 30°{invisible}C ыстық."
    for multiword in (True, False):
        words = _exact(text, kaznlp.tokenize(text, multiword=multiword))
        assert words[2:6] == ["37", "%", "-", "ы"] and "30°" in words and "C" in words
    doc = kaznlp.process(text, normalize=False, dehyphenate=False)
    _exact(text, doc.tokens)
    for sent in doc.sentences:
        _exact(text, sent.tokens)


def test_invisible_between_number_and_word_is_in_no_token() -> None:
    # "5<BOM>млн": the BOM sat between two word characters, so it was kept, but the tokens split
    # there and the word token started with the BOM (docs/tokenize.md: no token starts or ends
    # with an invisible character)
    text = "Бюджетке 5\ufeffмлн теңге бөлінді, 2\u200bмың адам келді."
    tokens = kaznlp.tokenize(text)
    assert _exact(text, tokens)[:4] == ["Бюджетке", "5", "млн", "теңге"]
    assert [t.start for t in tokens][1:3] == [9, 11]
    assert all(t.text[0] not in "\u200b\ufeff" and t.text[-1] not in "\u200b\ufeff" for t in tokens)


# -- the CLI: the encoding hint on standard output too ----------------------------------------

NEWS = "Жоғарғы Сот Төрағасы Асламбек Мерғалиев Моңғолия Жоғарғы Сотының Төрағасымен кездесті."


def _kaznlp(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "kaznlp", *args], capture_output=True, env=env, cwd=cwd, timeout=120)


@pytest.mark.parametrize("to_file", [False, True])
def test_a_file_in_another_encoding_is_named_with_the_encoding_hint(tmp_path: Path, to_file: bool) -> None:
    # an old Windows file (KZ-1048) beside a good one: exit 1, and the hint names the file, also when
    # the records go to standard output (there it was missing: the errors went to standard error)
    (tmp_path / "old.txt").write_bytes(NEWS.encode("kz1048"))
    (tmp_path / "new.txt").write_text(NEWS, encoding="utf-8")
    out = ["-o", "out.jsonl"] if to_file else []
    res = _kaznlp("process", "new.txt", "old.txt", *out, cwd=tmp_path)
    assert res.returncode == EXIT_FAILED
    assert "old.txt is not utf-8; name its encoding with --encoding" in res.stderr.decode()
    records = (tmp_path / "out.jsonl").read_bytes() if to_file else res.stdout
    assert [json.loads(line)["source"] for line in records.splitlines()] == ["new.txt"]
    res = _kaznlp("process", "old.txt", *(["-o", "again.jsonl"] if to_file else []), "--encoding", "kz1048",
                  cwd=tmp_path)
    assert res.returncode == EXIT_OK and b"--encoding" not in res.stderr


# -- tokenize: a combining mark after punctuation ---------------------------------------------

def test_a_mark_after_punctuation_stays_with_it_and_cuts_nothing() -> None:
    # a stress mark typed after an abbreviation or a quote (a keyboard's dead key, OCR): it was
    # a token of its own, cutting "т.б." into four, or started the word after the quote
    text = "Кітап, дәптер т.б.\u0301 алынды. Ол «\u0301Абай жолы» романын оқыды."
    words = _exact(text, kaznlp.tokenize(text))
    assert words == ["Кітап", ",", "дәптер", "т.б.\u0301", "алынды", ".", "Ол", "«\u0301", "Абай", "жолы", "»",
                     "романын", "оқыды", "."]
    assert kaznlp.tokenize(text)[3].kind == "abbr"
    # a mark with no base before it still starts the word it is written on, as before
    assert _exact("\u0301басы бар", kaznlp.tokenize("\u0301басы бар")) == ["\u0301басы", "бар"]
    doc = kaznlp.process(text, normalize=False, dehyphenate=False)
    assert [t.text for t in doc.tokens] == words


# -- split_sentences: a mark or an invisible character after the end mark ----------------------

@pytest.mark.parametrize("after", ["\u0301", "\u200b", "\ufeff", "\u200e", "\ufe0f"])
def test_a_mark_or_invisible_character_after_the_stop_does_not_hide_the_end(after: str) -> None:
    # a crawl's ZWSP or a stray accent after the full stop: the splitter wanted white space right after
    # the mark, and the two sentences were one
    text = f"Жиналыс аяқталды.{after} Ертең «сайлау өтеді».{after} Нәтижесі т.б.{after} Ол жарияланады."
    sents = kaznlp.split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.text for s in sents] == [f"Жиналыс аяқталды.{after}", f"Ертең «сайлау өтеді».{after}",
                                       f"Нәтижесі т.б.{after}", "Ол жарияланады."]
    # as without it
    plain = text.replace(after, "")
    assert len(kaznlp.split_sentences(plain)) == len(sents)


# -- the fuzz's properties, on Kazakh words with marks and invisible characters everywhere --------

_PIECES = st.sampled_from(["Жиналыс", "аяқталды", "т.б.", "млн", "37", "%-ы", "30°", "C", ".", "«", "»", ",", "!",
                           " ", " ", "\n", "\u0301", "\u0306", "\u0483", "\u20e3", "\ufe0f", "\u093f", "\u200b",
                           "\ufeff", "\u200d", "\u2060", "\u200e", "\xad", "\u2005", "\xa0", "👍"])


@examples(ci=300)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_offsets_exact_and_no_token_starts_at_a_mark_after_a_visible_character(text: str) -> None:
    for multiword in (True, False):
        tokens = kaznlp.tokenize(text, multiword=multiword)
        _exact(text, tokens)
        covered = [i for t in tokens for i in range(t.start, t.end)]
        assert len(covered) == len(set(covered)) and covered == sorted(covered)
        for t in tokens:
            assert t.text[0] not in _INVISIBLE and (t.kind == "symbol" or t.text[-1] not in _INVISIBLE)
            before = text[t.start - 1] if t.start else " "
            if unicodedata.category(t.text[0])[0] == "M":
                assert before.isspace() or before in _INVISIBLE or before == "\xad", (text, t)
    sents = kaznlp.split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert {i for s in sents for i in range(s.start, s.end)} >= {i for i, c in enumerate(text) if not c.isspace()}
    doc = kaznlp.process(text, normalize=False, dehyphenate=False)
    assert [tuple(t) for t in doc.tokens] == [tuple(t) for t in kaznlp.tokenize(text)]


def test_a_soft_hyphen_on_a_mark_after_punctuation_stays_in_its_token() -> None:
    # found by the thorough profile of tests/test_properties_core.py: the second scan read the mark as
    # white space, so the soft hyphen after it touched nothing and fell out of every token
    text = "Ол айтты,\u0301\xad бірақ келмеді.\u0301\xad"
    assert _exact(text, kaznlp.tokenize(text)) == ["Ол", "айтты", ",\u0301\xad", "бірақ", "келмеді", ".\u0301\xad"]


def test_soft_hyphens_touching_only_invisible_characters_are_in_no_token() -> None:
    # thorough profile of tests/test_tokenize_letterless.py: "1<ZWSP><SHY>" left a token of a soft
    # hyphen alone, "<SHY><ZWSP><SHY>" one of invisible characters only (no text in either)
    for text in ("Бағасы 1\u200b\xad теңге", "Бағасы \xad\u200b\xad теңге"):
        assert _exact(text, kaznlp.tokenize(text)) in (["Бағасы", "1", "теңге"], ["Бағасы", "теңге"])


# -- the thorough profile's three old finds (already failing at 039875b) ---------------------------

def test_a_run_of_two_invisible_characters_inside_a_word_or_an_emoji_is_judged_whole() -> None:
    # tests/test_tokenize_emoji.py (thorough): the second joiner of "🇰<ZWJ><ZWJ>🏽" was read as
    # the start of a run at a word's edge (the character before it, a joiner, is no word) and blanked,
    # which cut the cluster; inside a word a doubled ZWSP split it ("Қа<ZWSP><ZWSP>зақстан")
    text = "Жеңдік \U0001f1f0\u200d\u200d\U0001f3fd Қа\u200b\u200bзақстан\u200b\u200b жеңді"
    assert _exact(text, kaznlp.tokenize(text)) == \
        ["Жеңдік", "\U0001f1f0\u200d\u200d\U0001f3fd", "Қа\u200b\u200bзақстан", "жеңді"]


def test_a_soft_hyphen_on_a_mark_after_a_symbol_stays_on_it() -> None:
    # tests/test_tokenize_letterless.py (thorough): "‰⃣<SHY>" left the soft hyphen a "word" token
    # of its own; it now stays on its mark, as after a number ("5́<SHY>") or punctuation
    text = "Өсім 3 ‰\u20e3\xad болды, ал #\u0301\xadсөз"
    assert [(t.text, t.kind) for t in kaznlp.tokenize(text)] == [
        ("Өсім", "word"), ("3", "number"), ("‰\u20e3\xad", "symbol"), ("болды", "word"), (",", "punct"),
        ("ал", "word"), ("#\u0301\xad", "symbol"), ("сөз", "word")]
