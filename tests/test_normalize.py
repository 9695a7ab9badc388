"""Tests for kaznlp.normalize: real damage from the shared data, never-damage controls,
explain(), offsets, options, and hypothesis properties."""

from __future__ import annotations

import lzma
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kaznlp._data import read_text
from kaznlp.alignment import apply_edits
from kaznlp.normalize import KINDS, Edit, explain, normalize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

# --- real damage seen in /work/shared/data (README "Encoding and other surprises") ----------
REPAIRS = [
    ("Aстана", "Астана"),                                   # KazNERD, Latin A
    ("Tаза", "Таза"),
    ("Kинопарк", "Кинопарк"),
    ("Maзда", "Мазда"),                                     # Latin M and a
    ("кардиоxирургиялық", "кардиохирургиялық"),             # Latin x
    ("әлемдегі жаhан", "әлемдегі жаһан"),                   # Latin h for һ
    ("мемлекеттiк қызмет", "мемлекеттік қызмет"),           # Latin i (apertium, hundreds)
    ("Cүтсорғышты", "Сүтсорғышты"),                         # NTREX, Latin C
    ("Cаяси Mоливуд", "Саяси Моливуд"),
    ("жəне", "және"),                                       # Latin schwa U+0259
    ("ƏЛЕМ", "ӘЛЕМ"),
    ("Республикасыныӊ", "Республикасының"),                 # Khanty en with tail
    ("Респуб\u00adликасы", "Республикасы"),                 # soft hyphen (apertium)
    ("бар\u00adлық мүм\u00adкіндік", "барлық мүмкіндік"),
    ("Астана\u00a0қаласы", "Астана қаласы"),                # no-break space
    ("22\u202f827 теңге", "22 827 теңге"),                  # narrow no-break space
    ("\ufeffҚазақстан", "Қазақстан"),                       # BOM
    ("Қа\u200bзақ\u2060стан", "Қазақстан"),                 # zero-width space, word joiner
    ("и\u0306ә", "йә"),                                     # decomposed й
    ("ҚАУIПСIЗДIК ҚЫЗМЕТI", "ҚАУІПСІЗДІК ҚЫЗМЕТІ"),         # Latin capital I
    ("ұлттық MIHCIЗ ҚЫЗМЕТ", "ұлттық МІНСІЗ ҚЫЗМЕТ"),        # apertium: Latin M I H C I + Cyrillic З
    ("кохаϵмо", "кохаємо"),                                 # KazNERD valid: Greek lunate epsilon
    ("ТљР°Р·Р°Т›СЃС‚Р°РЅ", "Қазақстан"),                       # UTF-8 read as cp1251
    ("РљР°Р·Р°Т›СЃС‚Р°РЅ", "Казақстан"),                       # the issue's example: its first letter is К
    ("Ќазаќстан Республикасы", "Қазақстан Республикасы"),   # KZ-1048 read as cp1251
]


@pytest.mark.parametrize("damaged,clean", REPAIRS)
def test_repairs_real_damage(damaged: str, clean: str) -> None:
    assert normalize(damaged) == clean
    assert normalize(clean) == clean


def test_mojibake_whole_sentences() -> None:
    clean = "«Мобильдік үкімет» жобасы – 2016 жылы 100-ге жетеді, деді Ә.Әбілқасымова."
    sloppy = "".join(bytes([b]).decode("cp1251") if b != 0x98 else "\x98" for b in clean.encode("utf-8"))
    assert normalize(sloppy) == clean
    assert normalize(clean.encode("kz1048").decode("cp1251")) == clean
    # the no-break space inside "Р" (D0 A0) turned into a plain space by some other tool
    assert normalize("Р РµСЃРїСѓР±Р»РёРєР°СЃС‹") == "Республикасы"


