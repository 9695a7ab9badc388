from __future__ import annotations

from kaznlp.lang.affixes import clitics, finite_endings, participle_endings
from kaznlp.lang.alphabet import VOWELS
from kaznlp.lang.phonology import syllable_break, vowels_agree
from kaznlp.lang.words import words

from .evidence import GLUE_RATIO, Evidence
from .morph import (
    _SURNAME,
    COMBINING,
    CONJUNCTIONS,
    PARTICLES,
    _ends_number,
    _is_acronym,
    norm,
)

# conjunctions after a suspended hyphen: ``теле- және радиосюжеттер``, ``ауыл- мен су шаруашылығы``
_SUSPENDERS = words("suspender")
_ARTICLES = words("article")  # аль-Асад, әл-Фараби


# first parts of hyphenated foreign names: Сан-Диего, Санкт-Петербург, Нью-Йорк, Лос-Анджелес
_NAME_PREFIXES = words("name_prefix")
# Case and possessive endings: a first part ending so is usually a whole inflected word, and
# "word- word" after it is a dash typed without its leading space (``анасы- аса құрметті``).
_INFLECTED_END = tuple(sorted(words("inline_inflected_ending")))


def _inflected_word(ev: Evidence, al: str) -> bool:
    """``анасы``, ``тірегі``, ``соңында``: a known word with a case / possessive ending."""
    return len(al) >= 4 and al.endswith(_INFLECTED_END) and ev.word(al) >= 2



def _lost_suffix_hyphen(ev: Evidence, core: str, head: str) -> bool:
    """``40%⏎ға`` → ``40%-ға`` (rule ``lost_suffix_hyphen``, docs/dehyphenate.md)."""
    tok = core.rsplit(None, 1)[-1]
    b = norm(head)
    if len(b) > 5 or not "\u0430" <= head[0] <= "\u04ff":
        return False
    if not ev.suffix_start(b):  # not a bare ending: only an ending that is also a word after capitals (``ДНҚ⏎да``)
        return tok.isalpha() and tok.isupper() and 2 <= len(tok) <= 6 and b not in ("мен", "бен", "пен") and ev.is_chain(b)
    bare = tok.rstrip("»”\"'’")  # after a number, %, a closing quote, a Latin word, capitals
    return bool(bare) and (_ends_number(tok) or (bare != tok and bare[-1].isalnum()) or bare[-1].isascii()
                           and bare[-1].isalpha() or tok.isalpha() and (_is_acronym(tok) or len(tok) == 1
                                                                        and tok.isupper()))


def _glued_phrase_join(ev: Evidence, a: str, b: str) -> bool:
    """``полиппай⏎даболады`` → join (rule ``glued_phrase_join``, docs/dehyphenate.md)."""
    al, bl = norm(a), norm(b)
    if max(len(al), len(bl)) < 12 or not al.isalpha() or not bl.isalpha() or ev.word(al) >= 2 or ev.word(bl) >= 2:
        return False
    lex = ev.lex
    if {al[-k:] for k in range(3, 13)} & lex and {bl[:j] for j in range(3, 13)} & lex:
        return False  # a clean word boundary at the break
    # a lexicon word of 5+ letters spans the break, 2+ of its letters on the next line
    return bool({al[-k:] + bl[:j] for k in range(1, min(10, len(al))) for j in range(2, min(12, len(bl) + 1))
                 if k + j >= 5} & lex)


def _two_consonants(b: str) -> bool:
    """``нда``, ``ттері``: two consonants start the piece, which no syllable inside a word does."""
    return len(b) >= 3 and b[0] not in VOWELS and b[1] not in VOWELS and b[0] not in "ьъ" and b[1] not in "ьъ"


