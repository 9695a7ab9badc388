"""Release metadata is consistent, checked without building (issue 17, item 3).

* the SPDX ``license`` expression of ``pyproject.toml`` names only licences whose official text
  ships (``LICENSE``, ``LICENSES/<id>.txt``) through ``license-files``, and every shipped text is
  named by it;
* the version has one source, ``kaznlp/__init__.py``'s ``__version__``, read statically by
  setuptools, and ``CHANGELOG.md`` and ``CITATION.cff`` name it;
* every file in ``kaznlp/data`` is listed in ``LICENSES/README.md`` with
  its licence, and the data files say the same in their ``#`` header (a ``Source`` line and a
  ``SPDX-License-Identifier:`` line), except the files that table marks *no header*, which
  their readers take verbatim;
* the NER model is a distribution of its own, ``kk-kaznlp-ner`` (``packages/kk_kaznlp_ner``), in
  step with kaznlp's version, with its own licence expression and texts; the ``ner`` extra pins
  it, and the in-tree build backend points that requirement at the checkout only.

``python -m build`` and ``twine check`` themselves run in ``.ci/run``.
"""

from __future__ import annotations

import ast
import glob
import gzip
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

import kaznlp
from kaznlp import _data
from kaznlp.lang import affixes

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
LICENCE_MAP = ROOT / "LICENSES" / "README.md"
SPDX_LINE = re.compile(r"^#.*\bSPDX-License-Identifier:\s*(\S+)\s*$")


def _licence_ids() -> list[str]:
    """SPDX ids of the package's ``license`` expression (``MIT AND CC-BY-SA-4.0`` -> both)."""
    return [t for t in re.split(r"[\s()]+", PROJECT["license"]) if t and t not in {"AND", "OR", "WITH"}]


