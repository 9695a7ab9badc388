"""kaznlp's build backend: ``setuptools.build_meta``, with the model requirement pointed at a checkout.

The ``ner`` extra of kaznlp needs the model distribution ``kk-kaznlp-ner``, which
``pyproject.toml`` requires as ``kk-kaznlp-ner==<version>``: what a release on PyPI says (PyPI
rejects direct references). kk-kaznlp-ner is built from this repository
(``packages/kk_kaznlp_ner``) and is not on PyPI yet, so a wheel built **in a checkout** (what
``pip install ".[ner]"`` and ``pip install -e ".[ner]"`` do) requires it as a direct reference
to that folder instead::

    Requires-Dist: kk-kaznlp-ner @ file:///<checkout>/packages/kk_kaznlp_ner ; extra == "ner"

and pip builds and installs the model from there. Only that one line of the wheel's
``METADATA`` changes (and its hash in ``RECORD``); everything else is setuptools' own output.
The sdist does not carry ``packages/kk_kaznlp_ner`` and its metadata is left as written, so the
sdist, and the wheel that ``python -m build`` builds from it, keep the PyPI form.

A checkout whose ``packages/kk_kaznlp_ner`` has another version than the pin is a build error
(the two versions move in step).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403  (every hook; those that write metadata are wrapped below)

#: the model's project folder, present in a checkout, absent from the sdist
MODEL_PROJECT = Path(__file__).resolve().parents[1] / "kk_kaznlp_ner"
MODEL_DIST = "kk-kaznlp-ner"
_PINNED = re.compile(r"^Requires-Dist: kk[-_.]kaznlp[-_.]ner\s*==\s*([^\s;]+)\s*(;.*)?$", re.M | re.I)


def _model_version() -> str:
    text = (MODEL_PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        raise RuntimeError(f"no version in {MODEL_PROJECT / 'pyproject.toml'}")
    return match.group(1)


def local_metadata(metadata: str) -> str:
    """``metadata`` (a METADATA text) with the pinned model requirement as a direct reference.

    Unchanged when there is no model folder beside this backend (a build from the sdist).
    """
    if not (MODEL_PROJECT / "pyproject.toml").is_file():
        return metadata

    def repl(m: re.Match[str]) -> str:
        pinned, local = m.group(1), _model_version()
        if pinned != local:
            raise RuntimeError(
                f"pyproject.toml pins {MODEL_DIST}=={pinned}, but {MODEL_PROJECT} is version {local}; "
                "the two versions move in step"
            )
        marker = f" ; {m.group(2)[1:].strip()}" if m.group(2) else ""
        return f"Requires-Dist: {MODEL_DIST} @ {MODEL_PROJECT.as_uri()}{marker}"

    return _PINNED.sub(repl, metadata)


def _patch_metadata_dir(metadata_directory: str, dist_info: str) -> str:
    path = Path(metadata_directory) / dist_info / "METADATA"
    text = path.read_text(encoding="utf-8")
    new = local_metadata(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return dist_info


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest},{len(data)}"


def _patch_wheel(wheel_directory: str, wheel_name: str) -> str:
    """Rewrite the wheel's METADATA (and its RECORD line) in place, if the checkout form applies."""
    path = Path(wheel_directory) / wheel_name
    with zipfile.ZipFile(path) as zin:
        names = zin.namelist()
        meta_name = next(n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        old = zin.read(meta_name)
        new = local_metadata(old.decode("utf-8")).encode("utf-8")
        if new == old:
            return wheel_name
        record_name = meta_name.rsplit("/", 1)[0] + "/RECORD"
        record = zin.read(record_name).decode("utf-8")
        record = re.sub(rf"^{re.escape(meta_name)},[^\n]*$", f"{meta_name},{_record_hash(new)}", record, flags=re.M)
        fd, tmp = tempfile.mkstemp(suffix=".whl", dir=wheel_directory)
        os.close(fd)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = new if info.filename == meta_name else record.encode("utf-8") if (
                    info.filename == record_name) else zin.read(info)
                zout.writestr(info, data)
    os.replace(tmp, path)
    return wheel_name


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Any = None) -> str:
    dist_info = _setuptools.prepare_metadata_for_build_wheel(metadata_directory, config_settings)
    return _patch_metadata_dir(metadata_directory, dist_info)


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: Any = None) -> str:
    dist_info = _setuptools.prepare_metadata_for_build_editable(metadata_directory, config_settings)
    return _patch_metadata_dir(metadata_directory, dist_info)


def build_wheel(wheel_directory: str, config_settings: Any = None, metadata_directory: str | None = None) -> str:
    name = _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
    return _patch_wheel(wheel_directory, name)


def build_editable(wheel_directory: str, config_settings: Any = None, metadata_directory: str | None = None) -> str:
    name = _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
    return _patch_wheel(wheel_directory, name)
