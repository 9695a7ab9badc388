"""Round 14 (task h17affix): suffixes the inventory (``data/affixes_kk.tsv``) lacked.

Kazakh grammar: the comparative degree of adjectives is -рақ/-рек after a vowel, -ырақ/-ірек
after a consonant (``жақсырақ``, ``көбірек``, ``тиімдірек``); -шыл/-шіл makes an adjective of
disposition from a noun (``ұлтшыл``, ``сыншыл``; ``-шылық`` was already listed). Without these rows
a line that starts with the suffix is no suffix chain, so ``жақсы⏎рақ`` stayed two words in a text
that lost its line-end hyphens and ``ұлт-⏎шыл`` kept its hyphen. The texts below are dev sources
(NTREX scotsman, KazQAD lit: CC BY-SA 4.0; ``benchmarks.gold.splits.split_of``), the first as the
LibreOffice news column extracted by ``pdftotext -layout`` with its hyphens lost (PDF dev set,
layout ``lo-news-lost-text``).
"""

from __future__ import annotations

from kaznlp import dehyphenate
from kaznlp.lang.affixes import number_suffixes, suffix_allomorphs

# PDF dev set, lo-news-lost-text | pdftotext-layout | ntrex-scotsman.133773 (a narrow column)
LOST_COLUMN = """   Бірақ, жарқанаттар
жайлы беймәлім де
ректер әлі де көп, сол
себептен, осы және
басқа да аймақтарда
жүргізіліп жатқан жұ
мыстар бізге оларды
көбейту үшін не қа
жет екендігін жақсы
рақ түсінуге көмекте
седі." Ол ғимараттар
дағы жөндеу жұмы
сын бастамас бұрын
берілген        аумақта
жарқанаттардың бар
жоғын тексеріп алу
дың    маңыздылығын
"""


def test_rows_are_chain_suffixes_not_number_suffixes() -> None:
    new = {"рақ", "рек", "ырақ", "ірек", "шыл", "шіл"}
    assert new <= suffix_allomorphs()
    assert not new & set(number_suffixes())  # never after a number: the tokenizer is unchanged


def test_comparative_after_a_lost_hyphen_pdf_column() -> None:
    out = dehyphenate(LOST_COLUMN)
    assert "жақсырақ түсінуге" in out
    assert "деректер" in out and "көмектеседі" in out


def test_comparative_after_a_line_end_hyphen() -> None:
    # NTREX scotsman.133765 (dev)
    text = "олар мүмкіндіктерін бізге қарағанда жақсы-\nрақ пайдаланды."
    assert dehyphenate(text) == "олар мүмкіндіктерін бізге қарағанда жақсырақ пайдаланды."


def test_shyl_after_a_line_end_hyphen() -> None:
    # KazQAD kazqad-val-lit1280lit (CC BY-SA 4.0, dev); without the -шыл row: ``ұлт-шыл``
    text = "Ахмет Байтұрсынұлы ұлтын шын сүйетін шын ұлт-\nшыл.\nА. Байтұрсынұлының өлеңдері"
    out = dehyphenate(text)
    assert "шын ұлтшыл." in out
