"""Every Python example in README.md and docs/*.md runs, and every documented command parses.

Fences:
* ```` ```python ````: executed; the blocks of one file share a namespace, in order;
* ```` ```python no-run ````: shown only (needs a cluster, a download, ...);
* ```` ```python needs-shared ````: executed only when ../shared/data is present.

A block whose first line starts with ``>>>`` is run as a doctest (its outputs are checked).

The code runs in a temporary folder next to a ``shared`` link, so an example's
``../shared/data/...`` path means the same as from a checkout next to ``shared/``.
Doctests of the corpus modules run here too.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZNLP_SHARED", ROOT.parent / "shared"))
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)
PAGES = sorted(p for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")] if p.exists())
# Pages (owned by other issues) with a known non-runnable block; the owner should mark it
# ```python no-run``` (or make it run). xfail, not skip: the test says when it is fixed.
KNOWN_BROKEN: dict[str, str] = {}


#: modules that only an extra brings (a page's example needing one skips without it)
EXTRA_MODULES = {"dask", "distributed", "pandas", "pyarrow", "stanza", "spacy", "thinc", "numpy", "threadpoolctl"}


def blocks(path: Path) -> list[tuple[str, str, int]]:
    """``(info, code, line)`` of every fenced block of ``path``."""
    text = path.read_text(encoding="utf-8")
    return [(m.group(1).strip(), m.group(2), text.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(text)]


class _Runner(doctest.DocTestRunner):
    """A doctest runner that keeps the ModuleNotFoundError of an optional extra an example raised
    (doctest reports it as a failure; the test skips the page instead, as for plain blocks)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.missing: list[ModuleNotFoundError] = []

    def report_unexpected_exception(self, out, test, example, exc_info):  # type: ignore[no-untyped-def]
        exc = exc_info[1]
        if isinstance(exc, ModuleNotFoundError) and exc.name and exc.name.split(".")[0] in EXTRA_MODULES:
            self.missing.append(exc)
        super().report_unexpected_exception(out, test, example, exc_info)


@pytest.mark.parametrize("page", [
    pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_BROKEN[p.name], strict=False)) if p.name in KNOWN_BROKEN
    else p for p in PAGES], ids=lambda p: p.name)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code_blocks = [(info, code, line) for info, code, line in blocks(page) if info.split()[:1] == ["python"]]
    if not code_blocks:
        pytest.skip("no Python examples")
    work = tmp_path / "work"
    work.mkdir()
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED.resolve())
    monkeypatch.chdir(work)
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict = {"__name__": f"docs_{page.stem}"}
    ran = 0
    for info, code, line in code_blocks:
        flags = info.split()[1:]
        if "no-run" in flags:
            continue
        if "needs-shared" in flags and not (SHARED / "data").is_dir():
            continue
        try:
            if code.lstrip().startswith(">>>"):
                test = doctest.DocTestParser().get_doctest(code, namespace, f"{page.name}:{line}", str(page), line)
                runner = _Runner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
                runner.run(test, clear_globs=False)
                namespace.update(test.globs)  # DocTest copied the namespace; keep its names for later blocks
                if runner.failures and runner.missing:  # an example needs an extra that is not installed
                    raise runner.missing[0]
                assert runner.failures == 0, f"{page.name}:{line}: doctest failed (see output above)"
            else:
                exec(compile(code, f"{page.name}:{line}", "exec"), namespace)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.split(".")[0] in EXTRA_MODULES:
                pytest.skip(f"{page.name}:{line} needs {exc.name} (optional extra)")
            raise
        ran += 1
    assert ran or all("no-run" in i or "needs-shared" in i for i, _, _ in code_blocks)


SHELL_INFO = {"sh", "bash", "console", "shell"}
CONFIG_INFO = {"ini", "cfg"}
#: programs a shell line may start with besides ``kaznlp``, ``pip`` and ``python`` (checked below);
#: anything else fails test_every_block_is_checked, so a new kind of command gets a check
OTHER_PROGRAMS = {"cat", "dask", "apt-get"}