# --- never damage legitimate text -----------------------------------------------------------
UNCHANGED = [
    "IACA мен DIFC Courts өкілдері кездесті.",
    "Толығырақ Egemen.kz сайтында: https://egemen.kz/article/123?id=5&lang=kk",
    "Хат жіберіңіз: press@akorda.kz немесе info@gov.kz",
    "YouTube-тағы видео, Boeing-тың ұшағы, eGov-тан анықтама, COVID-19-дың таралуы",
    "XXI ғасыр, ХХІ ғасыр, XIX ғасырдың соңы, IV тарау, ІІ дәрежелі",
    "Су молекуласы H₂O, көмірқышқыл газ CO2, температура 25 °C, қуаты 5 kW, pH 7,4",
    "Президент Казахстана провёл встречу с министром иностранных дел.",
    "Qazaqstan Respublikasynyñ memlekettık tılı – qazaq tılı.",
    "Україна і Казахстан підписали угоду про співпрацю.",
    "Скопје е главен град на Северна Македонија.",
    "Беларусь знаходзіцца ў Усходняй Еўропе.",
    "Сіз бен біз «Нұр Отан» партиясының съезіне қатыстық.",
    "Отбасы 👨\u200d👩\u200d👧 суреті",
    "Жол\tжиегі\nжаңа жол\r\nсоңы",
    "ҚР-да 63%-ы, т.б., 1990 ж., 39,0 млрд. теңге, № 483-ІV Заңы",
    "",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_never_damages(text: str) -> None:
    assert normalize(text) == text
    assert [e for e in explain(text) if e.kind != "suspect"] == []


@pytest.mark.parametrize(
    "word,note",
    [
        ("Мы iдем домой", "Russian"),                        # Russian word with Latin i: ambiguous
        ("ХIХ ғасыр", "Roman"),                              # mixed-script Roman numeral
        ("IMAXқа барамыз", "glued"),                         # Latin acronym glued to a suffix
        ("ҚазАқпарат - OAНA агенттігі", "mostly Latin"),     # OANA with Cyrillic Н
    ],
)
def test_ambiguous_words_left_and_reported(word: str, note: str) -> None:
    assert normalize(word) == word
    suspects = [e for e in explain(word) if e.kind == "suspect"]
    assert suspects and any(note.lower() in e.note.lower() for e in suspects)
    for e in suspects:
        assert word[e.start:e.end] == e.before == e.after


def test_glued_word_repairs_only_the_cyrillic_part() -> None:
    assert normalize("медалімен жəнеIII дәрежелі") == "медалімен жәнеIII дәрежелі"


# --- explain ------------------------------------------------------------------------------
def test_explain_reports_every_edit_with_original_offsets() -> None:
    text = "Aстана\u00a0мемлекеттiк жəне бар\u00adлық и\u0306ә"
    edits = explain(text)
    assert all(isinstance(e, Edit) and e.kind in KINDS for e in edits)
    got = [(e.start, e.end, e.kind, e.before, e.after) for e in edits]
    assert got == [
        (0, 1, "homoglyph", "A", "А"),
        (6, 7, "space", "\u00a0", " "),
        (16, 17, "kazakh_letter", "i", "і"),
        (20, 21, "kazakh_letter", "ə", "ә"),
        (27, 28, "invisible", "\u00ad", ""),
        (32, 34, "unicode", "и\u0306", "й"),
    ]
    for e in edits:
        assert text[e.start:e.end] == e.before
    assert apply_edits(text, [(e.start, e.end, e.after) for e in edits])[0] == normalize(text)


def test_explain_mojibake_edit_covers_the_damaged_word() -> None:
    text = "Бүгін ТљР°Р·Р°Т›СЃС‚Р°РЅ"
    (edit,) = explain(text)
    assert (edit.start, edit.end, edit.kind, edit.after) == (6, len(text), "mojibake", "Қазақстан")


# --- alignment ---------------------------------------------------------------------------
def test_alignment_maps_tokens_back_to_caller_text() -> None:
    text = "Aстана\u00a0қаласындағы бар\u00adлық мемлекеттiк\u200b мекемелер"
    out, al = normalize(text, return_alignment=True)
    assert out == "Астана қаласындағы барлық мемлекеттік мекемелер"
    surfaces = [text[slice(*al.span_to_src(*m.span()))] for m in re.finditer(r"\w+", out)]
    assert surfaces == ["Aстана", "қаласындағы", "бар\u00adлық", "мемлекеттiк", "мекемелер"]
    # a span of several words keeps the original spacing and invisible characters
    assert text[slice(*al.span_to_src(0, 18))] == "Aстана\u00a0қаласындағы"


def test_clean_text_fast_path_returns_same_object() -> None:
    text = "Қазақстан Республикасының Президенті «Астана» қаласында 2015 жылы сөз сөйледі."
    assert normalize(text) is text
    out, al = normalize(text, return_alignment=True)
    assert out is text and al.is_identity


# --- options ------------------------------------------------------------------------------
def test_each_step_can_be_switched_off() -> None:
    text = "Aстана жəне бар\u00adлық\u00a0и\u0306"
    assert normalize(text, homoglyphs=False) == "Aстана және барлық й"
    assert normalize(text, kazakh_letters=False) == "Астана жəне барлық й"
    assert normalize(text, invisible=False) == "Астана және бар\u00adлық й"
    assert normalize(text, spaces=False) == "Астана және барлық\u00a0й"
    assert normalize(text, nfc=False) == "Астана және барлық и\u0306"
    assert normalize("РљР°Р·Р°Т›", mojibake=False) == "РљР°Р·Р°Т›"


def test_quotes_and_dashes_are_opt_in() -> None:
    text = "Ол „Қазақстан“ және \"Астана\" деді: 2010\u20112015, \u221215 °C"
    assert normalize(text) == text
    assert normalize(text, quotes=True, dashes=True) == "Ол «Қазақстан» және «Астана» деді: 2010-2015, -15 °C"
    kinds = {e.kind for e in explain(text, quotes=True, dashes=True)}
    assert kinds == {"quote", "dash"}


def test_bad_arguments() -> None:
    for bad in (b"\xd0\x9a", None, 42, ["текст"]):
        with pytest.raises(TypeError, match=r"kaznlp\.normalize\(\) expects str"):
            normalize(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"kaznlp\.explain\(\) expects str"):
            explain(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="quotes"):
        normalize("мәтін", quotes="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize("мәтін", unknown=True)  # type: ignore[call-arg]


# --- hypothesis properties ---------------------------------------------------------------------
WORDS = [
    "Қазақстан", "Республикасы", "мемлекеттік", "қызметі", "үшін", "және", "Астана", "Президенті",
    "әлеуметтік", "бірлестік", "жаһандық", "кәсіпкерлік", "өңірдің", "ұлттық", "экономикасы", "медаль",
    "соңғы", "Мәжіліс", "ТӘУЕЛСІЗДІК", "ҚЫЗМЕТІ", "жылы", "сайлау", "Үкімет", "туралы", "ережесі",
    "кардиохирургиялық", "Мазда", "Таза", "ақпарат", "ЖШС", "ҚР-ның", "2015", "63%-ы",
    "YouTube-тағы", "IACA", "Egemen.kz", "XXI", "ХХІ",
]
HOMO = {"а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "А": "A", "В": "B", "С": "C",
        "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X"}
KAZ = {"і": "i", "І": "I", "ә": "ə", "Ә": "Ə", "ң": "ӊ", "һ": "h"}
INVIS = ["\u00ad", "\u200b", "\u2060", "\u200e"]
SPACES = ["\u00a0", "\u2009", "\u202f", "\u3000"]


@st.composite
def damaged_texts(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int, int, int]]]:
    """A clean text of real words, the same text with damage, and each word's (clean, damaged) spans."""
    words = ["Қазақстан"] + draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    clean_parts, dmg_parts, spans = [], [], []
    pos = cpos = 0
    for k, w in enumerate(words):
        sep = " " if k else ""
        dsep = draw(st.sampled_from(SPACES)) if k and draw(st.booleans()) else sep
        clean_parts.append(sep + w)
        cpos += len(sep)
        dmg_parts.append(dsep)
        pos += len(dsep)
        d = w
        op = draw(st.sampled_from(["none", "homo", "kaz", "invis", "nfd"]))
        letters = all(c.isalpha() for c in w) and not re.fullmatch(r"[IVXLCDMІХ]+", w)
        if letters and op == "homo":
            idx = [i for i, c in enumerate(w) if c in HOMO]
            if idx and len(w) > 3:
                i = draw(st.sampled_from(idx))
                d = w[:i] + HOMO[w[i]] + w[i + 1:]
        elif letters and op == "kaz":
            d = "".join(KAZ.get(c, c) for c in w)
        elif op == "invis" and len(w) >= 4:
            i = draw(st.integers(1, len(w) - 1))
            d = w[:i] + draw(st.sampled_from(INVIS)) + w[i:]
        elif op == "nfd" and "й" in w:
            d = w.replace("й", "и\u0306")
        dmg_parts.append(d)
        spans.append((cpos, cpos + len(w), pos, pos + len(d)))
        pos += len(d)
        cpos += len(w)
    return "".join(clean_parts), "".join(dmg_parts), spans


PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_offsets(src: str, out: str, al) -> None:
    """Every source offset maps into the output monotonically and maps back to itself, except
    offsets inside a stretch that an edit replaced or deleted (they map back to that stretch's edge)."""
    edits = sorted((e for e in explain(src) if e.kind != "suspect"), key=lambda e: (e.start, e.end))
    regions: list[list[int]] = []          # touching edits form one replaced stretch
    for e in edits:
        assert 0 <= e.start <= e.end <= len(src)
        if regions and e.start <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], e.end)
        else:
            regions.append([e.start, e.end])
    prev = 0
    for p in range(len(src) + 1):
        q = al.to_dst(p)
        assert prev <= q <= len(out)
        prev = q
        back = al.to_src(q)
        if back != p:
            lo, hi = min(p, back), max(p, back)
            assert any(a <= lo and hi <= b for a, b in regions), (p, back)


@PROFILE
@given(damaged_texts())
def test_property_repair_and_token_offsets(case: tuple[str, str, list[tuple[int, int, int, int]]]) -> None:
    clean, damaged, spans = case
    out, al = normalize(damaged, return_alignment=True)
    assert out == clean
    assert (al.src_len, al.dst_len) == (len(damaged), len(out))
    # every word of the output maps back to exactly the damaged surface it came from, and back again
    for cs, ce, ds, de in spans:
        assert al.span_to_src(cs, ce) == (ds, de)
        assert al.span_to_dst(ds, de) == (cs, ce)
    _check_offsets(damaged, out, al)
    assert normalize(out) == out


@PROFILE
@given(st.text(max_size=300))
def test_property_any_string(text: str) -> None:
    out, al = normalize(text, return_alignment=True)
    assert isinstance(out, str)
    assert (al.src_len, al.dst_len) == (len(text), len(out))
    assert normalize(out) == out
    _check_offsets(text, out, al)


KAZ_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ"
NASTY = "aAcCeEiIhHoOpPxXyMTKB \u00ad\u00a0\u200b\u200d\u0306\u0308əӊϵ«»“”„\"–—‐−РСТУВЉЊЌЋЏђќћџЎўЈЅѕЇїЄєҐґ\x98\n\r"


