"""The ``kaznlp`` command (also ``python -m kaznlp``).

``kaznlp process INPUT... -o OUT``: one record per document (JSONL, CoNLL-U, DocBin), offsets
into the document as read; ``kaznlp demo``: the bundled sample article (docs/cli.md). This is the
command line (arguments, messages, exit codes); the work is :func:`kaznlp.corpus.run.run`:

>>> args = build_parser().parse_args(["process", "жаңалықтар/", "-o", "news.conllu", "--jobs", "2"])
>>> args.inputs, _format_for(args.output, args.to), args.jobs
(['жаңалықтар/'], 'conllu', 2)
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from importlib import resources

from . import __version__
from .corpus import (
    ALL_STEPS,
    DEFAULT_STEPS,
    OUTPUT_FORMATS,
    InputDoc,
    OutputError,
    analyse,
    check_steps,
    docbin_parts_dir,
    parse_steps,
    to_jsonl,
)
from .corpus.run import BATCH_CHARS, BATCH_DOCS, Interrupted, process_batch, run

__all__ = ["main", "process_batch", "run", "Interrupted", "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE", "EXIT_OUTPUT"]

#: exit codes of ``kaznlp process`` (docs/cli.md, "Exit codes and the errors file")
EXIT_OK = 0  # every document found was processed (now or by the run being resumed)
EXIT_FAILED = 1  # the run finished, but documents failed (errors file) or no document was found
EXIT_USAGE = 2  # bad command line or settings; nothing was read or written
EXIT_OUTPUT = 3  # the output or errors file cannot be written; the run stopped; --resume continues
# 128 + signal number (130 SIGINT, 143 SIGTERM): interrupted; workers stopped; --resume continues

SAMPLE = "sample_kk.txt"


def _sample_text() -> str:
    return resources.files("kaznlp").joinpath("data", SAMPLE).read_text(encoding="utf-8")


# --- command line ------------------------------------------------------------------------


def _format_for(output: str | None, explicit: str | None) -> str:
    """The output format: ``--to`` when given, else from the name of ``-o`` (JSONL by default).

    >>> _format_for("news.spacy", None), _format_for("parts/", None), _format_for(None, None)
    ('docbin', 'docbin', 'jsonl')
    """
    if explicit:
        return explicit
    if output and output.endswith((".conllu", ".conll")):
        return "conllu"
    if output and output.endswith((".spacy", "/", os.sep)):
        return "docbin"
    return "jsonl"


def _say(message: str) -> None:
    """One line on standard error, unless it is closed (`2>&-`: ``sys.stderr`` is None, where
    ``print(file=None)`` would write into the records, or its writes fail)."""
    if sys.stderr is not None:
        try:
            print(message, file=sys.stderr, flush=True)
        except OSError:
            pass


def _demo(args: argparse.Namespace) -> int:
    if sys.stdout is None:  # `kaznlp demo >&-`
        raise OSError(9, "cannot write the demo to standard output: it is closed")
    text = _sample_text()
    if args.steps is not None:  # `--steps ''` is "no steps given", as for `kaznlp process`
        steps = parse_steps(args.steps)
        check_steps(steps)
    else:
        steps = parse_steps([s for s in ALL_STEPS if s != "words"])
        try:
            check_steps(steps)
        except RuntimeError as exc:  # the core install: no NER, said once
            steps = DEFAULT_STEPS
            _say(f"kaznlp demo: no NER here ({exc})")
    rec = analyse(text, doc_id="sample", source=f"kaznlp/data/{SAMPLE}", steps=steps)
    if args.json:
        sys.stdout.write(to_jsonl(rec))
        return 0
    out = sys.stdout
    sents = rec.get("sentences", [])
    ntok = sum(len(s.get("tokens", ())) for s in sents) if sents else len(rec.get("tokens", ()))
    out.write(f"kaznlp {__version__} demo: the bundled sample article ({len(text):,} characters), steps: "
              f"{', '.join(steps)}\n{len(sents)} sentences, {ntok} tokens, {len(rec['entities'])} entities; "
              "offsets point into the original text.\n\n")
    for i, s in enumerate(sents, 1):
        toks = s.get("tokens", [])
        shown = " | ".join(t[2].replace("\n", "⏎") for t in toks) if toks else s["text"].replace("\n", "⏎")
        out.write(f"[{i}] {s['start']}:{s['end']}  {shown}\n")
    if not sents and rec.get("tokens"):  # tokens without the sentences step: one line of them
        out.write(f"[tokens] {' | '.join(t[2].replace(chr(10), '⏎') for t in rec['tokens'])}\n")
    for e in rec["entities"]:
        out.write(f"  entity {e['label']:<14} {e['start']}:{e['end']}  {e['text']}\n")
    out.write("\nFull record: kaznlp demo --json   ·   your files: kaznlp process FILE... -o out.jsonl\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kaznlp", description="Kazakh news text preprocessing with exact offsets.")
    parser.add_argument("--version", action="version", version=f"kaznlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("process", help="analyse files, folders, JSONL or stdin into JSONL / CoNLL-U / DocBin",
                       description="Analyse documents; one output record per document, offsets exact.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="text file, folder (recursive), glob, JSONL file (*.jsonl), or - for stdin")
    p.add_argument("-o", "--output", help="output file (JSONL, CoNLL-U, one DocBin file for .spacy); a folder of "
                   "DocBin parts when it ends in / or is an existing folder; default: stdout")
    p.add_argument("--to", choices=OUTPUT_FORMATS, help="output format (default: from -o: .conllu → conllu, "
                   ".spacy or trailing / → docbin, else jsonl)")
    p.add_argument("--steps", default=",".join(DEFAULT_STEPS),
                   help=f"comma-separated steps from {','.join(ALL_STEPS)} (default: %(default)s)")
    p.add_argument("--no-normalize", action="store_true", help="drop the normalize step")
    p.add_argument("--no-dehyphenate", action="store_true", help="drop the dehyphenate step")
    p.add_argument("--no-multiword", action="store_true",
                   help="no multiword tokens: UD KTB's 'келген жоқ' becomes two tokens")
    p.add_argument("--sample", action="store_true", help="process the bundled sample article")
    g = p.add_argument_group("input")
    g.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto",
                   help="auto: *.jsonl/*.ndjson are JSONL, everything else (and -) one text document per file")
    g.add_argument("--text-field", default="text", help="JSONL field with the text; dotted for nested (default: text)")
    g.add_argument("--id-field", default="id", help="JSONL field with the document id (default: id; else path:line)")
    g.add_argument("--keep-fields", default="", help="comma-separated JSONL fields copied to the record's meta")
    g.add_argument("--glob", default="*", help="file-name pattern inside folders (default: *, e.g. '*.txt')")
    g.add_argument("--exclude", action="append", default=[], help="skip files matching this pattern (repeatable)")
    g.add_argument("--encoding", default="utf-8", help="input encoding: utf-8 (default), cp1251, kz1048, ...")
    r = p.add_argument_group("running")
    r.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1; 0: one per CPU core); output order is kept")
    r.add_argument("--dask", metavar="SCHEDULER", help="run batches on a Dask cluster (tcp://host:8786, or 'local')")
    r.add_argument("--resume", action="store_true", help="skip documents already in OUT (and in the errors file)")
    r.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    r.add_argument("--errors", help="errors file (default: OUT.errors.jsonl; stderr when writing to stdout)")
    r.add_argument("--batch-docs", type=int, default=BATCH_DOCS, help="documents per batch (default: %(default)s)")
    r.add_argument("--batch-chars", type=int, default=BATCH_CHARS, help="characters per batch (default: %(default)s)")
    r.add_argument("--progress", dest="progress", action="store_const", const=True, default=None,
                   help="always show the progress bar (default: only on a terminal)")
    r.add_argument("--no-progress", dest="progress", action="store_const", const=False)
    r.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    d = sub.add_parser("demo", help="run the pipeline on the bundled sample article")
    d.add_argument("--json", action="store_true", help="print the full JSON record instead of a summary")
    d.add_argument("--steps", help="steps (default: all, ner included when kaznlp.ner is available)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kaznlp`` command; returns the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:  # `kaznlp demo | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and (args.command != "process" or any(x.startswith("-") and x != "-" for x in extra)):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if extra:  # inputs after an option (`process a.txt -o out.jsonl b.txt`)
        args.inputs += extra
    if args.command == "demo":
        try:
            return _demo(args)
        except (RuntimeError, ValueError) as exc:
            parser.exit(EXIT_USAGE, f"kaznlp demo: {exc}\n")
        except OSError as exc:
            parser.exit(EXIT_OUTPUT, f"kaznlp demo: {exc.strerror or exc}\n")

    try:
        steps = list(parse_steps(args.steps))
    except ValueError as exc:
        parser.error(str(exc))
    if args.no_normalize and "normalize" in steps:
        steps.remove("normalize")
    if args.no_dehyphenate and "dehyphenate" in steps:
        steps.remove("dehyphenate")
    if args.no_multiword and "tokens" in steps:
        steps[steps.index("tokens")] = "words"
    if not steps:
        parser.error("no steps left to run")
    if args.jobs < 0:
        parser.error("--jobs must be 0 (one per CPU core) or more")
    for option, value in (("--batch-docs", args.batch_docs), ("--batch-chars", args.batch_chars)):
        if value < 1:
            parser.error(f"{option} must be 1 or more, got {value}")
    if not args.text_field:  # an empty shell variable: every line would be MissingField
        parser.error(f"--text-field {args.text_field!r} names no field; give one, e.g. --text-field body")
    if args.resume and args.overwrite:
        parser.error("--resume continues OUT and --overwrite replaces it: give one of them")
    if args.jobs == 0:
        args.jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    fmt = _format_for(args.output, args.to)
    documents = None
    if args.sample:
        if args.inputs:  # never a silently dropped input
            parser.error(f"--sample processes the bundled article only; drop it or the inputs ({' '.join(args.inputs)})")
        documents = [InputDoc("sample", f"kaznlp/data/{SAMPLE}", None, _sample_text(), 0)]
    elif not args.inputs:
        parser.error("give input files or folders, - for stdin, or --sample")
    out = args.output
    parts = docbin_parts_dir(out) if fmt == "docbin" and out and out != "-" else None
    if out and out != "-" and not (args.resume or args.overwrite):
        if os.path.exists(out):
            parser.error(f"{out} exists; add --resume to continue it or --overwrite to replace it")
        if parts and os.path.isdir(parts):
            parser.error(f"{parts} holds the parts of an unfinished run into {out}; add --resume to continue "
                         "it or --overwrite to start again")
    if fmt == "docbin" and (not out or out == "-"):
        parser.error("--to docbin needs -o OUT.spacy (or a folder)")
    if "-" in (args.inputs or ()) and _isatty(sys.stdin):  # `kaznlp process -`, no pipe
        _say("kaznlp process: reading the text from the terminal; end it with Ctrl-D (or pipe a file)")
    keep = [k.strip() for k in args.keep_fields.split(",") if k.strip()]
    where = f"{parts} (merged into {out} when the run completes)" if parts else out
    hint = f"; finished batches are in {where}: add --resume to continue" if out and out != "-" else ""
    try:
        stats = run(args.inputs, out, steps=steps, fmt=fmt, input_format=args.input_format, encoding=args.encoding,
                    text_field=args.text_field, id_field=args.id_field, keep_fields=keep, pattern=args.glob,
                    exclude=args.exclude, jobs=args.jobs, dask=args.dask, resume=args.resume,
                    errors_path=args.errors, progress=args.progress, batch_docs=args.batch_docs,
                    batch_chars=args.batch_chars, documents=documents)
    except OutputError as exc:
        parser.exit(EXIT_OUTPUT, f"kaznlp process: {exc.strerror}{hint if _has_output(out, parts) else ''}\n")
    except (RuntimeError, ValueError, LookupError) as exc:
        parser.exit(EXIT_USAGE, f"kaznlp process: {exc}\n")
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        parser.exit(128 + signum, f"kaznlp process: interrupted ({signal.Signals(signum).name}), "
                                  f"workers stopped{hint if _has_output(out, parts) else ''}\n")
    failed = stats["errors_total"]
    if not args.quiet:
        msg = (f"kaznlp: {stats['documents']:,} documents, {stats['chars']:,} chars in {stats['seconds']:.1f} s "
               f"({stats['docs_per_s']:,.1f} docs/s, {stats['chars_per_s']:,.0f} chars/s)")
        if stats["skipped"]:
            msg += f"; {stats['skipped']:,} already done"
        if failed:
            msg += f"; {failed} errors" + (f" → {stats['errors_file']}" if stats["errors_file"] else "")
        _say(msg)
    if stats["found"] == 0:
        _say("kaznlp process: no documents found in " + " ".join(args.inputs or ["--sample"]))
        return EXIT_FAILED
    if failed:
        if args.quiet:
            where = stats["errors_file"] or "stderr"
            _say(f"kaznlp process: {failed} documents or inputs failed; see {where}")
        if args.resume and failed > stats["errors"]:  # earlier runs' entries: not retried
            _say(f"kaznlp process: --resume skips the {failed - stats['errors']} documents that failed before; "
                 f"to retry them, delete their lines from {stats['errors_file']} and --resume again")
        source = stats.get("first_error", {}).get("UnicodeDecodeError")
        if source is not None:  # (to a file or to standard error alike)
            _say(f"kaznlp process: {source} is not {args.encoding}; name its encoding with --encoding "
                 "(cp1251, kz1048, utf-16, ...)")
        return EXIT_FAILED
    return EXIT_OK


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # (None when closed: `<&-`)
        return False


def _has_output(out: str | None, parts: str | None) -> bool:
    """Whether a failed run left what ``--resume`` continues (a non-empty ``OUT`` or DocBin parts)."""
    try:
        if parts and os.path.isdir(parts) and any(n.endswith(".spacy") for n in os.listdir(parts)):
            return True
        return bool(out) and os.path.isfile(out) and os.path.getsize(out) > 0  # type: ignore[arg-type]
    except OSError:
        return False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

