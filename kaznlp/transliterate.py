"""Kazakh Cyrillic <-> Latin transliteration with exact offsets.

:func:`transliterate` writes Kazakh Cyrillic in the official 2021 Latin alphabet
(``Қазақстан`` -> ``Qazaqstan``) and reads Latin-script Kazakh back into Cyrillic:
the 2021 alphabet and the older 2017 (apostrophe: ``Qazaqstan Respy'bli'kasy``) and
2018 (acute: ``Qazaqstan Respýblıkasy``) spellings that still circulate. Like the
other text-changing steps it can return an :class:`~kaznlp.alignment.Alignment`,
so that tokens and entities found on the output are reported in the caller's text.

>>> transliterate("Шымкент пен ШЫМКЕНТ")
'Şymkent pen ŞYMKENT'
>>> transliterate("Qazaqstan Respublikasy", to="cyrl")
'Қазақстан Республикасы'

The letter tables (with their sources) are in ``kaznlp/data/translit_kk.tsv``; the
reading rules that need context (и or й, я or иа, ц or тс) are below, each with a
Kazakh example. What cannot come back exactly is listed in ``docs/transliterate.md``.
"""

from __future__ import annotations

import re
from itertools import combinations
from functools import lru_cache
from typing import Literal, NamedTuple, overload

from ._data import read_lines
from ._validate import check_choice, check_text
from .alignment import Alignment, apply_edits
from .lang.alphabet import VOWELS
from .lang.lexicon import forms_and_parts

__all__ = ["transliterate", "ALPHABETS"]

ALPHABETS = ("2021", "2018", "2017")
_BOOL = (False, True)
# apostrophes a 2017 spelling is typed with: ASCII, right single quotation mark, modifier letter
_APOSTROPHES = "'\u2019\u02bc"


class _Letter(NamedTuple):
    cyr: str      # lower-case Cyrillic
    lower: str    # Latin spellings (lower, title, upper); "" for none
    title: str
    upper: str
    use: str      # both / latn / cyrl


@lru_cache(maxsize=None)
def _table() -> dict[str, list[_Letter]]:
    out: dict[str, list[_Letter]] = {}
    for line in read_lines("translit_kk.tsv"):
        cols = line.split("\t")
        lat = ["" if c == "-" else c for c in cols[2:5]]
        out.setdefault(cols[0], []).append(_Letter(cols[1], lat[0], lat[1], lat[2], cols[5]))
    return out


# ---------------------------------------------------------------------------
# Cyrillic -> Latin
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _writer(alphabet: str) -> tuple[dict[int, str], dict[str, tuple[str, str]], re.Pattern[str]]:
    """``(one-to-one translate table, {letter: (title, upper)} of the others, their pattern)``."""
    one: dict[int, str] = {}
    multi: dict[str, tuple[str, str]] = {}
    for let in _table()[alphabet]:
        if let.use == "cyrl":
            continue
        cap = let.cyr.upper()
        if len(let.lower) == 1 and len(let.title) == 1:
            one[ord(let.cyr)] = let.lower
            one[ord(cap)] = let.upper
        else:
            multi[let.cyr] = (let.lower, let.lower)
            multi[cap] = (let.title, let.upper)
    pattern = re.compile("[" + re.escape("".join(sorted(multi))) + "]")
    return one, multi, pattern


def _all_caps_here(text: str, i: int) -> bool:
    """Is the capital at ``i`` part of an ALL-CAPS word?

    The next letter decides (``ЦЕХ`` -> ``TSEH``, ``Цех`` -> ``Tseh``); at a word's end the
    previous one does (``АЮ`` -> ``AİU``); a lone capital is Title case (``Я`` -> ``İa``).
    """
    n = len(text)
    if i + 1 < n and text[i + 1].isalpha():
        return text[i + 1].isupper()
    if i > 0 and text[i - 1].isalpha():
        return text[i - 1].isupper()
    return False


def _to_latn(text: str, alphabet: str) -> tuple[str, Alignment]:
    one, multi, pattern = _writer(alphabet)
    out = text.translate(one)          # one letter for one letter: offsets unchanged
    edits = []
    for m in pattern.finditer(text):
        i = m.start()
        c = text[i]
        title, upper = multi[c]
        edits.append((i, i + 1, upper if c.isupper() and _all_caps_here(text, i) else title))
    if not edits:
        return out, Alignment.identity(len(text))
    return apply_edits(out, edits)


# ---------------------------------------------------------------------------
# Latin -> Cyrillic
# ---------------------------------------------------------------------------