@PROFILE
@given(st.text(alphabet=st.sampled_from(KAZ_ALPHABET + NASTY), max_size=200))
def test_property_idempotent_on_adversarial_mixtures(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert normalize(text, quotes=True, dashes=True) == normalize(normalize(text, quotes=True, dashes=True),
                                                                  quotes=True, dashes=True)


def test_no_exception_for_odd_strings() -> None:
    odd = [
        "\ud800", "a\udfffб", "\x00\x01\x7f\x85\x9f", "\u202eқазақ\u202c", "\U0001F600" * 10,
        "мемлекеттiк " * 20000, "Р" * 5000, "Рё" * 3000, "\u0306" * 100, "\r\n" * 100,
    ]
    for t in odd:
        out, al = normalize(t, return_alignment=True)
        assert al.src_len == len(t) and al.dst_len == len(out)
        explain(t)


# --- acceptance test set built from ../shared (skipped without it) ------------------------------
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not available")
def test_acceptance_testset_from_shared_data() -> None:
    from benchmarks.testsets import normalize_testset as ts
    summary, fails = ts.evaluate(ts.build(ts.SEED))
    assert summary["damaged_sentences"] >= 3000
    assert summary["exact_repair_rate"] >= 0.99, fails[:5]
    assert summary["negative_controls_changed"] == 0, fails[:5]
    assert summary["all_injected_damage_reported_by_explain"] >= summary["exact_repair"]


# --- HTML entities (issue 14 item 4) -------------------------------------------------------------
# sentences written for the test in the shape of the crawled pages (entities left in the text)
AMANULLA = "1998-1999жылы ол туған ауылдағы &quot;Аманулла&quot; мешітіне жиі баратын."
HTML_REPAIRS = [
    (AMANULLA, '1998-1999жылы ол туған ауылдағы "Аманулла" мешітіне жиі баратын.'),
    ("Сайтқа кіріп, &quot;Өтінім жіберу&quot; батырмасын басыңыз.",
     'Сайтқа кіріп, "Өтінім жіберу" батырмасын басыңыз.'),
    ("&laquo;Нұр Отан&raquo; партиясы", "«Нұр Отан» партиясы"),
    ("&#171;Қазақстан темір жолы&#187; АҚ", "«Қазақстан темір жолы» АҚ"),
    ("2010&#x2013;2015 жылдары", "2010–2015 жылдары"),
    ("2010&ndash;2015 жж. &mdash; бағдарлама", "2010–2015 жж. — бағдарлама"),
    ("Астана&nbsp;қаласы", "Астана қаласы"),                   # &nbsp; → U+00A0 → the space step
    ("AT&amp;T компаниясы", "AT&T компаниясы"),
    ("&#150; деді ол", "– деді ол"),                            # HTML5: 0x80-0x9F read as cp1252
    ("бағасын&amp;n…", "бағасын&n…"),                           # cut off by the crawler: "&n…" stays
    ("&amp;quot;Қазақстан&amp;quot;", '"Қазақстан"'),           # double escape: decoded fully
    ("&amp;amp;laquo;Астана&amp;amp;raquo;", "«Астана»"),
    ("&amp;#171;Астана&#38;#187;", "«Астана»"),
    ("&lt;Қазақстан&gt; &quot;Астана&quot;", '<Қазақстан> "Астана"'),   # no literal tag: decoded
    ("&lt;p&gt;Қазақстан&lt;/p&gt;", "<p>Қазақстан</p>"),       # escaped markup is text: decoded
]


@pytest.mark.parametrize("damaged,clean", HTML_REPAIRS)
def test_html_entities_decoded(damaged: str, clean: str) -> None:
    assert normalize(damaged) == clean
    assert normalize(clean) == clean                            # idempotent
    assert normalize(damaged, html_entities=True) == clean


HTML_LEFT = [
    "&quot Қазақстан",              # no ";": left (strict)
    "Қ&Ж серіктестігі",             # a bare "&"
    "&foo; &Қазақ; &amp",           # unknown name, non-ASCII name, no ";"
    "&#0; &#xD800; &#1114112; &#x110000; &#1; &#xFFFE;",  # NUL, surrogate, > U+10FFFF, control, nonchar
    "&#; &#x; &#xZZ;",
]


@pytest.mark.parametrize("text", HTML_LEFT)
def test_html_non_entities_left_alone(text: str) -> None:
    assert normalize(text) == text
    assert explain(text) == []


def test_html_markup_left_alone_unless_asked() -> None:
    html = '<p class="lead">&quot;Қазақстан&quot; &amp; Ресей</p>'
    assert normalize(html) == html                       # a literal tag: real markup (auto)
    assert normalize(html, html_entities=False) == html
    assert normalize(html, html_entities=True) == '<p class="lead">"Қазақстан" & Ресей</p>'
    # "<" alone, or before a Cyrillic word, is not a tag
    assert normalize("5 &lt; 7 &quot;х < у&quot;") == '5 < 7 "х < у"'
    assert normalize("&quot;Қазақстан&quot; <Астана>") == '"Қазақстан" <Астана>'
    assert normalize(AMANULLA, html_entities=False) == AMANULLA
    with pytest.raises(ValueError, match="html_entities"):
        normalize(AMANULLA, html_entities="auto")  # type: ignore[arg-type]


def test_html_explain_one_edit_per_reference() -> None:
    edits = explain("&amp;quot;Қазақстан&#187; 2010&#x2013;2015")
    assert [(e.start, e.end, e.kind, e.before, e.after) for e in edits] == [
        (0, 10, "html_entity", "&amp;quot;", '"'),
        (19, 25, "html_entity", "&#187;", "»"),
        (30, 38, "html_entity", "&#x2013;", "–"),
    ]
    # a decoded no-break space is then made a plain space: two chained edits, same span
    assert [(e.kind, e.before, e.after) for e in explain("Астана&nbsp;қаласы")] == [
        ("html_entity", "&nbsp;", "\u00a0"), ("space", "\u00a0", " ")]


def test_html_tokens_map_back_to_the_entities() -> None:
    import kaznlp

    doc = kaznlp.process(AMANULLA)
    surfaces = [AMANULLA[t.start:t.end] for t in doc.tokens]
    assert surfaces[7:10] == ["&quot;", "Аманулла", "&quot;"]
    assert all(t.text == AMANULLA[t.start:t.end] for t in doc.tokens)
    out, al = normalize(AMANULLA, return_alignment=True)
    i = out.index('"Аманулла"')
    assert AMANULLA[slice(*al.span_to_src(i, i + 10))] == "&quot;Аманулла&quot;"


def test_html_fast_path_kept() -> None:
    text = "Қазақстан Республикасы & Ресей Федерациясы, AT&T"      # "&" but no reference
    assert normalize(text) is text


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not available")
def test_html_apertium_lines() -> None:
    corpus = SHARED / "news" / "apertium_kaz_rus_corpus"
    lines = [ln for f in ("afn-kaz-1550", "egov-kaz-130") if (corpus / f).is_file()
             for ln in (corpus / f).read_text(encoding="utf-8").splitlines() if "&quot;" in ln]
    assert lines
    for ln in lines:
        out, al = normalize(ln, return_alignment=True)
        assert "&quot;" not in out and normalize(out) == out
        _check_offsets(ln, out, al)


HTML_PIECES = ["&quot;", "&amp;", "&amp;quot;", "&#171;", "&#x2013;", "&nbsp;", "&shy;", "&lt;", "&gt;",
               "&#38;", "&", ";", "#", "x", "amp", "quot", "<p>", "</a>", "<", ">", "&#0;", "&#1114112;",
               "Қазақстан", "Астана", " ", "\u00a0", "\u200b", "i", "A"]


@PROFILE
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=30).map("".join))
def test_property_html_idempotent_and_aligned(text: str) -> None:
    for opt in (None, True, False):
        out, al = normalize(text, return_alignment=True, html_entities=opt)
        assert normalize(out, html_entities=opt) == out
        assert (al.src_len, al.dst_len) == (len(text), len(out))
    out, al = normalize(text, return_alignment=True)
    _check_offsets(text, out, al)