def _inline_rule(ev: Evidence, a: str, b: str, after: str = "") -> tuple[str, str]:
    """The rules for :func:`_decide_inline`: 'join', 'hyphen' or 'keep'.

    In running web text a hyphen before a space is far more often a dash typed without its
    leading space (``анасы- аса құрметті``) or a suspended hyphen (``теле- радиосюжеттерде``)
    than a broken word, so nothing changes without positive evidence (measured on the raw corpus;
    each rule, in this order, with its examples: docs/dehyphenate.md, "hyphen + space" rows and
    the comments below).
    """
    bl = norm(b)
    al = norm(a)
    if (al + bl) in CONJUNCTIONS:
        return "join", "conjunction_broken"  # жә- не
    if bl in _SUSPENDERS and after[:1] in (" ", "\t") and after[1:2].isalnum():
        if not (bl in ("мен", "бен", "пен") and ev.word(al + bl) >= 1):
            return "keep", "suspended_hyphen"  # suspended hyphen: теле- және радиосюжеттер (but лидерлер- мен → лидерлермен)
    if _ends_number(a):
        return ("hyphen", "number") if b[0].isdigit() or b[0].islower() else ("keep", "number_dash")  # 00- ден, 1818- 1881
    if b.isdigit() and _is_acronym(a) and a.isalpha():
        return "hyphen", "acronym_number"  # ЭКСПО- 2017, ГРЭС- 2: a model or event number after an acronym
    if b[0].isdigit() or not b[0].isalpha() or not a[0].isalpha():
        return "keep", "not_letters"
    if _is_acronym(a):
        if b[0].islower() and ev.is_chain(bl):
            return "hyphen", "acronym_suffix"  # КСРО- ның (but АҚ- құны: a dash before a word)
        if a.isupper() and b.isupper() and b.isalpha() and ev.word(al + bl) >= 2 and not ev.word(bl) >= 2:
            return "join", "caps_word_broken"  # ҚАУ- ЛЫ, АК- ЦИОНЕРЛІК: a word in capitals, broken (the joined form is known)
        return "keep", "acronym_dash"
    b_first = bl.split("-")[0]
    h = ev.attested_hyphen(al, bl)
    if b[0].isupper():
        if h >= 2 or al in _ARTICLES:
            return "hyphen", "capital_hyphenated_form"  # Премьер- Министрінің, аль- Асад
        if a[0].isupper() and al in _NAME_PREFIXES:
            return "hyphen", "name_prefix"  # Сан- Диегодағы, Нью- Йорк: the first part of a foreign place name
        return "keep", "capital_dash"  # Палеолит- Ежелгі: a dash
    if not any(c in VOWELS for c in al):
        return ("hyphen", "abbreviation_suffix") if ev.is_chain(b_first) else ("keep", "abbreviation_dash")  # мб- дан: an abbreviation + a suffix
    if (len(al) == 1 or len(al) <= 4 and al[-1] not in VOWELS and _two_consonants(b_first)) and ev.is_chain(b_first):
        # Э- інің, А- ның: a letter + a suffix (a word keeps two letters before its break);
        # Бат- нда, оңт- нде: a word cut after a consonant (an abbreviation, ``батысында``) + a
        # suffix that starts with two consonants, where no syllable inside a short word starts
        return "hyphen", "cut_word_suffix"
    if b_first in finite_endings() and al.endswith(participle_endings()):
        return "hyphen", "participle_particle"  # салған- ды: participle + particle
    inflected = _inflected_word(ev, al)
    if h >= 2 or (h > 0 and not inflected):
        return "hyphen", "hyphenated_form_known"  # келісім- шарт, қарым- қатынас
    if bl in clitics("inline") and ev.word(al) >= 2:  # сондай- ақ; not екен / ғой, which stand alone
        return "hyphen", "clitic"  # сондай- ақ
    if b_first in ("мыс", "міс") and al[-2:] in finite_endings():
        return "hyphen", "clitic_mys"  # келеді- міс
    j = ev.word(al + bl)
    wa, wb = ev.word(al), ev.word(b_first)
    if (b_first in PARTICLES or len(b_first) <= 3 and b_first in ev.sfx and wb < 2) and j >= 1:
        return "join", "particle_or_short_suffix"  # ара- да, Деген- мен, ғасырлар- да (not бөлігінде- бес: ``бес`` is a word)
    if wb <= 1 and ev.is_chain(b_first, first_long=True):
        # a bare suffix chain (not a word, at most "stem + suffixes"): a dash is followed by a word.
        # Suffixes agree with the stem's last vowel, so a front/back clash means two words.
        # Real words parse as suffix chains too (``қаулыны`` = қа+у+лы+ны), so after a known
        # word the piece must be unknown and agree (``бөлме- лері``); after a fragment it may
        # be "stem + suffixes" if it agrees (``тұрақта- нады``, ``жүрт- шылық``).
        agree = vowels_agree(al, b_first)
        if wa >= 2:
            ok = agree and wb == 0 and not inflected  # not зорлыққа- шыдамаған (dative + a word)
        else:
            # a piece that is "stem + suffixes" itself needs an analyzable join: not
            # ``бейнежазбаның- шынайылығын``
            ok = agree and (wb == 0 or j >= 1) or wb == 0 and (agree is None or wa == 0)  # жүрт- шылық
        if ok and len(al) <= 3 and al[-1] not in VOWELS and wa == 0 and j == 0 and not ev.analyzable(al + bl):
            # ун- тінің, ин- тында, лаб- ның: a 2-3 letter piece that is no word, cut after a
            # consonant, and the join is no word either: an abbreviation (ун-т, ин-т) + its suffix
            return "hyphen", "cut_word_suffix"
        if ok:
            return "join", "suffix_chain"
    if j >= 2 and not (wa >= 2 and wb >= 1):
        return "join", "joined_form_known"  # ауда- нының, мемле- кеттік, өзге- ріс: the joined form is a known word
    if j >= 2 and not inflected and vowels_agree(al, b_first) is not False and ev.is_chain(b_first, first_long=True):
        return "join", "word_plus_suffixes"  # қабыл- дау, мәлім- деді: a known word = word + a suffix chain that agrees
    if wa == 0 and wb == 0 and j >= 1:
        return "join", "fragments_analyzable"  # тем- пературасына: no piece is a word, the joined form is stem + suffixes
    if syllable_break(al, b_first):  # a piece after a break starts with a consonant (not Әкесінің- інісі)
        agree = vowels_agree(al, b_first)
        if j == 3 and h == 0:
            return "join", "joined_in_text"  # Ел- басы, әр- бір: this text writes Елбасы / әрбір elsewhere (and never Ел-басы)
        if len(b_first) <= 5 and agree is not False and ev.is_chain(b_first, first_long=True):
            # теледидар- дан: ``дан`` is a word too, but the corpus glues it after ``...ар`` far
            # more often than it writes it apart (dehyph_contexts_kk.tsv), and a dash is not
            # followed by a case ending
            c = ev.glue_counts(al, b_first)
            if c is not None and c[0] >= GLUE_RATIO * c[1]:
                return "join", "glue_counts"
        if wb == 0 and j >= 1 and agree is not False:
            return "join", "piece_unknown_join_analyzable"  # мемлекетте- рімен: the piece is not even stem + suffixes, the join is
        m = _SURNAME.match(bl) if a[0].isupper() else None
        if m and ev.is_chain(bl[m.end():] or "ы"):
            return "join", "surname"  # Кү- леев, Ор- лов: a surname ending after a capitalised piece
    if (len(al) >= 4 and al in COMBINING and b[0].islower() and b_first not in _SUSPENDERS
            and not b_first.startswith(tuple(COMBINING))):
        # интернет- ресурсында, медиа- жоспар: a combining form before a word is a compound; a
        # suspended hyphen lists combining forms (теле- радиосюжеттерде) or takes a conjunction
        return "hyphen", "combining_form"
    return "keep", "no_evidence"  # анасы- аса, соғу- бірі, самай- шеке, спутник- қалалардағы: no evidence


# ---------------------------------------------------------------------------