class _Reader(NamedTuple):
    keys: dict[str, str]           # Latin spelling (any case form) -> Cyrillic
    i_letter: frozenset[str]       # spellings of the letter shared by и and й
    token: re.Pattern[str]         # one Latin letter (longest spelling first)
    word: re.Pattern[str]          # a Latin word candidate


@lru_cache(maxsize=None)
def _reader(alphabet: str) -> _Reader:
    keys: dict[str, str] = {}
    i_letter: set[str] = set()
    for let in _table()[alphabet]:
        if let.use in ("latn", "rule") or not let.lower:
            continue     # "rule": read in context by _decide (ts is ц or тс)
        cap = let.cyr.upper()
        forms = [(let.lower, let.cyr), (let.title, cap), (let.upper, cap)]
        if alphabet == "2017":   # the apostrophe is typed in several ways
            forms += [(f.replace("'", a), c) for f, c in forms if "'" in f for a in _APOSTROPHES[1:]]
        for lat, cyr in forms:
            # a capital shared by two letters (2018: I is І and И) is read as the first listed (І)
            keys.setdefault(lat, cyr)
            if let.cyr == "и":
                i_letter.add(lat)
    alts = sorted(keys, key=len, reverse=True)
    token = re.compile("|".join(re.escape(k) for k in alts))
    # 2017: apostrophes belong to a word (a', n', ...); _read_word decides which are letters
    apos = re.escape(_APOSTROPHES) if alphabet == "2017" else ""
    word = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{apos}])*" if apos else r"[^\W\d_]+")
    return _Reader(keys, frozenset(i_letter), token, word)


def _read_word(word: str, rd: _Reader, quoted: bool) -> list[tuple[int, int, str]] | None:
    """The Latin letters of ``word`` as ``(start, end, spelling)``; None if it is not Kazakh Latin.

    A word with a letter outside the alphabet (``Microsoft``: no c in 2021) is not Kazakh and is
    left as it is. 2017: a trailing apostrophe that is no letter's, or that closes a quote opened
    by an apostrophe right before the word (``'Astana'``), is left as punctuation.
    """
    toks: list[tuple[int, int, str]] = []
    pos, n = 0, len(word)
    match = rd.token.match
    if quoted and word[-1] in _APOSTROPHES:
        n -= 1
    while pos < n:
        m = match(word, pos, n)
        if m is None:
            if word[pos] in _APOSTROPHES and pos == n - 1:
                break   # a closing quote after the word: 'Astana'
            return None
        toks.append((pos, m.end(), m.group()))
        pos = m.end()
    return toks