def _shell_lines(code: str) -> list[list[str]]:
    """The commands of a shell block as argv lists: comments and ``$ `` dropped, ``\\`` continued,
    ``nice -n N`` unwrapped, ``a | b`` and ``a && b`` split into their commands."""
    out: list[list[str]] = []
    pending = ""
    for raw in code.splitlines():
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        line = (pending + raw).strip().removeprefix("$ ")
        pending = ""
        argv: list[str] = []
        for word in shlex.split(line, comments=True):
            if word in {"|", "&&"}:
                out.append(argv)
                argv = []
            else:
                argv.append(word)
        out.append(argv)
    cmds = []
    for argv in out:
        if argv[:2] == ["nice", "-n"]:
            argv = argv[3:]
        if argv:
            cmds.append(argv)
    return cmds


def _kind(info: str, code: str) -> str:
    """What a block is: python, shell, config, json, tree (a file listing) or diagram."""
    word = info.split()[0] if info else ""
    if word == "python":
        return "python"
    if word in SHELL_INFO:
        return "shell"
    if word in CONFIG_INFO:
        return "config"
    if word in {"json", "jsonl"}:
        return "json"
    if not word:  # an untagged block: commands, a file tree, or a drawing
        first = [ln.split()[0] for ln in code.splitlines() if ln.strip()]
        if first and all(w in {"python", "pip", "kaznlp", "nice", *OTHER_PROGRAMS} or ln.startswith(" ")
                         for w, ln in zip(first, [ln for ln in code.splitlines() if ln.strip()])):
            return "shell"
        if re.match(r"^[\w.]+/\n", code):
            return "tree"
        return "diagram"
    return word


ALL_BLOCKS = [(p, info, code, line) for p in PAGES for info, code, line in blocks(p)]


def _commands(page: Path) -> list[tuple[str, int]]:
    out = []
    for info, code, line in blocks(page):
        if _kind(info, code) != "shell":
            continue
        for argv in _shell_lines(code):
            if argv[0] == "kaznlp":
                out.append((shlex.join(argv), line))
    return out


COMMANDS = [(p, c, n) for p in PAGES for c, n in _commands(p)]


@pytest.mark.parametrize("page,cmd,line", COMMANDS, ids=[f"{p.name}:{n}" for p, _, n in COMMANDS])
def test_documented_commands_parse(page: Path, cmd: str, line: int) -> None:
    """Each ``kaznlp ...`` line in a shell block uses options the command has."""
    from kaznlp.cli import build_parser

    argv = shlex.split(cmd)[1:]
    if argv and argv[0] in {"--version", "--help"}:
        return
    try:
        build_parser().parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"{page.name}:{line}: `{cmd}` does not parse (exit {exc.code})")


