"""Round trip Cyrillic -> 2021 Latin -> Cyrillic on the shared corpora, every character accounted for.

For every source text ``t``: ``lat, a1 = transliterate(t, return_alignment=True)``,
``back, a2 = transliterate(lat, to="cyrl", return_alignment=True)``; each character of ``t``
is mapped through ``a1.compose(a2)`` and counts as round-tripped when it comes back as itself.
Every other character is counted by ``(source character, what came back)`` and a reason from
``REASONS`` (the documented ambiguities of docs/transliterate.md); a class with no documented
reason is reported as ``UNEXPLAINED``.

Also measures speed (chars/s, CPU time) on ``--mb`` MB of the interleaved news mix
(``benchmarks.common.corpus.sample``), each direction separately.

    python -m benchmarks.accuracy.translit_roundtrip                  # all three sources, speed on 1 MB
    python -m benchmarks.accuracy.translit_roundtrip --show 30        # more mismatch classes
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter

from benchmarks.common.corpus import load_sources, sample
from kaznlp import transliterate
from kaznlp.transliterate import _word_edits

# Why a source character may not come back (keyed by the lower-cased source character).
REASONS = {
    "һ": "х and һ share h; h is read as х",
    "х": "х and һ share h; the lexicon knew the һ reading (Шах -> Şah -> Шаһ)",
    "щ": "щ next to another ambiguity, mapped as one region (руководящих)",
    "э": "э is written e (official rule); e is read as е",
    "ь": "ь has no Latin letter (dropped)",
    "ъ": "ъ has no Latin letter (dropped)",
    "ё": "ё is written io; io is read as ио/йо",
    "ц": "ц is written ts; ts is read as ц only word-initially or before i",
    "ч": "ч is written tş; tş is read as ч only word-initially",
    "и": "и and й share i (й after a vowel, и elsewhere)",
    "й": "и and й share i (й after a vowel, и elsewhere)",
    "я": "я is written ia; ia after a consonant is read as иа",
    "ю": "ю is written iu; read as ю (never иу)",
    "т": "тс/тш read as ц/ч (word-initial or тс before и)",
    "с": "тс read as ц (word-initial or before и)",
    "ш": "тш/шш read as ч/щ",
    "а": "иа read as я (after a vowel or word-initially)",
    "у": "иу read as ю",
    "о": "йо/ио: io after a vowel read as йо",
    "latin": "Latin letter in the Cyrillic source: read as Kazakh Latin on the way back",
    "mixed": "letter of a mixed-script word (Cүтсорғышты, жəне, тўұға): its Latin reading is kept whole; normalize first",
}
_WORD = re.compile(r"[^\W\d_]+")
# Latin (with IPA ə: жəне) or a Cyrillic letter outside the Kazakh alphabet (ў ї є): normalize repairs these
_LATIN = re.compile(r"[A-Za-z\u00c0-\u02af\u0400-\u040f\u0450-\u045f\u0460-\u04ff]")
_KAZ = set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")


def _reason(src: str) -> str:
    c = src.lower()
    if c in REASONS:
        return REASONS[c]
    if c.isascii() and c.isalpha() or "\u00c0" <= c <= "\u024f" or c in "ıİ":
        return REASONS["latin"]
    return "UNEXPLAINED"


def roundtrip(texts: list[str]) -> tuple[int, int, Counter[tuple[str, str, str]]]:
    """``(characters, characters round-tripped, Counter((source char, came back, reason)))``."""
    total = ok = 0
    bad: Counter[tuple[str, str, str]] = Counter()
    for t in texts:
        lat, a1 = transliterate(t, return_alignment=True)
        back, a2 = transliterate(lat, to="cyrl", return_alignment=True)
        al = a1.compose(a2)
        total += len(t)
        if back == t:
            ok += len(t)
            continue
        mixed = bytearray(len(t))     # 1 inside a word that mixes Cyrillic and Latin letters
        for m in _WORD.finditer(t):
            w = m.group()
            if not w.isascii() and any(_LATIN.match(c) and c.lower() not in _KAZ for c in w) and \
                    any(c.lower() in _KAZ for c in w):
                mixed[m.start():m.end()] = b"\1" * (m.end() - m.start())
        for i, ch in enumerate(t):
            s, e = al.span_to_dst(i, i + 1)
            if back[s:e] == ch:
                ok += 1
            else:
                reason = _reason(ch)
                if mixed[i] and reason != REASONS["latin"]:
                    reason = REASONS["mixed"]
                bad[(ch, back[s:e], reason)] += 1
    return total, ok, bad


def speed(mb: float, shared: str | None) -> dict[str, float]:
    text = sample(mb, shared)
    _word_edits.cache_clear()     # cold: the round trip above has read these words already
    t0 = time.process_time()
    lat = transliterate(text)
    t1 = time.process_time()
    transliterate(lat, to="cyrl")
    t2 = time.process_time()
    return {"chars": len(text), "to_latn_chars_per_s": len(text) / (t1 - t0),
            "to_cyrl_chars_per_s": len(lat) / (t2 - t1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help="the shared folder (default $KAZNLP_SHARED or ../shared)")
    ap.add_argument("--show", type=int, default=25, help="mismatch classes shown per source")
    ap.add_argument("--mb", type=float, default=1.0, help="MB of news text for the speed figure (0: skip)")
    args = ap.parse_args(argv)
    sources = load_sources(args.shared)
    if not any(sources.values()):
        print("no shared data found", file=sys.stderr)
        return 2
    grand = Counter()
    g_total = g_ok = 0
    for name, texts in sources.items():
        total, ok, bad = roundtrip(texts)
        g_total += total
        g_ok += ok
        grand.update(bad)
        print(f"{name}: {ok:,} of {total:,} characters round-tripped ({100 * ok / max(total, 1):.3f} %)")
        by_reason = Counter()
        for (_, _, reason), n in bad.items():
            by_reason[reason] += n
        for reason, n in by_reason.most_common():
            print(f"  {n:>7,}  {reason}")
    print(f"ALL: {g_ok:,} of {g_total:,} characters round-tripped ({100 * g_ok / max(g_total, 1):.3f} %)")
    latin = sum(n for (_, _, r), n in grand.items() if r in (REASONS["latin"], REASONS["mixed"]))
    print(f"without the Latin letters and mixed-script words of the source: {g_ok:,} of {g_total - latin:,} "
          f"({100 * g_ok / max(g_total - latin, 1):.3f} %)")
    by_reason = Counter()
    for (_, _, reason), n in grand.items():
        by_reason[reason] += n
    print("ALL by reason:")
    for reason, n in by_reason.most_common():
        print(f"  {n:>7,}  {reason}")
    print("mismatch classes (source char -> came back, count, reason):")
    for (src, got, reason), n in grand.most_common(args.show):
        print(f"  {src!r:>8} -> {got!r:<8} {n:>7,}  {reason}")
    unexplained = sum(n for (_, _, r), n in grand.items() if r == "UNEXPLAINED")
    print(f"unexplained: {unexplained:,}")
    if args.mb > 0:
        sp = speed(args.mb, args.shared)
        print(f"speed on {sp['chars']:,} chars of news ({args.mb} MB): to='latn' "
              f"{sp['to_latn_chars_per_s'] / 1e6:.2f} M chars/CPU s, to='cyrl' "
              f"{sp['to_cyrl_chars_per_s'] / 1e6:.2f} M chars/CPU s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