def _decide(toks: list[tuple[int, int, str]], rd: _Reader, flips: frozenset[int] = frozenset()
            ) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Read one word's letters in context: ``(edits, choice points)``.

    The default reading of each ambiguous spelling (taking the other reading at the letter
    indices in ``flips``; the indices where a choice existed are returned):

    * и or й: the shared letter (2021 ``i``) is й after a vowel (``Qalaiyn`` -> ``Қалайын``,
      ``üi`` -> ``үй``) and и elsewhere (``İran`` -> ``Иран``): Kazakh spelling writes й after
      vowels and и after consonants (the diphthongs ий/ый are spelt и).
    * я, ю: ``i`` + ``a`` is я after a vowel or at a word's start (``qoian`` -> ``қоян``,
      ``Rossiia`` -> ``Россия``, ``Iaponiia`` -> ``Япония``) and иа after a consonant
      (``material`` -> ``материал``); ``i`` + ``u`` is ю (``aiu`` -> ``аю``,
      ``biujet`` -> ``бюджет``, ``kiiu`` -> ``кию``): Kazakh spelling never writes йа, йу.
    * ц: ``ts`` is ц at a word's start (``tsentr`` -> ``центр``) and before the и letter
      (``politsiia`` -> ``полиция``), else тс (``ketse`` -> ``кетсе``): no Kazakh word starts
      with тс, and тси is not Kazakh.
    * ч: ``tş`` is ч at a word's start (``Tşehiia`` -> ``Чехия``), else тш (``aitşy`` -> ``айтшы``).
    * щ: ``şş`` is щ (``aşşy`` -> ``ащы``): Kazakh spelling has no шш.
    * х or һ (``h``), е or э (``e`` at a word's start or after a vowel): х and е.
    * capital ``I``: І (``Ile`` -> ``Іле``); И only by the lexicon check, for text typed
      without İ (``RESPUBLIKASY`` -> ``РЕСПУБЛИКАСЫ``).
    """
    keys = rd.keys
    cyr = [keys[t] for _, _, t in toks]
    lat = [t for _, _, t in toks]
    n = len(toks)
    out: list[tuple[int, int, str]] = []
    points: list[int] = []
    k = 0
    prev_vowel = False      # is the previous Cyrillic letter read a vowel
    at_start = True
    while k < n:
        s, e, t = toks[k]
        c = cyr[k]
        low = c.lower()
        upper = c.isupper()
        flip = k in flips
        nxt = cyr[k + 1].lower() if k + 1 < n else ""
        if t in rd.i_letter:
            if nxt in ("а", "у"):
                points.append(k)
                if (nxt == "у" or prev_vowel or at_start) != flip:
                    r = "я" if nxt == "а" else "ю"
                    out.append((s, toks[k + 1][1], r.upper() if upper else r))
                    k += 2
                    prev_vowel, at_start = True, False
                    continue
                is_y = prev_vowel
            else:
                points.append(k)
                is_y = prev_vowel != flip      # Нью-Йорк: Niu-İork, a word-initial й
            r = "й" if is_y else "и"
            out.append((s, e, r.upper() if upper else r))
            prev_vowel = r == "и"
            at_start = False
            k += 1
            continue
        if low == "т" and nxt in ("с", "ш"):
            points.append(k)
            after_i = k + 2 < n and lat[k + 2] in rd.i_letter
            if (at_start or (nxt == "с" and after_i)) != flip:
                r = "ц" if nxt == "с" else "ч"
                out.append((s, toks[k + 1][1], r.upper() if upper else r))
                k += 2
                prev_vowel, at_start = False, False
                continue
        elif low == "ш" and nxt == "ш":
            points.append(k)
            if not flip:
                out.append((s, toks[k + 1][1], "Щ" if upper else "щ"))   # ащы -> aşşy -> ащы
                k += 2
                prev_vowel, at_start = False, False
                continue
        elif low == "х" or (low == "е" and (at_start or prev_vowel)) or (t == "I" and c == "І"):
            # capital I is І, but keyboards without İ type it for И too (RESPUBLIKASY): 2021 and 2018
            points.append(k)
            if flip:
                c = {"х": "һ", "Х": "Һ", "е": "э", "Е": "Э", "І": "И"}[c]
        out.append((s, e, c))
        prev_vowel = low in VOWELS
        at_start = False
        k += 1
    return out, points


_MAX_TRIES = 24


def _read(toks: list[tuple[int, int, str]], rd: _Reader) -> list[tuple[int, int, str]]:
    """The reading of one word: the default of :func:`_decide`, unless the word is not a known
    Kazakh form and another reading of one or two of its ambiguous letters is
    (``litsenziia``: лицензия, not литсензия; ``şahar``: шаһар, not шахар).
    """
    out, points = _decide(toks, rd)
    if not points:
        return out
    lex = forms_and_parts()
    if "".join(r for _, _, r in out).lower() in lex:
        return out
    tries = 0
    for size in (1, 2):
        for combo in combinations(points, size):
            alt, _ = _decide(toks, rd, frozenset(combo))
            if "".join(r for _, _, r in alt).lower() in lex:
                return alt
            tries += 1
            if tries >= _MAX_TRIES:
                return out
    return out


def _detect(text: str) -> str:
    """The Latin alphabet ``text`` is most likely written in (``alphabet="auto"``).

    Letters only one alphabet has decide: ä ğ ñ ö ş ū ü İ (2021), á ǵ ń ó ú ý (2018), a letter
    followed by an apostrophe inside a word (2017: ``Qazaqstan Respy'bli'kasy``); ties and text
    with none of them are read as 2021.
    """
    n21 = sum(text.count(c) for c in "äÄğĞñÑöÖşŞūŪüÜİ")
    n18 = sum(text.count(c) for c in "áÁǵǴńŃóÓúÚýÝ")
    n17 = len(re.findall(rf"[AaGgIiNnOoSsCcUuYy][{_APOSTROPHES}](?=[^\W\d_])", text))
    best = max((n21, "2021"), (n18, "2018"), (n17, "2017"), key=lambda x: x[0])
    return best[1] if best[0] > 0 else "2021"


@lru_cache(maxsize=1 << 16)
def _word_edits(word: str, alphabet: str, quoted: bool) -> tuple[tuple[int, int, str], ...]:
    """The edits reading one Latin word (cached: news repeats its words)."""
    if not word.isascii() and any("\u0400" <= ch <= "\u04ff" for ch in word):
        return ()      # a word with a Cyrillic letter is not Latin Kazakh
    rd = _reader(alphabet)
    toks = _read_word(word, rd, quoted)
    if not toks:
        return ()
    # letters read one for one are joined into one edit (offsets stay one to one); a letter whose
    # length changes (ts -> ц) stays an edit of its own, so spans inside the word map exactly
    out: list[tuple[int, int, str]] = []
    for s, e, r in _read(toks, rd):
        if e - s == len(r) and out and out[-1][1] == s and out[-1][1] - out[-1][0] == len(out[-1][2]):
            out[-1] = (out[-1][0], e, out[-1][2] + r)
        else:
            out.append((s, e, r))
    return tuple(ed for ed in out if word[ed[0]:ed[1]] != ed[2])


def _letter_runs(word: str, base: int) -> list[tuple[int, str]]:
    """``(offset, run)`` of the runs of letters (and apostrophes) in ``word``, which starts at ``base``."""
    runs: list[tuple[int, str]] = []
    start = None
    for i, ch in enumerate(word + " "):
        if ch.isalpha() or (ch in _APOSTROPHES and start is not None):
            if start is None:
                start = i
        elif start is not None:
            runs.append((base + start, word[start:i]))
            start = None
    return runs


def _to_cyrl(text: str, alphabet: str) -> tuple[str, Alignment]:
    rd = _reader(alphabet)
    edits: list[tuple[int, int, str]] = []
    add = edits.append
    quotes = alphabet == "2017"      # only 2017 reads apostrophes
    for m in rd.word.finditer(text):
        word = m.group()
        start = m.start()
        if word.isalpha():
            quoted = quotes and start > 0 and text[start - 1] in _APOSTROPHES
            for s, e, r in _word_edits(word, alphabet, quoted):
                add((start + s, start + e, r))
            continue
        # \w also takes ² ³ ½ (км²), and 2017 words hold apostrophes: read the runs of letters
        for base, part in _letter_runs(word, start):
            quoted = quotes and base > 0 and text[base - 1] in _APOSTROPHES
            for s, e, r in _word_edits(part, alphabet, quoted):
                add((base + s, base + e, r))
    return apply_edits(text, edits)


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------

@overload
def transliterate(text: str, to: Literal["latn", "cyrl"] = ..., alphabet: str = ...,
                  return_alignment: Literal[False] = ...) -> str: ...
@overload
def transliterate(text: str, to: Literal["latn", "cyrl"] = ..., alphabet: str = ...,
                  *, return_alignment: Literal[True]) -> tuple[str, Alignment]: ...


def transliterate(
    text: str,
    to: Literal["latn", "cyrl"] = "latn",
    alphabet: str = "2021",
    return_alignment: bool = False,
) -> str | tuple[str, Alignment]:
    """Write Kazakh Cyrillic in the 2021 Latin alphabet, or read Latin-script Kazakh into Cyrillic.

    * ``to="latn"``: Cyrillic -> Latin, ``alphabet="2021"`` (the official alphabet of 2021).
      Letters outside the Kazakh Cyrillic alphabet, digits and punctuation are kept.
    * ``to="cyrl"``: Latin -> Cyrillic; ``alphabet`` is ``"2021"``, ``"2018"`` (acute accents),
      ``"2017"`` (apostrophes) or ``"auto"`` (guessed from the letters the text uses). A word
      with a letter the alphabet lacks (``Microsoft``) and Cyrillic words are kept.
    * ``return_alignment=True`` returns ``(text, alignment)``; the :class:`Alignment` maps
      spans of the output back into ``text`` (``alignment.span_to_src``).

    Case follows the source: ``Шымкент`` -> ``Şymkent``, ``ШЫМКЕНТ`` -> ``ŞYMKENT``.

    >>> transliterate("Қазақстан Республикасының Үкіметі")
    'Qazaqstan Respublikasynyñ Ükımetı'
    >>> transliterate("Ūlttyq bank Almatyda ornalasqan", to="cyrl")
    'Ұлттық банк Алматыда орналасқан'
    >>> new, al = transliterate("Дүйсенбі, ақпан", return_alignment=True)
    >>> new, al.span_to_src(0, 8)
    ('Düisenbı, aqpan', (0, 8))
    """
    check_text(text, "transliterate")
    check_choice(to, "to", ("latn", "cyrl"), "transliterate")
    check_choice(return_alignment, "return_alignment", _BOOL, "transliterate")
    if to == "latn":
        check_choice(alphabet, "alphabet", ("2021",), "transliterate")
        out, al = _to_latn(text, alphabet)
    else:
        check_choice(alphabet, "alphabet", (*ALPHABETS, "auto"), "transliterate")
        if alphabet == "auto":
            alphabet = _detect(text)
        out, al = _to_cyrl(text, alphabet)
    return (out, al) if return_alignment else out