# --- issue 14 items 1-3: Latin look-alike words, Cyrillic in Latin words, sister-alphabet letters ----
LATIN_WORD_REPAIRS = [   # the issue's examples, in Kazakh context
    ("KCPO тарағаннан кейін", "КСРО тарағаннан кейін"),
    ("ecki үйде тұрады", "ескі үйде тұрады"),
    ("Бұл acy жолы", "Бұл асу жолы"),
    ("apa қашықтық 5 км", "ара қашықтық 5 км"),
    ("Ep адамдар арасында жарыс өтті", "Ер адамдар арасында жарыс өтті"),                  # title case at sentence start
    ("ҚАЗАҚСТАН MEH РЕСЕЙ", "ҚАЗАҚСТАН МЕН РЕСЕЙ"),                   # short word inside a headline
    ("ҚР CIM хабарлады", "ҚР СІМ хабарлады"),                           # listed acronym
    ("«Ескі» және «ecki» сөздері", "«Ескі» және «ескі» сөздері"),      # quotes are no glue
]
LATIN_WORD_LEFT = [      # the issue's "never touch" list, each inside Kazakh text
    "CEO қызметіне тағайындалды", "OK деп жауап берді", "EXPO көрмесі ашылды", "Cape Town қаласында болды",
    "XXI ғасырдың басы", "III дәрежелі орден", "ауа температурасы 25 °C болады", "салмағы 5 kg жүк",
    "жиілігі 50 Hz ток", "A4 форматындағы парақ", "COVID індеті таралды", "Apple компаниясы",
    "гелий (He) газы", "AC Milan командасы", "ac.kz сайтында", "www.acy.kz сайтында", "info@apa.kz поштасы",
    "Biz Qazaqstanda turamyz, apa men eke", "Мекенжайы: KIMEP университеті", "Fonet Er-Tai AK MINING ЖШС",
]


@pytest.mark.parametrize("damaged,clean", LATIN_WORD_REPAIRS)
def test_whole_latin_lookalike_word_repaired(damaged: str, clean: str) -> None:
    assert normalize(damaged) == clean
    edits = [e for e in explain(damaged) if e.kind != "suspect"]
    assert edits and all(e.kind in ("homoglyph", "kazakh_letter") for e in edits)
    assert apply_edits(damaged, [(e.start, e.end, e.after) for e in edits])[0] == clean


@pytest.mark.parametrize("text", LATIN_WORD_LEFT)
def test_real_latin_words_never_read_as_cyrillic(text: str) -> None:
    out = normalize(text)
    assert [w for w in re.findall(r"[A-Za-z]+", text)] == [w for w in re.findall(r"[A-Za-z]+", out)], out


def test_unknown_latin_lookalike_word_is_a_suspect() -> None:
    text = "Компанияның CEO лауазымы"
    assert normalize(text) == text
    sus = [e for e in explain(text) if e.kind == "suspect"]
    assert [(e.before, text[e.start:e.end]) for e in sus] == [("CEO", "CEO")]
    assert "not a known Kazakh word" in sus[0].note


def test_latin_word_offsets_map_back() -> None:
    text = "Бүгін\u00a0ecki үйде, KCPO кезінде"
    out, al = normalize(text, return_alignment=True)
    assert out == "Бүгін ескі үйде, КСРО кезінде"
    for word in ("ескі", "КСРО"):
        i = out.index(word)
        s, e = al.span_to_src(i, i + len(word))
        assert text[s:e].translate(str.maketrans("eckiKCPO", "ескіКСРО")) == word


CYR_IN_LATIN = [         # the issue's examples: a Cyrillic о/а/е/р/с/і in a word that is otherwise Latin
    ("Microsоft компаниясы", "Microsoft компаниясы"),
    ("Facebооk желісінде", "Facebook желісінде"),
    ("www.аkorda.kz сайтында", "www.akorda.kz сайтында"),
    ("kazinfоrm.kz хабарлайды", "kazinform.kz хабарлайды"),
    ("Жаңа iPhоne сатылымда", "Жаңа iPhone сатылымда"),
    ("press@аkorda.kz поштасы", "press@akorda.kz поштасы"),
    ("https://www.gоogle.com/search", "https://www.google.com/search"),
]


@pytest.mark.parametrize("damaged,clean", CYR_IN_LATIN)
def test_cyrillic_lookalike_in_latin_word_repaired(damaged: str, clean: str) -> None:
    assert normalize(damaged) == clean
    edits = [e for e in explain(damaged) if e.kind != "suspect"]
    assert edits and all(e.kind == "homoglyph" and e.after.isascii() for e in edits)


@pytest.mark.parametrize("text", ["Жаңа iPhone сатылымда", "Іле өзені", "iPhone-ның бағасы", "ОАНА агенттігі",
                                  "Aстана"])
def test_reverse_direction_leaves_cyrillic_and_clean_latin(text: str) -> None:
    out = normalize(text)
    assert out[:2] == ("Ас" if text == "Aстана" else text[:2])
    assert not re.search("[a-z][а-яі]|[а-яі][a-z]", out.lower().replace("iphone-", ""))


def test_glued_kazakh_suffix_on_latin_word_is_left() -> None:
    # a two-letter Cyrillic run at the end of a Latin word is a Kazakh suffix, not a look-alike
    assert normalize("iPhoneса бар") == "iPhoneса бар"
    assert any(e.kind == "suspect" for e in explain("iPhoneса бар"))


def _sister_rows() -> list[tuple[str, str]]:
    rows = []
    for line in read_text("normalize_chars.tsv").splitlines():        # stored as normalize_chars.tsv.gz
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] == "sister_letter":
            rows.append((chr(int(cols[0][2:], 16)), chr(int(cols[1][2:], 16))))
    return rows


WORD_WITH = {"қ": "қазақ", "Қ": "Қазақстан", "ң": "жаңа", "Ң": "ҢАҚ", "ғ": "ғылым", "Ғ": "Ғылым", "ү": "үкімет",
             "Ү": "Үкімет", "ө": "өнер", "Ө": "Өнер", "І": "Ішкі", "і": "тіл"}


@pytest.mark.parametrize("sister,kazakh", _sister_rows())
def test_every_sister_letter_repaired_in_kazakh_words(sister: str, kazakh: str) -> None:
    word = WORD_WITH[kazakh]
    if word == "ҢАҚ":
        word = "ЖАҢА"
    damaged = f"Біз {word.replace(kazakh, sister)} туралы айттық."
    assert normalize(damaged) == f"Біз {word} туралы айттық."
    assert [e.kind for e in explain(damaged)] == ["kazakh_letter"] * word.count(kazakh)


def test_sister_letters_real_kazakh_sentence() -> None:
    assert normalize("Ҡазаҡстан Республикасының Үкіметі ҡаулы ҡабылдады") == \
        "Қазақстан Республикасының Үкіметі қаулы қабылдады"


