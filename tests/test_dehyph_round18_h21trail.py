"""Round 18, issue 15 (task h21trail): the spacing an extractor keeps is evidence. pypdf on a ragged LibreOffice
PDF keeps the space a line broke at; a line cut inside a token has none (docs/dehyphenate.md, "Round 18
trailing spaces"). Real Kazakh text: PDF dev extractions (lo-news-nohyph, pypdf) of KazQAD articles
(CC BY-SA 4.0); each test fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks
from kaznlp.dehyphenate.spacing import ends_in_space, trailing_space_lines

# kazqad-woh0445woh-14148: the source typed ``Палеолит- Ежелгі`` (a hyphen for a dash); the line broke at its space
PALEO = ("==== Палеолит \n==== Палеолит- \nЕжелгі тас дәуірі \nадамзат тарихындағы \nең ұзаққа созылған \n"
         "және аса маңызды \nкезеңдердің бірі \nболып табылады. \nЕжелгі тас ғасыры-\nадам мен оның \n"
         "шаруашылығының \nқалыптасуының ")
# kazqad-lit0514lit-19038: the source typed ``Біріншісі—Жиренше``, one token cut after its dash
FIRST = ("Қарашашқа \nүйленгені. Жалпы \nзерттеулер Жиренше \nшешеннің атына \nқатысты аңыз \nәңгімелерді үш топқа \n"
         "бөледі. Біріншісі—\nЖиренше шешенді \nЖәнібек ханның \nақылшысы, әрі досы \nетіп көрсететін ")
# kazqad-lit0262lit-31335: the source typed ``1103 –1166)``; the short dash line has no trailing space
YASAWI = ("келе Бұхара, \nСамарқанд арқылы \n[[Мауераннахр]]ға \nжетті. Мұны Жүсіп \nБаласағұнның (12 \n"
          "ғасыр) “Құтадғу білік”\nшығармасынан \nаңғаруға болады. \nСопылық әдебиет, \nәсіресе, Қарахан \n"
          "мемлекеті тұсында, \nҚожа Ахмет Ясауи \n(1093|1093/1103 –\n1166) шығармашылық\nнегізінде дамыды.")


def _rules(text: str) -> set[str]:
    return {d.rule for d in explain_breaks(text)}


def test_a_line_that_kept_its_trailing_space_broke_at_a_space_so_it_is_not_joined():
    out = dehyphenate(PALEO)
    assert "Палеолит- Ежелгі тас" in out  # was ``Палеолит-Ежелгі``: a line-end hyphen joined
    assert "ғасыры-адам" in out  # no trailing space after a hyphen: a compound's hyphen
    assert dehyphenate(out) == out
    assert dehyphenate(PALEO, explain=True)[0] == out


def test_a_dash_glued_to_its_word_without_a_trailing_space_was_cut_from_the_next_word():
    out = dehyphenate(FIRST)
    assert "бөледі. Біріншісі—Жиренше шешенді" in out
    assert dehyphenate(out) == out
    out = dehyphenate(YASAWI)
    assert "Ясауи (1093|1093/1103 –1166) шығармашылық" in out  # a short line: its space was not at the margin
    assert "dash_without_trailing_space" in _rules(YASAWI)


def test_no_evidence_where_the_extraction_keeps_no_trailing_spaces_or_pads_every_line():
    bare = "\n".join(x.rstrip(" ") for x in PALEO.split("\n"))  # pdftotext drops them
    padded = "\n".join(x.rstrip(" ") + " " for x in FIRST.split("\n"))  # a tool writing a space after every line
    for text in (bare, padded):
        assert not _rules(text) & {"trailing_space", "dash_without_trailing_space"}
    assert trailing_space_lines(bare.split("\n"), bare.split("\n")) is None
    # ``pdftotext -layout`` pads a column with runs of spaces: no evidence
    assert ends_in_space("Палеолит- ") and not ends_in_space("Палеолит-   ") and not ends_in_space(" ")
