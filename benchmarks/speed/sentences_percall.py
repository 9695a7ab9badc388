"""Per-call cost of ``kaznlp.split_sentences`` on short inputs (issue 16 target: <= 20 us a call).

Times one call on each of a few short Kazakh inputs (one or two sentences, 24-94 characters),
best of ``--repeat`` rounds of ``--number`` calls, with razdel's ``sentenize`` timed in the same
rounds for reference (the machine's load moves both alike). Prints microseconds per call and
the load average; it is a benchmark, not a test::

    nice -n 10 python -m benchmarks.speed.sentences_percall
"""

from __future__ import annotations

import argparse
import os
import timeit

from kaznlp import split_sentences

SHORT = [
    "Бүгін Астанада жиналыс өтті.",
    "Жиналыс аяқталды. Ертең сессия басталады.",
    "Құны 5 млн. АҚШ долларын құрады.",
    "А.А. Мерғалиев сөз сөйледі.",
    "«Іс қаралды», – деді ол.",
    # the sentences of issue 16's per-call tables: bench_process_stages (75 chars) and bench_core (94 chars)
    "Халықтың 63%-ы қалаларда тұрады, деп хабарлады ҚР Ұлттық статистика бюросы.",
    "Бюро мәліметінше, 1 қаңтардағы жағдай бойынша республика халқының саны 20,3 млн. адамға жетті.",
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--number", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    try:
        from razdel import sentenize
    except ImportError:  # razdel is a benchmark peer, not a dependency
        sentenize = None
    print(f"load average {os.getloadavg()[0]:.2f}")
    for text in SHORT:
        k = min(timeit.repeat(lambda: split_sentences(text), number=args.number, repeat=args.repeat)) / args.number
        line = f"kaznlp {k * 1e6:6.2f} us/call"
        if sentenize is not None:
            r = min(timeit.repeat(lambda: list(sentenize(text)), number=args.number, repeat=args.repeat)) / args.number
            line += f"   razdel {r * 1e6:6.2f} us/call"
        print(f"{line}   {text!r}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