@pytest.mark.parametrize("text", [
    "Башҡортостан Республикаһы — Рәсәй Федерацияһы составындағы республика.",     # Bashkir
    "Өфө ҡалаһында яңы мәктәп асылды.",                                           # Bashkir, no ҙ ҫ
    "Алтай Республиканыҥ тӧс калазы Горно-Алтайск.",                              # Altai
    "Мин ҕалаҕа барабын.",                                                         # Yakut
    "Марий Эл Республикын рӱдолаже Йошкар-Ола.",                                  # Mari
    "Казан шәһәрендә яңа мәчет ачылды.",                                           # Tatar
    "Кыргызстан — Борбордук Азиядагы мамлекет.",                                  # Kyrgyz
    "Ўзбекистон Республикасининг пойтахти Тошкент шаҳри.",                        # Uzbek
    "Қазақстан туралы. Башҡортостан Республикаһы ҙур.",                           # Kazakh next to Bashkir
])
def test_sister_language_text_untouched(text: str) -> None:
    assert normalize(text) == text


def test_sister_letter_in_unknown_word_is_a_suspect() -> None:
    text = "Қазақстан мен Ҡыҡыҡ арасында"
    assert normalize(text) == text
    assert any(e.kind == "suspect" and e.before == "Ҡыҡыҡ" for e in explain(text))


def test_new_rules_keep_the_fast_path() -> None:
    clean = "Қазақстан Республикасы Apple және Microsoft компанияларымен келісім жасады, CEO келді."
    assert normalize(clean) is clean


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not available")
def test_issue14_dev_set_from_shared_data() -> None:
    # dev split only (aggregate test figures come from benchmarks/testsets/normalize_testset.py)
    from benchmarks.testsets import normalize_testset as ts
    summary, _ = ts.evaluate14(ts.build14("dev"), show=False)
    assert summary["damaged_sentences"] >= 800
    assert summary["negative_controls_changed"] == 0
    assert summary["exact_repair_rate"] >= 0.95
    assert summary["all_injected_damage_reported_by_explain"] >= summary["exact_repair"]


@pytest.mark.parametrize("text", [
    # a sister letter after a Latin look-alike in one word: both repairs in one sorted plan (fuzz find)
    "IСTӧҚxҡалаh@4үС\xadЕ\nѳ«ӈkBкҕ́ҡалаki",
    "apa4 Қазақстан ҥұРҡалаЕeӷНI;HѳiеұM",
    "KTapa&quot;КPіOӷоCТӧXҡалаоXəҠ",
])
def test_mixed_sister_and_lookalike_words_do_not_crash(text: str) -> None:
    out, al = normalize(text, return_alignment=True)
    assert normalize(out) == out and al.src_len == len(text) and al.dst_len == len(out)
    edits = [e for e in explain(text) if e.kind != "suspect"]
    assert all(text[e.start:e.end] == e.before for e in edits if e.kind in ("homoglyph", "kazakh_letter"))


@pytest.mark.parametrize("text", [
    "Қазақстан " + "ҡа " * 3000,           # each repaired word must not be the evidence the next needed
    "Қазақстан " + "apa " * 3000,          # ... nor the Cyrillic neighbour the next needed
    "ұ " + "ҡала " * 3000,
    "Қазақстан " + "ecki " * 3000,         # the і it gains must not be the context 250 characters on
])
def test_long_runs_of_new_damage_repaired_in_one_call(text: str) -> None:
    out = normalize(text)
    assert normalize(out) == out


# document-level evidence: the same text writes the word correctly elsewhere (issue 14)
@pytest.mark.parametrize("text, damaged, fixed", [
    # (no Cyrillic name part beside the damaged word: "Кайл Poy Дэвид" alone is a name, test_normalize_round4)
    ("Кайл Роу доп алды. Кейін Poy айып алаңына соққысын жіберді.", "Poy", "Роу"),
    ("Bce новости сайтында. Все новости бөлімінде қазақ тіліндегі жаңалықтар жоқ.", "Bce", "Все"),
    ("Асахара сотталды. Кейін Acaxapa атты жалған атымен белгілі болды.", "Acaxapa", "Асахара"),
    # a sister letter in the stem of a word no list holds (in a suffix, the suffix attests it: below)
    ("Дөрбет тайпасы туралы. Оймауыт, торғауыт, хойт, хошоут, дѳрбет – ойраттардың іргелі одағына кірген "
     "тайпалардың атауы.", "дѳрбет", "дөрбет"),
])
def test_document_evidence_repairs_unlisted_words(text: str, damaged: str, fixed: str) -> None:
    alone = text.split(". ", 1)[1]
    assert normalize(alone) == alone                 # no evidence in the sentence alone: left
    out = normalize(text)
    assert out == text.replace(damaged, fixed)
    assert normalize(out) == out
    s = text.index(damaged)
    assert any(e.start >= s and e.end <= s + len(damaged) and e.kind in ("homoglyph", "kazakh_letter")
               for e in explain(text))


@pytest.mark.parametrize("text", [
    "Қазақстан ЕХРО көрмесіне қатысты. EXPO көрмесі Астанада өтті.",       # upper case: no
    "XXI ғасырда ХХІ ғасыр туралы көп айтылды.",                         # Roman numeral: never
    "Роу туралы жазды. Кайл Poy-2 соққысы.",                             # glued: a code or name part
    "Роу туралы жазды. Кайл Poy-ddd соққысы.",                           # a Latin part after the hyphen
    "Роу туралы. Cape Poy Town атауы.",                                  # Latin phrase
    "Роу туралы. Kyle Poy played well.",                                 # Latin neighbours
    "Роу Ростов Poy Ростов",                                             # no Kazakh letter near
])
def test_document_evidence_keeps_the_other_conditions(text: str) -> None:
    assert normalize(text) == text


def test_i_in_a_kazakh_word_is_context_for_a_latin_lookalike_word() -> None:
    # no ә ғ қ ң ө ұ ү near "eki"; "денесінде" (і with д н, letters no Latin letter looks like) is the
    # Kazakh evidence; the repaired "екі" (twin letters only) is evidence for nothing
    text = "Адам денесінде жылу eki жолмен реттеледі."
    assert normalize(text) == "Адам денесінде жылу екі жолмен реттеледі."
    assert normalize("Адам денесiнде жылу eki жолмен реттеледi.") == "Адам денесінде жылу екі жолмен реттеледі."
    assert normalize("Человек ecki пошёл домой.") == "Человек ecki пошёл домой."   # Russian: no і word


# the open word lists (Unilex, Hunspell stems; issue 14): known forms no corpus of ours writes
@pytest.mark.parametrize("text, damaged, fixed", [
    ("Жоғары сатыдағы өсімдіктерде хлоропласт сопаҡша, линза тәрізді.", "сопаҡша", "сопақша"),    # Hunspell
    ("Наиб мӱфти жұма күні мешітте жамағатпен кездесті.", "мӱфти", "мүфти"),        # Unilex
    ("1956 ж. наурызда Франция Mapokko мен Тунистің тәуелсіздігін мойындауға мәжбүр болды.", "Mapokko", "Марокко"),
    # an acronym that Unilex writes only in capitals (and never in Latin)
    ("Кеңестің (ИЫҰ CIMK) биылғы отырысы Астанада өтті", "CIMK", "СІМК"),
    # two known forms written without a space (the crawled corpora glue words)
    ("Қазақстан елімізді әлемдік аренадалайыӄты танытатын кадрлар", "аренадалайыӄты", "аренадалайықты"),
])
def test_open_word_lists_attest_a_repair(text: str, damaged: str, fixed: str) -> None:
    out = normalize(text)
    assert out == text.replace(damaged, fixed)
    assert normalize(out) == out
    s = text.index(damaged)
    assert any(s <= e.start < s + len(damaged) and e.kind in ("homoglyph", "kazakh_letter") for e in explain(text))


