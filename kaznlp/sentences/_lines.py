"""Line breaks (headlines, wrapped print, one paragraph per line) and runs of spaces left by flattened lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.alphabet import LOWER, UPPER

from ._marks import (_HEADING_NUMBER, _LINE_END_CONTINUES, _NEWLINE, _OPENERS, _STRIP_INVISIBLE, _is_start,
                     _period_ends_sentence, _word_before)
from ._structure import _CLOSERS

# A line's end is read through what punctuation reads as part of its stop ("… келді.\x00").
_LINE_END_SKIP = frozenset(" \t" + _STRIP_INVISIBLE)


#: Lines of the crawl the news corpus comes from are cut at this many characters
CRAWL_LINE_CAP = 192
#: a cut line ends at a word boundary this close to the cap (182-191 characters in the dev files)
CRAWL_CAP_WINDOW = 14
# A line is "wrapped" (continues on the next line) when it is at least this long and at
# least this fraction of the longest line around it. Print columns are >= 25 characters.
WRAP_MIN_CHARS = 25
WRAP_RATIO = 0.6
# No print column is wider than this: a longer line is a paragraph, not a wrapped line (99 % of
# the wrapped lines of the KazNERD guidelines' pdftotext output are at most 109 characters; the
# apertium crawl cuts its lines at about 190).
WRAP_MAX_CHARS = 150
# Share of long lines ending in a stop above which text is one paragraph per line.
PARAGRAPH_RATIO = 0.3
PARAGRAPH_SAMPLE_LINES = 400  # lines read to decide it
PARAGRAPH_MIN_LINES = 4  # fewer lines say nothing (one wrapped paragraph of three lines is 1/3)
PARAGRAPH_MIN_STARTS = 6  # non-blank lines needed to read "almost none starts in lower case" (at most 10 %)


def _line_length(text: str, start: int, end: int) -> int:
    """Length of the stripped line ``text[start:end]`` (0 when blank)."""
    return len(text[start:end].strip())


_TAG_REMNANT = re.compile(r"</?(?:[A-Za-z]{1,10}>?)?\Z")


def _one_paragraph_per_line(text: str, held: Sequence[int] = ()) -> bool:
    """Is ``text`` written one paragraph per line (crawled web text), not wrapped (print, PDF)?

    In wrapped text most full lines stop in mid-sentence (15 % of the KazNERD guidelines'
    pdftotext lines end in a stop); in crawled pages a line is a paragraph and most end in
    one (the apertium news files: 50-100 %). When at least 30 % of the lines of 25 or more
    characters end in ``.!?…:;`` (and there are at least four) a line break after a line without a stop ends the sentence
    too: the crawl cut the paragraph there (``…құжаттарды тапсыруға`` /
    ``Бұл үшін сайтқа кіріп…``). A line that ends in a period of ``held`` (an abbreviation or
    initials that punctuation does not take as a sentence end: ``… бюджеттен 5 млн.``) does not
    count as ending in a stop: print wraps after such words as after any other.
    """
    long_lines = ends = starts = lower_starts = 0
    lines = text.split("\n", PARAGRAPH_SAMPLE_LINES)
    if len(lines) > PARAGRAPH_SAMPLE_LINES:
        lines.pop()  # the rest of a long text: the first lines tell how it is written
    held_ends = set(held)
    pos = 0  # offset of the line in text
    for line in lines:
        line_start, pos = pos, pos + len(line) + 1
        if len(line) >= WRAP_MIN_CHARS:
            line = line.rstrip()
            if len(line) >= WRAP_MIN_CHARS:
                long_lines += 1
                last = line[-1]
                if last in "<>" or last.isalpha() and "<" in line[-12:]:
                    # a markup remnant the crawl left after the stop ("… тағайындалды.</seg>",
                    # "… жасау.</seg"): read the line end before it, as the punctuation rules do
                    tag = _TAG_REMNANT.search(line, len(line) - 12)
                    if tag is not None:
                        line = line[:tag.start()]
                        last = line[-1:]
                if last in _CLOSERS:
                    last = line.rstrip(_CLOSERS)[-1:]
                elif last == "." and held_ends and line_start + len(line) - 1 in held_ends:
                    long_lines -= 1  # "… 5 млн." ends no sentence: no evidence either way
                    continue
                if last != "" and last in ".!?…:;":
                    ends += 1
                elif last in _LINE_END_SKIP:
                    last = line.rstrip(_STRIP_INVISIBLE).rstrip()[-1:]
                    ends += last != "" and last in ".!?…:;"
    if long_lines >= PARAGRAPH_MIN_LINES and ends >= PARAGRAPH_RATIO * long_lines:
        return True
    for line in lines:  # (only when the line ends did not decide)
        first = line.lstrip()[:1]
        if first:
            starts += 1
            lower_starts += first.islower()
    # lines that almost never start in lower case are not wrapped prose either (a staff list, a
    # page of headlines and cut lines, a table of contents): wrapped prose breaks its lines
    # inside sentences, mostly before a lower-case word
    return starts >= PARAGRAPH_MIN_STARTS and lower_starts * 10 <= starts


def _starts_item(text: str, k: int) -> bool:
    """Does the line at ``k`` open a list item or a new unit (a capital, a digit, a dash, a quote)?"""
    while k < len(text) and text[k] in " \t":
        k += 1
    return k < len(text) and (text[k].isupper() or text[k].isdigit() or text[k] in "-–—•*«“\"(")


# A line break after no stop before a non-blank line, or before a lower-case or blank line (group 1).
_LINE_STARTS = re.compile(rf"\n(?:(?<![.!?…\n]\n)(?=[^\S\n]*\S)|(?=[^\S\n]*[\n{LOWER}]))(?=[^\S\n]*([\n{LOWER}])?)")


def _heading_label(text: str, dot: int) -> bool:
    """Is the word before the period at ``dot`` a numbered heading label (``2-тарау.``, ``4-бап.``)?"""
    word = text[_word_before(text, dot):dot].lstrip(_OPENERS)
    return word[:1].isdigit() and _HEADING_NUMBER.fullmatch(word) is not None


def _line_boundaries(text: str, held: Sequence[int] = (), blank: set[int] | None = None) -> list[int]:
    """Offsets of single line breaks that end a sentence (headlines, widgets, lists: docs/sentences.md,
    "Line breaks"). A line is compared with the longest of the line before it, the two after it and
    itself (the column width of wrapped text). ``held``: periods at a line end that punctuation does not
    take as a sentence end (``Қостанай қ.``); such a line end is judged like one without a stop.
    ``blank`` gets the blank lines.
    """
    n = len(text)
    paragraphs = None  # computed when first needed
    # the only line ends after a stop that are read here: line breaks before a lower-case line
    # (-> the start of that line) and after a held period (-> 0)
    special: dict[int, int] = {}
    out: list[int] = []
    breaks: list[int] = []
    add = out.append if blank is None else blank.add
    closing = -1
    for m in _LINE_STARTS.finditer(text):
        i, line = m.start(), m.start(1)
        if line < 0:
            breaks.append(i)
        elif text[line] != "\n":
            special[i] = line
            if not i or text[i - 1] not in ".!?…\n":
                breaks.append(i)
        elif i != closing:
            add(i)
            closing = line
    for dot in held:
        special.setdefault(text.find("\n", dot), 0)
    # the line breaks to read: those not right after a stop (found by the regex, no Python work for
    # the commonest line end, "." then "\n"), and the special ones right after a stop
    after_stop = [i for i in special if i > 0 and text[i - 1] in ".!?…\n" and _NEWLINE.match(text, i)]
    if after_stop:
        breaks = sorted(breaks + after_stop)
    for i in breaks:
        j = i
        while j and text[j - 1] in " \t":
            j -= 1
        if not j:
            continue
        last = text[j - 1]
        if i in special and last in _LINE_END_SKIP:  # (before a lower-case line)
            while j and text[j - 1] in _LINE_END_SKIP:
                j -= 1
            if not j:
                continue
            last = text[j - 1]
        if last in ".!?…\n":
            k = special.get(i)
            if k is None:
                continue  # terminal punctuation decides; a blank line is a paragraph break
            if k:
                if last not in ".!?" or text[j - 2:j - 1] in (".", "!", "?", ""):
                    continue
                # a stop at a line end before a lower-case line: punctuation leaves it (a
                # sentence running on), but one-paragraph-per-line text never wraps a sentence:
                # the line is a list item or a paragraph whose start the crawl cut
                # ("… өтінішке қоса беріледі." / "жеке куәліктің көшірмесі …")
                if paragraphs is None:
                    paragraphs = _one_paragraph_per_line(text, held)
                if paragraphs and (last != "." or _period_ends_sentence(text, j - 1, k)):
                    out.append(k)
                continue
            if last != "." or _heading_label(text, j - 1):
                continue
        if last in _LINE_END_CONTINUES:
            if paragraphs is None:
                paragraphs = _one_paragraph_per_line(text, held)
            # an opening bracket or quote ends a line of one-paragraph-per-line text only where the
            # crawl cut it at its line cap ("… Ереван қаласында (" at 185 characters / "Есеп комитеті …":
            # every such line end in the dev apertium files is 185-192 characters into its line)
            cut = paragraphs and last in "(«“„" and (
                CRAWL_LINE_CAP - CRAWL_CAP_WINDOW <= _line_length(text, text.rfind("\n", 0, i) + 1, i) <= CRAWL_LINE_CAP)
            if not (last in ";:" or paragraphs and last not in "(«“„" or cut) or not _starts_item(text, i + 1):
                continue
            # a list: "Құжаттар:" / "1. Өтініш." / "Жеке куәлік;" / "Еуразия ұлттық университеті;";
            # in one-paragraph-per-line text, a paragraph the crawl cut after a comma or at its cap
            out.append(i + 1)
            continue
        if last in "»”\"')" and text[j - 2:j - 1] in (".", "!", "?", "…"):
            continue
        k = i + 1
        while text[k] in " \t":
            k += 1
        first = text[k]
        if first.islower() or first in ",;:)»”":
            continue  # a sentence running on
        if paragraphs is None:
            paragraphs = _one_paragraph_per_line(text, held)
        if paragraphs:
            out.append(k)
            continue
        p1 = text.rfind("\n", 0, i) + 1
        prev_len = _line_length(text, p1, i)
        if WRAP_MIN_CHARS <= prev_len <= WRAP_MAX_CHARS:
            e1 = text.find("\n", k)
            e1 = n if e1 < 0 else e1
            e2 = text.find("\n", e1 + 1) if e1 < n else -1
            e2 = n if e2 < 0 else e2
            p0 = text.rfind("\n", 0, p1 - 1) + 1 if p1 else 0
            width = max(prev_len, _line_length(text, k, e1), _line_length(text, e1, e2),
                        _line_length(text, p0, p1))
            if prev_len >= WRAP_RATIO * width:
                continue  # a full line of wrapped text
        out.append(k)
    return out


# The closing tag of a block of a markup dump (a TMX segment, an HTML paragraph, list item, cell
# or heading) glued to the word before it, then white space and a sentence start. Inline tags
# (</b>, </a>, </span>) close inside a sentence and are left out. Led by the literal "</".
_BLOCK_END = re.compile(rf"</(?:seg|prop|tuv|tu|p|div|li|td|th|tr|h[1-6]|title|dd|dt|blockquote)>"
                        rf"(?=[^\S\n]+(?:[«“\"]?[{UPPER}\d]|&gt;|&#8226;|&bull;|[•*–—-][^\S\n]))")


def _block_end_boundaries(text: str) -> list[int]:
    """A closing block tag flattened into a line ends a sentence (docs/sentences.md, "The terminal patterns")."""
    return [m.end() for m in _BLOCK_END.finditer(text) if m.start() and not text[m.start() - 1].isspace()]


# A run of two or more spaces after a word, before a sentence start: the trace of an emptied
# line in text whose line breaks were flattened to spaces (a web page, "Жаңалықтар  24 тамыз
# 2015"). Found from the literal "  " (fast search).
_SPACE_RUN = re.compile(r"  +(?=\S)")
_RUN_THEN = re.compile(r"  +(\S)")
SPACE_RUN_SAMPLE = 64  # runs read to decide whether runs are flattened line breaks
_NO_END_BEFORE_RUN = ",(«“„‐‑-"


def _space_runs_break(text: str) -> bool:
    """Is a run of two or more spaces a flattened line break in ``text`` ?

    It is when such runs stand mostly before a sentence start: in flattened web text a run is
    an emptied line (``… МЕМЛЕКЕТТІК ТУЫ  4-бап. …``), while justified print (``pdftotext
    -layout``) pads words everywhere, before lower-case words too. No run at all in a line of
    the 3.7 MB apertium news corpus, NTREX or the KazQAD passages follows a word and precedes a
    capital, and none in UD KTB: within a line, such a run is not a typing habit. Only a
    text with no line break at all is read so: one that kept its line breaks kept its empty
    lines too.
    """
    if "\n" in text or "  " not in text:
        return False  # a text that kept its line breaks did not flatten its empty lines
    starts = lower = seen = 0
    for m in _RUN_THEN.finditer(text):
        c = m.group(1)
        if c.islower():
            lower += 1
        elif c.isupper() or c.isdigit():
            starts += 1
        seen += 1
        if seen == SPACE_RUN_SAMPLE:
            break  # the first runs tell how the text is written
    return starts > 0 and lower * 4 <= starts


def _space_run_boundaries(text: str) -> list[int]:
    """Runs of two or more spaces inside a line that end a sentence (flattened line breaks).

    ``Басты бет » Жаңалықтар  12 наурыз 2016  Бүгін қала әкімі …`` is a
    page whose lines were joined with spaces: each emptied line left two. A run ends a
    sentence before a capital, a digit, an opening quote or bracket, a bullet or a dialogue
    dash when the text does not pad words (the caller checks :func:`_space_runs_break`) and
    the line before it does not end in a comma, a hyphen or an opening bracket or quote (as a
    line break would not). Kazakh example:
    ``… бекітілсін.  2-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР  4-бап. …`` ends after
    ``ЕРЕЖЕЛЕР``.
    """
    out = []
    for m in _SPACE_RUN.finditer(text):
        a, k = m.start(), m.end()
        if not a or text[a - 1] in _NO_END_BEFORE_RUN or text[a - 1] == "\n" or text[k] == "\n":
            continue
        c = text[k]
        if c.isupper() or c.isdigit() or c in "«“„\"(•*" or c in "–—-" and _is_start(text, k):
            out.append(k)  # (not before a symbol: "5  %-ға" is a padded unit)
    return out