def _sandbox(root: Path) -> Path:
    """A folder laid out as the docs' commands expect, from the bundled sample article: ``news/``,
    ``article.txt``, ``articles.jsonl`` (``body``, ``url``), ``archive/**/*.txt`` in cp1251 and
    ``../shared/data/{news,other}``: tiny, so every command runs in about a second."""
    sample = (ROOT / "kaznlp" / "data" / "sample_kk.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in sample.split("\n\n") if p.strip()]
    work = root / "work"
    for folder in (work / "news", root / "shared" / "data" / "news", root / "shared" / "data" / "other"):
        folder.mkdir(parents=True)
        for i, para in enumerate(paragraphs[:3]):
            (folder / f"doc{i}.txt").write_text(para + "\n", encoding="utf-8")
    (work / "article.txt").write_text(sample, encoding="utf-8")
    (work / "articles.jsonl").write_text("".join(
        json.dumps({"url": f"https://example.kz/{i}", "body": p}, ensure_ascii=False) + "\n"
        for i, p in enumerate(paragraphs)), encoding="utf-8")
    (work / "archive" / "2024").mkdir(parents=True)
    # cp1251 has no Kazakh-only letters (ә, қ, ...): an old archive file has "?" in their place
    (work / "archive" / "2024" / "old.txt").write_bytes(paragraphs[1].encode("cp1251", errors="replace"))
    return work


RUNNABLE = [(p, c, n) for p, c, n in COMMANDS if shlex.split(c)[1:2] not in (["--version"], ["--help"])]


@pytest.mark.parametrize("page,cmd,line", RUNNABLE, ids=[f"{p.name}:{n}" for p, _, n in RUNNABLE])
def test_documented_commands_run(page: Path, cmd: str, line: int, tmp_path: Path) -> None:
    """Each ``kaznlp ...`` line runs on the bundled sample laid out as the docs expect, exits 0
    and writes its output (stdout, or the ``-o`` file or folder)."""
    argv = shlex.split(cmd)[1:]
    if "--dask" in argv:
        pytest.skip("needs a Dask cluster (the option is checked by test_documented_commands_parse)")
    if "ner" in " ".join(argv).replace(",", " ").split() or any(a.endswith(".spacy") for a in argv):
        pytest.importorskip("spacy", reason="the ner step and DocBin output need the [ner] extra")
    work = _sandbox(tmp_path)
    stdin = None
    pipe = [c for c in (_shell_lines(b[1]) for b in blocks(page) if b[2] == line) for c in c]
    for i, full in enumerate(pipe):  # `cat FILE | kaznlp ...`: the file comes in on stdin
        if full[0] == "kaznlp" and shlex.join(full) == cmd and i and pipe[i - 1][0] == "cat":
            stdin = (work / pipe[i - 1][1]).read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    res = subprocess.run([sys.executable, "-m", "kaznlp", *argv], cwd=work, input=stdin, capture_output=True,
                         env=env, timeout=300)
    if res.returncode and argv[:1] == ["demo"] and importlib.util.find_spec("spacy") is None:
        # kaznlp demo means to leave NER out when it cannot run; without spaCy it crashes instead
        # (kaznlp/corpus_io.py _ner_function checks only that kaznlp.ner imports; issue 17 report)
        pytest.xfail("kaznlp demo without spaCy: corpus_io._ner_function does not check for spaCy")
    assert res.returncode == 0, f"{page.name}:{line}: `{cmd}` exited {res.returncode}: {res.stderr.decode()[-800:]}"
    if "-o" in argv:
        out = work / argv[argv.index("-o") + 1]
        assert out.exists() and (out.is_dir() or out.stat().st_size > 0), f"{page.name}:{line}: no {out.name}"
    else:
        assert res.stdout.strip(), f"{page.name}:{line}: `{cmd}` printed nothing"


def _check_shell_line(argv: list[str], where: str, extras: set[str]) -> None:
    prog, args = argv[0], argv[1:]
    if prog == "kaznlp":
        return  # parsed and run above
    if prog == "pip":
        assert args[:1] == ["install"], f"{where}: pip {args[:1]}"
        for arg in args[1:]:
            if arg.startswith(("-", "https://download.pytorch.org/whl/cpu")):
                continue
            m = re.fullmatch(r"([^\[\]]+)(?:\[([\w,-]+)\])?", arg)
            assert m, f"{where}: cannot read {arg!r}"
            target, wanted = m.group(1), m.group(2)
            if target in {".", "kaznlp"} or target.startswith("dist/kaznlp-"):
                if target.startswith("dist/"):
                    assert target == f"dist/kaznlp-{kaznlp_version()}-py3-none-any.whl", f"{where}: {target}"
                missing = set((wanted or "").split(",")) - extras - {""}
                assert not missing, f"{where}: no extra {sorted(missing)} in pyproject.toml"
        return
    if prog == "python":
        if args[:1] == ["-m"]:
            module = args[1]
            if module in {"pytest", "build", "twine", "spacy"}:
                return
            path = ROOT / (module.replace(".", "/") + ".py")
            if not path.exists():
                path = ROOT / module.replace(".", "/") / "__main__.py"
            assert path.exists(), f"{where}: no module {module}"
            source = path.read_text(encoding="utf-8")
            for flag in (a.split("=")[0] for a in args[2:] if a.startswith("--")):
                assert f'"{flag}"' in source, f"{where}: {module} has no option {flag}"
        elif args[:1] == ["-c"]:
            compile(args[1], where, "exec")
        else:
            assert (ROOT / args[0]).exists(), f"{where}: no file {args[0]}"
        return
    assert prog in OTHER_PROGRAMS, f"{where}: `{prog}` lines are not checked; add a check"


def kaznlp_version() -> str:
    import kaznlp

    return kaznlp.__version__


@pytest.mark.parametrize("page,info,code,line", ALL_BLOCKS, ids=[f"{p.name}:{n}" for p, _, _, n in ALL_BLOCKS])
def test_every_block_is_checked(page: Path, info: str, code: str, line: int) -> None:
    """Every fenced block of README.md and docs/ is exercised: Python blocks run
    (test_python_examples_run), ``kaznlp`` lines parse and run (above), configs load in spaCy
    (test_config_blocks_load); here: other shell lines (``pip install`` names extras that exist,
    ``python -m`` a module that exists with the options shown, ``python -c`` code that compiles),
    JSON blocks parse, file trees name files that exist, ``python no-run`` blocks compile. Only
    drawings are not checked."""
    where = f"{page.name}:{line}"
    kind = _kind(info, code)
    assert kind in {"python", "shell", "config", "json", "tree", "diagram"}, f"{where}: unknown block {info!r}"
    if kind == "python" and "no-run" in info.split()[1:]:
        compile(code, where, "exec")  # shown only (needs a cluster, a download): at least it parses
    elif kind == "shell":
        tomllib = pytest.importorskip("tomllib")
        extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                     ["project"]["optional-dependencies"])
        for argv in _shell_lines(code):
            _check_shell_line(argv, where, extras)
    elif kind == "json":
        try:
            json.loads(code)
        except json.JSONDecodeError:
            for ln in code.splitlines():
                if ln.strip():
                    json.loads(ln)
    elif kind == "tree":
        base = ROOT / code.splitlines()[0].strip()
        for ln in code.splitlines()[1:]:
            name = ln.split()[0] if ln.strip() else ""
            if name:  # a module may since have become a package of the same name
                assert (base / name).exists() or (base / name.removesuffix(".py")).is_dir(), \
                    f"{where}: {base.name}/{name} does not exist"