def test_open_word_lists_are_clean_word_lists() -> None:
    # the shipped lists as a user sees them (package data read with importlib.resources): lower-case
    # lines are word forms, lines in capitals acronyms
    words: set[str] = set()
    acronyms: set[str] = set()
    for name in ("normalize_unilex_kk.txt.xz", "normalize_hunspell_kk.txt.xz"):
        raw = lzma.decompress(resources.files("kaznlp").joinpath("data", name).read_bytes()).decode("utf-8")
        for w in raw.splitlines():
            if w and not w.startswith("#"):
                (acronyms if w.isupper() else words).add(w)
    assert len(words) > 20000 and len(acronyms) > 20
    assert all(len(w) >= 3 and w.islower() and all("\u0400" <= c <= "\u052f" for c in w) for w in words)
    assert all(len(w) >= 4 and w.isupper() for w in acronyms)
    # a Latin code typed in Cyrillic look-alikes on the web (ЕХРО beside EXPO) is no acronym
    assert "ЕХРО" not in acronyms and "КСРО" in acronyms
    assert normalize("Қазақстан EXPO көрмесіне қатысты.") == "Қазақстан EXPO көрмесіне қатысты."


# a line with no Kazakh letter that the sister alphabet lacks is Kazakh by its words (3 or more known,
# four in five of its words of three letters or more)
def test_sister_letter_on_a_line_of_known_kazakh_words() -> None:
    text = "Ол адамды амебиаз ауруына шалдыҡтырады."
    assert normalize(text) == "Ол адамды амебиаз ауруына шалдықтырады."
    assert normalize("Ол адамды шалдыҡтырады.") == "Ол адамды шалдыҡтырады."   # 2 known: too few
    text = "Ол адамды Жыржыб Ыржыбай ауруына шалдыҡтырады."       # 3 known of 5: not four in five
    assert normalize(text) == text
    text = "Колумб 1436 жылы Генуя ӄаласына жаӄын\nжердегі тоӄыма өнеркәсібінде туған."
    assert normalize(text) == text.replace("ӄ", "қ")


@pytest.mark.parametrize("text", [
    "Ул ҡала буйлап китте.",                      # Bashkir: shared words, but not four in five
    "Кеше ҡалаға килде.",
    "Ҡала уртаһында яңы парк асылды.",
    "Был ҡала бик матур, ул ҡалала йәшәй.",
    "Алтай Республиканыҥ тӧс калазы",             # Altai: 3 of 4
    "Мин ҕалаҕа барабын.",                        # Yakut
])
def test_sister_language_lines_without_their_own_letters_stay(text: str) -> None:
    assert normalize(text) == text


# a sister letter inside a Kazakh suffix, in its harmonic variant, after a stem no list holds
@pytest.mark.parametrize("text, damaged, fixed", [
    ("Ол ойынды аяқтау үшін Менгаҕа жіберуге барынша тырысты.", "Менгаҕа", "Менгаға"),        # Менга + ға
    ("Осы арқылы биосфераныҥ химиялық құрамы байқалады.", "биосфераныҥ", "биосфераның"),      # биосфера + ның
])
def test_sister_letter_in_a_kazakh_suffix(text: str, damaged: str, fixed: str) -> None:
    out = normalize(text)
    assert out == text.replace(damaged, fixed) and normalize(out) == out


@pytest.mark.parametrize("text", [
    "Ол ойынды аяқтау үшін Менгаҕе жіберуге тырысты.",   # "ге" after the back vowel а: no harmony, left
    "Қазақ тілінде Башҡортостан деп жазылады.",        # the sister letter in an unknown stem: left
])
def test_sister_letter_in_an_unknown_word_stays(text: str) -> None:
    assert normalize(text) == text
    assert any(e.kind == "suspect" for e in explain(text))


# words no list can hold, known by their shape, on a Kazakh line
@pytest.mark.parametrize("text, fixed", [
    ("Өтінімді толтыру және ЭЦҠ (электронды цифрлық қолтаңба) алу", "ЭЦҚ"),                 # acronym
    ("Жобасын Ѳ.Алшымбаев, Қ.Байзақов, А.Әбдіқалықов жасады.", "Ө.Алшымбаев"),             # initial
    ("имамы Д.Жұмабаев, ҚМДБ-ӈ ғұламалар кеңесінің мүшесі", "ҚМДБ-ң"),                     # suffix after a hyphen
    ("Оған қоса, ӱ.ж. тамызында бағдарламаны жүзеге асыруға бөлінді.", "ү.ж."),             # abbreviation
    ("12 наурыз 2015 толығыменҠР Мәдениет және спорт министрлігі", "толығыменҚР"),         # glued at a capital
    ("жылғы желтоқсан аралығында – ҠазКСР Ауыл шаруашылығы министрі", "ҚазКСР"),
])
def test_sister_letter_in_a_word_known_by_its_shape(text: str, fixed: str) -> None:
    out = normalize(text)
    assert fixed in out and not any(c in out for c in "ҠӈӱѲ") and normalize(out) == out
    assert normalize("Ол БашҡортРеспубликаһы туралы қызық.") == "Ол БашҡортРеспубликаһы туралы қызық."


