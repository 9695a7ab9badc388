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
import os
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZNLP_SHARED", ROOT.parent / "shared"))
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)
PAGES = sorted(p for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")] if p.exists())
# Pages (owned by other issues) with a known non-runnable block; the owner should mark it
# ```python no-run``` (or make it run). xfail, not skip: the test says when it is fixed.
KNOWN_BROKEN: dict[str, str] = {}


def blocks(path: Path) -> list[tuple[str, str, int]]:
    """``(info, code, line)`` of every fenced block of ``path``."""
    text = path.read_text(encoding="utf-8")
    return [(m.group(1).strip(), m.group(2), text.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(text)]


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
                runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
                runner.run(test, clear_globs=False)
                namespace.update(test.globs)  # DocTest copied the namespace; keep its names for later blocks
                assert runner.failures == 0, f"{page.name}:{line}: doctest failed (see output above)"
            else:
                exec(compile(code, f"{page.name}:{line}", "exec"), namespace)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.split(".")[0] in {"dask", "distributed", "pandas", "pyarrow", "stanza"}:
                pytest.skip(f"{page.name}:{line} needs {exc.name} (optional extra)")
            raise
        ran += 1
    assert ran or all("no-run" in i or "needs-shared" in i for i, _, _ in code_blocks)


def _commands(page: Path) -> list[tuple[str, int]]:
    out = []
    for info, code, line in blocks(page):
        if info.split()[:1] not in (["sh"], ["bash"], ["console"]):
            continue
        for i, raw in enumerate(code.splitlines()):
            cmd = raw.split("#")[0].strip().removeprefix("$ ")
            if "|" in cmd:
                cmd = cmd.rsplit("|", 1)[1].strip()
            if cmd.startswith("kaznlp "):
                out.append((cmd, line + 1 + i))
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
