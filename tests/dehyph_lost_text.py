"""Shared by the lost-hyphen rule tests: a text that loses its line-end hyphens (the real ones too), long
enough for the document prior (sentences of the PDF dev document ntrex-bbc.381669), and the rule that
decided each bare break."""

from kaznlp.dehyphenate import explain_breaks

LOST_COMPOUNDS = ("Облыстың оңтүстік\nбатысында жаңбыр жауды, жауын\nшашын көп болды деп хабарлады. Метеоролог\n"
                  "тар бұл туралы айтып, халық\nқа ескертті. Сонымен қатар олар барлық\nбар ақпаратты берді, сондай\n"
                  "ақ басқа да жұмыстар атқарылды.")
BASE = "\n".join([LOST_COMPOUNDS] * 6)


def why(src: str) -> dict[tuple[str, str], tuple[str, str]]:
    """``{(left, right): (action, rule)}`` of every break of ``src``."""
    return {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(src)}
