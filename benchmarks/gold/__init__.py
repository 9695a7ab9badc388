"""Gold sets annotated for kaznlp's benchmarks (stored as offsets into ``../shared``, never as text)."""
