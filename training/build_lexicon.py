"""Build ``kaznlp/data/lexicon_kk.txt``, the word-form list used by ``kaznlp.dehyphenate``.

Run from the repository root, with ``../shared/data`` present::

    python -m training.build_lexicon            # writes kaznlp/data/lexicon_kk.txt and dehyph_contexts_kk.tsv
    python -m training.build_lexicon --min-freq 2

Sources (all openly licensed; the GPL apertium crawl is deliberately NOT used):

* NTREX-128 Kazakh (CC BY-SA 4.0), ``news/ntrex128_kaz.jsonl``
* KazQAD Wikipedia passages (CC BY-SA 4.0), ``other/kazqad_wiki/kazqad_val_passages.jsonl``
* KazNERD valid+test (CC BY 4.0), ``kaznerd/IOB2_{valid,test}.txt``
* UD Kazakh-KTB (CC BY-SA 4.0), ``ud_kk_ktb/*.conllu`` (``# text`` lines)

Held-out documents: NTREX documents and KazQAD *articles* are split by
:func:`benchmarks.testsets.dehyphenate_split.split_of` into ``lexicon`` (half), ``dev`` (a quarter: rules are tuned on it) and
``test`` (a quarter: only reported on). Only the ``lexicon`` half feeds the lexicon, so
``benchmarks/testsets/dehyphenate_testset.py`` measures the de-hyphenator on text whose words did
not feed it. KazQAD is split by article title, not by passage: passages of one Wikipedia
article share their rare words (and 26 sentences), and a passage-level split leaked them.

Only lower-cased word forms (letters, optionally joined by hyphens, e.g.
``вице-президенті``) seen at least ``--min-freq`` times are kept; the list is
a bag of word forms, not running text.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from benchmarks.testsets.dehyphenate_split import is_heldout, kazqad_key  # the lexicon's split, one home
from kaznlp._data import read_file, write_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "kaznlp" / "data" / "lexicon_kk.txt.xz"  # shipped xz-compressed (kaznlp._data.read_text)
CONTEXTS_OUT = ROOT / "kaznlp" / "data" / "dehyph_contexts_kk.tsv.gz"
CHARLM_OUT = ROOT / "kaznlp" / "data" / "charlm_kk.tsv.xz"

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STRIP = "\"'«»“”„()[]{}.,;:!?…—–-/\\*•`"
_CYR = re.compile(r"[\u0400-\u04ff]")


PARTICLES = {"да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "мен", "бен", "пен", "ше", "ғой", "шама", "дейін", "бас"}


SUFFIX_WORD_MIN_FREQ = 30

# Two-letter forms kept: real Kazakh words, particles and units. The sources also hold
# two-letter pieces of split words and transcripts (``кө``, ``жа``, ``қо``, ``бе``), which
# made a syllable look like a word (``кө- теру``, ``жа- санды``).
TWO_LETTER_WORDS = frozenset("""
ал ай аз ас ат аш ақ аң ем ен ер ес ет еш ең ел ек иә ие ит ми ой ол он ор от оқ оң су ту шу қу
үй үн үш ұл ұн іс іш әл ән әр әй әу өз өн өр ба бе па пе ма ме да де та те не ше кг км мм см
""".split())


def load_suffixes() -> set[str]:
    """The suffix allomorphs of stem + suffix chains, from the one inventory
    (:func:`kaznlp.lang.affixes.suffix_allomorphs`, ``data/affixes_kk.tsv``; the same set
    ``suffixes_kk.txt`` held)."""
    from kaznlp.lang.affixes import suffix_allomorphs

    return set(suffix_allomorphs())


def normalize_word(tok: str) -> str | None:
    """Lower-case a whitespace token stripped of punctuation; None unless it is a (hyphenated) word."""
    tok = tok.replace("\u00ad", "").strip(_STRIP.replace("-", ""))
    if tok.startswith("-") or tok.startswith("\u2011"):
        return None  # a suffix split off a number/acronym (``%-ға``), not a word
    tok = tok.rstrip("-")
    if not tok or not _WORD.fullmatch(tok):
        return None
    w = tok.lower()
    if _CYR.search(w):  # Latin homoglyphs inside Cyrillic words
        w = w.replace("i", "і").replace("ə", "ә")
    if not _CYR.search(w):
        return None
    return w


def iter_texts(shared: Path):
    """Yield (source_name, text) for every non-held-out document of the open sources."""
    for line in (shared / "news" / "ntrex128_kaz.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if not is_heldout(d["id"]):
            yield "ntrex", d["text"]
    for line in (shared / "other" / "kazqad_wiki" / "kazqad_val_passages.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if not is_heldout(kazqad_key(d["title"])):
            yield "kazqad", d["title"] + "\n" + d["text"]
    for name in ("IOB2_valid.txt", "IOB2_test.txt"):
        toks = []
        for line in (shared / "kaznerd" / name).open(encoding="utf-8"):
            parts = line.rstrip("\n").split(" ")
            if len(parts) == 2:
                toks.append(parts[0])
        yield "kaznerd", " ".join(toks)
    for path in sorted((shared / "ud_kk_ktb").glob("*.conllu")):
        for line in path.open(encoding="utf-8"):
            if line.startswith("# text = "):
                yield "ud_kk_ktb", line[9:]


def _typo_hyphen(w: str, c: int, counts: collections.Counter[str]) -> bool:
    """``қа-тардағы``, ``кезе-ңіне``: a hyphen inside an ordinary word (an old line-break hyphen
    left in the source). The joined form is written at least twice and twice as often, and the
    part after the hyphen is not a word of its own (``бір-ақ``, ``келісім-шарт`` stay)."""
    if w.count("-") != 1:
        return False
    x, y = w.split("-")
    joined = counts.get(x + y, 0)
    return joined >= 2 and joined >= 2 * c and counts.get(y, 0) < 2


def build(shared: Path, min_freq: int) -> tuple[list[str], dict[str, int]]:
    counts: collections.Counter[str] = collections.Counter()
    per_source: collections.Counter[str] = collections.Counter()
    for src, text in iter_texts(shared):
        for tok in text.split():
            w = normalize_word(tok)
            if w is not None and len(w) >= 2:
                counts[w] += 1
                per_source[src] += 1
    # A bare suffix (``лық``, ``ға``) is a split-off piece, not a word; particles written apart
    # stay, and so do frequent words that look like a suffix (``бес`` five, ``біз`` we, ``тағы``
    # again: ``мұхитта⏎тағы`` is two words).
    suffixes = load_suffixes()
    words = sorted(
        w for w, c in counts.items()
        if (c >= min_freq or ("-" in w and c >= 1))
        and not _typo_hyphen(w, c, counts)
        and (w not in suffixes or w in PARTICLES or c >= SUFFIX_WORD_MIN_FREQ)
        and (len(w) != 2 or w in TWO_LETTER_WORDS)
    )
    return words, dict(per_source)


def build_contexts(shared: Path, min_total: int = 3) -> tuple[list[tuple[str, str, int, int]], dict[str, int]]:
    """Is a short word that is also a word ending (``мен``, ``да``, ``тың``, ``сында``) glued to
    the word before it or written apart? Counted by the two letters before it.

    For each piece ``b`` (2-5 letters, a word of the corpus seen twice) and each ending ``e``
    (the two letters before ``b``): ``glued`` = tokens that end in ``e + b`` with 3+ letters
    before ``b`` (``органдары|мен``), ``apart`` = a token ending in ``e`` followed by the token
    ``b`` (``органдар мен``). Rows with glued + apart >= ``min_total`` are kept.
    """
    seqs: list[list[str | None]] = []
    words: collections.Counter[str] = collections.Counter()
    per_source: collections.Counter[str] = collections.Counter()
    for src, text in iter_texts(shared):
        toks = [normalize_word(t) for t in text.split()]
        seqs.append(toks)
        for w in toks:
            if w is not None:
                words[w] += 1
                per_source[src] += 1
    cand = {w for w, c in words.items() if 2 <= len(w) <= 5 and c >= 2 and "-" not in w}
    glued: collections.Counter[tuple[str, str]] = collections.Counter()
    apart: collections.Counter[tuple[str, str]] = collections.Counter()
    for toks in seqs:
        for i, w in enumerate(toks):
            if w is None or "-" in w:
                continue
            for k in range(2, min(5, len(w) - 3) + 1):
                if w[-k:] in cand:
                    glued[(w[-k:], w[-k - 2:-k])] += 1
            if i + 1 < len(toks) and toks[i + 1] in cand and len(w) >= 3:
                apart[(toks[i + 1], w[-2:])] += 1  # type: ignore[index]
    rows = sorted((b, e, glued[(b, e)], apart[(b, e)]) for b, e in set(glued) | set(apart)
                  if glued[(b, e)] + apart[(b, e)] >= min_total)
    return rows, dict(per_source)


def _sources(per_source: dict[str, int]) -> list[str]:
    """Header lines naming the sources, licences and the tokens taken from each."""
    return [
        "# Sources and licences (token counts; dev/test documents of split_of are held out):",
        "#   NTREX-128 Kazakh reference, MicrosoftTranslator/NTREX @8561f6a, CC BY-SA 4.0 (%d tokens)" % per_source.get("ntrex", 0),
        "#   KazQAD v1.0 Wikipedia passages, IS2AI/KazQAD @ab8684a, CC BY-SA 4.0 (%d tokens)" % per_source.get("kazqad", 0),
        "#   KazNERD valid+test, IS2AI/KazNERD @bd4333d, CC BY 4.0 (%d tokens)" % per_source.get("kaznerd", 0),
        "#   UD Kazakh-KTB, UniversalDependencies/UD_Kazakh-KTB @e9f3b87, CC BY-SA 4.0 (%d tokens)" % per_source.get("ud_kk_ktb", 0),
        "# The GPL-3.0 apertium-kaz-rus crawl is not used. Distributed under CC BY-SA 4.0 (attribution: the sources above).",
    ]


def write_contexts(path: Path, rows: list[tuple[str, str, int, int]], per_source: dict[str, int]) -> None:
    header = [
        "# kaznlp: is a short word that is also a word ending glued or apart? (kaznlp.dehyphenate)",
        "# Built by training/build_lexicon.py (build_contexts). Columns: piece, the two letters before it,",
        "# glued (tokens ending in ending+piece, 3+ letters before the piece), apart (a token ending in",
        "# the ending, then the piece as a token). ``ны мен 300 16``: ``...нымен`` 300 times, ``...ны мен`` 16.",
        *_sources(per_source),
        "# %d rows" % len(rows),
    ]
    write_file(path, "\n".join(header + ["%s\t%s\t%d\t%d" % r for r in rows]) + "\n")


def build_charlm(shared: Path, order: int = 5, min_count: int = 2) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """A Witten-Bell interpolated character ``order``-gram model of words (``kaznlp.lang.charlm``).

    Each word token (lower case, each part of a hyphenated form) is ``^^^^word$``; n-grams
    seen fewer than ``min_count`` times are pruned (single letters stay). Written in back-off
    form: ``P(c|h) = (C(hc) + T(h) P(c|h')) / (N(h) + T(h))`` for a kept ``hc``, else
    ``T(h) / (N(h) + T(h)) * P(c|h')``, with ``N(h)``, ``T(h)`` the count and number of kept
    continuations of ``h`` and ``h'`` = ``h`` less its first letter.
    Returns rows ``(key, log prob or "", log back-off or "")``, 3 decimals.
    """
    import math

    counts: collections.Counter[str] = collections.Counter()
    per_source: collections.Counter[str] = collections.Counter()
    pad = "^" * (order - 1)
    for src, text in iter_texts(shared):
        for tok in text.split():
            w = normalize_word(tok)
            if w is None:
                continue
            per_source[src] += 1
            for part in w.split("-"):
                if not part:
                    continue
                s = pad + part + "$"
                for i in range(order - 1, len(s)):
                    for k in range(order):
                        counts[s[i - k:i + 1]] += 1
    kept = {g: c for g, c in counts.items() if c >= min_count or len(g) == 1}
    n_ctx: collections.Counter[str] = collections.Counter()
    t_ctx: collections.Counter[str] = collections.Counter()
    for g, c in kept.items():
        n_ctx[g[:-1]] += c
        t_ctx[g[:-1]] += 1
    vocab = t_ctx[""] + 1  # letters seen, plus one for an unseen letter
    prob: dict[str, float] = {}

    def p(g: str) -> float:  # P(g[-1] | g[:-1]), interpolated
        if g in prob:
            return prob[g]
        h = g[:-1]
        lower = p(g[1:]) if h else 1.0 / vocab
        n, t = n_ctx.get(h, 0), t_ctx.get(h, 0)
        if not n:
            return lower
        val = (kept.get(g, 0) + t * lower) / (n + t)
        if g in kept:
            prob[g] = val
        return val

    rows = []
    for g in sorted(set(kept) | set(n_ctx)):
        lp = "%.3f" % math.log(p(g)) if g in kept else ""
        bow = ""
        if g in n_ctx:
            bow = "%.3f" % math.log(t_ctx[g] / (n_ctx[g] + t_ctx[g]))
        rows.append((g, lp, bow))
    return rows, dict(per_source)


def write_charlm(path: Path, rows: list[tuple[str, str, str]], per_source: dict[str, int], order: int, min_count: int) -> None:
    header = [
        "# kaznlp: character %d-gram model of Kazakh words (kaznlp.lang.charlm), Witten-Bell, back-off form" % order,
        "# Built by training/build_lexicon.py (build_charlm); n-grams seen < %d times pruned." % min_count,
        "# Columns: n-gram, front-coded (the number of leading characters it shares with the previous",
        "# row's n-gram, then the rest of it; ^ word start, $ word end), natural-log probability of its last",
        "# letter given the others, natural-log back-off weight when the n-gram is also a context.",
        *_sources(per_source),
        "# %d rows" % len(rows),
    ]
    write_file(path, "\n".join(header + _front_coded(rows)) + "\n")


def _front_coded(rows: list[tuple[str, str, str]]) -> list[str]:
    """``shared<TAB>rest<TAB>p<TAB>b`` lines of n-gram rows sorted by n-gram: ``shared`` leading
    characters come from the previous row's n-gram (read back by ``kaznlp.lang.charlm._table``;
    the table is a quarter smaller compressed)."""
    rows = sorted(rows)
    out, prev = [], ""
    for key, p, b in rows:
        n = 0
        while n < min(len(key), len(prev)) and key[n] == prev[n]:
            n += 1
        out.append(f"{n}\t{key[n:]}\t{p}\t{b}")
        prev = key
    return out


# the open word lists (``../shared/data/lexicons``): only lower-case Cyrillic forms, inner hyphens allowed
_OPEN_FORM = re.compile(r"^[а-яёәіңғүұқөһ]+(?:-[а-яёәіңғүұқөһ]+)*$")
UNILEX_OUT = ROOT / "kaznlp" / "data" / "dehyph_unilex_kk.txt"
HUNSPELL_OUT = ROOT / "kaznlp" / "data" / "dehyph_hunspell_stems_kk.txt"


def build_open_lexicons(shared: Path, lexicon: Path, unilex_out: Path, hunspell_out: Path,
                        min_stem: int = 5) -> tuple[int, int]:
    """Two small derived files for ``kaznlp.dehyphenate`` from the open word lists, each holding
    only what the corpus lexicon (``lexicon``) lacks, so the wheel stays small:

    * ``dehyph_unilex_kk.txt``: the Unicode CLDR Unilex Kazakh frequency list's lower-cased
      Cyrillic forms (Unicode License v3); evidence that a joined form is a written word;
    * ``dehyph_hunspell_stems_kk.txt``: the Kazakh Hunspell dictionary's stems of ``min_stem``+
      letters (affix rules not expanded; MPL-1.1, one of its three licences); evidence that a
      joined form is a known stem + a suffix chain (``мемлекет`` + ``терінің``).
    """
    known = {w for w in read_file(lexicon).split("\n") if w and not w.startswith("#")}
    lex_dir = shared / "lexicons"
    uni: dict[str, int] = {}
    for line in (lex_dir / "unilex_kk" / "kk.txt").open(encoding="utf-8"):
        form, _, count = line.rstrip("\n").partition("\t")
        if line.startswith("#") or not count.isdigit():
            continue
        w = form.lower()
        if _OPEN_FORM.match(w) and w not in known:
            uni[w] = uni.get(w, 0) + int(count)
    stems: set[str] = set()
    with (lex_dir / "hunspell_kk" / "kk_KZ.dic").open(encoding="utf-8-sig") as fh:
        next(fh)  # the entry count
        for line in fh:
            w = line.split("/")[0].strip().lower()
            if len(w) >= min_stem and _OPEN_FORM.match(w) and w not in known:
                stems.add(w)
    unilex_out.write_text("\n".join([
        "# kaznlp.dehyphenate: Kazakh word forms of the Unicode CLDR Unilex frequency list that",
        "# kaznlp/data/lexicon_kk.txt lacks (lower-cased, Cyrillic only), one per line.",
        "# Source: unicode-org/unilex @b3a9ae27a0c29eac217bb15a75c6f8d8efb15d17 data/frequency/kk.txt",
        "# (../shared/data/lexicons/unilex_kk). Licence: Unicode License v3 (Unicode-DFS-2016 in the",
        "# file header): Copyright (c) Unicode, Inc.; see LICENSES/README.md.",
        "# Built by training/build_lexicon.py (build_open_lexicons). %d forms" % len(uni),
        *sorted(uni)]) + "\n", encoding="utf-8")
    hunspell_out.write_text("\n".join([
        "# kaznlp.dehyphenate: stems of the Kazakh Hunspell dictionary (OpenOffice dict-kk, 2009;",
        "# Debian hunspell-kk 1.1-3, kk_KZ.dic) of %d+ letters that kaznlp/data/lexicon_kk.txt lacks," % min_stem,
        "# lower-cased, affix classes dropped, one per line (../shared/data/lexicons/hunspell_kk).",
        "# Licence: this file is distributed under MPL-1.1, one of the dictionary's three licences",
        "# (GPL-2+ or LGPL-2.1+ or MPL-1.1+); see LICENSES/README.md.",
        "# Built by training/build_lexicon.py (build_open_lexicons). %d stems" % len(stems),
        *sorted(stems)]) + "\n", encoding="utf-8")
    return len(uni), len(stems)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-freq", type=int, default=2)
    ap.add_argument("--contexts-out", type=Path, default=CONTEXTS_OUT)
    ap.add_argument("--charlm-out", type=Path, default=CHARLM_OUT)
    ap.add_argument("--open-only", action="store_true",
                    help="only rebuild the files derived from the open word lists (dehyph_unilex_kk.txt, "
                         "dehyph_hunspell_stems_kk.txt) against the current lexicon")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"missing {args.shared}", file=sys.stderr)
        return 1
    if args.open_only:
        nu, nh = build_open_lexicons(args.shared, args.out, UNILEX_OUT, HUNSPELL_OUT)
        print(f"wrote {UNILEX_OUT} ({nu} forms), {HUNSPELL_OUT} ({nh} stems)")
        return 0
    words, per_source = build(args.shared, args.min_freq)
    header = [
        "# kaznlp Kazakh word-form lexicon for kaznlp.dehyphenate and kaznlp.transliterate (one lower-cased form per line)",
        "# Built by training/build_lexicon.py; word forms seen >= %d times (hyphenated forms: >= 1)." % args.min_freq,
        *_sources(per_source),
        "# %d forms" % len(words),
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_file(args.out, "\n".join(header + words) + "\n")
    print(f"wrote {args.out} ({len(words)} forms, {args.out.stat().st_size} bytes)")
    rows, per_source = build_contexts(args.shared)
    write_contexts(args.contexts_out, rows, per_source)
    print(f"wrote {args.contexts_out} ({len(rows)} rows, {args.contexts_out.stat().st_size} bytes)")
    lm_rows, per_source = build_charlm(args.shared)
    write_charlm(args.charlm_out, lm_rows, per_source, 5, 2)
    print(f"wrote {args.charlm_out} ({len(lm_rows)} rows, {args.charlm_out.stat().st_size} bytes)")
    nu, nh = build_open_lexicons(args.shared, args.out, UNILEX_OUT, HUNSPELL_OUT)
    print(f"wrote {UNILEX_OUT} ({nu} forms), {HUNSPELL_OUT} ({nh} stems)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