CONFIGS = [(p, code, line) for p, info, code, line in ALL_BLOCKS if _kind(info, code) == "config"]


@pytest.mark.parametrize("page,code,line", CONFIGS, ids=[f"{p.name}:{n}" for p, _, n in CONFIGS])
def test_config_blocks_load(page: Path, code: str, line: int) -> None:
    """A spaCy config in the docs loads (``spacy.util.load_config_from_str`` +
    ``load_model_from_config``) into a pipeline with the components it names, which runs."""
    pytest.importorskip("spacy", reason="spaCy configs need the [ner] extra")
    from spacy.util import load_config_from_str, load_model_from_config

    import kaznlp.spacy_lang  # noqa: F401  (the names, also from a source checkout)

    config = load_config_from_str(code)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == list(config["nlp"]["pipeline"]), f"{page.name}:{line}"
    doc = nlp("Бүгін Астанада форум өтті. Оған 300-ден астам адам қатысты.")
    assert doc.text == "Бүгін Астанада форум өтті. Оған 300-ден астам адам қатысты."
    if "kaznlp_sentencizer" in nlp.pipe_names:
        assert [s.text for s in doc.sents] == ["Бүгін Астанада форум өтті.", "Оған 300-ден астам адам қатысты."]


MY_PAGES = ["index.md", "quickstart.md", "pipeline.md", "offsets.md", "cli.md", "cluster.md", "design.md"]
OTHERS = {"ner.md", "spacy_stanza.md", "normalize.md", "dehyphenate.md", "benchmarks.md"}


@pytest.mark.parametrize("name", MY_PAGES)
def test_links_between_pages_resolve(name: str) -> None:
    page = ROOT / "docs" / name
    if not page.exists():
        pytest.skip(f"{name} missing")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        if "://" in target:
            continue
        if target in OTHERS:  # pages other issues own; they may land later
            continue
        assert (page.parent / target).exists(), f"{name}: broken link {target}"


@pytest.mark.parametrize("module", ["kaznlp.corpus_io", "kaznlp.cli", "kaznlp.dask_support", "kaznlp.charlm", "kaznlp.linebreaks",
                                    "kaznlp.dehyphenate", "kaznlp.alignment"])
def test_module_doctests(module: str) -> None:
    if module == "kaznlp.dask_support":
        pytest.importorskip("dask.bag")
    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 0
