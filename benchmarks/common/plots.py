"""PNG figures for docs/ from the JSON in ``benchmarks/results/`` (matplotlib, no display needed).

    python -m benchmarks.common.plots            # after the benchmarks have run (run_all.py calls this)

Figures (written to ``docs/img/``), each with the machine it ran on and the reminder
that ratios, not absolute times, carry across machines:

* ``stage_throughput.png``: chars/s of every kaznlp stage and each peer (pipeline.json)
* ``scaling.png``: ``kaznlp process`` chars/s at 1/10/100 MB, ``--jobs 1`` vs ``2`` (pipeline.json)
* ``core_speed.png``: tokenizer and sentence-splitter chars/s vs peers (core.json)
* ``accuracy_ud_ktb.png``: token F1 and sentence-boundary F1 on UD Kazakh-KTB (core.json)

A figure whose results file is missing is skipped with a note.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
RESULTS = HERE / "results"
IMG = HERE.parent / "docs" / "img"
KAZ = "#1f77b4"
PEER = "#b0b0b0"
RATIO_NOTE = "Ratios, not absolute times, carry across machines."


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _footer(fig, machine: dict, date: str) -> None:
    fig.text(0.01, 0.005, f"{machine.get('cpu', '?')}, {machine.get('cores_usable', '?')} cores, "
             f"{machine.get('implementation', 'Python')} {machine.get('python', '')}; run {date}.\n{RATIO_NOTE}",
             fontsize=7, color="#555555", ha="left", va="bottom")


def _load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def stage_throughput(res: dict, out: Path) -> None:
    plt = _plt()
    order = ["normalize", "dehyphenate", "split", "tokenize", "pipeline", "ner"]
    rows = sorted((r for r in res["stages"] if "chars_per_s" in r),
                  key=lambda r: (order.index(r["group"]), -r["chars_per_s"]))
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(rows) + 1.6))
    y = list(range(len(rows)))[::-1]
    ax.barh(y, [r["chars_per_s"] for r in rows], color=[KAZ if r["tool"].startswith("kaznlp") else PEER for r in rows])
    ax.set_yticks(y, [f"{r['group']}: {r['tool']}" for r in rows], fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("characters per second (log scale; higher is better)")
    for yi, r in zip(y, rows):
        ax.text(r["chars_per_s"] * 1.05, yi, f"{r['chars_per_s'] / 1e6:.2f}M", va="center", fontsize=7)
    ax.set_title(f"Throughput per stage on {res['stage_mb']:g} MB of Kazakh news text (kaznlp in blue)", fontsize=10)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _footer(fig, res["machine"], res["date"])
    fig.savefig(out, dpi=110)
    plt.close(fig)


def scaling(res: dict, out: Path) -> None:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8.5, 5.2))
    for jobs, style in ((1, "o-"), (2, "s-")):
        pts = [(r["mb"], r["chars_per_s"]) for r in res["scaling"] if r["jobs"] == jobs and "chars_per_s" in r]
        if pts:
            ax.plot(*zip(*pts), style, label=f"--jobs {jobs}")
    for r in res.get("corpus", {}).get("runs", []):
        if "chars_per_s" in r:
            ax.plot([r["input_mb"]], [r["chars_per_s"]], "x" if r["jobs"] == 1 else "+", color="black",
                    markersize=9, label=f"shared news+other, --jobs {r['jobs']}")
    ax.set_xscale("log")
    ax.set_xlabel("input size (MB of UTF-8 text, log scale)")
    ax.set_ylabel("characters per second (whole command)")
    ax.set_ylim(bottom=0)
    sp = res.get("speedup_jobs2", {})
    ce = res.get("parallel_ceiling", {})
    parts = [f"{'shared news+other' if k == 'corpus' else f'{float(k):g} MB'}: {v:.2f}× (ceiling {ce.get(k, float('nan')):.2f}×)"
             for k, v in sp.items()]
    txt = "; ".join(parts[:2]) + ("\n" + "; ".join(parts[2:]) if len(parts) > 2 else "")
    ax.set_title(f"kaznlp process, full pipeline without NER: jobs 2 / jobs 1 speedup\n{txt}\n"
                 "(ceiling: what 2 processes of a plain CPU loop gained on this machine at that moment; 2.00× if idle)",
                 fontsize=8)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v / 1e6:.1f}M")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _footer(fig, res["machine"], res["date"])
    fig.savefig(out, dpi=110)
    plt.close(fig)


def core_speed(res: dict, out: Path) -> None:
    plt = _plt()
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    for ax, task, title in ((axes[0], "tokenize", "tokenization"), (axes[1], "split", "sentence splitting")):
        rows = sorted(((n, r[task]["chars_per_s"]) for n, r in res["speed"].items()
                       if task in r and "chars_per_s" in r[task]), key=lambda x: x[1])
        ax.barh(range(len(rows)), [v for _, v in rows], color=[KAZ if n == "kaznlp" else PEER for n, _ in rows])
        ax.set_yticks(range(len(rows)), [n for n, _ in rows], fontsize=8)
        ax.set_xscale("log")
        ax.set_xlabel("chars/s (log)")
        ax.set_title(title, fontsize=10)
    fig.suptitle("Core speed on 1 string of mixed news text (bench_core)", fontsize=10)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _footer(fig, res["machine"], res["date"])
    fig.savefig(out, dpi=110)
    plt.close(fig)


def accuracy(res: dict, out: Path) -> None:
    plt = _plt()
    acc = res.get("accuracy") or {}
    names = list(acc)
    tok = [acc[n].get("tokens", {}).get("f1") for n in names]
    bnd = [acc[n].get("sentences", {}).get("boundary", {}).get("f1") for n in names]
    fig, ax = plt.subplots(figsize=(8, 3.8))
    x = range(len(names))
    ax.bar([i - 0.2 for i in x], [t or 0 for t in tok], 0.4, label="token F1", color=KAZ)
    ax.bar([i + 0.2 for i in x], [b or 0 for b in bnd], 0.4, label="sentence-boundary F1", color="#ff7f0e")
    for i, (t, b) in enumerate(zip(tok, bnd)):
        for dx, v in ((-0.2, t), (0.2, b)):
            ax.text(i + dx, (v or 0) + 0.2, "—" if v is None else f"{v:.1f}", ha="center", fontsize=7)
    ax.set_xticks(list(x), names, fontsize=8)
    ax.set_ylim(min([v for v in tok + bnd if v] + [80]) - 5, 101)
    ax.set_ylabel("F1 (%)")
    ax.set_title("Accuracy on UD Kazakh-KTB (exact spans)", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _footer(fig, res["machine"], res["date"])
    fig.savefig(out, dpi=110)
    plt.close(fig)


FIGURES = [
    ("pipeline.json", "stage_throughput.png", stage_throughput),
    ("pipeline.json", "scaling.png", scaling),
    ("core.json", "core_speed.png", core_speed),
    ("core.json", "accuracy_ud_ktb.png", accuracy),
]


def main() -> list[str]:
    """Write every figure whose results exist; return the paths written."""
    IMG.mkdir(parents=True, exist_ok=True)
    written = []
    for src, name, fn in FIGURES:
        res = _load(src)
        if res is None:
            print(f"[plots] {name}: skipped, {RESULTS / src} missing", file=sys.stderr)
            continue
        try:
            fn(res, IMG / name)
            written.append(str(IMG / name))
        except Exception as exc:  # a broken figure must not hide the others
            print(f"[plots] {name}: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    print(f"[plots] wrote {', '.join(written) or 'nothing'}", file=sys.stderr)
    return written


if __name__ == "__main__":
    main()