def _licence_table() -> dict[str, tuple[str, str]]:
    """``{path: (SPDX id, source column)}`` from the file table of ``LICENSES/README.md``."""
    rows: dict[str, tuple[str, str]] = {}
    for line in LICENCE_MAP.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `(kaznlp/[^`]+)`[^|]*\| ([^|]+?) \| (.+) \|$", line)
        if m:
            rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


def _text(path: Path) -> str:
    """A data file's text, read as kaznlp reads it (a ``.gz`` or ``.xz`` file decompressed)."""
    return _data._read(path.parent, path.name.removesuffix(".gz").removesuffix(".xz"))


def _header(path: Path) -> list[str]:
    """The leading ``#`` lines of a data file (its comment header)."""
    out = []
    for line in _text(path).splitlines():
        if not line.startswith("#"):
            break
        out.append(line)
    return out


def test_license_is_an_spdx_expression_with_its_texts_shipped() -> None:
    # PEP 639: a string, not the deprecated {text = ...} table; no License :: classifiers beside it
    assert isinstance(PROJECT["license"], str)
    assert not [c for c in PROJECT.get("classifiers", []) if c.startswith("License ::")]
    licenses = pytest.importorskip("packaging.licenses")
    assert licenses.canonicalize_license_expression(PROJECT["license"]) == PROJECT["license"]

    shipped = {Path(p).resolve() for pattern in PROJECT["license-files"] for p in glob.glob(str(ROOT / pattern))}
    for pattern in PROJECT["license-files"]:
        assert glob.glob(str(ROOT / pattern)), f"license-files pattern {pattern!r} matches nothing"
    texts = {i: ROOT / ("LICENSE" if i == "MIT" else f"LICENSES/{i}.txt") for i in _licence_ids()}
    for spdx_id, path in texts.items():
        assert path.is_file() and path.resolve() in shipped, f"{spdx_id}: {path} missing or not in license-files"
    assert "Permission is hereby granted, free of charge" in texts["MIT"].read_text(encoding="utf-8")
    # every licence text that ships is one the expression names
    named = {p.resolve() for p in texts.values()}
    stray = [p.name for p in shipped if p.suffix == ".txt" and p not in named]
    assert not stray, f"licence texts shipped but not in the license expression: {stray}"


def test_licence_texts_are_the_official_ones() -> None:
    """The first lines of each text are those of the official legal code (no paraphrase)."""
    heads = {"CC-BY-SA-4.0": "Attribution-ShareAlike 4.0 International",
             "CC-BY-4.0": "Attribution 4.0 International",
             "Unicode-3.0": "UNICODE LICENSE V3",
             "MPL-1.1": "MOZILLA PUBLIC LICENSE\n                                Version 1.1"}
    bodies = {"Unicode-3.0": ("Unicode, Inc.", 1800), "MPL-1.1": ("Netscape Communications Corporation", 20000)}
    for spdx_id in _licence_ids():
        if spdx_id in heads:
            text = (ROOT / "LICENSES" / f"{spdx_id}.txt").read_text(encoding="utf-8")
            assert text.strip(" ").startswith(heads[spdx_id] + "\n"), spdx_id
            phrase, size = bodies.get(spdx_id, ("Creative Commons", 7000))
            assert phrase in text and len(text) > size, spdx_id


def test_python_classifiers_lie_within_requires_python() -> None:
    specifiers = pytest.importorskip("packaging.specifiers")
    allowed = specifiers.SpecifierSet(PROJECT["requires-python"])
    versions = [c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"]
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert versions, "no Python-version classifiers"
    assert [v for v in versions if v not in allowed] == []


def test_one_version_source() -> None:
    assert "version" not in PROJECT and "version" in PROJECT["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kaznlp.__version__"}
    # setuptools reads a literal assignment without importing kaznlp (and its dependencies);
    # anything else makes it import the package at build time, or silently build version 0.0.0
    tree = ast.parse((ROOT / "kaznlp" / "__init__.py").read_text(encoding="utf-8"))
    literals = [n.value.value for n in tree.body if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
                and any(isinstance(t, ast.Name) and t.id == "__version__" for t in n.targets)]
    assert literals == [kaznlp.__version__]
    version = pytest.importorskip("packaging.version")
    assert str(version.Version(kaznlp.__version__)) == kaznlp.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(kaznlp.__version__)}\]", changelog, re.M), "CHANGELOG.md lacks this version"
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: \"?{re.escape(kaznlp.__version__)}\"?$", citation, re.M)


def test_every_data_file_says_its_source_and_licence() -> None:
    table = _licence_table()
    ids = set(_licence_ids())
    data = sorted(p for p in (ROOT / "kaznlp" / "data").iterdir() if p.is_file())
    assert data
    for path in data:
        key = path.relative_to(ROOT).as_posix()
        assert key in table, f"{key} is not in LICENSES/README.md"
        spdx_id, source = table[key]
        assert spdx_id in ids, f"{key}: {spdx_id} is not in the package's license expression"
        if "*no header*" in source:
            # the exception is real: the file cannot hold (or its reader does not skip) a header
            assert path.suffix == ".json" or not _text(path).startswith("#"), key
            continue
        header = _header(path)
        declared = [m.group(1) for line in header if (m := SPDX_LINE.match(line))]
        assert declared == [spdx_id], f"{key}: header says {declared}, LICENSES/README.md says {spdx_id}"
        assert any("source" in line.lower() for line in header), f"{key}: no source line in its header"
    # no stale rows
    for key in table:
        assert (ROOT / key).exists(), f"LICENSES/README.md lists {key}, which does not exist"


MODEL_PROJECT = ROOT / "packages" / "kk_kaznlp_ner"
MODEL_PYPROJECT = tomllib.loads((MODEL_PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _model_requirements() -> dict[str, str]:
    """``{extra: "kk-kaznlp-ner==..."}`` for every extra that brings the NER model."""
    return {extra: r for extra, reqs in PROJECT["optional-dependencies"].items() for r in reqs
            if _name(r) == "kk-kaznlp-ner"}


def test_model_distribution_licence_matches_its_files() -> None:
    """The NER model ships in its own distribution (kk-kaznlp-ner) with its own licence texts."""
    licenses = pytest.importorskip("packaging.licenses")
    expression = MODEL_PYPROJECT["license"]
    assert licenses.canonicalize_license_expression(expression) == expression
    ids = [t for t in re.split(r"[\s()]+", expression) if t and t not in {"AND", "OR", "WITH"}]
    meta = json.loads((MODEL_PROJECT / "kk_kaznlp_ner" / "model" / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] in ids and {s["license"] for s in meta["sources"]} <= set(ids)
    assert "kk_kaznlp_ner-<version>.dist-info" in meta["license_notes"]
    # its licence texts are the kaznlp repository's, byte for byte, and every one is named
    shipped = {Path(p) for pattern in MODEL_PYPROJECT["license-files"] for p in glob.glob(str(MODEL_PROJECT / pattern))}
    for spdx_id in ids:
        text = MODEL_PROJECT / ("LICENSE" if spdx_id == "MIT" else f"LICENSES/{spdx_id}.txt")
        assert text in shipped, f"{spdx_id}: {text} not in the model's license-files"
        assert text.read_bytes() == (ROOT / text.relative_to(MODEL_PROJECT)).read_bytes(), text
    assert sorted(p.stem for p in shipped if p.suffix == ".txt") == sorted(i for i in ids if i != "MIT")
    # the model card of the wheel (its README) names the licences and KazNERD
    card = (MODEL_PROJECT / MODEL_PYPROJECT["readme"]).read_text(encoding="utf-8")
    assert expression in card and "KazNERD" in card and "CC BY-SA 4.0" in card
    # the core no longer ships a model
    assert not (ROOT / "kaznlp" / "models").exists()
    assert not [p for p in PYPROJECT["tool"]["setuptools"]["package-data"]["kaznlp"] if "models" in p]


def test_model_distribution_moves_in_step_with_kaznlp() -> None:
    assert MODEL_PYPROJECT["name"] == "kk-kaznlp-ner"
    assert MODEL_PYPROJECT["version"] == kaznlp.__version__
    init = (MODEL_PROJECT / "kk_kaznlp_ner" / "__init__.py").read_text(encoding="utf-8")
    assert f'__version__ = "{kaznlp.__version__}"' in init
    # every extra that brings spaCy brings the model, pinned to this version (the PyPI form)
    assert set(_model_requirements()) == set(_spacy_specs()) >= {"ner", "spacy", "all"}
    assert set(_model_requirements().values()) == {f"kk-kaznlp-ner=={kaznlp.__version__}"}
    # the model needs kaznlp (its tokenizer and component) in a range that holds this version
    specifiers = pytest.importorskip("packaging.requirements")
    (core,) = [specifiers.Requirement(r) for r in MODEL_PYPROJECT["dependencies"] if _name(r) == "kaznlp"]
    assert kaznlp.__version__ in core.specifier
    (spacy_req,) = [r for r in MODEL_PYPROJECT["dependencies"] if _name(r) == "spacy"]
    assert spacy_req in set(_spacy_specs().values())


def test_build_backend_points_the_model_at_the_checkout_only(tmp_path: Path) -> None:
    """From a checkout, ``kaznlp[ner]`` requires the model folder; from the sdist, the PyPI pin."""
    assert PYPROJECT["build-system"]["build-backend"] == "kaznlp_backend"
    pytest.importorskip("setuptools.build_meta")  # what the backend wraps (a venv of Python 3.12+ has none)
    (path,) = PYPROJECT["build-system"]["backend-path"]
    spec = importlib.util.spec_from_file_location("kaznlp_backend", ROOT / path / "kaznlp_backend.py")
    assert spec is not None and spec.loader is not None
    kaznlp_backend = importlib.util.module_from_spec(spec)  # loaded from its file: no sys.path edit
    spec.loader.exec_module(kaznlp_backend)
    pin = f"kk-kaznlp-ner=={kaznlp.__version__}"
    metadata = f'Name: kaznlp\nRequires-Dist: spacy<4,>=3.8.16; extra == "ner"\nRequires-Dist: {pin}; extra == "ner"\n'
    local = kaznlp_backend.local_metadata(metadata)
    uri = MODEL_PROJECT.resolve().as_uri()
    assert f'Requires-Dist: kk-kaznlp-ner @ {uri} ; extra == "ner"\n' in local
    assert "spacy<4,>=3.8.16" in local and pin not in local
    # the direct reference is a valid PEP 508 requirement with its marker
    requirements = pytest.importorskip("packaging.requirements")
    req = requirements.Requirement(local.splitlines()[2].split(": ", 1)[1])
    assert req.url == uri and str(req.marker) == 'extra == "ner"'
    # a wheel built in the checkout: that METADATA line changes, RECORD's hash follows it
    import base64
    import hashlib
    import zipfile

    wheel_dir = tmp_path
    name = f"kaznlp-{kaznlp.__version__}-py3-none-any.whl"
    info = f"kaznlp-{kaznlp.__version__}.dist-info"
    with zipfile.ZipFile(wheel_dir / name, "w") as whl:
        whl.writestr("kaznlp/__init__.py", "")
        whl.writestr(f"{info}/METADATA", metadata)
        whl.writestr(f"{info}/RECORD", f"kaznlp/__init__.py,,0\n{info}/METADATA,sha256=stale,1\n{info}/RECORD,,\n")
    assert kaznlp_backend._patch_wheel(str(wheel_dir), name) == name
    with zipfile.ZipFile(wheel_dir / name) as whl:
        new = whl.read(f"{info}/METADATA")
        record = whl.read(f"{info}/RECORD").decode()
        assert whl.namelist() == ["kaznlp/__init__.py", f"{info}/METADATA", f"{info}/RECORD"]
    assert new.decode() == local
    digest = base64.urlsafe_b64encode(hashlib.sha256(new).digest()).rstrip(b"=").decode()
    assert f"{info}/METADATA,sha256={digest},{len(new)}\n" in record and "kaznlp/__init__.py,,0" in record
    assert [p.name for p in wheel_dir.iterdir()] == [name]  # no temporary file left
    # the sdist carries the backend but not the model project, so its builds keep the pin
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert "include packages/backend/kaznlp_backend.py" in manifest and "prune packages/kk_kaznlp_ner" in manifest


def test_a_data_file_may_ship_compressed(tmp_path: Path) -> None:
    """``_data.read_text`` gives the same text for ``name``, ``name.gz`` and ``name.xz``, so a large
    file (the character model) can ship compressed without its readers changing."""
    text = _data.read_text("abbreviations.tsv")
    (tmp_path / "abbreviations.tsv.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    assert _data._read(tmp_path, "abbreviations.tsv") == text
    _data.write_file(tmp_path / "abbreviations.tsv.xz", text)
    assert _data.read_file(tmp_path / "abbreviations.tsv.xz") == text
    assert _data._read(tmp_path, "abbreviations.tsv") == text  # .xz is read first
    (tmp_path / "abbreviations.tsv.xz").unlink()
    (tmp_path / "abbreviations.tsv").write_text("# plain first\n", encoding="utf-8")
    assert _data._read(tmp_path, "abbreviations.tsv") == "# plain first\n"
    with pytest.raises(FileNotFoundError, match="reinstall kaznlp"):
        _data._read(tmp_path, "missing.tsv")


def test_headers_do_not_leak_into_loaded_data() -> None:
    """The readers skip ``#`` lines, so the licence lines are no abbreviation, suffix or domain."""
    loaded = [*_data.abbreviations(), *affixes.number_suffixes(), *_data.tlds(),
              *(w for words in _data.hyphen_words().values() for w in words)]
    assert loaded and not [w for w in loaded if "spdx" in w.lower() or "licen" in w.lower() or w.startswith("#")]
    assert [t.text for t in kaznlp.tokenize("Сайт: stat.gov.kz, т.б.")] == ["Сайт", ":", "stat.gov.kz", ",", "т.б."]


# -- dependencies by need (issue 17, item 1) ------------------------------------------------------

#: packages that only an extra may bring; the core must import and run without any of them
HEAVY = ("spacy", "thinc", "numpy", "pydantic", "torch", "stanza", "dask", "distributed", "pandas", "threadpoolctl")


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def _spacy_specs() -> dict[str, str]:
    """``{extra: "spacy>=..."}`` for every extra that brings spaCy."""
    return {extra: r for extra, reqs in PROJECT["optional-dependencies"].items() for r in reqs if _name(r) == "spacy"}


def test_core_dependencies_are_light() -> None:
    core = {_name(r) for r in PROJECT["dependencies"]}
    assert "unicodedata2" in core
    assert not core & set(HEAVY), f"core dependencies {sorted(core & set(HEAVY))} belong in an extra"
    assert core <= {"unicodedata2"}, "a new core dependency: small and pure Python only (and say why)"


def test_extras_agree() -> None:
    extras = PROJECT["optional-dependencies"]
    assert sorted(extras["ner"]) == sorted(extras["spacy"]), "[spacy] is another name for [ner]"
    runtime = {r for name in extras if name not in {"all", "spacy", "test", "lint", "bench"} for r in extras[name]}
    assert set(extras["all"]) == runtime, "[all] is exactly every run-time extra"
    # one spaCy range everywhere, with a lower bound (the one .ci/check_installs tests)
    specs = set(_spacy_specs().values())
    assert len(specs) == 1, specs
    (spec,) = specs
    m = re.fullmatch(r"spacy>=(\d+\.\d+\.\d+),<4", spec)
    assert m, spec
    # the docs say the same lowest version
    for page in ("docs/install.md", "docs/spacy_stanza.md", "README.md"):
        assert f"spaCy {m.group(1)}" in (ROOT / page).read_text(encoding="utf-8"), f"{page} does not name spaCy {m.group(1)}"
    # the lint tools are pinned: a new release may add checks and turn CI red by itself
    assert all("==" in r for r in extras["lint"])


_BLOCK_EXTRAS = f"""
import importlib.abc, sys
class _NoExtras(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {HEAVY!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, _NoExtras())
HEAVY = {HEAVY!r}
"""


def _run_without_extras(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter in which no extra's package can be imported."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-c", _BLOCK_EXTRAS + textwrap.dedent(code)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)


def test_core_runs_without_any_extra(tmp_path: Path) -> None:
    """The core API and ``kaznlp process`` work when spaCy, numpy, torch, Stanza and Dask are absent."""
    res = _run_without_extras("""
        import json, sys
        import kaznlp
        from kaznlp.cli import main
        text = "Мемлекеттiк тiл туралы заң қабылданды. ҚР-ның 63%-ы қолдады."
        doc = kaznlp.process(text)
        assert [s.text for s in doc.sentences] == ["Мемлекеттiк тiл туралы заң қабылданды.", "ҚР-ның 63%-ы қолдады."]
        assert [t.text for t in kaznlp.tokenize(text)][-4:] == ["ҚР-ның", "63%-ы", "қолдады", "."]
        assert kaznlp.transliterate("Қазақстан", to="latn") != "Қазақстан"
        assert main(["process", "--sample", "-o", "sample.jsonl", "-q"]) == 0
        record = json.loads(open("sample.jsonl", encoding="utf-8").read())
        assert record["sentences"] and record["text"]
        loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
        assert not loaded, loaded
        print("ok")
    """, tmp_path)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr[-2000:]


def test_ner_without_spacy_names_the_extra(tmp_path: Path) -> None:
    res = _run_without_extras("""
        import kaznlp
        for call in (lambda: kaznlp.load(), lambda: kaznlp.ner("Тоқаев Астанада сөйледі.")):
            try:
                call()
            except ModuleNotFoundError as exc:
                print(exc)
            else:
                raise SystemExit("no error without spaCy")
    """, tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    messages = res.stdout.strip().splitlines()
    assert messages and all('pip install "kaznlp[ner]"' in m or "pip install \".[ner]\"" in m for m in messages), messages