# a chemical symbol that is also a Kazakh word: only opening a sentence of Cyrillic words
@pytest.mark.parametrize("text, expected", [
    ("Жобаларды қайта көтеру керек. He алды? Не берді?", "Жобаларды қайта көтеру керек. Не алды? Не берді?"),
    ("«He болды?» деп сұрады.", "«Не болды?» деп сұрады."),
    ("Гелий (He) газы жеңіл.", "Гелий (He) газы жеңіл."),                   # in brackets: the symbol
    ("He мен Ne инертті газдар.", "He мен Ne инертті газдар."),             # another symbol in the sentence
    ("He мен Co ұқсас емес.", "He мен Co ұқсас емес."),
    ("Қазақстанда He, Ne өндіріледі.", "Қазақстанда He, Ne өндіріледі."),    # not opening a sentence
])
def test_element_symbol_or_kazakh_word(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert normalize(expected) == expected


# a layout writes its letter for every қ of the line: two known words with it vouch for the others
def test_sister_letter_vouched_for_by_the_lines_known_words() -> None:
    text = ("Рибосомалар жасушада аҡуыз синтезіне ҡатысатын ҡұраушыларды ұстап тұру, оларды бір-бірімен "
            "байланыстыру ҡызметін атҡарады.")
    out = normalize(text)
    assert out == text.replace("ҡ", "қ") and normalize(out) == out
    # one known word with the letter does not vouch for a name no list holds (аҡуыз is attested on its
    # own now: ақ + уыз, a compound of a short root)
    one = "Малайзияның Премьер-Министрі Наджиб Тун Разаҡпен кездесу ҡызметін атқарады."
    assert "Разаҡпен" in normalize(one)


# --- real damage kinds seen in dev documents (KazQAD wiki): the Caucasian palochka for І, the low-9
# quotation mark for a comma ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Осыдан кейін іле-шала Библия (Ӏнжіл) ағылшын, француз және т.б. тілдерге де аударылды.",
     "Осыдан кейін іле-шала Библия (Інжіл) ағылшын, француз және т.б. тілдерге де аударылды."),
    ("Иттер ырылдап үрӀп, кейде тап берӀп, әр жерӀнен тӀстеп кетедӀ.",      # one palochka for both cases
     "Иттер ырылдап үріп, кейде тап беріп, әр жерінен тістеп кетеді."),
    ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТӀК ТӀЛӀ", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТІК ТІЛІ"),
])
def test_palochka_for_i_in_kazakh_words(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert normalize(expected) == expected
    assert all(e.kind == "kazakh_letter" for e in explain(text) if e.before in "Ӏӏ")


@pytest.mark.parametrize("text", [
    "ХӀинца со цӀа воьду.",                                          # Chechen: its own letter
    "ГӀалгӀайчоь — Россин Федерацин субъект.",                      # Ingush
    "12 сәуір Соьлжа-ГӀала — Нохчийн Республикин коьрта гӀала.",     # a Chechen name in Kazakh text
    "Ингушетия (ГӀалгӀайчоь) туралы мақала жазылды.",
    "Нохчийн мотт (ХӀинца) туралы қазақ тілінде жазылған.",           # unknown reading: a suspect
])
def test_caucasian_palochka_untouched(text: str) -> None:
    assert normalize(text) == text


@pytest.mark.parametrize("text, expected", [
    ("Қатал да әділдігімен ерекшеленіп‚ әкесі Өскенбайдың тәрбиесін алды.",
     "Қатал да әділдігімен ерекшеленіп, әкесі Өскенбайдың тәрбиесін алды."),
    ("М.Жұмабаевқа хатшылық етті‚ оның педагогика тарихы‚\nкейін", "М.Жұмабаевқа хатшылық етті, оның педагогика тарихы,\nкейін"),
    ("Ол „‚сөз‘ дегенді“ айтты.", "Ол „‚сөз‘ дегенді“ айтты."),           # an opening quote stays
    ("‚Жаңа‘ және ‚ескі‘", "‚Жаңа‘ және ‚ескі‘"),
])
def test_low9_quotation_mark_for_a_comma(text: str, expected: str) -> None:
    out, al = normalize(text, return_alignment=True)
    assert out == expected and al.dst_len == al.src_len == len(text)
    assert [(e.before, e.after) for e in explain(text) if e.kind == "homoglyph"] == [("‚", ",")] * expected.count(",")
    assert normalize(text, homoglyphs=False) == text


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not available")
def test_real_damage_kinds_dev_set() -> None:
    from benchmarks.testsets import normalize_testset as ts
    summary, _ = ts.evaluate14(ts.build_real("dev"), show=False)
    assert summary["damaged_sentences"] >= 1000
    assert summary["negative_controls_changed"] == 0
    assert summary["all_injected_damage_reported_by_explain"] >= summary["exact_repair"]
    by_kind = {k: tuple(map(int, v.split("/"))) for k, v in summary["exact_and_reported_by_kind"].items()}
    # every kind but the Russian-layout one is repaired >= 99 %; that one (opt-in, a word only when one
    # known form reads so) 154 of 250 on dev when it was added
    for kind, (ok, n) in by_kind.items():
        assert n and ok / n >= (0.6 if kind == "russian_letters" else 0.97), kind
    assert sum(ok for k, (ok, _) in by_kind.items() if k != "russian_letters") >= 0.99 * sum(
        n for k, (_, n) in by_kind.items() if k != "russian_letters")


@pytest.mark.parametrize("text, expected", [
    ("Бұл туралы Н.Ə.Назарбаевтың 1993 жылғы жарлығында айтылған",
     "Бұл туралы Н.Ә.Назарбаевтың 1993 жылғы жарлығында айтылған"),
    ("Ɵ. Жәнібеков келді.", "Ө. Жәнібеков келді."),
    ("Heydər Əliyev Azərbaycan Respublikasının prezidenti idi.", None),   # Azerbaijani Latin stays
    ("Бүгін Ə.Əliyev келді.", None),
    ("Ə.", None),
])
def test_latin_schwa_as_an_initial(text: str, expected: str | None) -> None:
    out = normalize(text)
    assert out == (expected or text) and normalize(out) == out
    assert [e.kind for e in explain(text) if e.kind != "suspect"] == (["kazakh_letter"] if expected else [])


@pytest.mark.parametrize("text, expected", [
    # KazQAD wiki (dev): Greek letters and degrees typed in the Symbol font, exported as U+F0xx
    ("Корпускул. сәулелерді \uf061- және \uf062-бөлшектер деп атады.",
     "Корпускул. сәулелерді α- және β-бөлшектер деп атады."),
    ("Су 100\uf0b0С температурада қайнайды", "Су 100°С температурада қайнайды"),   # constructed
    ("Мысалы:        \uf0b7 Бұл ұсыныс", "Мысалы:        • Бұл ұсыныс"),      # pdftotext of a Word list
    ("  \uf0a7\tтізімнің бірінші жолы", None),   # Wingdings bullet position at a line start: font unknown
    ("Ағайынды\n\uf06e Абдуллиндер", None),
])
def test_symbol_font_private_use_characters(text: str, expected: str | None) -> None:
    out, al = normalize(text, return_alignment=True)
    assert out == (expected or text) and normalize(out) == out and al.dst_len == al.src_len == len(text)
    edits = [e for e in explain(text) if e.kind != "suspect"]
    assert len(edits) == sum(a != b for a, b in zip(out, text))
    assert all(e.kind == "mojibake" and e.note == "Symbol-font private-use character" for e in edits)
    assert normalize(text, mojibake=False) == text


@pytest.mark.parametrize("text, expected", [
    # one letter of a one-byte Kazakh font (KZ-1048 read as cp1251) in a Unicode Kazakh line, as the
    # crawled pages have it (sentences written for the test)
    ("өтініш келіп түскен күннен бастап, їш айдан кешіктірілмей қаралады",
     "өтініш келіп түскен күннен бастап, үш айдан кешіктірілмей қаралады"),
    ("бұл кітап мектеп оқушылары їшін жазылған",
     "бұл кітап мектеп оқушылары үшін жазылған"),
    ("Україна мен Қазақстан арасындағы келісім", None),      # a Ukrainian word reads as no Kazakh form
    ("Їх бачили у Києві.", None),                             # Ukrainian text: no Kazakh letter on the line
    ("Ол заңды тўұға болды.", None),                          # its KZ-1048 reading is no known form either
])
def test_kz1048_letter_in_a_kazakh_word(text: str, expected: str | None) -> None:
    out = normalize(text)
    assert out == (expected or text) and normalize(out) == out
    edits = [e for e in explain(text) if e.kind != "suspect"]
    assert [(e.before, e.after, e.note) for e in edits] == ([("ї", "ү", "KZ-1048 letter in a Kazakh word")]
                                                            if expected else [])


@pytest.mark.parametrize("text, expected", [
    # KazQAD wiki and apertium (dev): a Kazakh word typed with the Russian letters of a layout without
    # Kazakh ones, in a line that has Kazakh letters
    ("Мәсуекті әрбір 2-3 айда жаңартып отыру кажет.", "Мәсуекті әрбір 2-3 айда жаңартып отыру қажет."),
    ("эндокриндік ұлпалар мен мүшелерге әсер ететін биологиялык белсенді заттар.",
     "эндокриндік ұлпалар мен мүшелерге әсер ететін биологиялық белсенді заттар."),
    ("Пластидтерді пигменттерінің құрамына карай хлоропластар", "Пластидтерді пигменттерінің құрамына қарай хлоропластар"),
    ("3. кызмет көрсетудің рұқсат етілген ең жоғары", "3. қызмет көрсетудің рұқсат етілген ең жоғары"),
    # a line typed without any Kazakh letter: capitalized words and и for і too (constructed)
    ("Казакстан Президенти жарлыкка кол койды", "Қазақстан Президенті жарлыққа кол койды"),
    # stays: Russian, Kyrgyz, a name in Russian spelling beside Kazakh letters, a hyphenated name part,
    # an и the writer typed beside і, a form the lists know as typed (атын = ат + ы + н)
    ("Он сказал, что это так и будет, кажется.", None),
    ("Кыргызстан жана Казакстан өнүгүү боюнча сүйлөштү.", None),
    ("Бүгін Адил Максатович сөз сөйледі, құрамына енді.", None),
    ("«Асбат аль-ансар» ұйымы туралы айтылды.", None),
    ("Біз бүгін ислами білім туралы естиді.", None),
    ("Кейіннен «Ата жолы» деп атын өзгертіп, 2001 жылы тіркелген ұйым.", None),
])
def test_russian_letters_for_kazakh_ones(text: str, expected: str | None) -> None:
    out = normalize(text, russian_letters=True)
    assert out == (expected or text) and normalize(out, russian_letters=True) == out
    assert normalize(text) == text                       # off by default
    edits = [e for e in explain(text, russian_letters=True) if e.kind != "suspect"]
    assert len(edits) == sum(a != b for a, b in zip(out, text))
    assert all(e.kind == "kazakh_letter" and e.note == "Russian letter typed for a Kazakh one" for e in edits)
    new, al = normalize(text, return_alignment=True, russian_letters=True)
    assert new == out and al.src_len == al.dst_len == len(text)


def test_russian_letters_option_is_checked() -> None:
    with pytest.raises(ValueError, match="russian_letters"):
        normalize("кажет", russian_letters="yes")  # type: ignore[call-overload]


# pieces for the final-check test: what crawled news has (HTML references, Latin i and look-alikes in
# Kazakh and Russian words, soft hyphens, joiners), and what could make a second pass act (a mojibake
# lead + continuation pair, a reference a deletion or a letter repair completes, a Cyrillic о in a
# Latin word)
FINAL_PIECES = ["Қазақстан", "мемлекеттiк", "бiлiм", "Aстана", "&quot;", "&amp;", "&am\u00adp;", "&quоt;",
                "Microsоft", "ecki", "үйде", "\u00ad", "\u200d", "\u200b", "Р", "і", "ё", "Pі", "сайтына",
                "Россия", "iPhone", " ", " ", "\n", ".", "«", "»", "\u0306", "XXI", "ҡала", "ї", "\uf0b0", "ә"]


@PROFILE
@given(st.lists(st.sampled_from(FINAL_PIECES), max_size=40).map("".join))
def test_final_check_pass_changes_nothing(text: str) -> None:
    """The cheap final check (``_only_letters_left``: only the letter step asked again) gives what a
    whole second pass gives: the same text, alignment and explain(), on any mix of the pieces."""
    import importlib
    document = importlib.import_module("kaznlp.normalize._document")
    fast = normalize(text, return_alignment=True), explain(text)
    original, long_text = document._only_letters_left, document._LONG
    try:
        document._LONG = 0                                       # the final check first, at any length
        first = normalize(text, return_alignment=True), explain(text)
        document._only_letters_left = lambda *args: False       # always the whole second pass
        slow = normalize(text, return_alignment=True), explain(text)
    finally:
        document._only_letters_left, document._LONG = original, long_text
    for got in (fast, first):
        assert got[0][0] == slow[0][0] and got[0][1].runs == slow[0][1].runs and got[1] == slow[1]


@PROFILE
@given(st.lists(st.sampled_from(FINAL_PIECES + ["Chrome", "KZ", "ΑΒ", "мемлекеттiк", "-", "2024"]), max_size=40)
       .map("".join))
def test_letter_step_rescan_after_its_own_edits(text: str) -> None:
    """The letter step asked again on the text its own edits made (a second round, the final check)
    scans only the pieces around the edited letters: the candidates, edits and suspects are those
    of a full scan with a fresh memo (``Microsоft`` → ``Microsoft`` becomes a plain Latin word,
    ``мемлекеттiк`` → ``мемлекеттік`` no candidate)."""
    import importlib
    letters = importlib.import_module("kaznlp.normalize._letters")
    plans: dict[object, object] = {}
    cur = text
    for _ in range(3):
        step, _susp = letters._step_letters(cur, True, True, plans)
        cur, _ = apply_edits(cur, [(s, e, r) for s, e, r, _, _ in step])
        full = [m.span() for m in letters._LETTER_CANDIDATE.finditer(cur)]
        assert letters._candidate_spans(cur, plans) == full
        assert letters._step_letters(cur, True, True, plans) == letters._step_letters(cur, True, True, {})


def test_letter_step_rescan_on_real_kazakh_text() -> None:
    """The same on a news sentence with Latin i in Kazakh words beside Latin and look-alike words:
    the second call reuses the first scan (the memo holds it) and agrees with a fresh call."""
    import importlib
    letters = importlib.import_module("kaznlp.normalize._letters")
    text = ("Microsоft компаниясы мемлекеттiк бағдарламаға қатысты; www.аkorda.kz сайтында "
            "Қазақстанның iшкi саясаты туралы «Chrome» браузерiнде 2024-жылы жарияланды.")
    plans: dict[object, object] = {}
    step, _ = letters._step_letters(text, True, True, plans)
    assert len(step) >= 5
    cur, _ = apply_edits(text, [(s, e, r) for s, e, r, _, _ in step])
    assert "мемлекеттік" in cur and "Microsoft" in cur
    last = plans[letters._SCAN_KEY]
    assert letters._spans_after_edits(cur, *last) == [m.span() for m in letters._LETTER_CANDIDATE.finditer(cur)]
    assert letters._step_letters(cur, True, True, plans) == letters._step_letters(cur, True, True, {}) == ([], [])
    # another text of the same length is scanned in full
    other = cur.replace("Microsoft", "Microsofx")
    assert letters._spans_after_edits(other, *plans[letters._SCAN_KEY]) is None


@PROFILE
@example("мемлекеттiк")
@given(st.text(st.sampled_from(list("abIiXмемлекеттіқӘӊα1_²") + ["\u0306", "\u0301", "\u0483", "\u0903", "-"]),
               max_size=12))
def test_script_runs_by_regex_match_the_letter_walk(word: str) -> None:
    """``_runs`` (same-script runs of a word, a combining mark kept with the run before it) takes a
    regex when the word has no mark; it gives what walking the letters gives (``мемлекеттiк``:
    three runs; ``у\u0306лкен``-like words with a mark take the walk)."""
    import importlib
    import unicodedata

    script = importlib.import_module("kaznlp.normalize._script")

    def cyr(c: str) -> bool:
        return "\u0400" <= c <= "\u052f"

    def mark(c: str) -> bool:
        return unicodedata.category(c)[0] == "M"

    want, i = [], 0
    while i < len(word):
        j = i + 1
        while j < len(word) and (cyr(word[j]) == cyr(word[i]) or mark(word[j])):
            j += 1
        want.append((i, j, cyr(word[i])))
        i = j
    assert script._runs(word) == want
    if word == "мемлекеттiк":
        assert len(want) == 3
