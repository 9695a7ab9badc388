"""Test sets built from ../shared at run time (de-hyphenation, normalization, PDF text) and their scorers."""
