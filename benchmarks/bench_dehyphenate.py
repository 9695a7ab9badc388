"""Speed of ``kaznlp.dehyphenate`` (chars/s) and linearity (1 MB vs 8 MB).

    python benchmarks/bench_dehyphenate.py      # writes benchmarks/results/dehyphenate.{json,md}

Corpora (read from ../shared/data at run time):
* ``web``: the apertium web crawl + NTREX + KazQAD text as it is (one paragraph or
  sentence per line, no wrapping: the fast path);
* ``wrapped``: the same text wrapped at 60 characters with hyphen + newline breaks
  (every line goes through the full decision path).
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kaznlp.dehyphenate import dehyphenate  # noqa: E402


def corpus() -> str:
    parts = []
    for p in sorted((SHARED / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        parts.append(p.read_text(encoding="utf-8"))
    for name in ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/kazqad_val_passages.jsonl"):
        for line in (SHARED / name).open(encoding="utf-8"):
            parts.append(json.loads(line)["text"])
    return "\n\n".join(parts)


def wrapped(text: str, size: int) -> str:
    from dehyphenate_testset import Hyphenator, _wrap_para
    import random

    hy = Hyphenator(SHARED / "hyphenation" / "hyph-kk.pat.txt")
    rng = random.Random(1)
    out, n = [], 0
    for para in text.split("\n"):
        words = para.split()
        if not words:
            continue
        w, _ = _wrap_para(words, 60, "hyphen", hy, rng)
        out.append(w)
        n += len(w) + 2
        if n >= size:
            break
    return "\n\n".join(out)


def timeit(text: str, reps: int = 3) -> float:
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        dehyphenate(text)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    if not SHARED.is_dir():
        print(f"missing {SHARED}", file=sys.stderr)
        return 1
    base = corpus()
    res: dict = {"python": platform.python_version(), "machine": platform.machine(), "runs": []}
    wbase = wrapped(base, 1_000_000)
    for name, src in (("web", base), ("wrapped", wbase)):
        for mb in (1, 8):
            size = mb * 1_000_000
            text = (src * (size // len(src) + 1))[:size]
            sec = timeit(text, reps=3 if mb == 1 else 1)
            res["runs"].append({"corpus": name, "chars": len(text), "seconds": round(sec, 4),
                                "chars_per_s": round(len(text) / sec)})
    for name in ("web", "wrapped"):
        r1, r8 = [r for r in res["runs"] if r["corpus"] == name]
        res[f"{name}_ratio_8MB_over_1MB_time"] = round(r8["seconds"] / r1["seconds"], 2)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dehyphenate.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    lines = ["# dehyphenate speed", "", f"Python {res['python']} ({res['machine']}); `python benchmarks/bench_dehyphenate.py`", "",
             "| corpus | chars | seconds | chars/s |", "|---|---|---|---|"]
    for r in res["runs"]:
        lines.append(f"| {r['corpus']} | {r['chars']:,} | {r['seconds']} | {r['chars_per_s']:,} |")
    lines += ["", f"Linearity (time 8 MB / time 1 MB, ideal 8.0): web {res['web_ratio_8MB_over_1MB_time']}, "
              f"wrapped {res['wrapped_ratio_8MB_over_1MB_time']}", ""]
    (out / "dehyphenate.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
