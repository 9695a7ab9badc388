"""Accuracy benchmarks: kaznlp and its peers scored on gold sets (UD Kazakh-KTB, the news gold, round trips)."""
