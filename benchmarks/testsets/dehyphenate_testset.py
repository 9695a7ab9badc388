"""Synthetic + real test set for ``kaznlp.dehyphenate`` and its scorer.

Reads ``../shared/data`` at run time (nothing is copied into the repository)::

    python -m benchmarks.testsets.dehyphenate_testset                 # dev and test, prints the report
    python -m benchmarks.testsets.dehyphenate_testset --split dev     # while tuning rules: dev only
    python -m benchmarks.testsets.dehyphenate_testset --json out.json

How the set is made (seed 20240604, deterministic):

* clean paragraphs, in two splits, ``dev`` (tune rules on it) and ``test`` (report only):
  NTREX documents and KazQAD passages kept out of the lexicon
  (``benchmarks/testsets/dehyphenate_split.py:is_heldout``: half of them) and deduplicated long
  lines of the GPL apertium web crawl (never in the lexicon), each on the side of its *source*
  (``benchmarks.gold.splits.split_of``: the NTREX outlet, the KazQAD subject domain, the crawl
  file; the partition every gold set uses, so no outlet, domain or file is on both sides and no
  PDF test document is dev here), and, for comparison, NTREX documents that *did* feed the
  lexicon ("in-lexicon");
* words are hyphenated with the Kazakh TeX patterns ``hyph-kk.pat.txt`` by our own
  implementation of Liang's algorithm (lefthyphenmin = righthyphenmin = 2; ``1-4``
  lets a word break before its own hyphen, the hyphen then repeats: ``80-`` / ``-нен``);
* each document is wrapped greedily at widths 35, 50 and 70 in every style:
  ``hyphen`` (hyphen + newline), ``lost`` (newline only, like seed 004), ``soft``
  (U+00AD + newline), ``plain`` (no word breaks; Word/pdftotext), and two unwrapped
  web styles: ``websoft`` (soft hyphens inside words) and ``webspace`` ("hyphen + space"
  breaks ``тұрақта- нады``, compounds written ``Премьер- Министрінің`` and legitimate
  suspended hyphens ``X- және Y`` that must stay);
* real hyphens (compounds, number/acronym + suffix) fall at line ends in every
  wrapped style, broken after the hyphen or TeX-style with the hyphen repeated.

Scoring is done on the "skeleton" (all characters but whitespace, hyphens and soft
hyphens, which ``dehyphenate`` never changes): a broken word counts as repaired when the
output has exactly the gold token at its place; two words are wrongly glued when a
gold word boundary has no whitespace in the output; a real hyphen is destroyed when the
output lacks a hyphen at its place. The real pdftotext output of the KazNERD guidelines
(no hyphenation) is scored too: any line break removed with no space is a wrong glue.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

from benchmarks.gold.splits import split_of as source_split  # the one dev/test partition, by source
from benchmarks.testsets.dehyphenate_split import kazqad_key, split_of  # the lexicon's own split
from kaznlp.dehyphenate import dehyphenate

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = ROOT.parent / "shared" / "data"

SEED = 20240604
WIDTHS = (35, 50, 70)
STYLES = ("hyphen", "lost", "soft", "plain", "websoft", "webspace")
SOFT = "\u00ad"


SPLITS = ("dev", "test")


# ---------------------------------------------------------------------------
# Liang's algorithm with the hyph-kk patterns
# ---------------------------------------------------------------------------
class Hyphenator:
    def __init__(self, path: Path, left: int = 2, right: int = 2) -> None:
        self.pats: dict[str, list[int]] = {}
        self.maxlen = 0
        for line in path.read_text(encoding="utf-8").split():
            letters = re.sub(r"\d", "", line)
            vals = [0] * (len(letters) + 1)
            i = 0
            for ch in line:
                if ch.isdigit():
                    vals[i] = int(ch)
                else:
                    i += 1
            self.pats[letters] = vals
            self.maxlen = max(self.maxlen, len(letters))
        self.left, self.right = left, right

    def points(self, word: str) -> list[int]:
        """Break positions p (word[:p] / word[p:]) allowed by the patterns, inside runs of letters.

        Punctuation and explicit hyphens split a token into runs that are hyphenated separately
        (``(Мэриленд)`` never becomes ``(Мэрилен-`` / ``д)``).
        """
        out = []
        for m in re.finditer(r"[^\W\d_]+", word):
            out += [m.start() + p for p in self._points(m.group())]
        return out

    def _points(self, word: str) -> list[int]:
        w = "." + word.lower() + "."
        pts = [0] * (len(w) + 1)
        for i in range(len(w)):
            for j in range(i + 1, min(len(w), i + self.maxlen) + 1):
                v = self.pats.get(w[i:j])
                if v:
                    for k, x in enumerate(v):
                        if x > pts[i + k]:
                            pts[i + k] = x
        return [p for p in range(self.left, len(word) - self.right + 1) if pts[p + 1] % 2 == 1]


# ---------------------------------------------------------------------------
# Clean documents
# ---------------------------------------------------------------------------
_OK_PARA = re.compile(r"^[^\x00-\x1f\u00ad]+$")


def _side(source: dict, in_lexicon: bool = False) -> str:
    """``"lexicon"`` for a document that fed the lexicon, else the split of its source group
    (``"unused"`` for a group with no split in ``benchmarks/gold/splits.py``)."""
    if in_lexicon:
        return "lexicon"
    try:
        return source_split(source)
    except KeyError:
        return "unused"


def load_docs(shared: Path, rng: random.Random, splits: tuple[str, ...] = SPLITS) -> dict[str, list[list[str]]]:
    """{group: [document = list of paragraphs]}; groups ``<split>/ntrex-kazqad``,
    ``<split>/apertium`` for each split, and ``in-lexicon``.

    An NTREX document or KazQAD article in the lexicon's part
    (``benchmarks/testsets/dehyphenate_split.py:split_of``) is "in-lexicon"; a held-out one, and
    every apertium line (never in the lexicon), takes the split of its source
    (:func:`_side`). Apertium long lines are deduplicated; a line written in files of both
    sides is left out.
    """
    groups: dict[str, list[list[str]]] = {f"{sp}/{k}": [] for sp in splits for k in ("ntrex-kazqad", "apertium")}
    groups["in-lexicon"] = []
    for line in (shared / "news" / "ntrex128_kaz.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        sents = [s.strip() for s in d["text"].split("\n") if s.strip()]
        paras = [" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4)]
        sp = _side({"file": "news/ntrex128_kaz.jsonl", "record": d["id"]}, split_of(d["id"]) == "lexicon")
        if sp == "lexicon":
            groups["in-lexicon"].append(paras)
        elif sp in splits:
            groups[f"{sp}/ntrex-kazqad"].append(paras)
    wiki: dict[str, list[str]] = {sp: [] for sp in splits}
    passages = [json.loads(line) for line in (shared / "other" / "kazqad_wiki" / "kazqad_val_passages.jsonl").open(encoding="utf-8")]
    sides: dict[str, set[str]] = {}  # an article whose passages sit in domains of both sides is left out
    for d in passages:
        d["side"] = _side({"file": "other/kazqad_wiki/kazqad_val_passages.jsonl", "record": d["id"]},
                          split_of(kazqad_key(d["title"])) == "lexicon")
        sides.setdefault(d["title"], set()).add(d["side"])
    for d in passages:
        sp = d["side"] if len(sides[d["title"]]) == 1 else "unused"
        if sp in wiki and SOFT not in d["text"] and not re.search(r"\w- \w", d["text"]):
            wiki[sp].append(" ".join(d["text"].split()))
    for sp, ws in wiki.items():
        for i in range(0, len(ws), 3):
            groups[f"{sp}/ntrex-kazqad"].append(ws[i:i + 3])
    side_of: dict[str, str] = {}  # line -> its files' split ("" when files of both sides write it)
    for path in sorted((shared / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        sp = _side({"file": f"news/apertium_kaz_rus_corpus/{path.name}"})  # (never in the lexicon)
        for line in path.open(encoding="utf-8"):
            line = " ".join(line.split())
            if len(line) >= 200 and SOFT not in line and "- " not in line and _OK_PARA.match(line):
                side_of[line] = sp if side_of.get(line, sp) == sp else ""
    ap = list(side_of)
    rng.shuffle(ap)
    for sp in splits:
        mine = [x for x in ap if side_of[x] == sp][:400]
        for i in range(0, len(mine), 4):
            groups[f"{sp}/apertium"].append(mine[i:i + 4])
    groups["in-lexicon"] = groups["in-lexicon"][:30]
    return groups


# ---------------------------------------------------------------------------
# Damage generators. Each returns (source text, gold text, broken-word gold spans)
# ---------------------------------------------------------------------------
def wrap_para(words: list[str], width: int, style: str, hy: Hyphenator, rng: random.Random) -> tuple[str, list[int]]:
    """Wrap one paragraph; returns the text and the indices of words broken across lines."""
    lines: list[str] = []
    broken: list[int] = []
    cur = ""
    for wi, word in enumerate(words):
        rest = word
        while True:
            sep = " " if cur else ""
            if len(cur) + len(sep) + len(rest) <= width:
                cur += sep + rest
                break
            # try to break the word
            cands = []
            if style != "plain":
                cands += [(p, "pat") for p in hy.points(rest) if rest[p - 1] not in "-" and rest[p] != "-"]
            cands += [(p + 1, "after-hyphen") for p in range(1, len(rest) - 1) if rest[p] == "-"]
            if style != "plain":
                cands += [(p, "tex-hyphen") for p in range(2, len(rest) - 1) if rest[p] == "-"]
            best = None
            for p, kind in cands:
                piece = rest[:p] + ("" if kind == "after-hyphen" or style == "lost" else "-" if style in ("hyphen",) or kind == "tex-hyphen" else SOFT)
                if len(cur) + len(sep) + len(piece) <= width and p >= 2 and len(rest) - p >= 2:
                    if best is None or p > best[0]:
                        best = (p, kind, piece)
            if best is None or not any(c.isalpha() for c in rest[: best[0]]):
                if cur:
                    lines.append(cur)
                    cur = ""
                    if len(rest) > width:  # a very long token: put it alone
                        cur = rest
                        break
                    continue
                cur = rest
                break
            p, kind, piece = best
            lines.append(cur + sep + piece)
            if kind != "after-hyphen" or style != "plain":
                broken.append(wi)
            if wi not in broken:
                broken.append(wi)
            cur = ""
            rest = rest[p:]
    if cur:
        lines.append(cur)
    # trailing spaces on some lines, like seed 004
    if rng.random() < 0.3:
        lines = [ln + " " for ln in lines]
    return "\n".join(lines), broken


_SPACED_DASH = re.compile(r"(?<=[^\W\d_]) [–—-] (?=[^\W\d_])")
_WORD_GAP = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")


# a dash never stands before a particle, conjunction or auxiliary (``X- да``, ``X- мен``, ``X- еді``)
_NOT_AFTER_DASH = frozenset("және немесе әрі мен бен пен да де та те ғана қана екен еді емес деп дейін шейін үшін".split())


def add_dash_negatives(p: str) -> tuple[str, list[int]]:
    """Web text types dashes without their leading space: ``анасы- аса құрметті``.

    Half of the spaced dashes between words (``X – Y``) become ``X- Y``, and so does 1 % of
    the other gaps between two words (a dash at an arbitrary place, though never before a
    particle, conjunction or short word: ``X- да``), in gold *and* source
    alike: dehyphenate must leave them exactly as they are. Returns the paragraph and the
    character offsets of the inserted hyphens. The choice depends only on the paragraph text
    (its own random stream), so the other damage is the same as without negatives.
    """
    nrng = random.Random(p)
    out, offs, last = [], [], 0
    for m in _SPACED_DASH.finditer(p):
        if nrng.random() < 0.5:
            out.append(p[last:m.start()])
            offs.append(sum(map(len, out)))
            out.append("- ")
            last = m.end()
    p = "".join(out) + p[last:]
    out, last = [], 0
    taken = set(offs)
    for m in _WORD_GAP.finditer(p):
        nxt = p[m.end():].split(" ", 1)[0]
        if (m.start() not in taken and p[m.start() - 1] != "-" and nrng.random() < 0.01
                and len(nxt) >= 4 and nxt.isalpha() and nxt.lower() not in _NOT_AFTER_DASH):
            out.append(p[last:m.start()])
            out.append("-")
            last = m.start()
    p2 = "".join(out) + p[last:]
    offs = [i for i in range(len(p2) - 1) if p2[i] == "-" and p2[i + 1] == " " and p2[i - 1:i].isalpha()]
    return p2, offs


def make_doc(paras: list[str], style: str, width: int, hy: Hyphenator, rng: random.Random,
             negatives: list[int] | None = None):
    """Return (source, gold, broken gold tokens as list of (para_idx, word_idx)).

    ``negatives`` (webspace style only) receives the skeleton positions of dashes typed
    without their leading space (``X- Y``), which must stay as they are.
    """
    gold_paras = [" ".join(p.split()) for p in paras]
    broken: list[tuple[int, int]] = []
    out = []
    if style in ("hyphen", "lost", "soft", "plain"):
        for pi, p in enumerate(gold_paras):
            text, b = wrap_para(p.split(" "), width, style, hy, rng)
            out.append(text)
            broken += [(pi, wi) for wi in b]
        return "\n\n".join(out), "\n\n".join(gold_paras), broken
    for pi, p in enumerate(gold_paras):
        if style == "webspace":
            # legitimate suspended hyphen before a conjunction (``теле- және радиосюжеттер``):
            # made first, in gold and source alike, and kept as it is
            p = gold_paras[pi] = re.sub(r"(?<=\s)([а-яәіңғүұқөһ]{4,})(?= және )", r"\1-", p, count=1)
            p, offs = add_dash_negatives(p)
            gold_paras[pi] = p
            if negatives is not None:
                before = "\n\n".join(gold_paras[:pi]) + ("\n\n" if pi else "")
                q0 = sum(1 for c in before if c not in _SKIP)
                negatives += [q0 + sum(1 for c in p[:o] if c not in _SKIP) for o in offs]
        words = p.split(" ")
        new = []
        for wi, w in enumerate(words):
            pts = [q for q in hy.points(w) if w[q - 1] != "-" and w[q] != "-" and w[q - 1].isalpha() and w[q].isalpha()]
            if style == "websoft" and pts and rng.random() < 0.25:
                cut = sorted(rng.sample(pts, k=max(1, len(pts) // 2)))
                for q in reversed(cut):
                    w = w[:q] + SOFT + w[q:]
                broken.append((pi, wi))
            elif style == "webspace":
                r = rng.random()
                if w.endswith("-") or w == "және" or (wi and words[wi - 1].endswith("-")):
                    pass  # the suspended hyphen / dash and the word after it stay intact
                elif pts and r < 0.05:
                    q = rng.choice(pts)
                    w = w[:q] + "- " + w[q:]
                    broken.append((pi, wi))
                elif "-" in w.strip("-") and r < 0.5:
                    w = w.replace("-", "- ", 1)
                    broken.append((pi, wi))
            new.append(w)
        src = " ".join(new)
        out.append(src)
    return "\n\n".join(out), "\n\n".join(gold_paras), broken


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------
_SKIP = set(" \t\n\r\f-\u2010" + SOFT)


def skeleton_tokens(text: str) -> list[tuple[int, int, str]]:
    """Whitespace tokens as (skeleton start, skeleton end, token text without soft hyphens)."""
    out = []
    q = 0
    for m in re.finditer(r"\S+", text):
        tok = m.group().replace(SOFT, "")
        n = sum(1 for c in tok if c not in _SKIP)
        out.append((q, q + n, tok))
        q += n
    return out


def hyphen_positions(text: str) -> set[int]:
    """Skeleton indices q such that a hyphen sits right before skeleton character q."""
    out = set()
    q = 0
    pending = False
    for c in text:
        if c in "-\u2010":
            pending = True
        elif c in _SKIP:
            continue
        else:
            if pending:
                out.add(q)
            pending = False
            q += 1
    return out


# Hyphens of the *source texts* that are themselves typos: a word hyphenated in the middle by
# its author or crawler (``ауда-нының`` for ``ауданының``, ``мемле-кеттік`` for ``мемлекеттік``).
# The gold keeps them because gold = source text; joining them restores the correct word, so a
# join there is counted as ``gold_typo_hyphens_joined``, not as a destroyed real hyphen.
# Checked by hand: each joined form is an ordinary word (district's, state, complex, residents).
GOLD_TYPOS = frozenset(("ауда-нының", "мемле-кеттік", "ке-шендегі", "тұр-ғындарға"))

# The same, decided by a corpus vote instead of by hand (the dev/test split added many apertium
# lines with such hyphens: ``тура-лы``, ``ше-шімі``, ``қа-шықтықта``, ``орган-дардың``): a gold
# token ``X-Y`` (lower case, one hyphen, letters on both sides) whose joined form ``XY`` is written
# at least 3 times, and at least 3 times as often as ``X-Y``, in all of ../shared/data (NTREX,
# KazQAD, KazNERD, UD, apertium), and whose ``Y`` is not written alone 3 times (``бір-ақ``,
# ``келісім-шарттар`` are compounds). The vote never looks at dehyphenate's output.
_CORPUS_COUNTS: dict[str, int] | None = None
_CORE_STRIP = "«»“”\"'()[],.;:!?…"


def corpus_counts(shared: Path = SHARED) -> dict[str, int]:
    global _CORPUS_COUNTS
    if _CORPUS_COUNTS is None:
        import collections
        texts = []
        for line in (shared / "news" / "ntrex128_kaz.jsonl").open(encoding="utf-8"):
            texts.append(json.loads(line)["text"])
        for line in (shared / "other" / "kazqad_wiki" / "kazqad_val_passages.jsonl").open(encoding="utf-8"):
            texts.append(json.loads(line)["text"])
        for path in sorted((shared / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
            texts.append(path.read_text(encoding="utf-8"))
        for name in ("IOB2_valid.txt", "IOB2_test.txt"):
            texts.append(" ".join(ln.split(" ")[0] for ln in (shared / "kaznerd" / name).read_text(encoding="utf-8").splitlines()))
        for path in sorted((shared / "ud_kk_ktb").glob("*.conllu")):
            texts.append(" ".join(ln[9:] for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("# text = ")))
        c: collections.Counter[str] = collections.Counter()
        for t in texts:
            c.update(w.strip(_CORE_STRIP).lower() for w in t.replace(SOFT, "").split())
        _CORPUS_COUNTS = dict(c)
    return _CORPUS_COUNTS


def is_spelling_variant(core: str) -> bool:
    """``тура-лы``: the corpus writes ``туралы``; a hyphen inside an ordinary word."""
    w = core.lower()
    if w in GOLD_TYPOS:
        return True
    x, sep, y = w.partition("-")
    if not sep or "-" in y or not x.isalpha() or not y.isalpha() or not core[:1].islower():
        return False
    c = corpus_counts()
    joined = c.get(x + y, 0)
    # ``Y`` written alone is a word: a compound (``бір-ақ``, ``келісім-шарттар``), not a typo
    return joined >= 3 and joined >= 3 * c.get(w, 0) and c.get(y, 0) < 3


def _typo_positions(gold: str) -> set[int]:
    out = set()
    for s_, e_, tok in skeleton_tokens(gold):
        core = tok.strip(_CORE_STRIP)
        if "-" in core and is_spelling_variant(core):
            q = s_ + core.index("-")  # skeleton index of the character after the hyphen
            out.add(q)
    return out


def score(src: str, gold: str, out: str, broken: list[tuple[int, int]],
          negatives: list[int] | None = None) -> dict[str, int]:
    gt = skeleton_tokens(gold)
    ot = skeleton_tokens(out)
    oset = {(s, e, t) for s, e, t in ot}
    # gold token index by (para, word)
    paras = gold.split("\n\n")
    idx = {}
    k = 0
    for pi, p in enumerate(paras):
        for wi, _ in enumerate(p.split(" ")):
            idx[(pi, wi)] = k
            k += 1
    rep = sum(1 for b in broken if gt[idx[b]] in oset)
    out_bounds = {s for s, e, t in ot if e > s} | {e for s, e, t in ot}
    # gold boundaries between tokens that both have skeleton characters
    bounds = [gt[i][1] for i in range(len(gt) - 1) if gt[i][1] > gt[i][0] and gt[i + 1][1] > gt[i + 1][0]]
    glued = sum(1 for b in bounds if b not in out_bounds)
    # boundaries that sat at a line break in the source
    st = skeleton_tokens(src)
    src_line_bounds = set()
    q = 0
    for m in re.finditer(r"\S+|\s+", src):
        g = m.group()
        if g.isspace() or not g.strip(SOFT):
            if "\n" in g:
                src_line_bounds.add(q)
        else:
            q += sum(1 for c in g if c not in _SKIP)
    gold_bounds = set(bounds)
    lb = src_line_bounds & gold_bounds
    glued_lb = sum(1 for b in lb if b not in out_bounds)
    gh = hyphen_positions(gold)
    oh = hyphen_positions(out)
    # dashes typed without a leading space (``X- Y``): kept when the output still has the
    # hyphen and a word boundary there
    typo = (gh - oh) & _typo_positions(gold) if "-" in gold else set()
    negs = negatives or []
    neg_kept = sum(1 for q in negs if q in oh and q in out_bounds)
    para_gold = {gt[i][1] for i in range(len(gt) - 1)} & _para_bounds(gold)
    para_kept = len(para_gold & _para_bounds(out))
    return {
        "dash_negatives": len(negs), "dash_negatives_changed": len(negs) - neg_kept,
        "broken": len(broken), "repaired": rep,
        "boundaries": len(bounds), "glued": glued,
        "line_boundaries": len(lb), "glued_at_line": glued_lb,
        "real_hyphens": len(gh) - len(_typo_positions(gold)), "hyphens_destroyed": len(gh - oh) - len(typo),
        "gold_typo_hyphens_joined": len(typo), "hyphens_spurious": len(oh - gh),
        "para_breaks": len(para_gold), "para_kept": para_kept,
        "exact_docs": int(out == gold), "docs": 1, "chars": len(src),
    }


def _para_bounds(text: str) -> set[int]:
    out = set()
    q = 0
    for m in re.finditer(r"\S+|\s+", text):
        g = m.group()
        if g.isspace():
            if g.count("\n") >= 1:
                out.add(q)
        else:
            q += sum(1 for c in g if c not in _SKIP)
    return out


def score_pdf(shared: Path) -> dict[str, int]:
    """Real pdftotext output (no hyphenation): a line break removed without a space is a wrong glue."""
    path = shared / "pdf_extracted" / "kaznerd_guidelines" / "KazNERD_Annotation_Guidelines.pdftotext.txt"
    src = path.read_text(encoding="utf-8")
    out, al = dehyphenate(src, return_alignment=True)
    glued = joined = kept = 0
    # checks: clear mid-sentence wraps (previous line >= 70 characters, not ending a sentence,
    # next line starting lower case / ``[«(`` / a digit, no list marker) should become a space;
    # breaks next to a dot-leader table-of-contents line, and between two short lines
    # (table cells, one-word descriptor lists), must stay line breaks.
    wraps = wraps_done = toc = toc_joined = cells = cells_joined = 0
    for m in re.finditer(r"[ \t]*\n[ \t]*", src):
        if "\n\n" in src[m.start() - 1:m.end() + 1] or m.start() == 0 or m.end() >= len(src):
            continue
        a = al.to_dst(m.start(), "start")
        b = al.to_dst(m.end(), "end")
        repl = out[a:b]
        kept_here = "\n" in repl
        if kept_here:
            kept += 1
        elif repl == "":
            if src[m.start() - 1].isalnum() and src[m.end()].isalnum():
                glued += 1
        else:
            joined += 1
        prev = src[src.rfind("\n", 0, m.start()) + 1:m.start()].strip()
        end = src.find("\n", m.end())
        nxt = src[m.end():end if end >= 0 else len(src)].strip()
        if "...." in prev or "...." in nxt:
            toc += 1
            toc_joined += not kept_here
        elif prev and nxt and len(prev) <= 30 and len(nxt) <= 30:
            cells += 1
            cells_joined += not kept_here
        elif (len(prev) >= 70 and nxt and not prev.endswith((".", "!", "?", ":", ";"))
              and not nxt.startswith(("o ", "•")) and not re.match(r"\d+[.)]? ", nxt)
              and (nxt[0].islower() or nxt[0] in "[«(" or nxt[0].isdigit())):
            wraps += 1
            wraps_done += not kept_here
    return {"line_breaks": kept + joined + glued, "reflowed_to_space": joined, "kept": kept, "glued": glued,
            "clear_wraps": wraps, "clear_wraps_reflowed": wraps_done, "toc_breaks": toc,
            "toc_breaks_joined": toc_joined, "short_line_breaks": cells, "short_line_breaks_joined": cells_joined,
            "chars": len(src)}


def run(shared: Path, verbose: bool = False, splits: tuple[str, ...] = SPLITS,
        styles: tuple[str, ...] = STYLES) -> dict:
    rng = random.Random(SEED)
    hy = Hyphenator(shared / "hyphenation" / "hyph-kk.pat.txt")
    corpus_counts(shared)
    groups = load_docs(shared, rng, splits)
    results: dict = {}
    examples = []
    t0 = time.perf_counter()
    for group, docs in groups.items():
        for style in styles:
            widths = WIDTHS if style not in ("websoft", "webspace") else (0,)
            for width in widths:
                tot: dict[str, int] = {}
                for di, paras in enumerate(docs):
                    drng = random.Random(f"{SEED}-{group}-{style}-{width}-{di}")
                    negs: list[int] = []
                    src, gold, broken = make_doc(paras, style, width, hy, drng, negs)
                    out = dehyphenate(src)
                    s = score(src, gold, out, broken, negs)
                    for k, v in s.items():
                        tot[k] = tot.get(k, 0) + v
                    if verbose and out != gold and len(examples) < 400:
                        examples.append(_diff(gold, out, group, style, width))
                results[f"{group}/{style}/{width or 'web'}"] = tot
    results["pdf_extracted/kaznerd_guidelines"] = score_pdf(shared)
    results["_seconds"] = round(time.perf_counter() - t0, 2)
    if verbose:
        results["_examples"] = examples
    return results


def _diff(gold: str, out: str, *tag) -> str:
    g, o = gold.split(" "), out.split(" ")
    import difflib
    sm = difflib.SequenceMatcher(a=g, b=o, autojunk=False)
    bits = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            bits.append(f"{' '.join(g[i1:i2])!r} -> {' '.join(o[j1:j2])!r}")
    return "/".join(map(str, tag)) + ": " + "; ".join(bits[:6])


def _rates(t: dict[str, int]) -> dict[str, float]:
    """Broken words, % repaired and % wrongly glued (all boundaries / at source line breaks)."""
    return {
        "broken_words": t["broken"],
        "repaired_pct": round(100 * t["repaired"] / max(1, t["broken"]), 3),
        "wrong_glue_pct_all_boundaries": round(100 * t["glued"] / max(1, t["boundaries"]), 4),
        "wrong_glue_pct_line_boundaries": round(100 * t["glued_at_line"] / max(1, t["line_boundaries"]), 4),
    }


def summarize(results: dict) -> dict:
    def agg(keys):
        tot: dict[str, int] = {}
        for k in keys:
            for a, v in results[k].items():
                tot[a] = tot.get(a, 0) + v
        return tot

    def synth(k: str) -> bool:
        return "/" in k and not k.startswith("pdf")

    def style_of(k: str) -> str:
        return k.split("/")[-2]

    splits = [sp for sp in SPLITS if any(k.startswith(sp + "/") for k in results)]
    summ = {}
    subsets = {}
    for sp in splits:
        subsets[f"{sp}: all synthetic"] = lambda k, sp=sp: k.startswith(sp + "/")
        subsets[f"{sp}: NTREX/KazQAD (held out of the lexicon)"] = lambda k, sp=sp: k.startswith(sp + "/ntrex-kazqad/")
        subsets[f"{sp}: apertium (never in the lexicon)"] = lambda k, sp=sp: k.startswith(sp + "/apertium/")
    subsets["in-lexicon NTREX (easy, for comparison)"] = lambda k: k.startswith("in-lexicon/")
    for name, pred in subsets.items():
        keys = [k for k in results if synth(k) and pred(k)]
        t = agg(keys)
        summ[name] = {
            **_rates(t),
            "real_hyphens": t["real_hyphens"],
            "real_hyphens_destroyed": t["hyphens_destroyed"],
            "gold_typo_hyphens_joined": t["gold_typo_hyphens_joined"],
            "spurious_hyphens": t["hyphens_spurious"],
            "para_breaks_kept_pct": round(100 * t["para_kept"] / max(1, t["para_breaks"]), 2),
            "docs_exact_pct": round(100 * t["exact_docs"] / max(1, t["docs"]), 2),
        }
    for sp in splits:
        for style in STYLES:
            keys = [k for k in results if synth(k) and k.startswith(sp + "/") and style_of(k) == style]
            if not keys:
                continue  # --styles left it out
            t = agg(keys)
            summ[f"{sp}: style {style}"] = {
                **_rates(t),
                "real_hyphens_destroyed": t["hyphens_destroyed"],
                "gold_typo_hyphens_joined": t["gold_typo_hyphens_joined"],
            }
            if t.get("dash_negatives"):
                summ[f"{sp}: style {style}"]["dash_negatives"] = t["dash_negatives"]
                summ[f"{sp}: style {style}"]["dash_negatives_changed"] = t["dash_negatives_changed"]
    summ["pdf_extracted"] = results["pdf_extracted/kaznerd_guidelines"]
    return summ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", action="store_true", help="print differing words")
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both",
                    help="tune on dev; test is only for reporting (default: both)")
    ap.add_argument("--styles", default=",".join(STYLES),
                    help="comma-separated styles to run (default: all; a quick check while tuning)")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"missing {args.shared}", file=sys.stderr)
        return 1
    styles = tuple(st for st in args.styles.split(",") if st)
    if not styles or set(styles) - set(STYLES):
        print(f"--styles: choose from {','.join(STYLES)}", file=sys.stderr)
        return 2
    res = run(args.shared, verbose=args.examples, splits=SPLITS if args.split == "both" else (args.split,),
              styles=styles)
    summ = summarize(res)
    if args.examples:
        for e in res.get("_examples", []):
            print(e)
    print(json.dumps(summ, ensure_ascii=False, indent=1))
    print("seconds:", res["_seconds"])
    if args.json:
        args.json.write_text(json.dumps({"summary": summ, "detail": {k: v for k, v in res.items() if k != "_examples"}},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
