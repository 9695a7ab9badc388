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
#: every page checked here: README.md and every Markdown file under docs/ (test_pages_are_every_page)
PAGES = sorted(p for p in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")] if p.exists())


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


def test_pages_are_every_page() -> None:
    """The pages checked are README.md and every Markdown page git tracks under docs/ (a page
    left out of the list is a page whose examples and links nobody checks)."""
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"README.md", "docs/index.md", "docs/tokenize.md"} <= names
    res = subprocess.run(["git", "ls-files", "--", "README.md", "docs/*.md"], cwd=ROOT, capture_output=True,
                         text=True)
    if res.returncode:
        pytest.skip("not a git checkout")
    tracked = set(res.stdout.split())
    assert tracked - names == set(), f"pages not checked: {sorted(tracked - names)}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run_python_blocks(page, tmp_path, monkeypatch)


def _run_python_blocks(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the Python blocks of ``page`` in order in one namespace (see the module docstring)."""
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
    _check_block(page, info, code, line)


def _check_block(page: Path, info: str, code: str, line: int) -> None:
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


LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
INLINE_CODE = re.compile(r"(`+).+?\1", re.S)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")


def _prose(text: str) -> str:
    """``text`` without its fenced blocks (a ``# comment`` in a shell block is no heading, a
    ``d["k"](x)`` in code no link); line numbers kept."""
    return FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def anchors(page: Path) -> set[str]:
    """The ``#fragment`` names a page has, as GitHub makes them: each heading lower-cased,
    punctuation (backticks, colons, ...) dropped, spaces as hyphens, ``-1``, ``-2`` for repeats;
    plus explicit ``<a id="...">`` / ``<a name="...">``."""
    prose = _prose(page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    out = set(HTML_ANCHOR.findall(prose))
    for heading in HEADING.findall(prose):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def broken_links(page: Path, root: Path = ROOT) -> list[str]:
    """Every relative link of ``page`` (outside code) whose file is missing, leaves ``root``, or
    whose ``#fragment`` is not a heading of the Markdown page it points to; web links are not
    fetched (tests run offline)."""
    prose = INLINE_CODE.sub("", _prose(page.read_text(encoding="utf-8")))
    broken = []
    for target in LINK.findall(prose):
        if not target or re.match(r"^[a-z][\w+.-]*:", target):  # https:, mailto:, ...
            continue
        path, _, fragment = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif not dest.is_relative_to(root.resolve()):
            broken.append(f"{target}: outside the repository")
        elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
            broken.append(f"{target}: no heading #{fragment} in {dest.name}")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_resolve(page: Path) -> None:
    """Every relative link of every page (README.md and all of docs/) points to a file of the
    repository, and a ``#fragment`` to a heading that the target page has."""
    assert broken_links(page) == [], f"{page.name}: broken links"


def test_link_check_finds_breaks(tmp_path: Path) -> None:
    """The link check bites: a missing page, a missing heading, a link out of the tree are found;
    good links, web links and links inside code are not."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("# Сөйлем шекаралары\n\n## Speed: `split_sentences`\n",
                                                encoding="utf-8")
    page = tmp_path / "docs" / "page.md"
    page.write_text(
        "# Page\n\n## Бөлім\n\nSee [other](other.md#speed-split_sentences), [top](other.md#сөйлем-шекаралары),\n"
        "[here](#бөлім), [web](https://kaznlp.kz/x.md), ![img](other.md).\n"
        "Broken: [a](missing.md), [b](other.md#no-such-heading), [c](#nowhere), [d](../../outside.md).\n"
        "In code: `[x](nothing.md)`\n\n```python\nd[\"k\"](x)\n```\n", encoding="utf-8")
    (tmp_path.parent / "outside.md").write_text("# Out\n", encoding="utf-8")
    assert broken_links(page, root=tmp_path) == [
        "missing.md: no such file", "other.md#no-such-heading: no heading #no-such-heading in other.md",
        "#nowhere: no heading #nowhere in page.md", "../../outside.md: outside the repository"]


def test_block_checks_bite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The block checks can fail: a Python block that raises, a doctest whose output is wrong,
    a file tree naming a missing file, bad JSON, an unknown program, a no-run block that does not
    parse."""
    page = tmp_path / "page.md"
    for i, (block, error) in enumerate([
        ("```python\nimport kaznlp\nkaznlp.tokenize(b'x')\n```\n", TypeError),
        ("```python\n>>> import kaznlp\n>>> [t.text for t in kaznlp.tokenize('Ол келді.')]\n['Ол келді.']\n```\n",
         AssertionError),
    ]):
        page.write_text(block, encoding="utf-8")
        (tmp_path / f"run{i}").mkdir()
        with pytest.raises(error):
            _run_python_blocks(page, tmp_path / f"run{i}", monkeypatch)
    for info, code, error, message in [
        ("", "kaznlp/\n    tokenize.py\n    no_such_module.py\n", AssertionError, "no_such_module.py does not exist"),
        ("json", "{\"сөз\": 1,}\n", json.JSONDecodeError, "Expecting"),
        ("sh", "pip install kaznlp\nrm -rf build\n", AssertionError, "`rm` lines are not checked"),
        ("sh", "python -m benchmarks.speed.bench_adversarial --no-such-option\n", AssertionError, "no option --no-such"),
        ("python no-run", "def f(:\n", SyntaxError, "page.md:1"),
    ]:
        with pytest.raises(error, match=re.escape(message)):
            _check_block(page, info, code, 1)


@pytest.mark.parametrize("module", ["kaznlp.corpus_io", "kaznlp.cli", "kaznlp.dask_support", "kaznlp.lang.charlm", "kaznlp.linebreaks",
                                    "kaznlp.dehyphenate", "kaznlp.alignment"])
def test_module_doctests(module: str) -> None:
    if module == "kaznlp.dask_support":
        pytest.importorskip("dask.bag")
    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 0
